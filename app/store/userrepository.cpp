#include "store/userrepository.h"

#include "core/clock.h"
#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Wardline::Store {

using Core::Result;
using Core::User;

namespace {
QDateTime parseTime(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}
} // namespace

UserRepository::UserRepository(QSqlDatabase db, const Core::Clock &clock)
    : m_db(std::move(db))
    , m_clock(clock)
{
}

Result<User> UserRepository::create(const QString &username, Core::Role role,
                                    const QByteArray &passwordHash, const QString &displayName)
{
    if (findByName(username))
        return Result<User>::failure(
            QStringLiteral("There is already an account named \"%1\"").arg(username));
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO users (username, display_name, role, password_hash, "
                                 "must_change_password, created_at) "
                                 "VALUES (:username, :display, :role, :hash, 0, :created)"));
    query.bindValue(QStringLiteral(":username"), username);
    query.bindValue(QStringLiteral(":display"), displayName);
    query.bindValue(QStringLiteral(":role"), Core::roleName(role));
    query.bindValue(QStringLiteral(":hash"), QString::fromLatin1(passwordHash));
    query.bindValue(QStringLiteral(":created"), m_clock.now());
    if (!query.exec())
        return Result<User>::failure(QStringLiteral("Unable to add the account: %1")
                                         .arg(Database::describe(query.lastError())));
    auto user = findByName(username);
    if (!user)
        return Result<User>::failure(QStringLiteral("The new account could not be read back"));
    return *user;
}

std::optional<User> UserRepository::findByName(const QString &username) const
{
    return findWhere(QStringLiteral("username = ?"), username);
}

std::optional<User> UserRepository::findById(qint64 id) const
{
    return findWhere(QStringLiteral("id = ?"), id);
}

std::optional<User> UserRepository::findWhere(const QString &condition, const QVariant &value) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id, username, display_name, role, active, "
                                 "must_change_password, failed_sign_ins, locked_until, "
                                 "last_sign_in, created_at FROM users WHERE ") +
                  condition);
    query.addBindValue(value);
    if (!query.exec() || !query.next())
        return std::nullopt;
    User u;
    u.id = query.value(0).toLongLong();
    u.username = query.value(1).toString();
    u.displayName = query.value(2).toString();
    u.role = Core::roleFromName(query.value(3).toString()).value_or(Core::Role::Nurse);
    u.active = query.value(4).toBool();
    u.mustChangePassword = query.value(5).toBool();
    u.failedSignIns = query.value(6).toInt();
    u.lockedUntil = parseTime(query.value(7));
    u.lastSignIn = parseTime(query.value(8));
    u.createdAt = parseTime(query.value(9));
    return u;
}

QByteArray UserRepository::passwordHash(qint64 userId) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"));
    query.addBindValue(userId);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString().toLatin1();
}

Result<int> UserRepository::recordFailedSignIn(qint64 userId, int lockAfter,
                                               const QDateTime &lockUntil)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE users SET failed_sign_ins = failed_sign_ins + 1, "
        "locked_until = CASE WHEN failed_sign_ins + 1 >= ? THEN ? ELSE locked_until END "
        "WHERE id = ? RETURNING failed_sign_ins"));
    query.addBindValue(lockAfter);
    query.addBindValue(lockUntil);
    query.addBindValue(userId);
    if (!query.exec() || !query.next())
        return Result<int>::failure(Database::describe(query.lastError()));
    return query.value(0).toInt();
}

Core::Status UserRepository::recordSignIn(qint64 userId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE users SET failed_sign_ins = 0, locked_until = NULL, "
                                 "last_sign_in = ? WHERE id = ?"));
    query.addBindValue(m_clock.now());
    query.addBindValue(userId);
    if (!query.exec())
        return Core::Status::failure(Database::describe(query.lastError()));
    return {};
}

qint64 UserRepository::count() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM users")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace Wardline::Store
