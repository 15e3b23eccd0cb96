// A nurse's shift end to end, through the console as main.cpp starts it (Console::ConsoleShell):
// the sign-in window, the inbox, an emergency, a reply, the idle lock on a held clock, the hub
// going away and coming back, signing out. A real hub and wardline-sim on loopback, the real
// keychain (gnome-keyring in a private D-Bus session) and encrypted cache, real widgets on the
// offscreen platform. Nothing sleeps: every wait is on the widgets, the hub or the simulator.
#include "console/consoleshell.h"
#include "console/conversationclient.h"
#include "console/idlemonitor.h"
#include "console/inboxstore.h"
#include "console/sessioncontroller.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/role.h"
#include "hub/hubconfig.h"
#include "hub/hubserver.h"
#include "hub/sitesettings.h"
#include "sim/inboundinjector.h"
#include "sim/messagelog.h"
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
#include "ui/signinwindow.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

namespace {
const QString Password = QStringLiteral("Night shift 4 grey owl");
constexpr int Patience = 30000;
constexpr int IdleMinutes = 3;
// Fictional patients (555-01xx numbers are reserved for fiction).
const QString ChestPhone = QStringLiteral("15550100701");
const QString KneePhone = QStringLiteral("15550100702");
const QString PatientName = QStringLiteral("Kim Drill");

class RecordingNotifier final : public Ui::EmergencyNotifier
{
public:
    void playSound() override { ++*sounds; }
    void notify(const QString &message) override { messages->append(message); }
    std::shared_ptr<int> sounds = std::make_shared<int>(0);
    std::shared_ptr<QStringList> messages = std::make_shared<QStringList>();
};
} // namespace

class TestShift : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::HubSecrets m_secrets;
    // The hub's clock stands still; the console's is moved to pass the idle minutes.
    Core::ManualClock m_hubClock{QDateTime::currentDateTimeUtc()};
    Core::ManualClock m_consoleClock{QDateTime::currentDateTimeUtc()};
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    std::unique_ptr<Sim::SimServer> m_sim;
    std::unique_ptr<Console::SessionController> m_session;
    std::unique_ptr<Console::ConsoleShell> m_shell;
    std::shared_ptr<int> m_sounds;
    std::shared_ptr<QStringList> m_notices;

    QString hubDir() const { return m_dir.filePath(QStringLiteral("hub")); }
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
    [[nodiscard]] bool startHub()
    {
        m_hub = std::make_unique<Hub::HubServer>(*m_config, m_hubClock);
        return m_hub->start().ok();
    }

    Ui::SignInWindow &signIn() const { return m_shell->signInWindow(); }
    Ui::HomeWindow &home() const { return m_shell->homeWindow(); }
    Ui::ConversationView *view() const { return home().conversationView(); }
    QPlainTextEdit *editor() const
    {
        return view()->composer()->findChild<QPlainTextEdit *>(QStringLiteral("composerEdit"));
    }
    template<typename T> T *in(const QWidget &root, const char *name) const
    {
        return root.findChild<T *>(QString::fromLatin1(name));
    }
    QListView *conversationList() const { return in<QListView>(home(), "conversationList"); }
    Ui::MessageBubble *bubbleWith(const QString &words) const
    {
        const QList<Ui::MessageBubble *> all = view()->bubbles();
        for (Ui::MessageBubble *b : all) {
            if (b->message().text.contains(words))
                return b;
        }
        return nullptr;
    }
    int bubblesWith(const QString &words) const
    {
        int n = 0;
        const QList<Ui::MessageBubble *> all = view()->bubbles();
        for (const Ui::MessageBubble *b : all)
            n += b->message().text.contains(words);
        return n;
    }
    QString statusOf(const QString &words) const
    {
        const Ui::MessageBubble *b = bubbleWith(words);
        return b ? b->statusName() : QString();
    }
    // Whether any visible label or list row shows \a text (what someone at the screen sees).
    bool showing(const QString &text) const
    {
        const QList<QLabel *> labels = home().findChildren<QLabel *>();
        for (const QLabel *label : labels) {
            if (label->isVisible() && label->text().contains(text))
                return true;
        }
        const QListView *list = conversationList();
        if (list && list->isVisible()) {
            for (int row = 0; row < list->model()->rowCount(); ++row) {
                if (list->model()->index(row, 0).data().toString().contains(text))
                    return true;
            }
        }
        return false;
    }
    bool offlineBannerShown() const
    {
        const auto *banner = in<QWidget>(home(), "offlineBanner");
        return banner && banner->isVisible();
    }
    void typeInto(QWidget *field, const QString &text)
    {
        field->setFocus();
        QTest::keyClicks(field, text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(Core::Crypto::selfTest());
        const QString started = Test::startConsoleHub(hubDir(), Password, m_hubClock, m_secrets,
                                                      m_config, m_sim, m_hub);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QVERIFY(Store::UserRepository(m_hub->database(), m_hubClock)
                    .create(QStringLiteral("nurse.shift"), Core::Role::Nurse,
                            Core::Crypto::hashPassword(Password)));
        // The site's policy, as an administrator sets it in the settings desk.
        QVERIFY(Hub::SiteSettings::set(m_hub->database(), QStringLiteral("site/idle_lock_minutes"),
                                       QString::number(IdleMinutes)));
        QTRY_VERIFY_WITH_TIMEOUT(hubNumber(QStringLiteral("SELECT count(*) FROM templates "
                                                          "WHERE status = 'APPROVED'")) >= 20,
                                 Patience);

        m_session = std::make_unique<Console::SessionController>(
            m_dir.filePath(QStringLiteral("console")), QStringLiteral("Wardline-shift-test"));
        m_session->setProbeInterval(100);
        m_shell = std::make_unique<Console::ConsoleShell>(*m_session, m_consoleClock);
        m_shell->idleMonitor().setCheckInterval(20);
        auto notifier = std::make_unique<RecordingNotifier>();
        m_sounds = notifier->sounds;
        m_notices = notifier->messages;
        home().inbox()->setNotifier(std::move(notifier));
        m_shell->start();
    }

    void cleanupTestCase()
    {
        m_shell.reset();
        m_session.reset();
        m_sim.reset();
        m_hub.reset();
    }

    void theNurseSignsIn()
    {
        QVERIFY(QTest::qWaitForWindowExposed(&signIn()));
        auto *hub = in<QLineEdit>(signIn(), "hubAddressEdit");
        auto *user = in<QLineEdit>(signIn(), "usernameEdit");
        auto *password = in<QLineEdit>(signIn(), "passwordEdit");
        QVERIFY(hub && user && password);
        hub->clear();
        typeInto(hub, m_hub->apiUrl());
        typeInto(user, QStringLiteral("nurse.shift"));
        typeInto(password, Password);
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(home().isVisible(), Patience);
        QVERIFY(!signIn().isVisible());
        QVERIFY(password->text().isEmpty()); // nothing of it stays in a widget
        QCOMPARE(m_shell->idleMonitor().idleMinutes(), IdleMinutes); // the hub's policy
    }

    void anEmergencyIsOnTopAndAlertsUntilClaimed()
    {
        QVERIFY(say(KneePhone, PatientName, QStringLiteral("when do I take the next tablet")));
        QTRY_VERIFY_WITH_TIMEOUT(conversationOf(KneePhone) > 0, Patience);
        QTRY_VERIFY_WITH_TIMEOUT(conversationList()->model()->rowCount() >= 1, Patience);
        QVERIFY(say(ChestPhone, QStringLiteral("Lee Drill"),
                    QStringLiteral("sudden chest pain, left arm numb")));
        QTRY_VERIFY_WITH_TIMEOUT(conversationOf(ChestPhone) > 0, Patience);
        const qint64 id = conversationOf(ChestPhone);
        QTRY_COMPARE_WITH_TIMEOUT(*m_sounds, 1, Patience);
        QCOMPARE(*m_notices, QStringList{QStringLiteral("New emergency message")});
        QVERIFY(home().inbox()->isEmergencyFlashing());
        QTRY_COMPARE_WITH_TIMEOUT(
            conversationList()->model()->index(0, 0).data(Ui::InboxModel::IdRole).toLongLong(), id,
            Patience);

        // Ctrl+E opens the next emergency; Ctrl+Shift+C claims it and the alert stops.
        home().activateWindow();
        QTest::keyClick(&home(), Qt::Key_E, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(view()->conversationId(), id, Patience);
        auto *banner = in<QLabel>(*view(), "triageBanner");
        QTRY_VERIFY_WITH_TIMEOUT(
            banner->isVisible() &&
                banner->text().contains(QStringLiteral("chest pain"), Qt::CaseInsensitive),
            Patience);
        QTest::keyClick(&home(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!home().inbox()->isEmergencyFlashing(), Patience);
        QTRY_VERIFY_WITH_TIMEOUT(
            hubNumber(QStringLiteral("SELECT assignee_id FROM conversations WHERE id = ?"), {id}) >
                0,
            Patience);
    }

    void aReplyTicksUpToRead()
    {
        const QString reply = QStringLiteral("An ambulance is on its way; stay seated.");
        QTest::keyClick(&home(), Qt::Key_R, Qt::ControlModifier); // focus the composer
        QTRY_VERIFY_WITH_TIMEOUT(editor()->hasFocus(), Patience);
        QTest::keyClicks(editor(), reply);
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(bubbleWith(reply), Patience);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(reply), QStringLiteral("read"), Patience);
        QCOMPARE(sentTo(ChestPhone, reply), 1);
    }

    void theConsoleLocksWhenIdleAndUnlocksWithThePassword()
    {
        QVERIFY(showing(PatientName));
        // One minute short of the policy: still open.
        m_consoleClock.advance(qint64(IdleMinutes - 1) * 60 * 1000);
        m_shell->idleMonitor().check();
        QVERIFY(!home().isLocked());
        // The policy's minutes without input: locked, no patient on screen.
        m_consoleClock.advance(61 * 1000);
        QTRY_VERIFY_WITH_TIMEOUT(home().isLocked(), Patience);
        QVERIFY(!showing(PatientName));
        QVERIFY(!showing(QStringLiteral("Lee Drill")));

        auto *password = in<QLineEdit>(home(), "lockPassword");
        auto *error = in<QLabel>(home(), "lockError");
        QVERIFY(password && error);
        typeInto(password, QStringLiteral("not the password"));
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible() && !error->text().isEmpty(), Patience);
        QVERIFY(home().isLocked());
        QVERIFY(!showing(PatientName));

        password->clear();
        typeInto(password, Password);
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!home().isLocked(), Patience);
        QVERIFY(showing(PatientName));
        // Counting starts again from the unlock.
        m_consoleClock.advance(qint64(IdleMinutes - 1) * 60 * 1000);
        m_shell->idleMonitor().check();
        QVERIFY(!home().isLocked());
    }

    void theHubGoesAwayAndComesBackWithNothingLostOrTwice()
    {
        const qint64 id = view()->conversationId();
        QVERIFY(id > 0);
        m_hub.reset();
        QTRY_VERIFY_WITH_TIMEOUT(offlineBannerShown(), Patience);
        // What the nurse sends meanwhile is kept, and shown as waiting.
        const QString words = QStringLiteral("Unlock the front door for the paramedics.");
        QTest::keyClicks(editor(), words);
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(bubbleWith(words), Patience);
        QCOMPARE(bubbleWith(words)->message().pendingState, QStringLiteral("offline"));

        QVERIFY(startHub());
        QTRY_VERIFY_WITH_TIMEOUT(!offlineBannerShown(), Patience);
        QTRY_COMPARE_WITH_TIMEOUT(sentTo(ChestPhone, words), 1, Patience);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(words), QStringLiteral("read"), Patience);
        // A patient writing after the hub came back arrives once, in order.
        QVERIFY(say(ChestPhone, QStringLiteral("Lee Drill"), QStringLiteral("door is open now")));
        QTRY_VERIFY_WITH_TIMEOUT(bubbleWith(QStringLiteral("door is open now")), Patience);
        QCOMPARE(bubblesWith(words), 1);
        QCOMPARE(bubblesWith(QStringLiteral("door is open now")), 1);
        QCOMPARE(bubblesWith(QStringLiteral("sudden chest pain")), 1);
        QCOMPARE(sentTo(ChestPhone, words), 1);
        // The inbox still has each conversation once.
        const QAbstractItemModel *rows = conversationList()->model();
        QSet<qint64> seen;
        for (int row = 0; row < rows->rowCount(); ++row) {
            const qint64 rowId = rows->index(row, 0).data(Ui::InboxModel::IdRole).toLongLong();
            QVERIFY(!seen.contains(rowId));
            seen.insert(rowId);
        }
    }

    void signingOutLeavesNothingOnScreen()
    {
        auto *signOut = in<QPushButton>(home(), "signOutButton");
        QVERIFY(signOut);
        QTest::mouseClick(signOut, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(signIn().isVisible(), Patience);
        QVERIFY(!home().isVisible());
        QVERIFY(!m_session->isSignedIn());
        QCOMPARE(m_shell->conversations(), nullptr);
    }
};

QTEST_MAIN(TestShift)
#include "tst_shift.moc"
