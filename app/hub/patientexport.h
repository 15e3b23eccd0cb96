#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace Wardline::Hub {

/// A patient's whole record as JSON, for a right-of-access request (HIPAA §164.524): who they
/// are to us, every identifier, every conversation, message and delivery status.
class PatientExport
{
public:
    explicit PatientExport(QSqlDatabase db);

    /// \a who is a WhatsApp id, a phone number (+ and spaces allowed) or a business-scoped
    /// user id.
    [[nodiscard]] Core::Result<qint64> find(const QString &who) const;
    [[nodiscard]] Core::Result<QJsonObject> record(qint64 patientId) const;

private:
    QSqlDatabase m_db;
};

} // namespace Wardline::Hub
