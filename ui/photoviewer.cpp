#include "ui/photoviewer.h"

#include <QBuffer>
#include <QImageReader>
#include <QKeyEvent>
#include <QLineF>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>

namespace Wardline::Ui {

namespace {
constexpr double ZoomStep = 1.25;
const QColor MarkColour(255, 214, 0); // visible on skin, dressings and blood alike
} // namespace

PhotoViewer::PhotoViewer(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("photoViewer"));
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(160, 120);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

bool PhotoViewer::setImageData(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    // The hub strips every tag but the orientation: a phone held sideways shows upright.
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull())
        return false;
    setImage(image);
    return true;
}

void PhotoViewer::setImage(const QImage &image)
{
    m_original = image;
    m_message.clear();
    m_marks.clear();
    m_drafting = false;
    m_centre = {0.5, 0.5};
    m_fit = true;
    refreshDisplay();
    Q_EMIT marksChanged();
    Q_EMIT viewChanged();
}

void PhotoViewer::clear(const QString &message)
{
    m_original = QImage();
    m_display = QImage();
    m_message = message;
    m_marks.clear();
    m_drafting = false;
    update();
    Q_EMIT marksChanged();
}

void PhotoViewer::setCaption(const QString &caption)
{
    m_caption = caption;
    update();
}

double PhotoViewer::fitZoom() const
{
    if (m_original.isNull() || width() <= 0 || height() <= 0)
        return 1.0;
    const bool sideways = m_rotation % 180 != 0;
    const double w = sideways ? m_original.height() : m_original.width();
    const double h = sideways ? m_original.width() : m_original.height();
    return std::clamp(std::min(width() / w, height() / h), MinZoom, MaxZoom);
}

double PhotoViewer::zoom() const
{
    return m_fit ? fitZoom() : m_zoom;
}

void PhotoViewer::setZoom(double zoom)
{
    const double z = std::clamp(zoom, MinZoom, MaxZoom);
    if (!m_fit && qFuzzyCompare(z, m_zoom))
        return;
    m_fit = false;
    m_zoom = z;
    update();
    Q_EMIT viewChanged();
}

void PhotoViewer::zoomIn()
{
    setZoom(zoom() * ZoomStep);
}

void PhotoViewer::zoomOut()
{
    setZoom(zoom() / ZoomStep);
}

void PhotoViewer::fitToWindow()
{
    m_fit = true;
    m_centre = {0.5, 0.5};
    update();
    Q_EMIT viewChanged();
}

void PhotoViewer::setCentre(QPointF fraction)
{
    const QPointF c(std::clamp(fraction.x(), 0.0, 1.0), std::clamp(fraction.y(), 0.0, 1.0));
    if (c == m_centre)
        return;
    m_centre = c;
    update();
    Q_EMIT viewChanged();
}

void PhotoViewer::setRotation(int degrees)
{
    const int r = ((degrees % 360) + 360) % 360 / 90 * 90;
    if (r == m_rotation)
        return;
    m_rotation = r;
    update();
    Q_EMIT viewChanged();
}

void PhotoViewer::followView(const PhotoViewer &other)
{
    m_fit = other.m_fit;
    m_zoom = other.zoom();
    m_centre = other.m_centre;
    m_rotation = other.m_rotation;
    update();
}

void PhotoViewer::setBrightness(int value)
{
    value = std::clamp(value, -100, 100);
    if (value == m_brightness)
        return;
    m_brightness = value;
    refreshDisplay();
}

void PhotoViewer::setContrast(int value)
{
    value = std::clamp(value, -100, 100);
    if (value == m_contrast)
        return;
    m_contrast = value;
    refreshDisplay();
}

QImage PhotoViewer::adjusted(const QImage &image, int brightness, int contrast)
{
    if (image.isNull())
        return {};
    // One lookup table for the three channels: contrast scales around the middle grey,
    // brightness shifts; alpha is kept.
    const double gain = (100.0 + std::clamp(contrast, -100, 100)) / 100.0;
    const double shift = std::clamp(brightness, -100, 100) * 1.28;
    std::array<uchar, 256> table{};
    for (int v = 0; v < 256; ++v)
        table[size_t(v)] =
            uchar(std::clamp(std::lround((v - 127.5) * gain + 127.5 + shift), 0L, 255L));
    QImage out = image.convertToFormat(QImage::Format_ARGB32);
    if (brightness == 0 && contrast == 0)
        return out;
    for (int y = 0; y < out.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < out.width(); ++x) {
            const QRgb p = line[x];
            line[x] = qRgba(table[size_t(qRed(p))], table[size_t(qGreen(p))],
                            table[size_t(qBlue(p))], qAlpha(p));
        }
    }
    return out;
}

void PhotoViewer::refreshDisplay()
{
    m_display = adjusted(m_original, m_brightness, m_contrast);
    update();
}

void PhotoViewer::setTool(Tool tool)
{
    m_tool = tool;
    m_drafting = false;
    setCursor(tool == Tool::Pan ? Qt::OpenHandCursor : Qt::CrossCursor);
}

void PhotoViewer::addMark(const Mark &mark)
{
    m_marks.append(mark);
    update();
    Q_EMIT marksChanged();
}

void PhotoViewer::undoMark()
{
    if (m_marks.isEmpty())
        return;
    m_marks.removeLast();
    update();
    Q_EMIT marksChanged();
}

void PhotoViewer::clearMarks()
{
    if (m_marks.isEmpty())
        return;
    m_marks.clear();
    update();
    Q_EMIT marksChanged();
}

QTransform PhotoViewer::transform() const
{
    QTransform t;
    if (m_original.isNull())
        return t;
    const double z = zoom();
    t.translate(width() / 2.0, height() / 2.0);
    t.scale(z, z);
    t.rotate(m_rotation);
    t.translate(-m_centre.x() * m_original.width(), -m_centre.y() * m_original.height());
    return t;
}

QPointF PhotoViewer::toWidget(QPointF p) const
{
    return transform().map(p);
}

QPointF PhotoViewer::toImage(QPointF widgetPoint) const
{
    return transform().inverted().map(widgetPoint);
}

void PhotoViewer::drawMark(QPainter &painter, const Mark &mark, const QTransform &toTarget,
                           double width, int fontPixels)
{
    const QPointF from = toTarget.map(mark.from);
    const QPointF to = toTarget.map(mark.to);
    QPen pen(MarkColour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    QPointF labelAt;
    if (mark.kind == Tool::Circle) {
        const double r = QLineF(from, to).length();
        painter.drawEllipse(from, r, r);
        labelAt = from + QPointF(r * 0.75, -r * 0.75);
    } else {
        const QLineF shaft(from, to);
        painter.drawLine(shaft);
        // The head: two strokes back from the tip, 30 degrees either side of the shaft.
        const double head = std::max(width * 4, std::min(shaft.length() / 3, width * 8));
        for (double turn : {150.0, -150.0}) {
            QLineF side = QLineF::fromPolar(head, shaft.angle() + turn);
            side.translate(to);
            painter.drawLine(side);
        }
        labelAt = from;
    }
    if (mark.label.isEmpty())
        return;
    QFont font = painter.font();
    font.setPixelSize(std::max(8, fontPixels));
    font.setBold(true);
    painter.setFont(font);
    const QRectF box = painter.fontMetrics().boundingRect(mark.label).adjusted(-4, -2, 4, 2);
    const QRectF placed = box.translated(labelAt - QPointF(0, box.height() / 2));
    painter.fillRect(placed, QColor(0, 0, 0, 170));
    painter.setPen(MarkColour);
    painter.drawText(placed, Qt::AlignCenter, mark.label);
}

void PhotoViewer::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0x20, 0x24, 0x2a));
    if (m_display.isNull()) {
        painter.setPen(QColor(0xdd, 0xdd, 0xdd));
        painter.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                         m_message);
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform, zoom() < 2.0);
    painter.setRenderHint(QPainter::Antialiasing);
    const QTransform t = transform();
    painter.setTransform(t);
    painter.drawImage(QPointF(0, 0), m_display);
    painter.resetTransform();
    // Marks in screen pixels, so lines and labels stay readable at any zoom.
    const int fontPixels = fontMetrics().height();
    for (const Mark &mark : std::as_const(m_marks))
        drawMark(painter, mark, t, 3, fontPixels);
    if (m_drafting)
        drawMark(painter, m_draft, t, 3, fontPixels);
    if (!m_caption.isEmpty()) {
        painter.setFont(font()); // a mark's label may have left its own
        const QRect box =
            fontMetrics()
                .boundingRect(rect().adjusted(8, 8, -8, -8),
                              Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_caption)
                .adjusted(-4, -2, 4, 2);
        painter.fillRect(box, QColor(0, 0, 0, 170));
        painter.setPen(Qt::white);
        painter.drawText(box.adjusted(4, 2, -4, -2),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_caption);
    }
}

QImage PhotoViewer::markedUpCopy() const
{
    if (m_original.isNull())
        return {};
    QImage copy = m_original.convertToFormat(QImage::Format_ARGB32);
    QPainter painter(&copy);
    painter.setRenderHint(QPainter::Antialiasing);
    // Lines and text sized for the photo, as they look at a fit-to-screen view.
    const double scale = std::max(copy.width(), copy.height()) / 800.0;
    const double width = std::max(2.0, 3 * scale);
    const int fontPixels = int(std::max(12.0, 16 * scale));
    for (const Mark &mark : m_marks)
        drawMark(painter, mark, QTransform(), width, fontPixels);
    painter.end();
    return copy;
}

void PhotoViewer::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_original.isNull())
        return QWidget::mousePressEvent(event);
    setFocus(Qt::MouseFocusReason);
    m_lastPos = event->position();
    if (m_tool == Tool::Pan) {
        m_dragging = true;
        setCursor(Qt::ClosedHandCursor);
    } else {
        const QPointF p = toImage(event->position());
        m_draft = {m_tool, p, p, m_label};
        m_drafting = true;
    }
}

void PhotoViewer::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        // The screen movement in photo pixels: undo zoom and rotation, not the offset.
        const QPointF delta = event->position() - m_lastPos;
        m_lastPos = event->position();
        QTransform linear = transform();
        linear.setMatrix(linear.m11(), linear.m12(), 0, linear.m21(), linear.m22(), 0, 0, 0, 1);
        const QPointF moved = linear.inverted().map(delta);
        if (m_fit) { // a pan leaves "fit" at the same scale
            m_zoom = fitZoom();
            m_fit = false;
        }
        setCentre(m_centre -
                  QPointF(moved.x() / m_original.width(), moved.y() / m_original.height()));
    } else if (m_drafting) {
        m_draft.to = toImage(event->position());
        update();
    }
}

void PhotoViewer::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    if (m_dragging) {
        m_dragging = false;
        setCursor(Qt::OpenHandCursor);
    } else if (m_drafting) {
        m_drafting = false;
        m_draft.to = toImage(event->position());
        // A click without a drag draws nothing.
        if (QLineF(toWidget(m_draft.from), toWidget(m_draft.to)).length() >= 4)
            addMark(m_draft);
        else
            update();
    }
}

void PhotoViewer::wheelEvent(QWheelEvent *event)
{
    if (m_original.isNull() || event->angleDelta().y() == 0)
        return QWidget::wheelEvent(event);
    // Zoom about the pointer: the photo point under it stays under it.
    const QPointF anchor = toImage(event->position());
    const double z = zoom() * (event->angleDelta().y() > 0 ? ZoomStep : 1 / ZoomStep);
    m_fit = false;
    m_zoom = std::clamp(z, MinZoom, MaxZoom);
    const QPointF drift = toWidget(anchor) - event->position();
    QTransform linear = transform();
    linear.setMatrix(linear.m11(), linear.m12(), 0, linear.m21(), linear.m22(), 0, 0, 0, 1);
    const QPointF moved = linear.inverted().map(drift);
    m_centre += QPointF(moved.x() / m_original.width(), moved.y() / m_original.height());
    m_centre = {std::clamp(m_centre.x(), 0.0, 1.0), std::clamp(m_centre.y(), 0.0, 1.0)};
    update();
    Q_EMIT viewChanged();
    event->accept();
}

void PhotoViewer::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        fitToWindow();
        return;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (!m_original.isNull()) {
            // A tenth of the window per press, in the direction the arrow points on screen.
            const double step = std::min(width(), height()) / 10.0;
            const QPointF screen = event->key() == Qt::Key_Left    ? QPointF(-step, 0)
                                   : event->key() == Qt::Key_Right ? QPointF(step, 0)
                                   : event->key() == Qt::Key_Up    ? QPointF(0, -step)
                                                                   : QPointF(0, step);
            const QPointF target = toImage(QPointF(width() / 2.0, height() / 2.0) + screen);
            if (m_fit) {
                m_zoom = fitZoom();
                m_fit = false;
            }
            setCentre(QPointF(target.x() / m_original.width(), target.y() / m_original.height()));
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

} // namespace Wardline::Ui
