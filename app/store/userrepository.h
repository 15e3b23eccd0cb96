#pragma once

#include "core/result.h"
#include "core/user.h"

#include <QSqlDatabase>

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Store {

/// Staff accounts in the hub's database.
class UserRepository
{
public:
    UserRepository(QSqlDatabase db, const Core::Clock &clock);

    /// Adds an account with an already hashed password; fails when the name is taken.
    [[nodiscard]] Core::Result<Core::User> create(const QString &username, Core::Role role,
                                                  const QByteArray &passwordHash,
                                                  const QString &displayName = {});
    [[nodiscard]] std::optional<Core::User> findByName(const QString &username) const;
    [[nodiscard]] QByteArray passwordHash(qint64 userId) const;
    [[nodiscard]] std::optional<Core::User> findById(qint64 id) const;
    [[nodiscard]] qint64 count() const;
    /// Counts a failed sign-in; from the \a lockAfter-th in a row the account is locked until
    /// \a lockUntil. Returns the new count.
    [[nodiscard]] Core::Result<int> recordFailedSignIn(qint64 userId, int lockAfter,
                                                       const QDateTime &lockUntil);
    /// Resets the failure count and records the time of a successful sign-in.
    [[nodiscard]] Core::Status recordSignIn(qint64 userId);

private:
    [[nodiscard]] std::optional<Core::User> findWhere(const QString &condition,
                                                      const QVariant &value) const;

    QSqlDatabase m_db;
    const Core::Clock &m_clock;
};

} // namespace Wardline::Store
