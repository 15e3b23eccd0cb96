#pragma once

#include "console/photoreviewclient.h"
#include "ui/desk.h"

#include <QPointer>

class QButtonGroup;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSlider;
class QSplitter;
class QToolButton;

namespace Wardline::Ui {

class PhotoViewer;

/// Post-op wound photos waiting for review, and the review pane (nurses, physicians): the
/// queue, most urgent and oldest first; the photo with zoom, pan, rotation, brightness and
/// contrast; the patient's earlier photos by pathway day, side by side with synchronised zoom;
/// circles and arrows on a copy; and the outcome with a note. An urgent outcome makes the
/// conversation P1 on the hub; every console's queue loses the photo at once.
class PhotoReviewDesk : public Desk
{
    Q_OBJECT
public:
    explicit PhotoReviewDesk(QWidget *parent = nullptr);

    [[nodiscard]] QString title() const override;
    [[nodiscard]] Core::Permission permission() const override
    {
        return Core::Permission::ReviewPhotos;
    }
    void setHub(Console::HubClient *hub, const Console::HubSession &session) override;
    void hubEvents(const QStringList &kinds) override;
    void activated() override;

    /// The photos waiting, as shown in the queue.
    [[nodiscard]] QList<Console::PhotoReview> queue() const;
    /// The photo under review; id 0 when none.
    [[nodiscard]] const Console::PhotoReview &current() const { return m_current; }
    /// Opens review \a id from the queue; false when it is not there.
    bool selectReview(qint64 id);
    /// The patient's photos in the timeline, oldest first.
    [[nodiscard]] const QList<Console::PhotoReview> &timeline() const { return m_timeline; }
    /// Shows the timeline's photo \a reviewId beside the current one (0 closes the comparison).
    void compareWith(qint64 reviewId);
    [[nodiscard]] qint64 comparedReview() const { return m_compared.id; }
    /// Records the outcome chosen with the note typed (and the marked-up copy, if any).
    void recordReview();
    [[nodiscard]] PhotoViewer *viewer() const { return m_viewer; }
    [[nodiscard]] PhotoViewer *comparisonViewer() const { return m_compare; }
    /// The last message of the pane: what was recorded, or what went wrong.
    [[nodiscard]] QString statusText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showQueue();
    void openReview(const Console::PhotoReview &review);
    void closeReview(const QString &message);
    void showTimeline();
    /// Loads the compared photo, or its marked-up copy when that is asked for.
    void loadCompared();
    void imageArrived(qint64 mediaId, const QByteArray &bytes);
    void imageFailed(qint64 mediaId, const QString &message);
    void reviewRecorded(qint64 id, Console::PhotoReview::Outcome outcome);
    void updateRecordButton();
    void setStatus(const QString &text, bool error);
    [[nodiscard]] QString dayText(const Console::PhotoReview &review) const;
    [[nodiscard]] QString outcomeText(Console::PhotoReview::Outcome outcome) const;
    [[nodiscard]] Console::PhotoReview::Outcome chosenOutcome() const;

    QPointer<Console::PhotoReviewClient> m_client;
    Console::PhotoReview m_current;
    Console::PhotoReview m_compared;
    QList<Console::PhotoReview> m_timeline;
    int m_waiting = 0;
    bool m_sending = false;
    qint64 m_compareMediaId = 0; ///< the file shown (or coming) in the comparison viewer

    QLabel *m_queueHeading;
    QListWidget *m_queueList;
    QLabel *m_queueEmpty;
    QWidget *m_pane;
    QLabel *m_patient;
    QLabel *m_timelineHeading;
    QListWidget *m_timelineList;
    QSplitter *m_viewers;
    PhotoViewer *m_viewer;
    PhotoViewer *m_compare;
    QToolButton *m_zoomIn;
    QToolButton *m_zoomOut;
    QToolButton *m_fit;
    QToolButton *m_rotateLeft;
    QToolButton *m_rotateRight;
    QToolButton *m_closeCompare;
    QCheckBox *m_showMarkup;
    QLabel *m_brightnessLabel;
    QSlider *m_brightness;
    QLabel *m_contrastLabel;
    QSlider *m_contrast;
    QToolButton *m_resetAdjust;
    QToolButton *m_panTool;
    QToolButton *m_circleTool;
    QToolButton *m_arrowTool;
    QLineEdit *m_markLabel;
    QToolButton *m_undoMark;
    QCheckBox *m_attachMarkup;
    QLabel *m_outcomeHeading;
    QButtonGroup *m_outcomes;
    QRadioButton *m_expected;
    QRadioButton *m_clinician;
    QRadioButton *m_urgent;
    QLabel *m_noteLabel;
    QPlainTextEdit *m_note;
    QPushButton *m_record;
    QPushButton *m_openConversation;
    QLabel *m_status;
};

} // namespace Wardline::Ui
