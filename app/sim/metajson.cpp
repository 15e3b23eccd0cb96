#include "sim/metajson.h"

#include <QJsonDocument>

namespace Wardline::Sim {

namespace {
void appendEscape(QByteArray &out, char32_t unit)
{
    static constexpr char Hex[] = "0123456789abcdef";
    out.append("\\u", 2);
    out.append(Hex[(unit >> 12) & 0xf]);
    out.append(Hex[(unit >> 8) & 0xf]);
    out.append(Hex[(unit >> 4) & 0xf]);
    out.append(Hex[unit & 0xf]);
}

// Length of the UTF-8 sequence that starts with \a lead; 0 for a byte that cannot start one.
[[nodiscard]] int sequenceLength(unsigned char lead)
{
    if (lead >= 0xf0 && lead <= 0xf4)
        return 4;
    if (lead >= 0xe0)
        return lead <= 0xef ? 3 : 0;
    if (lead >= 0xc2)
        return 2;
    return 0;
}
} // namespace

QByteArray MetaJson::serialize(const QJsonObject &object)
{
    return escape(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray MetaJson::escape(QByteArrayView compactUtf8)
{
    QByteArray out;
    out.reserve(compactUtf8.size() + compactUtf8.size() / 8);
    const qsizetype size = compactUtf8.size();
    for (qsizetype i = 0; i < size; ++i) {
        const auto byte = static_cast<unsigned char>(compactUtf8[i]);
        if (byte == '/') {
            out.append("\\/", 2);
            continue;
        }
        if (byte < 0x80) {
            out.append(char(byte));
            continue;
        }
        const int length = sequenceLength(byte);
        if (length == 0 || i + length > size) {
            appendEscape(out, 0xfffd); // QJsonDocument writes valid UTF-8; be safe anyway
            continue;
        }
        char32_t codePoint = byte & (length == 2 ? 0x1f : length == 3 ? 0x0f : 0x07);
        for (int k = 1; k < length; ++k)
            codePoint = (codePoint << 6) | (static_cast<unsigned char>(compactUtf8[i + k]) & 0x3f);
        i += length - 1;
        if (codePoint >= 0x10000) {
            const char32_t v = codePoint - 0x10000;
            appendEscape(out, 0xd800 + (v >> 10));
            appendEscape(out, 0xdc00 + (v & 0x3ff));
        } else {
            appendEscape(out, codePoint);
        }
    }
    return out;
}

} // namespace Wardline::Sim
