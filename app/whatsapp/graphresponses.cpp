#include "whatsapp/graphresponses.h"

#include <QJsonArray>

namespace Wardline::WhatsApp {

namespace {
constexpr qsizetype Sha256Size = 32;

[[nodiscard]] QString digitsOf(const QString &text)
{
    QString digits;
    for (const QChar c : text) {
        if (c >= u'0' && c <= u'9')
            digits.append(c);
    }
    return digits;
}
} // namespace

bool SentMessage::recipientRewritten() const
{
    return !waId.isEmpty() && digitsOf(waId) != digitsOf(input);
}

std::optional<SentMessage> SentMessage::fromJson(const QJsonObject &json)
{
    const QJsonObject message = json.value(u"messages").toArray().at(0).toObject();
    SentMessage sent;
    sent.messageId = message.value(u"id").toString();
    if (sent.messageId.isEmpty())
        return std::nullopt;
    sent.messageStatus = message.value(u"message_status").toString();
    const QJsonObject contact = json.value(u"contacts").toArray().at(0).toObject();
    sent.input = contact.value(u"input").toString();
    sent.waId = contact.value(u"wa_id").toString();
    sent.userId = contact.value(u"user_id").toString();
    return sent;
}

std::optional<MediaInfo> MediaInfo::fromJson(const QJsonObject &json)
{
    MediaInfo info;
    info.id = json.value(u"id").toString();
    info.url = QUrl(json.value(u"url").toString(), QUrl::StrictMode);
    if (!info.url.isValid() || info.url.isRelative())
        return std::nullopt;
    info.mimeType = json.value(u"mime_type").toString();
    info.sha256 = json.value(u"sha256").toString();
    const QJsonValue size = json.value(u"file_size");
    if (size.isDouble()) {
        info.fileSize = qint64(size.toDouble());
    } else if (size.isString()) {
        bool ok = false;
        const qint64 parsed = size.toString().toLongLong(&ok);
        if (ok)
            info.fileSize = parsed;
    }
    if (info.fileSize < 0)
        info.fileSize = -1;
    return info;
}

std::optional<QByteArray> MediaInfo::sha256Digest() const
{
    const QByteArray text = sha256.toLatin1();
    if (text.size() == 2 * Sha256Size) {
        bool hex = true;
        for (const char c : text)
            hex =
                hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
        if (hex)
            return QByteArray::fromHex(text);
    }
    for (const auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
        const QByteArray::FromBase64Result decoded =
            QByteArray::fromBase64Encoding(text, options | QByteArray::AbortOnBase64DecodingErrors);
        if (decoded && decoded.decoded.size() == Sha256Size)
            return decoded.decoded;
    }
    return std::nullopt;
}

} // namespace Wardline::WhatsApp
