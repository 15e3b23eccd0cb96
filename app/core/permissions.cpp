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

bool isAllowed(Role role, Permission permission)
{
    const Row *row = find(permission);
    const int c = column(role);
    return row && c >= 0 && row->allowed[size_t(c)];
}

} // namespace Wardline::Core
