#pragma once

#include <QString>

#include <sqlite3.h>

namespace Wardline::Core {
class SecretKey;
}

/// A fictional console cache at any size, written through the raw SQLCipher C API: for the
/// console benchmark (bench/console) and the tests that need a large cache.
namespace Wardline::Bench {

/// The conversation that gets \a bigMessages messages in fillCache().
constexpr int BigConversation = 1;

/// Runs \a sql on \a db; a failure ends the program (a benchmark or test cannot go on).
void exec(sqlite3 *db, const char *sql);
/// The raw C API with the cache's key and settings (Store::Database::openSqlCipher); without
/// \a memorySecurity only when the process never turned it on (it stays on once on).
[[nodiscard]] sqlite3 *openRaw(const QString &path, const Core::SecretKey &key,
                               bool memorySecurity = true);
/// Fills the migrated, empty cache at \a path with \a conversations conversations (ids 1 …,
/// patients named "Patient N Drill", one in ten closed) and \a messages messages, of which
/// BigConversation has \a bigMessages; the full-text indexes are built once at the end.
void fillCache(const QString &path, const Core::SecretKey &key, int conversations, int messages,
               int bigMessages);

} // namespace Wardline::Bench
