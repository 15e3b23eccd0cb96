#include "sim/messagesendpoint.h"

#include "sim/contactbook.h"
#include "sim/deliverysimulator.h"
#include "sim/faultinjector.h"
#include "sim/grapherror.h"
#include "sim/graphrequest.h"
#include "sim/logging.h"
#include "sim/mediastore.h"
#include "sim/messagelog.h"
#include "sim/messagevalidator.h"
#include "sim/ratelimiter.h"
#include "sim/simids.h"
#include "sim/simscheduler.h"
#include "sim/simservices.h"
#include "sim/templatestore.h"

#include <QJsonArray>

namespace Wardline::Sim {

MessagesEndpoint::MessagesEndpoint(SimServices &services)
    : m_services(services)
{
}

HttpReply MessagesEndpoint::post(const GraphRequest &request)
{
    const QString &version = request.version();
    if (m_services.faults().takeForcedSendError()) {
        qCInfo(lcSim) << "fault injection: a send answers with a server error";
        return HttpReply::graphError(GraphError::serviceUnavailable(), version);
    }
    QString parseError;
    const std::optional<QJsonObject> params = request.parameters(&parseError);
    if (!params)
        return HttpReply::graphError(GraphError::invalidParameter(parseError), version);

    const QJsonValue product = params->value(u"messaging_product");
    if (product.isUndefined())
        return HttpReply::graphError(GraphError::missingParameter(u"messaging_product"), version);
    if (product.toString() != u"whatsapp") {
        return HttpReply::graphError(
            GraphError::invalidParameter(
                QStringLiteral("Param messaging_product must be one of {WHATSAPP} - got \"%1\".")
                    .arg(product.toVariant().toString())),
            version);
    }
    if (params->value(u"status").toString() == u"read")
        return markRead(request, *params);

    const QString recipientType =
        params->value(u"recipient_type").toString(QStringLiteral("individual"));
    if (recipientType != u"individual") {
        return HttpReply::graphError(
            GraphError::invalidParameter(
                QStringLiteral("Param recipient_type must be individual on this number.")),
            version);
    }
    const QJsonValue toValue = params->value(u"to");
    const QString to =
        toValue.isDouble() ? QString::number(toValue.toInteger()) : toValue.toString();
    if (to.isEmpty())
        return HttpReply::graphError(GraphError::missingParameter(u"to"), version);
    const QString waId = m_services.contacts().resolve(to);
    if (waId.isEmpty()) {
        return HttpReply::graphError(
            GraphError::invalidParameter(
                QStringLiteral("Param to must be a WhatsApp user's phone number with country "
                               "code.")),
            version);
    }

    SentMessage draft;
    if (std::optional<GraphError> problem =
            MessageValidator::validate(*params, m_services.templates(), &draft)) {
        return HttpReply::graphError(*problem, version);
    }

    // The 24-hour rule: free-form messages only inside the customer service window.
    const SimBehaviour &behaviour = m_services.config().behaviour;
    draft.inWindow = m_services.contacts().windowOpen(waId);
    std::optional<GraphError> failure;
    if (draft.type != u"template" && !draft.inWindow) {
        if (behaviour.windowCheck == SimBehaviour::WindowCheck::Sync)
            return HttpReply::graphError(GraphError::reEngagement(), version);
        failure = GraphError::reEngagement();
    }

    switch (m_services.rateLimiter().admit(waId)) {
    case RateLimiter::Verdict::ThroughputExceeded:
        return HttpReply::graphError(GraphError::throughputLimit(), version);
    case RateLimiter::Verdict::PairExceeded:
        return HttpReply::graphError(GraphError::pairRateLimit(), version);
    case RateLimiter::Verdict::Allowed:
        break;
    }

    // A media id is resolved when WhatsApp fetches it for delivery: an unknown one fails later.
    if (!failure && !draft.mediaId.isEmpty() && !m_services.media().find(draft.mediaId)) {
        failure = GraphError::mediaUploadError(
            QStringLiteral("Unable to retrieve media with id %1: it does not exist or has "
                           "expired.")
                .arg(draft.mediaId));
    }

    draft.wamid = SimIds::wamid(waId, SimIds::Direction::Outbound);
    draft.to = to;
    draft.waId = waId;
    draft.time = m_services.scheduler().now();
    m_services.contacts().ensure(waId);
    const SentMessage &stored = m_services.log().addSent(draft);
    m_services.delivery().track(stored, failure);
    qCDebug(lcSim) << "accepted a" << draft.type << "message";

    QJsonObject messageJson{{QStringLiteral("id"), draft.wamid}};
    if (draft.type == u"template")
        messageJson.insert(QStringLiteral("message_status"), QStringLiteral("accepted"));
    return HttpReply::graph(
        {
            {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
            {QStringLiteral("contacts"), QJsonArray{QJsonObject{{QStringLiteral("input"), to},
                                                                {QStringLiteral("wa_id"), waId}}}},
            {QStringLiteral("messages"), QJsonArray{messageJson}},
        },
        version);
}

HttpReply MessagesEndpoint::markRead(const GraphRequest &request, const QJsonObject &params)
{
    const QString messageId = params.value(u"message_id").toString();
    if (messageId.isEmpty())
        return HttpReply::graphError(GraphError::missingParameter(u"message_id"),
                                     request.version());
    if (!m_services.log().markRead(messageId, m_services.scheduler().now())) {
        return HttpReply::graphError(GraphError::invalidParameter(QStringLiteral(
                                         "Param message_id must be the id of a message this number "
                                         "received.")),
                                     request.version());
    }
    return HttpReply::graph({{QStringLiteral("success"), true}}, request.version());
}

} // namespace Wardline::Sim
