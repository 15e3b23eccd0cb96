#include "core/careplan.h"

namespace Wardline::Core {

namespace {
bool inQuietHours(const QTime &t, const QTime &start, const QTime &end)
{
    if (start == end)
        return false;
    if (start < end)
        return t >= start && t < end;
    return t >= start || t < end; // across midnight
}

PlannedSend planned(QString key, CareSend kind, qint64 subject, QDateTime due,
                    QDateTime usefulUntil, QDateTime occurrence, int day = 0)
{
    return {std::move(key),     kind, subject, due.toUTC(), usefulUntil.toUTC(),
            occurrence.toUTC(), day};
}
} // namespace

bool QuietHours::contains(const QDateTime &at, const QTimeZone &zone) const
{
    return inQuietHours(at.toTimeZone(zone).time(), start, end);
}

QDateTime QuietHours::nextAllowed(const QDateTime &at, const QTimeZone &zone) const
{
    if (!contains(at, zone))
        return at;
    const QDateTime local = at.toTimeZone(zone);
    QDate day = local.date();
    if (local.time() >= end) // before midnight: the quiet hours end tomorrow
        day = day.addDays(1);
    return localMoment(day, end, zone).toUTC();
}

QString careSendName(CareSend kind)
{
    switch (kind) {
    case CareSend::AppointmentReminder:
        return QStringLiteral("appointment_reminder");
    case CareSend::AppointmentConfirm:
        return QStringLiteral("appointment_confirm");
    case CareSend::AppointmentFollowUp:
        return QStringLiteral("appointment_followup");
    case CareSend::MedicationDose:
        return QStringLiteral("medication_dose");
    case CareSend::PathwayCheckIn:
        return QStringLiteral("pathway_checkin");
    case CareSend::PathwayPhoto:
        return QStringLiteral("pathway_photo");
    case CareSend::PathwayPain:
        return QStringLiteral("pathway_pain");
    case CareSend::PathwayFollowUp:
        return QStringLiteral("pathway_followup");
    case CareSend::PathwayNudge:
        return QStringLiteral("pathway_nudge");
    case CareSend::EmergencyInstruction:
        return QStringLiteral("emergency_instruction");
    }
    return {};
}

QDateTime localMoment(const QDate &date, const QTime &time, const QTimeZone &zone)
{
    QDateTime moment(date, time, zone);
    // Qt 6.4 leaves a time inside the spring-forward gap invalid; the gap is at most two hours
    // in every zone in use, so the first valid time after it is found within that.
    for (int minutes = 30; !moment.isValid() && minutes <= 120; minutes += 30)
        moment = QDateTime(date, time.addSecs(minutes * 60), zone);
    return moment;
}

QList<PlannedSend> planAppointment(const AppointmentTimes &a, const QTimeZone &zone,
                                   const QuietHours &quiet)
{
    QList<PlannedSend> plan;
    static const QStringList live = {QStringLiteral("booked"), QStringLiteral("confirmed")};
    const bool upcoming = live.contains(a.status);
    if ((!upcoming && a.status != QLatin1String("fulfilled")) || !a.start.isValid())
        return plan;
    const QString slot = QString::number(a.start.toSecsSinceEpoch());
    const QString prefix = QStringLiteral("appt:%1:%2:").arg(a.id).arg(slot);
    const QDateTime end = a.end.isValid() ? a.end : a.start.addSecs(30 * 60);
    // "The day before at the same time" on the patient's calendar, whatever the clocks did.
    const QDateTime startLocal = a.start.toTimeZone(zone);
    const QDateTime dayBefore = localMoment(startLocal.date().addDays(-1), startLocal.time(), zone);
    if (upcoming) {
        plan.append(planned(prefix + QStringLiteral("reminder"), CareSend::AppointmentReminder,
                            a.id, quiet.nextAllowed(dayBefore, zone), a.start.addSecs(-2 * 3600),
                            a.start));
    }
    if (a.status == QLatin1String("booked")) {
        plan.append(planned(prefix + QStringLiteral("confirm"), CareSend::AppointmentConfirm, a.id,
                            quiet.nextAllowed(a.start.addSecs(-2 * 3600), zone),
                            a.start.addSecs(-30 * 60), a.start));
    }
    plan.append(planned(prefix + QStringLiteral("followup"), CareSend::AppointmentFollowUp, a.id,
                        quiet.nextAllowed(end.addSecs(2 * 3600), zone), end.addSecs(48 * 3600),
                        a.start));
    return plan;
}

QList<PlannedSend> planMedication(const MedicationTimes &schedule, const QTimeZone &zone,
                                  const QDateTime &from, const QDateTime &to)
{
    QList<PlannedSend> plan;
    if (!schedule.first.isValid())
        return plan;
    // One day either side: a local date differs from the UTC date by at most a day.
    QDate day = std::max(schedule.first, from.toTimeZone(zone).date().addDays(-1));
    QDate lastDay = to.toTimeZone(zone).date().addDays(1);
    if (schedule.last.isValid())
        lastDay = std::min(lastDay, schedule.last);
    for (; day <= lastDay; day = day.addDays(1)) {
        for (const QTime &time : schedule.times) {
            const QDateTime due = localMoment(day, time, zone);
            if (!due.isValid() || due < from || due > to)
                continue;
            const QString key =
                QStringLiteral("dose:%1:%2T%3")
                    .arg(schedule.id)
                    .arg(day.toString(Qt::ISODate), time.toString(QStringLiteral("HH:mm")));
            plan.append(planned(key, CareSend::MedicationDose, schedule.id, due,
                                due.addSecs(2 * 3600), due));
        }
    }
    return plan;
}

QList<PlannedSend> planPathway(qint64 pathwayId, const QDate &surgery, const QTimeZone &zone,
                               const QuietHours &quiet, QTime stepTime)
{
    static const struct
    {
        int day;
        CareSend kind;
    } steps[] = {{1, CareSend::PathwayCheckIn},
                 {3, CareSend::PathwayPhoto},
                 {7, CareSend::PathwayPain},
                 {14, CareSend::PathwayFollowUp}};
    QList<PlannedSend> plan;
    for (const auto &step : steps) {
        const QDateTime at = localMoment(surgery.addDays(step.day), stepTime, zone);
        plan.append(planned(QStringLiteral("path:%1:day%2").arg(pathwayId).arg(step.day), step.kind,
                            pathwayId, quiet.nextAllowed(at, zone), at.addSecs(24 * 3600), at,
                            step.day));
    }
    return plan;
}

} // namespace Wardline::Core
