// The photo viewer on its own: the view (zoom, pan, rotation) and the display adjustments
// never touch the photo; two viewers that follow each other move together; marks go on a copy.
#include "ui/photoviewer.h"

#include <QApplication>
#include <QBuffer>
#include <QLineF>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using namespace Wardline;
using Ui::PhotoViewer;

namespace {
// 40x20: left half red, right half blue.
QImage halves()
{
    QImage image(40, 20, QImage::Format_ARGB32);
    image.fill(Qt::blue);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 20; ++x)
            image.setPixelColor(x, y, Qt::red);
    return image;
}

QByteArray png(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}
} // namespace

class TestPhotoViewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rotationTurnsTheViewNotThePhoto_data()
    {
        QTest::addColumn<int>("turns");
        QTest::addColumn<int>("rotation");
        QTest::newRow("none") << 0 << 0;
        QTest::newRow("quarter") << 1 << 90;
        QTest::newRow("half") << 2 << 180;
        QTest::newRow("full") << 4 << 0;
        QTest::newRow("back") << -1 << 270;
    }
    void rotationTurnsTheViewNotThePhoto()
    {
        QFETCH(int, turns);
        QFETCH(int, rotation);
        PhotoViewer viewer;
        viewer.resize(200, 200);
        viewer.setImage(halves());
        for (int i = 0; i < std::abs(turns); ++i)
            turns > 0 ? viewer.rotateClockwise() : viewer.rotateCounterclockwise();
        QCOMPARE(viewer.rotation(), rotation);
        QCOMPARE(viewer.original(), halves().convertToFormat(viewer.original().format()));
        // The photo's left edge is where a clockwise turn puts it: on top after a quarter turn.
        const QPointF left = viewer.toWidget(QPointF(0, 10));
        const QPointF right = viewer.toWidget(QPointF(40, 10));
        if (rotation == 90) {
            QVERIFY(left.y() < right.y());
            QCOMPARE(qRound(left.x()), qRound(right.x()));
        } else if (rotation == 0) {
            QVERIFY(left.x() < right.x());
        }
        // The whole photo fits, sideways or not.
        const QSize shown = rotation % 180 ? QSize(20, 40) : QSize(40, 20);
        QCOMPARE(viewer.zoom(), 200.0 / shown.width() < 200.0 / shown.height()
                                    ? 200.0 / shown.width()
                                    : 200.0 / shown.height());
    }

    void twoViewersZoomAndTurnTogether()
    {
        PhotoViewer a;
        PhotoViewer b;
        a.resize(300, 200);
        b.resize(300, 200);
        a.setImage(halves());
        b.setImage(halves().scaled(80, 40));
        connect(&a, &PhotoViewer::viewChanged, &b, [&] { b.followView(a); });
        connect(&b, &PhotoViewer::viewChanged, &a, [&] { a.followView(b); });
        QSignalSpy echoes(&b, &PhotoViewer::viewChanged);
        a.zoomIn();
        QVERIFY(!a.fitting());
        QCOMPARE(b.zoom(), a.zoom());
        a.rotateClockwise();
        QCOMPARE(b.rotation(), 90);
        a.setCentre(QPointF(0.25, 0.75));
        QCOMPARE(b.centre(), QPointF(0.25, 0.75));
        QCOMPARE(echoes.count(), 0); // following does not answer back
        b.zoomOut();
        QCOMPARE(a.zoom(), b.zoom());
        // Keys work on the focused viewer.
        const double before = a.zoom();
        QTest::keyClick(&a, Qt::Key_Plus);
        QVERIFY(a.zoom() > before);
        QCOMPARE(b.zoom(), a.zoom());
        QTest::keyClick(&a, Qt::Key_0);
        QVERIFY(a.fitting() && b.fitting());
    }

    void draggingPansInPan()
    {
        PhotoViewer viewer;
        viewer.resize(200, 200);
        viewer.setImage(halves());
        viewer.setZoom(10);
        const QPointF before = viewer.centre();
        QTest::mousePress(&viewer, Qt::LeftButton, {}, QPoint(100, 100));
        QTest::mouseMove(&viewer, QPoint(60, 100));
        QTest::mouseRelease(&viewer, Qt::LeftButton, {}, QPoint(60, 100));
        // Dragging left by 40 screen px shows 4 photo px further right.
        QCOMPARE(viewer.centre().y(), before.y());
        QVERIFY(qAbs(viewer.centre().x() - (before.x() + 4.0 / 40)) < 1e-9);
        QVERIFY(viewer.marks().isEmpty());
    }

    void theWheelZoomsAboutThePointer()
    {
        PhotoViewer viewer;
        viewer.resize(200, 200);
        viewer.setImage(halves());
        const QPointF pointer(150, 90);
        const QPointF under = viewer.toImage(pointer);
        const double before = viewer.zoom();
        QWheelEvent wheel(pointer, viewer.mapToGlobal(pointer), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&viewer, &wheel);
        QVERIFY(viewer.zoom() > before);
        QVERIFY(!viewer.fitting());
        // The photo point that was under the pointer still is.
        QVERIFY(QLineF(viewer.toWidget(under), pointer).length() < 0.5);
    }

    void arrowKeysPanWhereTheyPoint()
    {
        PhotoViewer viewer;
        viewer.resize(200, 200);
        viewer.setImage(halves());
        viewer.setZoom(20);
        viewer.setRotation(90);
        const QPointF before = viewer.centre();
        // Turned a quarter clockwise, the photo's top is on the right of the screen.
        QTest::keyClick(&viewer, Qt::Key_Right);
        QVERIFY(viewer.centre().y() < before.y());
        QVERIFY(qAbs(viewer.centre().x() - before.x()) < 1e-9);
    }

    void brightnessAndContrastOnlyChangeWhatIsShown()
    {
        PhotoViewer viewer;
        viewer.resize(100, 100);
        viewer.setImage(halves());
        const QImage original = viewer.original();
        viewer.setBrightness(50);
        QCOMPARE(viewer.original(), original);
        QVERIFY(viewer.displayed().pixelColor(30, 5).red() >= 60); // blue half got lighter
        QCOMPARE(viewer.displayed().pixelColor(30, 5).blue(), 255);
        viewer.setBrightness(0);
        viewer.setContrast(-100); // no contrast: all mid grey
        QCOMPARE(viewer.displayed().pixelColor(5, 5), QColor(128, 128, 128));
        QCOMPARE(viewer.original(), original);
        viewer.setContrast(0);
        QCOMPARE(viewer.displayed(), original.convertToFormat(QImage::Format_ARGB32));
        // What is painted follows the display, not the photo.
        viewer.setBrightness(-100);
        const QImage dark = viewer.grab().toImage();
        QVERIFY(dark.pixelColor(75, 50).blue() < 200);
        QCOMPARE(viewer.original(), original);
    }

    void marksGoOnACopy()
    {
        PhotoViewer viewer;
        viewer.resize(400, 200);
        viewer.setImage(halves());
        QSignalSpy changed(&viewer, &PhotoViewer::marksChanged);
        viewer.setTool(PhotoViewer::Tool::Arrow);
        viewer.setLabel(QStringLiteral("edge"));
        const QPoint from = viewer.toWidget(QPointF(5, 5)).toPoint();
        const QPoint to = viewer.toWidget(QPointF(30, 15)).toPoint();
        QTest::mousePress(&viewer, Qt::LeftButton, {}, from);
        QTest::mouseMove(&viewer, to);
        QTest::mouseRelease(&viewer, Qt::LeftButton, {}, to);
        QCOMPARE(viewer.marks().size(), 1);
        QCOMPARE(viewer.marks().at(0).kind, PhotoViewer::Tool::Arrow);
        QCOMPARE(viewer.marks().at(0).label, QStringLiteral("edge"));
        QVERIFY(qAbs(viewer.marks().at(0).to.x() - 30) < 1);
        QCOMPARE(changed.count(), 1);
        // A click without a drag draws nothing.
        QTest::mouseClick(&viewer, Qt::LeftButton, {}, from);
        QCOMPARE(viewer.marks().size(), 1);

        const QImage copy = viewer.markedUpCopy();
        QCOMPARE(copy.size(), QSize(40, 20));
        QVERIFY(copy != viewer.original().convertToFormat(copy.format()));
        QCOMPARE(viewer.original(), halves().convertToFormat(viewer.original().format()));
        viewer.undoMark();
        QVERIFY(viewer.marks().isEmpty());
        QCOMPARE(viewer.markedUpCopy(), halves().convertToFormat(QImage::Format_ARGB32));
    }

    void exifOrientationIsApplied()
    {
        // A JPEG saying "turn a quarter clockwise to view" (orientation 6) shows upright.
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(halves().save(&buffer, "JPEG", 95));
        QByteArray exif(
            "Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0", 32);
        QByteArray segment("\xff\xe1\0\x22", 4);
        jpeg = jpeg.left(2) + segment + exif + jpeg.mid(2);
        PhotoViewer viewer;
        QVERIFY(viewer.setImageData(jpeg));
        QCOMPARE(viewer.original().size(), QSize(20, 40));
        QVERIFY(viewer.original().pixelColor(10, 5).red() > 200); // red on top
        QVERIFY(!viewer.setImageData(QByteArrayLiteral("not an image")));
        QVERIFY(viewer.setImageData(png(halves())));
        QCOMPARE(viewer.original().size(), QSize(40, 20));
    }
};

QTEST_MAIN(TestPhotoViewer)
#include "tst_photoviewer.moc"
