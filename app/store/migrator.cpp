#include "store/migrator.h"

#include "store/database.h"
#include "store/logging.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace Wardline::Store {

using Core::Result;
using Core::Status;

Migrator::Migrator(QSqlDatabase db, QList<Migration> migrations)
    : m_db(std::move(db))
    , m_migrations(std::move(migrations))
{
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
}

int Migrator::latestVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.constLast().version;
}

int Migrator::currentVersion() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                                   "name = 'schema_migrations'")) ||
        !query.next())
        return -1;
    if (query.value(0).toInt() == 0)
        return 0;
    if (!query.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations")) ||
        !query.next())
        return -1;
    return query.value(0).toInt();
}

Status Migrator::ensureVersionTable()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                   "version INTEGER PRIMARY KEY, "
                                   "name TEXT NOT NULL, "
                                   "applied_at TEXT NOT NULL)")))
        return Status::failure(QStringLiteral("Unable to create the schema version table: %1")
                                   .arg(Database::describe(query.lastError())));
    return {};
}

Status Migrator::apply(const Migration &migration)
{
    if (!m_db.transaction())
        return Status::failure(QStringLiteral("Unable to start migration %1 (%2): %3")
                                   .arg(migration.version)
                                   .arg(migration.name, Database::describe(m_db.lastError())));
    QSqlQuery query(m_db);
    for (const QString &statement : migration.statements) {
        if (!query.exec(statement)) {
            const QString error = Database::describe(query.lastError());
            query.finish();
            if (!m_db.rollback())
                qCWarning(lcStore, "rollback of migration %d failed", migration.version);
            return Status::failure(
                QStringLiteral("Migration %1 (%2) failed and was rolled back: %3")
                    .arg(migration.version)
                    .arg(migration.name, error));
        }
    }
    query.prepare(QStringLiteral(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
    query.addBindValue(migration.version);
    query.addBindValue(migration.name);
    query.addBindValue(QDateTime::currentDateTimeUtc());
    if (!query.exec() || !m_db.commit()) {
        const QString error =
            Database::describe(query.lastError().isValid() ? query.lastError() : m_db.lastError());
        query.finish();
        (void)m_db.rollback();
        return Status::failure(QStringLiteral("Migration %1 (%2) could not be recorded: %3")
                                   .arg(migration.version)
                                   .arg(migration.name, error));
    }
    qCInfo(lcStore, "schema migrated to version %d (%s)", migration.version,
           qUtf8Printable(migration.name));
    return {};
}

Result<int> Migrator::migrate(int target)
{
    if (target < 0)
        target = latestVersion();
    if (Status s = ensureVersionTable(); !s)
        return Result<int>::failure(s.error());
    const int current = currentVersion();
    if (current < 0)
        return Result<int>::failure(QStringLiteral("Unable to read the schema version"));
    if (current > latestVersion())
        return Result<int>::failure(
            QStringLiteral("This database has schema version %1, newer than this program "
                           "understands (up to %2). Install the newer Wardline that wrote it; "
                           "nothing was changed.")
                .arg(current)
                .arg(latestVersion()));
    for (const Migration &migration : std::as_const(m_migrations)) {
        if (migration.version <= current || migration.version > target)
            continue;
        if (Status s = apply(migration); !s)
            return Result<int>::failure(s.error());
    }
    return currentVersion();
}

} // namespace Wardline::Store
