#include "core/secretkey.h"

#include "core/crypto.h"

#include <QString>

#include <sodium.h>

namespace Wardline::Core {

SecretKey::~SecretKey()
{
    wipe(m_bytes);
}

SecretKey::SecretKey(SecretKey &&other) noexcept
    : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes.clear();
}

SecretKey &SecretKey::operator=(SecretKey &&other) noexcept
{
    if (this != &other) {
        wipe(m_bytes);
        m_bytes = std::move(other.m_bytes);
        other.m_bytes.clear();
    }
    return *this;
}

SecretKey SecretKey::generate()
{
    SecretKey key;
    key.m_bytes = Crypto::randomBytes(Size);
    return key;
}

SecretKey SecretKey::fromHex(QByteArrayView hex)
{
    SecretKey key;
    const QByteArrayView trimmed = hex.trimmed();
    if (trimmed.size() != Size * 2)
        return key;
    QByteArray raw(Size, '\0');
    size_t written = 0;
    const char *end = nullptr;
    if (sodium_hex2bin(reinterpret_cast<unsigned char *>(raw.data()), raw.size(), trimmed.data(),
                       trimmed.size(), nullptr, &written, &end) == 0 &&
        written == size_t(Size) && end == trimmed.data() + trimmed.size()) {
        key.m_bytes = std::move(raw);
    } else {
        wipe(raw);
    }
    return key;
}

SecretKey SecretKey::fromRaw(QByteArray &raw)
{
    SecretKey key;
    if (raw.size() == Size)
        key.m_bytes = QByteArray(raw.constData(), raw.size());
    wipe(raw);
    return key;
}

QByteArray SecretKey::toHex() const
{
    QByteArray hex(m_bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(),
                   reinterpret_cast<const unsigned char *>(m_bytes.constData()), m_bytes.size());
    hex.chop(1);
    return hex;
}

void SecretKey::wipe(QByteArray &data)
{
    if (!data.isEmpty() && !data.isDetached()) {
        // Shared with another copy: wiping would touch the other owner's bytes; just let go.
        data.clear();
        return;
    }
    if (!data.isEmpty())
        sodium_memzero(data.data(), data.size());
    data.clear();
}

void SecretKey::wipe(QString &data)
{
    if (!data.isEmpty() && data.isDetached())
        sodium_memzero(data.data(), data.size() * sizeof(QChar));
    data.clear();
}

} // namespace Wardline::Core
