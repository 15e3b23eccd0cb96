#pragma once

#include "core/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace Wardline::Store {

/// One step of a schema: its version, a name for the record, and its statements.
struct Migration
{
    int version = 0;
    QString name;
    QStringList statements;
};

/// Brings a database to the newest schema it knows, one migration per transaction. A failing
/// migration is rolled back and leaves the previous version intact; a database whose version
/// is newer than this program knows is refused.
class Migrator
{
public:
    Migrator(QSqlDatabase db, QList<Migration> migrations);

    /// The newest version this program knows.
    [[nodiscard]] int latestVersion() const;
    /// The version the database is at (0 for a new database); -1 when it cannot be read.
    [[nodiscard]] int currentVersion() const;
    /// Applies every migration up to \a target (default: latest); returns the version reached.
    [[nodiscard]] Core::Result<int> migrate(int target = -1);

private:
    [[nodiscard]] Core::Status ensureVersionTable();
    [[nodiscard]] Core::Status apply(const Migration &migration);

    QSqlDatabase m_db;
    QList<Migration> m_migrations;
};

} // namespace Wardline::Store
