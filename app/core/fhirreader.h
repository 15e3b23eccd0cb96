#pragma once

#include "core/appointment.h"

#include <QByteArray>
#include <QString>

namespace Wardline::Core {

/// Reads appointments and patients from HL7 FHIR R4 JSON (https://hl7.org/fhir/R4/): a single
/// Appointment or Patient resource, or a Bundle of any type whose entry[].resource holds them.
///
/// Each resource is judged on its own: a malformed one becomes an ImportProblem naming the
/// bad field by its path ("Bundle.entry[2].resource.participant[0].actor.reference") and the
/// others are still read. Practitioner, PractitionerRole and Location entries (a search's
/// _include) are passed over silently; other resource types give a warning.
///
/// Appointment: status is required; start and end must be FHIR instants (with seconds and a
/// time-zone offset); exactly one participant must be a patient, as "Patient/<id>" (optionally
/// absolute or with /_history/<v>) or as the urn:uuid fullUrl of a Patient entry in the same
/// Bundle. Practitioner and PractitionerRole actors give the provider, Location actors the
/// location (their display). Patient: phone numbers are normalised with normalizeToE164 in
/// \a defaultRegion, a mobile preferred; the preferred communication language is reduced to
/// its primary subtag; the time zone comes from the timezone (or R4's tz-code) extension.
[[nodiscard]] ImportBatch readFhirJson(const QByteArray &json,
                                       const QString &defaultRegion = QStringLiteral("US"));

} // namespace Wardline::Core
