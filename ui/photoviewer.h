#pragma once

#include <QImage>
#include <QList>
#include <QPointF>
#include <QWidget>

namespace Wardline::Ui {

/// Shows one photo for clinical review: zoom, pan, rotate in quarter turns, brightness and
/// contrast, and circles or arrows with a label drawn over it. All of it is for viewing: the
/// photo as received (original()) never changes; markedUpCopy() is a new image.
class PhotoViewer : public QWidget
{
    Q_OBJECT
public:
    enum class Tool { Pan, Circle, Arrow };
    /// A circle (centre \a from, through \a to) or an arrow (from \a from, pointing at \a to),
    /// in the photo's pixels.
    struct Mark
    {
        Tool kind = Tool::Circle;
        QPointF from;
        QPointF to;
        QString label;
    };

    static constexpr double MinZoom = 0.05;
    static constexpr double MaxZoom = 16.0;

    explicit PhotoViewer(QWidget *parent = nullptr);

    /// Decodes \a bytes with the EXIF orientation applied; false when they are no image.
    [[nodiscard]] bool setImageData(const QByteArray &bytes);
    void setImage(const QImage &image);
    /// No photo; \a message (e.g. "Loading…") in its place.
    void clear(const QString &message = {});
    [[nodiscard]] bool hasImage() const { return !m_original.isNull(); }
    [[nodiscard]] const QImage &original() const { return m_original; }
    /// The photo as drawn: brightness and contrast applied, before zoom and rotation.
    [[nodiscard]] const QImage &displayed() const { return m_display; }
    [[nodiscard]] QString message() const { return m_message; }
    /// A line shown over the photo's top-left corner (which photo this is); kept across photos.
    void setCaption(const QString &caption);
    [[nodiscard]] QString caption() const { return m_caption; }

    /// Screen pixels per photo pixel.
    [[nodiscard]] double zoom() const;
    void setZoom(double zoom);
    void zoomIn();
    void zoomOut();
    /// The whole photo in the window (again after each resize) until zoomed.
    void fitToWindow();
    [[nodiscard]] bool fitting() const { return m_fit; }
    /// The photo's point at the middle of the window, as a fraction of its width and height.
    [[nodiscard]] QPointF centre() const { return m_centre; }
    void setCentre(QPointF fraction);
    /// Clockwise, 0, 90, 180 or 270 degrees.
    [[nodiscard]] int rotation() const { return m_rotation; }
    void setRotation(int degrees);
    void rotateClockwise() { setRotation(m_rotation + 90); }
    void rotateCounterclockwise() { setRotation(m_rotation + 270); }
    /// Takes \a other's zoom, centre and rotation, without announcing it (no echo between two
    /// viewers that follow each other).
    void followView(const PhotoViewer &other);

    /// -100 … 100; 0 is the photo as received.
    [[nodiscard]] int brightness() const { return m_brightness; }
    [[nodiscard]] int contrast() const { return m_contrast; }
    void setBrightness(int value);
    void setContrast(int value);
    /// \a image with \a brightness and \a contrast (each -100 … 100) applied, as a new image.
    [[nodiscard]] static QImage adjusted(const QImage &image, int brightness, int contrast);

    [[nodiscard]] Tool tool() const { return m_tool; }
    /// What dragging does: pan, or draw a circle or an arrow labelled with label().
    void setTool(Tool tool);
    [[nodiscard]] QString label() const { return m_label; }
    void setLabel(const QString &label) { m_label = label; }
    void addMark(const Mark &mark);
    [[nodiscard]] const QList<Mark> &marks() const { return m_marks; }
    void undoMark();
    void clearMarks();
    /// The photo as received with the marks drawn on it, for the clinical record.
    [[nodiscard]] QImage markedUpCopy() const;

    /// Where photo pixel \a p is on screen now.
    [[nodiscard]] QPointF toWidget(QPointF p) const;
    [[nodiscard]] QPointF toImage(QPointF widgetPoint) const;

    [[nodiscard]] QSize sizeHint() const override { return {480, 360}; }

Q_SIGNALS:
    /// Zoom, centre or rotation changed (for a viewer beside this one to follow).
    void viewChanged();
    void marksChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    [[nodiscard]] QTransform transform() const;
    [[nodiscard]] double fitZoom() const;
    void refreshDisplay();
    /// Draws \a mark with lines \a width wide and text of \a fontPixels.
    static void drawMark(QPainter &painter, const Mark &mark, const QTransform &toTarget,
                         double width, int fontPixels);

    QImage m_original;
    QImage m_display;
    QString m_message;
    QString m_caption;
    double m_zoom = 1.0;
    bool m_fit = true;
    QPointF m_centre{0.5, 0.5};
    int m_rotation = 0;
    int m_brightness = 0;
    int m_contrast = 0;
    Tool m_tool = Tool::Pan;
    QString m_label;
    QList<Mark> m_marks;
    bool m_dragging = false;
    QPointF m_lastPos;
    Mark m_draft;
    bool m_drafting = false;
};

} // namespace Wardline::Ui
