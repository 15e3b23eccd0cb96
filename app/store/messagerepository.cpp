#include "store/messagerepository.h"

#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Wardline::Store {

using Core::Result;

MessageRepository::MessageRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<std::optional<qint64>> MessageRepository::insertInbound(const InboundMessage &message,
                                                               const QDateTime &now)
{
    using R = Result<std::optional<qint64>>;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO messages (conversation_id, wamid, direction, type, body, payload, "
        "reply_to_wamid, status, sent_at, created_at) VALUES (?, ?, 'in', ?, ?, ?, ?, "
        "'delivered', ?, ?) ON CONFLICT (wamid) DO NOTHING"));
    query.addBindValue(message.conversationId);
    query.addBindValue(message.wamid);
    query.addBindValue(message.type);
    query.addBindValue(message.body);
    query.addBindValue(message.payload);
    query.addBindValue(message.replyToWamid.isEmpty() ? QVariant()
                                                      : QVariant(message.replyToWamid));
    query.addBindValue(message.sentAt);
    query.addBindValue(now);
    if (!query.exec())
        return R::failure(Database::describe(query.lastError()));
    if (query.numRowsAffected() == 0)
        return std::optional<qint64>();
    return std::optional<qint64>(query.lastInsertId().toLongLong());
}

Result<bool> MessageRepository::applyStatus(const QString &wamid, const QString &statusName,
                                            std::optional<Core::DeliveryStatus> status,
                                            const QDateTime &at, const QString &payload,
                                            int errorCode, const QString &errorText)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO message_statuses (wamid, status, at, payload) "
                                 "VALUES (?, ?, ?, ?) ON CONFLICT (wamid, status) DO NOTHING"));
    query.addBindValue(wamid);
    query.addBindValue(statusName);
    query.addBindValue(at);
    query.addBindValue(payload);
    if (!query.exec())
        return Result<bool>::failure(Database::describe(query.lastError()));
    if (query.numRowsAffected() == 0)
        return false;
    if (!status)
        return true; // kept in the history; the tracked state knows no such step

    query.prepare(QStringLiteral("SELECT status FROM messages WHERE wamid = ?"));
    query.addBindValue(wamid);
    if (!query.exec())
        return Result<bool>::failure(Database::describe(query.lastError()));
    if (!query.next())
        return true; // a status for a message this hub did not record (sent elsewhere)
    const auto current = Core::deliveryStatusFromName(query.value(0).toString())
                             .value_or(Core::DeliveryStatus::Pending);
    const Core::DeliveryStatus merged = Core::mergeDeliveryStatus(current, *status);
    if (merged == current)
        return true;
    query.prepare(QStringLiteral("UPDATE messages SET status = ?, status_at = ?, error_code = ?, "
                                 "error_text = ? WHERE wamid = ?"));
    query.addBindValue(Core::deliveryStatusName(merged));
    query.addBindValue(at);
    query.addBindValue(errorCode ? QVariant(errorCode) : QVariant());
    query.addBindValue(errorText.isEmpty() ? QVariant() : QVariant(errorText));
    query.addBindValue(wamid);
    if (!query.exec())
        return Result<bool>::failure(Database::describe(query.lastError()));
    return true;
}

} // namespace Wardline::Store
