#include "sim/webhookpayloads.h"

#include "sim/contactbook.h"
#include "sim/messagetemplate.h"

#include <QJsonArray>

namespace Wardline::Sim {

namespace {
[[nodiscard]] QJsonObject metadata(const WebhookPayloads::Business &business)
{
    return {{QStringLiteral("display_phone_number"), business.displayPhoneNumber},
            {QStringLiteral("phone_number_id"), business.phoneNumberId}};
}
} // namespace

WebhookUpdate WebhookPayloads::inboundMessage(const Business &business, const Contact &contact,
                                              const QJsonObject &message, bool withPhone,
                                              const QDateTime &time)
{
    QJsonObject profile{{QStringLiteral("name"), contact.name}};
    QJsonObject contactJson{{QStringLiteral("profile"), profile},
                            {QStringLiteral("user_id"), contact.userId}};
    if (withPhone)
        contactJson.insert(QStringLiteral("wa_id"), contact.waId);
    WebhookUpdate update;
    update.field = QStringLiteral("messages");
    update.value = {
        {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
        {QStringLiteral("metadata"), metadata(business)},
        {QStringLiteral("contacts"), QJsonArray{contactJson}},
        {QStringLiteral("messages"), QJsonArray{message}},
    };
    update.time = time;
    update.kind = QStringLiteral("message");
    update.ref = message.value(u"id").toString();
    update.state = message.value(u"type").toString();
    return update;
}

WebhookUpdate WebhookPayloads::status(const Business &business, const QJsonObject &status,
                                      const QDateTime &time)
{
    WebhookUpdate update;
    update.field = QStringLiteral("messages");
    update.value = {
        {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
        {QStringLiteral("metadata"), metadata(business)},
        {QStringLiteral("statuses"), QJsonArray{status}},
    };
    update.time = time;
    update.kind = QStringLiteral("status");
    update.ref = status.value(u"id").toString();
    update.state = status.value(u"status").toString();
    return update;
}

WebhookUpdate WebhookPayloads::templateStatus(const MessageTemplate &messageTemplate,
                                              const QString &event, const QString &reason,
                                              const QDateTime &time)
{
    WebhookUpdate update;
    update.field = QStringLiteral("message_template_status_update");
    update.value = {
        {QStringLiteral("event"), event},
        // A number in Meta's payload, not a string.
        {QStringLiteral("message_template_id"), messageTemplate.id.toLongLong()},
        {QStringLiteral("message_template_name"), messageTemplate.name},
        {QStringLiteral("message_template_language"), messageTemplate.language},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message_template_category"), messageTemplate.category},
    };
    update.time = time;
    update.kind = QStringLiteral("template");
    update.ref = messageTemplate.id;
    update.state = event;
    return update;
}

QJsonObject WebhookPayloads::envelope(const QString &wabaId, const QList<WebhookUpdate> &updates)
{
    QJsonArray entries;
    QStringList fields;
    for (const WebhookUpdate &update : updates) {
        if (!fields.contains(update.field))
            fields.append(update.field);
    }
    for (const QString &field : fields) {
        QJsonArray changes;
        QDateTime first;
        for (const WebhookUpdate &update : updates) {
            if (update.field != field)
                continue;
            if (!first.isValid())
                first = update.time;
            changes.append(QJsonObject{{QStringLiteral("value"), update.value},
                                       {QStringLiteral("field"), field}});
        }
        QJsonObject entry{{QStringLiteral("id"), wabaId}, {QStringLiteral("changes"), changes}};
        if (field != u"messages")
            entry.insert(QStringLiteral("time"), first.toSecsSinceEpoch());
        entries.append(entry);
    }
    return {{QStringLiteral("object"), QStringLiteral("whatsapp_business_account")},
            {QStringLiteral("entry"), entries}};
}

} // namespace Wardline::Sim
