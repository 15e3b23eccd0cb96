#include "hub/outboxworker.h"

#include "core/clock.h"
#include "hub/logging.h"
#include "store/database.h"
#include "store/eventlog.h"
#include "store/outboxrepository.h"
#include "whatsapp/graphclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <sodium.h>

namespace Wardline::Hub {

using Store::OutboxRepository;
using WhatsApp::GraphApiError;

OutboxWorker::OutboxWorker(QSqlDatabase db, WhatsApp::GraphClient &client, const Core::Clock &clock,
                           Settings settings, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_client(client)
    , m_clock(clock)
    , m_settings(settings)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &OutboxWorker::tick);
}

Core::Result<qint64> OutboxWorker::enqueue(QSqlDatabase db, const QString &idempotencyKey,
                                           qint64 conversationId, WhatsApp::GraphMessage message,
                                           const QDateTime &now, bool *created)
{
    // Status webhooks carry this back, which is how an uncertain send is recognised as done.
    if (auto s = message.setCallbackData(CallbackPrefix + idempotencyKey); !s)
        return Core::Result<qint64>::failure(s.error());
    const QString payload =
        QString::fromUtf8(QJsonDocument(message.toJson()).toJson(QJsonDocument::Compact));
    return OutboxRepository(db).enqueue(idempotencyKey, conversationId, payload, now, created);
}

void OutboxWorker::start()
{
    const QDateTime now = m_clock.now();
    if (auto s = OutboxRepository(m_db).recover(now.addMSecs(m_settings.uncertainGraceMs), now); !s)
        qCCritical(lcHub, "outbox recovery failed: %s", qUtf8Printable(s.error()));
    m_timer->start(m_settings.tickMs);
}

bool OutboxWorker::mayStartAnother(const QDateTime &now)
{
    while (!m_recentSends.isEmpty() &&
           (m_recentSends.head().msecsTo(now) >= 1000 || m_recentSends.head() > now))
        m_recentSends.dequeue();
    return m_recentSends.size() < m_settings.ratePerSecond;
}

QDateTime OutboxWorker::backoff(int attempts, qint64 retryAfterMs, const QDateTime &now) const
{
    // Exponential from retryBaseMs, capped at 15 minutes, with ±30 % jitter so retries spread.
    const qint64 base =
        std::min<qint64>(qint64(m_settings.retryBaseMs) << std::min(attempts, 20), 15 * 60 * 1000);
    const qint64 jitter = qint64(randombytes_uniform(uint32_t(base * 6 / 10 + 1))) - base * 3 / 10;
    return now.addMSecs(std::max(retryAfterMs, base + jitter));
}

void OutboxWorker::tick()
{
    const QDateTime now = m_clock.now();
    OutboxRepository outbox(m_db);
    if (auto s = outbox.requeueUncertain(now); !s)
        qCWarning(lcHub, "outbox: %s", qUtf8Printable(s.error()));
    if (!mayStartAnother(now))
        return;
    auto due = outbox.due(now, m_settings.ratePerSecond);
    if (!due) {
        qCWarning(lcHub, "outbox: %s", qUtf8Printable(due.error()));
        return;
    }
    for (const Store::OutboxItem &item : std::as_const(due.value())) {
        if (!mayStartAnother(now))
            break;
        const QJsonObject payload = QJsonDocument::fromJson(item.payload.toUtf8()).object();
        const QString recipient = payload.value(QLatin1StringView("to")).toString();
        const QDateTime last = m_lastToRecipient.value(recipient);
        // A clock stepped back (NTP, a drill's clock) must not hold a patient's messages until
        // it catches up: a "last send" in the future is forgotten.
        if (last.isValid() && last <= now && last.msecsTo(now) < m_settings.pairIntervalMs) {
            (void)outbox.retryAt(item.id, last.addMSecs(m_settings.pairIntervalMs), 0, {}, now);
            continue;
        }
        if (item.attempts >= m_settings.maxAttempts) {
            (void)outbox.markFailed(
                item.id, 0, QStringLiteral("gave up after %1 attempts").arg(item.attempts), now);
            Q_EMIT sendFailed(item.id, 0);
            continue;
        }
        // Marked "sending" (durably) before the request leaves: a crash now means "uncertain".
        if (auto s = outbox.markSending(item.id, now); !s) {
            qCWarning(lcHub, "outbox: %s", qUtf8Printable(s.error()));
            return;
        }
        m_recentSends.enqueue(now);
        m_lastToRecipient.insert(recipient, now);
        send(item.id, recipient, payload);
    }
}

void OutboxWorker::send(qint64 id, const QString &recipient, const QJsonObject &payload)
{
    const QString type = payload.value(QLatin1StringView("type")).toString();
    const QString mediaRef =
        payload.value(type).toObject().value(QLatin1StringView("id")).toString();
    if (mediaRef.startsWith(MediaPrefix)) {
        sendWithMedia(id, recipient, payload, mediaRef.mid(MediaPrefix.size()).toLongLong());
        return;
    }
    sendResolved(id, recipient, payload);
}

void OutboxWorker::sendWithMedia(qint64 id, const QString &recipient, QJsonObject payload,
                                 qint64 mediaId)
{
    const QString type = payload.value(QLatin1StringView("type")).toString();
    auto withMetaId = [payload, type](const QString &metaId) {
        QJsonObject out = payload;
        QJsonObject content = out.value(type).toObject();
        content.insert(QStringLiteral("id"), metaId);
        out.insert(type, content);
        return out;
    };
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT meta_media_id, mime_type, data FROM media WHERE id = ?"));
    q.addBindValue(mediaId);
    if (!q.exec() || !q.next()) {
        (void)OutboxRepository(m_db).markFailed(
            id, 0, QStringLiteral("the file to send is no longer kept"), m_clock.now());
        return;
    }
    const QString metaId = q.value(0).toString();
    const QString mime = q.value(1).toString();
    const QByteArray data = q.value(2).toByteArray();
    q.finish();
    if (!metaId.isEmpty()) {
        // Uploaded by an earlier attempt: Meta keeps an uploaded file for 30 days.
        sendResolved(id, recipient, withMetaId(metaId));
        return;
    }
    ++m_inFlight;
    const QString fileName = QStringLiteral("wardline-%1.%2")
                                 .arg(mediaId)
                                 .arg(mime == QLatin1StringView("image/png") ? u"png" : u"jpg");
    m_client.uploadMedia(
        data, fileName, mime, this,
        [this, id, recipient, mediaId, withMetaId](WhatsApp::GraphResult<QString> uploaded) {
            --m_inFlight;
            const QDateTime now = m_clock.now();
            if (!uploaded) {
                const GraphApiError &error = uploaded.error();
                if (error.outcomeUnknown()) {
                    // An upload that may have arrived sends nothing to the patient: uploading
                    // again is harmless (the orphan expires at Meta), so it is simply retried.
                    const auto item = OutboxRepository(m_db).find(id);
                    (void)OutboxRepository(m_db).retryAt(
                        id, backoff(item ? item->attempts : 0, 0, now), error.code().value_or(0),
                        error.logSummary(), now);
                    return;
                }
                finished(id, recipient, {}, &error);
                return;
            }
            QSqlQuery keep(m_db);
            keep.prepare(QStringLiteral("UPDATE media SET meta_media_id = ? WHERE id = ?"));
            keep.addBindValue(uploaded.value());
            keep.addBindValue(mediaId);
            if (!keep.exec())
                qCWarning(lcHub, "outbox: an uploaded file's id was not kept: %s",
                          qUtf8Printable(Store::Database::describe(keep.lastError())));
            sendResolved(id, recipient, withMetaId(uploaded.value()));
        });
}

void OutboxWorker::sendResolved(qint64 id, const QString &recipient, const QJsonObject &payload)
{
    auto message = WhatsApp::GraphMessage::fromJson(payload);
    if (!message) {
        (void)OutboxRepository(m_db).markFailed(
            id, 0, QStringLiteral("stored request is not readable"), m_clock.now());
        return;
    }
    ++m_inFlight;
    m_client.send(*message, this,
                  [this, id, recipient](WhatsApp::GraphResult<WhatsApp::SentMessage> result) {
                      --m_inFlight;
                      if (result)
                          finished(id, recipient, result->messageId, nullptr);
                      else
                          finished(id, recipient, {}, &result.error());
                  });
}

void OutboxWorker::finished(qint64 id, const QString &recipient, const QString &wamid,
                            const GraphApiError *error)
{
    Q_UNUSED(recipient);
    const QDateTime now = m_clock.now();
    OutboxRepository outbox(m_db);
    Store::EventLog events(m_db);
    const auto item = outbox.find(id);
    // Its status webhook may have settled the row before this answer came: nothing more to do.
    if (!item || item->state == QLatin1StringView("sent"))
        return;
    if (!m_db.transaction()) {
        qCCritical(lcHub, "outbox: %s",
                   qUtf8Printable(Store::Database::describe(m_db.lastError())));
        return;
    }
    Core::Status done;
    QString eventKind;
    int code = 0;
    if (!error) {
        done = outbox.markSent(id, wamid, now);
        eventKind = QStringLiteral("message.sent");
        ++m_sent;
    } else {
        code = error->code().value_or(0);
        if (error->outcomeUnknown()) {
            // It may have reached Meta: wait for a status naming it before sending again.
            done = outbox.markUncertain(id, now.addMSecs(m_settings.uncertainGraceMs), now);
        } else if (error->errorClass() == GraphApiError::ErrorClass::Retry) {
            done =
                outbox.retryAt(id,
                               backoff(item->attempts,
                                       error->retryAfter() ? error->retryAfter()->count() : 0, now),
                               code, error->logSummary(), now);
        } else if (error->errorClass() == GraphApiError::ErrorClass::Credentials ||
                   error->errorClass() == GraphApiError::ErrorClass::AccountBlocked) {
            // Not this message's fault: keep it and let IT fix the account; an alert goes out.
            done = outbox.retryAt(id, now.addSecs(300), code, error->logSummary(), now);
            eventKind = QStringLiteral("outbox.blocked");
        } else {
            done = outbox.markFailed(id, code, error->staffMessage(), now);
            eventKind = error->errorClass() == GraphApiError::ErrorClass::NeedsTemplate
                            ? QStringLiteral("message.needs_template")
                            : QStringLiteral("message.failed");
        }
    }
    if (done && !eventKind.isEmpty()) {
        auto appended = events.append(eventKind,
                                      {{QStringLiteral("outboxId"), id},
                                       {QStringLiteral("conversationId"), item->conversationId},
                                       {QStringLiteral("code"), code}},
                                      now);
        if (!appended)
            done = Core::Status::failure(appended.error());
    }
    if (!done || !m_db.commit()) {
        qCCritical(lcHub, "outbox: could not record a send result: %s",
                   qUtf8Printable(done.error()));
        (void)m_db.rollback();
        return;
    }
    if (error && eventKind.startsWith(QLatin1StringView("message.")))
        Q_EMIT sendFailed(id, code);
}

} // namespace Wardline::Hub
