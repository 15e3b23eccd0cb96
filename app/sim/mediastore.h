#pragma once

#include "core/clock.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QUrl>

namespace Wardline::Sim {

/// One stored media file: uploaded by the business or sent by a patient.
struct MediaItem
{
    QString id;
    QByteArray bytes;
    QString mimeType;
    QString sha256Hex;
    QString filename;
    QDateTime created;
    QDateTime expires;
    bool inbound = false;
};

/// The simulator's media: ids, their lifetimes and the short-lived download URLs.
///
/// Uploaded media ids live 30 days, media ids from webhooks 7 days; a download URL from
/// GET /{media-id} works for 5 minutes and only with the access token
/// (https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/media).
/// Supported types and sizes: audio aac/amr/mpeg/mp4/ogg 16 MB, documents 100 MB, images
/// jpeg/png 5 MB, stickers webp 500 KB, video mp4/3gpp 16 MB (same page, "Supported media
/// types").
class MediaStore
{
public:
    static constexpr qint64 UrlLifetimeSeconds = 5 * 60;

    enum class Lookup { Found, Unknown, Expired };

    explicit MediaStore(const Core::Clock &clock);

    /// The largest size for \a mimeType; 0 when WhatsApp does not take that type.
    [[nodiscard]] static qint64 maxSize(const QString &mimeType);
    /// The message type a MIME type travels as ("image", "audio", …); empty when unsupported.
    [[nodiscard]] static QString messageType(const QString &mimeType);
    /// A MIME type recognised from the first bytes (JPEG, PNG, WebP, PDF, OGG); empty if not.
    [[nodiscard]] static QString sniff(const QByteArray &bytes);

    const MediaItem &add(QByteArray bytes, QString mimeType, QString filename, bool inbound);
    /// The item, or nothing when the id is unknown, deleted or expired.
    [[nodiscard]] const MediaItem *find(const QString &id) const;
    bool remove(const QString &id);
    /// How many files the business uploaded (POST /media) and are still kept: a drill or a test
    /// sees whether a retried send uploaded its file again.
    [[nodiscard]] int uploadedCount() const;

    /// A fresh download URL under \a base, valid for UrlLifetimeSeconds, shaped like Meta's
    /// lookaside URL: /whatsapp_business/attachments/?mid=…&ext=…&hash=….
    [[nodiscard]] QUrl issueUrl(const MediaItem &item, const QUrl &base);
    /// The item a download URL's mid and hash name, if the URL is still valid.
    [[nodiscard]] Lookup resolveDownload(const QString &mid, const QString &hash,
                                         const MediaItem **item) const;

private:
    struct Grant
    {
        QString mediaId;
        QDateTime expires;
    };

    const Core::Clock &m_clock;
    QHash<QString, MediaItem> m_items;
    QHash<QString, Grant> m_grants; // hash → grant
};

} // namespace Wardline::Sim
