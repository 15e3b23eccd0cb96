#include "console/localcache.h"

#include "console/logging.h"
#include "core/secretkey.h"
#include "store/database.h"
#include "store/hubschema.h"
#include "store/migrator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

namespace Wardline::Console::LocalCache {

QString pathFor(const QString &dir, const QString &account)
{
    const QByteArray name =
        QCryptographicHash::hash(account.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return QDir(dir).filePath(QString::fromLatin1(name) + QStringLiteral(".cache"));
}

void discard(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

Core::Result<QSqlDatabase> open(const QString &connectionName, const QString &path,
                                const Core::SecretKey &key, bool *reset)
{
    using R = Core::Result<QSqlDatabase>;
    if (reset)
        *reset = false;
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return R::failure(QStringLiteral("Unable to create the cache folder %1").arg(dir));
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    auto db = Store::Database::openSqlCipher(connectionName, path, key,
                                             Store::Database::Create::IfMissing,
                                             Store::Database::Durability::Normal);
    if (!db && db.error().contains(QLatin1StringView("key is wrong"))) {
        qCWarning(lcConsole, "the local cache does not match the keychain's key; starting afresh");
        discard(path);
        if (reset)
            *reset = true;
        db = Store::Database::openSqlCipher(connectionName, path, key,
                                            Store::Database::Create::IfMissing,
                                            Store::Database::Durability::Normal);
    }
    if (!db)
        return db;
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    Store::Migrator migrator(db.value(), Store::cacheMigrations());
    if (auto migrated = migrator.migrate(); !migrated) {
        const QString error = migrated.error();
        db = R::failure(error);
        Store::Database::close(connectionName);
        return R::failure(error);
    }
    return db;
}

QString readMeta(const QSqlDatabase &cache, const QString &key)
{
    if (!cache.isOpen())
        return {};
    QSqlQuery q(cache);
    q.prepare(QStringLiteral("SELECT value FROM cache_meta WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

Core::Status writeMeta(const QSqlDatabase &cache, const QString &key, const QString &value)
{
    QSqlQuery q(cache);
    q.prepare(QStringLiteral("INSERT INTO cache_meta (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return Core::Status::failure(Store::Database::describe(q.lastError()));
    return {};
}

} // namespace Wardline::Console::LocalCache
