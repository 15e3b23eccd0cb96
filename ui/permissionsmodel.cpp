#include "ui/permissionsmodel.h"

#include <QColor>
#include <QFont>

#include <algorithm>

namespace Wardline::Ui {

using Core::Permission;

PermissionsModel::PermissionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

const QList<Permission> &PermissionsModel::permissions()
{
    static const QList<Permission> all = {
        Permission::ReadEvents,
        Permission::ReadClinical,
        Permission::ReadAppointments,
        Permission::SendMessage,
        Permission::AssignConversation,
        Permission::CloseConversation,
        Permission::AddNote,
        Permission::ViewMedia,
        Permission::ReviewPhotos,
        Permission::ManageAppointments,
        Permission::ManageTemplates,
        Permission::ManageUsers,
        Permission::ManageSettings,
        Permission::ViewAudit,
        Permission::ExportPatient,
    };
    return all;
}

Core::Role PermissionsModel::roleAt(int column) const
{
    return Core::allRoles().at(size_t(column));
}

int PermissionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(permissions().size());
}

int PermissionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Core::allRoles().size());
}

Qt::ItemFlags PermissionsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    // Before the hub's table arrives the grid shows the defaults, which are not what to edit.
    if (!isEditable())
        return Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    // A locked cell is shown disabled; its tooltip says why.
    if (m_cells.at(slot(index)).locked)
        return Qt::ItemNeverHasChildren;
    return Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

bool PermissionsModel::allowedAt(const QModelIndex &index) const
{
    const int at = slot(index);
    if (m_pending.contains(at))
        return m_pending.value(at);
    if (isEditable())
        return m_cells.at(at).allowed;
    return Core::isAllowed(roleAt(index.column()), permissionAt(index.row()));
}

QVariant PermissionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Permission permission = permissionAt(index.row());
    const Core::Role staffRole = roleAt(index.column());
    const bool allowed = allowedAt(index);
    const bool pending = m_pending.contains(slot(index));
    switch (role) {
    case Qt::CheckStateRole:
        return allowed ? Qt::Checked : Qt::Unchecked;
    case Qt::AccessibleTextRole:
    case Qt::ToolTipRole: {
        const QString who = Core::roleDisplayName(staffRole);
        if (isEditable() && m_cells.at(slot(index)).locked) {
            const QString why = lockText(staffRole, permission);
            return why.isEmpty() ? m_cells.at(slot(index)).lockReason : why;
        }
        if (pending)
            return (allowed ? tr("Not saved yet. %1 may: %2") : tr("Not saved yet. %1 may not: %2"))
                .arg(who, description(permission));
        return (allowed ? tr("%1 may: %2") : tr("%1 may not: %2"))
            .arg(who, description(permission));
    }
    case Qt::FontRole:
        if (pending) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::BackgroundRole:
        // Changed cells stand out until they are saved or discarded.
        return pending ? QVariant(QColor(255, 224, 130)) : QVariant();
    default:
        return {};
    }
}

bool PermissionsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !isEditable() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const int at = slot(index);
    if (m_cells.at(at).locked)
        return false;
    const bool allowed = value.toInt() == Qt::Checked;
    if (allowed == m_cells.at(at).allowed)
        m_pending.remove(at); // back to what the hub has: nothing to save
    else
        m_pending.insert(at, allowed);
    Q_EMIT dataChanged(index, index,
                       {Qt::CheckStateRole, Qt::ToolTipRole, Qt::AccessibleTextRole, Qt::FontRole,
                        Qt::BackgroundRole});
    Q_EMIT pendingChangesChanged();
    return true;
}

void PermissionsModel::setCells(const QList<Console::PermissionCell> &cells)
{
    QList<Console::PermissionCell> grid;
    for (Permission permission : permissions()) {
        for (Core::Role staffRole : Core::allRoles()) {
            const auto found =
                std::find_if(cells.cbegin(), cells.cend(), [&](const Console::PermissionCell &c) {
                    return c.role == staffRole && c.permission == permission;
                });
            if (found == cells.cend()) {
                // Not in the hub's answer: shown, and never sent back as a change.
                Console::PermissionCell missing;
                missing.role = staffRole;
                missing.permission = permission;
                missing.allowed = Core::isAllowed(staffRole, permission);
                missing.defaultAllowed = missing.allowed;
                missing.locked = true;
                grid.append(missing);
            } else {
                grid.append(*found);
            }
        }
    }
    beginResetModel();
    m_cells = cells.isEmpty() ? QList<Console::PermissionCell>() : grid;
    m_pending.clear();
    endResetModel();
    Q_EMIT pendingChangesChanged();
}

void PermissionsModel::clear()
{
    setCells({});
}

QList<Console::PermissionCell> PermissionsModel::pendingChanges() const
{
    QList<Console::PermissionCell> changes;
    for (int at = 0; at < m_cells.size(); ++at) {
        if (!m_pending.contains(at))
            continue;
        Console::PermissionCell change = m_cells.at(at);
        change.allowed = m_pending.value(at);
        changes.append(change);
    }
    return changes;
}

bool PermissionsModel::grantsTo(Core::Role role) const
{
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (it.value() && m_cells.at(it.key()).role == role)
            return true;
    }
    return false;
}

void PermissionsModel::discardChanges()
{
    if (m_pending.isEmpty())
        return;
    const QList<int> changed = m_pending.keys();
    m_pending.clear();
    for (int at : changed) {
        const QModelIndex cell = index(at / columnCount(), at % columnCount());
        Q_EMIT dataChanged(cell, cell,
                           {Qt::CheckStateRole, Qt::ToolTipRole, Qt::AccessibleTextRole,
                            Qt::FontRole, Qt::BackgroundRole});
    }
    Q_EMIT pendingChangesChanged();
}

QString PermissionsModel::lockText(Core::Role role, Permission permission)
{
    const auto locked = Core::lockedValue(role, permission);
    if (!locked)
        return {};
    if (role == Core::Role::Administrator)
        return tr("Administrators always keep this permission, so the site can never be locked "
                  "out of its accounts and settings.");
    if (*locked)
        return tr("Auditors always keep the audit trail.");
    return tr("Auditors never take part in care: clinical and sending permissions cannot be "
              "given to them.");
}

QVariant PermissionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section < columnCount())
        return Core::roleDisplayName(roleAt(section));
    if (orientation == Qt::Vertical && section < rowCount()) {
        if (role == Qt::DisplayRole)
            return displayName(permissionAt(section));
        if (role == Qt::ToolTipRole)
            return description(permissionAt(section));
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

QString PermissionsModel::displayName(Permission permission)
{
    switch (permission) {
    case Permission::ReadEvents:
        return tr("Keep an inbox");
    case Permission::ReadClinical:
        return tr("Read clinical conversations");
    case Permission::ReadAppointments:
        return tr("Read appointment conversations");
    case Permission::SendMessage:
        return tr("Write to patients");
    case Permission::AssignConversation:
        return tr("Claim and assign conversations");
    case Permission::CloseConversation:
        return tr("Close and reopen conversations");
    case Permission::AddNote:
        return tr("Add internal notes");
    case Permission::ViewMedia:
        return tr("See patients' photos and documents");
    case Permission::ReviewPhotos:
        return tr("Review post-op photos");
    case Permission::ManageAppointments:
        return tr("Reschedule appointments");
    case Permission::ManageTemplates:
        return tr("Manage message templates");
    case Permission::ManageUsers:
        return tr("Manage staff accounts");
    case Permission::ManageSettings:
        return tr("Change site settings");
    case Permission::ViewAudit:
        return tr("Read the audit trail");
    case Permission::ExportPatient:
        return tr("Export a patient's record");
    }
    return Core::permissionName(permission);
}

QString PermissionsModel::description(Permission permission)
{
    switch (permission) {
    case Permission::ReadEvents:
        return tr("the live inbox of the conversations the role may read");
    case Permission::ReadClinical:
        return tr("conversations about symptoms, medication and results");
    case Permission::ReadAppointments:
        return tr("conversations about appointments, and patients' contact details");
    case Permission::SendMessage:
        return tr("send replies and templates to patients");
    case Permission::AssignConversation:
        return tr("claim a conversation, assign or transfer it to a colleague");
    case Permission::CloseConversation:
        return tr("close a conversation and open it again");
    case Permission::AddNote:
        return tr("write notes that only staff see");
    case Permission::ViewMedia:
        return tr("open the photos and documents patients sent");
    case Permission::ReviewPhotos:
        return tr("record the outcome of a post-op photo review");
    case Permission::ManageAppointments:
        return tr("work the queue of patients who asked for another slot");
    case Permission::ManageTemplates:
        return tr("create templates and submit them for approval");
    case Permission::ManageUsers:
        return tr("create, change, deactivate and unlock accounts");
    case Permission::ManageSettings:
        return tr("change the site settings");
    case Permission::ViewAudit:
        return tr("see who did what, and verify the trail");
    case Permission::ExportPatient:
        return tr("export everything held about one patient (right of access)");
    }
    return {};
}

} // namespace Wardline::Ui
