// The console against its encrypted cache at hospital scale (README, "Performance"): a cache of
// BENCH_MESSAGES messages (1,000,000) in BENCH_CONVERSATIONS conversations (50,000), one of them
// with 5,000 messages. Each step runs the console's own code (LocalCache, the cache's worker,
// SyncEngine, InboxStore, ConversationCache, the real widgets on the offscreen platform) and then
// the same query on the raw SQLCipher C API with the same key and settings: the floor. Prints
// milliseconds for both, their ratio, the longest the window's event loop went without turning
// during the step (cache work runs on the worker), and the console's resident memory after it.
#include "cachefill.h"
#include "console/cachewriter.h"
#include "console/conversationcache.h"
#include "console/conversationclient.h"
#include "console/hubclient.h"
#include "console/inboxstore.h"
#include "console/localcache.h"
#include "console/syncengine.h"
#include "core/clock.h"
#include "core/secretkey.h"
#include "store/database.h"
#include "ui/conversationview.h"
#include "ui/homewindow.h"
#include "ui/inboxqueue.h"
#include "ui/inboxwidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QListView>
#include <QProcess>
#include <QScrollArea>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <optional>
#include <sqlite3.h>

using namespace Wardline;

namespace {
int setting(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

const int Conversations = setting("BENCH_CONVERSATIONS", 50000);
const int Messages = setting("BENCH_MESSAGES", 1000000);
using Bench::BigConversation; // the one with 5,000 messages
using Bench::exec;
using Bench::openRaw;
constexpr int BigMessages = 5000;

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

// Steps a statement to its end, reading every column as the console would: the floor.
qint64 readAll(sqlite3 *db, const char *sql, const QList<QByteArray> &texts = {})
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        qFatal("%s: %s", sql, sqlite3_errmsg(db));
    for (int i = 0; i < texts.size(); ++i)
        sqlite3_bind_text(stmt, i + 1, texts[i].constData(), int(texts[i].size()),
                          SQLITE_TRANSIENT);
    qint64 rows = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        ++rows;
        for (int c = 0; c < sqlite3_column_count(stmt); ++c)
            (void)sqlite3_column_bytes(stmt, c);
    }
    sqlite3_finalize(stmt);
    return rows;
}

// The floor of keeping a 5,000-message conversation: \a words inserted as new messages of
// \a conversation, each indexed by the full-text trigger, in one transaction.
double keepFloor(sqlite3 *raw, const QList<QByteArray> &words, qint64 firstId, qint64 conversation)
{
    QElapsedTimer f;
    f.start();
    exec(raw, "BEGIN");
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(raw,
                       "INSERT INTO messages (id, conversation_id, words, payload) "
                       "VALUES (?, ?, ?, ?)",
                       -1, &insert, nullptr);
    qint64 id = firstId;
    for (const QByteArray &w : words) {
        sqlite3_bind_int64(insert, 1, ++id);
        sqlite3_bind_int64(insert, 2, conversation);
        sqlite3_bind_text(insert, 3, w.constData(), int(w.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert, 4, w.constData(), int(w.size()), SQLITE_STATIC);
        sqlite3_step(insert);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    exec(raw, "COMMIT");
    return double(f.nsecsElapsed()) / 1e6;
}

// The same floor with SQLCipher's memory security off, in a process that never turned it on
// (it cannot be turned off again): what the console would gain without it.
int keepFloorWithoutMemorySecurity(const QString &path, const Core::SecretKey &key)
{
    sqlite3 *raw = openRaw(path, key, false);
    QList<QByteArray> words;
    sqlite3_stmt *select = nullptr;
    sqlite3_prepare_v2(raw, "SELECT words FROM messages WHERE conversation_id = 1 ORDER BY id", -1,
                       &select, nullptr);
    while (sqlite3_step(select) == SQLITE_ROW)
        words.append(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(select, 0)),
                                sqlite3_column_bytes(select, 0)));
    sqlite3_finalize(select);
    std::printf("%.1f\n", keepFloor(raw, words, 300000000, 900002));
    sqlite3_close(raw);
    return 0;
}

struct Row
{
    const char *step;
    double console = 0;
    double floor = 0;
    qint64 rssKiB = 0;
    double stall = 0; // the longest the window's event loop went without turning
};

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// Turns the window's event loop until \a done() holds, ticking every millisecond; returns the
// longest gap between two turns (what staff would feel as a frozen window).
template<typename Done> double runUntil(Done done)
{
    QElapsedTimer gap;
    gap.start();
    double longest = 0;
    QTimer tick;
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        longest = std::max(longest, ms(gap));
        gap.restart();
    });
    tick.start();
    while (!done())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    return std::max(longest, ms(gap));
}
} // namespace

int main(int argc, char *argv[])
{
    // The fill runs in a child process, so that its memory does not count as the console's.
    if (argc == 4 && qstrcmp(argv[1], "--keep-floor-off") == 0) {
        QCoreApplication child(argc, argv);
        return keepFloorWithoutMemorySecurity(QString::fromLocal8Bit(argv[2]),
                                              Core::SecretKey::fromHex(QByteArray(argv[3])));
    }
    if (argc == 4 && qstrcmp(argv[1], "--fill") == 0) {
        QCoreApplication fillApp(argc, argv);
        Bench::fillCache(QString::fromLocal8Bit(argv[2]),
                         Core::SecretKey::fromHex(QByteArray(argv[3])), Conversations, Messages,
                         BigMessages);
        return 0;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.cache"));
    const Core::SecretKey key = Core::SecretKey::generate();
    QTextStream out(stdout);

    // The schema the console makes (migrations), then the fictional shift's data.
    if (auto db = Console::LocalCache::open(QStringLiteral("setup"), path, key); !db)
        qFatal("%s", qPrintable(db.error()));
    Store::Database::close(QStringLiteral("setup"));
    QElapsedTimer fillTime;
    fillTime.start();
    if (QProcess::execute(QCoreApplication::applicationFilePath(),
                          {QStringLiteral("--fill"), path, QString::fromLatin1(key.toHex())}) != 0)
        qFatal("the fill failed");
    out << "filled " << Conversations << " conversations, " << Messages << " messages in "
        << qRound(ms(fillTime) / 1000) << " s; cache file " << QFile(path).size() / (1024 * 1024)
        << " MiB\n"
        << Qt::flush;
    QList<Row> rows;
    const qint64 rssBefore = residentKiB();

    // 1. Cold start to the first painted inbox.
    QElapsedTimer t;
    t.start();
    auto opened = Console::LocalCache::open(QStringLiteral("console"), path, key);
    if (!opened)
        qFatal("%s", qPrintable(opened.error()));
    QSqlDatabase cache = opened.value();
    Console::HubClient hub;
    Console::HubSession session;
    session.hub = QUrl(QStringLiteral("https://127.0.0.1:9")); // no hub: the cache alone
    session.user.id = 7;
    session.user.role = Core::Role::Nurse;
    Console::InboxStore store;
    Console::CacheWriter worker(path, key);
    Console::SyncEngine sync(worker, store, hub, session, Core::Clock::system());
    bool shown = false;
    QObject::connect(&sync, &Console::SyncEngine::cacheShown, &sync, [&shown] { shown = true; });
    sync.showCache();
    Ui::HomeWindow home;
    home.showSession(QStringLiteral("Bench Nurse"), Core::Role::Nurse, session.hub.toString(), {});
    home.setInbox(&store, session.user.id);
    home.resize(1280, 800);
    home.show();
    auto *list = home.inbox()->findChild<QListView *>(QStringLiteral("conversationList"));
    list->viewport()->repaint();
    const double startStall = runUntil([&] { return shown; });
    list->viewport()->repaint();
    Row start{"cold start to painted inbox", ms(t), 0, residentKiB(), startStall};
    QElapsedTimer f;
    f.start();
    {
        sqlite3 *raw = openRaw(path, key);
        readAll(raw, "SELECT * FROM conversations ORDER BY priority, last_inbound_at");
        sqlite3_close(raw);
    }
    start.floor = ms(f);
    rows.append(start);

    sqlite3 *raw = openRaw(path, key);
    // 2. Switching queues.
    t.restart();
    for (auto queue : {Ui::InboxQueue::Nurses, Ui::InboxQueue::Refills, Ui::InboxQueue::LabResults,
                       Ui::InboxQueue::AllOpen}) {
        home.inbox()->setCurrentQueue(queue);
        list->viewport()->repaint();
    }
    // Widgets only: the whole step is on the window's thread.
    Row queues{"switch queue (mean of 4)", ms(t) / 4, 0, residentKiB(), ms(t) / 4};
    f.restart();
    for (const char *category : {"NURSE", "REFILL", "LAB_RESULTS"})
        readAll(raw,
                "SELECT * FROM conversations WHERE category = ? AND state = 'open' "
                "ORDER BY priority, last_inbound_at",
                {QByteArray(category)});
    readAll(raw, "SELECT * FROM conversations WHERE state = 'open' ORDER BY priority, "
                 "last_inbound_at");
    queues.floor = ms(f) / 4;
    rows.append(queues);

    // 3. Search: a patient's name, and words inside messages.
    t.restart();
    qint64 found = 0;
    double searchStall = 0;
    std::optional<QList<qint64>> answered;
    QObject::connect(&sync, &Console::SyncEngine::searchFinished, &sync,
                     [&answered](const QString &, const QList<qint64> &ids) { answered = ids; });
    for (const QString &q : {QStringLiteral("Patient 4711"), QStringLiteral("ibuprofen swelling"),
                             QStringLiteral("receta")}) {
        answered.reset();
        sync.search(q);
        searchStall = std::max(searchStall, runUntil([&] { return answered.has_value(); }));
        const QList<qint64> ids = *answered;
        home.inbox()->showSearchResults(ids);
        list->viewport()->repaint();
        found += ids.size();
    }
    Row search{"search (mean of 3)", ms(t) / 3, 0, residentKiB(), searchStall};
    home.inbox()->clearSearch();
    f.restart();
    readAll(raw,
            "SELECT rowid FROM conversations_fts WHERE conversations_fts MATCH ? ORDER BY rank "
            "LIMIT 200",
            {"\"Patient\"* \"4711\"*"});
    for (const char *q : {"\"ibuprofen\"* \"swelling\"*", "\"receta\"*"}) {
        readAll(raw,
                "SELECT rowid FROM conversations_fts WHERE conversations_fts MATCH ? ORDER BY "
                "rank LIMIT 200",
                {QByteArray(q)});
        readAll(raw,
                "SELECT conversation_id FROM messages WHERE id IN (SELECT rowid FROM "
                "messages_fts WHERE messages_fts MATCH ?) ORDER BY id DESC LIMIT 4000",
                {QByteArray(q)});
    }
    search.floor = ms(f) / 3;
    rows.append(search);

    // 4. Opening the conversation of 5,000 messages (from the cache; no hub answers).
    Console::ConversationClient conversations(hub, session, cache, Core::Clock::system());
    conversations.setCacheWriter(&worker);
    home.setConversationClient(&conversations);
    auto *messages = home.conversationView()->findChild<QScrollArea *>();
    bool loaded = false;
    QObject::connect(&conversations, &Console::ConversationClient::conversationLoaded,
                     &conversations, [&loaded] { loaded = true; });
    t.restart();
    Q_EMIT home.inbox()->conversationActivated(BigConversation);
    const double openStall = runUntil([&] { return loaded; });
    if (messages)
        messages->viewport()->repaint();
    home.conversationView()->repaint();
    Row open{"open a 5,000-message conversation", ms(t), 0, residentKiB(), openStall};
    f.restart();
    readAll(raw, "SELECT payload FROM messages WHERE conversation_id = 1 ORDER BY id");
    open.floor = ms(f);
    rows.append(open);

    // 5. Keeping a conversation of 5,000 messages the first time the hub answers for it, and
    //    again when it answers unchanged (a refresh).
    auto big = Console::ConversationCache::load(cache, BigConversation);
    if (!big)
        qFatal("the big conversation is not in the cache");
    constexpr qint64 Copy = 900000;
    QJsonArray copied;
    QList<QByteArray> words;
    for (const QJsonValue &v : big->answer.value(u"messages").toArray()) {
        QJsonObject m = v.toObject();
        m.insert(QStringLiteral("id"), m.value(u"id").toInteger() + 100000000);
        words.append(m.value(u"body").toString().toUtf8());
        copied.append(m);
    }
    QJsonObject answer = big->answer;
    answer.insert(QStringLiteral("messages"), copied);
    int stored = 0;
    QString failed;
    QObject::connect(&worker, &Console::CacheWriter::stored, &worker, [&stored] { ++stored; });
    QObject::connect(&worker, &Console::CacheWriter::failed, &worker,
                     [&failed](const QString &error) { failed = error; });
    QCoreApplication::processEvents(); // the opened conversation's layout is not this step's
    t.restart();
    worker.storeConversation(Copy, answer, QDateTime::currentDateTimeUtc());
    const double keepStall = runUntil([&] { return stored > 0 || !failed.isEmpty(); });
    if (!failed.isEmpty())
        qFatal("%s", qPrintable(failed));
    Row keep{"keep a 5,000-message conversation", ms(t), 0, residentKiB(), keepStall};
    keep.floor = keepFloor(raw, words, 200000000, Copy + 1);
    rows.append(keep);
    t.restart();
    worker.storeConversation(Copy, answer, QDateTime::currentDateTimeUtc());
    const double againStall = runUntil([&] { return stored > 1 || !failed.isEmpty(); });
    rows.append({"keep it again, unchanged (a refresh)", ms(t), 0, residentKiB(), againStall});
    sqlite3_close(raw);
    // The floor once more without memory security, in a child process that never turned it on.
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--keep-floor-off"), path, QString::fromLatin1(key.toHex())});
    child.waitForFinished(-1);
    const double withoutSecurity = child.readAllStandardOutput().trimmed().toDouble();

    out << "\n"
        << qSetFieldWidth(36) << Qt::left << "step" << qSetFieldWidth(14) << Qt::right
        << "console ms"
        << "SQLCipher ms"
        << "ratio"
        << "RSS MiB"
        << "window ms" << qSetFieldWidth(0) << "\n";
    for (const Row &r : std::as_const(rows)) {
        out << qSetFieldWidth(36) << Qt::left << r.step << qSetFieldWidth(14) << Qt::right
            << QString::number(r.console, 'f', 1) << QString::number(r.floor, 'f', 1)
            << QString::number(r.floor > 0 ? r.console / r.floor : 0, 'f', 1)
            << QString::number(double(r.rssKiB) / 1024, 'f', 0) << QString::number(r.stall, 'f', 1)
            << qSetFieldWidth(0) << "\n";
    }
    out << "\nkeeping the 5,000-message conversation on the raw API with memory security off: "
        << QString::number(withoutSecurity, 'f', 1)
        << " ms (on: " << QString::number(keep.floor, 'f', 1) << " ms)";
    out << "\nresident memory before opening the cache: " << rssBefore / 1024 << " MiB; "
        << store.size() << " conversations in the inbox, " << found << " search hits, "
        << home.conversationView()->bubbles().size() << " message bubbles on screen\n";
    home.setConversationClient(nullptr);
    return 0;
}
