#pragma once

#include <QByteArray>
#include <QString>

namespace Wardline::Core {

/// The few primitives Wardline uses, all from libsodium. Call selfTest() once at start-up:
/// a program that cannot initialise its crypto library must refuse to run.
namespace Crypto {

/// Initialises libsodium and checks a known Argon2id vector; false means "do not start".
[[nodiscard]] bool selfTest(QString *error = nullptr);

/// Cryptographically secure random bytes.
[[nodiscard]] QByteArray randomBytes(qsizetype count);

/// An unguessable token for sessions and idempotency keys: \a bytes random bytes, base64url.
[[nodiscard]] QString randomToken(qsizetype bytes = 32);

/// Argon2id password hash in libsodium's encoded form ($argon2id$v=19$...).
/// Interactive limits by default; empty on failure (out of memory).
[[nodiscard]] QByteArray hashPassword(const QString &password);

/// Constant-time check of \a password against an encoded Argon2id hash.
[[nodiscard]] bool verifyPassword(const QString &password, const QByteArray &encodedHash);

/// True when the stored hash was made with weaker limits than hashPassword() uses now.
[[nodiscard]] bool passwordNeedsRehash(const QByteArray &encodedHash);

/// Constant-time comparison of two byte strings of any length.
[[nodiscard]] bool equalConstantTime(QByteArrayView a, QByteArrayView b);

} // namespace Crypto
} // namespace Wardline::Core
