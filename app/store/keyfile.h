#pragma once

#include "core/result.h"
#include "core/secretkey.h"

#include <QString>

namespace Wardline::Store {

/// The hub's database key on disk: 64 hex digits in a file only its owner may read (0600 or
/// 0400, e.g. a systemd credential). A key file that others can read is refused.
namespace KeyFile {

/// Writes a fresh random key to \a path, which must not exist yet; mode 0600.
[[nodiscard]] Core::Result<Core::SecretKey> create(const QString &path);

/// Reads a secret (Meta's app secret, a token) at \a path, trimmed, after checking it is a
/// regular file of this user's that nobody else can read; an empty file is refused.
[[nodiscard]] Core::Result<QByteArray> readSecret(const QString &path);

/// Reads the key at \a path after checking it is a regular file nobody else can read.
[[nodiscard]] Core::Result<Core::SecretKey> read(const QString &path);

} // namespace KeyFile
} // namespace Wardline::Store
