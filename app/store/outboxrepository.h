#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace Wardline::Store {

/// One message waiting to go to Meta.
struct OutboxItem
{
    qint64 id = 0;
    QString idempotencyKey;
    qint64 conversationId = 0;
    QString payload; ///< the send request's JSON, as GraphMessage::toJson() made it
    QString state;   ///< queued, sending, uncertain, sent, failed
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString wamid;
};

/// The durable outbox. Every message to a patient is a row first; the row's idempotency key
/// makes a retried request from a console a no-op, and its state makes a restart safe:
///   queued → sending → sent | queued (retry) | failed
///   sending → uncertain when the outcome is unknown (timeout, crash): it is sent again only
///   if no status webhook for it (biz_opaque_callback_data = its key) arrived in the meantime.
class OutboxRepository
{
public:
    explicit OutboxRepository(QSqlDatabase db);

    /// Adds a row, or finds the one with the same key. \a created tells which.
    [[nodiscard]] Core::Result<qint64> enqueue(const QString &key, qint64 conversationId,
                                               const QString &payload, const QDateTime &now,
                                               bool *created = nullptr);
    /// Queued rows due at \a now, oldest first.
    [[nodiscard]] Core::Result<QList<OutboxItem>> due(const QDateTime &now, int limit) const;
    [[nodiscard]] Core::Status markSending(qint64 id, const QDateTime &now);
    /// Meta accepted it: the row is done and the message is in the conversation.
    [[nodiscard]] Core::Status markSent(qint64 id, const QString &wamid, const QDateTime &now);
    [[nodiscard]] Core::Status retryAt(qint64 id, const QDateTime &at, int code,
                                       const QString &text, const QDateTime &now);
    [[nodiscard]] Core::Status markFailed(qint64 id, int code, const QString &text,
                                          const QDateTime &now);
    /// The outcome is unknown; it may go again at \a resendAt unless a status shows it arrived.
    [[nodiscard]] Core::Status markUncertain(qint64 id, const QDateTime &resendAt,
                                             const QDateTime &now);
    /// After a restart: rows left in "sending" become uncertain, and every uncertain row waits
    /// until \a resendAt for a status that settles it.
    [[nodiscard]] Core::Status recover(const QDateTime &resendAt, const QDateTime &now);
    /// Uncertain rows whose grace has passed are queued again.
    [[nodiscard]] Core::Status requeueUncertain(const QDateTime &now);
    /// A status webhook named this key: the message reached Meta as \a wamid. Returns the row
    /// when this settled it, nothing when it was settled already (or is not ours).
    [[nodiscard]] Core::Result<std::optional<OutboxItem>>
    reconcile(const QString &key, const QString &wamid, const QDateTime &now);
    [[nodiscard]] std::optional<OutboxItem> find(qint64 id) const;

private:
    [[nodiscard]] Core::Status update(const QString &sql, const QVariantList &values);

    QSqlDatabase m_db;
};

} // namespace Wardline::Store
