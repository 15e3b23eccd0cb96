#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTime>

#include <optional>

namespace Wardline::Console {

/// One booked appointment that has not ended yet, as the patient panel lists it.
struct PanelAppointment
{
    qint64 id = 0;
    QDateTime start;         ///< UTC
    int durationMinutes = 0; ///< 0: unknown
    QString provider;
    QString location;
    QString description;
    QString status; ///< booked, confirmed, change_requested
    QDateTime confirmedAt;
    QDateTime changeRequestedAt;
};

/// A task the hub raised for staff about the pathway and nobody has done yet.
struct PanelTask
{
    QString kind; ///< pathway_unanswered, pain_escalation, book_followup, …
    QDateTime createdAt;
};

/// The active post-surgical pathway: where the patient is and what it waits on.
struct PanelPathway
{
    qint64 id = 0;
    QString kind; ///< post_surgical
    QDate surgeryDate;
    int day = 0;      ///< today's day number after surgery, in the patient's zone
    int stepDay = 0;  ///< 0: no step left
    QString stepKind; ///< checkin, photo, pain, followup
    QDateTime stepDueAt;
    QDateTime stepSentAt; ///< invalid: not sent yet
    QList<PanelTask> openTasks;
};

/// A medication schedule still running.
struct PanelMedication
{
    qint64 id = 0;
    QString medication; ///< name and dose, as the hospital's record gives them
    QList<QTime> times; ///< local times in the patient's zone
    QDate firstDay;
    QDate lastDay; ///< invalid: open-ended
};

/// Who the conversation is with and what is coming up for them, as the hub's
/// GET /api/v1/conversations/ID answer gives it in "patient". Roles without read_clinical get
/// no pathway and no medications from the hub: clinicalShared tells the two cases apart from
/// a patient who simply has none.
struct PatientSummary
{
    qint64 id = 0;
    QString name;
    QString phone;
    QString language;
    QString optIn;                        ///< in, out, unknown
    QList<PanelAppointment> appointments; ///< soonest first
    bool clinicalShared = false;          ///< the hub sent the pathway and medications
    std::optional<PanelPathway> pathway;
    QList<PanelMedication> medications;

    /// Reads the hub's "patient" object (also as kept in the cache).
    [[nodiscard]] static PatientSummary fromJson(const QJsonObject &patient);
};

} // namespace Wardline::Console
