#include "sim/deliverysimulator.h"

#include "sim/contactbook.h"
#include "sim/messagelog.h"
#include "sim/simscheduler.h"
#include "sim/simservices.h"
#include "sim/webhookpayloads.h"
#include "sim/webhooksender.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Wardline::Sim {

namespace {
[[nodiscard]] QString stageName(int stage)
{
    switch (stage) {
    case 1:
        return QStringLiteral("sent");
    case 2:
        return QStringLiteral("delivered");
    case 3:
        return QStringLiteral("read");
    case 4:
        return QStringLiteral("failed");
    default:
        return QStringLiteral("accepted");
    }
}
} // namespace

DeliverySimulator::DeliverySimulator(SimServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
}

void DeliverySimulator::track(const SentMessage &message, const std::optional<GraphError> &failure)
{
    const SimBehaviour &b = m_services.config().behaviour;
    const QString wamid = message.wamid;
    m_stages.insert(wamid, Stage::Accepted);
    SimScheduler &scheduler = m_services.scheduler();
    const qint64 firstDelay = std::max(0, b.statusSentMs);

    if (failure) {
        const GraphError error = *failure;
        scheduler.schedule(firstDelay, this, [this, wamid, error] { fail(wamid, error); });
        return;
    }
    if (m_services.config().behaviour.undeliverable.contains(message.waId)) {
        // Meta may report "sent" first and then the failure; this simulator fails at once.
        scheduler.schedule(firstDelay, this,
                           [this, wamid] { fail(wamid, GraphError::undeliverable()); });
        return;
    }
    if (b.statusSentMs < 0)
        return;
    qint64 at = b.statusSentMs;
    scheduler.schedule(at, this, [this, wamid] { advanceTo(wamid, Stage::Sent); });
    if (b.statusDeliveredMs < 0)
        return;
    at += b.statusDeliveredMs;
    scheduler.schedule(at, this, [this, wamid] { advanceTo(wamid, Stage::Delivered); });
    if (b.statusReadMs < 0)
        return;
    at += b.statusReadMs;
    scheduler.schedule(at, this, [this, wamid] { advanceTo(wamid, Stage::Read); });
}

void DeliverySimulator::patientReplied(const QString &waId)
{
    if (m_services.config().behaviour.statusReadMs < 0)
        return; // read receipts off
    for (const SentMessage &message : m_services.log().allSent()) {
        if (message.waId != waId)
            continue;
        const Stage stage = m_stages.value(message.wamid, Stage::Read);
        if (stage == Stage::Sent || stage == Stage::Delivered)
            advanceTo(message.wamid, Stage::Read);
    }
}

void DeliverySimulator::advanceTo(const QString &wamid, Stage stage)
{
    const auto it = m_stages.find(wamid);
    // Statuses move forward only; a failed message stays failed.
    if (it == m_stages.end() || *it == Stage::Failed || int(*it) >= int(stage))
        return;
    const SentMessage *message = m_services.log().sent(wamid);
    if (!message)
        return;
    // Skipped stages are not reported: Meta may skip "delivered" when a message is read at once.
    *it = stage;
    m_services.log().setStatus(wamid, stageName(int(stage)));
    m_services.webhooks().enqueue(WebhookPayloads::status(
        m_services.business(), statusObject(*message, stage), m_services.scheduler().now()));
}

void DeliverySimulator::fail(const QString &wamid, const GraphError &error)
{
    const auto it = m_stages.find(wamid);
    if (it == m_stages.end() || *it == Stage::Failed)
        return;
    const SentMessage *message = m_services.log().sent(wamid);
    if (!message)
        return;
    *it = Stage::Failed;
    m_services.log().setStatus(wamid, QStringLiteral("failed"), error.code());
    const Contact &contact = m_services.contacts().ensure(message->waId);
    QJsonObject status{
        {QStringLiteral("id"), wamid},
        {QStringLiteral("status"), QStringLiteral("failed")},
        {QStringLiteral("timestamp"),
         QString::number(m_services.scheduler().now().toSecsSinceEpoch())},
        {QStringLiteral("recipient_id"), message->waId},
        {QStringLiteral("recipient_user_id"), contact.userId},
        {QStringLiteral("errors"), QJsonArray{error.toWebhookError()}},
    };
    if (!message->bizOpaque.isEmpty())
        status.insert(QStringLiteral("biz_opaque_callback_data"), message->bizOpaque);
    m_services.webhooks().enqueue(
        WebhookPayloads::status(m_services.business(), status, m_services.scheduler().now()));
}

QJsonObject DeliverySimulator::statusObject(const SentMessage &message, Stage stage) const
{
    const SimBehaviour &b = m_services.config().behaviour;
    const Contact &contact = m_services.contacts().ensure(message.waId);
    QJsonObject status{
        {QStringLiteral("id"), message.wamid},
        {QStringLiteral("status"), stageName(int(stage))},
        {QStringLiteral("timestamp"),
         QString::number(m_services.scheduler().now().toSecsSinceEpoch())},
        {QStringLiteral("recipient_id"), message.waId},
        {QStringLiteral("recipient_user_id"), contact.userId},
    };
    if (!message.bizOpaque.isEmpty())
        status.insert(QStringLiteral("biz_opaque_callback_data"), message.bizOpaque);

    // Conversation: one per user and category for 24 hours; expiration only on "sent".
    bool opened = false;
    const ContactBook::Conversation conversation =
        m_services.contacts().conversation(message.waId, message.category, &opened);
    QJsonObject conversationJson{
        {QStringLiteral("id"), conversation.id},
        {QStringLiteral("origin"), QJsonObject{{QStringLiteral("type"), message.category}}},
    };
    if (stage == Stage::Sent) {
        conversationJson.insert(QStringLiteral("expiration_timestamp"),
                                QString::number(conversation.expires.toSecsSinceEpoch()));
    }
    status.insert(QStringLiteral("conversation"), conversationJson);

    // Pricing. PMP: service replies and utility templates inside the customer service window
    // are free ("free_customer_service"); everything else is "regular" and billable.
    // CBP: service conversations are free since November 2024.
    QJsonObject pricing{{QStringLiteral("pricing_model"), b.pricingModel},
                        {QStringLiteral("category"), message.category}};
    if (b.pricingModel == u"PMP") {
        const bool free =
            message.category == u"service" || (message.category == u"utility" && message.inWindow);
        pricing.insert(QStringLiteral("billable"), !free);
        pricing.insert(QStringLiteral("type"),
                       free ? QStringLiteral("free_customer_service") : QStringLiteral("regular"));
    } else {
        pricing.insert(QStringLiteral("billable"), message.category != u"service");
    }
    status.insert(QStringLiteral("pricing"), pricing);
    return status;
}

} // namespace Wardline::Sim
