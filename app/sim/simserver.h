#pragma once

#include "core/clock.h"
#include "sim/simconfig.h"

#include <QObject>
#include <QUrl>

#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
QT_END_NAMESPACE

namespace Wardline::Sim {

class ControlApi;
class GraphApi;
class SimServices;
struct HttpReply;

/// wardline-sim's HTTP side: Meta's Graph API paths, payloads and errors on a local port,
/// the media download URLs, the control API under /_sim/ and /health.
class SimServer : public QObject
{
    Q_OBJECT

public:
    explicit SimServer(QObject *parent = nullptr);
    ~SimServer() override;

    /// Runs the simulator on \a clock (a Core::ManualClock makes /_sim/advance work) instead of
    /// the one the configuration asks for. Call before start(); \a clock must outlive this.
    void useClock(Core::Clock &clock);

    /// Binds the configured address and starts answering. False, and a sentence for the
    /// operator in \a error, when it cannot listen (address in use, not local, …).
    [[nodiscard]] bool start(const SimConfig &config, QString *error);

    /// The port actually listened on (the real one when 0 was asked for); 0 before start().
    [[nodiscard]] quint16 port() const { return m_port; }
    /// http://address:port, for the "listening on" line and for clients.
    [[nodiscard]] QUrl url() const;

    /// The simulated platform; null before start().
    [[nodiscard]] SimServices *services() const { return m_services.get(); }
    /// Moves a manual clock by \a milliseconds, running what falls due; false on a system clock.
    [[nodiscard]] bool advance(qint64 milliseconds);

private:
    void respond(const QHttpServerRequest &request, QHttpServerResponder &responder);
    [[nodiscard]] HttpReply route(const QHttpServerRequest &request);

    SimConfig m_config;
    Core::Clock *m_injectedClock = nullptr;
    std::unique_ptr<Core::ManualClock> m_ownClock;
    std::unique_ptr<SimServices> m_services;
    std::unique_ptr<GraphApi> m_graph;
    std::unique_ptr<ControlApi> m_control;
    std::unique_ptr<QHttpServer> m_http;
    // Requests whose answer is withheld (an injected timeout), oldest first.
    std::vector<std::unique_ptr<QHttpServerResponder>> m_withheld;
    quint16 m_port = 0;
};

} // namespace Wardline::Sim
