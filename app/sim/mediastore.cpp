#include "sim/mediastore.h"

#include "sim/simids.h"

#include <QCryptographicHash>
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

} // namespace Wardline::Sim
