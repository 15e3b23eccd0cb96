// wardline: the staff console (DESIGN.md §2). Only start-up lives here; the screens are in ui/.
#include "console/conversationclient.h"
#include "console/hubclient.h"
#include "console/hubtrust.h"
#include "console/idlemonitor.h"
#include "console/sessioncontroller.h"
#include "console/syncengine.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "ui/homewindow.h"
#include "ui/inboxwidget.h"
#include "ui/language.h"
#include "ui/signinwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QPointer>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QUrl>

#include <cstdio>
#include <cstring>
#include <memory>

using Wardline::Console::IdleMonitor;
using Wardline::Console::SessionController;
using Wardline::Ui::HomeWindow;
using Wardline::Ui::Language;
using Wardline::Ui::SignInWindow;

namespace {
// --help and --version print and exit; they must work without a display (e.g. over SSH).
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app =
        onlyPrints(argc, argv) ? std::make_unique<QCoreApplication>(argc, argv)
                               : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Wardline"));
    QCoreApplication::setOrganizationName(QStringLiteral("Wardline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WARDLINE_VERSION));

    // The system's language first, so that --help and errors are already in it.
    const QString systemLanguage = Language::forLocale(QLocale::system());
    if (!Language::apply(systemLanguage))
        (void)Language::apply(QStringLiteral("en"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Wardline::Console", "Wardline staff console."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("Wardline::Console",
                                    "Interface language: en or es (default: the system's)."),
        QStringLiteral("code"));
    const QCommandLineOption hubOption(
        QStringLiteral("hub"),
        QCoreApplication::translate("Wardline::Console",
                                    "Hub address to fill in (default: $WARDLINE_HUB_URL)."),
        QStringLiteral("url"));
    const QCommandLineOption caOption(
        QStringLiteral("hub-ca"),
        QCoreApplication::translate("Wardline::Console",
                                    "PEM file of a certificate authority (or the hub's own "
                                    "certificate) to trust besides the system's (default: "
                                    "$WARDLINE_HUB_CA)."),
        QStringLiteral("file"));
    const QCommandLineOption forgetOption(
        QStringLiteral("forget-hub-certificate"),
        QCoreApplication::translate("Wardline::Console",
                                    "Forget the hub certificate confirmed on this computer for "
                                    "the hub at <url> (after IT replaced it), then exit."),
        QStringLiteral("url"));
    parser.addOption(langOption);
    parser.addOption(hubOption);
    parser.addOption(caOption);
    parser.addOption(forgetOption);
    parser.process(*app);

    if (parser.isSet(forgetOption)) {
        Wardline::Console::HubTrust trust(QStringLiteral("Wardline"));
        int status = 0;
        trust.forget(QUrl(parser.value(forgetOption)), [&status](const Wardline::Core::Status &s) {
            if (!s) {
                std::fprintf(stderr, "%s\n", qPrintable(s.error()));
                status = 1;
            }
            QCoreApplication::quit();
        });
        QCoreApplication::exec();
        return status;
    }

    // The offline unlock hashes with Argon2id: a console whose crypto fails must not start.
    if (QString cryptoError; !Wardline::Core::Crypto::selfTest(&cryptoError)) {
        std::fprintf(stderr, "%s\n", qPrintable(cryptoError));
        return 1;
    }

    if (parser.isSet(langOption)) {
        const QString code = parser.value(langOption).toLower();
        if (!Language::available().contains(code) || !Language::apply(code)) {
            const QString message = QCoreApplication::translate(
                "Wardline::Console", "Unknown interface language \"%1\". Use one of: %2.");
            std::fprintf(stderr, "%s\n",
                         qPrintable(message.arg(parser.value(langOption),
                                                Language::available().join(u", "))));
            return 1;
        }
    }

    SessionController session(
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
        QStringLiteral("/cache"));
    const QString caFile =
        parser.isSet(caOption) ? parser.value(caOption) : qEnvironmentVariable("WARDLINE_HUB_CA");
    if (!caFile.isEmpty())
        session.hub().setExtraCaCertificates(QSslCertificate::fromPath(caFile));

    SignInWindow window;
    HomeWindow home;
    window.setHubAddress(parser.isSet(hubOption) ? parser.value(hubOption)
                                                 : qEnvironmentVariable("WARDLINE_HUB_URL"));
    QObject::connect(
        &window, &SignInWindow::signInRequested, &session,
        [&window, &session](const QString &hub, const QString &user, const QString &password) {
            window.setBusy(true);
            session.signIn(QUrl(hub), user, password);
        });
    QObject::connect(&session, &SessionController::certificateUnconfirmed, &window,
                     [&window](const QString &message, const QString &fingerprint) {
                         window.setBusy(false);
                         window.askToConfirmCertificate(message, fingerprint);
                     });
    QObject::connect(&window, &SignInWindow::certificateConfirmed, &session, [&window, &session] {
        session.confirmCertificate(QUrl(window.hubAddress()));
    });
    QObject::connect(&session, &SessionController::certificateConfirmed, &window,
                     &SignInWindow::retry);
    QObject::connect(&session, &SessionController::hubReachable, &home,
                     &HomeWindow::lockToReconnect);
    QObject::connect(&session, &SessionController::signInFailed, &window,
                     [&window](const QString &message) {
                         window.setBusy(false);
                         window.showError(message);
                         window.clearPassword();
                     });
    // A temporary password (new account, or reset): the user's own first, then the console.
    QObject::connect(&session, &SessionController::passwordChangeRequired, &window,
                     &SignInWindow::askForNewPassword);
    QObject::connect(&window, &SignInWindow::newPasswordChosen, &session,
                     &SessionController::changePassword);
    QObject::connect(&session, &SessionController::passwordChangeFailed, &window,
                     &SignInWindow::rejectNewPassword);
    QObject::connect(&window, &SignInWindow::passwordChangeCancelled, &session,
                     &SessionController::signOut);
    QObject::connect(
        &session, &SessionController::signedIn, &home,
        [&window, &home, &session](const QString &cacheNote) {
            window.endPasswordChange();
            const auto &user = session.session().user;
            home.showSession(user.displayName.isEmpty() ? user.username : user.displayName,
                             user.role, session.session().hub.toString(), cacheNote);
            home.setInbox(session.inbox(), user.id);
            Wardline::Ui::InboxWidget *inbox = home.inbox();
            inbox->setOffline(session.isOffline()); // the footer says more
            if (Wardline::Console::SyncEngine *sync = session.sync()) {
                // The engine lives as long as the session: so do these.
                QObject::connect(
                    sync, &Wardline::Console::SyncEngine::offline, inbox,
                    [inbox](const QString &reason) { inbox->setOffline(true, reason); });
                QObject::connect(sync, &Wardline::Console::SyncEngine::online, inbox,
                                 [inbox] { inbox->setOffline(false); });
                QObject::connect(sync, &Wardline::Console::SyncEngine::eventsApplied, &home,
                                 &HomeWindow::hubEvents);
            }
            home.setHub(session.isOffline() ? nullptr : &session.hub(), session.session());
            window.setBusy(false);
            window.clearPassword();
            window.showError(QString());
            home.show();
            window.hide();
        });
    // The open conversation and the composer. The client lives with the sync engine, which
    // holds the cache it writes drafts and offline sends to, and goes before the cache closes.
    QPointer<Wardline::Console::ConversationClient> conversations;
    QObject::connect(
        &session, &SessionController::signedIn, &home, [&home, &session, &conversations] {
            delete conversations.data();
            Wardline::Console::SyncEngine *sync = session.sync();
            conversations = new Wardline::Console::ConversationClient(
                session.hub(), session.session(), session.cache(), Wardline::Core::Clock::system(),
                sync ? static_cast<QObject *>(sync) : &session);
            conversations->followInbox(session.inbox());
            // Keeping a long conversation takes seconds: never on the window's thread.
            conversations->setCacheWriter(session.cacheWriter());
            if (sync)
                QObject::connect(sync, &Wardline::Console::SyncEngine::online, conversations,
                                 &Wardline::Console::ConversationClient::deliverKept);
            home.setConversationClient(conversations);
        });
    QObject::connect(&session, &SessionController::signedOut, &home, [&home, &conversations] {
        home.setHub(nullptr, {});
        home.setConversationClient(nullptr);
        delete conversations.data();
    });
    QObject::connect(home.inbox(), &Wardline::Ui::InboxWidget::searchRequested, &session,
                     [&home, &session](const QString &query) {
                         // Search runs over the encrypted cache; without one there is none.
                         if (const Wardline::Console::SyncEngine *sync = session.sync())
                             home.inbox()->showSearchResults(sync->search(query));
                     });
    QObject::connect(&home, &HomeWindow::signOutRequested, &session, &SessionController::signOut);
    QObject::connect(&home, &HomeWindow::permissionsChanged, &session,
                     &SessionController::setPermissions);
    QObject::connect(&session, &SessionController::signedOut, &window, [&window, &home] {
        home.hide();
        window.show();
    });

    // Automatic logoff (SECURITY.md §1): idle minutes, Ctrl+L, suspend and screen lock.
    IdleMonitor idle(Wardline::Core::Clock::system());
    idle.watchSystem();
    app->installEventFilter(&idle);
    QObject::connect(&session, &SessionController::signedIn, &idle, [&idle, &session] {
        idle.setIdleMinutes(session.session().idleLockMinutes);
        idle.start();
    });
    QObject::connect(&session, &SessionController::signedOut, &idle, &IdleMonitor::stop);
    QObject::connect(&idle, &IdleMonitor::lockRequested, &home, &HomeWindow::lock);
    QObject::connect(&home, &HomeWindow::locked, &idle, &IdleMonitor::lockNow);
    QObject::connect(&home, &HomeWindow::unlockRequested, &session, &SessionController::unlock);
    QObject::connect(&session, &SessionController::unlockRejected, &home,
                     &HomeWindow::rejectUnlock);
    QObject::connect(&session, &SessionController::unlocked, &home, [&home, &idle] {
        home.unlock();
        idle.unlocked();
    });

    window.show();
    return QApplication::exec();
}
