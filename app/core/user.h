#pragma once

#include "core/role.h"

#include <QDateTime>
#include <QString>

namespace Wardline::Core {

/// A staff account as the hub keeps it (the password hash never leaves the hub's store).
struct User
{
    qint64 id = 0;
    QString username;
    QString displayName;
    Role role = Role::Nurse;
    bool active = true;
    bool mustChangePassword = false;
    int failedSignIns = 0;
    QDateTime lockedUntil;
    QDateTime lastSignIn;
    QDateTime createdAt;
};

} // namespace Wardline::Core
