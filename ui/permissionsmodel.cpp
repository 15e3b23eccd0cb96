#include "ui/permissionsmodel.h"

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
    // Shown, never changed here: the hub enforces this table as built.
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemNeverHasChildren : Qt::NoItemFlags;
}

QVariant PermissionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Permission permission = permissionAt(index.row());
    const bool allowed = Core::isAllowed(roleAt(index.column()), permission);
    switch (role) {
    case Qt::CheckStateRole:
        return allowed ? Qt::Checked : Qt::Unchecked;
    case Qt::AccessibleTextRole:
    case Qt::ToolTipRole:
        return (allowed ? tr("%1 may: %2") : tr("%1 may not: %2"))
            .arg(Core::roleDisplayName(roleAt(index.column())), description(permission));
    default:
        return {};
    }
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
