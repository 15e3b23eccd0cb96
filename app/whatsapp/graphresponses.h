#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace Wardline::WhatsApp {

/// Meta's answer to a send: the message id and whom WhatsApp delivered to.
///
/// `{"messaging_product":"whatsapp","contacts":[{"input":"…","wa_id":"…"}],
///   "messages":[{"id":"wamid.…","message_status":"accepted"}]}`
/// (Meta, "Messages reference — response",
/// https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages). Meta can
/// rewrite the number it was given (Brazil's ninth digit, …): the hub keys the patient by
/// waId and remembers input as another number of the same patient, so one patient stays one.
struct SentMessage
{
    QString messageId;     ///< messages[0].id, the wamid that statuses and replies refer to
    QString messageStatus; ///< "accepted", "held_for_quality_assessment"; empty on old versions
    QString input;         ///< contacts[0].input: the recipient as Wardline sent it
    QString waId;          ///< contacts[0].wa_id: the WhatsApp id Meta resolved it to
    QString userId;        ///< contacts[0].user_id: the business-scoped user id, when given

    /// True when Meta resolved the number to a different WhatsApp id.
    [[nodiscard]] bool recipientRewritten() const;
    /// Nothing when the answer has no messages[0].id.
    [[nodiscard]] static std::optional<SentMessage> fromJson(const QJsonObject &json);
};

/// What GET /{media-id} says about a media file. The URL lives about five minutes and needs
/// the bearer token (Meta, "Media reference — retrieve media URL",
/// https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media).
struct MediaInfo
{
    QString id;
    QUrl url;
    QString mimeType;
    QString sha256;       ///< as Meta gives it (hex or base64); checked after download
    qint64 fileSize = -1; ///< -1 when not given; Meta sends a number or a string

    /// Nothing when the answer has no usable url.
    [[nodiscard]] static std::optional<MediaInfo> fromJson(const QJsonObject &json);
    /// The 32-byte digest in sha256, or nothing when it is neither hex nor base64 of 32 bytes.
    [[nodiscard]] std::optional<QByteArray> sha256Digest() const;
};

/// A downloaded media file, checked against the size and digest Meta announced.
struct MediaFile
{
    MediaInfo info;
    QByteArray data;
};

} // namespace Wardline::WhatsApp
