#pragma once

#include <QByteArray>
#include <QString>

namespace Wardline::Core {

/// One audit record as it is chained: each entry's hash covers the previous entry's hash, so
/// altering, removing or reordering any entry breaks every hash after it.
struct AuditRecord
{
    qint64 id = 0;
    QString at; ///< ISO 8601 UTC with milliseconds
    QString actor;
    QString action;
    QString subject;
    QString detail;
};

namespace AuditChain {

/// The hash the first entry chains from.
[[nodiscard]] QByteArray genesis();
/// Hex SHA-256 over \a previousHash and every field of \a record, each length-prefixed.
[[nodiscard]] QByteArray hash(const QByteArray &previousHash, const AuditRecord &record);

} // namespace AuditChain
} // namespace Wardline::Core
