#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace Wardline::Core {

/// The hours of a site's night in which no automated, non-urgent message goes out.
struct QuietHours
{
    QTime start{21, 0};
    QTime end{8, 0};

    /// True when \a at, read in \a zone, falls in the quiet hours.
    [[nodiscard]] bool contains(const QDateTime &at, const QTimeZone &zone) const;
    /// \a at itself when it is not quiet, else the end of these quiet hours.
    [[nodiscard]] QDateTime nextAllowed(const QDateTime &at, const QTimeZone &zone) const;
};

/// What an automated message is for; names are what the hub records ("appointment_reminder").
enum class CareSend {
    AppointmentReminder, ///< 24 h before, with the preparation instructions
    AppointmentConfirm,  ///< 2 h before, CONFIRM / CHANGE
    AppointmentFollowUp, ///< after the visit, with care instructions
    MedicationDose,      ///< Taken / Skipped
    PathwayCheckIn,      ///< post-op day 1
    PathwayPhoto,        ///< post-op day 3
    PathwayPain,         ///< post-op day 7, pain 0–10
    PathwayFollowUp,     ///< post-op day 14, book the follow-up visit
    PathwayNudge,        ///< a step went unanswered
    /// The emergency instruction as a template, when Meta refused it as free text because the
    /// patient's 24-hour window had closed before the hub could answer.
    EmergencyInstruction,
};
[[nodiscard]] QString careSendName(CareSend kind);

/// One automated message the rules call for. The key is the outbox idempotency key as well, so
/// however often the rules are evaluated (restarts, catch-up), it is sent at most once.
struct PlannedSend
{
    QString key;
    CareSend kind = CareSend::AppointmentReminder;
    qint64 subjectId = 0;  ///< the appointment, medication schedule or pathway
    QDateTime due;         ///< UTC, quiet hours already applied where they apply
    QDateTime usefulUntil; ///< later than this it is skipped and recorded, not sent
    QDateTime occurrence;  ///< the dose's time, the appointment's start, the step's day
    int day = 0;           ///< post-op day for pathway steps
};

struct AppointmentTimes
{
    qint64 id = 0;
    QDateTime start;
    QDateTime end;
    QString status; ///< booked, confirmed, change_requested, rescheduled, cancelled, noshow, …
};

/// Reminder the day before at the same local time, confirmation request 2 h before (only while not
/// yet confirmed), and a follow-up 2 h after the end (also once the patient arrived; never after a
/// no-show or a cancellation). The keys carry the start time: a rescheduled appointment gets fresh
/// reminders for its new slot, and the old slot's never go out.
[[nodiscard]] QList<PlannedSend> planAppointment(const AppointmentTimes &appointment,
                                                 const QTimeZone &zone, const QuietHours &quiet);

struct MedicationTimes
{
    qint64 id = 0;
    QList<QTime> times; ///< local times in the patient's zone
    QDate first;
    QDate last; ///< invalid: open-ended
};

/// Every dose due in [\a from, \a to], at its local time in \a zone whatever the offset that
/// day (a time that does not exist on the spring-forward day is taken an hour later; a time
/// that happens twice in autumn, the first time). Patients chose these times, so quiet hours
/// do not apply. A reminder more than two hours late is no longer useful.
[[nodiscard]] QList<PlannedSend> planMedication(const MedicationTimes &schedule,
                                                const QTimeZone &zone, const QDateTime &from,
                                                const QDateTime &to);

/// Post-surgical steps on days 1, 3, 7 and 14 after \a surgery at \a stepTime local time,
/// each useful for a day.
[[nodiscard]] QList<PlannedSend> planPathway(qint64 pathwayId, const QDate &surgery,
                                             const QTimeZone &zone, const QuietHours &quiet,
                                             QTime stepTime = QTime(10, 0));

/// A step unanswered this long after it went out gets one reminder; twice as long, a nurse task.
constexpr qint64 PathwayNudgeAfterSecs = 24 * 3600;
constexpr qint64 PathwayTaskAfterSecs = 48 * 3600;

/// \a date at \a time in \a zone; a time in the spring-forward gap moves past the gap.
[[nodiscard]] QDateTime localMoment(const QDate &date, const QTime &time, const QTimeZone &zone);

} // namespace Wardline::Core
