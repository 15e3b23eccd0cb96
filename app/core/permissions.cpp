#include "core/permissions.h"

#include <array>

namespace Wardline::Core {

namespace {
struct Row
{
    Permission permission;
    const char *name;
    // nurse, receptionist, physician, administrator, auditor
    std::array<bool, 5> allowed;
};

// Minimum necessary (HIPAA §164.502(b)): receptionists see appointments, not clinical
// conversations; auditors read the trail and nothing clinical; administrators run the system
// but do not answer patients.
constexpr std::array<Row, 15> Table{{
    {Permission::ReadEvents, "read_events", {true, true, true, true, false}},
    {Permission::ReadClinical, "read_clinical", {true, false, true, false, false}},
    {Permission::ReadAppointments, "read_appointments", {true, true, true, false, false}},
    {Permission::SendMessage, "send_message", {true, true, true, false, false}},
    {Permission::AssignConversation, "assign_conversation", {true, true, true, false, false}},
    {Permission::CloseConversation, "close_conversation", {true, true, true, false, false}},
    {Permission::AddNote, "add_note", {true, true, true, false, false}},
    {Permission::ViewMedia, "view_media", {true, false, true, false, false}},
    {Permission::ReviewPhotos, "review_photos", {true, false, true, false, false}},
    {Permission::ManageAppointments, "manage_appointments", {false, true, false, true, false}},
    {Permission::ManageTemplates, "manage_templates", {false, false, false, true, false}},
    {Permission::ManageUsers, "manage_users", {false, false, false, true, false}},
    {Permission::ManageSettings, "manage_settings", {false, false, false, true, false}},
    {Permission::ViewAudit, "view_audit", {false, false, false, true, true}},
    {Permission::ExportPatient, "export_patient", {false, false, false, true, true}},
}};

int column(Role role)
{
    switch (role) {
    case Role::Nurse:
        return 0;
    case Role::Receptionist:
        return 1;
    case Role::Physician:
        return 2;
    case Role::Administrator:
        return 3;
    case Role::Auditor:
        return 4;
    }
    return -1;
}

const Row *find(Permission permission)
{
    for (const Row &row : Table) {
        if (row.permission == permission)
            return &row;
    }
    return nullptr;
}
} // namespace

QString permissionName(Permission permission)
{
    const Row *row = find(permission);
    return row ? QString::fromLatin1(row->name) : QString();
}

std::optional<Permission> permissionFromName(QStringView name)
{
    for (const Row &row : Table) {
        if (name == QLatin1StringView(row.name))
            return row.permission;
    }
    return std::nullopt;
}

const std::array<Permission, 15> &allPermissions()
{
    static const std::array<Permission, 15> all = [] {
        std::array<Permission, 15> list{};
        for (size_t i = 0; i < Table.size(); ++i)
            list[i] = Table[i].permission;
        return list;
    }();
    return all;
}

std::optional<bool> lockedValue(Role role, Permission permission)
{
    // Nobody can lock the site out of its own accounts and settings.
    if (role == Role::Administrator &&
        (permission == Permission::ManageUsers || permission == Permission::ManageSettings))
        return true;
    if (role == Role::Auditor) {
        // The auditor's independence: it reads the trail, and never takes part in care.
        switch (permission) {
        case Permission::ViewAudit:
            return true;
        case Permission::ReadClinical:
        case Permission::SendMessage:
        case Permission::ViewMedia:
        case Permission::ReviewPhotos:
        case Permission::AddNote:
            return false;
        default:
            break;
        }
    }
    return std::nullopt;
}

QString lockReason(Role role, Permission permission)
{
    const auto locked = lockedValue(role, permission);
    if (!locked)
        return {};
    if (role == Role::Administrator)
        return QStringLiteral("Administrators always keep this permission, so the site can never "
                              "be locked out of its accounts and settings.");
    if (*locked)
        return QStringLiteral("Auditors always keep the audit trail.");
    return QStringLiteral("Auditors never take part in care: clinical and sending permissions "
                          "cannot be given to them.");
}

bool isAllowed(Role role, Permission permission)
{
    const Row *row = find(permission);
    const int c = column(role);
    return row && c >= 0 && row->allowed[size_t(c)];
}

} // namespace Wardline::Core
