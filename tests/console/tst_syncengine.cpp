// The console's sync end to end on loopback: a real hub (in-process, TLS off on loopback),
// wardline-sim playing the patients, the real encrypted cache on disk. Nothing here sleeps:
// every wait is on a signal or on the hub's record, and the engine's retry intervals are
// shortened instead of waited out.
#include "console/cachewriter.h"
#include "console/hubclient.h"
#include "console/inboxstore.h"
#include "console/localcache.h"
#include "console/syncengine.h"
#include "core/appointment.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/role.h"
#include "core/secretkey.h"
#include "hub/carerecords.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "sim/inboundinjector.h"
#include "sim/simserver.h"
#include "sim/simservices.h"
#include "store/database.h"
#include "store/userrepository.h"
#include "testsim.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

using namespace Wardline;

namespace {
const QString Password = QStringLiteral("Ward-line 7 blue heron");
constexpr int Patience = 30000;

// Fictional patients (555-01xx numbers are reserved for fiction). The canary's name is
// unusual on purpose: finding it in the cache file's bytes would mean plaintext on disk.
const QString RefillPhone = QStringLiteral("15550100301");
const QString DeskPhone = QStringLiteral("15550100302");
const QString CanaryPhone = QStringLiteral("15550100303");
const QString EmergencyPhone = QStringLiteral("15550100304");
const QString CanaryName = QStringLiteral("Zephyrine Quillfeather");
} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::HubSecrets m_secrets;
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    std::unique_ptr<Sim::SimServer> m_sim;
    Console::HubClient m_client;

    // The nurse's console, kept across the tests below in the order they run.
    Console::HubSession m_nurse;
    QHash<QString, QByteArray> m_keys; // the key of each cache file the test made
    QString m_nurseCachePath;
    QSqlDatabase m_nurseCache;
    std::unique_ptr<Console::InboxStore> m_nurseInbox;
    std::unique_ptr<Console::SyncEngine> m_nurseSync;
    QHash<qint64, QStringList> m_previews;

    QString hubDir() const { return m_dir.filePath(QStringLiteral("hub")); }
    QSqlDatabase hubDb() const { return m_hub->database(); }

    [[nodiscard]] bool startHub()
    {
        m_hub = std::make_unique<Hub::HubServer>(*m_config, Core::Clock::system());
        auto started = m_hub->start();
        if (!started)
            qWarning("hub did not start: %s", qPrintable(started.error()));
        return started.ok();
    }
    qint64 hubNumber(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery q(hubDb());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }
    qint64 hubLastSeq() const { return hubNumber(QStringLiteral("SELECT max(seq) FROM events")); }
    qint64 conversationOf(const QString &waId) const
    {
        return hubNumber(QStringLiteral("SELECT c.id FROM conversations c JOIN patients p ON "
                                        "p.id = c.patient_id WHERE p.wa_id = ? ORDER BY c.id "
                                        "DESC LIMIT 1"),
                         {waId});
    }
    QString hubCategory(qint64 conversation) const
    {
        QSqlQuery q(hubDb());
        q.prepare(QStringLiteral("SELECT category || ' ' || priority FROM conversations WHERE "
                                 "id = ?"));
        q.addBindValue(conversation);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }
    qint64 inboundCount() const
    {
        return hubNumber(QStringLiteral("SELECT count(*) FROM messages WHERE direction = 'in'"));
    }
    [[nodiscard]] bool say(const QString &from, const QString &name, const QString &text)
    {
        const Sim::InboundResult sent =
            m_sim->services()->inbound().inject({{QStringLiteral("from"), from},
                                                 {QStringLiteral("name"), name},
                                                 {QStringLiteral("text"), text}});
        if (!sent.ok)
            qWarning("the simulator refused a message: %s", qPrintable(sent.error));
        return sent.ok;
    }
    std::optional<Console::HubSession> signIn(const QString &username, Core::Role role)
    {
        (void)Store::UserRepository(hubDb(), Core::Clock::system())
            .create(username, role, Core::Crypto::hashPassword(Password));
        std::optional<Console::HubSession> session;
        bool answered = false;
        m_client.signIn(QUrl(m_hub->apiUrl()), username, Password,
                        [&](Core::Result<Console::HubSession> r, Console::HubClient::Failure) {
                            answered = true;
                            if (r)
                                session = std::move(r).value();
                        });
        if (!QTest::qWaitFor([&] { return answered; }, Patience))
            return std::nullopt;
        return session;
    }
    QSqlDatabase openCache(const QString &connection, QString *path = nullptr)
    {
        const QString file = m_dir.filePath(connection + QStringLiteral(".cache"));
        if (path)
            *path = file;
        Core::SecretKey key = Core::SecretKey::generate();
        m_keys.insert(file, key.bytes()); // for the engine's worker, which opens its own
        auto db = Console::LocalCache::open(connection, file, key);
        if (!db)
            qWarning("cache not opened: %s", qPrintable(db.error()));
        return db ? db.value() : QSqlDatabase();
    }
    // What \a engine's search finds for \a text, once its worker has answered.
    static QList<qint64> searchNow(Console::SyncEngine &engine, const QString &text)
    {
        QSignalSpy found(&engine, &Console::SyncEngine::searchFinished);
        engine.search(text);
        if (!found.wait(Patience))
            return {-1};
        return found.constFirst().at(1).value<QList<qint64>>();
    }
    static qint64 cacheNumber(QSqlDatabase db, const QString &sql)
    {
        QSqlQuery q(db);
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }
    static QList<qint64> seqs(QSqlDatabase db, const QString &sql, qint64 after)
    {
        QSqlQuery q(db);
        q.prepare(sql);
        q.addBindValue(after);
        QList<qint64> out;
        if (q.exec()) {
            while (q.next())
                out.append(q.value(0).toLongLong());
        }
        return out;
    }
    // Starts recording every preview \a inbox shows for \a conversation into m_previews; what
    // was recorded before is returned and forgotten.
    QStringList previewsOf(Console::InboxStore &inbox, qint64 conversation)
    {
        connect(&inbox, &Console::InboxStore::conversationChanged, this,
                [this, &inbox, conversation](qint64 id) {
                    if (id == conversation)
                        m_previews[id].append(inbox.find(id)->preview);
                });
        return m_previews.take(conversation);
    }
    // An engine on \a cache's file, with a worker of its own (as a session has); the test keeps
    // \a cache to look at what the engine wrote.
    std::unique_ptr<Console::SyncEngine> engineFor(QSqlDatabase cache, Console::InboxStore &inbox,
                                                   const Console::HubSession &session)
    {
        QByteArray raw = m_keys.value(cache.databaseName());
        auto *worker =
            new Console::CacheWriter(cache.databaseName(), Core::SecretKey::fromRaw(raw));
        auto engine = std::make_unique<Console::SyncEngine>(*worker, inbox, m_client, session,
                                                            Core::Clock::system());
        worker->setParent(engine.get());    // goes after the engine, having run what it queued
        engine->setRetryIntervals(50, 400); // the hub's restart is waited for, not the clock
        return engine;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(Core::Crypto::selfTest());
        auto init =
            Hub::HubInit(hubDir(), Core::Clock::system()).run(QStringLiteral("admin"), Password);
        QVERIFY2(init, qPrintable(init.error()));
        QVERIFY(Test::writeHubSecrets(hubDir(), m_secrets));
        Test::listenOnLoopback(hubDir(), Test::Tls::Off);
        QString error;
        m_sim = Test::startSimulatorFor(hubDir(), m_secrets, Test::consoleDrill, &error);
        QVERIFY2(m_sim, qPrintable(error));
        Test::fixConsolePorts(hubDir());
        auto config = Hub::HubConfig::load(hubDir());
        QVERIFY2(config, qPrintable(config.error()));
        m_config = std::move(config).value();
        QVERIFY(startHub());

        auto nurse = signIn(QStringLiteral("nurse.sync"), Core::Role::Nurse);
        QVERIFY(nurse);
        m_nurse = *nurse;
        QCOMPARE(m_nurse.eventsUrl, QUrl(m_hub->eventsUrl()));

        // The canary comes from the hospital's record system, so the hub knows the phone
        // number (patients known only from WhatsApp have none in the inbox).
        Core::ImportBatch batch;
        batch.patients = {{QStringLiteral("MRN-303"),
                           CanaryName,
                           u'+' + CanaryPhone,
                           QStringLiteral("en"),
                           {},
                           false}};
        QVERIFY(hubDb().transaction());
        QVERIFY(Hub::CareRecords(hubDb(), Core::Clock::system()).importBatch(batch));
        QVERIFY(hubDb().commit());
        // Patients who wrote before any console was open.
        QVERIFY(say(RefillPhone, QStringLiteral("Ana Drill"),
                    QStringLiteral("I need a refill of my metformin please")));
        QVERIFY(say(DeskPhone, QStringLiteral("Ben Drill"),
                    QStringLiteral("I need to reschedule my appointment")));
        QVERIFY(say(CanaryPhone, CanaryName, QStringLiteral("my incision looks red and warm")));
        QVERIFY(
            say(EmergencyPhone, QStringLiteral("Cal Drill"), QStringLiteral("I can't breathe")));
        QTRY_COMPARE_WITH_TIMEOUT(inboundCount(), 4, Patience);
        QCOMPARE(hubCategory(conversationOf(DeskPhone)).section(u' ', 0, 0),
                 QStringLiteral("APPOINTMENT"));
        QCOMPARE(hubCategory(conversationOf(EmergencyPhone)), QStringLiteral("EMERGENCY P1"));
    }

    void cleanupTestCase()
    {
        m_nurseSync.reset();
        m_nurseInbox.reset();
        m_nurseCache = QSqlDatabase();
        Store::Database::close(QStringLiteral("nurse"));
        m_sim.reset();
        m_hub.reset();
    }

    void theCacheHasFullTextSearch()
    {
        QSqlDatabase db = openCache(QStringLiteral("fts-probe"));
        QVERIFY(db.isOpen());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA compile_options")));
            QStringList options;
            while (q.next())
                options << q.value(0).toString();
            QVERIFY2(options.contains(QStringLiteral("ENABLE_FTS5")),
                     "this SQLCipher was built without FTS5");
            QVERIFY(q.exec(QStringLiteral("SELECT max(version) FROM schema_migrations")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 4); // 4: conversations kept with their messages
            // The triggers keep the index in step with the table, including updates.
            QVERIFY(q.exec(QStringLiteral("INSERT INTO conversations (id, patient_id, preview) "
                                          "VALUES (7, 1, 'apples')")));
            QVERIFY(q.exec(QStringLiteral("UPDATE conversations SET preview = 'pears' WHERE id = "
                                          "7")));
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM conversations_fts WHERE "
                                          "conversations_fts MATCH 'apples'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 0);
            QVERIFY(q.exec(QStringLiteral("SELECT rowid FROM conversations_fts WHERE "
                                          "conversations_fts MATCH 'pears'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 7);
            // The same for the words of kept messages.
            QVERIFY(q.exec(QStringLiteral("INSERT INTO messages (id, conversation_id, words, "
                                          "payload) VALUES (70, 7, 'plums', '{}')")));
            QVERIFY(q.exec(QStringLiteral("UPDATE messages SET words = 'figs' WHERE id = 70")));
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM messages_fts WHERE "
                                          "messages_fts MATCH 'plums'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 0);
            QVERIFY(q.exec(QStringLiteral("SELECT rowid FROM messages_fts WHERE messages_fts "
                                          "MATCH 'figs'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 70);
        }
        db = QSqlDatabase();
        Store::Database::close(QStringLiteral("fts-probe"));
    }

    void theFirstSyncFillsTheInboxFromTheHub()
    {
        m_nurseCache = openCache(QStringLiteral("nurse"), &m_nurseCachePath);
        QVERIFY(m_nurseCache.isOpen());
        m_nurseInbox = std::make_unique<Console::InboxStore>();
        m_nurseSync = engineFor(m_nurseCache, *m_nurseInbox, m_nurse);
        QSignalSpy online(m_nurseSync.get(), &Console::SyncEngine::online);
        QSignalSpy caughtUp(m_nurseSync.get(), &Console::SyncEngine::caughtUp);
        QSignalSpy alarms(m_nurseInbox.get(), &Console::InboxStore::emergencyRaised);
        QElapsedTimer took;
        took.start();
        m_nurseSync->start();
        QCOMPARE(m_nurseInbox->size(), 0); // an empty cache shows an empty inbox at once
        QTRY_VERIFY_WITH_TIMEOUT(!caughtUp.isEmpty(), Patience);
        qInfo("first sync: %lld conversations, caught up to event %lld in %lld ms",
              qint64(m_nurseInbox->size()), caughtUp.constFirst().constFirst().toLongLong(),
              took.elapsed());
        QCOMPARE(online.size(), 1);
        QVERIFY(m_nurseSync->isOnline());
        QTRY_VERIFY_WITH_TIMEOUT(m_nurseSync->isLive(), Patience); // the WebSocket is open

        // Everything the hub triaged, as the hub triaged it (a nurse sees all categories).
        const qint64 hubConversations =
            hubNumber(QStringLiteral("SELECT count(*) FROM conversations"));
        QCOMPARE(m_nurseInbox->size(), hubConversations);
        for (const QString &phone : {RefillPhone, DeskPhone, CanaryPhone, EmergencyPhone}) {
            const qint64 id = conversationOf(phone);
            const auto summary = m_nurseInbox->find(id);
            QVERIFY(summary);
            QCOMPARE(summary->category + u' ' + summary->priority, hubCategory(id));
            QVERIFY(summary->lastInboundAt.isValid());
        }
        // The emergency that came in before the console opened still raises the alarm.
        const qint64 emergency = conversationOf(EmergencyPhone);
        const auto summary = m_nurseInbox->find(emergency);
        QCOMPARE(summary->category, QStringLiteral("EMERGENCY"));
        QCOMPARE(summary->priority, QStringLiteral("P1"));
        QVERIFY(summary->alerting());
        QCOMPARE(alarms.size(), 1);
        QCOMPARE(alarms.constFirst().constFirst().toLongLong(), emergency);

        // The cache holds the same, with its position.
        QTRY_COMPARE_WITH_TIMEOUT(m_nurseSync->lastSeq(), hubLastSeq(), Patience);
        QCOMPARE(cacheNumber(m_nurseCache, QStringLiteral("SELECT count(*) FROM conversations")),
                 hubConversations);
        QCOMPARE(cacheNumber(m_nurseCache,
                             QStringLiteral("SELECT value FROM cache_meta WHERE key = 'last_seq'")),
                 m_nurseSync->lastSeq());
    }

    void liveEventsArriveOverTheWebSocket()
    {
        QVERIFY(m_nurseSync);
        const qint64 refill = conversationOf(RefillPhone);
        const int unreadBefore = m_nurseInbox->find(refill)->unread;
        QSignalSpy alarms(m_nurseInbox.get(), &Console::InboxStore::emergencyRaised);
        QSignalSpy offline(m_nurseSync.get(), &Console::SyncEngine::offline);
        QElapsedTimer took;
        took.start();
        // Every preview the inbox showed: an automated answer may follow the patient's words
        // within milliseconds, so the last one alone would not prove the message passed.
        (void)previewsOf(*m_nurseInbox, refill);
        QVERIFY(say(RefillPhone, QStringLiteral("Ana Drill"),
                    QStringLiteral("also my lisinopril is running low")));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_previews.value(refill).join(u'\n').contains(QLatin1String("lisinopril")), Patience);
        qInfo("a patient's message reached the inbox %lld ms after it was sent", took.elapsed());
        QVERIFY(m_nurseInbox->find(refill)->unread > unreadBefore);

        // A new emergency, live: the alarm names it.
        const QString phone = QStringLiteral("15550100305");
        QVERIFY(say(phone, QStringLiteral("Dee Drill"),
                    QStringLiteral("crushing chest pain and I can't breathe")));
        QTRY_VERIFY_WITH_TIMEOUT(!alarms.isEmpty(), Patience);
        QCOMPARE(alarms.constFirst().constFirst().toLongLong(), conversationOf(phone));
        const auto summary = m_nurseInbox->find(conversationOf(phone));
        QCOMPARE(summary->priority, QStringLiteral("P1"));
        QVERIFY(summary->alertAt.isValid());
        QVERIFY(offline.isEmpty());
    }

    void aRestartedHubIsCaughtUpWithNoEventLostOrRepeated()
    {
        QVERIFY(m_nurseSync);
        QTRY_COMPARE_WITH_TIMEOUT(m_nurseSync->lastSeq(), hubLastSeq(), Patience);
        QSignalSpy online(m_nurseSync.get(), &Console::SyncEngine::online);
        QSignalSpy offline(m_nurseSync.get(), &Console::SyncEngine::offline);
        const qint64 shown = m_nurseInbox->size();
        const qint64 inboundBefore = inboundCount();

        m_hub.reset(); // the live socket drops with it
        QTRY_VERIFY_WITH_TIMEOUT(!offline.isEmpty(), Patience);
        QVERIFY(!offline.constFirst().constFirst().toString().isEmpty());
        QVERIFY(!m_nurseSync->isOnline());
        QVERIFY(!m_nurseSync->isLive());
        QCOMPARE(m_nurseInbox->size(), shown); // the cache stays on screen

        // Patients keep writing; the simulator retries its webhooks until the hub is back.
        const QString late = QStringLiteral("15550100306");
        QVERIFY(say(late, QStringLiteral("Eve Drill"), QStringLiteral("is the pharmacy open")));
        QVERIFY(say(RefillPhone, QStringLiteral("Ana Drill"),
                    QStringLiteral("sorry, and my insulin pen too")));
        QVERIFY(say(CanaryPhone, CanaryName, QStringLiteral("the redness is spreading up my leg")));

        QVERIFY(startHub());
        QTRY_VERIFY_WITH_TIMEOUT(!online.isEmpty(), Patience);
        QTRY_COMPARE_WITH_TIMEOUT(inboundCount(), inboundBefore + 3, Patience);
        QTRY_VERIFY_WITH_TIMEOUT(m_nurseInbox->find(conversationOf(late)).has_value(), Patience);
        QTRY_VERIFY_WITH_TIMEOUT(m_nurseInbox->find(conversationOf(CanaryPhone))
                                     ->preview.contains(QLatin1String("spreading")),
                                 Patience);
        QTRY_COMPARE_WITH_TIMEOUT(m_nurseSync->lastSeq(), hubLastSeq(), Patience);
        QTRY_VERIFY_WITH_TIMEOUT(m_nurseSync->isLive(), Patience); // reconnected
        QCOMPARE(online.size(), 1);
        QCOMPARE(offline.size(), 1);

        // Every event after the snapshot, once each, in the cache and in the engine's count.
        const qint64 filled = cacheNumber(
            m_nurseCache, QStringLiteral("SELECT value FROM cache_meta WHERE key = 'filled_seq'"));
        QVERIFY(filled > 0);
        const QList<qint64> hubSeqs = seqs(
            hubDb(), QStringLiteral("SELECT seq FROM events WHERE seq > ? ORDER BY seq"), filled);
        const QList<qint64> cacheSeqs =
            seqs(m_nurseCache, QStringLiteral("SELECT seq FROM events WHERE seq > ? ORDER BY seq"),
                 filled);
        QVERIFY(!hubSeqs.isEmpty());
        QCOMPARE(cacheSeqs, hubSeqs);
        QCOMPARE(m_nurseSync->appliedEvents(), qint64(hubSeqs.size()));
        QCOMPARE(cacheNumber(m_nurseCache,
                             QStringLiteral("SELECT value FROM cache_meta WHERE key = 'last_seq'")),
                 hubLastSeq());
    }

    void replayedEventsChangeNothing()
    {
        QVERIFY(m_nurseSync);
        QTRY_COMPARE_WITH_TIMEOUT(m_nurseSync->lastSeq(), hubLastSeq(), Patience);
        m_nurseSync->stop();
        QList<Console::ConversationSummary> before = m_nurseInbox->conversations();
        const qint64 eventsBefore =
            cacheNumber(m_nurseCache, QStringLiteral("SELECT count(*) FROM events"));
        // As after a crash between the hub sending and the cache noting it: the position
        // goes back, and the same events come again.
        const qint64 last = m_nurseSync->lastSeq();
        const qint64 rewound = last - 15;
        {
            QSqlQuery q(m_nurseCache);
            QVERIFY(q.exec(QStringLiteral("UPDATE cache_meta SET value = '%1' WHERE key = "
                                          "'last_seq'")
                               .arg(rewound)));
        }
        Console::InboxStore replayInbox;
        auto replay = engineFor(m_nurseCache, replayInbox, m_nurse);
        QSignalSpy changed(&replayInbox, &Console::InboxStore::conversationChanged);
        QSignalSpy removed(&replayInbox, &Console::InboxStore::conversationRemoved);
        QElapsedTimer took;
        took.start();
        QSignalSpy shown(replay.get(), &Console::SyncEngine::cacheShown);
        replay->start();
        QVERIFY(shown.wait(Patience));
        changed.clear(); // showing the cache is not a change; what the replay does is
        QTRY_COMPARE_WITH_TIMEOUT(replay->lastSeq(), hubLastSeq(), Patience);
        qInfo("replayed %lld events in %lld ms", replay->appliedEvents(), took.elapsed());
        QCOMPARE(replay->appliedEvents(), hubLastSeq() - rewound);
        QList<Console::ConversationSummary> after = replayInbox.conversations();
        const auto byId = [](const Console::ConversationSummary &a,
                             const Console::ConversationSummary &b) { return a.id < b.id; };
        std::sort(before.begin(), before.end(), byId);
        std::sort(after.begin(), after.end(), byId);
        qInfo("hub quiet during the replay: %s", hubLastSeq() == last ? "yes" : "no");
        if (hubLastSeq() == last) { // nothing new meanwhile: the replay is a no-op
            QCOMPARE(after, before);
            QCOMPARE(changed.size(), 0);
            QCOMPARE(removed.size(), 0);
        }
        QCOMPARE(cacheNumber(m_nurseCache, QStringLiteral("SELECT count(*) FROM events")),
                 eventsBefore + (hubLastSeq() - last));
        replay.reset();
        m_nurseSync->start(); // back to following the hub from the cache
        QTRY_COMPARE_WITH_TIMEOUT(m_nurseSync->lastSeq(), hubLastSeq(), Patience);
    }

    // A batch on its way to the cache when the live connection drops: the inbox and lastSeq
    // wait for it to be kept, the reconnection waits for it too, and every event is applied
    // once. The cache's worker is held on a semaphore meanwhile, so the order is the test's.
    void aDropWhileABatchIsKeptLosesAndRepeatsNothing()
    {
        QVERIFY(m_nurseSync);
        QTRY_VERIFY_WITH_TIMEOUT(m_nurseSync->isLive(), Patience);
        QTRY_COMPARE_WITH_TIMEOUT(m_nurseSync->lastSeq(), hubLastSeq(), Patience);
        auto *worker = m_nurseSync->findChild<Console::CacheWriter *>();
        QVERIFY(worker);
        QCOMPARE(worker->queuedJobs(), 0);
        const qint64 before = m_nurseSync->lastSeq();
        const qint64 appliedBefore = m_nurseSync->appliedEvents();
        auto gate = std::make_shared<QSemaphore>();
        auto entered = std::make_shared<QSemaphore>();
        worker->run(
            this,
            [gate, entered](const QSqlDatabase &) {
                entered->release();
                gate->acquire();
                return true;
            },
            [](bool) {});
        QVERIFY(entered->tryAcquire(1, Patience));
        const QString phone = QStringLiteral("15550100311");
        QVERIFY(say(phone, QStringLiteral("Hal Drill"),
                    QStringLiteral("my dressing came loose last night")));
        QTRY_VERIFY_WITH_TIMEOUT(conversationOf(phone) > 0, Patience);
        // The batch was fetched and waits behind the gate: nothing shows it yet.
        QTRY_COMPARE_WITH_TIMEOUT(worker->queuedJobs(), 2, Patience);
        QCOMPARE(m_nurseSync->lastSeq(), before);
        QVERIFY(!m_nurseInbox->find(conversationOf(phone)));
        QCOMPARE(cacheNumber(m_nurseCache,
                             QStringLiteral("SELECT value FROM cache_meta WHERE key = 'last_seq'")),
                 before);

        // The live connection drops; the retry fires (no timer left running) and waits.
        auto *socket = m_nurseSync->findChild<QWebSocket *>();
        QVERIFY(socket);
        socket->abort();
        QTRY_VERIFY_WITH_TIMEOUT(!m_nurseSync->isLive(), Patience);
        const auto waiting = [this] {
            // The engine's own timers (retry, keep-alive), looked up afresh: the socket's go.
            const auto timers =
                m_nurseSync->findChildren<QTimer *>(QString(), Qt::FindDirectChildrenOnly);
            return !timers.isEmpty() && std::none_of(timers.cbegin(), timers.cend(),
                                                     [](const QTimer *t) { return t->isActive(); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(waiting(), Patience);
        gate->release();

        QTRY_VERIFY_WITH_TIMEOUT(m_nurseSync->isLive(), Patience);
        QTRY_COMPARE_WITH_TIMEOUT(m_nurseSync->lastSeq(), hubLastSeq(), Patience);
        const qint64 last = m_nurseSync->lastSeq();
        QVERIFY(last > before);
        QVERIFY(m_nurseInbox->find(conversationOf(phone)));
        const QList<qint64> hubSeqs =
            seqs(hubDb(),
                 QStringLiteral("SELECT seq FROM events WHERE seq > ? AND seq <= %1 ORDER BY seq")
                     .arg(last),
                 before);
        QCOMPARE(m_nurseSync->appliedEvents() - appliedBefore, qint64(hubSeqs.size()));
        QCOMPARE(seqs(m_nurseCache,
                      QStringLiteral("SELECT seq FROM events WHERE seq > ? AND seq <= %1 "
                                     "ORDER BY seq")
                          .arg(last),
                      before),
                 hubSeqs);
    }

    void aReceptionistNeverReceivesClinicalConversations()
    {
        auto desk = signIn(QStringLiteral("desk.sync"), Core::Role::Receptionist);
        QVERIFY(desk);
        QSqlDatabase cache = openCache(QStringLiteral("desk"));
        QVERIFY(cache.isOpen());
        {
            Console::InboxStore inbox;
            auto engine = engineFor(cache, inbox, *desk);
            QSignalSpy alarms(&inbox, &Console::InboxStore::emergencyRaised);
            QSignalSpy caughtUp(engine.get(), &Console::SyncEngine::caughtUp);
            engine->start();
            QTRY_VERIFY_WITH_TIMEOUT(!caughtUp.isEmpty(), Patience);
            const qint64 appointment = conversationOf(DeskPhone);
            QVERIFY(inbox.find(appointment));
            const QDateTime wroteBefore = inbox.find(appointment)->lastInboundAt;

            // Live: a clinical message and an appointment one; only the second reaches the desk.
            QVERIFY(say(QStringLiteral("15550100307"), QStringLiteral("Fay Drill"),
                        QStringLiteral("my wound is bleeding through the dressing")));
            QVERIFY(say(DeskPhone, QStringLiteral("Ben Drill"),
                        QStringLiteral("can I reschedule my appointment to friday")));
            // The hub answers a reschedule request at once, so its answer, not the patient's
            // words, is usually the preview by the time the event is heard.
            QTRY_VERIFY_WITH_TIMEOUT(inbox.find(appointment)->lastInboundAt > wroteBefore,
                                     Patience);
            QTRY_VERIFY_WITH_TIMEOUT(conversationOf(QStringLiteral("15550100307")) > 0, Patience);
            QTRY_COMPARE_WITH_TIMEOUT(engine->lastSeq(), hubLastSeq(), Patience);

            for (const Console::ConversationSummary &s : inbox.conversations())
                QCOMPARE(s.category, QStringLiteral("APPOINTMENT"));
            QCOMPARE(inbox.size(), hubNumber(QStringLiteral("SELECT count(*) FROM conversations "
                                                            "WHERE category = 'APPOINTMENT'")));
            QCOMPARE(cacheNumber(cache, QStringLiteral("SELECT count(*) FROM conversations WHERE "
                                                       "category <> 'APPOINTMENT'")),
                     0);
            QVERIFY(alarms.isEmpty());
            QVERIFY(searchNow(*engine, CanaryName.left(5)).isEmpty());
        }
        cache = QSqlDatabase();
        Store::Database::close(QStringLiteral("desk"));
    }

    void theCacheFileHoldsNoPlaintext()
    {
        QVERIFY(m_nurseSync);
        const qint64 canary = conversationOf(CanaryPhone);
        QCOMPARE(m_nurseInbox->find(canary)->patientName, CanaryName);
        QCOMPARE(searchNow(*m_nurseSync, CanaryName), QList<qint64>{canary}); // it is in the cache
        QByteArray bytes;
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile file(m_nurseCachePath + suffix);
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        QVERIFY(bytes.size() > 4096);
        const QString surname = CanaryName.section(u' ', 1);
        QVERIFY(!bytes.contains(surname.toUtf8()));
        QVERIFY(!bytes.contains(
            QByteArray(reinterpret_cast<const char *>(surname.utf16()), surname.size() * 2)));
        QVERIFY(!bytes.contains("spreading"));
        QVERIFY(!bytes.contains(CanaryPhone.toLatin1()));
    }

    // Not a timed test (nothing is asserted about time): it prints what a sync of a busier
    // hub costs, and the longest the event loop went unserved meanwhile, which is what a
    // nurse would feel as a frozen window.
    void syncTimingsOfABusierHub()
    {
        const qint64 before = inboundCount();
        constexpr int Patients = 150;
        const QStringList texts = {QStringLiteral("I need a refill of my inhaler"),
                                   QStringLiteral("when will my lab results be ready"),
                                   QStringLiteral("my stitches are itchy is that normal"),
                                   QStringLiteral("what time is my appointment tomorrow")};
        for (int i = 0; i < Patients; ++i)
            QVERIFY(say(QStringLiteral("1555010%1").arg(4000 + i),
                        QStringLiteral("Drill %1").arg(i), texts.at(i % texts.size())));
        QTRY_COMPARE_WITH_TIMEOUT(inboundCount(), before + Patients, 120000);

        QSqlDatabase cache = openCache(QStringLiteral("timing"));
        QVERIFY(cache.isOpen());
        {
            Console::InboxStore inbox;
            auto engine = engineFor(cache, inbox, m_nurse);
            QSignalSpy caughtUp(engine.get(), &Console::SyncEngine::caughtUp);
            QElapsedTimer loop;
            qint64 longestStall = 0;
            QTimer tick;
            tick.setInterval(1);
            connect(&tick, &QTimer::timeout, this,
                    [&] { longestStall = std::max(longestStall, loop.restart()); });
            QElapsedTimer took;
            took.start();
            loop.start();
            tick.start();
            engine->start();
            QTRY_VERIFY_WITH_TIMEOUT(!caughtUp.isEmpty(), Patience);
            qInfo(
                "snapshot fill: %lld conversations in %lld ms, event loop stalled at most %lld ms",
                qint64(inbox.size()), took.elapsed(), longestStall);
            QCOMPARE(inbox.size(), hubNumber(QStringLiteral("SELECT count(*) FROM conversations")));

            // Every event of the hub again, by pages, as a console away for a long shift would.
            engine->stop();
            {
                QSqlQuery q(cache);
                QVERIFY(q.exec(QStringLiteral("UPDATE cache_meta SET value = '0' WHERE key = "
                                              "'filled_seq'")));
                QVERIFY(q.exec(QStringLiteral("UPDATE cache_meta SET value = '1' WHERE key = "
                                              "'last_seq'")));
            }
            Console::InboxStore again;
            auto catchUp = engineFor(cache, again, m_nurse);
            QSignalSpy caughtUpAgain(catchUp.get(), &Console::SyncEngine::caughtUp);
            longestStall = 0;
            took.restart();
            loop.restart();
            catchUp->start();
            QTRY_VERIFY_WITH_TIMEOUT(!caughtUpAgain.isEmpty(), 120000);
            qInfo("catch-up: %lld events in %lld ms, event loop stalled at most %lld ms",
                  catchUp->appliedEvents(), took.elapsed(), longestStall);
            QCOMPARE(catchUp->appliedEvents(), catchUp->lastSeq() - 1);
            tick.stop();
        }
        cache = QSqlDatabase();
        Store::Database::close(QStringLiteral("timing"));
    }

    // A hub restored from an older backup is behind the cache: events cannot say what changed,
    // so the cache is refilled from the hub's inbox, and what the hub no longer has goes.
    void aCacheAheadOfTheHubIsRefilled()
    {
        QSqlDatabase cache = openCache(QStringLiteral("ahead"));
        QVERIFY(cache.isOpen());
        {
            Console::InboxStore inbox;
            auto engine = engineFor(cache, inbox, m_nurse);
            engine->start();
            QTRY_VERIFY_WITH_TIMEOUT(engine->isLive(), Patience);
            engine->stop();
            const qint64 ahead = engine->lastSeq() + 1000;
            QSqlQuery q(cache);
            QVERIFY(q.exec(QStringLiteral("UPDATE cache_meta SET value = '%1' WHERE key = "
                                          "'last_seq'")
                               .arg(ahead)));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO conversations (id, patient_id, state) "
                                          "VALUES (987654, 1, 'open')")));
            Console::InboxStore refilled;
            auto again = engineFor(cache, refilled, m_nurse);
            QSignalSpy shown(again.get(), &Console::SyncEngine::cacheShown);
            again->start();
            QVERIFY(shown.wait(Patience));
            QVERIFY(refilled.find(987654)); // shown from the cache at first
            QTRY_VERIFY_WITH_TIMEOUT(!refilled.find(987654), Patience);
            QTRY_COMPARE_WITH_TIMEOUT(again->lastSeq(), hubLastSeq(), Patience);
            QCOMPARE(cacheNumber(cache, QStringLiteral("SELECT count(*) FROM conversations WHERE "
                                                       "id = 987654")),
                     0);
            QCOMPARE(refilled.size(),
                     hubNumber(QStringLiteral("SELECT count(*) FROM conversations")));
        }
        cache = QSqlDatabase();
        Store::Database::close(QStringLiteral("ahead"));
    }

    void aSessionEndedOnTheHubStopsTheSync()
    {
        auto physician = signIn(QStringLiteral("doc.sync"), Core::Role::Physician);
        QVERIFY(physician);
        QSqlDatabase cache = openCache(QStringLiteral("ended"));
        QVERIFY(cache.isOpen());
        {
            Console::InboxStore inbox;
            auto engine = engineFor(cache, inbox, *physician);
            QSignalSpy ended(engine.get(), &Console::SyncEngine::sessionEnded);
            QSignalSpy offline(engine.get(), &Console::SyncEngine::offline);
            engine->start();
            QTRY_VERIFY_WITH_TIMEOUT(engine->isLive(), Patience);
            const qint64 shown = inbox.size();
            bool signedOut = false;
            m_client.signOut(*physician, [&signedOut] { signedOut = true; });
            QTRY_VERIFY_WITH_TIMEOUT(signedOut, Patience);
            // The next change makes the engine ask the hub, which refuses the old token.
            QVERIFY(say(QStringLiteral("15550100308"), QStringLiteral("Gil Drill"),
                        QStringLiteral("a question about my discharge papers")));
            QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, Patience);
            QVERIFY(!ended.constFirst().constFirst().toString().isEmpty());
            QCOMPARE(offline.size(), 1);
            QVERIFY(!engine->isOnline());
            QCOMPARE(inbox.size(), shown); // what was shown stays until the user signs out
        }
        cache = QSqlDatabase();
        Store::Database::close(QStringLiteral("ended"));
    }

    void searchFindsWordsAndIgnoresQuerySyntax_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("phone"); // whose conversation must be found; empty: none
        QTest::addRow("a word of the preview") << QStringLiteral("insulin") << RefillPhone;
        QTest::addRow("a prefix of the preview") << QStringLiteral("insul") << RefillPhone;
        QTest::addRow("name prefix") << CanaryName.left(5) << CanaryPhone;
        QTest::addRow("name prefix, lower case") << CanaryName.left(5).toLower() << CanaryPhone;
        QTest::addRow("two words, both needed")
            << CanaryName.section(u' ', 0, 0) + QStringLiteral(" spread") << CanaryPhone;
        QTest::addRow("digits inside the phone") << CanaryPhone.right(6) << CanaryPhone;
        QTest::addRow("phone as typed") << QStringLiteral("+1 (555) 010-0303") << CanaryPhone;
        QTest::addRow("a stray quote is a character") << CanaryName.left(5) + u'"' << CanaryPhone;
        QTest::addRow("unbalanced syntax") << QStringLiteral("\"foo* OR") << QString();
        QTest::addRow("operators are words") << QStringLiteral("insulin OR zzz") << QString();
        QTest::addRow("NEAR and parentheses") << QStringLiteral("NEAR(insulin pen)") << QString();
        QTest::addRow("column filter") << QStringLiteral("phone:1555") << QString();
        QTest::addRow("only punctuation") << QStringLiteral("* ^ - :") << QString();
        QTest::addRow("nothing") << QString() << QString();
    }

    void searchFindsWordsAndIgnoresQuerySyntax()
    {
        QFETCH(QString, text);
        QFETCH(QString, phone);
        QVERIFY(m_nurseSync);
        const QList<qint64> found = searchNow(*m_nurseSync, text);
        if (phone.isEmpty())
            QVERIFY(found.isEmpty());
        else
            QVERIFY(found.contains(conversationOf(phone)));
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
