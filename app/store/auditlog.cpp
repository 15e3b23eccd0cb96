#include "store/auditlog.h"

#include "core/clock.h"
#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Wardline::Store {

using Core::AuditRecord;

AuditLog::AuditLog(QSqlDatabase db, const Core::Clock &clock)
    : m_db(std::move(db))
    , m_clock(clock)
{
}

Core::Status AuditLog::append(const QString &actor, const QString &action, const QString &subject,
                              const QString &detail)
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")))
        return Core::Status::failure(Database::describe(query.lastError()));
    qint64 previousId = 0;
    QByteArray previousHash = Core::AuditChain::genesis();
    if (query.next()) {
        previousId = query.value(0).toLongLong();
        previousHash = query.value(1).toString().toLatin1();
    }
    AuditRecord record;
    record.id = previousId + 1;
    record.at = m_clock.now().toUTC().toString(Qt::ISODateWithMs);
    record.actor = actor;
    record.action = action;
    record.subject = subject;
    record.detail = detail;
    const QByteArray hash = Core::AuditChain::hash(previousHash, record);

    query.prepare(QStringLiteral("INSERT INTO audit_log (id, at, actor, action, subject, detail, "
                                 "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(record.id), QVariant(record.at), QVariant(actor), QVariant(action),
          QVariant(subject), QVariant(detail), QVariant(QString::fromLatin1(previousHash)),
          QVariant(QString::fromLatin1(hash))})
        query.addBindValue(v);
    if (!query.exec())
        return Core::Status::failure(QStringLiteral("Unable to write the audit trail: %1")
                                         .arg(Database::describe(query.lastError())));
    return {};
}

Core::Result<qint64> AuditLog::verify() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, at, actor, action, subject, detail, prev_hash, hash "
                                   "FROM audit_log ORDER BY id")))
        return Core::Result<qint64>::failure(Database::describe(query.lastError()));
    QByteArray expectedPrevious = Core::AuditChain::genesis();
    qint64 count = 0;
    qint64 expectedId = 1;
    while (query.next()) {
        AuditRecord r;
        r.id = query.value(0).toLongLong();
        r.at = query.value(1).toString();
        r.actor = query.value(2).toString();
        r.action = query.value(3).toString();
        r.subject = query.value(4).toString();
        r.detail = query.value(5).toString();
        const QByteArray previous = query.value(6).toString().toLatin1();
        const QByteArray stored = query.value(7).toString().toLatin1();
        if (r.id != expectedId)
            return Core::Result<qint64>::failure(
                QStringLiteral("Audit entry %1 is missing (found %2 next)")
                    .arg(expectedId)
                    .arg(r.id));
        if (previous != expectedPrevious || Core::AuditChain::hash(previous, r) != stored)
            return Core::Result<qint64>::failure(
                QStringLiteral("Audit entry %1 (%2 at %3) was altered")
                    .arg(r.id)
                    .arg(r.action, r.at));
        expectedPrevious = stored;
        ++expectedId;
        ++count;
    }
    return count;
}

} // namespace Wardline::Store
