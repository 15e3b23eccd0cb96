#pragma once

#include "console/hubsession.h"
#include "console/inboxstore.h"
#include "core/result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QJsonObject;
class QNetworkReply;
class QTimer;
class QUrlQuery;
class QWebSocket;

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Console {

class CacheWriter;
class HubClient;
struct HubReply;

/// Keeps one user's encrypted cache and in-memory inbox current with the hub (DESIGN.md §6):
/// the cache is shown at once, a snapshot of the inbox fills it when it is empty or stale, pages
/// of "events after last_seq" catch it up, and the event WebSocket keeps it live. Every event
/// names what changed; the conversation it names is fetched again and written with the event's
/// seq in one transaction, so an event repeated or replayed after a reconnect changes nothing.
/// Every read and write of the cache runs on the cache's worker (CacheWriter), one job at a
/// time; the inbox follows a batch only once it is durable, and nothing new is asked of the hub
/// while a write is on its way, so the order of events holds across interruptions.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    /// \a cache is the worker of an open cache; \a hub carries the session's TLS trust.
    SyncEngine(CacheWriter &cache, InboxStore &store, HubClient &hub, HubSession session,
               const Core::Clock &clock, QObject *parent = nullptr);
    ~SyncEngine() override;

    /// Shows the cache in the inbox as soon as the worker has read it (cacheShown()), then
    /// syncs in the background until stop().
    void start();
    /// Shows the cache in the inbox without talking to the hub (an offline session).
    void showCache() { loadCache(false); }
    /// Stops talking to the hub; the cache and the inbox keep what they have.
    void stop();

    /// The wait before reconnecting after a failure: \a firstMs, doubling up to \a maxMs.
    void setRetryIntervals(int firstMs, int maxMs);
    /// How often the live socket is pinged; a hub silent for one interval counts as gone.
    void setKeepAliveInterval(int ms);

    /// The sequence number of the last event applied to the cache.
    [[nodiscard]] qint64 lastSeq() const { return m_lastSeq; }
    [[nodiscard]] bool isOnline() const { return m_online.value_or(false); }
    /// The live event stream is open: changes arrive as they happen, not on the next catch-up.
    [[nodiscard]] bool isLive() const { return m_socketReady; }
    /// Events applied (each once) since start(); a snapshot fill applies none.
    [[nodiscard]] qint64 appliedEvents() const { return m_applied; }

    /// Looks on the cache's worker for conversations whose patient name, phone or
    /// last-message preview (then whose kept messages) have a word starting with every word of
    /// \a text, best first; searchFinished() follows. \a text is taken as plain words, never
    /// as FTS syntax; a run of digits also matches anywhere in a phone number. Only the latest
    /// search answers: one asked before it is skipped or its result dropped.
    void search(const QString &text);

Q_SIGNALS:
    /// The cache is in the inbox: \a conversations were read from it.
    void cacheShown(qsizetype conversations);
    /// The answer to the latest search(\a text).
    void searchFinished(const QString &text, const QList<qint64> &conversations);
    /// The hub answered again after being unreachable (and the first time).
    void online();
    /// The hub cannot be reached; the inbox keeps showing the cache. \a reason is for staff.
    void offline(const QString &reason);
    /// The cache holds everything the hub has told up to \a seq.
    void caughtUp(qint64 seq);
    /// Events were applied to the cache; \a kinds names each kind once ("photo.reviewed" ...),
    /// for the screens that show what the inbox does not (photo review, reschedule queue).
    void eventsApplied(const QStringList &kinds);
    /// The hub no longer accepts this session (expired, revoked, role without events); sync
    /// has stopped until the user signs in again.
    void sessionEnded(const QString &reason);

private:
    enum class Phase { Stopped, CatchingUp, Filling, Live, Waiting };
    struct PendingEvent
    {
        qint64 seq = 0;
        QString kind;
        qint64 conversationId = 0;
        qint64 patientId = 0;
        QByteArray ids; // the payload's *Id fields only: the cache keeps no more of an event
    };
    struct Batch
    {
        QList<PendingEvent> events;
        QHash<qint64, std::optional<ConversationSummary>> fetched; // nullopt: 404, remove
        int outstanding = 0;
    };

    void loadCache(bool thenConnect);
    void connectToHub();
    void interrupt();
    void call(const QString &path, const QUrlQuery &query,
              std::function<void(const HubReply &)> handle);
    void failed(const HubReply &reply);
    void lost(const QString &reason);
    void endSession(const QString &reason);
    void scheduleRetry();
    void setOnline(bool online, const QString &reason = {});
    [[nodiscard]] bool cacheTooOld() const;

    void fetchInbox();
    void beginFill(const QJsonObject &answer);
    void showAll(const QList<ConversationSummary> &all);

    void fetchEventsPage();
    void enqueue(const QJsonObject &event);
    void scheduleApply();
    void applyNextBatch();
    void commitBatch();
    void drained();
    /// A cache write of epoch \a epoch finished; false when that epoch is over (and a
    /// reconnection that waited for the write has begun).
    [[nodiscard]] bool written(quint64 epoch);

    void openSocket();
    void socketMessage(const QString &text);
    void keepAlive();

    CacheWriter &m_cache;
    InboxStore &m_store;
    HubClient &m_hub;
    HubSession m_session;
    const Core::Clock &m_clock;

    Phase m_phase = Phase::Stopped;
    quint64 m_epoch = 0;  // bumped on every interruption; answers of an older epoch are dropped
    qint64 m_lastSeq = 0; // committed to the cache
    qint64 m_receivedUpTo = 0; // queued for applying; >= m_lastSeq
    qint64 m_applied = 0;
    std::deque<PendingEvent> m_pending;
    Batch m_batch;
    bool m_applying = false;
    bool m_applyScheduled = false;
    bool m_moreOnHub = false;
    bool m_forceFill = false;
    bool m_writing = false;            // a batch or a fill is on the worker
    bool m_connectWhenWritten = false; // a reconnection waits for that write
    QDateTime m_syncedAt;              // as kept in the cache's meta
    quint64 m_searchGeneration = 0;
    std::shared_ptr<std::atomic<quint64>> m_latestSearch; // read by queued searches
    qint64 m_emptyPageAfter = -1; // an empty page was seen after this seq; twice means pruned

    std::optional<bool> m_online;
    int m_failures = 0;
    int m_retryFirstMs = 1000;
    int m_retryMaxMs = 60000;
    QTimer *m_retryTimer;
    QTimer *m_keepAliveTimer;
    QWebSocket *m_socket = nullptr;
    bool m_socketReady = false;
    bool m_awaitingPong = false;
    QList<QPointer<QNetworkReply>> m_inFlight;
};

} // namespace Wardline::Console
