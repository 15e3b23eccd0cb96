#pragma once

#include "core/appointment.h"

#include <QByteArray>
#include <QString>

namespace Wardline::Core {

// Appointment CSV import format
// =============================
// Encoding: UTF-8 (a leading byte-order mark is allowed). Layout per RFC 4180: fields are
// separated by commas; a field containing a comma, a double quote or a line break is enclosed
// in double quotes, and a double quote inside it is written twice (""); lines end in CRLF or
// LF. Blank lines are skipped. Every row must have as many fields as the header: a row that
// does not (often an unquoted comma in a name) is rejected rather than read into the wrong
// columns.
//
// The first line names the columns, in any order and any letter case; unknown columns are
// ignored. Required: appointment_id, patient_id, start, and end or duration_minutes.
//
//   appointment_id    the scheduling system's id of the appointment; unique in the file
//   patient_id        the scheduling system's id of the patient
//   patient_name      the patient's name as the hospital records it
//   phone             the patient's mobile number; "+" and a country code, or a national
//                     number of the import's default region (US unless told otherwise)
//   language          BCP 47 tag (en, es, es-MX); only the language part is kept
//   time_zone         IANA time zone (America/Chicago). Local start/end times in this row are
//                     read in it; it is also recorded as the patient's time zone. Empty: the
//                     default time zone given to the import is used for reading times.
//   start             either an exact time with an offset (2025-03-09T09:30:00-06:00,
//                     2025-03-09T15:30:00Z) or a local time (2025-03-09 09:30,
//                     2025-03-09T09:30:00) read in the row's time zone. A local time that
//                     does not exist (clocks go forward) rejects the row; one that happens
//                     twice (clocks go back) takes the earlier and gives a warning.
//   end               same forms as start; must not be before start
//   duration_minutes  1 to 1440; used when end is empty or absent
//   provider          the clinician's name, as patients know it
//   location          where to go (clinic, building, floor)
//   instructions      preparation the patient is told in the reminder ("fast from 8 pm")
//   description       short title of the appointment
//   status            a FHIR appointment status (booked, cancelled, …); default booked
//
// A patient is read once per patient_id: the first row that gives a field sets it, and a later
// row giving a different value gets a warning. Problems name "line N, column X" (N counts
// physical lines, so a quoted line break counts) and never quote the value found.

/// Reads an appointment list exported from a scheduling system (format above). Rows are judged
/// one by one: a bad row becomes an ImportProblem and the others are still read. Without a
/// usable header nothing is read. \a defaultTimeZone (IANA) reads local times of rows with an
/// empty time_zone; \a defaultRegion (ISO 3166-1) reads phone numbers without a country code.
[[nodiscard]] ImportBatch readAppointmentCsv(const QByteArray &csv, const QString &defaultTimeZone,
                                             const QString &defaultRegion = QStringLiteral("US"));

} // namespace Wardline::Core
