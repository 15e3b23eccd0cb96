#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

namespace Wardline::Core {
class SecretKey;
}

namespace Wardline::Store {

/// Opening the encrypted SQLCipher databases (the hub's record, a console user's cache).
namespace Database {

enum class Create { No, IfMissing };
enum class Durability {
    Full,  ///< fsync on every commit: the hub, before a webhook is acknowledged
    Normal ///< WAL with NORMAL sync: a console cache the hub can always refill
};

/// Opens (or creates) \a path with \a key under \a connectionName, applying and reading back
/// every security setting. The key is cleared from the connection's options after opening.
[[nodiscard]] Core::Result<QSqlDatabase>
openSqlCipher(const QString &connectionName, const QString &path, const Core::SecretKey &key,
              Create create = Create::No, Durability durability = Durability::Full);

/// Closes and forgets \a connectionName (safe to call when it does not exist).
void close(const QString &connectionName);

/// The error of \a db or a query as one line for staff or IT ("what: detail").
[[nodiscard]] QString describe(const QSqlError &error);

/// Runs one statement with \a values bound in order; \a changed receives the rows affected.
[[nodiscard]] Core::Status exec(QSqlDatabase db, const QString &sql, const QVariantList &values,
                                int *changed = nullptr);

} // namespace Database
} // namespace Wardline::Store
