#include "hub/userapi.h"

#include "core/clock.h"
#include "core/crypto.h"
#include "core/permissions.h"
#include "core/user.h"
#include "hub/passwordpolicy.h"
#include "hub/staffapi.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/sessionrepository.h"
#include "store/userrepository.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace Wardline::Hub {

using Core::Permission;
using Status = QHttpServerResponse::StatusCode;

namespace {
QHttpServerResponse refused(const QString &message)
{
    return StaffApi::error(Status::BadRequest, QStringLiteral("refused"), message);
}

qint64 activeAdministrators(QSqlDatabase db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT count(*) FROM users WHERE role = 'administrator' AND "
                                 "active = 1")) &&
                   q.next()
               ? q.value(0).toLongLong()
               : 0;
}
} // namespace

UserApi::UserApi(QSqlDatabase db, StaffApi &staff, const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_staff(staff)
    , m_clock(clock)
{
}

void UserApi::addRoutes(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/api/v1/users"), Method::Get,
                 [this](const QHttpServerRequest &request) { return list(request); });
    server.route(QStringLiteral("/api/v1/users"), Method::Post,
                 [this](const QHttpServerRequest &request) { return create(request); });
    server.route(
        QStringLiteral("/api/v1/users/<arg>"), Method::Patch,
        [this](qint64 id, const QHttpServerRequest &request) { return update(id, request); });
    server.route(QStringLiteral("/api/v1/users/<arg>/reset-password"), Method::Post,
                 [this](qint64 id, const QHttpServerRequest &request) {
                     return resetPassword(id, request);
                 });
    server.route(
        QStringLiteral("/api/v1/users/<arg>/unlock"), Method::Post,
        [this](qint64 id, const QHttpServerRequest &request) { return unlock(id, request); });
    server.route(QStringLiteral("/api/v1/session/password"), Method::Post,
                 [this](const QHttpServerRequest &request) { return changeOwnPassword(request); });
}

std::optional<UserApi::Account> UserApi::onAccount(qint64 id, const QHttpServerRequest &request,
                                                   QHttpServerResponse *denied)
{
    const auto admin = m_staff.authorize(request, Permission::ManageUsers,
                                         QStringLiteral("user:%1").arg(id), denied);
    if (!admin)
        return std::nullopt;
    const auto user = Store::UserRepository(m_db, m_clock).findById(id);
    if (!user) {
        *denied = StaffApi::error(Status::NotFound, QStringLiteral("not_found"),
                                  QStringLiteral("There is no such account."));
        return std::nullopt;
    }
    return Account{*admin, *user};
}

QString UserApi::temporaryPassword(const QString &username)
{
    // Random and long; regenerated in the rare case the site's rules still object.
    QString password;
    do {
        password = Core::Crypto::randomToken(15);
    } while (!PasswordPolicy::check(password, username).isEmpty());
    return password;
}

QHttpServerResponse UserApi::change(const Core::User &admin, const QHttpServerRequest &request,
                                    const QString &action, const qint64 &id,
                                    const std::function<Core::Status()> &work,
                                    const std::function<QHttpServerResponse()> &answer)
{
    if (!m_db.transaction())
        return StaffApi::error(Status::ServiceUnavailable, QStringLiteral("busy"),
                               QStringLiteral("The hub is busy; try again in a moment."));
    Core::Status done = work();
    if (done)
        done = Store::AuditLog(m_db, m_clock)
                   .append(admin.username, action, QStringLiteral("user:%1").arg(id),
                           StaffApi::origin(request));
    if (!done || !m_db.commit()) {
        (void)m_db.rollback();
        return refused(done ? QStringLiteral("The change could not be saved; try again.")
                            : done.error());
    }
    return answer();
}

QHttpServerResponse UserApi::list(const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    if (!m_staff.authorize(request, Permission::ManageUsers, QStringLiteral("users"), &denied))
        return denied;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, username, display_name, role, active, "
                               "must_change_password, failed_sign_ins, locked_until, last_sign_in, "
                               "created_at FROM users ORDER BY username")))
        return StaffApi::error(Status::InternalServerError, QStringLiteral("storage"),
                               Store::Database::describe(q.lastError()));
    QJsonArray users;
    while (q.next())
        users.append(QJsonObject{{QStringLiteral("id"), q.value(0).toLongLong()},
                                 {QStringLiteral("username"), q.value(1).toString()},
                                 {QStringLiteral("displayName"), q.value(2).toString()},
                                 {QStringLiteral("role"), q.value(3).toString()},
                                 {QStringLiteral("active"), q.value(4).toBool()},
                                 {QStringLiteral("mustChangePassword"), q.value(5).toBool()},
                                 {QStringLiteral("failedSignIns"), q.value(6).toInt()},
                                 {QStringLiteral("lockedUntil"), q.value(7).toString()},
                                 {QStringLiteral("lastSignIn"), q.value(8).toString()},
                                 {QStringLiteral("createdAt"), q.value(9).toString()}});
    return QHttpServerResponse(QJsonObject{{QStringLiteral("users"), users}});
}

QHttpServerResponse UserApi::create(const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto admin =
        m_staff.authorize(request, Permission::ManageUsers, QStringLiteral("users"), &denied);
    if (!admin)
        return denied;
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QString username = body.value(u"username").toString().trimmed();
    const auto role = Core::roleFromName(body.value(u"role").toString());
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9._-]{2,64}$"));
    if (!valid.match(username).hasMatch() || !role)
        return refused(QStringLiteral("A user name is 2 to 64 letters, digits, dots, dashes or "
                                      "underscores, and the role one of nurse, receptionist, "
                                      "physician, administrator, auditor."));
    const QString password = temporaryPassword(username);
    qint64 id = 0;
    return change(
        *admin, request, QStringLiteral("user.create"), id,
        [&]() -> Core::Status {
            auto user = Store::UserRepository(m_db, m_clock)
                            .create(username, *role, Core::Crypto::hashPassword(password),
                                    body.value(u"displayName").toString().trimmed());
            if (!user)
                return Core::Status::failure(user.error());
            id = user->id;
            return Store::Database::exec(
                m_db, QStringLiteral("UPDATE users SET must_change_password = 1 WHERE id = ?"),
                {id});
        },
        [&] {
            return QHttpServerResponse(QJsonObject{{QStringLiteral("id"), id},
                                                   {QStringLiteral("temporaryPassword"), password}},
                                       Status::Created);
        });
}

QHttpServerResponse UserApi::update(qint64 id, const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto account = onAccount(id, request, &denied);
    if (!account)
        return denied;
    const Core::User *admin = &account->admin;
    const Core::User *user = &account->user;
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const auto role = body.contains(u"role") ? Core::roleFromName(body.value(u"role").toString())
                                             : std::optional(user->role);
    const bool active = body.value(u"active").toBool(user->active);
    if (!role)
        return refused(QStringLiteral("Unknown role."));
    // Changing one's own role or access goes through another administrator, so no one grants
    // themselves rights (auditor) or locks the site out by accident.
    if (id == admin->id && (*role != user->role || !active))
        return refused(QStringLiteral("Ask another administrator to change your own role or "
                                      "access."));
    const bool losesAdmin = user->role == Core::Role::Administrator && user->active &&
                            (*role != Core::Role::Administrator || !active);
    if (losesAdmin && activeAdministrators(m_db) <= 1)
        return refused(QStringLiteral("This is the last active administrator; make someone else "
                                      "an administrator first."));
    return change(
        *admin, request, QStringLiteral("user.update"), id,
        [&]() -> Core::Status {
            if (auto s = Store::Database::exec(
                    m_db,
                    QStringLiteral("UPDATE users SET display_name = ?, role = ?, active = ? "
                                   "WHERE id = ?"),
                    {body.value(u"displayName").toString(user->displayName), Core::roleName(*role),
                     active, id});
                !s)
                return s;
            // A changed role or a deactivated account starts again from sign-in.
            if (*role != user->role || !active)
                return Store::SessionRepository(m_db).removeForUser(id);
            return {};
        },
        [] { return QHttpServerResponse(Status::NoContent); });
}

QHttpServerResponse UserApi::resetPassword(qint64 id, const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto account = onAccount(id, request, &denied);
    if (!account)
        return denied;
    const Core::User *admin = &account->admin;
    const Core::User *user = &account->user;
    const QString password = temporaryPassword(user->username);
    return change(
        *admin, request, QStringLiteral("user.reset_password"), id,
        [&]() -> Core::Status {
            if (auto s = Store::Database::exec(
                    m_db,
                    QStringLiteral("UPDATE users SET password_hash = ?, must_change_password = 1, "
                                   "failed_sign_ins = 0, locked_until = NULL WHERE id = ?"),
                    {QString::fromLatin1(Core::Crypto::hashPassword(password)), id});
                !s)
                return s;
            return Store::SessionRepository(m_db).removeForUser(id);
        },
        [&] {
            return QHttpServerResponse(
                QJsonObject{{QStringLiteral("temporaryPassword"), password}});
        });
}

QHttpServerResponse UserApi::unlock(qint64 id, const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto account = onAccount(id, request, &denied);
    if (!account)
        return denied;
    const Core::User *admin = &account->admin;
    return change(
        *admin, request, QStringLiteral("user.unlock"), id,
        [&]() {
            return Store::Database::exec(
                m_db,
                QStringLiteral(
                    "UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?"),
                {id});
        },
        [] { return QHttpServerResponse(Status::NoContent); });
}

QHttpServerResponse UserApi::changeOwnPassword(const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto user = m_staff.authenticate(request, &denied);
    if (!user)
        return denied;
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QString current = body.value(u"current").toString();
    const QString next = body.value(u"new").toString();
    Store::UserRepository users(m_db, m_clock);
    if (!Core::Crypto::verifyPassword(current, users.passwordHash(user->id)))
        return StaffApi::error(Status::Forbidden, QStringLiteral("bad_credentials"),
                               QStringLiteral("The current password is not right."));
    if (const QString weak = PasswordPolicy::check(next, user->username); !weak.isEmpty())
        return refused(weak);
    if (next == current)
        return refused(QStringLiteral("Choose a password different from the current one."));
    return change(
        *user, request, QStringLiteral("user.change_password"), user->id,
        [&]() {
            return Store::Database::exec(
                m_db,
                QStringLiteral("UPDATE users SET password_hash = ?, must_change_password = 0 "
                               "WHERE id = ?"),
                {QString::fromLatin1(Core::Crypto::hashPassword(next)), user->id});
        },
        [] { return QHttpServerResponse(Status::NoContent); });
}

} // namespace Wardline::Hub
