// The conversation screen end to end on loopback: a real hub (in-process, its clock held so
// the 24-hour window can be closed on purpose), wardline-sim playing the patients, the real
// encrypted cache, and the real widgets on the offscreen platform. Nothing sleeps: every wait
// is on the widgets, the hub's record or the simulator's log.
#include "console/cachewriter.h"
#include "console/conversationclient.h"
#include "console/hubclient.h"
#include "console/inboxstore.h"
#include "console/localcache.h"
#include "console/syncengine.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/role.h"
#include "core/secretkey.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "sim/inboundinjector.h"
#include "sim/messagelog.h"
#include "sim/simbehaviour.h"
#include "sim/simserver.h"
#include "sim/simservices.h"
#include "store/userrepository.h"
#include "testsim.h"
#include "ui/composer.h"
#include "ui/conversationview.h"
#include "ui/emergencynotifier.h"
#include "ui/homewindow.h"
#include "ui/inboxmodel.h"
#include "ui/inboxwidget.h"
#include "ui/messagebubble.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

namespace {
const QString Password = QStringLiteral("Ward-line 7 blue heron");
constexpr int Patience = 30000;
// Fictional patients (555-01xx numbers are reserved for fiction).
const QString WoundPhone = QStringLiteral("15550100401");
const QString QuietPhone = QStringLiteral("15550100402");
const QString ChestPhone = QStringLiteral("15550100403");
const QString UnreachablePhone = QStringLiteral("15550100404"); // Meta cannot deliver to it

// What the console would announce, kept for the test to read.
class RecordingNotifier final : public Ui::EmergencyNotifier
{
public:
    void playSound() override { ++*sounds; }
    void notify(const QString &message) override { messages->append(message); }
    std::shared_ptr<int> sounds = std::make_shared<int>(0);
    std::shared_ptr<QStringList> messages = std::make_shared<QStringList>();
};
} // namespace

class TestConversationView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::HubSecrets m_secrets;
    Core::ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    std::unique_ptr<Sim::SimServer> m_sim;
    Console::HubClient m_client;
    int m_consoles = 0;

    // The nurse's console: what main.cpp puts together after signing in.
    QSqlDatabase m_cache;
    std::unique_ptr<Console::InboxStore> m_inbox;
    std::unique_ptr<Console::SyncEngine> m_sync;
    std::unique_ptr<Console::ConversationClient> m_conversations;
    std::unique_ptr<Ui::HomeWindow> m_home;

    QString hubDir() const { return m_dir.filePath(QStringLiteral("hub")); }
    [[nodiscard]] bool startHub()
    {
        m_hub = std::make_unique<Hub::HubServer>(*m_config, m_clock);
        auto started = m_hub->start();
        if (!started)
            qWarning("hub did not start: %s", qPrintable(started.error()));
        return started.ok();
    }
    qint64 hubNumber(const QString &sql, const QVariantList &values = {}) const
    {
        return Test::hubNumber(m_hub->database(), sql, values);
    }
    qint64 conversationOf(const QString &waId) const
    {
        return Test::conversationOf(m_hub->database(), waId);
    }
    [[nodiscard]] bool say(const QString &from, const QString &name, const QString &text)
    {
        return Test::patientSays(*m_sim, from, name, text);
    }
    int sentTo(const QString &waId, const QString &words) const
    {
        return Test::receivedCount(*m_sim, waId, words);
    }
    // Signs the nurse in (again: a session does not outlive the hub's clock moving a day) and
    // builds the console around the session, as main.cpp does.
    [[nodiscard]] bool startConsole()
    {
        stopConsole();
        std::optional<Console::HubSession> session;
        bool answered = false;
        m_client.signIn(QUrl(m_hub->apiUrl()), QStringLiteral("nurse.conv"), Password,
                        [&](Core::Result<Console::HubSession> r, Console::HubClient::Failure) {
                            answered = true;
                            if (r)
                                session = std::move(r).value();
                        });
        if (!QTest::qWaitFor([&] { return answered; }, Patience) || !session)
            return false;
        const QString connection = QStringLiteral("console%1").arg(++m_consoles);
        auto db = Console::LocalCache::open(
            connection, m_dir.filePath(QStringLiteral("nurse.cache")), m_cacheKey);
        if (!db)
            return false;
        m_cache = db.value();
        m_inbox = std::make_unique<Console::InboxStore>();
        auto *worker = new Console::CacheWriter(m_cache.databaseName(), m_cacheKey);
        m_sync = std::make_unique<Console::SyncEngine>(*worker, *m_inbox, m_client, *session,
                                                       Core::Clock::system());
        worker->setParent(m_sync.get()); // goes after the engine, having run what it queued
        m_sync->setRetryIntervals(50, 400);
        m_conversations =
            std::make_unique<Console::ConversationClient>(m_client, *session, m_cache, m_clock);
        m_conversations->setRetryInterval(100);
        m_conversations->followInbox(m_inbox.get());
        connect(m_sync.get(), &Console::SyncEngine::online, m_conversations.get(),
                &Console::ConversationClient::deliverKept);
        m_home = std::make_unique<Ui::HomeWindow>();
        m_home->setInbox(m_inbox.get(), session->user.id);
        m_home->setConversationClient(m_conversations.get());
        m_home->conversationView()->setClock(&m_clock);
        m_home->show();
        m_sync->start();
        return true;
    }
    void stopConsole()
    {
        m_home.reset();
        m_conversations.reset();
        m_sync.reset();
        m_inbox.reset();
        m_cache = QSqlDatabase();
    }
    Ui::ConversationView *view() const { return m_home->conversationView(); }
    Ui::Composer *composer() const { return view()->composer(); }
    QPlainTextEdit *editor() const
    {
        return composer()->findChild<QPlainTextEdit *>(QStringLiteral("composerEdit"));
    }
    Ui::MessageBubble *bubbleWith(const QString &words) const
    {
        const QList<Ui::MessageBubble *> all = view()->bubbles();
        for (Ui::MessageBubble *b : all) {
            if (b->message().text.contains(words))
                return b;
        }
        return nullptr;
    }
    QString statusOf(const QString &words) const
    {
        const Ui::MessageBubble *b = bubbleWith(words);
        return b ? b->statusName() : QString();
    }
    // Opens the patient's conversation the way a nurse does: from the inbox.
    [[nodiscard]] bool openFromInbox(qint64 id)
    {
        if (!QTest::qWaitFor([&] { return m_inbox->find(id).has_value(); }, Patience))
            return false;
        Q_EMIT m_home->inbox()->conversationActivated(id);
        return QTest::qWaitFor([&] { return view()->conversationId() == id; }, Patience);
    }
    void type(const QString &words)
    {
        editor()->setFocus();
        QTest::keyClicks(editor(), words);
    }

    Core::SecretKey m_cacheKey = Core::SecretKey::generate();

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
        m_sim = Test::startSimulatorFor(
            hubDir(), m_secrets,
            [](Sim::SimBehaviour &b) {
                Test::consoleDrill(b);
                b.undeliverable.insert(UnreachablePhone);
            },
            &error);
        QVERIFY2(m_sim, qPrintable(error));
        Test::fixConsolePorts(hubDir());
        auto config = Hub::HubConfig::load(hubDir());
        QVERIFY2(config, qPrintable(config.error()));
        m_config = std::move(config).value();
        QVERIFY(startHub());
        QVERIFY(Store::UserRepository(m_hub->database(), m_clock)
                    .create(QStringLiteral("nurse.conv"), Core::Role::Nurse,
                            Core::Crypto::hashPassword(Password)));
        // The hub submitted its templates and the simulator approved them.
        QTRY_VERIFY_WITH_TIMEOUT(hubNumber(QStringLiteral("SELECT count(*) FROM templates "
                                                          "WHERE status = 'APPROVED'")) >= 20,
                                 Patience);
        QVERIFY(startConsole());
    }

    void cleanupTestCase()
    {
        stopConsole();
        m_sim.reset();
        m_hub.reset();
    }

    void anEmergencyComesFirstAndAlertsUntilClaimed()
    {
        auto notifier = std::make_unique<RecordingNotifier>();
        const auto sounds = notifier->sounds;
        const auto messages = notifier->messages;
        m_home->inbox()->setNotifier(std::move(notifier));
        QVERIFY(say(QuietPhone, QStringLiteral("Ben Drill"),
                    QStringLiteral("can I have my lab results")));
        QVERIFY(say(ChestPhone, QStringLiteral("Carl Drill"),
                    QStringLiteral("crushing chest pain and I can't breathe")));
        QTRY_VERIFY_WITH_TIMEOUT(conversationOf(ChestPhone) > 0, Patience);
        const qint64 id = conversationOf(ChestPhone);

        // Sound, a notification without patient data, the Emergency queue flashing.
        QTRY_COMPARE_WITH_TIMEOUT(*sounds, 1, Patience);
        QCOMPARE(*messages, QStringList{QStringLiteral("New emergency message")});
        QVERIFY(m_home->inbox()->isEmergencyFlashing());
        // On top of the inbox, before the earlier, calmer message.
        auto *list = m_home->inbox()->findChild<QListView *>(QStringLiteral("conversationList"));
        QVERIFY(list && list->model());
        QTRY_VERIFY_WITH_TIMEOUT(conversationOf(QuietPhone) > 0 && list->model()->rowCount() >= 2,
                                 Patience);
        QCOMPARE(list->model()->index(0, 0).data(Ui::InboxModel::IdRole).toLongLong(), id);
        // The patient was told to call the emergency number, without waiting for anyone.
        QTRY_COMPARE_WITH_TIMEOUT(sentTo(ChestPhone, QStringLiteral("911")), 1, Patience);

        // The nurse opens it: why it was triaged so is the first thing shown.
        QVERIFY(openFromInbox(id));
        auto *banner = view()->findChild<QLabel *>(QStringLiteral("triageBanner"));
        QVERIFY(banner);
        QTRY_VERIFY_WITH_TIMEOUT(
            banner->isVisible() &&
                banner->text().contains(QStringLiteral("chest pain"), Qt::CaseInsensitive),
            Patience);
        // Claimed: the alert stops, here and for everyone.
        Q_EMIT m_home->claimRequested();
        QTRY_VERIFY_WITH_TIMEOUT(!m_home->inbox()->isEmergencyFlashing(), Patience);
        QVERIFY(hubNumber(QStringLiteral("SELECT assignee_id FROM conversations WHERE id = ?"),
                          {id}) > 0);
        QCOMPARE(*sounds, 1); // one emergency, one sound
    }

    void aReplyInsideTheWindowTicksUpToRead()
    {
        QVERIFY(say(WoundPhone, QStringLiteral("Ana Drill"),
                    QStringLiteral("my dressing came off this morning")));
        QTRY_VERIFY_WITH_TIMEOUT(conversationOf(WoundPhone) > 0, Patience);
        const qint64 id = conversationOf(WoundPhone);
        QVERIFY(openFromInbox(id));
        QTRY_VERIFY_WITH_TIMEOUT(bubbleWith(QStringLiteral("dressing came off")), Patience);
        QCOMPARE(bubbleWith(QStringLiteral("dressing came off"))->property("side").toString(),
                 QStringLiteral("in"));
        QVERIFY(composer()->windowOpen());
        QVERIFY(editor()->isEnabled());

        const QString reply = QStringLiteral("Cover it with a clean dry gauze; we call you today.");
        type(reply);
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(editor()->toPlainText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(bubbleWith(reply), Patience);
        QCOMPARE(bubbleWith(reply)->property("side").toString(), QStringLiteral("out"));
        // The simulator reports sent, delivered and read at once; the hub records them and
        // the console fetches the conversation again each time its summary moves.
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(reply), QStringLiteral("read"), Patience);
        QCOMPARE(sentTo(WoundPhone, reply), 1);

        // Ctrl+Shift+C in the home window claims the open conversation.
        Q_EMIT m_home->claimRequested();
        QTRY_VERIFY_WITH_TIMEOUT(hubNumber(QStringLiteral("SELECT assignee_id FROM conversations "
                                                          "WHERE id = ?"),
                                           {id}) > 0,
                                 Patience);
    }

    void aDraftIsKeptPerConversation()
    {
        const qint64 id = view()->conversationId();
        type(QStringLiteral("half a thought"));
        QTRY_COMPARE_WITH_TIMEOUT(m_conversations->draft(id), QStringLiteral("half a thought"),
                                  Patience);
        editor()->clear();
        QTRY_COMPARE_WITH_TIMEOUT(m_conversations->draft(id), QString(), Patience);
    }

    void anInternalNoteNeverReachesThePatient()
    {
        const int before = int(m_sim->services()->log().allSent().size());
        composer()->setMode(Ui::Composer::Mode::Note);
        QVERIFY(editor()->isEnabled());
        const QString note = QStringLiteral("Dressing advice given; check again at the visit.");
        type(note);
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(bubbleWith(note), Patience);
        QCOMPARE(bubbleWith(note)->property("side").toString(), QStringLiteral("note"));
        QCOMPARE(bubbleWith(note)->message().kind, Console::MessageItem::Kind::Note);
        QCOMPARE(hubNumber(QStringLiteral("SELECT count(*) FROM messages WHERE direction = "
                                          "'note'")),
                 1);
        // Let anything that would go out go out: the status round trip of a new reply.
        composer()->setMode(Ui::Composer::Mode::Reply);
        const QString marker = QStringLiteral("Any pain or fever since this morning?");
        type(marker);
        composer()->send();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(marker), QStringLiteral("read"), Patience);
        QCOMPARE(sentTo(WoundPhone, note), 0);
        QCOMPARE(int(m_sim->services()->log().allSent().size()), before + 1);
    }

    void aSendWhileTheHubIsDownIsDeliveredOnce()
    {
        const qint64 id = view()->conversationId();
        QVERIFY(id > 0);
        m_hub.reset(); // the hub goes away; the console keeps the conversation on screen
        const QString words = QStringLiteral("Your nurse will ring you at two o'clock.");
        QSignalSpy kept(m_conversations.get(), &Console::ConversationClient::keptOffline);
        type(words);
        composer()->send();
        QTRY_VERIFY_WITH_TIMEOUT(!kept.isEmpty(), Patience);
        QCOMPARE(m_conversations->keptCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(bubbleWith(words), Patience);
        QCOMPARE(bubbleWith(words)->message().pendingState, QStringLiteral("offline"));
        // A second try while the hub is still down changes nothing.
        m_conversations->deliverKept();
        QTRY_VERIFY_WITH_TIMEOUT(kept.size() >= 2, Patience);
        QCOMPARE(m_conversations->keptCount(), 1);

        QVERIFY(startHub()); // a new hub on the same data directory
        QTRY_COMPARE_WITH_TIMEOUT(m_conversations->keptCount(), 0, Patience);
        QTRY_COMPARE_WITH_TIMEOUT(sentTo(WoundPhone, words), 1, Patience);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(words), QStringLiteral("read"), Patience);
        // Trying again after it went through sends nothing more.
        m_conversations->deliverKept();
        QCOMPARE(hubNumber(QStringLiteral("SELECT count(*) FROM outbox WHERE payload LIKE ?"),
                           {QStringLiteral("%two o'clock%")}),
                 1);
        QCOMPARE(sentTo(WoundPhone, words), 1);
    }

    void anOpenedConversationReadsAndIsFoundFromTheCache()
    {
        const qint64 id = view()->conversationId();
        QVERIFY(id > 0);
        // The first words of the conversation are no longer its preview, yet search finds them.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_inbox->find(id) && !m_inbox->find(id)->preview.contains(QStringLiteral("dressing")),
            Patience);
        QSignalSpy found(m_sync.get(), &Console::SyncEngine::searchFinished);
        m_sync->search(QStringLiteral("dressing"));
        QVERIFY(found.wait(Patience));
        QVERIFY(found.constLast().at(1).value<QList<qint64>>().contains(id));
        m_sync->search(QStringLiteral("xylophone"));
        QVERIFY(found.wait(Patience));
        QVERIFY(!found.constLast().at(1).value<QList<qint64>>().contains(id));

        // The hub goes away; the conversation opens again from this workstation's copy.
        m_conversations->close();
        m_hub.reset();
        QSignalSpy loaded(m_conversations.get(), &Console::ConversationClient::conversationLoaded);
        QSignalSpy failed(m_conversations.get(), &Console::ConversationClient::loadFailed);
        Q_EMIT m_home->inbox()->conversationActivated(id);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), Patience);
        QTRY_VERIFY_WITH_TIMEOUT(bubbleWith(QStringLiteral("dressing came off")), Patience);
        QVERIFY(bubbleWith(QStringLiteral("two o'clock")));
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), Patience); // and it says the hub is away
        QVERIFY(startHub());
    }

    void aFailedTemplateIsSentAgainAsATemplate()
    {
        QVERIFY(say(UnreachablePhone, QStringLiteral("Dana Drill"),
                    QStringLiteral("is my appointment still on?")));
        QTRY_VERIFY_WITH_TIMEOUT(conversationOf(UnreachablePhone) > 0, Patience);
        QVERIFY(openFromInbox(conversationOf(UnreachablePhone)));
        const QString name = QStringLiteral("wardline_medication_reminder");
        const QStringList values{QStringLiteral("Dana"), QStringLiteral("ibuprofen 400 mg")};
        m_conversations->sendTemplate(name, QStringLiteral("en"), values);
        const auto templateSends = [&] {
            int n = 0;
            for (const Sim::SentMessage &m : m_sim->services()->log().allSent())
                n += m.waId == UnreachablePhone && m.templateName == name;
            return n;
        };
        // Meta accepts it, then reports it undeliverable: the bubble says so and offers Retry.
        const auto failedBubble = [&]() -> Ui::MessageBubble * {
            const QList<Ui::MessageBubble *> all = view()->bubbles();
            for (Ui::MessageBubble *b : all) {
                if (b->message().kind == Console::MessageItem::Kind::Template &&
                    b->statusName() == QLatin1StringView("failed"))
                    return b;
            }
            return nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT(failedBubble(), Patience);
        QCOMPARE(failedBubble()->message().errorCode, 131026);
        auto *retry = failedBubble()->findChild<QPushButton *>(QStringLiteral("retryButton"));
        QVERIFY(retry);
        QCOMPARE(templateSends(), 1);
        retry->click();
        // Sent again as the same template with the same values (it may go outside the window).
        QTRY_COMPARE_WITH_TIMEOUT(templateSends(), 2, Patience);
        const Sim::SentMessage *again = m_sim->services()->log().latestSent(
            UnreachablePhone, [&](const Sim::SentMessage &m) { return m.templateName == name; });
        QVERIFY(again);
        QCOMPARE(again->templateParams.toArray(), QJsonArray::fromStringList(values));
    }

    void outsideTheWindowOnlyATemplateCanBeSent()
    {
        QVERIFY(say(QuietPhone, QStringLiteral("Ben Drill"), QStringLiteral("thanks, all good")));
        QTRY_VERIFY_WITH_TIMEOUT(conversationOf(QuietPhone) > 0, Patience);
        const qint64 id = conversationOf(QuietPhone);
        // A day and more later, the nurse signs in again.
        m_clock.set(m_clock.now().addSecs(25 * 3600));
        QVERIFY(startConsole());
        QVERIFY(openFromInbox(id));
        QTRY_VERIFY_WITH_TIMEOUT(bubbleWith(QStringLiteral("all good")), Patience);
        QVERIFY(!composer()->windowOpen());
        QVERIFY(!editor()->isEnabled());
        // Had free text slipped through, the hub refuses it and its words come back as the draft.
        QSignalSpy refused(m_conversations.get(), &Console::ConversationClient::actionFailed);
        const QString late = QStringLiteral("Are you feeling better today?");
        m_conversations->sendText(late);
        QTRY_VERIFY_WITH_TIMEOUT(!refused.isEmpty(), Patience);
        QVERIFY(refused.constFirst().at(1).toBool()); // a template is needed
        QCOMPARE(editor()->toPlainText(), late);
        QCOMPARE(sentTo(QuietPhone, late), 0);
        auto *choose = composer()->findChild<QPushButton *>(QStringLiteral("chooseTemplateButton"));
        QVERIFY(choose && choose->isVisible());
        choose->click();
        QVERIFY(composer()->templatePickerVisible());

        auto *combo = composer()->findChild<QComboBox *>(QStringLiteral("templateCombo"));
        QVERIFY(combo);
        const QString name = QStringLiteral("wardline_medication_reminder");
        QTRY_VERIFY_WITH_TIMEOUT(combo->findData(name) >= 0, Patience);
        composer()->chooseTemplate(name);
        auto *first = composer()->findChild<QLineEdit *>(QStringLiteral("templateField1"));
        auto *second = composer()->findChild<QLineEdit *>(QStringLiteral("templateField2"));
        QVERIFY(first && second);
        QCOMPARE(first->text(), QStringLiteral("Ben"));             // the patient's first name
        QVERIFY(!composer()->canSendTemplate());                    // {{2}} is still empty
        second->setText(QStringLiteral("amoxicillin      500 mg")); // six spaces: refused
        QVERIFY(!composer()->canSendTemplate());
        second->setText(QStringLiteral("amoxicillin 500 mg"));
        QVERIFY(composer()->canSendTemplate());
        QVERIFY(composer()->templatePreview().contains(QStringLiteral("Ben")));
        QVERIFY(composer()->templatePreview().contains(QStringLiteral("amoxicillin 500 mg")));
        composer()->findChild<QPushButton *>(QStringLiteral("sendTemplateButton"))->click();

        const Sim::SentMessage *sent = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (sent = m_sim->services()->log().latestSent(
                 QuietPhone, [&](const Sim::SentMessage &m) { return m.templateName == name; })),
            Patience);
        QCOMPARE(sent->templateParams.toArray(),
                 QJsonArray({QStringLiteral("Ben"), QStringLiteral("amoxicillin 500 mg")}));

        // Signed out: nothing of the conversation stays for whoever signs in next.
        m_home->setConversationClient(nullptr);
        QVERIFY(view()->bubbles().isEmpty());
        QVERIFY(!view()->isVisible());
        QVERIFY(editor()->toPlainText().isEmpty());
    }
};

QTEST_MAIN(TestConversationView)
#include "tst_conversationview.moc"
