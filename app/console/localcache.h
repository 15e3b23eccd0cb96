#pragma once

#include "core/result.h"

#include <QSqlDatabase>

namespace Wardline::Core {
class SecretKey;
}

namespace Wardline::Console {

/// One staff member's encrypted cache on this workstation (DESIGN.md §5). The hub holds the
/// record, so a cache that cannot be decrypted any more is discarded and filled again.
namespace LocalCache {

/// The cache file for \a account in \a dir; the name is a hash, so it reveals no user name.
[[nodiscard]] QString pathFor(const QString &dir, const QString &account);

/// Opens (creating when missing) and migrates the cache at \a path. When the file was made with
/// another key (keychain reset), it is replaced by an empty cache and \a reset is set.
[[nodiscard]] Core::Result<QSqlDatabase> open(const QString &connectionName, const QString &path,
                                              const Core::SecretKey &key, bool *reset = nullptr);

/// Removes the cache file and its WAL and shared-memory companions.
void discard(const QString &path);

/// The value kept under \a key in the cache's cache_meta table; empty when there is none.
[[nodiscard]] QString readMeta(const QSqlDatabase &cache, const QString &key);
/// Keeps \a value under \a key in cache_meta (replacing what was there).
[[nodiscard]] Core::Status writeMeta(const QSqlDatabase &cache, const QString &key,
                                     const QString &value);

} // namespace LocalCache
} // namespace Wardline::Console
