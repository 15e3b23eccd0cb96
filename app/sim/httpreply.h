#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

QT_BEGIN_NAMESPACE
class QHttpServerResponse;
QT_END_NAMESPACE

namespace Wardline::Sim {

class GraphError;

/// One answer of the simulator before it becomes an HTTP response: status, body, headers — or
/// the decision to withhold the answer (an injected timeout).
struct HttpReply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool withheld = false;

    /// A Graph API success: the body serialised as Meta does (escaped), the version header.
    [[nodiscard]] static HttpReply graph(const QJsonObject &body, const QString &version,
                                         int status = 200);
    /// A Graph API error with a fresh fbtrace_id, WWW-Authenticate and x-fb-trace-id as Meta
    /// sends them.
    [[nodiscard]] static HttpReply graphError(const GraphError &error, const QString &version);
    /// A control API (/_sim/) answer: plain compact JSON.
    [[nodiscard]] static HttpReply control(const QJsonObject &body, int status = 200);
    /// A control API refusal: {"error":{"message":…}} with \a status.
    [[nodiscard]] static HttpReply controlError(int status, const QString &message);
    /// Raw bytes (media downloads, plain-text refusals).
    [[nodiscard]] static HttpReply bytes(QByteArray body, QByteArray contentType, int status = 200);
    /// No answer at all: the client's own timeout ends the request.
    [[nodiscard]] static HttpReply withhold();

    [[nodiscard]] QHttpServerResponse toResponse() const;
};

} // namespace Wardline::Sim
