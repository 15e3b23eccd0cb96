#include "hub/permissionapi.h"

#include "core/clock.h"
#include "core/permissions.h"
#include "hub/staffapi.h"
#include "store/auditlog.h"
#include "store/eventlog.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace Wardline::Hub {

using Status = QHttpServerResponse::StatusCode;
using Core::Permission;

PermissionApi::PermissionApi(QSqlDatabase db, StaffApi &staff, const Core::Clock &clock,
                             QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_staff(staff)
    , m_clock(clock)
{
}

void PermissionApi::addRoutes(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/permissions"), QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &request) { return list(request); });
    server.route(QStringLiteral("/api/v1/permissions"), QHttpServerRequest::Method::Put,
                 [this](const QHttpServerRequest &request) { return change(request); });
}

QJsonObject PermissionApi::table() const
{
    const QHash<QString, bool> now = m_staff.permissions().snapshot();
    QJsonArray cells;
    for (Permission permission : Core::allPermissions()) {
        for (Core::Role role : Core::allRoles()) {
            const QString reason = Core::lockReason(role, permission);
            cells.append(QJsonObject{
                {QStringLiteral("role"), Core::roleName(role)},
                {QStringLiteral("permission"), Core::permissionName(permission)},
                {QStringLiteral("allowed"), now.value(PermissionTable::key(role, permission))},
                {QStringLiteral("default"), Core::isAllowed(role, permission)},
                {QStringLiteral("locked"), !reason.isEmpty()},
                {QStringLiteral("lockReason"), reason}});
        }
    }
    return {{QStringLiteral("cells"), cells}};
}

QHttpServerResponse PermissionApi::list(const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    if (!m_staff.authorize(request, Permission::ManageUsers, QStringLiteral("permissions"),
                           &denied))
        return denied;
    return QHttpServerResponse(table());
}

QHttpServerResponse PermissionApi::change(const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto admin =
        m_staff.authorize(request, Permission::ManageUsers, QStringLiteral("permissions"), &denied);
    if (!admin)
        return denied;
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QJsonArray changes = body.value(QLatin1StringView("changes")).toArray();
    const QString reason = body.value(QLatin1StringView("reason")).toString().trimmed();
    const auto bad = [](const QString &code, const QString &message) {
        return StaffApi::error(Status::BadRequest, code, message);
    };
    if (changes.isEmpty())
        return bad(QStringLiteral("bad_request"),
                   QStringLiteral("Send {\"changes\": [{\"role\", \"permission\", \"allowed\"}], "
                                  "\"reason\"}."));

    struct Change
    {
        Core::Role role;
        Permission permission;
        bool allowed;
        bool selfGrant;
    };
    const QHash<QString, bool> before = m_staff.permissions().snapshot();
    QHash<QString, bool> after = before;
    QList<Change> effective; // the cells that really change
    for (const QJsonValue &value : changes) {
        const QJsonObject c = value.toObject();
        const auto role = Core::roleFromName(c.value(QLatin1StringView("role")).toString());
        const auto permission =
            Core::permissionFromName(c.value(QLatin1StringView("permission")).toString());
        const QJsonValue allowedValue = c.value(QLatin1StringView("allowed"));
        if (!role || !permission || !allowedValue.isBool())
            return bad(QStringLiteral("bad_request"),
                       QStringLiteral("Each change needs a known \"role\", a known "
                                      "\"permission\" and \"allowed\" true or false."));
        const bool allowed = allowedValue.toBool();
        const auto locked = Core::lockedValue(*role, *permission);
        if (locked && *locked != allowed)
            return bad(QStringLiteral("locked"), Core::lockReason(*role, *permission));
        const QString key = PermissionTable::key(*role, *permission);
        if (after.value(key) == allowed)
            continue;
        after.insert(key, allowed);
        effective.append({*role, *permission, allowed, allowed && *role == admin->role});
    }
    if (const QString problem = PermissionTable::inconsistency(after); !problem.isEmpty())
        return bad(QStringLiteral("inconsistent"), problem);
    // An administrator widening their own role is legitimate now and then, but never silent:
    // it needs a written reason, has its own audit action, and every console hears of it.
    const bool selfGrant = std::any_of(effective.cbegin(), effective.cend(),
                                       [](const Change &c) { return c.selfGrant; });
    if (selfGrant && reason.isEmpty())
        return bad(QStringLiteral("reason_required"),
                   QStringLiteral("Granting a permission to your own role needs a written "
                                  "reason; it is kept in the audit trail."));
    if (effective.isEmpty())
        return QHttpServerResponse(table());

    if (!m_db.transaction())
        return StaffApi::error(Status::ServiceUnavailable, QStringLiteral("busy"),
                               QStringLiteral("The hub is busy; try again in a moment."));
    const QString now = m_clock.now().toUTC().toString(Qt::ISODateWithMs);
    bool ok = true;
    QJsonArray announced;
    for (const Change &c : std::as_const(effective)) {
        const QString role = Core::roleName(c.role);
        const QString permission = Core::permissionName(c.permission);
        QSqlQuery q(m_db);
        q.prepare(
            QStringLiteral("DELETE FROM permission_overrides WHERE role = ? AND permission = ?"));
        q.addBindValue(role);
        q.addBindValue(permission);
        ok = q.exec();
        // Only differences from the defaults are kept, so a new default in a later version
        // reaches every cell nobody chose.
        if (ok && c.allowed != Core::isAllowed(c.role, c.permission)) {
            q.prepare(QStringLiteral("INSERT INTO permission_overrides (role, permission, "
                                     "allowed, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)"));
            q.addBindValue(role);
            q.addBindValue(permission);
            q.addBindValue(c.allowed ? 1 : 0);
            q.addBindValue(admin->username);
            q.addBindValue(now);
            ok = q.exec();
        }
        const QString action = c.selfGrant ? QStringLiteral("permission.self_grant")
                               : c.allowed ? QStringLiteral("permission.grant")
                                           : QStringLiteral("permission.revoke");
        ok =
            ok && Store::AuditLog(m_db, m_clock)
                      .append(admin->username, action,
                              QStringLiteral("permission:%1/%2").arg(role, permission),
                              StaffApi::origin(request, {{QStringLiteral("role"), role},
                                                         {QStringLiteral("permission"), permission},
                                                         {QStringLiteral("reason"), reason}}))
                      .ok();
        announced.append(QJsonObject{{QStringLiteral("role"), role},
                                     {QStringLiteral("permission"), permission},
                                     {QStringLiteral("allowed"), c.allowed}});
        if (!ok)
            break;
    }
    ok = ok && Store::EventLog(m_db)
                   .append(QStringLiteral("permissions.changed"),
                           {{QStringLiteral("changes"), announced},
                            {QStringLiteral("selfGrant"), selfGrant},
                            {QStringLiteral("by"), admin->username}},
                           m_clock.now())
                   .ok();
    if (!ok || !m_db.commit()) {
        (void)m_db.rollback();
        return StaffApi::error(Status::InternalServerError, QStringLiteral("storage"),
                               QStringLiteral("The permission table could not be saved; try "
                                              "again."));
    }
    return QHttpServerResponse(table());
}

} // namespace Wardline::Hub
