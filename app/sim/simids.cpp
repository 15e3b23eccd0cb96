#include "sim/simids.h"

#include "core/crypto.h"

namespace Wardline::Sim {

QString SimIds::wamid(QStringView waId, Direction direction)
{
    // The layout imitates what Meta's wamids decode to: a field with the user's number, a
    // direction byte and an upper-case hex message id. Clients must treat it as opaque.
    const QByteArray number = waId.toLatin1().left(64);
    const QByteArray random = Core::Crypto::randomBytes(16).toHex().toUpper();
    QByteArray raw;
    raw.append(char(0x1c));
    raw.append(char(0x18));
    raw.append(char(number.size()));
    raw.append(number);
    raw.append(char(0x15));
    raw.append(char(0x02));
    raw.append(char(0x00));
    raw.append(char(direction == Direction::Inbound ? 0x12 : 0x11));
    raw.append(char(0x18));
    raw.append(char(random.size()));
    raw.append(random);
    raw.append(char(0x00));
    return QStringLiteral("wamid.") + QString::fromLatin1(raw.toBase64());
}

QString SimIds::numericId(int digits)
{
    const QByteArray random = Core::Crypto::randomBytes(digits);
    QString id;
    id.reserve(digits);
    for (int i = 0; i < digits; ++i) {
        const int digit = static_cast<unsigned char>(random.at(i)) % 10;
        id.append(QChar(u'0' + (i == 0 && digit == 0 ? 1 : digit)));
    }
    return id;
}

QString SimIds::conversationId()
{
    return QString::fromLatin1(Core::Crypto::randomBytes(16).toHex());
}

QString SimIds::businessScopedUserId(QStringView country)
{
    const QByteArray length = Core::Crypto::randomBytes(1);
    return country.toString() + u'.' + numericId(15 + static_cast<unsigned char>(length.at(0)) % 6);
}

QString SimIds::token(int bytes)
{
    return Core::Crypto::randomToken(bytes);
}

} // namespace Wardline::Sim
