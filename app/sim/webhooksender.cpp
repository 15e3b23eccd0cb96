#include "sim/webhooksender.h"

#include "sim/faultinjector.h"
#include "sim/logging.h"
#include "sim/metajson.h"
#include "sim/simscheduler.h"
#include "whatsapp/webhooksignature.h"

#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>

namespace Wardline::Sim {

WebhookSender::WebhookSender(Settings settings, SimScheduler &scheduler, FaultInjector &faults,
                             QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_scheduler(scheduler)
    , m_faults(faults)
{
    // Straight to the hub, never through a proxy from the environment.
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_elapsed.start();
}

void WebhookSender::enqueue(const WebhookUpdate &update)
{
    m_pending.append(update);
    scheduleFlush(m_settings.batchMs);
}

void WebhookSender::scheduleFlush(qint64 delayMs)
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    m_scheduler.schedule(delayMs, this, [this] {
        m_flushScheduled = false;
        flush();
    });
}

void WebhookSender::flush()
{
    // While a delivery is pending, updates wait and go out together once it is through.
    if (m_active != 0 || !m_queue.isEmpty() || m_pending.isEmpty()) {
        pump();
        return;
    }
    Delivery d;
    d.id = m_nextId++;
    const qsizetype count = std::min<qsizetype>(m_pending.size(), m_settings.batchMax);
    d.updates = m_pending.first(count);
    m_pending.remove(0, count);
    d.body = MetaJson::serialize(WebhookPayloads::envelope(m_settings.wabaId, d.updates));
    d.bytes = d.body.size();
    d.signature256 = WhatsApp::WebhookSignature::sign(m_settings.appSecret, d.body);
    d.signature1 =
        QByteArrayLiteral("sha1=") +
        QMessageAuthenticationCode::hash(d.body, m_settings.appSecret, QCryptographicHash::Sha1)
            .toHex();
    d.created = m_scheduler.now();
    m_deliveries.append(d);
    Delivery &stored = m_deliveries.last();

    if (m_faults.dropWebhook()) {
        qCInfo(lcSim) << "fault injection: webhook batch" << stored.id << "dropped";
        finish(stored, State::Dropped);
    } else if (m_heldBack != 0) {
        // The held-back batch goes right after this newer one: the hub sees them swapped.
        m_queue.append(stored.id);
        m_queue.append(m_heldBack);
        if (Delivery *held = delivery(m_heldBack))
            held->state = State::Queued;
        m_heldBack = 0;
    } else if (m_faults.reorderWebhook()) {
        qCInfo(lcSim) << "fault injection: webhook batch" << stored.id << "held back";
        stored.state = State::HeldBack;
        stored.reordered = true;
        m_heldBack = stored.id;
        const int id = stored.id;
        m_scheduler.schedule(m_settings.reorderHoldMs, this, [this, id] {
            if (m_heldBack != id)
                return;
            m_heldBack = 0;
            if (Delivery *held = delivery(id))
                held->state = State::Queued;
            m_queue.append(id);
            pump();
        });
    } else {
        m_queue.append(stored.id);
    }
    pump();
    if (!m_pending.isEmpty())
        scheduleFlush(0);
}

void WebhookSender::pump()
{
    if (m_active != 0)
        return;
    if (m_queue.isEmpty()) {
        if (!m_pending.isEmpty())
            scheduleFlush(0);
        return;
    }
    m_active = m_queue.takeFirst();
    send(m_active);
}

void WebhookSender::send(int id)
{
    Delivery *d = delivery(id);
    if (!d)
        return;
    d->state = State::Sending;
    QNetworkRequest request(m_settings.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("facebookexternalua"));
    request.setRawHeader(QByteArray(WhatsApp::WebhookSignature::HeaderName.data(),
                                    WhatsApp::WebhookSignature::HeaderName.size()),
                         d->signature256);
    request.setRawHeader(QByteArrayLiteral("X-Hub-Signature"), d->signature1);
    request.setTransferTimeout(m_settings.timeoutMs);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    Attempt attempt;
    attempt.at = m_scheduler.now();
    attempt.elapsedMs = m_elapsed.elapsed();
    d->attempts.append(attempt);
    QNetworkReply *reply = m_network.post(request, d->body);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, id] { onReplyFinished(reply, id); });
}

void WebhookSender::onReplyFinished(QNetworkReply *reply, int id)
{
    reply->deleteLater();
    Delivery *d = delivery(id);
    if (!d || d->attempts.isEmpty())
        return;
    Attempt &attempt = d->attempts.last();
    attempt.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    attempt.elapsedMs = m_elapsed.elapsed() - attempt.elapsedMs;
    if (attempt.httpStatus == 0)
        attempt.error = reply->errorString();
    const bool ok = attempt.httpStatus >= 200 && attempt.httpStatus < 300;
    Q_EMIT attempted(id, attempt.httpStatus);

    if (ok) {
        m_active = 0;
        // A duplicate is not duplicated again.
        const bool duplicate = d->duplicateOf == 0 && m_faults.duplicateWebhook();
        if (duplicate) {
            // The same bytes once more, as an at-least-once sender does after a lost ack.
            Delivery copy;
            copy.id = m_nextId++;
            copy.updates = d->updates;
            copy.body = d->body;
            copy.bytes = d->bytes;
            copy.signature256 = d->signature256;
            copy.signature1 = d->signature1;
            copy.created = m_scheduler.now();
            copy.duplicateOf = id;
            qCInfo(lcSim) << "fault injection: webhook batch" << id << "duplicated as" << copy.id;
            finish(*d, State::Delivered);
            m_deliveries.append(copy);
            m_queue.prepend(copy.id);
        } else {
            finish(*d, State::Delivered);
        }
        pump();
        return;
    }

    qCInfo(lcSim).noquote() << "webhook batch" << id << "failed (attempt" << d->attempts.size()
                            << (attempt.httpStatus
                                    ? QStringLiteral("HTTP %1").arg(attempt.httpStatus)
                                    : attempt.error)
                            << ")";
    const QDateTime giveUpAt = d->created.addSecs(qint64(m_settings.retryHours) * 3600);
    const qint64 wait = backoffMs(int(d->attempts.size()));
    if (m_scheduler.now().addMSecs(wait) > giveUpAt) {
        m_active = 0;
        finish(*d, State::GaveUp);
        pump();
        return;
    }
    d->state = State::Retrying;
    d->nextAttempt = m_scheduler.now().addMSecs(wait);
    m_scheduler.schedule(wait, this, [this, id] { send(id); });
}

void WebhookSender::finish(Delivery &delivery, State state)
{
    delivery.state = state;
    delivery.nextAttempt = {};
    delivery.body.clear(); // it may hold patient messages; keep only the log
    Q_EMIT finished(delivery.id, state);
}

WebhookSender::Delivery *WebhookSender::delivery(int id)
{
    // Ids are dense and increasing: look from the end, where the live ones are.
    for (qsizetype i = m_deliveries.size() - 1; i >= 0; --i) {
        if (m_deliveries.at(i).id == id)
            return &m_deliveries[i];
    }
    return nullptr;
}

qint64 WebhookSender::backoffMs(int failures) const
{
    qint64 wait = m_settings.retryInitialMs;
    for (int i = 1; i < failures && wait < m_settings.retryMaxMs; ++i)
        wait *= 2;
    return std::min<qint64>(wait, m_settings.retryMaxMs);
}

qsizetype WebhookSender::outstanding() const
{
    qsizetype count = m_pending.size();
    for (const Delivery &d : m_deliveries) {
        if (d.state != State::Delivered && d.state != State::Dropped && d.state != State::GaveUp)
            count += d.updates.size();
    }
    return count;
}

QString WebhookSender::stateName(State state)
{
    switch (state) {
    case State::Queued:
        return QStringLiteral("queued");
    case State::Sending:
        return QStringLiteral("sending");
    case State::Retrying:
        return QStringLiteral("retrying");
    case State::Delivered:
        return QStringLiteral("delivered");
    case State::Dropped:
        return QStringLiteral("dropped");
    case State::GaveUp:
        return QStringLiteral("gave_up");
    case State::HeldBack:
        return QStringLiteral("held_back");
    }
    return {};
}

QJsonArray WebhookSender::log() const
{
    QJsonArray log;
    for (const Delivery &d : m_deliveries) {
        QJsonArray updates;
        for (const WebhookUpdate &u : d.updates) {
            updates.append(QJsonObject{{QStringLiteral("field"), u.field},
                                       {QStringLiteral("kind"), u.kind},
                                       {QStringLiteral("ref"), u.ref},
                                       {QStringLiteral("state"), u.state}});
        }
        QJsonArray attempts;
        for (const Attempt &a : d.attempts) {
            QJsonObject attempt{{QStringLiteral("at"), a.at.toUTC().toString(Qt::ISODateWithMs)},
                                {QStringLiteral("http_status"), a.httpStatus}};
            if (!a.error.isEmpty())
                attempt.insert(QStringLiteral("error"), a.error);
            attempts.append(attempt);
        }
        QJsonObject entry{
            {QStringLiteral("id"), d.id},
            {QStringLiteral("state"), stateName(d.state)},
            {QStringLiteral("created"), d.created.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("bytes"), d.bytes},
            {QStringLiteral("updates"), updates},
            {QStringLiteral("attempts"), attempts},
        };
        if (d.duplicateOf != 0)
            entry.insert(QStringLiteral("duplicate_of"), d.duplicateOf);
        if (d.reordered)
            entry.insert(QStringLiteral("reordered"), true);
        if (d.nextAttempt.isValid())
            entry.insert(QStringLiteral("next_attempt"),
                         d.nextAttempt.toUTC().toString(Qt::ISODateWithMs));
        log.append(entry);
    }
    return log;
}

} // namespace Wardline::Sim
