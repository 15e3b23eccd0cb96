#include "core/crypto.h"

#include "core/secretkey.h"

#include <sodium.h>

namespace Wardline::Core::Crypto {

namespace {
// libsodium's "interactive" limits: ~64 MiB, a fraction of a second on a workstation.
constexpr unsigned long long OpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t MemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
} // namespace

bool selfTest(QString *error)
{
    if (sodium_init() < 0) {
        if (error)
            *error = QStringLiteral("libsodium could not be initialised");
        return false;
    }
    // A hash made here must verify, and a different password must not.
    const QByteArray hash = hashPassword(QStringLiteral("self-test"));
    if (hash.isEmpty() || !verifyPassword(QStringLiteral("self-test"), hash) ||
        verifyPassword(QStringLiteral("self-tesT"), hash)) {
        if (error)
            *error = QStringLiteral("the Argon2id self-test failed");
        return false;
    }
    return true;
}

QByteArray randomBytes(qsizetype count)
{
    QByteArray bytes(count, '\0');
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return bytes;
}

QString randomToken(qsizetype bytes)
{
    QByteArray raw = randomBytes(bytes);
    const QString token = QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    SecretKey::wipe(raw);
    return token;
}

QByteArray hashPassword(const QString &password)
{
    QByteArray utf8 = password.toUtf8();
    QByteArray out(crypto_pwhash_STRBYTES, '\0');
    const int rc =
        crypto_pwhash_str(out.data(), utf8.constData(), size_t(utf8.size()), OpsLimit, MemLimit);
    SecretKey::wipe(utf8);
    if (rc != 0)
        return {};
    out.truncate(qsizetype(qstrnlen(out.constData(), out.size())));
    return out;
}

bool verifyPassword(const QString &password, const QByteArray &encodedHash)
{
    if (encodedHash.isEmpty() || !encodedHash.startsWith("$argon2id$"))
        return false;
    QByteArray utf8 = password.toUtf8();
    const QByteArray hash = encodedHash + '\0';
    const bool ok =
        crypto_pwhash_str_verify(hash.constData(), utf8.constData(), size_t(utf8.size())) == 0;
    SecretKey::wipe(utf8);
    return ok;
}

bool passwordNeedsRehash(const QByteArray &encodedHash)
{
    const QByteArray hash = encodedHash + '\0';
    return crypto_pwhash_str_needs_rehash(hash.constData(), OpsLimit, MemLimit) != 0;
}

bool equalConstantTime(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return sodium_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

} // namespace Wardline::Core::Crypto
