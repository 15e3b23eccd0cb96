#include "console/consoleshell.h"

#include "console/conversationclient.h"
#include "console/idlemonitor.h"
#include "console/sessioncontroller.h"
#include "console/syncengine.h"
#include "ui/conversationview.h"
#include "ui/homewindow.h"
#include "ui/inboxwidget.h"
#include "ui/signinwindow.h"

#include <QUrl>

namespace Wardline::Console {

using Ui::HomeWindow;
using Ui::InboxWidget;
using Ui::SignInWindow;

ConsoleShell::ConsoleShell(SessionController &session, const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_clock(clock)
    , m_window(std::make_unique<SignInWindow>())
    , m_home(std::make_unique<HomeWindow>())
    , m_idle(std::make_unique<IdleMonitor>(clock))
{
    m_session.setClock(clock);
    m_home->inbox()->setClock(&clock);
    m_home->conversationView()->setClock(&clock);
    wireSignIn();
    wireSession();
    wireIdleLock();
}

ConsoleShell::~ConsoleShell()
{
    // The client belongs to the session's sync engine; it must not outlive the windows' use.
    m_home->setConversationClient(nullptr);
}

ConversationClient *ConsoleShell::conversations() const
{
    return m_conversations;
}

void ConsoleShell::start()
{
    m_window->show();
}

void ConsoleShell::wireSignIn()
{
    SignInWindow *window = m_window.get();
    connect(window, &SignInWindow::signInRequested, this,
            [this](const QString &hub, const QString &user, const QString &password) {
                m_window->setBusy(true);
                m_session.signIn(QUrl(hub), user, password);
            });
    connect(&m_session, &SessionController::certificateUnconfirmed, window,
            [window](const QString &message, const QString &fingerprint) {
                window->setBusy(false);
                window->askToConfirmCertificate(message, fingerprint);
            });
    connect(window, &SignInWindow::certificateConfirmed, this,
            [this] { m_session.confirmCertificate(QUrl(m_window->hubAddress())); });
    connect(&m_session, &SessionController::certificateConfirmed, window, &SignInWindow::retry);
    connect(&m_session, &SessionController::signInFailed, window, [window](const QString &message) {
        window->setBusy(false);
        window->showError(message);
        window->clearPassword();
    });
    // A temporary password (new account, or reset): the user's own first, then the console.
    connect(&m_session, &SessionController::passwordChangeRequired, window,
            &SignInWindow::askForNewPassword);
    connect(window, &SignInWindow::newPasswordChosen, &m_session,
            &SessionController::changePassword);
    connect(&m_session, &SessionController::passwordChangeFailed, window,
            &SignInWindow::rejectNewPassword);
    connect(window, &SignInWindow::passwordChangeCancelled, &m_session,
            &SessionController::signOut);
}

void ConsoleShell::wireSession()
{
    HomeWindow *home = m_home.get();
    connect(&m_session, &SessionController::hubReachable, home, &HomeWindow::lockToReconnect);
    connect(&m_session, &SessionController::signedIn, this, &ConsoleShell::showHome);
    connect(&m_session, &SessionController::signedIn, this, &ConsoleShell::openConversations);
    connect(&m_session, &SessionController::signedOut, this, [this] {
        m_home->setHub(nullptr, {});
        m_home->setConversationClient(nullptr);
        delete m_conversations.data();
        m_home->hide();
        m_window->show();
    });
    connect(home->inbox(), &InboxWidget::searchRequested, this, [this](const QString &query) {
        // Search runs over the encrypted cache, on its worker; without a cache there is none.
        if (SyncEngine *sync = m_session.sync())
            sync->search(query);
    });
    connect(home, &HomeWindow::signOutRequested, &m_session, &SessionController::signOut);
    connect(home, &HomeWindow::permissionsChanged, &m_session, &SessionController::setPermissions);
}

void ConsoleShell::showHome(const QString &cacheNote)
{
    m_window->endPasswordChange();
    const auto &user = m_session.session().user;
    m_home->showSession(user.displayName.isEmpty() ? user.username : user.displayName, user.role,
                        m_session.session().hub.toString(), cacheNote);
    m_home->setInbox(m_session.inbox(), user.id);
    InboxWidget *inbox = m_home->inbox();
    inbox->setOffline(m_session.isOffline()); // the footer says more
    if (SyncEngine *sync = m_session.sync()) {
        // The engine lives as long as the session: so do these.
        connect(sync, &SyncEngine::offline, inbox,
                [inbox](const QString &reason) { inbox->setOffline(true, reason); });
        connect(sync, &SyncEngine::online, inbox, [inbox] { inbox->setOffline(false); });
        connect(sync, &SyncEngine::eventsApplied, m_home.get(), &HomeWindow::hubEvents);
        connect(sync, &SyncEngine::searchFinished, inbox,
                [inbox](const QString &query, const QList<qint64> &found) {
                    inbox->showSearchResults(found, query);
                });
    }
    m_home->setHub(m_session.isOffline() ? nullptr : &m_session.hub(), m_session.session());
    m_window->setBusy(false);
    m_window->clearPassword();
    m_window->showError(QString());
    m_home->show();
    m_window->hide();
}

// The open conversation and the composer. The client lives with the sync engine, which holds
// the cache it writes drafts and offline sends to, and goes before the cache closes.
void ConsoleShell::openConversations()
{
    delete m_conversations.data();
    SyncEngine *sync = m_session.sync();
    m_conversations = new ConversationClient(
        m_session.hub(), m_session.session(), m_session.cache(), m_clock,
        sync ? static_cast<QObject *>(sync) : static_cast<QObject *>(&m_session));
    m_conversations->followInbox(m_session.inbox());
    // Keeping a long conversation takes seconds: never on the window's thread.
    m_conversations->setCacheWriter(m_session.cacheWriter());
    if (sync) {
        connect(sync, &SyncEngine::online, m_conversations.data(),
                &ConversationClient::deliverKept);
    }
    m_home->setConversationClient(m_conversations);
}

// Automatic logoff (SECURITY.md §1): idle minutes, Ctrl+L, suspend and screen lock.
void ConsoleShell::wireIdleLock()
{
    IdleMonitor *idle = m_idle.get();
    HomeWindow *home = m_home.get();
    connect(&m_session, &SessionController::signedIn, idle, [this] {
        m_idle->setIdleMinutes(m_session.session().idleLockMinutes);
        m_idle->start();
    });
    connect(&m_session, &SessionController::signedOut, idle, &IdleMonitor::stop);
    connect(idle, &IdleMonitor::lockRequested, home, &HomeWindow::lock);
    connect(home, &HomeWindow::locked, idle, &IdleMonitor::lockNow);
    connect(home, &HomeWindow::unlockRequested, &m_session, &SessionController::unlock);
    connect(&m_session, &SessionController::unlockRejected, home, &HomeWindow::rejectUnlock);
    connect(&m_session, &SessionController::unlocked, home, [this] {
        m_home->unlock();
        m_idle->unlocked();
    });
}

} // namespace Wardline::Console
