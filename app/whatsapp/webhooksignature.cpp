#include "whatsapp/webhooksignature.h"

#include "core/crypto.h"
#include "whatsapp/logging.h"

#include <QMessageAuthenticationCode>

namespace Wardline::WhatsApp {

namespace {
constexpr QByteArrayView Prefix{"sha256="};
constexpr qsizetype DigestSize = 32; // SHA-256

[[nodiscard]] int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
} // namespace

std::optional<QByteArray> WebhookSignature::parseHeader(QByteArrayView header)
{
    // Strict on purpose: QByteArray::fromHex() skips characters it does not understand, which
    // would let "sha256=ab cd…" or "sha256=…,sha256=…" through.
    if (!header.startsWith(Prefix))
        return std::nullopt;
    const QByteArrayView hex = header.sliced(Prefix.size());
    if (hex.size() != 2 * DigestSize)
        return std::nullopt;
    QByteArray raw(DigestSize, '\0');
    for (qsizetype i = 0; i < DigestSize; ++i) {
        const int high = hexValue(hex.at(2 * i));
        const int low = hexValue(hex.at(2 * i + 1));
        if (high < 0 || low < 0)
            return std::nullopt;
        raw[i] = char((high << 4) | low);
    }
    return raw;
}

QByteArray WebhookSignature::sign(QByteArrayView secret, QByteArrayView body)
{
    return Prefix.toByteArray() + digest(secret, body).toHex();
}

WebhookSignature::Verification WebhookSignature::verify(QByteArrayView secret, QByteArrayView body,
                                                        QByteArrayView header)
{
    if (header.isEmpty())
        return Verification::Missing;
    const std::optional<QByteArray> received = parseHeader(header);
    if (!received)
        return Verification::Malformed;
    if (secret.isEmpty()) {
        qCWarning(lcWhatsApp) << "webhook signature checked with an empty app secret; rejected";
        return Verification::Mismatch;
    }
    return Core::Crypto::equalConstantTime(digest(secret, body), *received)
               ? Verification::Valid
               : Verification::Mismatch;
}

QByteArray WebhookSignature::digest(QByteArrayView secret, QByteArrayView body)
{
    // fromRawData: no extra copy of the secret on the heap.
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256,
                                   QByteArray::fromRawData(secret.data(), secret.size()));
    mac.addData(body.data(), body.size());
    return mac.result();
}

} // namespace Wardline::WhatsApp
