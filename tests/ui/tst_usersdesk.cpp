// The users desk end to end: a real hub in-process (loopback), the real keychain and encrypted
// cache (tests/with-keyring), and the real widgets on the offscreen platform. An administrator
// creates an account in the desk; the new nurse signs in with the temporary password and must
// choose their own before anything else answers. Nothing sleeps: every wait is on the widgets
// or the hub's record, and no dialog is ever exec()'d, so none can hang the test.
#include "console/cachewriter.h"
#include "console/hubclient.h"
#include "console/inboxstore.h"
#include "console/localcache.h"
#include "console/sessioncontroller.h"
#include "console/syncengine.h"
#include "console/unlockverifier.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/secretkey.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "store/userrepository.h"
#include "testhub.h"
#include "ui/homewindow.h"
#include "ui/passwordchangedialog.h"
#include "ui/permissionsmodel.h"
#include "ui/signinwindow.h"
#include "ui/temporarypassworddialog.h"
#include "ui/userdialog.h"
#include "ui/usersdesk.h"
#include "ui/usersmodel.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>

using namespace Wardline;

namespace {
const QString AdminPassword = QStringLiteral("Ward-line 7 blue heron");
const QString NursePassword = QStringLiteral("Quiet harbour lanterns 42");
constexpr int Patience = 30000;
} // namespace

class TestUsersDesk : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    Console::HubClient m_client;
    Console::HubSession m_admin;
    std::unique_ptr<Ui::HomeWindow> m_home;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QAbstractItemModelTester> m_permissionsTester;
    QString m_temporary; // the new nurse's temporary password, as the administrator read it

    Ui::UsersDesk *desk() const { return m_home->desk<Ui::UsersDesk>(); }
    QPushButton *deskButton(const char *name) const
    {
        return desk()->findChild<QPushButton *>(QLatin1String(name));
    }
    QString deskStatus() const
    {
        return desk()->findChild<QLabel *>(QStringLiteral("usersStatusLabel"))->text();
    }
    QVariant hubValue(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery q(m_hub->database());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0) : QVariant();
    }
    QVariant userField(const QString &column, const QString &username) const
    {
        return hubValue(QStringLiteral("SELECT %1 FROM users WHERE username = ?").arg(column),
                        {username});
    }
    qint64 audited(const QString &action) const
    {
        return hubValue(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ?"), {action})
            .toLongLong();
    }
    // The text the desk shows for \a username in \a column.
    QString cell(const QString &username, int column) const
    {
        const Ui::UsersModel *model = desk()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->userAt(row).username == username)
                return model->index(row, column).data().toString();
        }
        return {};
    }
    qint64 idOf(const QString &username) const
    {
        return userField(QStringLiteral("id"), username).toLongLong();
    }
    [[nodiscard]] bool refreshDesk()
    {
        QSignalSpy refreshed(desk(), &Ui::UsersDesk::refreshed);
        QTest::mouseClick(deskButton("refreshButton"), Qt::LeftButton);
        return refreshed.wait(Patience);
    }
    template<typename T> T *waitForDialog() const
    {
        T *found = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] {
                found = desk()->findChild<T *>();
                return found && found->isVisible();
            },
            Patience);
        return shown ? found : nullptr;
    }
    // Answers the confirmation the desk asks with its action button (or Cancel).
    [[nodiscard]] bool answerConfirmation(bool goAhead, QString *question = nullptr)
    {
        auto *box = waitForDialog<QMessageBox>();
        if (!box)
            return false;
        if (question)
            *question = box->text();
        QAbstractButton *b = goAhead ? static_cast<QAbstractButton *>(box->findChild<QPushButton *>(
                                           QStringLiteral("confirmButton")))
                                     : box->button(QMessageBox::Cancel);
        if (!b)
            return false;
        QTest::mouseClick(b, Qt::LeftButton);
        return QTest::qWaitFor([this] { return !desk()->findChild<QMessageBox *>(); }, Patience);
    }
    // Reads the temporary password the desk shows once, copies it, and closes the window.
    [[nodiscard]] QString takeTemporaryPassword()
    {
        auto *shown = waitForDialog<Ui::TemporaryPasswordDialog>();
        if (!shown)
            return {};
        const QString password =
            shown->findChild<QLineEdit *>(QStringLiteral("temporaryPasswordEdit"))->text();
        QTest::mouseClick(shown->findChild<QPushButton *>(QStringLiteral("copyPasswordButton")),
                          Qt::LeftButton);
        const bool copied = QGuiApplication::clipboard()->text() == password;
        shown->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close)->click();
        if (!QTest::qWaitFor([this] { return !desk()->findChild<Ui::TemporaryPasswordDialog *>(); },
                             Patience))
            return {};
        // Shown once: gone from the clipboard with its window.
        if (!copied || QGuiApplication::clipboard()->text() == password)
            return {};
        return password;
    }
    Console::HubReply call(const Console::HubSession &session, const QByteArray &verb,
                           const QString &path, const QJsonObject &body = {})
    {
        Console::HubReply answer;
        bool done = false;
        m_client.send(session, verb, path, body, this, [&](const Console::HubReply &r) {
            answer = r;
            done = true;
        });
        (void)QTest::qWaitFor([&] { return done; }, Patience);
        return answer;
    }
    std::optional<Console::HubSession> signIn(const QString &username, const QString &password,
                                              QString *error = nullptr)
    {
        std::optional<Console::HubSession> session;
        bool answered = false;
        m_client.signIn(QUrl(m_hub->apiUrl()), username, password,
                        [&](Core::Result<Console::HubSession> r, Console::HubClient::Failure) {
                            answered = true;
                            if (r)
                                session = std::move(r).value();
                            else if (error)
                                *error = r.error();
                        });
        (void)QTest::qWaitFor([&] { return answered; }, Patience);
        return session;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("WARDLINE_KEYRING_SESSION"),
                 "run through tests/with-keyring");
        QVERIFY(Core::Crypto::selfTest());
        const QString hubDir = m_dir.filePath(QStringLiteral("hub"));
        auto init =
            Hub::HubInit(hubDir, Core::Clock::system()).run(QStringLiteral("admin"), AdminPassword);
        QVERIFY2(init, qPrintable(init.error()));
        QVERIFY(Test::writeHubSecrets(hubDir));
        Test::listenOnLoopback(hubDir, Test::Tls::Off);
        auto config = Hub::HubConfig::load(hubDir);
        QVERIFY2(config, qPrintable(config.error()));
        m_config = std::move(config).value();
        m_hub = std::make_unique<Hub::HubServer>(*m_config, Core::Clock::system());
        auto started = m_hub->start();
        QVERIFY2(started, qPrintable(started.error()));

        // The administrator's console, as main.cpp builds it after signing in.
        auto admin = signIn(QStringLiteral("admin"), AdminPassword);
        QVERIFY(admin);
        m_admin = *admin;
        m_home = std::make_unique<Ui::HomeWindow>();
        QVERIFY(desk());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            desk()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_permissionsTester = std::make_unique<QAbstractItemModelTester>(
            desk()->permissions(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_home->showSession(QStringLiteral("admin"), m_admin.user.role, m_hub->apiUrl(), {});
        m_home->setHub(&m_client, m_admin);
        m_home->show();
        QVERIFY(m_home->showDesk(desk()));
        QTRY_COMPARE_WITH_TIMEOUT(desk()->model()->rowCount(), 1, Patience);
        QCOMPARE(cell(QStringLiteral("admin"), Ui::UsersModel::RoleColumn),
                 QStringLiteral("Administrator"));
        QCOMPARE(cell(QStringLiteral("admin"), Ui::UsersModel::StateColumn),
                 QStringLiteral("Active"));
        QVERIFY(cell(QStringLiteral("admin"), Ui::UsersModel::LastSignInColumn) !=
                QStringLiteral("Never"));
    }

    void cleanupTestCase()
    {
        m_tester.reset();
        m_permissionsTester.reset();
        m_home.reset();
        m_hub.reset();
    }

    void anAdministratorCreatesAnAccountAndSeesItsPasswordOnce()
    {
        const qint64 created = audited(QStringLiteral("user.create")); // the first administrator
        QTest::mouseClick(deskButton("newAccountButton"), Qt::LeftButton);
        auto *dialog = waitForDialog<Ui::UserDialog>();
        QVERIFY(dialog);
        auto *username = dialog->findChild<QLineEdit *>(QStringLiteral("usernameEdit"));
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        // A name with a space is said at once, and nothing reaches the hub.
        QTest::keyClicks(username, QStringLiteral("nora new"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("userErrorLabel"))->isVisible());
        username->clear();
        QTest::keyClicks(username, QStringLiteral("nora.new"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("displayNameEdit")),
                         QStringLiteral("Nora New"));
        auto *role = dialog->findChild<QComboBox *>(QStringLiteral("roleCombo"));
        role->setCurrentIndex(role->findData(QStringLiteral("nurse")));
        QTest::mouseClick(ok, Qt::LeftButton);

        m_temporary = takeTemporaryPassword();
        QVERIFY(m_temporary.size() >= 12);
        QVERIFY(deskStatus().contains(QStringLiteral("nora.new")));
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("nora.new"), Ui::UsersModel::StateColumn),
                                  QStringLiteral("Waiting for a new password"), Patience);
        QCOMPARE(cell(QStringLiteral("nora.new"), Ui::UsersModel::NameColumn),
                 QStringLiteral("Nora New"));
        QCOMPARE(cell(QStringLiteral("nora.new"), Ui::UsersModel::RoleColumn),
                 QStringLiteral("Nurse"));
        QCOMPARE(cell(QStringLiteral("nora.new"), Ui::UsersModel::LastSignInColumn),
                 QStringLiteral("Never"));
        QCOMPARE(
            userField(QStringLiteral("must_change_password"), QStringLiteral("nora.new")).toInt(),
            1);
        QCOMPARE(audited(QStringLiteral("user.create")), created + 1);
        // Nowhere else in the desk once its window closed.
        for (const QLineEdit *edit : desk()->findChildren<QLineEdit *>())
            QVERIFY(!edit->text().contains(m_temporary));
    }

    void aTakenUserNameIsRefusedInTheDialog()
    {
        const qint64 accounts = hubValue(QStringLiteral("SELECT count(*) FROM users")).toLongLong();
        QTest::mouseClick(deskButton("newAccountButton"), Qt::LeftButton);
        auto *dialog = waitForDialog<Ui::UserDialog>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("usernameEdit")),
                         QStringLiteral("nora.new"));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        // The hub's reason, in the dialog that is still open with what was typed.
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("userErrorLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), Patience);
        QVERIFY2(error->text().contains(QStringLiteral("already an account")),
                 qPrintable(error->text()));
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(!desk()->findChild<Ui::TemporaryPasswordDialog *>());
        QCOMPARE(hubValue(QStringLiteral("SELECT count(*) FROM users")).toLongLong(), accounts);
        dialog->reject();
        QTRY_VERIFY_WITH_TIMEOUT(!desk()->findChild<Ui::UserDialog *>(), Patience);
    }

    void theTemporaryPasswordLeadsToAChangeBeforeTheConsoleOpens()
    {
        QVERIFY(!m_temporary.isEmpty());
        // The nurse's workstation: the sign-in window and the session, wired as main.cpp does.
        Console::SessionController session(m_dir.filePath(QStringLiteral("nurse-cache")),
                                           QStringLiteral("Wardline-test-users"));
        Ui::SignInWindow window;
        connect(&window, &Ui::SignInWindow::signInRequested, &session,
                [&](const QString &hub, const QString &user, const QString &password) {
                    window.setBusy(true);
                    session.signIn(QUrl(hub), user, password);
                });
        connect(&session, &Console::SessionController::signInFailed, &window,
                [&](const QString &message) {
                    window.setBusy(false);
                    window.showError(message);
                    window.clearPassword();
                });
        connect(&session, &Console::SessionController::passwordChangeRequired, &window,
                &Ui::SignInWindow::askForNewPassword);
        connect(&window, &Ui::SignInWindow::newPasswordChosen, &session,
                &Console::SessionController::changePassword);
        connect(&session, &Console::SessionController::passwordChangeFailed, &window,
                &Ui::SignInWindow::rejectNewPassword);
        connect(&window, &Ui::SignInWindow::passwordChangeCancelled, &session,
                &Console::SessionController::signOut);
        connect(&session, &Console::SessionController::signedIn, &window, [&] {
            window.endPasswordChange();
            window.setBusy(false);
            window.hide();
        });
        QSignalSpy signedIn(&session, &Console::SessionController::signedIn);
        QSignalSpy stored(&session.unlockVerifier(), &Console::UnlockVerifier::stored);
        window.setHubAddress(m_hub->apiUrl());
        window.show();
        QTest::keyClicks(window.findChild<QLineEdit *>(QStringLiteral("usernameEdit")),
                         QStringLiteral("nora.new"));
        QTest::keyClicks(window.findChild<QLineEdit *>(QStringLiteral("passwordEdit")),
                         m_temporary);
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("signInButton")),
                          Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(
            window.passwordChangeDialog() && window.passwordChangeDialog()->isVisible(), Patience);
        Ui::PasswordChangeDialog *dialog = window.passwordChangeDialog();
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("passwordRulesLabel"))
                    ->text()
                    .contains(QStringLiteral("at least 12 characters")));
        QVERIFY(session.isChangingPassword());
        QCOMPARE(signedIn.count(), 0);
        QVERIFY(window.isVisible());

        // Until the change, the hub answers nothing else.
        const Console::HubReply events =
            call(session.session(), "GET", QStringLiteral("/api/v1/events"));
        QCOMPARE(events.status, 403);
        QCOMPARE(events.body.value(u"error").toObject().value(u"code").toString(),
                 QStringLiteral("password_change_required"));

        auto *next = dialog->findChild<QLineEdit *>(QStringLiteral("newPasswordEdit"));
        auto *again = dialog->findChild<QLineEdit *>(QStringLiteral("confirmPasswordEdit"));
        auto *change = dialog->findChild<QPushButton *>(QStringLiteral("changePasswordButton"));
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("passwordErrorLabel"));
        const auto choose = [&](const QString &first, const QString &second) {
            next->clear();
            again->clear();
            QTest::keyClicks(next, first);
            QTest::keyClicks(again, second);
            QTest::mouseClick(change, Qt::LeftButton);
        };
        // Two entries that differ never reach the hub.
        choose(NursePassword, NursePassword + u'!');
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("not the same")));
        QVERIFY(change->isEnabled());
        // The hub's own rules: the temporary password itself is refused, and said.
        choose(m_temporary, m_temporary);
        QTRY_VERIFY_WITH_TIMEOUT(change->isEnabled() && error->isVisible(), Patience);
        QVERIFY2(error->text().contains(QStringLiteral("different from the current")),
                 qPrintable(error->text()));
        QCOMPARE(
            userField(QStringLiteral("must_change_password"), QStringLiteral("nora.new")).toInt(),
            1);
        QCOMPARE(signedIn.count(), 0);

        choose(NursePassword, NursePassword);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, Patience);
        QCOMPARE(signedIn.first().first().toString(), QString()); // the encrypted cache is open
        QVERIFY(!window.passwordChangeDialog());
        QVERIFY(!window.isVisible());
        QVERIFY(!session.isChangingPassword());
        QCOMPARE(
            userField(QStringLiteral("must_change_password"), QStringLiteral("nora.new")).toInt(),
            0);
        QCOMPARE(audited(QStringLiteral("user.change_password")), 1);
        const Console::HubReply now =
            call(session.session(), "GET", QStringLiteral("/api/v1/events"));
        QCOMPARE(now.status, 200);

        // The offline unlock knows the new password, never the temporary one.
        QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, Patience);
        QVERIFY(stored.first().first().toBool());
        QSignalSpy unlocked(&session, &Console::SessionController::unlocked);
        QSignalSpy rejected(&session, &Console::SessionController::unlockRejected);
        session.unlock(m_temporary);
        QTRY_COMPARE_WITH_TIMEOUT(rejected.count(), 1, Patience);
        session.unlock(NursePassword);
        QTRY_COMPARE_WITH_TIMEOUT(unlocked.count(), 1, Patience);

        QSignalSpy signedOut(&session, &Console::SessionController::signedOut);
        session.signOut();
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.count(), 1, Patience);
        QString refused;
        QVERIFY(!signIn(QStringLiteral("nora.new"), m_temporary, &refused));
        QCOMPARE(refused, QStringLiteral("The user name or password is wrong."));
        QVERIFY(signIn(QStringLiteral("nora.new"), NursePassword));
        QVERIFY(refreshDesk());
        QCOMPARE(cell(QStringLiteral("nora.new"), Ui::UsersModel::StateColumn),
                 QStringLiteral("Active"));
        QVERIFY(cell(QStringLiteral("nora.new"), Ui::UsersModel::LastSignInColumn) !=
                QStringLiteral("Never"));
    }

    void cancellingThePasswordChangeSignsOut()
    {
        // A reset password: the same first step, given up.
        QVERIFY(desk()->select(idOf(QStringLiteral("nora.new"))));
        QTest::mouseClick(deskButton("resetPasswordButton"), Qt::LeftButton);
        QVERIFY(answerConfirmation(true));
        const QString temporary = takeTemporaryPassword();
        QVERIFY(temporary.size() >= 12);
        QCOMPARE(audited(QStringLiteral("user.reset_password")), 1);
        QVERIFY(!signIn(QStringLiteral("nora.new"), NursePassword)); // the old one is gone

        Console::SessionController session(m_dir.filePath(QStringLiteral("nurse-cache")),
                                           QStringLiteral("Wardline-test-users"));
        Ui::SignInWindow window;
        connect(&session, &Console::SessionController::passwordChangeRequired, &window,
                &Ui::SignInWindow::askForNewPassword);
        connect(&window, &Ui::SignInWindow::passwordChangeCancelled, &session,
                &Console::SessionController::signOut);
        QSignalSpy signedOut(&session, &Console::SessionController::signedOut);
        window.show();
        window.setBusy(true);
        session.signIn(QUrl(m_hub->apiUrl()), QStringLiteral("nora.new"), temporary);
        QTRY_VERIFY_WITH_TIMEOUT(window.passwordChangeDialog(), Patience);
        const QString token = session.session().token;
        window.passwordChangeDialog()
            ->findChild<QDialogButtonBox *>()
            ->button(QDialogButtonBox::Cancel)
            ->click();
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.count(), 1, Patience);
        QVERIFY(!window.passwordChangeDialog());
        QVERIFY(!window.isBusy());
        QCOMPARE(hubValue(QStringLiteral("SELECT count(*) FROM sessions s JOIN users u ON "
                                         "u.id = s.user_id WHERE u.username = 'nora.new'"))
                     .toInt(),
                 0);
        Q_UNUSED(token)
    }

    void aLockedAccountIsShownAndUnlockedAfterConfirmation()
    {
        QString error;
        for (int i = 0; i < 5; ++i)
            (void)signIn(QStringLiteral("nora.new"), QStringLiteral("not her password"), &error);
        QVERIFY(error.contains(QStringLiteral("locked")));
        QVERIFY(refreshDesk());
        QVERIFY(cell(QStringLiteral("nora.new"), Ui::UsersModel::StateColumn)
                    .startsWith(QStringLiteral("Locked until")));
        QCOMPARE(cell(QStringLiteral("nora.new"), Ui::UsersModel::FailedColumn),
                 QStringLiteral("5"));
        QVERIFY(desk()->select(idOf(QStringLiteral("nora.new"))));
        QVERIFY(deskButton("unlockButton")->isEnabled());

        // Cancel changes nothing.
        QTest::mouseClick(deskButton("unlockButton"), Qt::LeftButton);
        QString question;
        QVERIFY(answerConfirmation(false, &question));
        QVERIFY(question.contains(QStringLiteral("Nora New")));
        QVERIFY(!userField(QStringLiteral("locked_until"), QStringLiteral("nora.new")).isNull());

        QTest::mouseClick(deskButton("unlockButton"), Qt::LeftButton);
        QVERIFY(answerConfirmation(true));
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("nora.new"), Ui::UsersModel::FailedColumn),
                                  QStringLiteral("0"), Patience);
        QVERIFY(userField(QStringLiteral("locked_until"), QStringLiteral("nora.new")).isNull());
        QCOMPARE(audited(QStringLiteral("user.unlock")), 1);
        QVERIFY(!deskButton("unlockButton")->isEnabled());
        QVERIFY(deskStatus().contains(QStringLiteral("unlocked")));
    }

    void anAccountIsEditedDeactivatedAndReactivated()
    {
        const qint64 updates = audited(QStringLiteral("user.update"));
        const qint64 id = idOf(QStringLiteral("nora.new"));
        QVERIFY(desk()->select(id));
        QTest::mouseClick(deskButton("editAccountButton"), Qt::LeftButton);
        auto *dialog = waitForDialog<Ui::UserDialog>();
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->isReadOnly());
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("displayNameEdit"));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("Nora Newton"));
        auto *role = dialog->findChild<QComboBox *>(QStringLiteral("roleCombo"));
        role->setCurrentIndex(role->findData(QStringLiteral("receptionist")));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("nora.new"), Ui::UsersModel::RoleColumn),
                                  QStringLiteral("Receptionist"), Patience);
        QCOMPARE(cell(QStringLiteral("nora.new"), Ui::UsersModel::NameColumn),
                 QStringLiteral("Nora Newton"));
        QCOMPARE(userField(QStringLiteral("role"), QStringLiteral("nora.new")).toString(),
                 QStringLiteral("receptionist"));

        QVERIFY(desk()->select(id));
        QCOMPARE(deskButton("activeButton")->text(), QStringLiteral("&Deactivate…"));
        QTest::mouseClick(deskButton("activeButton"), Qt::LeftButton);
        QVERIFY(answerConfirmation(true));
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("nora.new"), Ui::UsersModel::StateColumn),
                                  QStringLiteral("Deactivated"), Patience);
        QCOMPARE(userField(QStringLiteral("active"), QStringLiteral("nora.new")).toInt(), 0);
        QCOMPARE(deskButton("activeButton")->text(), QStringLiteral("Re&activate…"));

        QTest::mouseClick(deskButton("activeButton"), Qt::LeftButton);
        QVERIFY(answerConfirmation(true));
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("nora.new"), Ui::UsersModel::StateColumn),
                                  QStringLiteral("Waiting for a new password"), Patience);
        QCOMPARE(userField(QStringLiteral("active"), QStringLiteral("nora.new")).toInt(), 1);
        QCOMPARE(audited(QStringLiteral("user.update")), updates + 3);
    }

    void theAdministratorCannotTakeTheirOwnAccessAway()
    {
        QVERIFY(desk()->select(m_admin.user.id));
        QVERIFY(!deskButton("activeButton")->isEnabled());
        QTest::mouseClick(deskButton("editAccountButton"), Qt::LeftButton);
        auto *dialog = waitForDialog<Ui::UserDialog>();
        QVERIFY(dialog);
        QVERIFY(!dialog->findChild<QComboBox *>(QStringLiteral("roleCombo"))->isEnabled());
        dialog->reject();
        // The hub refuses it anyway, and the last administrator stays one.
        const Console::HubReply demoted =
            call(m_admin, "PATCH", QStringLiteral("/api/v1/users/%1").arg(m_admin.user.id),
                 {{QStringLiteral("role"), QStringLiteral("auditor")}});
        QCOMPARE(demoted.status, 400);
        QCOMPARE(userField(QStringLiteral("role"), QStringLiteral("admin")).toString(),
                 QStringLiteral("administrator"));
    }

    void theListIsSearchedAndSorted()
    {
        QTRY_COMPARE_WITH_TIMEOUT(desk()->model()->rowCount(), 2, Patience);
        QTableView *view = desk()->view();
        QCOMPARE(view->model()->rowCount(), 2);
        QTest::keyClicks(desk()->findChild<QLineEdit *>(QStringLiteral("usersSearchEdit")),
                         QStringLiteral("newton"));
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, Ui::UsersModel::UsernameColumn).data().toString(),
                 QStringLiteral("nora.new"));
        // Actions follow the row shown, not its place in the hub's list.
        view->selectRow(0);
        QVERIFY(deskButton("activeButton")->isEnabled()); // not the administrator's own
        desk()->setSearchText(QString());
        QCOMPARE(view->model()->rowCount(), 2);
        view->sortByColumn(Ui::UsersModel::UsernameColumn, Qt::DescendingOrder);
        QCOMPARE(view->model()->index(0, Ui::UsersModel::UsernameColumn).data().toString(),
                 QStringLiteral("nora.new"));
        view->sortByColumn(Ui::UsersModel::UsernameColumn, Qt::AscendingOrder);
        QCOMPARE(view->model()->index(0, Ui::UsersModel::UsernameColumn).data().toString(),
                 QStringLiteral("admin"));
    }

    void theRolesPermissionsAreShownAsTheHubEnforcesThem()
    {
        Ui::PermissionsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(desk()->permissionsView()->model(), desk()->permissions());
        const auto cell = [](const Ui::PermissionsModel &m, Core::Permission p, Core::Role r) {
            const int row = int(Ui::PermissionsModel::permissions().indexOf(p));
            const int column =
                int(std::find(Core::allRoles().cbegin(), Core::allRoles().cend(), r) -
                    Core::allRoles().cbegin());
            return m.index(row, column);
        };
        using P = Core::Permission;
        using R = Core::Role;
        QCOMPARE(model.rowCount(), 15);
        QCOMPARE(model.columnCount(), 5);
        QCOMPARE(cell(model, P::ReadClinical, R::Nurse).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));
        QCOMPARE(cell(model, P::ReadClinical, R::Receptionist).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Unchecked));
        QCOMPARE(cell(model, P::ManageUsers, R::Administrator).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));
        QCOMPARE(cell(model, P::ViewAudit, R::Auditor).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));
        QCOMPARE(cell(model, P::ReadClinical, R::Auditor).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Unchecked));
        // Read-only: a click changes nothing.
        QVERIFY(!(model.flags(cell(model, P::SendMessage, R::Nurse)) & Qt::ItemIsUserCheckable));
        QVERIFY(cell(model, P::ReadClinical, R::Receptionist)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("Receptionist may not:")));
        // Rows are named as staff say it.
        QCOMPARE(model
                     .headerData(int(Ui::PermissionsModel::permissions().indexOf(P::ManageUsers)),
                                 Qt::Vertical)
                     .toString(),
                 QStringLiteral("Manage staff accounts"));
    }

    // The grid's cell of \a permission for \a role.
    QModelIndex permissionCell(Core::Permission permission, Core::Role role) const
    {
        const int row = int(Ui::PermissionsModel::permissions().indexOf(permission));
        const int column = int(std::find(Core::allRoles().cbegin(), Core::allRoles().cend(), role) -
                               Core::allRoles().cbegin());
        return desk()->permissions()->index(row, column);
    }
    // What an administrator does: puts the cursor on the cell and presses Space.
    void toggle(Core::Permission permission, Core::Role role)
    {
        QTableView *view = desk()->permissionsView();
        view->setCurrentIndex(permissionCell(permission, role));
        QTest::keyClick(view, Qt::Key_Space);
    }
    bool checked(Core::Permission permission, Core::Role role) const
    {
        return permissionCell(permission, role).data(Qt::CheckStateRole).toInt() == Qt::Checked;
    }
    // What the hub answers \a session asking for the reschedule queue.
    int rescheduleQueueStatus(const Console::HubSession &session)
    {
        int status = -1;
        m_client.get(session, QStringLiteral("/api/v1/appointments"),
                     QUrlQuery{{QStringLiteral("queue"), QStringLiteral("reschedule")}}, this,
                     [&status](const Console::HubReply &r) { status = r.status; });
        (void)QTest::qWaitFor([&] { return status >= 0; }, Patience);
        return status;
    }
    [[nodiscard]] bool savePermissions()
    {
        QSignalSpy saved(desk(), &Ui::UsersDesk::permissionsSaved);
        QTest::mouseClick(deskButton("savePermissionsButton"), Qt::LeftButton);
        return saved.wait(Patience) && saved.first().first().toBool();
    }
    QString permissionsStatus() const
    {
        return desk()->findChild<QLabel *>(QStringLiteral("permissionsStatusLabel"))->text();
    }

    void theAdministratorEditsThePermissionTableWithinItsLimits()
    {
        using P = Core::Permission;
        using R = Core::Role;
        // A receptionist is signed in on another console, kept current by its sync engine.
        const QString password = QStringLiteral("Marble staircase violet 19");
        QVERIFY(Store::UserRepository(m_hub->database(), Core::Clock::system())
                    .create(QStringLiteral("rita.front"), R::Receptionist,
                            Core::Crypto::hashPassword(password)));
        auto receptionist = signIn(QStringLiteral("rita.front"), password);
        QVERIFY(receptionist);
        QVERIFY(receptionist->allows(P::ManageAppointments));
        QVERIFY(!receptionist->allows(P::ReadClinical));
        const Core::SecretKey key = Core::SecretKey::generate();
        auto cache = Console::LocalCache::open(QStringLiteral("receptionist"),
                                               m_dir.filePath(QStringLiteral("rita.cache")), key);
        QVERIFY(cache);
        Console::InboxStore inbox;
        Ui::HomeWindow front;
        front.showSession(QStringLiteral("Rita"), R::Receptionist, m_hub->apiUrl(), {});
        front.setInbox(&inbox, receptionist->user.id);
        // The cache's worker, as the session controller makes it; it goes after the engine.
        Console::CacheWriter worker(cache->databaseName(), key);
        auto sync = std::make_unique<Console::SyncEngine>(worker, inbox, m_client, *receptionist,
                                                          Core::Clock::system());
        connect(sync.get(), &Console::SyncEngine::eventsApplied, &front,
                &Ui::HomeWindow::hubEvents);
        sync->start();
        front.setHub(&m_client, *receptionist);
        front.show();
        const auto tabs = [&front] {
            QStringList names;
            auto *bar = front.findChild<QTabBar *>(QStringLiteral("deskTabs"));
            for (int i = 0; bar && i < bar->count(); ++i)
                names.append(bar->tabText(i));
            return names;
        };
        QCOMPARE(tabs(), (QStringList{QStringLiteral("Inbox"), QStringLiteral("Reschedule")}));

        // The administrator's grid, read from the hub and editable.
        desk()->findChild<QTabWidget *>(QStringLiteral("usersPages"))->setCurrentIndex(1);
        QTRY_VERIFY_WITH_TIMEOUT(desk()->permissions()->isEditable(), Patience);
        QVERIFY(!deskButton("savePermissionsButton")->isEnabled());
        QVERIFY(!deskButton("discardPermissionsButton")->isEnabled());

        // A locked cell is greyed, says why, and a key press changes nothing.
        const QModelIndex locked = permissionCell(P::ManageUsers, R::Administrator);
        QVERIFY(!(locked.flags() & Qt::ItemIsEnabled));
        QCOMPARE(locked.data(Qt::ToolTipRole).toString(),
                 Ui::PermissionsModel::lockText(R::Administrator, P::ManageUsers));
        QVERIFY(locked.data(Qt::ToolTipRole).toString().contains(QStringLiteral("locked out")));
        toggle(P::ManageUsers, R::Administrator);
        QVERIFY(checked(P::ManageUsers, R::Administrator));
        QVERIFY(!desk()->permissions()->setData(locked, Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(!desk()->permissions()->hasPendingChanges());
        QVERIFY(permissionCell(P::ReadClinical, R::Auditor)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("Auditors never take part in care")));

        // An inconsistent table is refused in words staff understand; the change stays marked
        // until discarded.
        toggle(P::ReadEvents, R::Nurse);
        QVERIFY(!checked(P::ReadEvents, R::Nurse));
        QVERIFY(permissionCell(P::ReadEvents, R::Nurse).data(Qt::BackgroundRole).isValid());
        QVERIFY(!savePermissions());
        QCOMPARE(permissionsStatus(),
                 QStringLiteral("A role that reads conversations also needs “Keep an inbox”. "
                                "Nothing was saved."));
        QVERIFY(!checked(P::ReadEvents, R::Nurse));
        QTest::mouseClick(deskButton("discardPermissionsButton"), Qt::LeftButton);
        QVERIFY(checked(P::ReadEvents, R::Nurse));
        QVERIFY(!permissionCell(P::ReadEvents, R::Nurse).data(Qt::BackgroundRole).isValid());
        QVERIFY(!deskButton("savePermissionsButton")->isEnabled());

        // Unchecking "Reschedule appointments" for receptionists: the hub refuses them at once,
        // and their console loses the desk when the event reaches it.
        const qint64 revokes = audited(QStringLiteral("permission.revoke"));
        toggle(P::ManageAppointments, R::Receptionist);
        QVERIFY(permissionCell(P::ManageAppointments, R::Receptionist)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("Not saved yet.")));
        QVERIFY(deskButton("savePermissionsButton")->isEnabled());
        QVERIFY(savePermissions());
        // (The English plural form comes with translations/wardline_en.ts, merged later.)
        QVERIFY(permissionsStatus().startsWith(QStringLiteral("1 change")));
        QVERIFY(permissionsStatus().contains(QStringLiteral("saved")));
        QCOMPARE(audited(QStringLiteral("permission.revoke")), revokes + 1);
        QCOMPARE(rescheduleQueueStatus(*receptionist), 403);
        QTRY_COMPARE_WITH_TIMEOUT(tabs(), QStringList{QStringLiteral("Inbox")}, Patience);
        QVERIFY(!checked(P::ManageAppointments, R::Receptionist));
        QVERIFY(!desk()->permissions()->hasPendingChanges());

        // Giving the administrators' own role a permission needs a written reason.
        const qint64 selfGrants = audited(QStringLiteral("permission.self_grant"));
        toggle(P::AddNote, R::Administrator);
        QVERIFY(checked(P::AddNote, R::Administrator));
        QVERIFY(!deskButton("savePermissionsButton")->isEnabled());
        auto *reason = desk()->findChild<QLineEdit *>(QStringLiteral("permissionReasonEdit"));
        QVERIFY(reason->placeholderText().startsWith(QStringLiteral("Required")));
        QTest::keyClicks(reason, QStringLiteral("Covering ward notes during the migration"));
        QVERIFY(deskButton("savePermissionsButton")->isEnabled());
        QVERIFY(savePermissions());
        QCOMPARE(audited(QStringLiteral("permission.self_grant")), selfGrants + 1);
        QVERIFY(hubValue(QStringLiteral("SELECT detail FROM audit_log WHERE action = "
                                        "'permission.self_grant' ORDER BY id DESC LIMIT 1"))
                    .toString()
                    .contains(QStringLiteral("Covering ward notes during the migration")));
        QVERIFY(reason->text().isEmpty());

        // Both back as they were (narrowing needs no reason; receptionists get their desk back).
        toggle(P::AddNote, R::Administrator);
        toggle(P::ManageAppointments, R::Receptionist);
        QVERIFY(deskButton("savePermissionsButton")->isEnabled());
        QVERIFY(savePermissions());
        QCOMPARE(rescheduleQueueStatus(*receptionist), 200);
        QTRY_COMPARE_WITH_TIMEOUT(
            tabs(), (QStringList{QStringLiteral("Inbox"), QStringLiteral("Reschedule")}), Patience);
        sync.reset();
    }

    void signingOutEmptiesTheDesk()
    {
        m_home->setHub(nullptr, {});
        QCOMPARE(desk()->model()->rowCount(), 0);
        QVERIFY(!deskButton("newAccountButton")->isEnabled());
    }
};

QTEST_MAIN(TestUsersDesk)
#include "tst_usersdesk.moc"
