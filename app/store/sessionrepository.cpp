#include "store/sessionrepository.h"

#include "store/database.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

namespace Wardline::Store {

namespace {
QDateTime parseTime(const QVariant &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

Core::Status run(QSqlQuery &query)
{
    if (!query.exec())
        return Core::Status::failure(Database::describe(query.lastError()));
    return {};
}
} // namespace

SessionRepository::SessionRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QByteArray SessionRepository::hashToken(const QString &token)
{
    return QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256).toHex();
}

Core::Status SessionRepository::create(const StoredSession &session)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO sessions (token_hash, user_id, created_at, "
                                 "last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(QString::fromLatin1(session.tokenHash));
    query.addBindValue(session.userId);
    query.addBindValue(session.createdAt);
    query.addBindValue(session.lastSeenAt);
    query.addBindValue(session.expiresAt);
    return run(query);
}

std::optional<StoredSession> SessionRepository::find(const QByteArray &tokenHash) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT user_id, created_at, last_seen_at, expires_at FROM "
                                 "sessions WHERE token_hash = ?"));
    query.addBindValue(QString::fromLatin1(tokenHash));
    if (!query.exec() || !query.next())
        return std::nullopt;
    StoredSession s;
    s.tokenHash = tokenHash;
    s.userId = query.value(0).toLongLong();
    s.createdAt = parseTime(query.value(1));
    s.lastSeenAt = parseTime(query.value(2));
    s.expiresAt = parseTime(query.value(3));
    return s;
}

Core::Status SessionRepository::touch(const QByteArray &tokenHash, const QDateTime &now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?"));
    query.addBindValue(now);
    query.addBindValue(QString::fromLatin1(tokenHash));
    return run(query);
}

Core::Status SessionRepository::remove(const QByteArray &tokenHash)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"));
    query.addBindValue(QString::fromLatin1(tokenHash));
    return run(query);
}

Core::Status SessionRepository::removeForUser(qint64 userId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM sessions WHERE user_id = ?"));
    query.addBindValue(userId);
    return run(query);
}

} // namespace Wardline::Store
