#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace Wardline::Store {

/// What WhatsApp tells about a sender: either identifier may be missing, not both.
struct PatientIdentity
{
    QString waId;
    QString userId; ///< business-scoped user id
    QString profileName;
};

/// Patients, found by any identifier they were ever known by.
class PatientRepository
{
public:
    explicit PatientRepository(QSqlDatabase db);

    /// The patient behind \a identity; created when neither identifier is known. A newly seen
    /// identifier of a known patient is added to that patient (one patient, never two).
    [[nodiscard]] Core::Result<qint64> resolve(const PatientIdentity &identity,
                                               const QDateTime &now);
    /// Records that \a patientId is now also known as \a waId (WhatsApp's number change).
    [[nodiscard]] Core::Status addWaId(qint64 patientId, const QString &waId, const QDateTime &now);
    /// The patient known by \a kind ("wa_id" or "user_id") = \a value, or 0.
    [[nodiscard]] qint64 findBy(const QString &kind, const QString &value) const;

private:
    [[nodiscard]] Core::Status addIdentity(qint64 patientId, const QString &kind,
                                           const QString &value);

    QSqlDatabase m_db;
};

} // namespace Wardline::Store
