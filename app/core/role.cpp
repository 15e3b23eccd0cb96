#include "core/role.h"

#include <QCoreApplication>

#include <array>

namespace Wardline::Core {

namespace {
struct RoleInfo
{
    Role role;
    const char *name;
    const char *display;
};

constexpr std::array<RoleInfo, 5> Roles{{
    {Role::Nurse, "nurse", QT_TRANSLATE_NOOP("Wardline::Role", "Nurse")},
    {Role::Receptionist, "receptionist", QT_TRANSLATE_NOOP("Wardline::Role", "Receptionist")},
    {Role::Physician, "physician", QT_TRANSLATE_NOOP("Wardline::Role", "Physician")},
    {Role::Administrator, "administrator", QT_TRANSLATE_NOOP("Wardline::Role", "Administrator")},
    {Role::Auditor, "auditor", QT_TRANSLATE_NOOP("Wardline::Role", "Auditor")},
}};

const RoleInfo &info(Role role)
{
    for (const RoleInfo &r : Roles) {
        if (r.role == role)
            return r;
    }
    Q_UNREACHABLE();
}
} // namespace

QString roleName(Role role)
{
    return QString::fromLatin1(info(role).name);
}

std::optional<Role> roleFromName(QStringView name)
{
    for (const RoleInfo &r : Roles) {
        if (name.compare(QLatin1StringView(r.name), Qt::CaseInsensitive) == 0)
            return r.role;
    }
    return std::nullopt;
}

QString roleDisplayName(Role role)
{
    return QCoreApplication::translate("Wardline::Role", info(role).display);
}

const std::array<Role, 5> &allRoles()
{
    static const std::array<Role, 5> roles{Role::Nurse, Role::Receptionist, Role::Physician,
                                           Role::Administrator, Role::Auditor};
    return roles;
}

} // namespace Wardline::Core
