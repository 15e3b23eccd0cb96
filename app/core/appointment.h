#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

namespace Wardline::Core {

/// A patient as an outside record system (FHIR server, CSV export) describes them, before the
/// hub matches it to a WhatsApp patient. \c sourceId is that system's id, not ours.
struct PatientRecord
{
    QString sourceId;      ///< FHIR Patient.id (or the entry's urn:uuid fullUrl), CSV patient_id
    QString name;          ///< as the hospital records it; may be empty
    QString phoneE164;     ///< "+15551234567" (normalizeToE164), empty when none is usable
    QString language;      ///< primary BCP 47 subtag, lower case ("en", "es"); empty when unknown
    QString timeZone;      ///< IANA id, checked with QTimeZone; empty when not given
    bool deceased = false; ///< FHIR Patient.deceased[x]: never remind
};

/// One appointment from an outside record system.
struct AppointmentRecord
{
    QString sourceId;        ///< FHIR Appointment.id (or urn:uuid fullUrl), CSV appointment_id
    QString patientSourceId; ///< the PatientRecord::sourceId it belongs to
    /// Exact instants. They keep the source's offset (FHIR) or time zone (CSV) so the local
    /// wall-clock time can be shown without another conversion. Both are invalid only for FHIR
    /// proposed, cancelled and waitlist appointments, which may have no times yet; \c end alone
    /// is invalid when a FHIR source gave a start and neither an end nor minutesDuration.
    QDateTime start;
    QDateTime end;
    /// FHIR Appointment.status vocabulary (FHIR R4 valueset-appointmentstatus): proposed, pending,
    /// booked, arrived, fulfilled, cancelled, noshow, entered-in-error, checked-in, waitlist.
    QString status;
    QString provider;    ///< practitioner's display name
    QString location;    ///< location's display name
    QString serviceType; ///< FHIR Appointment.serviceType text or display
    QString description; ///< short title of the appointment
    /// Text meant for the patient (FHIR Appointment.patientInstruction; CSV instructions),
    /// e.g. "fast from 8 pm the night before". Safe to put in a reminder.
    QString instructions;
    /// FHIR Appointment.comment. R4 (appointment.html, Appointment.patientInstruction) says the
    /// comment is for internal use and patientInstruction is the patient-facing text, so this is
    /// shown to staff only and never sent to a patient.
    QString staffComment;
};

/// Something wrong in an import file. It names where, never the value found there, because
/// the value may be patient data and problems are shown to staff and may be logged.
struct ImportProblem
{
    enum class Severity {
        Skipped, ///< the record at \c where was not imported
        Warning, ///< the record was imported; one field was ignored or is missing
    };
    QString where;   ///< "Bundle.entry[3].resource.start", "line 7, column start", "line 7"
    QString message; ///< what is wrong, in words staff understand
    Severity severity = Severity::Skipped;
};

/// What one import file yielded: the good records, and a problem for each bad one.
struct ImportBatch
{
    QList<PatientRecord> patients;
    QList<AppointmentRecord> appointments;
    QList<ImportProblem> problems;
    /// FHIR searchset paging: the Bundle.link with relation "next" (FHIR R4 http.html, Paging),
    /// empty when this was the last page. It comes from the server: check it points at the
    /// same server before following it.
    QUrl nextPageUrl;

    [[nodiscard]] bool hasSkipped() const
    {
        for (const ImportProblem &p : problems) {
            if (p.severity == ImportProblem::Severity::Skipped)
                return true;
        }
        return false;
    }
};

/// Whether \a status is a code of FHIR R4's AppointmentStatus value set (listed above).
[[nodiscard]] bool isAppointmentStatus(const QString &status);

/// The primary language subtag of a BCP 47 tag (RFC 5646), lower case: "es-MX" gives "es",
/// "en_US" gives "en". Empty when \a tag does not start with a language subtag.
[[nodiscard]] QString primaryLanguageSubtag(const QString &tag);

} // namespace Wardline::Core
