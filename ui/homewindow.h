#pragma once

#include "console/hubsession.h"
#include "console/inboxstore.h"
#include "core/role.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QShortcut;
class QStackedWidget;
class QTabBar;

namespace Wardline::Console {
class CannedResponses;
class ConversationClient;
class HubClient;
struct HubSession;
} // namespace Wardline::Console

namespace Wardline::Ui {

class ConversationView;
class Desk;
class InboxWidget;
class LockScreen;
class ShortcutsHelp;

/// What a signed-in staff member sees first: the triaged inbox, who is signed in, to which hub,
/// and whether this workstation keeps an encrypted copy.
class HomeWindow : public QWidget
{
    Q_OBJECT

public:
    explicit HomeWindow(QWidget *parent = nullptr);

    /// \a cacheNote empty: the encrypted local copy is in use; else why there is none.
    void showSession(const QString &name, Core::Role role, const QString &hubAddress,
                     const QString &cacheNote);
    /// Shows \a store's conversations for the staff member \a userId (store not owned).
    void setInbox(Console::InboxStore *store, qint64 userId);
    [[nodiscard]] InboxWidget *inbox() const { return m_inbox; }
    /// The conversation beside the inbox; a conversation activated in the inbox opens there.
    [[nodiscard]] ConversationView *conversationView() const { return m_conversation; }
    /// The signed-in session's conversations (not owned; nullptr when signed out).
    void setConversationClient(Console::ConversationClient *client);
    [[nodiscard]] bool isLocked() const { return m_locked; }

    /// The desks beside the inbox (photo review, reschedule, templates, users, settings,
    /// audit), in tab order; each is shown only to roles with its permission.
    [[nodiscard]] const QList<Desk *> &desks() const { return m_desks; }
    /// The desk of class \a T, or nullptr.
    template<typename T> [[nodiscard]] T *desk() const
    {
        for (Desk *d : m_desks) {
            if (auto *found = qobject_cast<T *>(d))
                return found;
        }
        return nullptr;
    }
    /// Shows the inbox (\a desk nullptr) or \a desk, when the signed-in role may see it.
    bool showDesk(Desk *desk);
    /// The signed-in session's hub, for the desks (nullptr on sign-out; \a hub not owned).
    void setHub(Console::HubClient *hub, const Console::HubSession &session);
    /// Changes the hub reported (their kinds), for the desks to refresh. When the permission
    /// table changed, the session's permissions are read again and the tabs follow them.
    void hubEvents(const QStringList &kinds);
    /// What the signed-in user may do now (the hub's answer; Core's defaults before it came).
    [[nodiscard]] const QStringList &permissions() const { return m_permissions; }

public Q_SLOTS:
    /// Hides every patient detail behind the lock screen (idle, Ctrl+L, suspend, screen lock).
    void lock();
    /// An offline session's hub answers again: locks, asking for the password to reconnect.
    void lockToReconnect();
    /// The password was accepted: shows the window as it was.
    void unlock();
    /// The password was not accepted (see LockScreen::reject).
    void rejectUnlock(const QString &message, bool wrongPassword);
    /// Shows the keyboard shortcuts (F1).
    void showShortcuts();

Q_SIGNALS:
    void signOutRequested();
    /// The console locked itself (Ctrl+L) or was locked; emitted once per lock.
    void locked();
    /// The user typed \a password on the lock screen; answer with unlock() or rejectUnlock().
    void unlockRequested(const QString &password);
    /// Ctrl+Shift+C: claim the conversation that is open.
    void claimRequested();
    /// Ctrl+R: put the cursor in the reply box.
    void composerFocusRequested();
    /// The user opened a conversation from the inbox.
    void conversationActivated(qint64 id);
    /// The hub's permission table changed what the signed-in user may do.
    void permissionsChanged(const QStringList &permissions);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void installShortcuts();
    /// Moves the inbox's current conversation by \a step rows and opens it.
    void stepConversation(int step);
    void nextEmergency();
    /// One tab per screen the role may see: the inbox for roles that read conversations,
    /// then each desk the permission table allows. \a keepCurrent: the screen shown stays
    /// when it is still allowed; otherwise the first one is shown.
    void rebuildTabs(bool keepCurrent);
    [[nodiscard]] bool roleSeesInbox() const;
    [[nodiscard]] bool allows(Core::Permission permission) const;
    /// Applies \a permissions: desks given or denied their hub, the tabs rebuilt, the screen
    /// shown kept when it is still allowed.
    void applyPermissions(const QStringList &permissions);
    void followCannedResponses();
    /// Reads GET /api/v1/session again for the permissions in force.
    void rereadPermissions();

    QLabel *m_titleLabel = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_hubLabel = nullptr;
    QLabel *m_cacheLabel = nullptr;
    QTabBar *m_tabs = nullptr;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_inboxPage = nullptr;
    QList<Desk *> m_desks;
    /// The session's canned responses for the composer (staff who send messages).
    Console::CannedResponses *m_canned = nullptr;
    InboxWidget *m_inbox = nullptr;
    ConversationView *m_conversation = nullptr;
    QPushButton *m_signOutButton = nullptr;
    LockScreen *m_lockScreen = nullptr;
    ShortcutsHelp *m_shortcutsHelp = nullptr;
    QList<QShortcut *> m_shortcuts;
    QList<QWidget *> m_hiddenByLock;
    QString m_titleBeforeLock;
    bool m_locked = false;

    QString m_name;
    Core::Role m_role = Core::Role::Nurse;
    QStringList m_permissions;
    Console::HubClient *m_hubClient = nullptr;
    Console::HubSession m_session;
    QString m_hub;
    QString m_cacheNote;
};

} // namespace Wardline::Ui
