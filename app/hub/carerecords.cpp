#include "hub/carerecords.h"

#include "core/appointment.h"
#include "core/clock.h"
#include "core/phonenumber.h"
#include "store/database.h"
#include "store/eventlog.h"
#include "store/patientrepository.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace Wardline::Hub {

namespace {
using R = Core::Result<qint64>;

QString iso(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

// FHIR R4 Appointment.status → ours; empty: nothing to remind about (yet).
QString appointmentStatus(const QString &fhir)
{
    if (fhir == QLatin1String("booked"))
        return QStringLiteral("booked");
    if (fhir == QLatin1String("arrived") || fhir == QLatin1String("checked-in") ||
        fhir == QLatin1String("fulfilled"))
        return QStringLiteral("fulfilled");
    if (fhir == QLatin1String("cancelled") || fhir == QLatin1String("entered-in-error"))
        return QStringLiteral("cancelled");
    if (fhir == QLatin1String("noshow"))
        return QStringLiteral("noshow");
    return {}; // proposed, pending, waitlist: not agreed yet
}

std::optional<qint64> single(QSqlQuery &q)
{
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}
} // namespace

CareRecords::CareRecords(QSqlDatabase db, const Core::Clock &clock)
    : m_db(std::move(db))
    , m_clock(clock)
{
}

Core::Status CareRecords::event(const QString &kind, const QJsonObject &payload)
{
    auto e = Store::EventLog(m_db).append(kind, payload, m_clock.now());
    return e ? Core::Status() : Core::Status::failure(e.error());
}

R CareRecords::upsertPatient(const Core::PatientRecord &record, bool *created)
{
    const QDateTime now = m_clock.now();
    const QString waId =
        record.phoneE164.isEmpty() ? QString() : Core::waIdFromE164(record.phoneE164);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM patients WHERE external_id = ?"));
    q.addBindValue(record.sourceId);
    std::optional<qint64> id = record.sourceId.isEmpty() ? std::nullopt : single(q);
    if (!id && !waId.isEmpty()) {
        // A patient who wrote to us before the hospital's record arrived is the same patient.
        if (const qint64 known =
                Store::PatientRepository(m_db).findBy(QStringLiteral("wa_id"), waId))
            id = known;
    }
    if (created)
        *created = !id;
    if (!id) {
        if (!waId.isEmpty()) {
            auto resolved = Store::PatientRepository(m_db).resolve({waId, {}, {}}, now);
            if (!resolved)
                return resolved;
            id = resolved.value();
        } else {
            q.prepare(
                QStringLiteral("INSERT INTO patients (created_at, updated_at) VALUES (?, ?)"));
            q.addBindValue(iso(now));
            q.addBindValue(iso(now));
            if (!q.exec())
                return R::failure(Store::Database::describe(q.lastError()));
            id = q.lastInsertId().toLongLong();
        }
    }
    // What the hospital's record says wins; what it leaves out stays as it was.
    q.prepare(QStringLiteral(
        "UPDATE patients SET external_id = coalesce(nullif(?, ''), external_id), display_name = "
        "coalesce(nullif(?, ''), display_name), phone_e164 = coalesce(nullif(?, ''), "
        "phone_e164), language = coalesce(nullif(?, ''), language), time_zone = "
        "coalesce(nullif(?, ''), time_zone), updated_at = ? WHERE id = ?"));
    for (const QVariant &v :
         {QVariant(record.sourceId), QVariant(record.name), QVariant(record.phoneE164),
          QVariant(record.language), QVariant(record.timeZone), QVariant(iso(now)), QVariant(*id)})
        q.addBindValue(v);
    if (!q.exec())
        return R::failure(Store::Database::describe(q.lastError()));
    return *id;
}

Core::Result<ImportSummary> CareRecords::importBatch(const Core::ImportBatch &batch)
{
    using IR = Core::Result<ImportSummary>;
    ImportSummary summary;
    QHash<QString, qint64> patients;
    QSet<QString> deceased;
    for (const Core::PatientRecord &record : batch.patients) {
        bool created = false;
        auto id = upsertPatient(record, &created);
        if (!id)
            return IR::failure(id.error());
        patients.insert(record.sourceId, id.value());
        if (record.deceased)
            deceased.insert(record.sourceId);
        ++(created ? summary.patientsCreated : summary.patientsUpdated);
    }
    const QString now = iso(m_clock.now());
    for (const Core::AppointmentRecord &a : batch.appointments) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT id FROM patients WHERE external_id = ?"));
        q.addBindValue(a.patientSourceId);
        std::optional<qint64> patient = patients.contains(a.patientSourceId)
                                            ? std::optional(patients.value(a.patientSourceId))
                                            : single(q);
        const QString status = appointmentStatus(a.status);
        if (!patient || status.isEmpty() || !a.start.isValid() ||
            deceased.contains(a.patientSourceId)) {
            ++summary.appointmentsSkipped;
            continue;
        }
        q.prepare(QStringLiteral("SELECT id, start_at, status FROM appointments WHERE "
                                 "external_id = ?"));
        q.addBindValue(a.sourceId);
        if (!q.exec())
            return IR::failure(Store::Database::describe(q.lastError()));
        const QString start = iso(a.start);
        const QVariant end = a.end.isValid() ? QVariant(iso(a.end)) : QVariant();
        if (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            const bool moved = q.value(1).toString() != start;
            const QString ours = q.value(2).toString();
            // The patient's own answer for this slot stays until the hospital's record says
            // more than "booked".
            const QString kept = moved || status != QLatin1String("booked") ? status : ours;
            QSqlQuery u(m_db);
            u.prepare(QStringLiteral(
                "UPDATE appointments SET patient_id = ?, start_at = ?, end_at = ?, provider = ?, "
                "location = ?, description = ?, instructions = ?, status = ?, updated_at = ? "
                "WHERE id = ?"));
            for (const QVariant &v :
                 {QVariant(*patient), QVariant(start), end, QVariant(a.provider),
                  QVariant(a.location), QVariant(a.description), QVariant(a.instructions),
                  QVariant(kept), QVariant(now), QVariant(id)})
                u.addBindValue(v);
            if (!u.exec())
                return IR::failure(Store::Database::describe(u.lastError()));
            ++summary.appointmentsUpdated;
            continue;
        }
        q.prepare(QStringLiteral(
            "INSERT INTO appointments (external_id, patient_id, start_at, end_at, provider, "
            "location, description, instructions, status, created_at, updated_at) VALUES (?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &v :
             {QVariant(a.sourceId), QVariant(*patient), QVariant(start), end, QVariant(a.provider),
              QVariant(a.location), QVariant(a.description), QVariant(a.instructions),
              QVariant(status), QVariant(now), QVariant(now)})
            q.addBindValue(v);
        if (!q.exec())
            return IR::failure(Store::Database::describe(q.lastError()));
        ++summary.appointmentsCreated;
    }
    if (auto s = event(QStringLiteral("appointments.imported"),
                       {{QStringLiteral("created"), summary.appointmentsCreated},
                        {QStringLiteral("updated"), summary.appointmentsUpdated}});
        !s)
        return IR::failure(s.error());
    return summary;
}

R CareRecords::addMedication(qint64 patientId, const QString &medication, const QList<QTime> &times,
                             const QDate &first, const QDate &last)
{
    if (medication.trimmed().isEmpty() || times.isEmpty() || !first.isValid())
        return R::failure(QStringLiteral("A medication schedule needs the medication's name, at "
                                         "least one time of day and a first day."));
    QJsonArray clock;
    for (const QTime &t : times)
        clock.append(t.toString(QStringLiteral("HH:mm")));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO medication_schedules (patient_id, medication, times, "
                             "first_day, last_day, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(patientId), QVariant(medication.trimmed()),
          QVariant(QString::fromUtf8(QJsonDocument(clock).toJson(QJsonDocument::Compact))),
          QVariant(first.toString(Qt::ISODate)),
          last.isValid() ? QVariant(last.toString(Qt::ISODate)) : QVariant(),
          QVariant(iso(m_clock.now()))})
        q.addBindValue(v);
    if (!q.exec())
        return R::failure(Store::Database::describe(q.lastError()));
    const qint64 id = q.lastInsertId().toLongLong();
    if (auto s =
            event(QStringLiteral("medication.scheduled"),
                  {{QStringLiteral("patientId"), patientId}, {QStringLiteral("scheduleId"), id}});
        !s)
        return R::failure(s.error());
    return id;
}

R CareRecords::startPathway(qint64 patientId, const QDate &surgery)
{
    if (!surgery.isValid())
        return R::failure(QStringLiteral("A post-surgical pathway needs the surgery date."));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO pathways (patient_id, surgery_date, created_at) VALUES "
                             "(?, ?, ?)"));
    q.addBindValue(patientId);
    q.addBindValue(surgery.toString(Qt::ISODate));
    q.addBindValue(iso(m_clock.now()));
    if (!q.exec())
        return R::failure(Store::Database::describe(q.lastError()));
    const qint64 id = q.lastInsertId().toLongLong();
    if (auto s = event(QStringLiteral("pathway.started"), {{QStringLiteral("patientId"), patientId},
                                                           {QStringLiteral("pathwayId"), id}});
        !s)
        return R::failure(s.error());
    return id;
}

Core::Status CareRecords::setAppointmentStatus(qint64 appointmentId, const QString &status)
{
    static const QStringList allowed = {QStringLiteral("booked"), QStringLiteral("noshow"),
                                        QStringLiteral("fulfilled"), QStringLiteral("cancelled")};
    if (!allowed.contains(status))
        return Core::Status::failure(
            QStringLiteral("An appointment can be marked booked, noshow, fulfilled or cancelled."));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE appointments SET status = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(iso(m_clock.now()));
    q.addBindValue(appointmentId);
    if (!q.exec())
        return Core::Status::failure(Store::Database::describe(q.lastError()));
    if (q.numRowsAffected() == 0)
        return Core::Status::failure(QStringLiteral("There is no such appointment."));
    return event(
        QStringLiteral("appointment.status"),
        {{QStringLiteral("appointmentId"), appointmentId}, {QStringLiteral("status"), status}});
}

} // namespace Wardline::Hub
