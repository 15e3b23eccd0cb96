#include "console/syncengine.h"

#include "console/cachewriter.h"
#include "console/conversationcache.h"
#include "console/hubclient.h"
#include "console/localcache.h"
#include "console/logging.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "store/database.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslError>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <array>

namespace Wardline::Console {

namespace {

// The hub pages at most 1,000; 500 keeps one answer small to parse on the GUI thread.
constexpr int EventPageSize = 500;
// One transaction per batch on the cache's worker, short enough that a kept conversation or a
// search queued behind it does not wait long: at most this many events and conversation fetches.
constexpr int MaxBatchEvents = 500;
constexpr int MaxBatchConversations = 25;
// A snapshot is written in transactions of this many rows, so the window's connection (drafts)
// gets the write lock between them well within its busy timeout.
constexpr qsizetype FillChunkRows = 500;
// The hub's inbox lists closed conversations for 7 days (ConversationApi::inbox); a cache not
// synced for that long may hold conversations the hub no longer lists, so it is refilled.
constexpr int MaxCacheAgeDays = 7;
// Applied events kept in the cache for diagnosis; older ones are only a number in last_seq.
constexpr qint64 KeptEvents = 10000;
// Without a live socket (a hub that names none) the console asks for events this often.
constexpr int PollIntervalMs = 5000;

const QString LastSeqKey = QStringLiteral("last_seq");
const QString FilledSeqKey = QStringLiteral("filled_seq");
const QString SyncedAtKey = QStringLiteral("synced_at");

// The cache's columns, in ConversationSummary's order; the SQL below is built from this list
// so the insert, the update and the select cannot drift apart.
constexpr std::array<const char *, 21> Columns{"id",
                                               "patient_id",
                                               "patient_name",
                                               "phone",
                                               "language",
                                               "category",
                                               "priority",
                                               "triage_reason",
                                               "state",
                                               "assignee_id",
                                               "assignee_name",
                                               "unread",
                                               "last_inbound_at",
                                               "last_message_at",
                                               "preview",
                                               "preview_direction",
                                               "sla_kind",
                                               "sla_due_at",
                                               "sla_breached",
                                               "alert_at",
                                               "seq"};

QString columnList()
{
    QStringList names;
    for (const char *c : Columns)
        names << QLatin1String(c);
    return names.join(QStringLiteral(", "));
}

QString upsertSql()
{
    QStringList marks;
    QStringList sets;
    for (const char *c : Columns) {
        marks << QStringLiteral("?");
        if (qstrcmp(c, "id") != 0)
            sets << QLatin1String(c) + QStringLiteral(" = excluded.") + QLatin1String(c);
    }
    // ON CONFLICT DO UPDATE, not INSERT OR REPLACE: a replace deletes without running the
    // delete trigger, which would leave the old words in the full-text index.
    return QStringLiteral("INSERT INTO conversations (") + columnList() +
           QStringLiteral(") VALUES (") + marks.join(QStringLiteral(", ")) +
           QStringLiteral(") ON CONFLICT (id) DO UPDATE SET ") + sets.join(QStringLiteral(", "));
}

QVariant timeValue(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toUTC().toString(Qt::ISODateWithMs))
                       : QVariant(QMetaType::fromType<QString>());
}

QDateTime timeFrom(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

void bindSummary(QSqlQuery &q, const ConversationSummary &s)
{
    q.addBindValue(s.id);
    q.addBindValue(s.patientId);
    q.addBindValue(s.patientName);
    q.addBindValue(s.phone);
    q.addBindValue(s.language);
    q.addBindValue(s.category);
    q.addBindValue(s.priority);
    q.addBindValue(s.triageReason);
    q.addBindValue(s.state);
    q.addBindValue(s.assigneeId);
    q.addBindValue(s.assigneeName);
    q.addBindValue(s.unread);
    q.addBindValue(timeValue(s.lastInboundAt));
    q.addBindValue(timeValue(s.lastMessageAt));
    q.addBindValue(s.preview);
    q.addBindValue(s.previewDirection);
    q.addBindValue(s.slaKind);
    q.addBindValue(timeValue(s.slaDueAt));
    q.addBindValue(s.slaBreached ? 1 : 0);
    q.addBindValue(timeValue(s.alertAt));
    q.addBindValue(s.seq);
}

ConversationSummary summaryFromRow(const QSqlQuery &q)
{
    ConversationSummary s;
    s.id = q.value(0).toLongLong();
    s.patientId = q.value(1).toLongLong();
    s.patientName = q.value(2).toString();
    s.phone = q.value(3).toString();
    s.language = q.value(4).toString();
    s.category = q.value(5).toString();
    s.priority = q.value(6).toString();
    s.triageReason = q.value(7).toString();
    s.state = q.value(8).toString();
    s.assigneeId = q.value(9).toLongLong();
    s.assigneeName = q.value(10).toString();
    s.unread = q.value(11).toInt();
    s.lastInboundAt = timeFrom(q.value(12));
    s.lastMessageAt = timeFrom(q.value(13));
    s.preview = q.value(14).toString();
    s.previewDirection = q.value(15).toString();
    s.slaKind = q.value(16).toString();
    s.slaDueAt = timeFrom(q.value(17));
    s.slaBreached = q.value(18).toInt() != 0;
    s.alertAt = timeFrom(q.value(19));
    s.seq = q.value(20).toLongLong();
    return s;
}

QDateTime jsonTime(const QJsonValue &v)
{
    return v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
}

// One row of GET /api/v1/inbox. SQLite hands the hub booleans as 0/1, so both are read.
ConversationSummary summaryFromJson(const QJsonObject &o)
{
    ConversationSummary s;
    s.id = o.value(u"id").toInteger();
    s.patientId = o.value(u"patientId").toInteger();
    s.patientName = o.value(u"patientName").toString();
    s.phone = o.value(u"phone").toString();
    s.language = o.value(u"language").toString();
    s.category = o.value(u"category").toString();
    s.priority = o.value(u"priority").toString();
    s.triageReason = o.value(u"triageReason").toString();
    s.state = o.value(u"state").toString();
    s.assigneeId = o.value(u"assigneeId").toInteger();
    s.assigneeName = o.value(u"assigneeName").toString();
    s.unread = int(o.value(u"unread").toInteger());
    s.lastInboundAt = jsonTime(o.value(u"lastInboundAt"));
    s.lastMessageAt = jsonTime(o.value(u"lastMessageAt"));
    s.preview = o.value(u"preview").toString();
    s.previewDirection = o.value(u"previewDirection").toString();
    s.slaKind = o.value(u"slaKind").toString();
    s.slaDueAt = jsonTime(o.value(u"slaDueAt"));
    const QJsonValue breached = o.value(u"slaBreached");
    s.slaBreached = breached.isBool() ? breached.toBool() : breached.toInteger() != 0;
    s.alertAt = jsonTime(o.value(u"alertAt"));
    return s;
}

// Whether two summaries differ in anything but the seq they are current to.
bool sameContent(ConversationSummary a, ConversationSummary b)
{
    a.seq = 0;
    b.seq = 0;
    return a == b;
}

// The words of \a text as an FTS5 query: each one quoted (a quote inside doubled), so
// AND, OR, NEAR, *, ^, : and parentheses are only characters to look for; each one a
// prefix, so "Zeph" finds "Zephyrine". Words with no letter or digit cannot match anything
// and are left out rather than turned into an empty phrase.
QString ftsQuery(const QString &text)
{
    QStringList terms;
    for (const QString &w : text.simplified().split(u' ', Qt::SkipEmptyParts)) {
        if (!std::any_of(w.cbegin(), w.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
            continue;
        QString quoted = w;
        quoted.replace(u'"', QStringLiteral("\"\""));
        terms << u'"' + quoted + QStringLiteral("\"*");
    }
    return terms.join(u' ');
}

// "+1 (555) 010-0201" → "15550100201"; empty unless \a text is a phone number's characters.
QString phoneDigits(const QString &text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isDigit())
            digits += c;
        else if (!c.isSpace() && !QStringView(u"+-().").contains(c))
            return {};
    }
    return digits.size() >= 3 ? digits : QString();
}

// ---- What runs on the cache's worker: plain data in, plain data out. ----

// What loadCache() reads: the inbox as kept, and where the cache stands.
struct CacheContents
{
    QList<ConversationSummary> conversations;
    qint64 lastSeq = 0;
    QDateTime syncedAt;
    qint64 readMs = 0;
};

CacheContents readCache(const QSqlDatabase &cache, const QDateTime &pruneBefore)
{
    QElapsedTimer took;
    took.start();
    CacheContents c;
    QSqlDatabase db = cache;
    if (!db.isOpen()) {
        qCWarning(lcConsole, "the cache is not open; it will be filled from the hub");
        return c;
    }
    // Closed conversations leave the hub's inbox after 7 days; the cache lets them go too, with
    // the messages it kept of them.
    QSqlQuery prune(db);
    prune.prepare(QStringLiteral(
        "SELECT id FROM conversations WHERE state = 'closed' AND last_message_at < ?"));
    prune.addBindValue(timeValue(pruneBefore));
    QList<qint64> old;
    if (prune.exec()) {
        while (prune.next())
            old.append(prune.value(0).toLongLong());
    }
    if (!old.isEmpty()) {
        const bool begun = db.transaction();
        const Core::Status forgotten = ConversationCache::forget(db, old);
        if (!begun || !forgotten || !db.commit()) {
            db.rollback();
            qCWarning(lcConsole, "old closed conversations stay in the cache: %s",
                      qUtf8Printable(forgotten ? Store::Database::describe(db.lastError())
                                               : forgotten.error()));
        }
    }
    c.lastSeq = LocalCache::readMeta(db, LastSeqKey).toLongLong();
    c.syncedAt = QDateTime::fromString(LocalCache::readMeta(db, SyncedAtKey), Qt::ISODateWithMs);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + columnList() + QStringLiteral(" FROM conversations"))) {
        qCWarning(lcConsole, "the cache could not be read; it will be filled from the hub: %s",
                  qUtf8Printable(Store::Database::describe(q.lastError())));
        c.lastSeq = 0;
    }
    while (q.next())
        c.conversations.append(summaryFromRow(q));
    c.readMs = took.elapsed();
    return c;
}

Core::Status rolledBack(const QSqlQuery &q, QSqlDatabase &db)
{
    const QString error =
        Store::Database::describe(q.lastError().isValid() ? q.lastError() : db.lastError());
    db.rollback();
    return Core::Status::failure(error);
}

// A snapshot of the inbox: \a changed written in chunks, every conversation not \a listed
// forgotten, and the new position with the last chunk, so a fill cut short (a crash) leaves the
// old position and the next start fills again.
Core::Status writeFill(const QSqlDatabase &cache, const QList<ConversationSummary> &changed,
                       const QSet<qint64> &listed, qint64 fillSeq, const QString &now)
{
    QSqlDatabase db = cache;
    if (!db.isOpen())
        return Core::Status::failure(QStringLiteral("the cache is not open"));
    qsizetype done = 0;
    for (bool last = false; !last;) {
        QElapsedTimer took;
        took.start();
        const qsizetype end = std::min(done + FillChunkRows, changed.size());
        last = end == changed.size();
        if (!db.transaction())
            return Core::Status::failure(Store::Database::describe(db.lastError()));
        QSqlQuery q(db);
        bool ok = q.prepare(upsertSql());
        for (qsizetype i = done; ok && i < end; ++i) {
            bindSummary(q, changed.at(i));
            ok = q.exec();
        }
        if (ok && last) {
            // Gone from the hub's list: closed long ago, or no longer one this role may see.
            QList<qint64> gone;
            ok = q.exec(QStringLiteral("SELECT id FROM conversations"));
            while (ok && q.next()) {
                if (!listed.contains(q.value(0).toLongLong()))
                    gone.append(q.value(0).toLongLong());
            }
            ok = ok && ConversationCache::forget(db, gone).ok();
            // A hub restored from an older backup reuses seqs the cache has seen.
            ok = ok && q.prepare(QStringLiteral("DELETE FROM events WHERE seq > ?"));
            q.addBindValue(fillSeq);
            ok = ok && q.exec();
            ok = ok && LocalCache::writeMeta(db, LastSeqKey, QString::number(fillSeq)) &&
                 LocalCache::writeMeta(db, FilledSeqKey, QString::number(fillSeq)) &&
                 LocalCache::writeMeta(db, SyncedAtKey, now);
        }
        if (!ok || !db.commit())
            return rolledBack(q, db);
        qCDebug(lcConsole, "snapshot rows %lld-%lld written in %lld ms", qint64(done), qint64(end),
                took.elapsed());
        done = end;
    }
    return {};
}

// One event of a batch as the cache keeps it.
struct KeptEvent
{
    qint64 seq = 0;
    QString kind;
    QByteArray ids;
};

// A batch's summaries, its events and the new last_seq in one transaction: after a crash the
// cache is either before the batch or after it, never between.
Core::Status writeBatch(const QSqlDatabase &cache, const QList<ConversationSummary> &changed,
                        const QList<qint64> &removed, const QList<KeptEvent> &events, qint64 seq,
                        const QString &now)
{
    QSqlDatabase db = cache;
    if (!db.isOpen())
        return Core::Status::failure(QStringLiteral("the cache is not open"));
    if (!db.transaction())
        return Core::Status::failure(Store::Database::describe(db.lastError()));
    QSqlQuery q(db);
    bool ok = q.prepare(upsertSql());
    for (const ConversationSummary &s : changed) {
        bindSummary(q, s);
        ok = ok && q.exec();
    }
    // A conversation gone from the role's inbox takes its kept messages with it.
    ok = ok && ConversationCache::forget(db, removed).ok();
    ok = ok && q.prepare(QStringLiteral(
                   "INSERT OR IGNORE INTO events (seq, kind, payload) VALUES (?, ?, ?)"));
    for (const KeptEvent &e : events) {
        q.addBindValue(e.seq);
        q.addBindValue(e.kind);
        q.addBindValue(QString::fromUtf8(e.ids));
        ok = ok && q.exec();
    }
    ok = ok && q.prepare(QStringLiteral("DELETE FROM events WHERE seq <= ?"));
    q.addBindValue(seq - KeptEvents);
    ok = ok && q.exec();
    ok = ok && LocalCache::writeMeta(db, LastSeqKey, QString::number(seq)) &&
         LocalCache::writeMeta(db, SyncedAtKey, now);
    if (!ok || !db.commit())
        return rolledBack(q, db);
    return {};
}

QList<qint64> searchCache(const QSqlDatabase &db, const QString &text)
{
    QList<qint64> ids;
    if (!db.isOpen())
        return ids;
    if (const QString digits = phoneDigits(text); !digits.isEmpty()) {
        // Staff type the end of a number as often as its start; digits only, so LIKE is safe.
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT id FROM conversations WHERE replace(phone, '+', '') "
                                 "LIKE ? ORDER BY last_message_at DESC LIMIT 200"));
        q.addBindValue(QString(u'%' + digits + u'%'));
        if (q.exec()) {
            while (q.next())
                ids.append(q.value(0).toLongLong());
        }
    }
    const QString match = ftsQuery(text);
    if (match.isEmpty())
        return ids;
    // Conversations whose messages hold the words, after those whose name or preview does.
    const QList<qint64> inMessages = ConversationCache::search(db, match, 200);
    const auto appendMessages = [&ids, &inMessages] {
        for (qint64 id : inMessages) {
            if (!ids.contains(id))
                ids.append(id);
        }
    };
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT rowid FROM conversations_fts WHERE conversations_fts MATCH ? "
                             "ORDER BY rank LIMIT 200"));
    q.addBindValue(match);
    if (!q.exec()) {
        qCWarning(lcConsole, "search failed: %s",
                  qUtf8Printable(Store::Database::describe(q.lastError())));
        appendMessages();
        return ids;
    }
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (!ids.contains(id))
            ids.append(id);
    }
    appendMessages();
    return ids;
}

} // namespace

SyncEngine::SyncEngine(CacheWriter &cache, InboxStore &store, HubClient &hub, HubSession session,
                       const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_store(store)
    , m_hub(hub)
    , m_session(std::move(session))
    , m_clock(clock)
    , m_latestSearch(std::make_shared<std::atomic<quint64>>(0))
    , m_retryTimer(new QTimer(this))
    , m_keepAliveTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &SyncEngine::connectToHub);
    m_keepAliveTimer->setInterval(30000);
    connect(m_keepAliveTimer, &QTimer::timeout, this, &SyncEngine::keepAlive);
}

SyncEngine::~SyncEngine()
{
    interrupt();
}

void SyncEngine::setRetryIntervals(int firstMs, int maxMs)
{
    m_retryFirstMs = std::max(1, firstMs);
    m_retryMaxMs = std::max(m_retryFirstMs, maxMs);
}

void SyncEngine::setKeepAliveInterval(int ms)
{
    m_keepAliveTimer->setInterval(std::max(1, ms));
}

void SyncEngine::start()
{
    if (m_phase != Phase::Stopped)
        return;
    // Not Stopped any more: a second start() while the cache is read does nothing.
    m_phase = Phase::Waiting;
    loadCache(true);
}

void SyncEngine::stop()
{
    interrupt();
    m_phase = Phase::Stopped;
}

bool SyncEngine::cacheTooOld() const
{
    return !m_syncedAt.isValid() || m_syncedAt.daysTo(m_clock.now()) >= MaxCacheAgeDays;
}

// The prune and the read run on the worker; the hub is asked for nothing before the inbox shows
// what the cache holds, and last_seq is known.
void SyncEngine::loadCache(bool thenConnect)
{
    QElapsedTimer took;
    took.start();
    m_cache.run(
        this,
        [pruneBefore = m_clock.now().addDays(-MaxCacheAgeDays)](const QSqlDatabase &db) {
            return readCache(db, pruneBefore);
        },
        [this, thenConnect, took](const CacheContents &c) {
            m_lastSeq = m_receivedUpTo = c.lastSeq;
            m_syncedAt = c.syncedAt;
            showAll(c.conversations);
            qCInfo(lcConsole,
                   "cache shown: %lld conversations up to event %lld in %lld ms (read %lld ms)",
                   qint64(c.conversations.size()), m_lastSeq, took.elapsed(), c.readMs);
            Q_EMIT cacheShown(c.conversations.size());
            if (thenConnect && m_phase != Phase::Stopped)
                connectToHub();
        });
}

// A whole new set for the inbox (cache load, snapshot fill). A conversation alerting that the
// inbox did not know as alerting still raises the alarm: an emergency that came in while the
// console was closed must not arrive silently.
void SyncEngine::showAll(const QList<ConversationSummary> &all)
{
    QList<ConversationSummary> quiet;
    QList<ConversationSummary> alarms;
    quiet.reserve(all.size());
    for (const ConversationSummary &s : all) {
        const auto known = m_store.find(s.id);
        if (s.alerting() && !(known && known->alerting()))
            alarms.append(s);
        else
            quiet.append(s);
    }
    m_store.replaceAll(quiet);
    for (const ConversationSummary &s : std::as_const(alarms))
        m_store.upsert(s);
}

// Every (re)connection starts here, with nothing in flight: a snapshot when the cache cannot
// be caught up by events, else pages of events, then the live socket.
void SyncEngine::connectToHub()
{
    interrupt();
    m_phase = Phase::CatchingUp;
    // A batch or a fill on its way to the cache lands first: what the hub is asked next starts
    // after it, so no event is applied out of order or twice.
    if (m_writing) {
        m_connectWhenWritten = true;
        return;
    }
    if (m_forceFill || m_lastSeq == 0 || cacheTooOld())
        fetchInbox();
    else
        fetchEventsPage();
}

// Drops everything in flight. Queued events that were not committed are forgotten on purpose:
// the next catch-up asks for them again from last_seq, so nothing is lost and nothing is
// applied from a half-finished batch.
void SyncEngine::interrupt()
{
    ++m_epoch;
    m_retryTimer->stop();
    m_keepAliveTimer->stop();
    m_pending.clear();
    m_batch = {};
    m_applying = false;
    m_applyScheduled = false;
    m_receivedUpTo = m_lastSeq;
    m_connectWhenWritten = false;
    const auto inFlight = std::exchange(m_inFlight, {});
    for (const QPointer<QNetworkReply> &reply : inFlight) {
        if (reply)
            reply->abort();
    }
    if (m_socket) {
        QWebSocket *socket = std::exchange(m_socket, nullptr);
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    m_socketReady = false;
    m_awaitingPong = false;
}

void SyncEngine::call(const QString &path, const QUrlQuery &query,
                      std::function<void(const HubReply &)> handle)
{
    m_inFlight.removeIf([](const QPointer<QNetworkReply> &r) { return r.isNull(); });
    const quint64 epoch = m_epoch;
    QNetworkReply *reply =
        m_hub.get(m_session, path, query, this,
                  [this, epoch, handle = std::move(handle)](const HubReply &answer) {
                      if (epoch == m_epoch)
                          handle(answer);
                  });
    m_inFlight.append(reply);
}

void SyncEngine::failed(const HubReply &reply)
{
    // 401: the session expired or was ended; 403: this role gets no events. Retrying cannot
    // help either, and would fill the hub's audit trail with refusals.
    if (reply.status == 401 || reply.status == 403)
        endSession(reply.error);
    else
        lost(reply.error);
}

void SyncEngine::lost(const QString &reason)
{
    interrupt();
    m_phase = Phase::Waiting;
    setOnline(false, reason);
    scheduleRetry();
}

void SyncEngine::endSession(const QString &reason)
{
    interrupt();
    m_phase = Phase::Stopped;
    qCWarning(lcConsole, "the hub no longer accepts this session; sync stopped");
    setOnline(false, reason);
    Q_EMIT sessionEnded(reason);
}

// Doubling waits with ±20 % jitter, so the consoles of a whole ward do not all knock at the
// same instant when the hub comes back.
void SyncEngine::scheduleRetry()
{
    qint64 wait = m_retryFirstMs;
    for (int i = 0; i < m_failures && wait < m_retryMaxMs; ++i)
        wait *= 2;
    wait = std::min<qint64>(wait, m_retryMaxMs);
    const QByteArray noise = Core::Crypto::randomBytes(1);
    const double factor = 0.8 + 0.4 * (noise.isEmpty() ? 0.5 : quint8(noise.at(0)) / 255.0);
    ++m_failures;
    m_retryTimer->start(int(std::max<qint64>(1, qint64(double(wait) * factor))));
}

void SyncEngine::setOnline(bool isOnline, const QString &reason)
{
    if (m_online == isOnline)
        return;
    m_online = isOnline;
    if (isOnline) {
        qCInfo(lcConsole, "hub reachable");
        Q_EMIT online();
    } else {
        qCInfo(lcConsole, "not syncing; the inbox shows the cache");
        Q_EMIT offline(reason);
    }
}

void SyncEngine::fetchInbox()
{
    call(QStringLiteral("/api/v1/inbox"), {}, [this](const HubReply &reply) {
        if (!reply.ok())
            return failed(reply);
        setOnline(true);
        beginFill(reply.body);
    });
}

void SyncEngine::beginFill(const QJsonObject &answer)
{
    m_phase = Phase::Filling;
    const QJsonArray rows = answer.value(u"conversations").toArray();
    QList<ConversationSummary> fill;
    fill.reserve(rows.size());
    // The hub reads lastSeq before the list: every event after it is caught up below, and one
    // already in the list is applied again harmlessly.
    const qint64 fillSeq = answer.value(u"lastSeq").toInteger();
    QList<ConversationSummary> changed;
    QSet<qint64> listed;
    for (const QJsonValue &row : rows) {
        ConversationSummary s = summaryFromJson(row.toObject());
        s.seq = fillSeq;
        listed.insert(s.id);
        const auto known = m_store.find(s.id);
        if (!known || !sameContent(*known, s))
            changed.append(s);
        fill.append(std::move(s));
    }
    const QDateTime now = m_clock.now();
    const quint64 epoch = m_epoch;
    m_writing = true;
    m_cache.run(
        this,
        [changed = std::move(changed), listed = std::move(listed), fillSeq,
         now = now.toUTC().toString(Qt::ISODateWithMs)](const QSqlDatabase &db) {
            return writeFill(db, changed, listed, fillSeq, now);
        },
        [this, epoch, fill = std::move(fill), fillSeq, now](const Core::Status &kept) {
            if (kept) {
                // Durable: the inbox and the position follow, whatever happened meanwhile.
                qCInfo(lcConsole,
                       "cache filled from the hub's inbox: %lld conversations at event %lld",
                       qint64(fill.size()), fillSeq);
                showAll(fill);
                m_lastSeq = m_receivedUpTo = fillSeq;
                m_syncedAt = now;
                m_forceFill = false;
            }
            if (!written(epoch))
                return;
            if (!kept)
                return lost(tr("The local copy could not be updated (%1).").arg(kept.error()));
            m_phase = Phase::CatchingUp;
            fetchEventsPage();
        });
}

bool SyncEngine::written(quint64 epoch)
{
    m_writing = false;
    if (epoch == m_epoch)
        return true;
    if (std::exchange(m_connectWhenWritten, false))
        connectToHub();
    return false;
}

void SyncEngine::fetchEventsPage()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("after"), QString::number(m_receivedUpTo));
    query.addQueryItem(QStringLiteral("limit"), QString::number(EventPageSize));
    call(QStringLiteral("/api/v1/events"), query, [this](const HubReply &reply) {
        if (!reply.ok())
            return failed(reply);
        setOnline(true);
        const qint64 hubLast = reply.body.value(u"lastSeq").toInteger();
        const QJsonArray events = reply.body.value(u"events").toArray();
        // An empty page below the hub's lastSeq means the events after ours are gone (pruned)
        // -- or that one was committed between the hub reading the page and reading lastSeq.
        // Asking once more tells the two apart.
        const bool emptyBelowLast = events.isEmpty() && hubLast > m_receivedUpTo;
        if (emptyBelowLast && m_emptyPageAfter != m_receivedUpTo) {
            m_emptyPageAfter = m_receivedUpTo;
            return fetchEventsPage();
        }
        m_emptyPageAfter = -1;
        // The hub is behind the cache (restored from a backup), or no longer has the events
        // after ours: only a snapshot can tell what the inbox is now.
        if (hubLast < m_lastSeq || emptyBelowLast) {
            qCWarning(lcConsole,
                      "the hub cannot replay events after %lld (it is at %lld); "
                      "refilling the cache",
                      m_receivedUpTo, hubLast);
            m_forceFill = true;
            return connectToHub();
        }
        // Seqs may have holes (a sequence number taken by a rolled-back transaction), so a
        // page is taken as it comes; only the live stream treats a skipped seq as a gap.
        for (const QJsonValue &e : events)
            enqueue(e.toObject());
        m_moreOnHub = !events.isEmpty() && m_receivedUpTo < hubLast;
        scheduleApply();
    });
}

void SyncEngine::enqueue(const QJsonObject &event)
{
    PendingEvent e;
    e.seq = event.value(u"seq").toInteger();
    if (e.seq <= m_receivedUpTo)
        return; // already applied or queued: a replay changes nothing
    e.kind = event.value(u"kind").toString();
    const QJsonObject payload = event.value(u"payload").toObject();
    e.conversationId = payload.value(u"conversationId").toInteger();
    e.patientId = payload.value(u"patientId").toInteger();
    QJsonObject ids;
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
        if (it.key().endsWith(QLatin1StringView("Id")) && it.value().isDouble())
            ids.insert(it.key(), it.value());
    }
    e.ids = QJsonDocument(ids).toJson(QJsonDocument::Compact);
    m_receivedUpTo = e.seq;
    m_pending.push_back(std::move(e));
}

// Applying waits for the event loop to turn once, so events that arrive together (one socket
// read, one page) go into one batch and one transaction.
void SyncEngine::scheduleApply()
{
    if (m_applying || m_applyScheduled)
        return;
    m_applyScheduled = true;
    const quint64 epoch = m_epoch;
    QTimer::singleShot(0, this, [this, epoch] {
        if (epoch != m_epoch)
            return;
        m_applyScheduled = false;
        applyNextBatch();
    });
}

void SyncEngine::applyNextBatch()
{
    if (m_pending.empty()) {
        m_applying = false;
        return drained();
    }
    m_applying = true;
    m_batch = {};
    QSet<qint64> wanted;
    while (!m_pending.empty() && m_batch.events.size() < MaxBatchEvents) {
        const PendingEvent &e = m_pending.front();
        QList<qint64> named;
        if (e.conversationId > 0) {
            named.append(e.conversationId);
        } else if (e.patientId > 0) {
            // A change to the patient (name, opt-in) shows in each of their conversations.
            for (const ConversationSummary &s : m_store.conversations()) {
                if (s.patientId == e.patientId)
                    named.append(s.id);
            }
        }
        qsizetype added = 0;
        for (qint64 id : std::as_const(named))
            added += wanted.contains(id) ? 0 : 1;
        if (added > 0 && !m_batch.events.isEmpty() && wanted.size() + added > MaxBatchConversations)
            break;
        for (qint64 id : std::as_const(named))
            wanted.insert(id);
        m_batch.events.append(e);
        m_pending.pop_front();
    }
    if (wanted.isEmpty())
        return commitBatch();
    // Several events about one conversation cost one fetch: its summary now covers them all.
    m_batch.outstanding = int(wanted.size());
    for (qint64 id : std::as_const(wanted)) {
        call(QStringLiteral("/api/v1/inbox/%1").arg(id), {}, [this, id](const HubReply &reply) {
            if (reply.status == 404) {
                m_batch.fetched.insert(id, std::nullopt); // gone, or no longer for this role
            } else if (!reply.ok()) {
                return failed(reply);
            } else {
                const QJsonArray rows = reply.body.value(u"conversations").toArray();
                if (rows.isEmpty())
                    m_batch.fetched.insert(id, std::nullopt);
                else
                    m_batch.fetched.insert(id, summaryFromJson(rows.first().toObject()));
            }
            if (--m_batch.outstanding == 0)
                commitBatch();
        });
    }
}

// The batch goes to the worker as one transaction (writeBatch); the inbox and lastSeq follow
// once it is durable, and the next batch is only begun then.
void SyncEngine::commitBatch()
{
    QElapsedTimer took;
    took.start();
    const qint64 seq = m_batch.events.constLast().seq;
    QList<ConversationSummary> changed;
    QList<qint64> removed;
    for (auto it = m_batch.fetched.begin(); it != m_batch.fetched.end(); ++it) {
        const auto known = m_store.find(it.key());
        if (!it.value()) {
            removed.append(it.key());
            continue;
        }
        ConversationSummary s = *it.value();
        s.seq = seq;
        if (!known || !sameContent(*known, s))
            changed.append(s);
    }
    QList<KeptEvent> events;
    QStringList kinds;
    for (const PendingEvent &e : std::as_const(m_batch.events)) {
        events.append({e.seq, e.kind, e.ids});
        if (!kinds.contains(e.kind))
            kinds.append(e.kind);
    }
    const qsizetype fetched = m_batch.fetched.size();
    const qint64 count = events.size();
    m_batch = {};
    const QDateTime now = m_clock.now();
    const quint64 epoch = m_epoch;
    m_writing = true;
    m_cache.run(
        this,
        [changed, removed, events = std::move(events), seq,
         now = now.toUTC().toString(Qt::ISODateWithMs)](const QSqlDatabase &db) {
            return writeBatch(db, changed, removed, events, seq, now);
        },
        [this, epoch, changed, removed, kinds, seq, now, took, count,
         fetched](const Core::Status &kept) {
            if (kept) {
                m_lastSeq = seq;
                m_receivedUpTo = std::max(m_receivedUpTo, seq);
                m_syncedAt = now;
                m_applied += count;
                qCDebug(lcConsole, "applied %lld events (%lld conversations) up to %lld in %lld ms",
                        count, qint64(fetched), seq, took.elapsed());
                // The inbox follows the cache, never leads it.
                for (const ConversationSummary &s : changed)
                    m_store.upsert(s);
                for (qint64 id : removed)
                    m_store.remove(id);
                Q_EMIT eventsApplied(kinds);
            }
            if (!written(epoch))
                return;
            if (!kept)
                return lost(tr("The local copy could not be updated (%1).").arg(kept.error()));
            if (m_pending.empty()) {
                m_applying = false;
                return drained();
            }
            applyNextBatch();
        });
}

void SyncEngine::drained()
{
    if (m_phase == Phase::CatchingUp) {
        if (m_moreOnHub)
            return fetchEventsPage();
        Q_EMIT caughtUp(m_lastSeq);
        return openSocket();
    }
    if (m_phase == Phase::Live)
        Q_EMIT caughtUp(m_lastSeq);
}

void SyncEngine::openSocket()
{
    if (!m_session.eventsUrl.isValid()) {
        // No live stream to follow: ask again for events after a while.
        m_phase = Phase::Waiting;
        m_failures = 0;
        m_retryTimer->start(PollIntervalMs);
        return;
    }
    m_phase = Phase::Live;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    QWebSocket *socket = m_socket;
    if (m_session.eventsUrl.scheme() == QLatin1StringView("wss"))
        socket->setSslConfiguration(m_hub.sslConfiguration());
    // The certificate confirmed on this computer, as for every other call to the hub.
    connect(socket, &QWebSocket::sslErrors, this, [this, socket](const QList<QSslError> &) {
        if (m_hub.acceptsConfirmed(socket->sslConfiguration().peerCertificate()))
            socket->ignoreSslErrors();
    });
    connect(socket, &QWebSocket::connected, this, [this, socket] {
        if (socket != m_socket)
            return;
        const QJsonObject hello{{QStringLiteral("token"), m_session.token},
                                {QStringLiteral("after"), m_receivedUpTo}};
        socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(hello).toJson(QJsonDocument::Compact)));
    });
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) {
        if (socket == m_socket)
            socketMessage(text);
    });
    connect(socket, &QWebSocket::pong, this, [this, socket] {
        if (socket == m_socket)
            m_awaitingPong = false;
    });
    // A dropped socket is caught up by pages after a short wait; only when the hub does not
    // answer those either does the console call itself offline.
    auto dropped = [this, socket] {
        if (socket != m_socket)
            return;
        qCInfo(lcConsole, "live event connection dropped");
        interrupt();
        m_phase = Phase::Waiting;
        scheduleRetry();
    };
    connect(socket, &QWebSocket::disconnected, this, dropped);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(socket, &QWebSocket::errorOccurred, this, dropped);
#else
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, dropped);
#endif
    m_keepAliveTimer->start();
    socket->open(m_session.eventsUrl);
}

void SyncEngine::socketMessage(const QString &text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value(u"type").toString();
    if (type == QLatin1StringView("event")) {
        const qint64 seq = message.value(u"seq").toInteger();
        if (seq <= m_receivedUpTo)
            return; // a repeat
        if (seq != m_receivedUpTo + 1) {
            qCInfo(lcConsole, "live events skipped from %lld to %lld; catching up", m_receivedUpTo,
                   seq);
            return connectToHub();
        }
        enqueue(message);
        return scheduleApply();
    }
    if (type == QLatin1StringView("ready")) {
        m_socketReady = true;
        m_failures = 0;
        setOnline(true);
        if (message.value(u"lastSeq").toInteger() < m_lastSeq) {
            m_forceFill = true;
            connectToHub();
        }
        return;
    }
    if (type == QLatin1StringView("error")) {
        const QString code = message.value(u"code").toString();
        const QString reason = message.value(u"message").toString();
        qCWarning(lcConsole, "the event stream refused this session: %s", qUtf8Printable(code));
        if (code == QLatin1StringView("storage") || code.isEmpty())
            return lost(reason);
        return endSession(reason);
    }
}

// A hub that vanished without closing the connection (power, cable) is noticed here: no answer
// to the hello or to the last ping within one interval.
void SyncEngine::keepAlive()
{
    if (!m_socket)
        return;
    if (!m_socketReady || m_awaitingPong) {
        qCInfo(lcConsole, "the hub stopped answering on the live connection");
        return lost(tr("The hub stopped answering. Wardline keeps trying; meanwhile the inbox "
                       "shows what it last received."));
    }
    m_awaitingPong = true;
    m_socket->ping();
}

void SyncEngine::search(const QString &text)
{
    const quint64 generation = ++m_searchGeneration;
    m_latestSearch->store(generation);
    m_cache.run(
        this,
        [text, generation, latest = m_latestSearch](const QSqlDatabase &db) {
            // Typing queues a search per keystroke; only the last one is worth the work.
            return latest->load() == generation ? std::optional(searchCache(db, text))
                                                : std::nullopt;
        },
        [this, text, generation](const std::optional<QList<qint64>> &found) {
            if (found && generation == m_searchGeneration)
                Q_EMIT searchFinished(text, *found);
        });
}

} // namespace Wardline::Console
