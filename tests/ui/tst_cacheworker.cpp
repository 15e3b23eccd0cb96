// The window answers while the encrypted cache is busy: the inbox load and search run on the
// cache's worker thread. The worker is held on a semaphore the test owns, so "the cache is still
// working" is a fact of the test, not a race against the clock; a large cache (bench/console's
// filler) makes the load real work once it is released.
#include "cachefill.h"
#include "console/cachewriter.h"
#include "console/conversationclient.h"
#include "console/hubclient.h"
#include "console/hubsession.h"
#include "console/inboxstore.h"
#include "console/localcache.h"
#include "console/syncengine.h"
#include "core/clock.h"
#include "core/secretkey.h"
#include "store/database.h"
#include "ui/inboxqueue.h"
#include "ui/inboxwidget.h"

#include <QLineEdit>
#include <QListView>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Wardline;

namespace {
constexpr int Patience = 60000;
constexpr int Conversations = 5000;
constexpr int Messages = 20000;

/// Holds the cache's worker inside a job until released: everything queued after it waits.
class WorkerGate
{
public:
    WorkerGate(Console::CacheWriter &worker, QObject *context)
        : m_state(std::make_shared<State>())
    {
        // The state is shared: the worker may still be leaving acquire() when the gate is gone.
        worker.run(
            context,
            [state = m_state](const QSqlDatabase &) {
                state->entered.release();
                state->open.acquire();
                return true;
            },
            [](bool) {});
    }
    ~WorkerGate() { release(); }
    WorkerGate(const WorkerGate &) = delete;
    WorkerGate &operator=(const WorkerGate &) = delete;

    /// Whether the worker is inside the gate (it starts the job on its own thread).
    [[nodiscard]] bool entered() { return m_state->entered.tryAcquire(1, Patience); }
    void release()
    {
        if (!std::exchange(m_released, true))
            m_state->open.release();
    }

private:
    struct State
    {
        QSemaphore entered;
        QSemaphore open;
    };
    std::shared_ptr<State> m_state;
    bool m_released = false;
};
} // namespace

class TestCacheWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("busy.cache"));
        // The schema as the console makes it, then a large fictional inbox.
        {
            auto db = Console::LocalCache::open(QStringLiteral("setup"), m_path, m_key);
            QVERIFY2(db, qPrintable(db.error()));
        }
        Store::Database::close(QStringLiteral("setup"));
        Bench::fillCache(m_path, m_key, Conversations, Messages, 100);
        m_session.hub = QUrl(QStringLiteral("https://127.0.0.1:9")); // no hub: the cache alone
        m_session.user.id = 7;
        m_session.user.role = Core::Role::Nurse;
    }

    void init()
    {
        m_worker = std::make_unique<Console::CacheWriter>(m_path, m_key);
        m_store = std::make_unique<Console::InboxStore>();
        m_engine = std::make_unique<Console::SyncEngine>(*m_worker, *m_store, m_hub, m_session,
                                                         Core::Clock::system());
        m_engine->setRetryIntervals(60000, 60000); // no hub here: one attempt is enough
        m_inbox = std::make_unique<Ui::InboxWidget>();
        m_inbox->setStore(m_store.get());
        m_inbox->setUserId(m_session.user.id);
        m_inbox->resize(1000, 700);
        m_inbox->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_inbox.get()));
    }

    void cleanup()
    {
        m_inbox.reset();
        m_engine.reset();
        m_worker.reset(); // runs what is queued, then closes its connection and thread
        m_store.reset();
    }

    void theWindowAnswersWhileTheInboxIsRead()
    {
        WorkerGate gate(*m_worker, this);
        QVERIFY(gate.entered());
        QSignalSpy shown(m_engine.get(), &Console::SyncEngine::cacheShown);
        m_engine->start(); // returns at once: the read is queued behind the gate

        // The window keeps working meanwhile: a timer fires, typing shows in the search field.
        bool ticked = false;
        QTimer::singleShot(0, this, [&ticked] { ticked = true; });
        QTRY_VERIFY(ticked);
        auto *search = m_inbox->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        QVERIFY(search);
        QTest::keyClicks(search, QStringLiteral("Patient"));
        QCOMPARE(search->text(), QStringLiteral("Patient"));
        QVERIFY(shown.isEmpty());
        QCOMPARE(m_store->size(), 0);

        // Released, the worker reads the cache and the inbox fills with every conversation.
        gate.release();
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, Patience);
        QCOMPARE(shown.constFirst().constFirst().value<qsizetype>(), qsizetype(Conversations));
        QCOMPARE(m_store->size(), qsizetype(Conversations));
        m_inbox->setCurrentQueue(Ui::InboxQueue::AllOpen);
        auto *list = m_inbox->findChild<QListView *>(QStringLiteral("conversationList"));
        QVERIFY(list);
        QTRY_VERIFY(list->model()->rowCount() > 0);
        QCOMPARE(list->model()->rowCount(),
                 Conversations - Conversations / 10); // one in ten closed
    }

    // Typing fast queues a search per query; only the last one is run and answered.
    void theLatestSearchWins()
    {
        QSignalSpy shown(m_engine.get(), &Console::SyncEngine::cacheShown);
        m_engine->showCache();
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, Patience);

        QSignalSpy found(m_engine.get(), &Console::SyncEngine::searchFinished);
        {
            WorkerGate gate(*m_worker, this);
            QVERIFY(gate.entered());
            m_engine->search(QStringLiteral("Patient 17"));
            m_engine->search(QStringLiteral("Patient 4711"));
            bool ticked = false;
            QTimer::singleShot(0, this, [&ticked] { ticked = true; });
            QTRY_VERIFY(ticked);
            QVERIFY(found.isEmpty()); // nothing answered while the cache is busy
        }
        QTRY_COMPARE_WITH_TIMEOUT(found.size(), 1, Patience);
        // The worker runs jobs in order: by the time the latest answered, the older was skipped.
        m_worker->flush();
        QCoreApplication::processEvents();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.constFirst().at(0).toString(), QStringLiteral("Patient 4711"));
        const auto ids = found.constFirst().at(1).value<QList<qint64>>();
        QVERIFY(!ids.isEmpty());
        QCOMPARE(ids.constFirst(), 4711); // the patient named so comes first
        m_inbox->showSearchResults(ids);
        auto *list = m_inbox->findChild<QListView *>(QStringLiteral("conversationList"));
        QTRY_VERIFY(list->model()->rowCount() > 0);
    }

    // Sign-out while the cache is busy: the engine goes first, the worker finishes what was
    // queued (the engine's load among it) without touching the engine or the inbox.
    void anEngineGoneWhileTheCacheIsBusyIsNotCalledBack()
    {
        QSignalSpy reset(m_store.get(), &Console::InboxStore::reset);
        {
            WorkerGate gate(*m_worker, this);
            QVERIFY(gate.entered());
            m_engine->start();
            m_engine.reset();
        }
        m_worker->flush();
        QCoreApplication::processEvents();
        QVERIFY(reset.isEmpty());
        QCOMPARE(m_store->size(), 0);
    }

    // A nurse types and sends while the cache keeps a long conversation: nothing she does waits
    // for it. The newest draft reads back at once; a send is kept first, then tried.
    void aDraftAndASendDoNotWaitForTheBusyCache()
    {
        {
            auto cache = Console::LocalCache::open(QStringLiteral("nurse"), m_path, m_key);
            QVERIFY2(cache, qPrintable(cache.error()));
            Console::ConversationClient client(m_hub, m_session, cache.value(),
                                               Core::Clock::system());
            client.setCacheWriter(m_worker.get());
            client.setRetryInterval(60000);
            QSignalSpy kept(&client, &Console::ConversationClient::keptOffline);
            {
                WorkerGate gate(*m_worker, this);
                QVERIFY(gate.entered());
                client.saveDraft(42, QStringLiteral("Your dressing"));
                client.saveDraft(42, QStringLiteral("Your dressing can stay on"));
                QCOMPARE(client.draft(42), QStringLiteral("Your dressing can stay on"));
                client.open(42);
                client.sendText(QStringLiteral("Please ring the ward"));
                QCOMPARE(client.keptCount(), 0); // the worker has not written it yet …
                QCoreApplication::processEvents();
                QVERIFY(kept.isEmpty()); // … so it was not sent either
            }
            QTRY_VERIFY_WITH_TIMEOUT(!kept.isEmpty(), Patience); // no hub here: kept offline
            QCOMPARE(client.keptCount(), 1);
            m_worker->flush();
            QCoreApplication::processEvents();
            QCOMPARE(client.draft(42), QStringLiteral("Your dressing can stay on")); // the cache's
        }
        Store::Database::close(QStringLiteral("nurse"));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    Core::SecretKey m_key = Core::SecretKey::generate();
    Console::HubClient m_hub;
    Console::HubSession m_session;
    std::unique_ptr<Console::CacheWriter> m_worker;
    std::unique_ptr<Console::InboxStore> m_store;
    std::unique_ptr<Console::SyncEngine> m_engine;
    std::unique_ptr<Ui::InboxWidget> m_inbox;
};

QTEST_MAIN(TestCacheWorker)
#include "tst_cacheworker.moc"
