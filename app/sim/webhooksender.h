#pragma once

#include "sim/webhookpayloads.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QNetworkReply;
QT_END_NAMESPACE

namespace Wardline::Sim {

class FaultInjector;
class SimScheduler;

/// Delivers webhooks to the hub as Meta does: signed POSTs, batched, retried with backoff
/// while the receiver fails, and — when faults are injected — dropped, duplicated or reordered.
///
/// Each POST carries Content-Type application/json, X-Hub-Signature-256 ("sha256=" and the
/// lower-case hex HMAC-SHA256 of the exact body with the app secret) and, as Meta still sends
/// it, X-Hub-Signature with the HMAC-SHA1. Any non-2xx answer or a connection failure is
/// retried, first after the initial backoff and then at doubling intervals, for up to the
/// configured hours (Meta: up to 7 days). Updates that become due while a delivery is pending
/// are batched into the next POST (Meta batches up to 1,000 updates).
/// Sources: Meta, "Webhooks — Getting started" and the Cloud API webhook overview,
/// https://developers.facebook.com/docs/graph-api/webhooks/getting-started ,
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/overview
class WebhookSender : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        QUrl url;
        QByteArray appSecret;
        QString wabaId;
        int batchMs = 0;
        int batchMax = 1000;
        int retryInitialMs = 1000;
        int retryMaxMs = 600000;
        int retryHours = 168;
        int timeoutMs = 10000;
        int reorderHoldMs = 2000; ///< how long a held-back batch waits for a successor
    };

    enum class State { Queued, Sending, Retrying, Delivered, Dropped, GaveUp, HeldBack };

    WebhookSender(Settings settings, SimScheduler &scheduler, FaultInjector &faults,
                  QObject *parent = nullptr);

    /// Queues one update; it goes out with the next batch.
    void enqueue(const WebhookUpdate &update);

    /// The delivery log for GET /_sim/webhooks: batches, attempts and outcomes (no bodies).
    [[nodiscard]] QJsonArray log() const;
    /// Updates not yet in a delivered, dropped or abandoned batch.
    [[nodiscard]] qsizetype outstanding() const;

Q_SIGNALS:
    /// One POST got an answer (\a httpStatus 0: no answer, the connection failed).
    void attempted(int deliveryId, int httpStatus);
    /// A batch reached its end: delivered, dropped or given up.
    void finished(int deliveryId, Wardline::Sim::WebhookSender::State state);

private:
    struct Attempt
    {
        QDateTime at;
        int httpStatus = 0;
        QString error;
        qint64 elapsedMs = 0;
    };
    struct Delivery
    {
        int id = 0;
        QList<WebhookUpdate> updates;
        QByteArray body; ///< released once the batch is finished
        qsizetype bytes = 0;
        QByteArray signature256;
        QByteArray signature1;
        QDateTime created;
        QDateTime nextAttempt;
        QList<Attempt> attempts;
        State state = State::Queued;
        int duplicateOf = 0;
        bool reordered = false;
    };

    void scheduleFlush(qint64 delayMs);
    void flush();
    void pump();
    void send(int id);
    void onReplyFinished(QNetworkReply *reply, int id);
    void finish(Delivery &delivery, State state);
    [[nodiscard]] Delivery *delivery(int id);
    [[nodiscard]] qint64 backoffMs(int failures) const;
    [[nodiscard]] static QString stateName(State state);

    Settings m_settings;
    SimScheduler &m_scheduler;
    FaultInjector &m_faults;
    QNetworkAccessManager m_network;
    QList<WebhookUpdate> m_pending;
    QList<Delivery> m_deliveries;
    QList<int> m_queue;
    int m_active = 0;   ///< the delivery being sent or waiting for its retry; 0 for none
    int m_heldBack = 0; ///< a reordered delivery waiting for its successor; 0 for none
    bool m_flushScheduled = false;
    int m_nextId = 1;
    QElapsedTimer m_elapsed;
};

} // namespace Wardline::Sim
