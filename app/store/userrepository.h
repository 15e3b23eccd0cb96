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
    [[nodiscard]] qint64 count() const;

private:
    QSqlDatabase m_db;
    const Core::Clock &m_clock;
};

} // namespace Wardline::Store
