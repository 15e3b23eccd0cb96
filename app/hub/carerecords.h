#pragma once

#include "core/result.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QTime>

namespace Wardline::Core {
class Clock;
struct ImportBatch;
struct PatientRecord;
} // namespace Wardline::Core

namespace Wardline::Hub {

/// What an import changed.
struct ImportSummary
{
    int patientsCreated = 0;
    int patientsUpdated = 0;
    int appointmentsCreated = 0;
    int appointmentsUpdated = 0;
    int appointmentsSkipped = 0; ///< no times yet, deceased patient, patient not in the file
};

/// The care records the workflows run from: patients and appointments imported from the
/// hospital's systems (CSV, FHIR), medication schedules and post-surgical pathways. Call
/// inside a transaction; every change is an event consoles follow.
class CareRecords
{
public:
    CareRecords(QSqlDatabase db, const Core::Clock &clock);

    /// The patient with this outside id or WhatsApp number, updated; or a new one.
    [[nodiscard]] Core::Result<qint64> upsertPatient(const Core::PatientRecord &record,
                                                     bool *created = nullptr);
    /// Patients and appointments of one import file or server page. An appointment already
    /// imported is updated; a new start time books it again (new reminders), while a patient's
    /// confirmation or change request for the same slot is kept.
    [[nodiscard]] Core::Result<ImportSummary> importBatch(const Core::ImportBatch &batch);
    [[nodiscard]] Core::Result<qint64> addMedication(qint64 patientId, const QString &medication,
                                                     const QList<QTime> &times, const QDate &first,
                                                     const QDate &last);
    [[nodiscard]] Core::Result<qint64> startPathway(qint64 patientId, const QDate &surgery);
    /// Staff record what happened to an appointment: noshow, fulfilled, cancelled, booked.
    [[nodiscard]] Core::Status setAppointmentStatus(qint64 appointmentId, const QString &status);

private:
    [[nodiscard]] Core::Status event(const QString &kind, const QJsonObject &payload);

    QSqlDatabase m_db;
    const Core::Clock &m_clock;
};

} // namespace Wardline::Hub
