#pragma once

#include "core/permissions.h"
#include "core/role.h"

#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

namespace Wardline::Hub {

/// What each role may do on this site: Core's defaults with the administrators' changes
/// (table permission_overrides). Every hub check asks this, never Core::isAllowed. There is no
/// cache: a check is one primary-key lookup, and hubs sharing a database see a change made on
/// another at their very next check.
class PermissionTable
{
public:
    explicit PermissionTable(QSqlDatabase db);

    /// Whether \a role has \a permission now (the default when the read fails: the table is
    /// never widened by an error).
    [[nodiscard]] bool allows(Core::Role role, Core::Permission permission) const;
    /// The names of every permission \a role has now, in the table's order.
    [[nodiscard]] QStringList namesFor(Core::Role role) const;

    /// The whole table now, keyed by (role, permission) names "role/permission".
    [[nodiscard]] QHash<QString, bool> snapshot() const;
    [[nodiscard]] static QString key(Core::Role role, Core::Permission permission);

    /// Why \a table (a full snapshot) may not be kept, in English; empty when it may.
    [[nodiscard]] static QString inconsistency(const QHash<QString, bool> &table);

private:
    QSqlDatabase m_db;
};

} // namespace Wardline::Hub
