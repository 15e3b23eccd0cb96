#include "sim/httpreply.h"

#include "sim/grapherror.h"
#include "sim/metajson.h"

#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QtGlobal>

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#endif

namespace Wardline::Sim {

namespace {
const QByteArray JsonType = QByteArrayLiteral("application/json; charset=UTF-8");
} // namespace

HttpReply HttpReply::graph(const QJsonObject &body, const QString &version, int status)
{
    HttpReply reply;
    reply.status = status;
    reply.body = MetaJson::serialize(body);
    reply.contentType = JsonType;
    // Meta names the version that answered
    // (https://developers.facebook.com/docs/graph-api/guides/versioning).
    reply.headers.append({QByteArrayLiteral("facebook-api-version"), version.toLatin1()});
    return reply;
}

HttpReply HttpReply::graphError(const GraphError &error, const QString &version)
{
    const QString traceId = GraphError::newTraceId();
    HttpReply reply = graph(error.toJson(traceId), version, error.httpStatus());
    // As Meta sends it: OAuth "Facebook Platform" "<invalid_token|invalid_request>" "<message>".
    const QByteArray kind = error.isTokenError() ? QByteArrayLiteral("invalid_token")
                                                 : QByteArrayLiteral("invalid_request");
    QByteArray message = error.message().toUtf8();
    message.replace('"', '\'');
    reply.headers.append(
        {QByteArrayLiteral("www-authenticate"),
         QByteArrayLiteral("OAuth \"Facebook Platform\" \"") + kind + "\" \"" + message + '"'});
    reply.headers.append({QByteArrayLiteral("x-fb-trace-id"), traceId.toLatin1()});
    return reply;
}

HttpReply HttpReply::control(const QJsonObject &body, int status)
{
    HttpReply reply;
    reply.status = status;
    reply.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    reply.contentType = JsonType;
    return reply;
}

HttpReply HttpReply::controlError(int status, const QString &message)
{
    return control({{QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), message}}}},
                   status);
}

HttpReply HttpReply::bytes(QByteArray body, QByteArray contentType, int status)
{
    HttpReply reply;
    reply.status = status;
    reply.body = std::move(body);
    reply.contentType = std::move(contentType);
    return reply;
}

HttpReply HttpReply::withhold()
{
    HttpReply reply;
    reply.withheld = true;
    return reply;
}

QHttpServerResponse HttpReply::toResponse() const
{
    QHttpServerResponse response(contentType, body, QHttpServerResponse::StatusCode(status));
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    // Qt 6.8 replaced the header functions of QHttpServerResponse with QHttpHeaders.
    QHttpHeaders all = response.headers();
    for (const auto &[name, value] : headers)
        all.append(name, value);
    response.setHeaders(std::move(all));
#else
    for (const auto &[name, value] : headers)
        response.addHeader(name, value);
#endif
    return response;
}

} // namespace Wardline::Sim
