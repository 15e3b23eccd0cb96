#include "hub/hubserver.h"

#include "core/triage.h"
#include "hub/adminapi.h"
#include "hub/cannedresponseapi.h"
#include "hub/careapi.h"
#include "hub/careflow.h"
#include "hub/conversationapi.h"
#include "hub/eventstream.h"
#include "hub/httplistener.h"
#include "hub/hubconfig.h"
#include "hub/hubdatabase.h"
#include "hub/logging.h"
#include "hub/mediafetcher.h"
#include "hub/mediasendapi.h"
#include "hub/outboxworker.h"
#include "hub/permissionapi.h"
#include "hub/scheduler.h"
#include "hub/staffapi.h"
#include "hub/templatesync.h"
#include "hub/userapi.h"
#include "hub/webhookreceiver.h"
#include "store/database.h"
#include "store/keyfile.h"
#include "whatsapp/graphclient.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace Wardline::Hub {

namespace {
const QString Connection = QStringLiteral("hub");
}

HubServer::HubServer(const HubConfig &config, const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_clock(clock)
{
}

HubServer::~HubServer()
{
    // Stop taking webhooks, commit what was received, then close the database.
    if (m_webhookListener)
        m_webhookListener->stopAccepting();
    delete m_webhooks;
    m_webhooks = nullptr;
    m_careFlow.reset();
    delete m_scheduler;
    m_scheduler = nullptr;
    delete m_templates; // before the client it talks through
    m_templates = nullptr;
    delete m_outbox; // before the client it sends through
    m_outbox = nullptr;
    delete m_media;
    m_media = nullptr;
    m_graph.reset();
    m_api.reset();
    // Everything else that holds the database (staff API, event stream, listeners) goes before
    // the connection is closed, so the close is clean and the WAL is checkpointed.
    qDeleteAll(findChildren<QObject *>(Qt::FindDirectChildrenOnly));
    m_staffApi = nullptr;
    m_events = nullptr;
    m_webhookListener = nullptr;
    m_db = QSqlDatabase();
    Store::Database::close(Connection);
    if (m_lockFd >= 0)
        ::close(m_lockFd); // releases the flock
}

Core::Status HubServer::lockDataDir()
{
    const QByteArray path = QFile::encodeName(m_config.dataDir() + QStringLiteral("/hub.lock"));
    m_lockFd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (m_lockFd < 0)
        return Core::Status::failure(
            QStringLiteral("Unable to create %1: %2")
                .arg(QFile::decodeName(path), QString::fromLocal8Bit(std::strerror(errno))));
    if (::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0) {
        char pid[32] = {};
        const ssize_t n = ::pread(m_lockFd, pid, sizeof pid - 1, 0);
        ::close(m_lockFd);
        m_lockFd = -1;
        return Core::Status::failure(
            QStringLiteral("Another wardline-hub (pid %1) is already serving %2; two hubs must "
                           "never share one embedded database.")
                .arg(n > 0 ? QString::fromLatin1(pid).trimmed() : QStringLiteral("?"),
                     m_config.dataDir()));
    }
    const QByteArray pid = QByteArray::number(::getpid()) + '\n';
    if (::ftruncate(m_lockFd, 0) != 0 ||
        ::pwrite(m_lockFd, pid.constData(), size_t(pid.size()), 0) < 0)
        qCWarning(lcHub, "could not write the pid into hub.lock");
    return {};
}

Core::Status HubServer::start()
{
    if (auto locked = lockDataDir(); !locked)
        return locked;
    auto db = openHubDatabase(m_config, Connection);
    if (!db)
        return Core::Status::failure(db.error());
    m_db = std::move(db).value();
    if (auto webhooks = startWebhooks(); !webhooks)
        return webhooks;
    if (auto outbox = startOutbox(); !outbox)
        return outbox;
    if (auto care = startCare(); !care)
        return care;
    return startApi();
}

Core::Status HubServer::startWebhooks()
{
    auto secret = Store::KeyFile::readSecret(m_config.path("whatsapp/app_secret_file"));
    if (!secret)
        return Core::Status::failure(
            QStringLiteral("Meta's app secret is needed to check webhook signatures (whatsapp/"
                           "app_secret_file): %1")
                .arg(secret.error()));
    auto verifyToken = Store::KeyFile::readSecret(m_config.path("whatsapp/verify_token_file"));
    if (!verifyToken)
        return Core::Status::failure(
            QStringLiteral("The webhook verify token is needed (whatsapp/verify_token_file): %1")
                .arg(verifyToken.error()));
    const QString listen = m_config.value("webhook/listen");
    const auto address = ListenAddress::parse(listen);
    bool ok = false;
    const qint64 maxBody = m_config.value("webhook/max_body").toLongLong(&ok);
    if (!address || !ok || maxBody <= 0)
        return Core::Status::failure(
            QStringLiteral("webhook/listen or webhook/max_body in hub.conf is not valid"));
    m_webhooks = new WebhookReceiver(m_db, std::move(secret).value(),
                                     QString::fromUtf8(verifyToken.value()), m_clock, this);
    m_webhookListener = new HttpListener(
        [receiver = m_webhooks](const HttpRequest &request, HttpResponder responder) {
            receiver->handle(request, responder);
        },
        this);
    HttpListener::Limits limits;
    limits.maxBody = maxBody;
    m_webhookListener->setLimits(limits);
    if (auto listening = m_webhookListener->listen(address->host, address->port); !listening)
        return Core::Status::failure(QStringLiteral("The webhook listener cannot listen on %1: %2")
                                         .arg(listen, listening.error()));
    qCInfo(lcHub, "webhooks accepted on port %d", int(m_webhookListener->port()));
    return {};
}

Core::Status HubServer::startOutbox()
{
    auto token = Store::KeyFile::readSecret(m_config.path("whatsapp/access_token_file"));
    if (!token)
        return Core::Status::failure(
            QStringLiteral("Meta's access token is needed to send (whatsapp/access_token_file): %1")
                .arg(token.error()));
    WhatsApp::GraphConfig graph;
    graph.baseUrl = QUrl(m_config.value("whatsapp/graph_url"));
    graph.apiVersion = m_config.value("whatsapp/api_version");
    graph.phoneNumberId = m_config.value("whatsapp/phone_number_id");
    graph.wabaId = m_config.value("whatsapp/waba_id");
    graph.accessToken = std::move(token).value();
    graph.timeoutMs = std::max(100, m_config.value("whatsapp/timeout_ms").toInt());
    m_graph = std::make_unique<WhatsApp::GraphClient>(graph);
    OutboxWorker::Settings settings;
    settings.ratePerSecond = std::max(1, m_config.value("whatsapp/send_rate").toInt());
    settings.pairIntervalMs = std::max(0, m_config.value("whatsapp/pair_interval_ms").toInt());
    settings.retryBaseMs = std::max(1, m_config.value("whatsapp/retry_base_ms").toInt());
    settings.uncertainGraceMs = std::max(0, m_config.value("whatsapp/uncertain_grace_ms").toInt());
    m_outbox = new OutboxWorker(m_db, *m_graph, m_clock, settings, this);
    m_outbox->start();
    m_media = new MediaFetcher(m_db, *m_graph, m_clock, this);
    connect(m_webhooks, &WebhookReceiver::messagesStored, m_media, &MediaFetcher::poll);
    m_media->start();
    return {};
}

Core::Status HubServer::startCare()
{
    // The hub refuses to run without working triage: an emergency must never go unnoticed.
    const QString lexicons = m_config.value("care/triage_lexicons");
    auto triage = lexicons.isEmpty()
                      ? Core::TriageEngine::loadBuiltIn()
                      : Core::TriageEngine::loadFromFiles(lexicons.split(u',', Qt::SkipEmptyParts));
    if (!triage)
        return Core::Status::failure(
            QStringLiteral("The triage lexicons cannot be used: %1").arg(triage.error()));
    m_triage = std::make_unique<Core::TriageEngine>(std::move(triage).value());
    m_careFlow = std::make_unique<CareFlow>(m_db, *m_triage);
    if (auto s = m_careFlow->refreshSettings(); !s)
        return s;
    m_webhooks->setCareFlow(m_careFlow.get());
    m_scheduler = new Scheduler(m_db, m_clock, m_config.value("whatsapp/phone_number_id"), this);
    m_scheduler->start(std::max(1, m_config.value("care/scheduler_seconds").toInt()) * 1000);
    m_templates = new TemplateSync(m_db, *m_graph, m_clock, this);
    m_templates->setAppId(m_config.value("whatsapp/app_id"));
    m_templates->start();
    return {};
}

QString HubServer::eventsUrl() const
{
    return m_events ? m_events->url() : QString();
}

quint16 HubServer::webhookPort() const
{
    return m_webhookListener ? m_webhookListener->port() : 0;
}

Core::Status HubServer::startApi()
{
    const QString listen = m_config.value("api/listen");
    const auto address = ListenAddress::parse(listen);
    if (!address)
        return Core::Status::failure(
            QStringLiteral("api/listen = \"%1\" is not an address:port").arg(listen));
    const QString tls = m_config.value("api/tls");
    if (tls != QLatin1StringView("on") && tls != QLatin1StringView("off"))
        return Core::Status::failure(
            QStringLiteral("api/tls must be on or off, not \"%1\"").arg(tls));
    m_tls = tls == QLatin1StringView("on");
    if (!m_tls && !address->isLoopback())
        return Core::Status::failure(
            QStringLiteral("api/tls = off is accepted only for a loopback address, and %1 is not "
                           "one: staff passwords and patient data must not cross the network in "
                           "the clear")
                .arg(listen));

    std::optional<QSslConfiguration> ssl;
    if (m_tls) {
        QFile certFile(m_config.path("api/tls_cert"));
        QFile keyFile(m_config.path("api/tls_key"));
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return Core::Status::failure(
                QStringLiteral("The staff API needs a TLS certificate and key (%1, %2). Install "
                               "the hospital's certificate there, or set api/tls = off for a "
                               "loopback-only hub.")
                    .arg(certFile.fileName(), keyFile.fileName()));
        const QSslCertificate cert(&certFile, QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey privateKey(keyPem, QSsl::Rsa, QSsl::Pem);
        if (privateKey.isNull())
            privateKey = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (cert.isNull() || privateKey.isNull())
            return Core::Status::failure(
                QStringLiteral("%1 or %2 is not a PEM certificate and private key")
                    .arg(certFile.fileName(), keyFile.fileName()));
        ssl = QSslConfiguration::defaultConfiguration();
        ssl->setLocalCertificate(cert);
        ssl->setPrivateKey(privateKey);
        ssl->setProtocol(QSsl::TlsV1_2OrLater);
    }
    std::unique_ptr<QTcpServer> socket;
    if (ssl) {
        auto sslServer = std::make_unique<QSslServer>();
        sslServer->setSslConfiguration(*ssl);
        socket = std::move(sslServer);
    } else {
        socket = std::make_unique<QTcpServer>();
    }
    if (!socket->listen(address->host, address->port))
        return Core::Status::failure(QStringLiteral("The staff API cannot listen on %1: %2")
                                         .arg(listen, socket->errorString()));
    m_api = std::make_unique<QHttpServer>();
    addRoutes();
    m_apiSocket = socket.release();
    m_api->bind(m_apiSocket);
    qCInfo(lcHub, "staff API listening on %s", qUtf8Printable(apiUrl()));

    const QString eventsListen = m_config.value("api/events_listen");
    const auto eventsAddress = ListenAddress::parse(eventsListen);
    if (!eventsAddress || (!ssl && !eventsAddress->isLoopback()))
        return Core::Status::failure(
            QStringLiteral("api/events_listen = \"%1\" must be an address:port, and a loopback "
                           "one while api/tls = off")
                .arg(eventsListen));
    m_events = new EventStream(m_db, *m_staffApi, this);
    if (auto listening =
            m_events->listen(eventsAddress->host, eventsAddress->port, ssl ? &*ssl : nullptr);
        !listening)
        return Core::Status::failure(QStringLiteral("The event stream cannot listen on %1: %2")
                                         .arg(eventsListen, listening.error()));
    m_staffApi->setEventsUrl(m_events->url());
    return {};
}

void HubServer::addRoutes()
{
    m_api->route(QStringLiteral("/api/v1/health"), QHttpServerRequest::Method::Get, [] {
        return QHttpServerResponse(QJsonObject{
            {QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("service"), QStringLiteral("wardline-hub")},
            {QStringLiteral("version"), QStringLiteral(WARDLINE_VERSION)},
        });
    });
    m_staffApi = new StaffApi(m_db, m_config, m_clock, this);
    m_staffApi->addRoutes(*m_api);
    auto *conversations = new ConversationApi(m_db, *m_staffApi, m_clock, this);
    conversations->addRoutes(*m_api);
    (new MediaSendApi(m_db, *m_staffApi, m_clock, this))->addRoutes(*m_api);
    (new CareApi(m_db, *m_staffApi, m_clock, this))->addRoutes(*m_api);
    auto *admin = new AdminApi(m_db, *m_staffApi, m_clock, this);
    admin->addRoutes(*m_api);
    admin->setTemplateSubmitter([this] {
        if (m_templates)
            m_templates->submitWaiting();
    });
    (new UserApi(m_db, *m_staffApi, m_clock, this))->addRoutes(*m_api);
    (new PermissionApi(m_db, *m_staffApi, m_clock, this))->addRoutes(*m_api);
    (new CannedResponseApi(m_db, *m_staffApi, m_clock, this))->addRoutes(*m_api);
    conversations->setReadReceipts([this](const QString &wamid) {
        if (!m_graph)
            return;
        m_graph->markAsRead(wamid, this, [](WhatsApp::GraphResult<WhatsApp::GraphDone> done) {
            if (!done.ok()) // cosmetic for the patient; the record is unaffected
                qCWarning(lcHub, "read receipt not delivered: %s",
                          qUtf8Printable(done.error().logSummary()));
        });
    });
}

quint16 HubServer::apiPort() const
{
    return m_apiSocket ? m_apiSocket->serverPort() : 0;
}

QString HubServer::apiUrl() const
{
    if (!m_apiSocket)
        return {};
    const QHostAddress host = m_apiSocket->serverAddress();
    const QString hostText = host.protocol() == QAbstractSocket::IPv6Protocol
                                 ? u'[' + host.toString() + u']'
                                 : host.toString();
    return (m_tls ? QStringLiteral("https://") : QStringLiteral("http://")) + hostText + u':' +
           QString::number(apiPort());
}

} // namespace Wardline::Hub
