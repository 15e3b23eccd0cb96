#include "whatsapp/webhookpayload.h"

namespace Wardline::WhatsApp {

const WebhookContact *WebhookChange::contactFor(const WebhookMessage &message) const
{
    // Match on wa_id first: it is what "from" carries. A username-only user has no wa_id, and
    // then the business-scoped user id is the only link between the two.
    if (!message.from.isEmpty()) {
        for (const WebhookContact &contact : contacts) {
            if (contact.waId == message.from)
                return &contact;
        }
    }
    if (!message.fromUserId.isEmpty()) {
        for (const WebhookContact &contact : contacts) {
            if (contact.userId == message.fromUserId)
                return &contact;
        }
    }
    return nullptr;
}

QString WebhookProblem::toString() const
{
    QString itemName;
    QString listName;
    switch (item) {
    case Item::Entry:
        return QStringLiteral("entry %1: %2").arg(entryIndex).arg(what);
    case Item::Change:
        return QStringLiteral("entry %1, change %2: %3").arg(entryIndex).arg(changeIndex).arg(what);
    case Item::Contact:
        itemName = QStringLiteral("contact");
        listName = QStringLiteral("contacts");
        break;
    case Item::Message:
        itemName = QStringLiteral("message");
        listName = QStringLiteral("messages");
        break;
    case Item::Status:
        itemName = QStringLiteral("status");
        listName = QStringLiteral("statuses");
        break;
    case Item::Error:
        itemName = QStringLiteral("error");
        listName = QStringLiteral("errors");
        break;
    }
    const QString where = itemIndex < 0 ? listName : itemName + u' ' + QString::number(itemIndex);
    return QStringLiteral("entry %1, change %2, %3: %4")
        .arg(entryIndex)
        .arg(changeIndex)
        .arg(where, what);
}

qsizetype WebhookBatch::messageCount() const
{
    qsizetype count = 0;
    for (const WebhookEntry &entry : entries) {
        for (const WebhookChange &change : entry.changes)
            count += change.messages.size();
    }
    return count;
}

qsizetype WebhookBatch::statusCount() const
{
    qsizetype count = 0;
    for (const WebhookEntry &entry : entries) {
        for (const WebhookChange &change : entry.changes)
            count += change.statuses.size();
    }
    return count;
}

} // namespace Wardline::WhatsApp
