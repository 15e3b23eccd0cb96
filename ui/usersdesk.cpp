#include "ui/usersdesk.h"

#include "console/adminclient.h"
#include "ui/permissionsmodel.h"
#include "ui/temporarypassworddialog.h"
#include "ui/userdialog.h"
#include "ui/usersmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Wardline::Ui {

namespace {
QString nameOf(const Core::User &user)
{
    return user.displayName.isEmpty() ? user.username : user.displayName;
}
} // namespace

UsersDesk::UsersDesk(QWidget *parent)
    : Desk(parent)
    , m_model(new UsersModel(this))
    , m_permissions(new PermissionsModel(this))
{
    setObjectName(QStringLiteral("usersdesk"));

    m_headingLabel = new QLabel(this);
    m_headingLabel->setWordWrap(true);

    const auto button = [this](const char *name, void (UsersDesk::*slot)()) {
        auto *b = new QPushButton(this);
        b->setObjectName(QLatin1String(name));
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    m_newButton = button("newAccountButton", &UsersDesk::createAccount);
    m_editButton = button("editAccountButton", &UsersDesk::editAccount);
    m_resetButton = button("resetPasswordButton", &UsersDesk::resetPassword);
    m_unlockButton = button("unlockButton", &UsersDesk::unlockAccount);
    m_activeButton = button("activeButton", &UsersDesk::toggleActive);
    m_refreshButton = button("refreshButton", &UsersDesk::refresh);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("usersView"));
    // Hundreds of accounts at a hospital: sortable by any column and searchable.
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(UsersModel::SortRole);
    m_sorted->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_sorted->setFilterKeyColumn(-1);
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(UsersModel::UsernameColumn, Qt::AscendingOrder);
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("usersSearchEdit"));
    m_searchEdit->setClearButtonEnabled(true);
    connect(m_searchEdit, &QLineEdit::textChanged, this, &UsersDesk::setSearchText);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &UsersDesk::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &UsersDesk::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &UsersDesk::updateButtons);
    connect(m_view, &QTableView::doubleClicked, this, &UsersDesk::editAccount);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("usersStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText); // the hub's words
    m_statusLabel->hide();

    // Two short rows rather than one long one, so the longer Spanish texts still fit a narrow
    // window: the desk's own actions, then those on the selected account.
    auto *deskActions = new QHBoxLayout;
    deskActions->addWidget(m_newButton);
    deskActions->addWidget(m_searchEdit, 1);
    deskActions->addWidget(m_refreshButton);
    auto *accountActions = new QHBoxLayout;
    accountActions->addWidget(m_editButton);
    accountActions->addWidget(m_resetButton);
    accountActions->addWidget(m_unlockButton);
    accountActions->addWidget(m_activeButton);
    accountActions->addStretch();
    auto *actions = new QVBoxLayout;
    actions->addLayout(deskActions);
    actions->addLayout(accountActions);

    auto *accounts = new QWidget(this);
    auto *accountsLayout = new QVBoxLayout(accounts);
    accountsLayout->addWidget(m_headingLabel);
    accountsLayout->addLayout(actions);
    accountsLayout->addWidget(m_view, 1);
    accountsLayout->addWidget(m_statusLabel);

    auto *roles = new QWidget(this);
    m_permissionsNote = new QLabel(roles);
    m_permissionsNote->setWordWrap(true);
    m_permissionsView = new QTableView(roles);
    m_permissionsView->setObjectName(QStringLiteral("permissionsView"));
    m_permissionsView->setModel(m_permissions);
    m_permissionsView->setSelectionMode(QAbstractItemView::NoSelection);
    // Cells are checked and unchecked with a click or the space bar; there is no text to edit.
    m_permissionsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_permissionsView->setWordWrap(true);
    m_permissionsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_permissionsView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_reasonLabel = new QLabel(roles);
    m_reasonLabel->setWordWrap(true);
    m_reasonEdit = new QLineEdit(roles);
    m_reasonEdit->setObjectName(QStringLiteral("permissionReasonEdit"));
    m_reasonEdit->setMaxLength(500);
    m_reasonLabel->setBuddy(m_reasonEdit);
    m_savePermissionsButton = new QPushButton(roles);
    m_savePermissionsButton->setObjectName(QStringLiteral("savePermissionsButton"));
    m_discardPermissionsButton = new QPushButton(roles);
    m_discardPermissionsButton->setObjectName(QStringLiteral("discardPermissionsButton"));
    m_permissionsStatus = new QLabel(roles);
    m_permissionsStatus->setObjectName(QStringLiteral("permissionsStatusLabel"));
    m_permissionsStatus->setWordWrap(true);
    m_permissionsStatus->setTextFormat(Qt::PlainText); // the hub's words
    m_permissionsStatus->hide();
    connect(m_savePermissionsButton, &QPushButton::clicked, this, &UsersDesk::savePermissions);
    connect(m_discardPermissionsButton, &QPushButton::clicked, this,
            &UsersDesk::discardPermissions);
    connect(m_reasonEdit, &QLineEdit::textChanged, this, &UsersDesk::updatePermissionButtons);
    connect(m_permissions, &PermissionsModel::pendingChangesChanged, this,
            &UsersDesk::updatePermissionButtons);
    auto *reasonRow = new QHBoxLayout;
    reasonRow->addWidget(m_reasonLabel);
    reasonRow->addWidget(m_reasonEdit, 1);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_permissionsStatus, 1);
    saveRow->addWidget(m_discardPermissionsButton);
    saveRow->addWidget(m_savePermissionsButton);
    auto *rolesLayout = new QVBoxLayout(roles);
    rolesLayout->addWidget(m_permissionsNote);
    rolesLayout->addWidget(m_permissionsView, 1);
    rolesLayout->addLayout(reasonRow);
    rolesLayout->addLayout(saveRow);

    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("usersPages"));
    m_pages->addTab(accounts, QString());
    m_pages->addTab(roles, QString());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    retranslateUi();
    updateButtons();
}

UsersDesk::~UsersDesk() = default;

QString UsersDesk::title() const
{
    return tr("Users");
}

void UsersDesk::retranslateUi()
{
    m_headingLabel->setText(tr("Staff accounts on this hub. A change takes effect at once and is "
                               "written to the audit trail."));
    m_newButton->setText(tr("&New account…"));
    m_editButton->setText(tr("&Edit…"));
    m_resetButton->setText(tr("&Reset password…"));
    m_unlockButton->setText(tr("&Unlock…"));
    m_refreshButton->setText(tr("Re&fresh"));
    m_searchEdit->setPlaceholderText(tr("Search by user name, name, role or state"));
    m_pages->setTabText(0, tr("Accounts"));
    m_pages->setTabText(1, tr("Roles and permissions"));
    m_permissionsNote->setText(
        tr("What each role may do. The hub checks every request against this table and writes "
           "each refusal and each change to the audit trail. Give each role only what its work "
           "needs; greyed cells cannot be changed (point at one to see why)."));
    m_reasonLabel->setText(tr("&Reason for the change:"));
    m_savePermissionsButton->setText(tr("&Save changes"));
    m_discardPermissionsButton->setText(tr("&Discard changes"));
    updateButtons();
    updatePermissionButtons();
}

void UsersDesk::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // The headers and the role and state names are words of the new language: the
        // columns fit them again.
        m_view->horizontalHeader()->resizeSections(QHeaderView::ResizeToContents);
        Q_EMIT titleChanged();
    }
    Desk::changeEvent(event);
}

void UsersDesk::setHub(Console::HubClient *hub, const Console::HubSession &session)
{
    // Answers for the previous session go with its client.
    delete std::exchange(m_client, nullptr);
    delete m_dialog.data();
    m_model->setUsers({});
    m_permissions->clear();
    m_reasonEdit->clear();
    showStatus(QString(), false);
    showPermissionsStatus(QString(), false);
    if (!hub) {
        m_session = {};
        updateButtons();
        updatePermissionButtons();
        return;
    }
    m_session = session;
    m_client = new Console::AdminClient(*hub, session, this);
    refresh();
    refreshPermissions();
}

void UsersDesk::hubEvents(const QStringList &kinds)
{
    // Another administrator changed the table: show it, unless this one is in the middle of
    // changing it (their save is checked against the hub's table anyway).
    if (kinds.contains(QStringLiteral("permissions.changed")) &&
        !m_permissions->hasPendingChanges())
        refreshPermissions();
}

void UsersDesk::activated()
{
    refresh();
}

void UsersDesk::refreshPermissions()
{
    if (!m_client)
        return;
    m_client->permissionTable([this](Core::Result<QList<Console::PermissionCell>> cells) {
        if (!cells)
            showPermissionsStatus(cells.error(), true);
        else
            m_permissions->setCells(cells.value());
        updatePermissionButtons();
        Q_EMIT permissionsRefreshed();
    });
}

void UsersDesk::updatePermissionButtons()
{
    const bool pending = m_client && m_permissions->hasPendingChanges();
    const bool selfGrant = pending && m_permissions->grantsTo(m_session.user.role);
    // Widening one's own role is allowed, but never silently: the reason goes to the audit trail.
    m_reasonEdit->setPlaceholderText(selfGrant
                                         ? tr("Required: you are giving your own role a permission")
                                         : tr("Optional; kept in the audit trail"));
    m_savePermissionsButton->setEnabled(pending &&
                                        (!selfGrant || !m_reasonEdit->text().trimmed().isEmpty()));
    m_discardPermissionsButton->setEnabled(pending);
}

void UsersDesk::showPermissionsStatus(const QString &message, bool error)
{
    m_permissionsStatus->setText(message);
    m_permissionsStatus->setStyleSheet(error ? QStringLiteral("color: #8c1d18;")
                                             : QStringLiteral("color: #0b4a6f;"));
    m_permissionsStatus->setProperty("error", error);
    m_permissionsStatus->setVisible(!message.isEmpty());
}

void UsersDesk::discardPermissions()
{
    m_permissions->discardChanges();
    showPermissionsStatus(QString(), false);
}

void UsersDesk::savePermissions()
{
    if (!m_client || !m_permissions->hasPendingChanges())
        return;
    const QList<Console::PermissionCell> changes = m_permissions->pendingChanges();
    m_savePermissionsButton->setEnabled(false);
    m_client->savePermissions(
        changes, m_reasonEdit->text(),
        [this, count = int(changes.size())](std::optional<Console::PermissionRefusal> refused) {
            if (!refused) {
                m_reasonEdit->clear();
                showPermissionsStatus(
                    tr("%n change(s) saved. They apply at once, on every console.", nullptr, count),
                    false);
                refreshPermissions(); // the hub's table, as it now enforces it
                Q_EMIT permissionsSaved(true);
                return;
            }
            // The hub's codes in the staff's language; its own words for anything else.
            QString message = refused->message;
            if (refused->code == QLatin1StringView("locked"))
                message = tr("One of the changes touches a permission that cannot be changed. "
                             "Nothing was saved.");
            else if (refused->code == QLatin1StringView("inconsistent"))
                message = tr("A role that reads conversations also needs “Keep an inbox”. "
                             "Nothing was saved.");
            else if (refused->code == QLatin1StringView("reason_required"))
                message = tr("You are giving your own role a permission: write the reason, it "
                             "is kept in the audit trail. Nothing was saved.");
            showPermissionsStatus(message, true);
            updatePermissionButtons();
            Q_EMIT permissionsSaved(false);
        });
}

void UsersDesk::refresh()
{
    if (!m_client)
        return;
    const qint64 keep = selected() ? selected()->id : 0;
    m_client->users([this, keep](Core::Result<QList<Core::User>> users) {
        if (!users) {
            showStatus(users.error(), true);
        } else {
            m_model->setUsers(users.value());
            if (keep)
                select(keep);
        }
        updateButtons();
        Q_EMIT refreshed();
    });
}

bool UsersDesk::select(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex shown = m_sorted->mapFromSource(m_model->index(row, 0));
    if (!shown.isValid())
        return false;
    m_view->selectRow(shown.row());
    return true;
}

const Core::User *UsersDesk::selected() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : &m_model->userAt(m_sorted->mapToSource(rows.first()).row());
}

void UsersDesk::setSearchText(const QString &text)
{
    if (m_searchEdit->text() != text)
        m_searchEdit->setText(text); // comes back here through textChanged
    m_sorted->setFilterFixedString(text.trimmed());
    updateButtons();
}

void UsersDesk::updateButtons()
{
    const Core::User *user = selected();
    const bool online = m_client != nullptr;
    const bool own = user && user->id == m_session.user.id;
    m_newButton->setEnabled(online);
    m_refreshButton->setEnabled(online);
    m_editButton->setEnabled(online && user);
    m_resetButton->setEnabled(online && user && user->active);
    m_unlockButton->setEnabled(online && user &&
                               (m_model->isLocked(*user) || user->failedSignIns > 0));
    m_activeButton->setText(user && !user->active ? tr("Re&activate…") : tr("&Deactivate…"));
    // The hub refuses it too: another administrator changes one's own access.
    m_activeButton->setEnabled(online && user && !own);
    m_activeButton->setToolTip(own ? tr("Another administrator must change your own access.")
                                   : QString());
}

void UsersDesk::showStatus(const QString &message, bool error)
{
    m_statusLabel->setText(message);
    m_statusLabel->setStyleSheet(error ? QStringLiteral("color: #8c1d18;")
                                       : QStringLiteral("color: #0b4a6f;"));
    m_statusLabel->setProperty("error", error);
    m_statusLabel->setVisible(!message.isEmpty());
}

void UsersDesk::report(const Core::Status &done, const QString &message)
{
    showStatus(done ? message : done.error(), !done);
    refresh();
}

void UsersDesk::confirm(const QString &question, const QString &action, std::function<void()> then)
{
    delete m_dialog.data();
    auto *box =
        new QMessageBox(QMessageBox::Question, title(), question, QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *go = box->addButton(action, QMessageBox::AcceptRole);
    go->setObjectName(QStringLiteral("confirmButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [box, go, then = std::move(then)] {
        if (box->clickedButton() == go)
            then();
    });
    m_dialog = box;
    box->open();
}

void UsersDesk::showTemporaryPassword(const QString &username, const QString &password)
{
    delete m_dialog.data();
    auto *dialog = new TemporaryPasswordDialog(username, password, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    dialog->open();
}

void UsersDesk::createAccount()
{
    if (!m_client)
        return;
    delete m_dialog.data();
    auto *dialog = new UserDialog(nullptr, false, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &UserDialog::submitted, this, [this, dialog] {
        if (!m_client)
            return;
        const QString username = dialog->username();
        m_client->createUser(
            username, dialog->displayName(), dialog->role(),
            [this, username, dialog = QPointer<UserDialog>(dialog)](Core::Result<QString> pw) {
                if (!pw) {
                    if (dialog)
                        dialog->showError(pw.error());
                    else
                        showStatus(pw.error(), true);
                    return;
                }
                if (dialog)
                    dialog->finish();
                showStatus(tr("The account %1 was created.").arg(username), false);
                showTemporaryPassword(username, pw.value());
                refresh();
            });
    });
    m_dialog = dialog;
    dialog->open();
}

void UsersDesk::editAccount()
{
    const Core::User *user = selected();
    if (!m_client || !user)
        return;
    delete m_dialog.data();
    const Core::User account = *user;
    auto *dialog = new UserDialog(&account, account.id == m_session.user.id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &UserDialog::submitted, this, [this, dialog, account] {
        if (!m_client)
            return;
        m_client->updateUser(
            account.id, dialog->displayName(), dialog->role(), account.active,
            [this, account, dialog = QPointer<UserDialog>(dialog)](Core::Status done) {
                if (!done && dialog) {
                    dialog->showError(done.error());
                    return;
                }
                if (dialog)
                    dialog->finish();
                report(done, tr("The account %1 was changed.").arg(account.username));
            });
    });
    m_dialog = dialog;
    dialog->open();
}

void UsersDesk::resetPassword()
{
    const Core::User *user = selected();
    if (!m_client || !user)
        return;
    const Core::User account = *user;
    confirm(tr("Give %1 a new temporary password? Their current password stops working and they "
               "are signed out everywhere.")
                .arg(nameOf(account)),
            tr("Reset password"), [this, account] {
                if (!m_client)
                    return;
                m_client->resetPassword(account.id, [this, account](Core::Result<QString> pw) {
                    if (!pw) {
                        showStatus(pw.error(), true);
                        return;
                    }
                    showStatus(tr("%1 has a new temporary password.").arg(account.username), false);
                    showTemporaryPassword(account.username, pw.value());
                    refresh();
                });
            });
}

void UsersDesk::unlockAccount()
{
    const Core::User *user = selected();
    if (!m_client || !user)
        return;
    const Core::User account = *user;
    confirm(tr("Unlock the account of %1? Do it only when you know it was them who mistyped "
               "their password.")
                .arg(nameOf(account)),
            tr("Unlock"), [this, account] {
                if (!m_client)
                    return;
                m_client->unlock(account.id, [this, account](Core::Status done) {
                    report(done,
                           tr("The account %1 is unlocked and may sign in.").arg(account.username));
                });
            });
}

void UsersDesk::toggleActive()
{
    const Core::User *user = selected();
    if (!m_client || !user)
        return;
    const Core::User account = *user;
    const bool activate = !account.active;
    const QString question =
        activate ? tr("Reactivate the account of %1? They can sign in again with their password.")
                       .arg(nameOf(account))
                 : tr("Deactivate the account of %1? They are signed out everywhere and cannot "
                      "sign in until an administrator reactivates the account. Nothing they did "
                      "is deleted.")
                       .arg(nameOf(account));
    confirm(question, activate ? tr("Reactivate") : tr("Deactivate"), [this, account, activate] {
        if (!m_client)
            return;
        m_client->updateUser(
            account.id, account.displayName, account.role, activate,
            [this, account, activate](Core::Status done) {
                report(done, activate ? tr("The account %1 is active again.").arg(account.username)
                                      : tr("The account %1 is deactivated.").arg(account.username));
            });
    });
}

} // namespace Wardline::Ui
