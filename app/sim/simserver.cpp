#include "sim/simserver.h"

#include "core/crypto.h"
#include "sim/grapherror.h"
#include "sim/graphrequest.h"
#include "sim/logging.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QTcpServer>
#include <QtGlobal>

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#endif

namespace Wardline::Sim {

namespace {
using StatusCode = QHttpServerResponse::StatusCode;

// Qt 6.8 replaced the header functions of QHttpServerResponse with QHttpHeaders; keep the
// difference here.
void addHeader(QHttpServerResponse &response, const QByteArray &name, const QByteArray &value)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders headers = response.headers();
    headers.append(name, value);
    response.setHeaders(std::move(headers));
#else
    response.addHeader(name, value);
#endif
}

[[nodiscard]] QHttpServerResponse jsonResponse(const QJsonObject &body, int status,
                                               const QString &version)
{
    QHttpServerResponse response(body, StatusCode(status));
    // Meta names the version that answered
    // (https://developers.facebook.com/docs/graph-api/guides/versioning).
    addHeader(response, QByteArrayLiteral("facebook-api-version"), version.toLatin1());
    return response;
}
} // namespace

SimServer::SimServer(QObject *parent)
    : QObject(parent)
{
}

SimServer::~SimServer() = default;

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
    m_phoneNumber.emplace(config.phoneNumberId, config.displayPhoneNumber, config.verifiedName);
    m_port = tcp->serverPort();
    m_http = std::make_unique<QHttpServer>();
    // One catch-all route (a QUrl argument matches ".*"): Graph resolves objects by id, not by
    // fixed paths, so SimServer dispatches itself.
    m_http->route(
        QStringLiteral("/<arg>"),
        [this](const QUrl &, const QHttpServerRequest &request) { return handle(request); });
    tcp->setParent(m_http.get());
    m_http->bind(tcp.release());
    qCInfo(lcSim).noquote() << "listening on" << url().toString() << "as phone number"
                            << m_config.phoneNumberId << "with Graph API" << m_config.apiVersion;
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

QHttpServerResponse SimServer::handle(const QHttpServerRequest &request)
{
    // Not a Graph path: the simulator's own liveness check, without a token.
    if (request.method() == QHttpServerRequest::Method::Get && request.url().path() == u"/health") {
        return QHttpServerResponse(
            QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                        {QStringLiteral("api_version"), m_config.apiVersion}});
    }
    const GraphRequest graph = GraphRequest::parse(request, m_config.apiVersion);
    QHttpServerResponse response = handleGraph(graph);
    qCDebug(lcSim).noquote() << graph.methodName().toUpper() << graph.path() << "->"
                             << int(response.statusCode());
    return response;
}

QHttpServerResponse SimServer::handleGraph(const GraphRequest &request) const
{
    // Meta checks the token before it looks at the path.
    if (!request.accessToken())
        return errorResponse(GraphError::accessTokenRequired(), request.version());
    if (!isAuthorized(request))
        return errorResponse(GraphError::invalidAccessToken(), request.version());

    const QStringList &components = request.components();
    if (components.isEmpty())
        return errorResponse(GraphError::unsupportedRequest(request.methodName(), {}),
                             request.version());
    const QString &objectId = components.constFirst();
    if (objectId != m_phoneNumber->id())
        return errorResponse(GraphError::unsupportedRequest(request.methodName(), objectId),
                             request.version());
    if (components.size() == 1) {
        if (request.method() == QHttpServerRequest::Method::Get)
            return phoneNumber(request);
        return errorResponse(GraphError::unsupportedRequest(request.methodName(), objectId),
                             request.version());
    }
    if (components.size() == 2) {
        // Edges (messages, media, …) come with later work; until then the node has none.
        // Reading a missing edge is a missing field to Graph; writing to one is unsupported.
        if (request.method() != QHttpServerRequest::Method::Get)
            return errorResponse(GraphError::unsupportedRequest(request.methodName(), objectId),
                                 request.version());
        return errorResponse(
            GraphError::nonexistingField(components.at(1), PhoneNumberNode::NodeType),
            request.version());
    }
    const QString extra = QLatin1StringView("/") + components.sliced(1).join(u'/');
    return errorResponse(GraphError::unknownPathComponents(extra), request.version());
}

QHttpServerResponse SimServer::phoneNumber(const GraphRequest &request) const
{
    QString unknown;
    const std::optional<QJsonObject> body = request.selectFields(
        m_phoneNumber->allFields(), PhoneNumberNode::defaultFields(), &unknown);
    if (!body)
        return errorResponse(GraphError::nonexistingField(unknown, PhoneNumberNode::NodeType),
                             request.version());
    return jsonResponse(*body, 200, request.version());
}

bool SimServer::isAuthorized(const GraphRequest &request) const
{
    return request.accessToken() &&
           Core::Crypto::equalConstantTime(*request.accessToken(), m_config.accessToken);
}

QHttpServerResponse SimServer::errorResponse(const GraphError &error, const QString &version)
{
    const QString traceId = GraphError::newTraceId();
    QHttpServerResponse response = jsonResponse(error.toJson(traceId), error.httpStatus(), version);
    // As Meta sends it: OAuth "Facebook Platform" "<invalid_token|invalid_request>" "<message>".
    const QByteArray kind = error.isTokenError() ? QByteArrayLiteral("invalid_token")
                                                 : QByteArrayLiteral("invalid_request");
    QByteArray message = error.message().toUtf8();
    message.replace('"', '\'');
    addHeader(response, QByteArrayLiteral("www-authenticate"),
              QByteArrayLiteral("OAuth \"Facebook Platform\" \"") + kind + "\" \"" + message + '"');
    addHeader(response, QByteArrayLiteral("x-fb-trace-id"), traceId.toLatin1());
    return response;
}

} // namespace Wardline::Sim
