#include "core/imagemetadata.h"

#include <QtEndian>

namespace Wardline::Core::ImageMetadata {

namespace {

// JPEG (ITU T.81, Annex B): segments FF xx [length: 2 bytes incl. itself], until SOS (FFDA),
// after which entropy-coded data runs to EOI.
constexpr uchar SOI = 0xD8, SOS = 0xDA, EOI = 0xD9, APP1 = 0xE1, APP13 = 0xED, COM = 0xFE;

uint16_t be16(const uchar *p)
{
    return qFromBigEndian<quint16>(p);
}

// The orientation tag (0x0112) of an APP1 "Exif\0\0" payload (TIFF header follows), or 0.
int orientationIn(const QByteArray &app1)
{
    if (!app1.startsWith(QByteArrayView("Exif\0\0", 6)) || app1.size() < 14)
        return 0;
    const auto *tiff = reinterpret_cast<const uchar *>(app1.constData()) + 6;
    const qsizetype size = app1.size() - 6;
    const bool little = tiff[0] == 'I' && tiff[1] == 'I';
    if (!little && !(tiff[0] == 'M' && tiff[1] == 'M'))
        return 0;
    auto u16 = [&](qsizetype at) -> int {
        return at + 2 > size ? -1
               : little      ? qFromLittleEndian<quint16>(tiff + at)
                             : qFromBigEndian<quint16>(tiff + at);
    };
    auto u32 = [&](qsizetype at) -> qint64 {
        return at + 4 > size ? -1
               : little      ? qFromLittleEndian<quint32>(tiff + at)
                             : qFromBigEndian<quint32>(tiff + at);
    };
    const qint64 ifd = u32(4);
    const int entries = ifd < 0 ? -1 : u16(ifd);
    for (int i = 0; i < entries; ++i) {
        const qsizetype entry = ifd + 2 + qsizetype(i) * 12;
        if (u16(entry) == 0x0112) {
            const int value = u16(entry + 8);
            return value >= 1 && value <= 8 ? value : 0;
        }
    }
    return 0;
}

// A minimal APP1 EXIF segment that holds only the orientation (big-endian TIFF, one IFD entry).
QByteArray orientationSegment(int orientation)
{
    QByteArray payload("Exif\0\0MM\0\x2a\0\0\0\x08", 14);
    payload += QByteArray("\0\x01", 2);                   // one entry
    payload += QByteArray("\x01\x12\0\x03\0\0\0\x01", 8); // tag 0x0112, SHORT, count 1
    payload += char(0);
    payload += char(orientation);
    payload += QByteArray(2, '\0'); // value padding
    payload += QByteArray(4, '\0'); // no next IFD
    QByteArray segment("\xFF\xE1", 2);
    const quint16 length = quint16(payload.size() + 2);
    segment += char(length >> 8);
    segment += char(length & 0xFF);
    return segment + payload;
}

Result<QByteArray> stripJpeg(const QByteArray &in)
{
    using R = Result<QByteArray>;
    const auto *data = reinterpret_cast<const uchar *>(in.constData());
    const qsizetype size = in.size();
    if (size < 4 || data[0] != 0xFF || data[1] != SOI)
        return R::failure(QStringLiteral("not a JPEG file"));
    QByteArray out(reinterpret_cast<const char *>(data), 2);
    int orientation = 0;
    qsizetype at = 2;
    bool wroteOrientation = false;
    while (at + 4 <= size) {
        if (data[at] != 0xFF)
            return R::failure(QStringLiteral("JPEG segment marker expected"));
        const uchar marker = data[at + 1];
        if (marker == 0xFF) { // fill byte
            ++at;
            continue;
        }
        if (marker == SOS || marker == EOI) {
            if (orientation > 1 && !wroteOrientation)
                out.insert(2, orientationSegment(orientation));
            out.append(reinterpret_cast<const char *>(data + at), size - at); // scan data onwards
            return out;
        }
        const qsizetype length = be16(data + at + 2);
        if (length < 2 || at + 2 + length > size)
            return R::failure(QStringLiteral("JPEG segment runs past the end of the file"));
        const QByteArray payload(reinterpret_cast<const char *>(data + at + 4), length - 2);
        if (marker == APP1) {
            if (const int o = orientationIn(payload); o > 0)
                orientation = o;
        } else if (marker != APP13 && marker != COM) {
            out.append(reinterpret_cast<const char *>(data + at), 2 + length);
        }
        at += 2 + length;
    }
    return R::failure(QStringLiteral("JPEG has no image data"));
}

Result<QByteArray> stripPng(const QByteArray &in)
{
    using R = Result<QByteArray>;
    static const QByteArray signature("\x89PNG\r\n\x1a\n", 8);
    if (!in.startsWith(signature))
        return R::failure(QStringLiteral("not a PNG file"));
    QByteArray out = signature;
    qsizetype at = 8;
    const auto *data = reinterpret_cast<const uchar *>(in.constData());
    while (at + 12 <= in.size()) {
        const qint64 length = qFromBigEndian<quint32>(data + at);
        const QByteArray type(in.constData() + at + 4, 4);
        if (length < 0 || at + 12 + length > in.size())
            return R::failure(QStringLiteral("PNG chunk runs past the end of the file"));
        const bool metadata =
            type == "eXIf" || type == "tEXt" || type == "zTXt" || type == "iTXt" || type == "tIME";
        if (!metadata)
            out.append(in.constData() + at, 12 + length);
        at += 12 + length;
        if (type == "IEND")
            return out;
    }
    return R::failure(QStringLiteral("PNG has no end chunk"));
}

} // namespace

Result<QByteArray> strip(const QByteArray &image, const QByteArray &mimeType)
{
    if (mimeType == "image/jpeg")
        return stripJpeg(image);
    if (mimeType == "image/png")
        return stripPng(image);
    if (mimeType.startsWith("image/"))
        return Result<QByteArray>::failure(
            QStringLiteral("%1 photos are not cleaned of metadata yet")
                .arg(QString::fromLatin1(mimeType)));
    return image; // documents, audio, video: passed through as received
}

int jpegOrientation(const QByteArray &jpeg)
{
    const auto *data = reinterpret_cast<const uchar *>(jpeg.constData());
    qsizetype at = 2;
    while (at + 4 <= jpeg.size() && data[at] == 0xFF) {
        const uchar marker = data[at + 1];
        if (marker == SOS || marker == EOI)
            break;
        const qsizetype length = be16(data + at + 2);
        if (length < 2 || at + 2 + length > jpeg.size())
            break;
        if (marker == APP1) {
            if (const int o = orientationIn(QByteArray(jpeg.constData() + at + 4, length - 2));
                o > 0)
                return o;
        }
        at += 2 + length;
    }
    return 1;
}

} // namespace Wardline::Core::ImageMetadata
