#include "sim/mediastore.h"

#include "sim/simids.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QStringList>
#include <QUrlQuery>

namespace Wardline::Sim {

namespace {
constexpr qint64 MB = 1024 * 1024;

struct MediaType
{
    QStringView mime;
    QStringView messageType;
    qint64 maxBytes;
};

constexpr MediaType Types[] = {
    {u"audio/aac", u"audio", 16 * MB},
    {u"audio/amr", u"audio", 16 * MB},
    {u"audio/mpeg", u"audio", 16 * MB},
    {u"audio/mp4", u"audio", 16 * MB},
    {u"audio/ogg", u"audio", 16 * MB},
    {u"text/plain", u"document", 100 * MB},
    {u"application/pdf", u"document", 100 * MB},
    {u"application/vnd.ms-excel", u"document", 100 * MB},
    {u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", u"document", 100 * MB},
    {u"application/msword", u"document", 100 * MB},
    {u"application/vnd.openxmlformats-officedocument.wordprocessingml.document", u"document",
     100 * MB},
    {u"application/vnd.ms-powerpoint", u"document", 100 * MB},
    {u"application/vnd.openxmlformats-officedocument.presentationml.presentation", u"document",
     100 * MB},
    {u"image/jpeg", u"image", 5 * MB},
    {u"image/png", u"image", 5 * MB},
    {u"image/webp", u"sticker", 500 * 1024},
    {u"video/mp4", u"video", 16 * MB},
    {u"video/3gpp", u"video", 16 * MB},
};

[[nodiscard]] const MediaType *typeOf(const QString &mimeType)
{
    // "audio/ogg; codecs=opus" is audio/ogg.
    const QStringView bare = QStringView(mimeType).split(u';').first().trimmed();
    for (const MediaType &type : Types) {
        if (bare.compare(type.mime, Qt::CaseInsensitive) == 0)
            return &type;
    }
    return nullptr;
}
} // namespace

MediaStore::MediaStore(const Core::Clock &clock)
    : m_clock(clock)
{
}

qint64 MediaStore::maxSize(const QString &mimeType)
{
    const MediaType *type = typeOf(mimeType);
    return type ? type->maxBytes : 0;
}

QString MediaStore::messageType(const QString &mimeType)
{
    const MediaType *type = typeOf(mimeType);
    return type ? type->messageType.toString() : QString();
}

QString MediaStore::sniff(const QByteArray &bytes)
{
    if (bytes.startsWith("\xff\xd8\xff"))
        return QStringLiteral("image/jpeg");
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("image/png");
    if (bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    if (bytes.startsWith("%PDF-"))
        return QStringLiteral("application/pdf");
    if (bytes.startsWith("OggS"))
        return QStringLiteral("audio/ogg");
    return {};
}

const MediaItem &MediaStore::add(QByteArray bytes, QString mimeType, QString filename, bool inbound)
{
    MediaItem item;
    item.id = SimIds::numericId(16);
    item.sha256Hex =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    item.bytes = std::move(bytes);
    item.mimeType = std::move(mimeType);
    item.filename = std::move(filename);
    item.created = m_clock.now();
    item.expires = item.created.addDays(inbound ? 7 : 30);
    item.inbound = inbound;
    return *m_items.insert(item.id, item);
}

const MediaItem *MediaStore::find(const QString &id) const
{
    const auto it = m_items.constFind(id);
    if (it == m_items.constEnd() || m_clock.now() >= it->expires)
        return nullptr;
    return &*it;
}

bool MediaStore::remove(const QString &id)
{
    return m_items.remove(id) > 0;
}

QUrl MediaStore::issueUrl(const MediaItem &item, const QUrl &base)
{
    const QString hash = SimIds::token(24);
    const QDateTime expires = m_clock.now().addSecs(UrlLifetimeSeconds);
    m_grants.insert(hash, Grant{item.id, expires});
    QUrl url = base;
    url.setPath(QStringLiteral("/whatsapp_business/attachments/"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("mid"), item.id);
    query.addQueryItem(QStringLiteral("ext"), QString::number(expires.toSecsSinceEpoch()));
    query.addQueryItem(QStringLiteral("hash"), hash);
    url.setQuery(query);
    return url;
}

MediaStore::Lookup MediaStore::resolveDownload(const QString &mid, const QString &hash,
                                               const MediaItem **item) const
{
    const auto grant = m_grants.constFind(hash);
    if (grant == m_grants.constEnd() || grant->mediaId != mid)
        return Lookup::Unknown;
    if (m_clock.now() >= grant->expires)
        return Lookup::Expired;
    const MediaItem *found = find(mid);
    if (!found)
        return Lookup::Unknown;
    *item = found;
    return Lookup::Found;
}

int MediaStore::uploadedCount() const
{
    int n = 0;
    for (const MediaItem &item : m_items)
        n += !item.inbound;
    return n;
}

bool MediaStore::uploadTypeAllowed(const QString &mimeType)
{
    // The types the Resumable Upload API takes.
    static const QStringList types{QStringLiteral("application/pdf"), QStringLiteral("image/jpeg"),
                                   QStringLiteral("image/jpg"), QStringLiteral("image/png"),
                                   QStringLiteral("video/mp4")};
    return types.contains(mimeType.toLower());
}

QString MediaStore::openUploadSession(qint64 length, const QString &mimeType,
                                      const QString &fileName)
{
    QByteArray random(18, Qt::Uninitialized);
    for (char &c : random)
        c = char(QRandomGenerator::global()->bounded(256));
    const QString id = QStringLiteral("upload:") +
                       QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding |
                                                           QByteArray::OmitTrailingEquals));
    m_uploads.insert(id, UploadSession{length, mimeType, fileName, {}});
    return id;
}

bool MediaStore::uploadSession(const QString &sessionId, qint64 *offset) const
{
    const auto it = m_uploads.constFind(sessionId);
    if (it == m_uploads.constEnd())
        return false;
    *offset = it->bytes.size();
    return true;
}

bool MediaStore::appendUpload(const QString &sessionId, qint64 offset, const QByteArray &bytes,
                              QString *handle, QString *error)
{
    auto it = m_uploads.find(sessionId);
    if (it == m_uploads.end()) {
        *error = QStringLiteral("There is no upload session %1.").arg(sessionId);
        return false;
    }
    if (offset != it->bytes.size()) {
        *error = QStringLiteral("file_offset must be %1, the bytes this session holds; got %2.")
                     .arg(it->bytes.size())
                     .arg(offset);
        return false;
    }
    if (it->bytes.size() + bytes.size() > it->length) {
        *error = QStringLiteral("The upload is longer than the file_length of %1 bytes.")
                     .arg(it->length);
        return false;
    }
    it->bytes += bytes;
    if (it->bytes.size() == it->length) {
        QByteArray random(24, Qt::Uninitialized);
        for (char &c : random)
            c = char(QRandomGenerator::global()->bounded(256));
        // Shaped like Meta's handles: "4::" then opaque base64.
        *handle = QStringLiteral("4::") + QString::fromLatin1(random.toBase64());
        m_handles.insert(*handle, it->bytes);
    }
    return true;
}

bool MediaStore::isUploadHandle(const QString &handle) const
{
    return m_handles.contains(handle);
}

} // namespace Wardline::Sim
