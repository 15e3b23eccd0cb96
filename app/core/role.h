#pragma once

#include <QString>

#include <array>
#include <optional>

namespace Wardline::Core {

/// A staff member's role; what each may do is decided by the permission table.
enum class Role { Nurse, Receptionist, Physician, Administrator, Auditor };

/// The stable name used in the database, the API and the CLI ("nurse", "administrator", ...).
[[nodiscard]] QString roleName(Role role);
/// Parses a stable name (case-insensitive); nullopt when unknown.
[[nodiscard]] std::optional<Role> roleFromName(QStringView name);
/// The role as staff read it, in the current UI language.
[[nodiscard]] QString roleDisplayName(Role role);
/// Every role, in the order screens list them.
[[nodiscard]] const std::array<Role, 5> &allRoles();

} // namespace Wardline::Core
