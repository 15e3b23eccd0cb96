#include "ui/rescheduledesk.h"

#include "console/appointmentsclient.h"
#include "core/clock.h"
#include "core/permissions.h"
#include "ui/reschedulemodel.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Wardline::Ui {

namespace {
constexpr auto StyleSheet = QLatin1StringView(R"(
QLabel#rescheduleHeading { font-weight: bold; }
QLabel#rescheduleMessage[kind="problem"] { color: #8a1c1c; }
QLabel#rescheduleMessage[kind="done"] { color: #1d5c2e; }
QLabel#rescheduleWindow { color: #4a5866; }
QPushButton#rescheduleSend { font-weight: bold; }
)");

QLabel *wrappingLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

// The choices staff already use, and the appointment's own value, once each.
void fillChoices(QComboBox *box, QStringList choices, const QString &current)
{
    if (!current.isEmpty() && !choices.contains(current))
        choices.append(current);
    choices.sort(Qt::CaseInsensitive);
    box->clear();
    box->addItems(choices);
    box->setCurrentText(current);
}
} // namespace

RescheduleDesk::RescheduleDesk(QWidget *parent)
    : Desk(parent)
    , m_clock(&Core::Clock::system())
{
    setObjectName(QStringLiteral("rescheduledesk"));
    setStyleSheet(StyleSheet);

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("rescheduleHeading"));
    m_heading->setWordWrap(true);
    m_intro = wrappingLabel(QStringLiteral("rescheduleIntro"), this);
    m_refreshButton = new QPushButton(this);
    m_refreshButton->setObjectName(QStringLiteral("rescheduleRefresh"));
    connect(m_refreshButton, &QPushButton::clicked, this, &RescheduleDesk::refresh);
    m_message = wrappingLabel(QStringLiteral("rescheduleMessage"), this);
    m_message->hide();

    m_model = new RescheduleModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("rescheduleTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setDefaultSectionSize(150);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const qint64 id =
                    current.isValid()
                        ? current.siblingAtColumn(0).data(RescheduleModel::IdRole).toLongLong()
                        : 0;
                // The same appointment again (the queue was refreshed): keep what was typed.
                const bool same = id == m_current;
                m_current = id;
                showCurrent(!same);
            });
    m_empty = wrappingLabel(QStringLiteral("rescheduleEmpty"), this);
    m_empty->setAlignment(Qt::AlignCenter);

    // The chosen appointment and its new slot. It scrolls rather than squeezes: Spanish
    // labels are long.
    m_form = new QWidget;
    m_form->setObjectName(QStringLiteral("rescheduleForm"));
    m_patientLabel = wrappingLabel(QStringLiteral("reschedulePatient"), m_form);
    QFont bold = m_patientLabel->font();
    bold.setBold(true);
    m_patientLabel->setFont(bold);
    m_currentLabel = wrappingLabel(QStringLiteral("rescheduleCurrent"), m_form);
    m_windowLabel = wrappingLabel(QStringLiteral("rescheduleWindow"), m_form);
    m_newSlotHeading = wrappingLabel(QStringLiteral("rescheduleNewSlot"), m_form);
    m_newSlotHeading->setFont(bold);
    m_start = new QDateTimeEdit(m_form);
    m_start->setObjectName(QStringLiteral("rescheduleStart"));
    m_start->setCalendarPopup(true);
    m_start->setTimeSpec(Qt::LocalTime);
    // Minutes, not seconds: slots are booked to the minute.
    m_start->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat) +
                              QStringLiteral(" HH:mm"));
    m_duration = new QSpinBox(m_form);
    m_duration->setObjectName(QStringLiteral("rescheduleDuration"));
    m_duration->setRange(5, 1440);
    m_duration->setSingleStep(5);
    m_duration->setValue(30);
    m_provider = new QComboBox(m_form);
    m_provider->setObjectName(QStringLiteral("rescheduleProvider"));
    m_provider->setEditable(true);
    m_provider->setInsertPolicy(QComboBox::NoInsert);
    m_location = new QComboBox(m_form);
    m_location->setObjectName(QStringLiteral("rescheduleLocation"));
    m_location->setEditable(true);
    m_location->setInsertPolicy(QComboBox::NoInsert);
    for (QComboBox *box : {m_provider, m_location}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
    }
    m_startLabel = new QLabel(m_form);
    m_durationLabel = new QLabel(m_form);
    m_providerLabel = new QLabel(m_form);
    m_locationLabel = new QLabel(m_form);
    for (QLabel *label : {m_startLabel, m_durationLabel, m_providerLabel, m_locationLabel})
        label->setWordWrap(true);
    m_startLabel->setBuddy(m_start);
    m_durationLabel->setBuddy(m_duration);
    m_providerLabel->setBuddy(m_provider);
    m_locationLabel->setBuddy(m_location);
    m_templateNote = wrappingLabel(QStringLiteral("rescheduleTemplateNote"), m_form);
    m_sendButton = new QPushButton(m_form);
    m_sendButton->setObjectName(QStringLiteral("rescheduleSend"));
    m_sendButton->setDefault(true);
    m_openButton = new QPushButton(m_form);
    m_openButton->setObjectName(QStringLiteral("rescheduleOpen"));
    m_keepButton = new QPushButton(m_form);
    m_keepButton->setObjectName(QStringLiteral("rescheduleKeep"));
    m_cancelButton = new QPushButton(m_form);
    m_cancelButton->setObjectName(QStringLiteral("rescheduleCancel"));
    connect(m_sendButton, &QPushButton::clicked, this, &RescheduleDesk::sendNewSlot);
    connect(m_keepButton, &QPushButton::clicked, this, &RescheduleDesk::keepSlot);
    connect(m_cancelButton, &QPushButton::clicked, this, &RescheduleDesk::cancelAppointment);
    connect(m_openButton, &QPushButton::clicked, this, [this] {
        if (const auto *r = m_model->find(m_current); r && mayOpenConversation())
            Q_EMIT conversationRequested(r->conversationId);
    });
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, &RescheduleDesk::updateActions);

    auto *fields = new QFormLayout;
    fields->setRowWrapPolicy(QFormLayout::WrapLongRows);
    fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    fields->addRow(m_startLabel, m_start);
    fields->addRow(m_durationLabel, m_duration);
    fields->addRow(m_providerLabel, m_provider);
    fields->addRow(m_locationLabel, m_location);
    // One above the other: side by side, long Spanish labels would widen the pane.
    auto *otherActions = new QVBoxLayout;
    otherActions->addWidget(m_keepButton);
    otherActions->addWidget(m_cancelButton);
    auto *formLayout = new QVBoxLayout(m_form);
    formLayout->addWidget(m_patientLabel);
    formLayout->addWidget(m_currentLabel);
    formLayout->addWidget(m_windowLabel);
    formLayout->addSpacing(8);
    formLayout->addWidget(m_newSlotHeading);
    formLayout->addLayout(fields);
    formLayout->addWidget(m_templateNote);
    formLayout->addWidget(m_sendButton);
    formLayout->addWidget(m_openButton);
    formLayout->addSpacing(8);
    formLayout->addLayout(otherActions);
    formLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("rescheduleFormScroll"));
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);
    scroll->setMinimumWidth(320);

    auto *listSide = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_table, 1);
    listLayout->addWidget(m_empty, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(listSide);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *top = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_heading);
    titles->addWidget(m_intro);
    top->addLayout(titles, 1);
    top->addWidget(m_refreshButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    // Waiting times move on by themselves.
    m_minuteTimer = new QTimer(this);
    m_minuteTimer->setInterval(60 * 1000);
    connect(m_minuteTimer, &QTimer::timeout, this, [this] { m_model->setNow(m_clock->now()); });

    retranslateUi();
    showCurrent(true);
}

RescheduleDesk::~RescheduleDesk() = default;

QString RescheduleDesk::title() const
{
    const int waiting = waitingCount();
    //: The reschedule desk's tab with how many patients wait for a new appointment.
    return waiting > 0 ? tr("Reschedule (%n)", nullptr, waiting) : tr("Reschedule");
}

int RescheduleDesk::waitingCount() const
{
    return m_model->rowCount();
}

void RescheduleDesk::setClock(const Core::Clock *clock)
{
    m_clock = clock ? clock : &Core::Clock::system();
    m_model->setNow(m_clock->now());
}

void RescheduleDesk::setHub(Console::HubClient *hub, const Console::HubSession &session)
{
    m_client.reset();
    m_hub = hub;
    m_session = hub ? session : Console::HubSession();
    m_current = 0;
    m_loaded = false;
    m_busy = false;
    m_providers.clear();
    m_locations.clear();
    m_model->setRequests({});
    m_message->hide();
    showCurrent(true);
    Q_EMIT titleChanged();
    if (!hub) {
        m_minuteTimer->stop();
        return;
    }
    m_client = std::make_unique<Console::AppointmentsClient>(*hub, m_session);
    connect(m_client.get(), &Console::AppointmentsClient::queueLoaded, this,
            &RescheduleDesk::showQueue);
    connect(m_client.get(), &Console::AppointmentsClient::failed, this,
            [this](qint64 appointmentId, const QString &message) {
                setBusy(false);
                showMessage(appointmentId
                                ? message
                                : tr("The reschedule queue could not be loaded: %1").arg(message),
                            true);
            });
    connect(m_client.get(), &Console::AppointmentsClient::rescheduled, this, [this](qint64 id) {
        setBusy(false);
        const auto *r = m_model->find(id);
        //: %1 is the patient's name.
        showMessage(tr("The new time was sent to %1.").arg(r ? r->patientName : QString()), false);
        refresh();
    });
    connect(m_client.get(), &Console::AppointmentsClient::statusSet, this,
            [this](qint64 id, const QString &status) {
                setBusy(false);
                const auto *r = m_model->find(id);
                const QString name = r ? r->patientName : QString();
                showMessage(status == QLatin1String("cancelled")
                                //: %1 is the patient's name.
                                ? tr("The appointment of %1 was cancelled.").arg(name)
                                //: %1 is the patient's name.
                                : tr("%1 keeps the current appointment.").arg(name),
                            false);
                refresh();
            });
    m_model->setNow(m_clock->now());
    m_minuteTimer->start();
    refresh();
}

void RescheduleDesk::hubEvents(const QStringList &kinds)
{
    for (const QString &kind : kinds) {
        if (kind.startsWith(QLatin1String("appointment."))) {
            refresh();
            return;
        }
    }
}

void RescheduleDesk::activated()
{
    refresh();
}

void RescheduleDesk::refresh()
{
    if (m_client)
        m_client->refresh();
}

bool RescheduleDesk::selectAppointment(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    m_table->setCurrentIndex(m_model->index(row, 0));
    return m_current == id;
}

void RescheduleDesk::showQueue(const Console::RescheduleQueue &queue)
{
    const qint64 keep = m_current;
    const int keptRow = std::max(0, m_model->rowOf(keep));
    m_providers = queue.providers;
    m_locations = queue.locations;
    m_loaded = true;
    m_model->setNow(m_clock->now());
    m_model->setRequests(queue.requests);
    m_table->resizeColumnsToContents();
    // The same appointment stays chosen; when it left the queue, the next one in its place.
    int row = m_model->rowOf(keep);
    if (row < 0 && m_model->rowCount() > 0)
        row = std::min(keptRow, m_model->rowCount() - 1);
    if (row >= 0) {
        m_table->setCurrentIndex(m_model->index(row, 0));
    } else {
        m_current = 0;
        showCurrent(true);
    }
    if (row >= 0 && m_current == keep)
        showCurrent(false); // fresh details (the window may have closed), the form as typed
    Q_EMIT titleChanged();
}

bool RescheduleDesk::mayOpenConversation() const
{
    const auto *r = m_model->find(m_current);
    if (!r || r->conversationId <= 0 || !r->windowOpen)
        return false;
    // Receptionists see appointment conversations, not clinical ones (permission table).
    const Core::Permission needed = r->conversationCategory == QLatin1String("APPOINTMENT")
                                        ? Core::Permission::ReadAppointments
                                        : Core::Permission::ReadClinical;
    return m_session.allows(needed);
}

void RescheduleDesk::showCurrent(bool resetForm)
{
    const auto *r = m_model->find(m_current);
    const bool hasRows = m_model->rowCount() > 0;
    m_table->setVisible(hasRows);
    m_empty->setVisible(!hasRows);
    m_form->setEnabled(r != nullptr);
    m_empty->setText(m_loaded ? tr("Nobody is waiting for a new appointment.")
                              : tr("Loading the reschedule queue…"));
    if (!r) {
        m_patientLabel->setText(hasRows ? tr("Choose a patient in the list.") : QString());
        m_currentLabel->clear();
        m_windowLabel->clear();
        m_openButton->hide();
        updateActions();
        return;
    }
    m_patientLabel->setText(r->phone.isEmpty() ? r->patientName
                                               //: %1 is the patient's name, %2 their phone number.
                                               : tr("%1 · %2").arg(r->patientName, r->phone));
    const QString slot = RescheduleModel::slotText(r->start, r->end);
    //: %1 is the day and time, %2 the provider, %3 the location.
    m_currentLabel->setText(
        tr("Current appointment: %1 with %2 at %3")
            .arg(slot, r->provider.isEmpty() ? tr("(no provider)") : r->provider,
                 r->location.isEmpty() ? tr("(no location)") : r->location) +
        u'\n' + RescheduleModel::waitingText(r->changeRequestedAt, m_clock->now()));
    const bool mayOpen = mayOpenConversation();
    if (r->windowOpen)
        m_windowLabel->setText(mayOpen ? tr("The patient wrote in the last 24 hours: you may also "
                                            "write to them in the conversation.")
                                       : tr("The patient wrote in the last 24 hours."));
    else
        m_windowLabel->setText(tr("More than 24 hours since the patient last wrote: WhatsApp "
                                  "allows only the approved template."));
    m_openButton->setVisible(mayOpen);
    if (!resetForm) {
        updateActions();
        return;
    }

    // The new slot starts as the current one: most changes move it by a few days or hours.
    const QDateTime now = m_clock->now().toLocalTime();
    QDateTime start = r->start.isValid() ? r->start.toLocalTime() : now;
    if (start <= now)
        start = QDateTime(now.date().addDays(1), QTime(now.time().hour(), 0));
    start.setTime(QTime(start.time().hour(), start.time().minute()));
    m_start->setMinimumDateTime(now);
    m_start->setDateTime(start);
    m_duration->setValue(
        std::clamp(r->durationMinutes(), m_duration->minimum(), m_duration->maximum()));
    fillChoices(m_provider, m_providers, r->provider);
    fillChoices(m_location, m_locations, r->location);
    updateActions();
}

void RescheduleDesk::updateActions()
{
    const bool chosen = m_model->find(m_current) != nullptr && m_client && !m_busy;
    m_sendButton->setEnabled(chosen && m_start->dateTime() > m_clock->now());
    m_keepButton->setEnabled(chosen);
    m_cancelButton->setEnabled(chosen);
    m_openButton->setEnabled(chosen);
    m_refreshButton->setEnabled(m_client != nullptr);
}

void RescheduleDesk::setBusy(bool busy)
{
    m_busy = busy;
    updateActions();
}

void RescheduleDesk::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setProperty("kind", problem ? QStringLiteral("problem") : QStringLiteral("done"));
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
    m_message->setVisible(!text.isEmpty());
}

void RescheduleDesk::sendNewSlot()
{
    const auto *r = m_model->find(m_current);
    if (!r || !m_client || m_busy)
        return;
    const QDateTime start = m_start->dateTime();
    if (start <= m_clock->now()) {
        showMessage(tr("Choose a time in the future."), true);
        return;
    }
    setBusy(true);
    m_message->hide();
    m_client->reschedule(r->id, start, m_duration->value(), m_provider->currentText().trimmed(),
                         m_location->currentText().trimmed());
}

void RescheduleDesk::keepSlot()
{
    const auto *r = m_model->find(m_current);
    if (!r || !m_client || m_busy)
        return;
    setBusy(true);
    m_message->hide();
    m_client->setStatus(r->id, QStringLiteral("booked"));
}

void RescheduleDesk::cancelAppointment()
{
    const auto *r = m_model->find(m_current);
    if (!r || !m_client || m_busy)
        return;
    // Asked without blocking: a modal loop would keep the hub's events waiting.
    auto *ask =
        new QMessageBox(QMessageBox::Question, tr("Cancel appointment"),
                        //: %1 is the patient's name, %2 the appointment's day and time.
                        tr("Cancel the appointment of %1 on %2? The patient is not "
                           "told automatically.")
                            .arg(r->patientName, RescheduleModel::slotText(r->start, r->end)),
                        QMessageBox::NoButton, this);
    ask->setObjectName(QStringLiteral("rescheduleCancelQuestion"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = ask->addButton(tr("Cancel appointment"), QMessageBox::DestructiveRole);
    ask->addButton(tr("Keep it"), QMessageBox::RejectRole);
    const qint64 id = r->id;
    connect(ask, &QMessageBox::buttonClicked, this, [this, yes, id](QAbstractButton *clicked) {
        if (clicked != yes || !m_client || m_busy || !m_model->find(id))
            return;
        setBusy(true);
        m_message->hide();
        m_client->setStatus(id, QStringLiteral("cancelled"));
    });
    ask->open();
}

void RescheduleDesk::retranslateUi()
{
    m_heading->setText(tr("Patients who asked for another appointment"));
    m_intro->setText(tr("Longest waiting first. Choose a patient, pick the new time and send it: "
                        "the patient receives the approved reschedule message and can confirm "
                        "or ask again."));
    m_refreshButton->setText(tr("Refresh"));
    m_newSlotHeading->setText(tr("New appointment"));
    m_startLabel->setText(tr("&Date and time"));
    m_durationLabel->setText(tr("D&uration"));
    m_duration->setSuffix(tr(" min"));
    m_providerLabel->setText(tr("&Provider"));
    m_locationLabel->setText(tr("&Location"));
    m_templateNote->setText(tr("Reminders follow the new time. Times are in this computer's "
                               "time zone; the patient reads them in theirs."));
    m_sendButton->setText(tr("Send new time to patient"));
    m_openButton->setText(tr("Open conversation"));
    m_keepButton->setText(tr("Keep current appointment"));
    m_cancelButton->setText(tr("Cancel appointment"));
    showCurrent(false);
    Q_EMIT titleChanged();
}

void RescheduleDesk::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Desk::changeEvent(event);
}

} // namespace Wardline::Ui
