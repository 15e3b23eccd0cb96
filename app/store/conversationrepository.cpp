#include "store/conversationrepository.h"

#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Wardline::Store {

ConversationRepository::ConversationRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Core::Result<qint64> ConversationRepository::openFor(qint64 patientId, const QString &phoneNumberId,
                                                     const QDateTime &now, bool *opened)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("SELECT id FROM conversations WHERE patient_id = ? AND "
                       "phone_number_id = ? AND state = 'open' ORDER BY id DESC LIMIT 1"));
    query.addBindValue(patientId);
    query.addBindValue(phoneNumberId);
    if (!query.exec())
        return Core::Result<qint64>::failure(Database::describe(query.lastError()));
    if (opened)
        *opened = false;
    if (query.next())
        return query.value(0).toLongLong();
    query.prepare(QStringLiteral("INSERT INTO conversations (patient_id, phone_number_id, "
                                 "created_at) VALUES (?, ?, ?)"));
    query.addBindValue(patientId);
    query.addBindValue(phoneNumberId);
    query.addBindValue(now);
    if (!query.exec())
        return Core::Result<qint64>::failure(Database::describe(query.lastError()));
    if (opened)
        *opened = true;
    return query.lastInsertId().toLongLong();
}

Core::Status ConversationRepository::recordInbound(qint64 conversationId, const QDateTime &at)
{
    // Out of order deliveries must not move the window back: keep the latest time.
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE conversations SET unread = unread + 1, "
        "last_inbound_at = CASE WHEN last_inbound_at IS NULL OR last_inbound_at < ? THEN ? "
        "ELSE last_inbound_at END, "
        "last_message_at = CASE WHEN last_message_at IS NULL OR last_message_at < ? THEN ? "
        "ELSE last_message_at END WHERE id = ?"));
    const QString time = at.toUTC().toString(Qt::ISODateWithMs);
    for (int i = 0; i < 4; ++i)
        query.addBindValue(time);
    query.addBindValue(conversationId);
    if (!query.exec())
        return Core::Status::failure(Database::describe(query.lastError()));
    return {};
}

} // namespace Wardline::Store
