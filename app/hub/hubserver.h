#pragma once

#include "core/result.h"

#include <QObject>
#include <QSqlDatabase>

#include <memory>

class QHttpServer;
class QTcpServer;

namespace Wardline::Core {
class Clock;
class TriageEngine;
} // namespace Wardline::Core
namespace Wardline::WhatsApp {
class GraphClient;
}

namespace Wardline::Hub {

class CareFlow;
class EventStream;
class Scheduler;
class TemplateSync;
class HttpListener;
class MediaFetcher;
class OutboxWorker;
class HubConfig;
class StaffApi;
class WebhookReceiver;

/// `wardline-hub serve`: owns the hub's record and its listeners. The staff API listens on
/// TLS (plain only when configured for a loopback address).
class HubServer : public QObject
{
    Q_OBJECT
public:
    HubServer(const HubConfig &config, const Core::Clock &clock, QObject *parent = nullptr);
    ~HubServer() override;

    /// Opens the database and starts listening; the error says what to fix.
    [[nodiscard]] Core::Status start();
    /// The staff API's port (useful when the config asked for port 0).
    [[nodiscard]] quint16 apiPort() const;
    /// "https://127.0.0.1:8443" or "http://..." as consoles should reach it.
    [[nodiscard]] QString apiUrl() const;
    /// The webhook listener's port and the receiver behind it.
    [[nodiscard]] quint16 webhookPort() const;
    [[nodiscard]] WebhookReceiver *webhooks() const { return m_webhooks; }
    [[nodiscard]] OutboxWorker *outbox() const { return m_outbox; }
    [[nodiscard]] MediaFetcher *media() const { return m_media; }
    /// The consoles' live event WebSocket ("wss://..." or "ws://...").
    [[nodiscard]] QString eventsUrl() const;
    [[nodiscard]] QSqlDatabase database() const { return m_db; }
    [[nodiscard]] Scheduler *scheduler() const { return m_scheduler; }
    [[nodiscard]] TemplateSync *templates() const { return m_templates; }

private:
    [[nodiscard]] Core::Status startApi();
    [[nodiscard]] Core::Status startWebhooks();
    [[nodiscard]] Core::Status lockDataDir();
    [[nodiscard]] Core::Status startOutbox();
    [[nodiscard]] Core::Status startCare();
    void addRoutes();

    const HubConfig &m_config;
    const Core::Clock &m_clock;
    QSqlDatabase m_db;
    std::unique_ptr<QHttpServer> m_api;
    StaffApi *m_staffApi = nullptr;
    WebhookReceiver *m_webhooks = nullptr;
    HttpListener *m_webhookListener = nullptr;
    std::unique_ptr<WhatsApp::GraphClient> m_graph;
    OutboxWorker *m_outbox = nullptr;
    MediaFetcher *m_media = nullptr;
    EventStream *m_events = nullptr;
    std::unique_ptr<Core::TriageEngine> m_triage;
    std::unique_ptr<CareFlow> m_careFlow;
    Scheduler *m_scheduler = nullptr;
    TemplateSync *m_templates = nullptr;
    QTcpServer *m_apiSocket = nullptr; // owned by m_api after bind()
    bool m_tls = true;
    int m_lockFd = -1; // flock on DATA_DIR/hub.lock: one hub per embedded database
};

} // namespace Wardline::Hub
