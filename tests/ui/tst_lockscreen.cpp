#include "console/inboxstore.h"
#include "console/unlockverifier.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "inboxfixtures.h"
#include "ui/emergencynotifier.h"
#include "ui/homewindow.h"
#include "ui/inboxwidget.h"
#include "ui/language.h"
#include "ui/lockscreen.h"
#include "ui/shortcuts.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Wardline;

namespace {
// Fictional; no real person's data.
const QString PatientName = QStringLiteral("Test Patient 1");
const QString Password = QStringLiteral("lock-test password");

// Emergencies in the fixtures must not reach this machine's desktop.
class SilentNotifier : public Ui::EmergencyNotifier
{
public:
    void playSound() override {}
    void notify(const QString &) override {}
};

// Every visible widget that shows the patient's name: labels and item views (any role).
QStringList widgetsShowing(const QWidget &root, const QString &text)
{
    QStringList found;
    const QList<QWidget *> widgets = root.findChildren<QWidget *>();
    for (const QWidget *w : widgets) {
        if (!w->isVisible())
            continue;
        if (const auto *label = qobject_cast<const QLabel *>(w);
            label && label->text().contains(text))
            found.append(w->objectName());
        const auto *view = qobject_cast<const QAbstractItemView *>(w);
        if (!view || !view->model())
            continue;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, 0);
            for (int role = 0; role < Qt::UserRole + 32; ++role) {
                if (index.data(role).toString().contains(text))
                    found.append(w->objectName());
            }
        }
    }
    if (root.windowTitle().contains(text))
        found.append(QStringLiteral("(window title)"));
    return found;
}
} // namespace

class TestLockScreen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(Core::Crypto::selfTest()); }

    void init()
    {
        m_store = std::make_unique<Console::InboxStore>();
        m_store->upsert(InboxFixtures::conversation(1, "NURSE", "P2", 5));
        m_home = std::make_unique<Ui::HomeWindow>();
        m_home->inbox()->setNotifier(std::make_unique<SilentNotifier>());
        m_home->inbox()->setClock(&m_clock);
        m_home->showSession(QStringLiteral("Ana Ruiz"), Core::Role::Nurse,
                            QStringLiteral("https://hub:8443"), {});
        m_home->setInbox(m_store.get(), 7);
        // The check main.cpp wires to SessionController::unlock, against a verifier made here.
        m_verifier = std::make_unique<Console::UnlockVerifier>();
        m_verifier->setHash(Core::Crypto::hashPassword(Password));
        connect(m_home.get(), &Ui::HomeWindow::unlockRequested, m_verifier.get(),
                &Console::UnlockVerifier::check);
        connect(m_verifier.get(), &Console::UnlockVerifier::checked, m_home.get(),
                [this](bool accepted) {
                    if (accepted)
                        m_home->unlock();
                    else
                        m_home->rejectUnlock({}, true);
                });
        m_home->show();
        m_home->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_home.get()));
    }

    void cleanup()
    {
        m_home.reset();
        m_verifier.reset();
        m_store.reset();
        QVERIFY(Ui::Language::apply(QStringLiteral("en")));
    }

    void ctrlLHidesEveryPatientDetail()
    {
        QVERIFY(!widgetsShowing(*m_home, PatientName).isEmpty()); // the check can see it
        QSignalSpy locked(m_home.get(), &Ui::HomeWindow::locked);
        QTest::keyClick(m_home.get(), Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(locked.count(), 1);
        QVERIFY(m_home->isLocked());
        QCOMPARE(widgetsShowing(*m_home, PatientName), QStringList());
        QVERIFY(!m_home->inbox()->isVisible());

        auto *screen = m_home->findChild<Ui::LockScreen *>();
        QVERIFY(screen && screen->isVisible());
        QCOMPARE(screen->geometry(), m_home->rect());
        QVERIFY(!widgetsShowing(*screen, QStringLiteral("Locked — enter your password")).isEmpty());
        QVERIFY(!widgetsShowing(*screen, QStringLiteral("Ana Ruiz")).isEmpty());
        QVERIFY(password()->hasFocus());

        // The window's other shortcuts sleep while locked.
        QTest::keyClick(m_home.get(), Qt::Key_F1);
        QVERIFY(!m_home->findChild<QWidget *>(QStringLiteral("shortcutsHelp"))->isVisible());
    }

    void aWrongPasswordStaysLocked()
    {
        m_home->lock();
        QTest::keyClicks(password(), QStringLiteral("not it"));
        QTest::keyClick(password(), Qt::Key_Return);
        auto *error = m_home->findChild<QLabel *>(QStringLiteral("lockError"));
        QTRY_VERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("wrong")));
        QVERIFY(m_home->isLocked());
        QVERIFY(password()->text().isEmpty());
        QCOMPARE(widgetsShowing(*m_home, PatientName), QStringList());
    }

    void theRightPasswordShowsTheInboxAgain()
    {
        m_home->lock();
        QTest::keyClicks(password(), Password);
        QTest::mouseClick(m_home->findChild<QPushButton *>(QStringLiteral("lockUnlock")),
                          Qt::LeftButton);
        QTRY_VERIFY(!m_home->isLocked());
        QVERIFY(m_home->inbox()->isVisible());
        QVERIFY(!m_home->findChild<Ui::LockScreen *>()->isVisible());
        QVERIFY(!widgetsShowing(*m_home, PatientName).isEmpty());
        QCOMPARE(m_home->windowTitle(), QStringLiteral("Wardline"));
    }

    void fiveWrongPasswordsSignOut()
    {
        QSignalSpy signOut(m_home.get(), &Ui::HomeWindow::signOutRequested);
        m_home->lock();
        auto *unlockButton = m_home->findChild<QPushButton *>(QStringLiteral("lockUnlock"));
        for (int attempt = 1; attempt <= Ui::LockScreen::MaxAttempts; ++attempt) {
            QTRY_VERIFY(password()->isEnabled());
            QTest::keyClicks(password(), QStringLiteral("guess %1").arg(attempt));
            QTest::keyClick(password(), Qt::Key_Return);
            QVERIFY(!unlockButton->isEnabled()); // checking
            QTRY_COMPARE(m_home->findChild<Ui::LockScreen *>()->wrongAttempts(), attempt);
            QCOMPARE(signOut.count(), attempt == Ui::LockScreen::MaxAttempts ? 1 : 0);
        }
        QVERIFY(m_home->isLocked());
    }

    void aNewLockCountsAfresh()
    {
        m_home->lock();
        m_home->rejectUnlock({}, true);
        m_home->rejectUnlock(QStringLiteral("The hub cannot be reached."), false);
        QCOMPARE(m_home->findChild<Ui::LockScreen *>()->wrongAttempts(), 1);
        m_home->unlock();
        m_home->lock();
        QCOMPARE(m_home->findChild<Ui::LockScreen *>()->wrongAttempts(), 0);
    }

    void helpListsEveryShortcut_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("lockLabel");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Lock the console");
        QTest::newRow("es") << QStringLiteral("es") << QStringLiteral("Bloquear la consola");
    }

    void helpListsEveryShortcut()
    {
        QFETCH(QString, language);
        QFETCH(QString, lockLabel);
        QVERIFY(Ui::Language::apply(language));
        QTest::keyClick(m_home.get(), Qt::Key_F1);
        auto *help = m_home->findChild<QWidget *>(QStringLiteral("shortcutsHelp"));
        QVERIFY(help && help->isVisible());
        const QString ctrlL = QKeySequence(Qt::CTRL | Qt::Key_L).toString(QKeySequence::NativeText);
        QTRY_VERIFY(!widgetsShowing(*help, lockLabel).isEmpty()); // LanguageChange is posted
        QVERIFY(!widgetsShowing(*help, ctrlL).isEmpty());
        for (const Ui::ShortcutDefinition &d : Ui::Shortcuts::all()) {
            QVERIFY(!widgetsShowing(*help, Ui::Shortcuts::keysText(d)).isEmpty());
            QVERIFY(!widgetsShowing(*help, Ui::Shortcuts::translate(d.description)).isEmpty());
        }
        QTest::keyClick(help, Qt::Key_Escape);
        QVERIFY(!help->isVisible());
    }

    void keysMoveThroughTheConversations()
    {
        m_store->upsert(InboxFixtures::conversation(2, "NURSE", "P3", 10));
        m_store->upsert(InboxFixtures::conversation(3, "EMERGENCY", "P1", 20));
        auto *list = m_home->findChild<QListView *>(QStringLiteral("conversationList"));
        QSignalSpy opened(m_home.get(), &Ui::HomeWindow::conversationActivated);
        list->setCurrentIndex(list->model()->index(1, 0));
        const qint64 second = m_home->inbox()->currentConversationId();

        QTest::keyClick(m_home.get(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(list->currentIndex().row(), 2);
        QTest::keyClick(m_home.get(), Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(m_home->inbox()->currentConversationId(), second);
        list->setFocus();
        QTest::keyClick(list, Qt::Key_J);
        QCOMPARE(list->currentIndex().row(), 2);
        QTest::keyClick(list, Qt::Key_K);
        QCOMPARE(list->currentIndex().row(), 1);
        QCOMPARE(opened.count(), 4);

        QTest::keyClick(m_home.get(), Qt::Key_E, Qt::ControlModifier);
        QCOMPARE(m_home->inbox()->currentConversationId(), 3);
        QCOMPARE(opened.last().at(0).toLongLong(), 3);

        QSignalSpy claim(m_home.get(), &Ui::HomeWindow::claimRequested);
        QSignalSpy compose(m_home.get(), &Ui::HomeWindow::composerFocusRequested);
        QTest::keyClick(m_home.get(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(m_home.get(), Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(claim.count(), 1);
        QCOMPARE(compose.count(), 1);
    }

    // Not a check: renders the lock screen and the help for docs/screenshots when
    // WARDLINE_SCREENSHOT_DIR is set.
    void screenshot_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("es") << QStringLiteral("es");
    }

    void screenshot()
    {
        QFETCH(QString, language);
        const QString dir = qEnvironmentVariable("WARDLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("WARDLINE_SCREENSHOT_DIR is not set");
        QVERIFY(Ui::Language::apply(language));
        for (const auto &s : InboxFixtures::demoInbox(7))
            m_store->upsert(s);
        m_home->resize(1200, 720);
        QCoreApplication::processEvents();
        m_home->showShortcuts();
        QCoreApplication::processEvents();
        QVERIFY(m_home->grab().save(
            QDir(dir).filePath(QStringLiteral("shortcuts-%1.png").arg(language))));
        m_home->lock();
        m_home->rejectUnlock({}, true);
        QCoreApplication::processEvents();
        QVERIFY(
            m_home->grab().save(QDir(dir).filePath(QStringLiteral("lock-%1.png").arg(language))));
    }

private:
    QLineEdit *password() const
    {
        return m_home->findChild<QLineEdit *>(QStringLiteral("lockPassword"));
    }

    Core::ManualClock m_clock{InboxFixtures::now()};
    std::unique_ptr<Console::InboxStore> m_store;
    std::unique_ptr<Ui::HomeWindow> m_home;
    std::unique_ptr<Console::UnlockVerifier> m_verifier;
};

QTEST_MAIN(TestLockScreen)
#include "tst_lockscreen.moc"
