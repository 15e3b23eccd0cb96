#pragma once

#include "core/role.h"

#include <QString>

#include <array>
#include <optional>

namespace Wardline::Core {

/// What a request may do. The hub checks every request against this table; a console hiding a
/// button is convenience, not security (DESIGN.md §6).
enum class Permission {
    ReadEvents,         ///< sync: the event stream of conversations the role may see
    ReadClinical,       ///< conversations other than appointments (nurses, physicians)
    ReadAppointments,   ///< appointment conversations and patient contact details
    SendMessage,        ///< text or template to a patient
    AssignConversation, ///< claim, assign, transfer
    CloseConversation,  ///< close and reopen
    AddNote,            ///< internal notes
    ViewMedia,          ///< photos and documents patients sent
    ReviewPhotos,       ///< post-op photo outcomes
    ManageAppointments, ///< reschedule queue
    ManageTemplates,    ///< create and submit templates
    ManageUsers,        ///< accounts, roles, unlock
    ManageSettings,     ///< site settings
    ViewAudit,          ///< the audit trail
    ExportPatient,      ///< right-of-access export
};

/// The stable name of \a permission ("send_message", ...), for the API and the audit trail.
[[nodiscard]] QString permissionName(Permission permission);

/// Parses a stable name; nullopt when unknown.
[[nodiscard]] std::optional<Permission> permissionFromName(QStringView name);
/// Every permission, in the order screens list them.
[[nodiscard]] const std::array<Permission, 15> &allPermissions();

/// Whether \a role has \a permission by default (see permissions.cpp for why). The hub's
/// administrators may change the table within limits (Hub::PermissionTable); what a signed-in
/// user may do is the hub's answer, not this.
[[nodiscard]] bool isAllowed(Role role, Permission permission);

/// The value a cell always keeps, when nobody may change it (the administrator always manages
/// users and settings, the auditor always reads the trail and never anything clinical).
[[nodiscard]] std::optional<bool> lockedValue(Role role, Permission permission);
/// Why a cell is locked, in English for the API (empty when it is not locked).
[[nodiscard]] QString lockReason(Role role, Permission permission);

} // namespace Wardline::Core
