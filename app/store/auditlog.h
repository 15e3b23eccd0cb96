#pragma once

#include "core/auditchain.h"
#include "core/result.h"

#include <QSqlDatabase>

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Store {

/// The hub's append-only, hash-chained audit trail. Details never hold message text.
class AuditLog
{
public:
    AuditLog(QSqlDatabase db, const Core::Clock &clock);

    /// Appends one entry; call inside the transaction of the change it records.
    [[nodiscard]] Core::Status append(const QString &actor, const QString &action,
                                      const QString &subject, const QString &detail = {});

    /// Checks every hash; on a broken chain the error names the first bad entry.
    [[nodiscard]] Core::Result<qint64> verify() const;

private:
    QSqlDatabase m_db;
    const Core::Clock &m_clock;
};

} // namespace Wardline::Store
