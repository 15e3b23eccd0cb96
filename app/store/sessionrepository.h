#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QSqlDatabase>

#include <optional>

namespace Wardline::Store {

/// A staff session as the hub keeps it: only the SHA-256 of its token is stored.
struct StoredSession
{
    QByteArray tokenHash;
    qint64 userId = 0;
    QDateTime createdAt;
    QDateTime lastSeenAt;
    QDateTime expiresAt; ///< absolute end, whatever the activity
};

/// Server-side staff sessions (opaque random tokens, idle and absolute expiry).
class SessionRepository
{
public:
    explicit SessionRepository(QSqlDatabase db);

    /// The hex SHA-256 under which a token is stored.
    [[nodiscard]] static QByteArray hashToken(const QString &token);

    [[nodiscard]] Core::Status create(const StoredSession &session);
    [[nodiscard]] std::optional<StoredSession> find(const QByteArray &tokenHash) const;
    [[nodiscard]] Core::Status touch(const QByteArray &tokenHash, const QDateTime &now);
    [[nodiscard]] Core::Status remove(const QByteArray &tokenHash);
    /// Ends every session of \a userId (password reset, deactivation).
    [[nodiscard]] Core::Status removeForUser(qint64 userId);

private:
    QSqlDatabase m_db;
};

} // namespace Wardline::Store
