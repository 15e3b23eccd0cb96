#pragma once

#include "core/role.h"

#include <QString>

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

/// Whether \a role has \a permission (the default table; see permissions.cpp for why).
[[nodiscard]] bool isAllowed(Role role, Permission permission);

} // namespace Wardline::Core
