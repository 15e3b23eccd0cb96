// The conversation screen end to end on loopback: a real hub (in-process, its clock held so
// the 24-hour window can be closed on purpose), wardline-sim playing the patients, the real
// encrypted cache, and the real widgets on the offscreen platform. Nothing sleeps: every wait
// is on the widgets, the hub's record or the simulator's log.
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
#include "sim/simserver.h"
#include "sim/simservices.h"
#include "store/userrepository.h"
#include "testsim.h"
#include "ui/composer.h"
#include "ui/conversationview.h"
#include "ui/homewindow.h"
#include "ui/inboxwidget.h"
#include "ui/messagebubble.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLineEdit>
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
        QSqlQuery q(m_hub->database());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }
    qint64 conversationOf(const QString &waId) const
    {
        return hubNumber(QStringLiteral("SELECT c.id FROM conversations c JOIN patients p ON "
                                        "p.id = c.patient_id WHERE p.wa_id = ? ORDER BY c.id "
                                        "DESC LIMIT 1"),
                         {waId});
    }
    [[nodiscard]] bool say(const QString &from, const QString &name, const QString &text)
    {
        return m_sim->services()
            ->inbound()
            .inject({{QStringLiteral("from"), from},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("text"), text}})
            .ok;
    }
    int sentTo(const QString &waId, const QString &words) const
    {
        int n = 0;
        for (const Sim::SentMessage &m : m_sim->services()->log().allSent())
            n += m.waId == waId && m.text.contains(words);
        return n;
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
        m_sync = std::make_unique<Console::SyncEngine>(m_cache, *m_inbox, m_client, *session,
                                                       Core::Clock::system());
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
        m_sim = Test::startSimulatorFor(hubDir(), m_secrets, Test::consoleDrill, &error);
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
    }
};

QTEST_MAIN(TestConversationView)
#include "tst_conversationview.moc"
