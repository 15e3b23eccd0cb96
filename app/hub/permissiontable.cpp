#include "hub/permissiontable.h"

#include "hub/logging.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Wardline::Hub {

PermissionTable::PermissionTable(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString PermissionTable::key(Core::Role role, Core::Permission permission)
{
    return Core::roleName(role) + u'/' + Core::permissionName(permission);
}

bool PermissionTable::allows(Core::Role role, Core::Permission permission) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT allowed FROM permission_overrides WHERE role = ? AND permission = ?"));
    q.addBindValue(Core::roleName(role));
    q.addBindValue(Core::permissionName(permission));
    if (!q.exec()) {
        qCWarning(lcHub, "the permission table cannot be read: %s",
                  qUtf8Printable(q.lastError().text()));
        return false;
    }
    if (q.next())
        return q.value(0).toInt() != 0;
    return Core::isAllowed(role, permission);
}

QHash<QString, bool> PermissionTable::snapshot() const
{
    QHash<QString, bool> table;
    for (Core::Role role : Core::allRoles()) {
        for (Core::Permission permission : Core::allPermissions())
            table.insert(key(role, permission), Core::isAllowed(role, permission));
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT role, permission, allowed FROM permission_overrides"))) {
        qCWarning(lcHub, "the permission table cannot be read: %s",
                  qUtf8Printable(q.lastError().text()));
        return table;
    }
    while (q.next()) {
        const QString k = q.value(0).toString() + u'/' + q.value(1).toString();
        if (table.contains(k)) // a name this version does not know is ignored
            table.insert(k, q.value(2).toInt() != 0);
    }
    return table;
}

QStringList PermissionTable::namesFor(Core::Role role) const
{
    const QHash<QString, bool> table = snapshot();
    QStringList names;
    for (Core::Permission permission : Core::allPermissions()) {
        if (table.value(key(role, permission)))
            names.append(Core::permissionName(permission));
    }
    return names;
}

QString PermissionTable::inconsistency(const QHash<QString, bool> &table)
{
    using Core::Permission;
    for (Core::Role role : Core::allRoles()) {
        if (table.value(key(role, Permission::ReadEvents)))
            continue;
        // Conversations reach a console only through the event stream and the inbox, both
        // behind read_events: reading them without it would be a permission that does nothing.
        for (Permission needs : {Permission::ReadClinical, Permission::ReadAppointments}) {
            if (table.value(key(role, needs)))
                return QStringLiteral("The role %1 cannot have %2 without read_events.")
                    .arg(Core::roleName(role), Core::permissionName(needs));
        }
    }
    return {};
}

} // namespace Wardline::Hub
