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
    // --- Resumable Upload API: example files for template review -------------------------
    // https://developers.facebook.com/docs/graph-api/guides/upload : POST /{app-id}/uploads opens
    // a session ("upload:…"), POST /upload:… with file_offset sends the bytes and answers the
    // file handle ("h") that a template's example.header_handle names.

    /// The types an upload session takes.
    [[nodiscard]] static bool uploadTypeAllowed(const QString &mimeType);
    /// Opens a session for a file of \a length bytes; its id ("upload:…").
    QString openUploadSession(qint64 length, const QString &mimeType, const QString &fileName);
    /// Whether \a sessionId is an open session; \a offset is how much it holds so far.
    [[nodiscard]] bool uploadSession(const QString &sessionId, qint64 *offset) const;
    /// Adds \a bytes at \a offset; once the file is complete, its handle in \a handle.
    /// False with \a error when the offset or the length does not fit the session.
    bool appendUpload(const QString &sessionId, qint64 offset, const QByteArray &bytes,
                      QString *handle, QString *error);
    /// Whether \a handle is one a completed upload session gave.
    [[nodiscard]] bool isUploadHandle(const QString &handle) const;

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

    struct UploadSession
    {
        qint64 length = 0;
        QString mimeType;
        QString fileName;
        QByteArray bytes;
    };

    const Core::Clock &m_clock;
    QHash<QString, UploadSession> m_uploads; // session id → what it holds
    QHash<QString, QByteArray> m_handles;    // file handle → the file
    QHash<QString, MediaItem> m_items;
    QHash<QString, Grant> m_grants; // hash → grant
};

} // namespace Wardline::Sim
