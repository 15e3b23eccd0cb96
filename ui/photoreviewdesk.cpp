#include "ui/photoreviewdesk.h"

#include "ui/photoviewer.h"

#include <QBuffer>
#include <QButtonGroup>
#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QSlider>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace Wardline::Ui {

using Console::PhotoReview;
using Outcome = Console::PhotoReview::Outcome;

namespace {
constexpr int ReviewIdRole = Qt::UserRole + 1;
// The hub keeps a marked-up copy of at most 4 MB; a photo that size in PNG is ~1600 px.
constexpr int MarkupMaxSide = 1600;
constexpr qsizetype MarkupMaxBytes = 4 * 1024 * 1024;

QToolButton *toolButton(QWidget *parent, const char *name, bool checkable = false)
{
    auto *b = new QToolButton(parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setCheckable(checkable);
    return b;
}

QString keys(const QKeySequence &k)
{
    return k.toString(QKeySequence::NativeText);
}

// Keys of the desk, shown in the tooltips of what they press.
const QKeySequence ExpectedKey(Qt::ALT | Qt::Key_1);
const QKeySequence ClinicianKey(Qt::ALT | Qt::Key_2);
const QKeySequence UrgentKey(Qt::ALT | Qt::Key_3);
const QKeySequence RecordKey(Qt::CTRL | Qt::Key_Return);
const QKeySequence ZoomInKey(Qt::CTRL | Qt::Key_Equal);
const QKeySequence ZoomOutKey(Qt::CTRL | Qt::Key_Minus);
const QKeySequence FitKey(Qt::CTRL | Qt::Key_0);
const QKeySequence RotateLeftKey(Qt::CTRL | Qt::Key_BracketLeft);
const QKeySequence RotateRightKey(Qt::CTRL | Qt::Key_BracketRight);
} // namespace

PhotoReviewDesk::PhotoReviewDesk(QWidget *parent)
    : Desk(parent)
{
    setObjectName(QStringLiteral("photoreviewdesk"));
    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *root = new QHBoxLayout(this);
    root->setContentsMargins(0, 0, 0, 0);
    root->addWidget(split);

    // The queue.
    auto *queuePanel = new QWidget(split);
    auto *queueLayout = new QVBoxLayout(queuePanel);
    m_queueHeading = new QLabel(queuePanel);
    m_queueHeading->setObjectName(QStringLiteral("photoQueueHeading"));
    m_queueHeading->setWordWrap(true);
    m_queueList = new QListWidget(queuePanel);
    m_queueList->setObjectName(QStringLiteral("photoQueue"));
    m_queueList->setWordWrap(true);
    m_queueList->setTextElideMode(Qt::ElideRight);
    m_queueEmpty = new QLabel(queuePanel);
    m_queueEmpty->setObjectName(QStringLiteral("photoQueueEmpty"));
    m_queueEmpty->setWordWrap(true);
    m_queueEmpty->setAlignment(Qt::AlignCenter);
    queueLayout->addWidget(m_queueHeading);
    queueLayout->addWidget(m_queueList, 1);
    queueLayout->addWidget(m_queueEmpty);
    split->addWidget(queuePanel);

    // The review pane.
    m_pane = new QWidget(split);
    m_pane->setObjectName(QStringLiteral("photoReviewPane"));
    auto *pane = new QVBoxLayout(m_pane);
    m_patient = new QLabel(m_pane);
    m_patient->setObjectName(QStringLiteral("photoPatient"));
    m_patient->setWordWrap(true);
    QFont bold = m_patient->font();
    bold.setBold(true);
    m_patient->setFont(bold);
    pane->addWidget(m_patient);

    m_timelineHeading = new QLabel(m_pane);
    m_timelineList = new QListWidget(m_pane);
    m_timelineList->setObjectName(QStringLiteral("photoTimeline"));
    m_timelineList->setFlow(QListView::LeftToRight);
    m_timelineList->setWrapping(false);
    m_timelineList->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_timelineList->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_timelineList->setSpacing(4);
    m_timelineList->setFixedHeight(m_timelineList->fontMetrics().lineSpacing() * 3 + 24);
    pane->addWidget(m_timelineHeading);
    pane->addWidget(m_timelineList);

    auto *viewRow = new QHBoxLayout;
    m_zoomIn = toolButton(m_pane, "zoomIn");
    m_zoomOut = toolButton(m_pane, "zoomOut");
    m_fit = toolButton(m_pane, "fitToWindow");
    m_rotateLeft = toolButton(m_pane, "rotateLeft");
    m_rotateRight = toolButton(m_pane, "rotateRight");
    m_closeCompare = toolButton(m_pane, "closeComparison");
    m_showMarkup = new QCheckBox(m_pane);
    m_showMarkup->setObjectName(QStringLiteral("showMarkup"));
    m_showMarkup->hide();
    for (QWidget *w : std::initializer_list<QWidget *>{m_zoomIn, m_zoomOut, m_fit, m_rotateLeft,
                                                       m_rotateRight, m_closeCompare, m_showMarkup})
        viewRow->addWidget(w);
    viewRow->addStretch(1);
    pane->addLayout(viewRow);

    auto *adjustRow = new QHBoxLayout;
    m_brightnessLabel = new QLabel(m_pane);
    m_brightness = new QSlider(Qt::Horizontal, m_pane);
    m_brightness->setObjectName(QStringLiteral("brightness"));
    m_contrastLabel = new QLabel(m_pane);
    m_contrast = new QSlider(Qt::Horizontal, m_pane);
    m_contrast->setObjectName(QStringLiteral("contrast"));
    for (QSlider *s : {m_brightness, m_contrast}) {
        s->setRange(-100, 100);
        s->setMinimumWidth(80);
    }
    m_brightnessLabel->setBuddy(m_brightness);
    m_contrastLabel->setBuddy(m_contrast);
    m_resetAdjust = toolButton(m_pane, "resetAdjustments");
    adjustRow->addWidget(m_brightnessLabel);
    adjustRow->addWidget(m_brightness, 1);
    adjustRow->addWidget(m_contrastLabel);
    adjustRow->addWidget(m_contrast, 1);
    adjustRow->addWidget(m_resetAdjust);
    pane->addLayout(adjustRow);

    auto *markRow = new QHBoxLayout;
    m_panTool = toolButton(m_pane, "panTool", true);
    m_circleTool = toolButton(m_pane, "circleTool", true);
    m_arrowTool = toolButton(m_pane, "arrowTool", true);
    auto *tools = new QButtonGroup(this);
    tools->setExclusive(true);
    for (QToolButton *b : {m_panTool, m_circleTool, m_arrowTool}) {
        tools->addButton(b);
        markRow->addWidget(b);
    }
    m_panTool->setChecked(true);
    m_markLabel = new QLineEdit(m_pane);
    m_markLabel->setObjectName(QStringLiteral("markLabel"));
    m_markLabel->setMaxLength(60);
    m_undoMark = toolButton(m_pane, "undoMark");
    m_attachMarkup = new QCheckBox(m_pane);
    m_attachMarkup->setObjectName(QStringLiteral("attachMarkup"));
    markRow->addWidget(m_markLabel, 1);
    markRow->addWidget(m_undoMark);
    markRow->addWidget(m_attachMarkup);
    pane->addLayout(markRow);

    m_viewers = new QSplitter(Qt::Horizontal, m_pane);
    m_viewer = new PhotoViewer(m_viewers);
    m_compare = new PhotoViewer(m_viewers);
    m_compare->setObjectName(QStringLiteral("comparisonViewer"));
    m_compare->hide();
    m_viewers->addWidget(m_viewer);
    m_viewers->addWidget(m_compare);
    pane->addWidget(m_viewers, 1);

    auto *outcomeGrid = new QGridLayout;
    m_outcomeHeading = new QLabel(m_pane);
    m_outcomeHeading->setWordWrap(true);
    m_outcomes = new QButtonGroup(this);
    m_expected = new QRadioButton(m_pane);
    m_expected->setObjectName(QStringLiteral("outcomeExpected"));
    m_clinician = new QRadioButton(m_pane);
    m_clinician->setObjectName(QStringLiteral("outcomeClinician"));
    m_urgent = new QRadioButton(m_pane);
    m_urgent->setObjectName(QStringLiteral("outcomeUrgent"));
    m_outcomes->addButton(m_expected, int(Outcome::Expected));
    m_outcomes->addButton(m_clinician, int(Outcome::Clinician));
    m_outcomes->addButton(m_urgent, int(Outcome::Urgent));
    m_noteLabel = new QLabel(m_pane);
    m_note = new QPlainTextEdit(m_pane);
    m_note->setObjectName(QStringLiteral("reviewNote"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(m_note->fontMetrics().lineSpacing() * 5 + 12);
    m_noteLabel->setBuddy(m_note);
    outcomeGrid->addWidget(m_outcomeHeading, 0, 0);
    outcomeGrid->addWidget(m_expected, 1, 0);
    outcomeGrid->addWidget(m_clinician, 2, 0);
    outcomeGrid->addWidget(m_urgent, 3, 0);
    outcomeGrid->addWidget(m_noteLabel, 0, 1);
    outcomeGrid->addWidget(m_note, 1, 1, 3, 1);
    outcomeGrid->setColumnStretch(1, 1);
    pane->addLayout(outcomeGrid);

    auto *actionRow = new QHBoxLayout;
    m_status = new QLabel(m_pane);
    m_status->setObjectName(QStringLiteral("photoReviewStatus"));
    m_status->setWordWrap(true);
    m_openConversation = new QPushButton(m_pane);
    m_openConversation->setObjectName(QStringLiteral("openConversation"));
    m_record = new QPushButton(m_pane);
    m_record->setObjectName(QStringLiteral("recordReview"));
    m_record->setDefault(true);
    actionRow->addWidget(m_status, 1);
    actionRow->addWidget(m_openConversation);
    actionRow->addWidget(m_record);
    pane->addLayout(actionRow);
    split->addWidget(m_pane);
    split->setStretchFactor(1, 3);

    // What the controls do.
    connect(m_queueList, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item)
            return;
        const qint64 id = item->data(ReviewIdRole).toLongLong();
        if (id != m_current.id)
            (void)selectReview(id);
    });
    connect(m_timelineList, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const qint64 id = item->data(ReviewIdRole).toLongLong();
        compareWith(id == m_current.id ? 0 : id);
    });
    connect(m_zoomIn, &QToolButton::clicked, m_viewer, &PhotoViewer::zoomIn);
    connect(m_zoomOut, &QToolButton::clicked, m_viewer, &PhotoViewer::zoomOut);
    connect(m_fit, &QToolButton::clicked, m_viewer, &PhotoViewer::fitToWindow);
    connect(m_rotateLeft, &QToolButton::clicked, m_viewer, &PhotoViewer::rotateCounterclockwise);
    connect(m_rotateRight, &QToolButton::clicked, m_viewer, &PhotoViewer::rotateClockwise);
    connect(m_closeCompare, &QToolButton::clicked, this, [this] { compareWith(0); });
    connect(m_showMarkup, &QCheckBox::toggled, this, &PhotoReviewDesk::loadCompared);
    // Side by side, both photos move together: same zoom, place and turn.
    connect(m_viewer, &PhotoViewer::viewChanged, m_compare,
            [this] { m_compare->followView(*m_viewer); });
    connect(m_compare, &PhotoViewer::viewChanged, m_viewer,
            [this] { m_viewer->followView(*m_compare); });
    for (PhotoViewer *v : {m_viewer, m_compare}) {
        connect(m_brightness, &QSlider::valueChanged, v, &PhotoViewer::setBrightness);
        connect(m_contrast, &QSlider::valueChanged, v, &PhotoViewer::setContrast);
    }
    connect(m_resetAdjust, &QToolButton::clicked, this, [this] {
        m_brightness->setValue(0);
        m_contrast->setValue(0);
    });
    connect(m_panTool, &QToolButton::toggled, m_viewer, [this](bool on) {
        if (on)
            m_viewer->setTool(PhotoViewer::Tool::Pan);
    });
    connect(m_circleTool, &QToolButton::toggled, m_viewer, [this](bool on) {
        if (on)
            m_viewer->setTool(PhotoViewer::Tool::Circle);
    });
    connect(m_arrowTool, &QToolButton::toggled, m_viewer, [this](bool on) {
        if (on)
            m_viewer->setTool(PhotoViewer::Tool::Arrow);
    });
    connect(m_markLabel, &QLineEdit::textChanged, m_viewer, &PhotoViewer::setLabel);
    connect(m_undoMark, &QToolButton::clicked, m_viewer, &PhotoViewer::undoMark);
    connect(m_viewer, &PhotoViewer::marksChanged, this, [this] {
        const bool any = !m_viewer->marks().isEmpty();
        m_undoMark->setEnabled(any);
        m_attachMarkup->setEnabled(any);
        m_attachMarkup->setChecked(any);
    });
    connect(m_outcomes, &QButtonGroup::idClicked, this, [this] { updateRecordButton(); });
    connect(m_record, &QPushButton::clicked, this, &PhotoReviewDesk::recordReview);
    connect(m_openConversation, &QPushButton::clicked, this, [this] {
        if (m_current.conversationId > 0)
            Q_EMIT conversationRequested(m_current.conversationId);
    });

    // Keys: outcomes and the record button without leaving the note; zoom and rotation.
    const auto shortcut = [this](const QKeySequence &key, auto slot) {
        auto *s = new QShortcut(key, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(ExpectedKey, [this] {
        if (m_expected->isEnabled())
            m_expected->click();
    });
    shortcut(ClinicianKey, [this] {
        if (m_clinician->isEnabled())
            m_clinician->click();
    });
    shortcut(UrgentKey, [this] {
        if (m_urgent->isEnabled())
            m_urgent->click();
    });
    shortcut(RecordKey, [this] {
        if (m_record->isEnabled())
            recordReview();
    });
    shortcut(ZoomInKey, [this] { m_viewer->zoomIn(); });
    shortcut(ZoomOutKey, [this] { m_viewer->zoomOut(); });
    shortcut(FitKey, [this] { m_viewer->fitToWindow(); });
    shortcut(RotateLeftKey, [this] { m_viewer->rotateCounterclockwise(); });
    shortcut(RotateRightKey, [this] { m_viewer->rotateClockwise(); });

    retranslateUi();
    closeReview({});
    showQueue();
}

QString PhotoReviewDesk::title() const
{
    return m_waiting > 0 ? tr("Photo review (%n)", nullptr, m_waiting) : tr("Photo review");
}

void PhotoReviewDesk::retranslateUi()
{
    m_queueHeading->setText(tr("Waiting for review: most urgent, then oldest first"));
    m_queueEmpty->setText(tr("No photos are waiting for review."));
    m_timelineHeading->setText(
        tr("This patient's photos by post-op day (choose an earlier one to compare)"));
    m_zoomIn->setText(tr("Zoom in"));
    m_zoomIn->setToolTip(tr("Zoom in (%1)").arg(keys(ZoomInKey)));
    m_zoomOut->setText(tr("Zoom out"));
    m_zoomOut->setToolTip(tr("Zoom out (%1)").arg(keys(ZoomOutKey)));
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Show the whole photo (%1)").arg(keys(FitKey)));
    m_rotateLeft->setText(tr("Rotate left"));
    m_rotateLeft->setToolTip(
        tr("Turn the view a quarter to the left (%1)").arg(keys(RotateLeftKey)));
    m_rotateRight->setText(tr("Rotate right"));
    m_rotateRight->setToolTip(
        tr("Turn the view a quarter to the right (%1)").arg(keys(RotateRightKey)));
    m_closeCompare->setText(tr("Close comparison"));
    m_showMarkup->setText(tr("Show the marked-up copy"));
    m_brightnessLabel->setText(tr("&Brightness"));
    m_contrastLabel->setText(tr("C&ontrast"));
    m_brightness->setToolTip(tr("For viewing only: the photo itself is not changed."));
    m_contrast->setToolTip(m_brightness->toolTip());
    m_resetAdjust->setText(tr("Reset"));
    m_panTool->setText(tr("Move"));
    m_panTool->setToolTip(tr("Drag to move the photo; the mouse wheel zooms."));
    m_circleTool->setText(tr("Circle"));
    m_circleTool->setToolTip(tr("Drag from the centre to draw a circle with the label."));
    m_arrowTool->setText(tr("Arrow"));
    m_arrowTool->setToolTip(tr("Drag towards what to point at to draw an arrow with the label."));
    m_markLabel->setPlaceholderText(tr("Label for the next circle or arrow"));
    m_undoMark->setText(tr("Undo mark"));
    m_attachMarkup->setText(tr("Add the marked-up copy to the record"));
    m_attachMarkup->setToolTip(
        tr("A copy with the marks is kept as an internal note; the photo as received is kept "
           "unchanged."));
    m_outcomeHeading->setText(tr("Outcome"));
    m_expected->setText(tr("Healing as expected"));
    m_expected->setToolTip(keys(ExpectedKey));
    m_clinician->setText(tr("Needs a look by a clinician"));
    m_clinician->setToolTip(keys(ClinicianKey));
    m_urgent->setText(tr("Urgent"));
    m_urgent->setToolTip(
        tr("Makes the conversation P1 and alerts every console (%1)").arg(keys(UrgentKey)));
    m_noteLabel->setText(tr("&Note for the record"));
    m_note->setPlaceholderText(tr("What you saw (optional)"));
    m_openConversation->setText(tr("Open conversation"));
    m_record->setText(tr("Record review"));
    m_record->setToolTip(keys(RecordKey));
    m_viewer->setAccessibleName(tr("Photo under review"));
    m_compare->setAccessibleName(tr("Earlier photo for comparison"));
    m_queueList->setAccessibleName(tr("Photos waiting for review"));
    m_timelineList->setAccessibleName(tr("This patient's photos by post-op day"));
}

void PhotoReviewDesk::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        showQueue();
        showTimeline();
        if (m_current.id > 0)
            m_patient->setText(tr("%1 · %2 · received %3")
                                   .arg(m_current.patientName.isEmpty() ? tr("Unnamed patient")
                                                                        : m_current.patientName,
                                        dayText(m_current),
                                        QLocale().toString(m_current.receivedAt.toLocalTime(),
                                                           QLocale::ShortFormat)));
        if (m_current.id > 0)
            m_viewer->setCaption(dayText(m_current));
        if (m_compared.id > 0)
            loadCompared();
        Q_EMIT titleChanged();
    }
    Desk::changeEvent(event);
}

void PhotoReviewDesk::setHub(Console::HubClient *hub, const Console::HubSession &session)
{
    delete m_client; // its answers still on the way are dropped with it
    m_timeline.clear();
    closeReview({});
    if (hub) {
        m_client = new Console::PhotoReviewClient(*hub, session, this);
        connect(m_client, &Console::PhotoReviewClient::queueChanged, this,
                &PhotoReviewDesk::showQueue);
        connect(m_client, &Console::PhotoReviewClient::queueFailed, this,
                [this](const QString &message) { setStatus(message, true); });
        connect(m_client, &Console::PhotoReviewClient::historyLoaded, this,
                [this](qint64 patientId, const QList<PhotoReview> &photos) {
                    if (patientId != m_current.patientId)
                        return;
                    m_timeline = photos;
                    showTimeline();
                });
        connect(m_client, &Console::PhotoReviewClient::imageLoaded, this,
                &PhotoReviewDesk::imageArrived);
        connect(m_client, &Console::PhotoReviewClient::imageFailed, this,
                &PhotoReviewDesk::imageFailed);
        connect(m_client, &Console::PhotoReviewClient::reviewed, this,
                &PhotoReviewDesk::reviewRecorded);
        connect(m_client, &Console::PhotoReviewClient::reviewFailed, this,
                [this](qint64, const QString &message) {
                    m_sending = false;
                    setStatus(message, true);
                    updateRecordButton();
                });
        m_client->refreshQueue();
    }
    showQueue();
}

void PhotoReviewDesk::hubEvents(const QStringList &kinds)
{
    if (!m_client)
        return;
    // New photos, reviews from other consoles, a file now downloaded, a priority changed.
    for (const QString &kind : kinds) {
        if (kind.startsWith(QLatin1StringView("photo.")) ||
            kind == QLatin1StringView("media.stored") ||
            kind == QLatin1StringView("alert.escalation")) {
            m_client->refreshQueue();
            return;
        }
    }
}

void PhotoReviewDesk::activated()
{
    if (m_client)
        m_client->refreshQueue();
}

QList<PhotoReview> PhotoReviewDesk::queue() const
{
    return m_client ? m_client->queue() : QList<PhotoReview>();
}

QString PhotoReviewDesk::statusText() const
{
    return m_status->text();
}

QString PhotoReviewDesk::dayText(const PhotoReview &review) const
{
    return review.pathwayDay < 0 ? tr("post-op day unknown")
                                 : tr("post-op day %1").arg(review.pathwayDay);
}

QString PhotoReviewDesk::outcomeText(Outcome outcome) const
{
    switch (outcome) {
    case Outcome::Expected:
        return tr("healing as expected");
    case Outcome::Clinician:
        return tr("needs a clinician");
    case Outcome::Urgent:
        return tr("urgent");
    case Outcome::None:
        break;
    }
    return tr("waiting for review");
}

void PhotoReviewDesk::showQueue()
{
    const QList<PhotoReview> waiting = queue();
    const QSignalBlocker quiet(m_queueList);
    m_queueList->clear();
    const QLocale locale;
    bool currentWaiting = false;
    for (const PhotoReview &p : waiting) {
        const QString name = p.patientName.isEmpty() ? tr("Unnamed patient") : p.patientName;
        auto *item = new QListWidgetItem(
            tr("%1 · %2\n%3 · received %4")
                .arg(name, p.priority, dayText(p),
                     locale.toString(p.receivedAt.toLocalTime(), QLocale::ShortFormat)),
            m_queueList);
        item->setData(ReviewIdRole, p.id);
        if (p.priority == QLatin1StringView("P1"))
            item->setForeground(QColor(0xb0, 0x00, 0x20));
        if (p.id == m_current.id) {
            currentWaiting = true;
            m_queueList->setCurrentItem(item);
            // The file finished downloading since the photo was opened.
            if (!m_viewer->hasImage() && m_current.mediaState != QLatin1StringView("stored") &&
                p.mediaState == QLatin1StringView("stored") && p.mediaId > 0 && m_client) {
                m_current.mediaId = p.mediaId;
                m_current.mediaState = p.mediaState;
                m_client->loadImage(p.mediaId);
            }
        }
    }
    m_queueEmpty->setVisible(waiting.isEmpty());
    if (m_current.id > 0 && !currentWaiting && !m_sending)
        closeReview(tr("This photo was reviewed on another console."));
    if (m_waiting != waiting.size()) {
        m_waiting = int(waiting.size());
        Q_EMIT titleChanged();
    }
}

bool PhotoReviewDesk::selectReview(qint64 id)
{
    for (const PhotoReview &p : queue()) {
        if (p.id == id) {
            openReview(p);
            return true;
        }
    }
    return false;
}

void PhotoReviewDesk::openReview(const PhotoReview &review)
{
    m_current = review;
    m_compared = {};
    m_timeline.clear();
    m_pane->setEnabled(true);
    m_patient->setText(
        tr("%1 · %2 · received %3")
            .arg(review.patientName.isEmpty() ? tr("Unnamed patient") : review.patientName,
                 dayText(review),
                 QLocale().toString(review.receivedAt.toLocalTime(), QLocale::ShortFormat)));
    m_compare->hide();
    m_compare->clear();
    m_compareMediaId = 0;
    m_showMarkup->hide();
    m_closeCompare->setEnabled(false);
    m_viewer->setCaption(dayText(review));
    m_note->clear();
    m_outcomes->setExclusive(false);
    for (QAbstractButton *b : m_outcomes->buttons())
        b->setChecked(false);
    m_outcomes->setExclusive(true);
    m_markLabel->clear();
    m_panTool->setChecked(true);
    // Each photo starts as received: upright, no brightness or contrast change.
    m_viewer->setRotation(0);
    m_brightness->setValue(0);
    m_contrast->setValue(0);
    setStatus({}, false);
    if (review.mediaId > 0 && review.mediaState == QLatin1StringView("stored")) {
        m_viewer->clear(tr("Loading the photo…"));
        m_client->loadImage(review.mediaId);
    } else if (review.mediaState == QLatin1StringView("failed")) {
        m_viewer->clear(tr("This photo could not be downloaded from WhatsApp; ask the patient "
                           "to send it again."));
    } else {
        m_viewer->clear(tr("The photo is still downloading; it appears here when it arrives."));
    }
    showTimeline();
    if (review.patientId > 0)
        m_client->loadHistory(review.patientId);
    {
        const QSignalBlocker quiet(m_queueList);
        for (int i = 0; i < m_queueList->count(); ++i) {
            if (m_queueList->item(i)->data(ReviewIdRole).toLongLong() == review.id)
                m_queueList->setCurrentRow(i);
        }
    }
    updateRecordButton();
}

void PhotoReviewDesk::closeReview(const QString &message)
{
    m_current = {};
    m_compared = {};
    m_timeline.clear();
    m_patient->setText(tr("Choose a photo from the queue."));
    m_viewer->clear(message);
    m_viewer->setCaption({});
    m_compare->clear();
    m_compare->hide();
    m_compareMediaId = 0;
    m_showMarkup->hide();
    m_note->clear();
    showTimeline();
    m_pane->setEnabled(false);
    m_status->setEnabled(true);
    setStatus(message, false);
    updateRecordButton();
}

void PhotoReviewDesk::showTimeline()
{
    m_timelineList->clear();
    for (const PhotoReview &p : std::as_const(m_timeline)) {
        const QString state = p.id == m_current.id ? tr("this photo")
                              : p.reviewed         ? outcomeText(p.outcome)
                                                   : tr("waiting for review");
        auto *item =
            new QListWidgetItem(QStringLiteral("%1\n%2").arg(dayText(p), state), m_timelineList);
        item->setData(ReviewIdRole, p.id);
        if (p.reviewed)
            item->setToolTip(p.note.isEmpty() ? tr("Reviewed by %1").arg(p.reviewer)
                                              : tr("Reviewed by %1: %2").arg(p.reviewer, p.note));
        if (p.id == m_current.id || p.id == m_compared.id)
            item->setSelected(true);
        if (p.mediaId <= 0)
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
    m_timelineHeading->setVisible(m_timeline.size() > 1);
    m_timelineList->setVisible(m_timeline.size() > 1);
}

void PhotoReviewDesk::compareWith(qint64 reviewId)
{
    m_compared = {};
    for (const PhotoReview &p : std::as_const(m_timeline)) {
        if (p.id == reviewId && reviewId != m_current.id)
            m_compared = p;
    }
    {
        const QSignalBlocker quiet(m_showMarkup);
        m_showMarkup->setChecked(false);
    }
    m_showMarkup->setVisible(m_compared.markupMediaId > 0);
    if (m_compared.id == 0 || !m_client) {
        m_compareMediaId = 0;
        m_compare->clear();
        m_compare->hide();
        m_closeCompare->setEnabled(false);
        showTimeline();
        return;
    }
    m_compare->show();
    m_closeCompare->setEnabled(true);
    loadCompared();
    showTimeline();
}

void PhotoReviewDesk::loadCompared()
{
    if (m_compared.id == 0 || !m_client)
        return;
    const bool markup = m_showMarkup->isChecked() && m_compared.markupMediaId > 0;
    m_compareMediaId = markup ? m_compared.markupMediaId : m_compared.mediaId;
    m_compare->setCaption(markup ? tr("%1 (marked-up copy)").arg(dayText(m_compared))
                                 : dayText(m_compared));
    m_compare->clear(tr("Loading the photo…"));
    if (m_compareMediaId > 0)
        m_client->loadImage(m_compareMediaId);
}

void PhotoReviewDesk::imageArrived(qint64 mediaId, const QByteArray &bytes)
{
    const QString unreadable = tr("This file is not an image the console can show.");
    if (mediaId == m_current.mediaId && m_current.id > 0) {
        if (!m_viewer->setImageData(bytes))
            m_viewer->clear(unreadable);
        if (m_compare->isVisible() && m_compare->hasImage())
            m_compare->followView(*m_viewer);
    }
    if (mediaId == m_compareMediaId && m_compared.id > 0) {
        if (m_compare->setImageData(bytes))
            m_compare->followView(*m_viewer);
        else
            m_compare->clear(unreadable);
    }
}

void PhotoReviewDesk::imageFailed(qint64 mediaId, const QString &message)
{
    if (mediaId == m_current.mediaId)
        m_viewer->clear(message);
    if (mediaId == m_compareMediaId && m_compared.id > 0)
        m_compare->clear(message);
}

Outcome PhotoReviewDesk::chosenOutcome() const
{
    const int id = m_outcomes->checkedId();
    return id < 0 ? Outcome::None : Outcome(id);
}

void PhotoReviewDesk::updateRecordButton()
{
    m_record->setEnabled(m_current.id > 0 && !m_sending && chosenOutcome() != Outcome::None);
    m_openConversation->setEnabled(m_current.conversationId > 0);
    m_undoMark->setEnabled(!m_viewer->marks().isEmpty());
    m_attachMarkup->setEnabled(!m_viewer->marks().isEmpty());
}

void PhotoReviewDesk::recordReview()
{
    const Outcome outcome = chosenOutcome();
    if (!m_client || m_current.id == 0 || m_sending)
        return;
    if (outcome == Outcome::None) {
        setStatus(tr("Choose an outcome first."), true);
        return;
    }
    QByteArray png;
    if (m_attachMarkup->isChecked() && !m_viewer->marks().isEmpty()) {
        QImage copy = m_viewer->markedUpCopy();
        if (std::max(copy.width(), copy.height()) > MarkupMaxSide)
            copy = copy.scaled(MarkupMaxSide, MarkupMaxSide, Qt::KeepAspectRatio,
                               Qt::SmoothTransformation);
        while (true) {
            png.clear();
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            if (!copy.save(&buffer, "PNG") || png.size() <= MarkupMaxBytes || copy.width() < 200)
                break;
            copy = copy.scaledToWidth(copy.width() * 3 / 4, Qt::SmoothTransformation);
        }
    }
    m_sending = true;
    updateRecordButton();
    setStatus(tr("Recording…"), false);
    m_client->review(m_current.id, outcome, m_note->toPlainText().trimmed(), png);
}

void PhotoReviewDesk::reviewRecorded(qint64 id, Outcome outcome)
{
    m_sending = false;
    if (id != m_current.id)
        return;
    QString done;
    switch (outcome) {
    case Outcome::Urgent:
        done = tr("Recorded as urgent: the conversation is now P1 and every console is "
                  "alerted.");
        break;
    case Outcome::Clinician:
        done = tr("Recorded: needs a look by a clinician.");
        break;
    default:
        done = tr("Recorded: healing as expected.");
        break;
    }
    // On to the next photo waiting, if there is one.
    const QList<PhotoReview> waiting = queue();
    if (waiting.isEmpty())
        closeReview({});
    else
        openReview(waiting.first());
    showQueue();
    setStatus(done, false);
}

void PhotoReviewDesk::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setProperty("error", error);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

} // namespace Wardline::Ui
