#include "sim/simserver.h"

#include "sim/controlapi.h"
#include "sim/graphapi.h"
#include "sim/httpreply.h"
#include "sim/logging.h"
#include "sim/mediaendpoint.h"
#include "sim/simscheduler.h"
#include "sim/simservices.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QTcpServer>
#include <QtGlobal>

namespace Wardline::Sim {

namespace {
// Withheld requests kept at most; older ones are let go (never answered).
constexpr std::size_t MaxWithheld = 256;

// Qt 6.8 passes the responder by reference and sends a QHttpServerResponse through it; 6.4
// passes it as an rvalue and the response writes itself to it.
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
using ResponderArgument = QHttpServerResponder &;
void send(QHttpServerResponder &responder, const QHttpServerResponse &response)
{
    responder.sendResponse(response);
}
#else
using ResponderArgument = QHttpServerResponder &&;
void send(QHttpServerResponder &responder, const QHttpServerResponse &response)
{
    response.write(std::move(responder));
}
#endif
} // namespace

SimServer::SimServer(QObject *parent)
    : QObject(parent)
{
}

SimServer::~SimServer()
{
    // The HTTP server goes first: no request may reach the services while they are destroyed.
    m_http.reset();
    m_withheld.clear();
}

void SimServer::useClock(Core::Clock &clock)
{
    m_injectedClock = &clock;
}

bool SimServer::start(const SimConfig &config, QString *error)
{
    if (m_http) {
        if (error)
            *error = tr("the simulator is already running on port %1.").arg(m_port);
        return false;
    }

    // Our own QTcpServer: it says why listening failed, and bind() takes it on Qt 6.4 to 6.8+.
    auto tcp = std::make_unique<QTcpServer>();
    if (!tcp->listen(config.listenAddress, config.listenPort)) {
        if (error) {
            QUrl where;
            where.setHost(config.listenAddress.toString());
            where.setPort(config.listenPort);
            *error = tcp->serverError() == QAbstractSocket::AddressInUseError
                         ? tr("cannot listen on %1: the port is already in use. Choose another "
                              "port with --listen, or stop the program that uses it.")
                               .arg(where.authority())
                         : tr("cannot listen on %1: %2. Choose an address of this machine with "
                              "--listen, e.g. 127.0.0.1:8090.")
                               .arg(where.authority(), tcp->errorString());
        }
        return false;
    }

    m_config = config;
    m_port = tcp->serverPort();
    Core::Clock *clock = m_injectedClock;
    if (!clock && config.manualClock) {
        m_ownClock = std::make_unique<Core::ManualClock>(
            config.clockStart.isValid() ? config.clockStart : QDateTime::currentDateTimeUtc());
        clock = m_ownClock.get();
    }
    const Core::Clock &effective = clock ? *clock : Core::Clock::system();
    m_services = std::make_unique<SimServices>(m_config, effective,
                                               dynamic_cast<Core::ManualClock *>(clock));
    m_services->setPublicUrl(url());
    m_graph = std::make_unique<GraphApi>(*m_services);
    m_control = std::make_unique<ControlApi>(*m_services);

    m_http = std::make_unique<QHttpServer>();
    // One catch-all route (a QUrl argument matches ".*"): Graph resolves objects by id, not by
    // fixed paths, so SimServer dispatches itself.
    m_http->route(QStringLiteral("/<arg>"),
                  [this](const QUrl &, const QHttpServerRequest &request,
                         ResponderArgument responder) { respond(request, responder); });
    tcp->setParent(m_http.get());
    m_http->bind(tcp.release());
    qCInfo(lcSim).noquote() << "listening on" << url().toString() << "as phone number"
                            << m_config.phoneNumberId << "of WABA" << m_config.wabaId
                            << "with Graph API" << m_config.apiVersion
                            << (m_services->scheduler().isManual() ? "on a manual clock" : "");
    return true;
}

QUrl SimServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_config.listenAddress.toString());
    url.setPort(m_port);
    return url;
}

bool SimServer::advance(qint64 milliseconds)
{
    return m_services && m_services->scheduler().advance(milliseconds);
}

void SimServer::respond(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const HttpReply reply = route(request);
    if (reply.withheld) {
        m_withheld.push_back(std::make_unique<QHttpServerResponder>(std::move(responder)));
        if (m_withheld.size() > MaxWithheld)
            m_withheld.erase(m_withheld.begin());
        return;
    }
    send(responder, reply.toResponse());
}

HttpReply SimServer::route(const QHttpServerRequest &request)
{
    const QString path = request.url().path();
    // Not Graph paths: the liveness check, the control API and media downloads.
    if (request.method() == QHttpServerRequest::Method::Get && path == u"/health") {
        return HttpReply::control({{QStringLiteral("status"), QStringLiteral("ok")},
                                   {QStringLiteral("api_version"), m_config.apiVersion}});
    }
    if (path.startsWith(ControlApi::Prefix))
        return m_control->handle(request);
    if (path == MediaEndpoint::DownloadPath && request.method() == QHttpServerRequest::Method::Get)
        return m_graph->media().download(request);
    return m_graph->handle(request);
}

} // namespace Wardline::Sim
