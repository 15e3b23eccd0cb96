#pragma once

#include "sim/phonenumbernode.h"
#include "sim/simconfig.h"

#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;
QT_END_NAMESPACE

namespace Wardline::Sim {

class GraphError;
class GraphRequest;

/// wardline-sim's HTTP side: Meta's Graph API paths, payloads and errors on a local port.
class SimServer : public QObject
{
    Q_OBJECT

public:
    explicit SimServer(QObject *parent = nullptr);
    ~SimServer() override;

    /// Binds the configured address and starts answering. False, and a sentence for the
    /// operator in \a error, when it cannot listen (address in use, not local, …).
    [[nodiscard]] bool start(const SimConfig &config, QString *error);

    /// The port actually listened on (the real one when 0 was asked for); 0 before start().
    [[nodiscard]] quint16 port() const { return m_port; }
    /// http://address:port, for the "listening on" line and for clients.
    [[nodiscard]] QUrl url() const;

private:
    [[nodiscard]] QHttpServerResponse handle(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse handleGraph(const GraphRequest &request) const;
    [[nodiscard]] QHttpServerResponse phoneNumber(const GraphRequest &request) const;
    [[nodiscard]] bool isAuthorized(const GraphRequest &request) const;
    [[nodiscard]] static QHttpServerResponse errorResponse(const GraphError &error,
                                                           const QString &version);

    SimConfig m_config;
    std::optional<PhoneNumberNode> m_phoneNumber;
    std::unique_ptr<QHttpServer> m_http;
    quint16 m_port = 0;
};

} // namespace Wardline::Sim
