#pragma once

#include <QByteArray>

namespace Wardline::Core {

/// 32 bytes of key material that is wiped from memory when it goes away. Move-only.
class SecretKey
{
public:
    static constexpr qsizetype Size = 32;

    SecretKey() = default;
    ~SecretKey();
    SecretKey(SecretKey &&other) noexcept;
    SecretKey &operator=(SecretKey &&other) noexcept;
    SecretKey(const SecretKey &) = delete;
    SecretKey &operator=(const SecretKey &) = delete;

    /// A fresh random key from libsodium.
    [[nodiscard]] static SecretKey generate();
    /// Parses 64 hexadecimal digits (surrounding white space allowed); empty key when malformed.
    [[nodiscard]] static SecretKey fromHex(QByteArrayView hex);
    /// Takes raw bytes; empty key when the size is not Size. Wipes \a raw.
    [[nodiscard]] static SecretKey fromRaw(QByteArray &raw);

    [[nodiscard]] bool isValid() const { return m_bytes.size() == Size; }
    [[nodiscard]] const QByteArray &bytes() const { return m_bytes; }
    /// Lower-case hex; the caller wipes the copy with wipe() when done.
    [[nodiscard]] QByteArray toHex() const;

    /// Overwrites \a data with zeros in a way the compiler cannot remove.
    static void wipe(QByteArray &data);
    static void wipe(QString &data);

private:
    QByteArray m_bytes;
};

} // namespace Wardline::Core
