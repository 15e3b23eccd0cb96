#pragma once

#include <QString>

namespace Wardline::Hub {

/// Staff password rules: libpwquality's checks (dictionary words, too simple, too similar to
/// the user name) plus a minimum length of 12.
namespace PasswordPolicy {

constexpr int MinimumLength = 12;

/// An empty string when \a password is acceptable; otherwise why not, for the person typing it.
[[nodiscard]] QString check(const QString &password, const QString &username);

} // namespace PasswordPolicy
} // namespace Wardline::Hub
