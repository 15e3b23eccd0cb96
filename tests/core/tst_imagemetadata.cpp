#include "core/imagemetadata.h"

#include <QFile>
#include <QTest>

using namespace Wardline::Core;

namespace {
QByteArray segment(uchar marker, const QByteArray &payload)
{
    QByteArray s;
    s += char(0xFF);
    s += char(marker);
    const int length = int(payload.size()) + 2;
    s += char(length >> 8);
    s += char(length & 0xFF);
    return s + payload;
}

// Big-endian EXIF with orientation 6 and, after it, text a GPS block would carry.
QByteArray exifWithOrientationAndGps()
{
    QByteArray p("Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0", 32);
    return p + "GPSLatitude=41.3851N;GPSLongitude=2.1734E";
}

const QByteArray ScanData("\xFF\xDA\0\x08\x01\x01\0\0\x3f\0SCANDATA\xFF\xD9", 21);
} // namespace

class TestImageMetadata : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jpegLosesLocationAndTextButKeepsPixelsAndOrientation()
    {
        const QByteArray app0 = segment(0xE0, QByteArray("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 14));
        const QByteArray dqt = segment(0xDB, QByteArray(65, '\x01'));
        QByteArray jpeg("\xFF\xD8", 2);
        jpeg +=
            app0 + segment(0xE1, exifWithOrientationAndGps()) +
            segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Clinic Street 5</x:xmpmeta>") +
            segment(0xED, "Photoshop 3.0\0IPTC City=Barcelona") +
            segment(0xFE, "taken at home, 12 Main St") + dqt + ScanData;
        QCOMPARE(ImageMetadata::jpegOrientation(jpeg), 6);

        auto stripped = ImageMetadata::strip(jpeg, "image/jpeg");
        QVERIFY2(stripped, qPrintable(stripped.error()));
        for (const char *secret :
             {"GPSLatitude", "Clinic Street", "Barcelona", "Main St", "xmpmeta"})
            QVERIFY2(!stripped->contains(secret), secret);
        QVERIFY(stripped->contains(app0));
        QVERIFY(stripped->contains(dqt));
        QVERIFY(stripped->endsWith(ScanData)); // the image data itself is untouched
        QCOMPARE(ImageMetadata::jpegOrientation(stripped.value()), 6);
        QVERIFY(stripped->size() < jpeg.size());

        // Stripping twice changes nothing more.
        QCOMPARE(ImageMetadata::strip(stripped.value(), "image/jpeg").value(), stripped.value());
    }

    void pngLosesTextChunks()
    {
        auto chunk = [](const QByteArray &type, const QByteArray &data) -> QByteArray {
            QByteArray c;
            const quint32 n = quint32(data.size());
            c += char(n >> 24);
            c += char(n >> 16);
            c += char(n >> 8);
            c += char(n);
            return c + type + data + QByteArray(4, '\x11'); // CRC is not checked here
        };
        const QByteArray ihdr = chunk("IHDR", QByteArray(13, '\x01'));
        const QByteArray idat = chunk("IDAT", "PIXELS");
        const QByteArray png = QByteArray("\x89PNG\r\n\x1a\n", 8) + ihdr +
                               chunk("tEXt", "Location\0Ward 7 bed 3") +
                               chunk("eXIf", "GPS 41.38") + idat + chunk("IEND", {});
        auto stripped = ImageMetadata::strip(png, "image/png");
        QVERIFY(stripped);
        QVERIFY(!stripped->contains("Ward 7"));
        QVERIFY(!stripped->contains("GPS"));
        QVERIFY(stripped->contains(ihdr));
        QVERIFY(stripped->contains(idat));
    }

    void damagedImagesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("mime");
        QTest::newRow("not a jpeg") << QByteArray("hello") << QByteArray("image/jpeg");
        QTest::newRow("truncated segment")
            << QByteArray("\xFF\xD8\xFF\xE1\x10\0Exif", 10) << QByteArray("image/jpeg");
        QTest::newRow("no scan") << QByteArray("\xFF\xD8", 2) + segment(0xFE, "x")
                                 << QByteArray("image/jpeg");
        QTest::newRow("not a png") << QByteArray("GIF89a") << QByteArray("image/png");
        QTest::newRow("png without end")
            << QByteArray("\x89PNG\r\n\x1a\n", 8) << QByteArray("image/png");
        QTest::newRow("unknown image type")
            << QByteArray("RIFF....WEBP") << QByteArray("image/webp");
    }

    void damagedImagesAreRefused()
    {
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, mime);
        QVERIFY(!ImageMetadata::strip(data, mime));
    }

    void documentsPassThrough()
    {
        const QByteArray pdf("%PDF-1.4 lab report");
        QCOMPARE(ImageMetadata::strip(pdf, "application/pdf").value(), pdf);
    }

    void aRealPhotoKeepsItsImageData()
    {
        QFile f(QStringLiteral(WARDLINE_SOURCE_DIR "/resources/personas/wound_day3.jpg"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray jpeg = f.readAll();
        auto stripped = ImageMetadata::strip(jpeg, "image/jpeg");
        QVERIFY2(stripped, qPrintable(stripped.error()));
        const qsizetype scan = jpeg.indexOf(QByteArray("\xFF\xDA", 2));
        QVERIFY(scan > 0);
        QVERIFY(stripped->endsWith(jpeg.mid(scan)));
    }
};

QTEST_GUILESS_MAIN(TestImageMetadata)
#include "tst_imagemetadata.moc"
