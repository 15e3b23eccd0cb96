#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QQueue>
#include <QSqlDatabase>

class QTimer;

namespace Wardline::Core {
class Clock;
}
namespace Wardline::WhatsApp {
class GraphClient;
class GraphApiError;
class GraphMessage;
} // namespace Wardline::WhatsApp

namespace Wardline::Hub {

/// Sends the outbox to Meta within its limits: never more than \c ratePerSecond messages in any
/// second for the business number, no faster than \c pairIntervalMs to one patient; retryable
/// errors back off with jitter, permanent ones are recorded with Meta's reason, and an unknown
/// outcome (timeout, crash) is resent only when no status webhook showed it arrived.
class OutboxWorker : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int ratePerSecond = 80;    ///< Meta's default per-number throughput
        int pairIntervalMs = 6000; ///< about one message per 6 s to the same user (131056)
        int maxAttempts = 12;
        int retryBaseMs = 1000; ///< first retry delay; doubles per attempt, capped at 15 min
        int uncertainGraceMs = 10 * 60 * 1000; ///< wait this long for a status before resending
        int tickMs = 50;
    };

    /// The prefix of biz_opaque_callback_data that names an outbox row in status webhooks.
    static constexpr QLatin1StringView CallbackPrefix{"wardline-outbox:"};
    /// A media "id" in a queued message that names a row of the hub's media table: the file
    /// is uploaded to Meta (POST /{phone-number-id}/media) just before the send, and Meta's id
    /// is kept in that row so a retried send does not upload it again.
    static constexpr QLatin1StringView MediaPrefix{"wardline-media:"};

    OutboxWorker(QSqlDatabase db, WhatsApp::GraphClient &client, const Core::Clock &clock,
                 Settings settings, QObject *parent = nullptr);

    /// Puts \a message in the outbox under \a idempotencyKey (a second call with the same key
    /// changes nothing); call inside the transaction of the change that sends it.
    [[nodiscard]] static Core::Result<qint64>
    enqueue(QSqlDatabase db, const QString &idempotencyKey, qint64 conversationId,
            WhatsApp::GraphMessage message, const QDateTime &now, bool *created = nullptr);

    /// Recovers rows a crash left in "sending", then works until destroyed.
    void start();

    [[nodiscard]] int inFlight() const { return m_inFlight; }
    [[nodiscard]] qint64 sentCount() const { return m_sent; }

Q_SIGNALS:
    /// A message could not be sent and staff must act (e.g. a template is needed).
    void sendFailed(qint64 outboxId, int code);

private:
    void tick();
    void send(qint64 id, const QString &recipient, const QJsonObject &payload);
    /// Uploads the hub's file \a mediaId unless Meta has it already, then sends \a payload
    /// naming Meta's id instead.
    void sendWithMedia(qint64 id, const QString &recipient, QJsonObject payload, qint64 mediaId);
    void sendResolved(qint64 id, const QString &recipient, const QJsonObject &payload);
    void finished(qint64 id, const QString &recipient, const QString &wamid,
                  const WhatsApp::GraphApiError *error);
    [[nodiscard]] bool mayStartAnother(const QDateTime &now);
    [[nodiscard]] QDateTime backoff(int attempts, qint64 retryAfterMs, const QDateTime &now) const;

    QSqlDatabase m_db;
    WhatsApp::GraphClient &m_client;
    const Core::Clock &m_clock;
    Settings m_settings;
    QTimer *m_timer;
    QQueue<QDateTime> m_recentSends;             ///< start times within the last second
    QHash<QString, QDateTime> m_lastToRecipient; ///< pacing per patient
    int m_inFlight = 0;
    qint64 m_sent = 0;
};

} // namespace Wardline::Hub
