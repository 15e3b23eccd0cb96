#include "ui/patientpanel.h"

#include "core/clock.h"
#include "ui/language.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Wardline::Ui {

using Console::PanelAppointment;
using Console::PanelMedication;
using Console::PanelPathway;

namespace {
constexpr auto StyleSheet = QLatin1StringView(R"(
QFrame#patientPanel { background: #f7f8fa; border-left: 1px solid #d1d7db; }
QWidget#patientPanelContent { background: transparent; }
QLabel { color: #111b21; }
QLabel[role="title"] {
    color: #54656f; font-weight: bold; padding-top: 10px; border-bottom: 1px solid #e1e5e8;
}
QLabel[role="name"] { font-weight: bold; font-size: 11pt; }
QLabel[role="detail"] { color: #54656f; }
QLabel[role="empty"] { color: #667781; font-style: italic; }
QLabel[role="item"] { background: #ffffff; border: 1px solid #e1e5e8; border-radius: 6px;
    padding: 5px 7px; }
QLabel[role="good"] { color: #1f7a55; }
QLabel[role="warning"] { color: #8a4b00; }
QLabel[role="alert"] { color: #8a1f11; font-weight: bold; }
)");

// Dates and times as the staff member's locale writes them, in this workstation's zone.
QString dateOf(const QDate &date)
{
    return QLocale().toString(date, QLocale::ShortFormat);
}

QString timeOf(const QTime &time)
{
    // Hours and minutes: some locales' short format (C, the default without LANG) has seconds.
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    return QLocale().toString(time, format);
}

QString momentOf(const QDateTime &at)
{
    const QDateTime local = at.toLocalTime();
    //: %1 the weekday, %2 the date, %3 the time: "Mon 11/30/26, 2:30 PM".
    return PatientPanel::tr("%1 %2, %3")
        .arg(QLocale().dayName(local.date().dayOfWeek(), QLocale::ShortFormat),
             dateOf(local.date()), timeOf(local.time()));
}
} // namespace

PatientPanel::PatientPanel(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("patientPanel"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(StyleSheet);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->viewport()->setAutoFillBackground(false);
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("patientPanelContent"));
    m_layout = new QVBoxLayout(m_content);
    m_layout->setContentsMargins(12, 4, 12, 12);
    m_layout->setSpacing(4);
    scroll->setWidget(m_content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    setMinimumWidth(200);
    rebuild();
}

QSize PatientPanel::sizeHint() const
{
    // Room for a provider and a clinic on one line; the bubbles keep the rest.
    return {250, QFrame::sizeHint().height()};
}

void PatientPanel::setClock(const Core::Clock *clock)
{
    m_clock = clock;
    rebuild();
}

void PatientPanel::setPatient(const Console::PatientSummary &patient)
{
    m_patient = patient;
    rebuild();
}

QStringList PatientPanel::shownTexts() const
{
    QStringList texts;
    const QList<QLabel *> labels = m_content->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        texts.append(label->text());
    return texts;
}

QVBoxLayout *PatientPanel::addSection(const QString &title, const QString &objectName)
{
    auto *section = new QWidget(m_content);
    section->setObjectName(objectName);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 6);
    layout->setSpacing(4);
    (void)addLabel(layout, title, objectName + QStringLiteral("Title"))
        ->setProperty("role", QStringLiteral("title"));
    m_layout->addWidget(section);
    return layout;
}

QLabel *PatientPanel::addLabel(QVBoxLayout *section, const QString &text, const QString &objectName)
{
    auto *label = new QLabel(text, section->parentWidget());
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    section->addWidget(label);
    return label;
}

void PatientPanel::rebuild()
{
    // Rebuilt whole: a handful of labels, on each fetch of the conversation.
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const auto roled = [](QLabel *label, const char *role) {
        label->setProperty("role", QString::fromLatin1(role));
    };

    QVBoxLayout *contact = addSection(tr("Patient"), QStringLiteral("panelContact"));
    roled(addLabel(contact, m_patient.name.isEmpty() ? tr("Patient") : m_patient.name,
                   QStringLiteral("panelName")),
          "name");
    if (!m_patient.phone.isEmpty())
        roled(addLabel(contact, m_patient.phone, QStringLiteral("panelPhone")), "detail");
    const QString language = Language::nativeName(m_patient.language);
    if (!language.isEmpty())
        roled(addLabel(contact, tr("Language: %1").arg(language), QStringLiteral("panelLanguage")),
              "detail");
    const QString optIn = m_patient.optIn == QLatin1StringView("in")
                              ? tr("WhatsApp: agreed to messages")
                          : m_patient.optIn == QLatin1StringView("out")
                              ? tr("WhatsApp: opted out (no automated messages)")
                              : tr("WhatsApp: not asked yet");
    roled(addLabel(contact, optIn, QStringLiteral("panelOptIn")),
          m_patient.optIn == QLatin1StringView("out")  ? "warning"
          : m_patient.optIn == QLatin1StringView("in") ? "good"
                                                       : "detail");

    QVBoxLayout *visits =
        addSection(tr("Upcoming appointments"), QStringLiteral("panelAppointments"));
    if (m_patient.appointments.isEmpty())
        roled(addLabel(visits, tr("No upcoming appointments"),
                       QStringLiteral("panelAppointmentsEmpty")),
              "empty");
    for (const PanelAppointment &a : std::as_const(m_patient.appointments)) {
        QStringList lines{momentOf(a.start)};
        if (!a.description.isEmpty())
            lines.append(a.description);
        QStringList where;
        if (a.durationMinutes > 0)
            where.append(tr("%n min", nullptr, a.durationMinutes));
        if (!a.provider.isEmpty())
            where.append(a.provider);
        if (!a.location.isEmpty())
            where.append(a.location);
        if (!where.isEmpty())
            lines.append(where.join(QStringLiteral(" · ")));
        lines.append(a.status == QLatin1StringView("confirmed") ? tr("Confirmed by the patient")
                     : a.status == QLatin1StringView("change_requested")
                         ? tr("The patient asked to change it")
                         : tr("Not confirmed yet"));
        roled(addLabel(visits, lines.join(u'\n'), QStringLiteral("panelAppointment")), "item");
    }

    if (!m_patient.clinicalShared) {
        // The hub did not send them to this role (minimum necessary): say so rather than
        // suggest the patient has none.
        if (m_patient.id != 0)
            roled(addLabel(visits,
                           tr("The recovery pathway and medications are shown to clinical "
                              "staff only."),
                           QStringLiteral("panelClinicalWithheld")),
                  "empty");
        m_layout->addStretch(1);
        return;
    }

    QVBoxLayout *pathway = addSection(tr("Recovery pathway"), QStringLiteral("panelPathway"));
    if (!m_patient.pathway) {
        roled(addLabel(pathway, tr("No active recovery pathway"),
                       QStringLiteral("panelPathwayEmpty")),
              "empty");
    } else {
        const PanelPathway &w = *m_patient.pathway;
        (void)addLabel(pathway,
                       w.kind == QLatin1StringView("post_surgical") ? tr("Post-surgical recovery")
                                                                    : w.kind,
                       QStringLiteral("panelPathwayKind"));
        (void)addLabel(pathway,
                       w.day > 0
                           ? tr("Day %1 after surgery on %2").arg(w.day).arg(dateOf(w.surgeryDate))
                           : tr("Surgery on %1").arg(dateOf(w.surgeryDate)),
                       QStringLiteral("panelPathwayDay"));
        const QString step = w.stepKind == QLatin1StringView("checkin") ? tr("check-in")
                             : w.stepKind == QLatin1StringView("photo") ? tr("wound photo")
                             : w.stepKind == QLatin1StringView("pain")  ? tr("pain score")
                             : w.stepKind == QLatin1StringView("followup")
                                 ? tr("follow-up visit booking")
                                 : w.stepKind;
        const QDateTime now = m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
        const QDate today = now.toLocalTime().date();
        QString next;
        if (w.stepDay == 0)
            next = tr("All steps of the pathway are done.");
        else if (w.stepSentAt.isValid())
            next = tr("Waiting for the patient's answer: %1 (day %2), sent %3")
                       .arg(step)
                       .arg(w.stepDay)
                       .arg(momentOf(w.stepSentAt));
        else if (w.stepDueAt < now)
            next = tr("Next step: %1 (day %2), due since %3, not sent yet")
                       .arg(step)
                       .arg(w.stepDay)
                       .arg(momentOf(w.stepDueAt));
        else if (w.stepDueAt.toLocalTime().date() == today)
            next = tr("Next step: %1 (day %2), due today at %3")
                       .arg(step)
                       .arg(w.stepDay)
                       .arg(timeOf(w.stepDueAt.toLocalTime().time()));
        else
            next = tr("Next step: %1 (day %2), due %3")
                       .arg(step)
                       .arg(w.stepDay)
                       .arg(momentOf(w.stepDueAt));
        roled(addLabel(pathway, next, QStringLiteral("panelPathwayStep")), "item");
        for (const Console::PanelTask &task : w.openTasks) {
            const QString text = task.kind == QLatin1StringView("pathway_unanswered")
                                     ? tr("Open task: a step went unanswered, call the patient")
                                 : task.kind == QLatin1StringView("pain_escalation")
                                     ? tr("Open task: high pain score, call the patient")
                                 : task.kind == QLatin1StringView("book_followup")
                                     ? tr("Open task: book the follow-up visit")
                                     : tr("Open task: %1").arg(task.kind);
            roled(addLabel(pathway, text, QStringLiteral("panelPathwayTask")), "alert");
        }
    }

    QVBoxLayout *medications = addSection(tr("Medications"), QStringLiteral("panelMedications"));
    if (m_patient.medications.isEmpty())
        roled(addLabel(medications, tr("No active medications"),
                       QStringLiteral("panelMedicationsEmpty")),
              "empty");
    for (const PanelMedication &m : std::as_const(m_patient.medications)) {
        QStringList times;
        for (const QTime &t : m.times)
            times.append(timeOf(t));
        const QString when = QLocale().createSeparatedList(times);
        const QString schedule = m.lastDay.isValid()
                                     ? tr("Daily at %1, until %2").arg(when, dateOf(m.lastDay))
                                     : tr("Daily at %1").arg(when);
        roled(addLabel(medications, m.medication + u'\n' + schedule,
                       QStringLiteral("panelMedication")),
              "item");
    }
    m_layout->addStretch(1);
}

void PatientPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QFrame::changeEvent(event);
}

} // namespace Wardline::Ui
