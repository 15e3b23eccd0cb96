#include "console/patientsummary.h"

#include <QJsonArray>

namespace Wardline::Console {

namespace {
QDateTime instant(const QJsonObject &o, QLatin1StringView key)
{
    return QDateTime::fromString(o.value(key).toString(), Qt::ISODateWithMs).toUTC();
}

QDate day(const QJsonObject &o, QLatin1StringView key)
{
    return QDate::fromString(o.value(key).toString(), Qt::ISODate);
}
} // namespace

PatientSummary PatientSummary::fromJson(const QJsonObject &patient)
{
    PatientSummary p;
    p.id = patient.value(QLatin1StringView("id")).toInteger();
    p.name = patient.value(QLatin1StringView("name")).toString();
    p.phone = patient.value(QLatin1StringView("phone")).toString();
    p.language = patient.value(QLatin1StringView("language")).toString();
    p.optIn = patient.value(QLatin1StringView("optIn")).toString();
    const QJsonArray appointments = patient.value(QLatin1StringView("appointments")).toArray();
    for (const QJsonValue &v : appointments) {
        const QJsonObject o = v.toObject();
        PanelAppointment a;
        a.id = o.value(QLatin1StringView("id")).toInteger();
        a.start = instant(o, QLatin1StringView("start"));
        a.durationMinutes = o.value(QLatin1StringView("durationMinutes")).toInt();
        a.provider = o.value(QLatin1StringView("provider")).toString();
        a.location = o.value(QLatin1StringView("location")).toString();
        a.description = o.value(QLatin1StringView("description")).toString();
        a.status = o.value(QLatin1StringView("status")).toString();
        a.confirmedAt = instant(o, QLatin1StringView("confirmedAt"));
        a.changeRequestedAt = instant(o, QLatin1StringView("changeRequestedAt"));
        if (a.start.isValid())
            p.appointments.append(a);
    }
    p.clinicalShared = patient.contains(QLatin1StringView("medications")) ||
                       patient.contains(QLatin1StringView("pathway"));
    const QJsonObject pathway = patient.value(QLatin1StringView("pathway")).toObject();
    if (!pathway.isEmpty()) {
        PanelPathway w;
        w.id = pathway.value(QLatin1StringView("id")).toInteger();
        w.kind = pathway.value(QLatin1StringView("kind")).toString();
        w.surgeryDate = day(pathway, QLatin1StringView("surgeryDate"));
        w.day = pathway.value(QLatin1StringView("day")).toInt();
        const QJsonObject step = pathway.value(QLatin1StringView("step")).toObject();
        w.stepDay = step.value(QLatin1StringView("day")).toInt();
        w.stepKind = step.value(QLatin1StringView("kind")).toString();
        w.stepDueAt = instant(step, QLatin1StringView("dueAt"));
        w.stepSentAt = instant(step, QLatin1StringView("sentAt"));
        const QJsonArray tasks = pathway.value(QLatin1StringView("openTasks")).toArray();
        for (const QJsonValue &t : tasks) {
            const QJsonObject o = t.toObject();
            w.openTasks.append({o.value(QLatin1StringView("kind")).toString(),
                                instant(o, QLatin1StringView("createdAt"))});
        }
        p.pathway = w;
    }
    const QJsonArray medications = patient.value(QLatin1StringView("medications")).toArray();
    for (const QJsonValue &v : medications) {
        const QJsonObject o = v.toObject();
        PanelMedication m;
        m.id = o.value(QLatin1StringView("id")).toInteger();
        m.medication = o.value(QLatin1StringView("medication")).toString();
        const QJsonArray times = o.value(QLatin1StringView("times")).toArray();
        for (const QJsonValue &t : times) {
            const QTime at = QTime::fromString(t.toString(), QStringLiteral("HH:mm"));
            if (at.isValid())
                m.times.append(at);
        }
        m.firstDay = day(o, QLatin1StringView("firstDay"));
        m.lastDay = day(o, QLatin1StringView("lastDay"));
        p.medications.append(m);
    }
    return p;
}

} // namespace Wardline::Console
