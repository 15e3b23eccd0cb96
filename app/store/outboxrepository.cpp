#include "store/outboxrepository.h"

#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Wardline::Store {

namespace {
constexpr auto Columns = "id, idempotency_key, conversation_id, payload, state, attempts, "
                         "next_attempt_at, wamid";

OutboxItem readItem(const QSqlQuery &q)
{
    OutboxItem item;
    item.id = q.value(0).toLongLong();
    item.idempotencyKey = q.value(1).toString();
    item.conversationId = q.value(2).toLongLong();
    item.payload = q.value(3).toString();
    item.state = q.value(4).toString();
    item.attempts = q.value(5).toInt();
    item.nextAttemptAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
    item.wamid = q.value(7).toString();
    return item;
}
} // namespace

OutboxRepository::OutboxRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Core::Status OutboxRepository::update(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_db);
    query.prepare(sql);
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (!query.exec())
        return Core::Status::failure(Database::describe(query.lastError()));
    return {};
}

Core::Result<qint64> OutboxRepository::enqueue(const QString &key, qint64 conversationId,
                                               const QString &payload, const QDateTime &now,
                                               bool *created)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO outbox (idempotency_key, conversation_id, payload, next_attempt_at, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (idempotency_key) DO NOTHING"));
    for (const QVariant &v : {QVariant(key), conversationId ? QVariant(conversationId) : QVariant(),
                              QVariant(payload), QVariant(now), QVariant(now), QVariant(now)})
        query.addBindValue(v);
    if (!query.exec())
        return Core::Result<qint64>::failure(Database::describe(query.lastError()));
    if (created)
        *created = query.numRowsAffected() > 0;
    query.prepare(QStringLiteral("SELECT id FROM outbox WHERE idempotency_key = ?"));
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return Core::Result<qint64>::failure(Database::describe(query.lastError()));
    return query.value(0).toLongLong();
}

Core::Result<QList<OutboxItem>> OutboxRepository::due(const QDateTime &now, int limit) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE state = 'queued' AND "
                                 "next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")
                      .arg(QLatin1StringView(Columns)));
    query.addBindValue(now);
    query.addBindValue(limit);
    if (!query.exec())
        return Core::Result<QList<OutboxItem>>::failure(Database::describe(query.lastError()));
    QList<OutboxItem> items;
    while (query.next())
        items.append(readItem(query));
    return items;
}

std::optional<OutboxItem> OutboxRepository::find(qint64 id) const
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("SELECT %1 FROM outbox WHERE id = ?").arg(QLatin1StringView(Columns)));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readItem(query);
}

Core::Status OutboxRepository::markSending(qint64 id, const QDateTime &now)
{
    return update(QStringLiteral("UPDATE outbox SET state = 'sending', attempts = attempts + 1, "
                                 "updated_at = ? WHERE id = ?"),
                  {now, id});
}

Core::Status OutboxRepository::markSent(qint64 id, const QString &wamid, const QDateTime &now)
{
    if (auto s = update(QStringLiteral("UPDATE outbox SET state = 'sent', wamid = ?, "
                                       "error_code = NULL, error_text = NULL, updated_at = ? "
                                       "WHERE id = ?"),
                        {wamid, now, id});
        !s)
        return s;
    // The message joins its conversation; statuses that arrived first are already recorded.
    if (auto s = update(
            QStringLiteral("INSERT INTO messages (conversation_id, wamid, direction, type, body, "
                           "payload, status, sent_at, created_at) "
                           "SELECT conversation_id, ?, 'out', "
                           "coalesce(json_extract(payload, '$.type'), 'text'), "
                           "coalesce(json_extract(payload, '$.text.body'), "
                           "json_extract(payload, '$.template.name'), "
                           "json_extract(payload, '$.image.caption'), ''), payload, 'sent', ?, ? "
                           "FROM outbox WHERE id = ? AND conversation_id IS NOT NULL "
                           "ON CONFLICT (wamid) DO NOTHING"),
            {wamid, now, now, id});
        !s)
        return s;
    // An image staff sent (queued as "wardline-media:ID", see Hub::OutboxWorker) is the
    // message's file from now on, seen and audited like a patient's.
    return update(QStringLiteral("UPDATE media SET message_id = (SELECT id FROM messages WHERE "
                                 "wamid = ?) WHERE message_id IS NULL AND 'wardline-media:' || "
                                 "id = (SELECT json_extract(payload, '$.image.id') FROM outbox "
                                 "WHERE id = ?)"),
                  {wamid, id});
}

Core::Status OutboxRepository::retryAt(qint64 id, const QDateTime &at, int code,
                                       const QString &text, const QDateTime &now)
{
    return update(QStringLiteral("UPDATE outbox SET state = 'queued', next_attempt_at = ?, "
                                 "error_code = ?, error_text = ?, updated_at = ? WHERE id = ?"),
                  {at, code ? QVariant(code) : QVariant(), text, now, id});
}

Core::Status OutboxRepository::markFailed(qint64 id, int code, const QString &text,
                                          const QDateTime &now)
{
    return update(QStringLiteral("UPDATE outbox SET state = 'failed', error_code = ?, "
                                 "error_text = ?, updated_at = ? WHERE id = ?"),
                  {code ? QVariant(code) : QVariant(), text, now, id});
}

Core::Status OutboxRepository::markUncertain(qint64 id, const QDateTime &resendAt,
                                             const QDateTime &now)
{
    return update(QStringLiteral("UPDATE outbox SET state = 'uncertain', next_attempt_at = ?, "
                                 "updated_at = ? WHERE id = ? AND state = 'sending'"),
                  {resendAt, now, id});
}

Core::Status OutboxRepository::recover(const QDateTime &resendAt, const QDateTime &now)
{
    // Rows already uncertain get a fresh grace too: a hub that was down longer than the grace
    // must first hear the status webhooks Meta retries before it sends anything again.
    return update(QStringLiteral("UPDATE outbox SET state = 'uncertain', next_attempt_at = ?, "
                                 "updated_at = ? WHERE state IN ('sending', 'uncertain')"),
                  {resendAt, now});
}

Core::Status OutboxRepository::requeueUncertain(const QDateTime &now)
{
    return update(QStringLiteral("UPDATE outbox SET state = 'queued', updated_at = ? "
                                 "WHERE state = 'uncertain' AND next_attempt_at <= ?"),
                  {now, now});
}

Core::Result<std::optional<OutboxItem>>
OutboxRepository::reconcile(const QString &key, const QString &wamid, const QDateTime &now)
{
    QSqlQuery query(m_db);
    using R = Core::Result<std::optional<OutboxItem>>;
    query.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE idempotency_key = ? AND state IN "
                                 "('sending', 'uncertain', 'queued')")
                      .arg(QLatin1StringView(Columns)));
    query.addBindValue(key);
    if (!query.exec())
        return R::failure(Database::describe(query.lastError()));
    if (!query.next())
        return std::optional<OutboxItem>();
    OutboxItem item = readItem(query);
    query.finish();
    if (auto s = markSent(item.id, wamid, now); !s)
        return R::failure(s.error());
    item.state = QStringLiteral("sent");
    item.wamid = wamid;
    return std::optional<OutboxItem>(item);
}

} // namespace Wardline::Store
