#pragma once

#include "console/hubsession.h"
#include "core/result.h"
#include "ui/desk.h"

#include <QPointer>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace Wardline::Console {
class AdminClient;
}

namespace Wardline::Ui {

class PermissionsModel;
class UsersModel;

/// Staff accounts and roles: create, edit, deactivate, reset passwords, unlock (administrators).
/// Every change goes to the hub, which checks and audits it; the list is read again after each.
/// Dialogs open window-modal with open(), never exec(), so nothing waits on them.
class UsersDesk : public Desk
{
    Q_OBJECT
public:
    explicit UsersDesk(QWidget *parent = nullptr);
    ~UsersDesk() override;

    [[nodiscard]] QString title() const override;
    [[nodiscard]] Core::Permission permission() const override
    {
        return Core::Permission::ManageUsers;
    }
    void setHub(Console::HubClient *hub, const Console::HubSession &session) override;
    void hubEvents(const QStringList &kinds) override;
    void activated() override;

    [[nodiscard]] UsersModel *model() const { return m_model; }
    [[nodiscard]] QTableView *view() const { return m_view; }
    /// Shows only the accounts whose user name, name, role or state contains \a text.
    void setSearchText(const QString &text);
    /// The roles' permissions as the hub enforces them; administrators change them here.
    [[nodiscard]] PermissionsModel *permissions() const { return m_permissions; }
    [[nodiscard]] QTableView *permissionsView() const { return m_permissionsView; }
    /// Selects account \a id in the list; false when it is not shown.
    bool select(qint64 id);

public Q_SLOTS:
    /// Reads the accounts from the hub again.
    void refresh();
    /// The actions of the buttons, on the selected account (asking first where it matters).
    void createAccount();
    void editAccount();
    void resetPassword();
    void unlockAccount();
    void toggleActive();
    /// Reads the permission table from the hub again (unsaved changes are dropped).
    void refreshPermissions();
    /// Sends the changed cells to the hub, all or nothing.
    void savePermissions();
    void discardPermissions();

Q_SIGNALS:
    /// The list was read from the hub (or failed to be; see statusText()).
    void refreshed();
    /// The permission table was read from the hub (or failed to be).
    void permissionsRefreshed();
    /// The hub answered a save of the permission table (\a saved false: it refused).
    void permissionsSaved(bool saved);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateButtons();
    [[nodiscard]] const Core::User *selected() const;
    /// Asks \a question with \a action as the button that goes ahead; \a then runs only then.
    void confirm(const QString &question, const QString &action, std::function<void()> then);
    void showTemporaryPassword(const QString &username, const QString &password);
    void showStatus(const QString &message, bool error);
    /// \a message when the hub said yes (and the list is read again), else its reason.
    void report(const Core::Status &done, const QString &message);
    void updatePermissionButtons();
    void showPermissionsStatus(const QString &message, bool error);

    UsersModel *m_model;
    QTableView *m_view = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr; ///< m_model as the view shows it
    QLineEdit *m_searchEdit = nullptr;
    PermissionsModel *m_permissions;
    QTableView *m_permissionsView = nullptr;
    QTabWidget *m_pages = nullptr;
    QLabel *m_permissionsNote = nullptr;
    QLabel *m_reasonLabel = nullptr;
    QLineEdit *m_reasonEdit = nullptr;
    QPushButton *m_savePermissionsButton = nullptr;
    QPushButton *m_discardPermissionsButton = nullptr;
    QLabel *m_permissionsStatus = nullptr;
    QLabel *m_headingLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_resetButton = nullptr;
    QPushButton *m_unlockButton = nullptr;
    QPushButton *m_activeButton = nullptr;
    QPushButton *m_refreshButton = nullptr;
    Console::AdminClient *m_client = nullptr;
    Console::HubSession m_session;
    QPointer<QWidget> m_dialog; ///< the one dialog open over the desk
};

} // namespace Wardline::Ui
