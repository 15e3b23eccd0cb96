#include "store/patientrepository.h"

#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Wardline::Store {

using Core::Result;
using Core::Status;

PatientRepository::PatientRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

qint64 PatientRepository::findBy(const QString &kind, const QString &value) const
{
    if (value.isEmpty())
        return 0;
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("SELECT patient_id FROM patient_identities WHERE kind = ? AND value = ?"));
    query.addBindValue(kind);
    query.addBindValue(value);
    return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
}

Status PatientRepository::addIdentity(qint64 patientId, const QString &kind, const QString &value)
{
    if (value.isEmpty())
        return {};
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO patient_identities (kind, value, patient_id) "
                                 "VALUES (?, ?, ?) ON CONFLICT (kind, value) DO NOTHING"));
    query.addBindValue(kind);
    query.addBindValue(value);
    query.addBindValue(patientId);
    if (!query.exec())
        return Status::failure(Database::describe(query.lastError()));
    return {};
}

Result<qint64> PatientRepository::resolve(const PatientIdentity &identity, const QDateTime &now)
{
    if (identity.waId.isEmpty() && identity.userId.isEmpty())
        return Result<qint64>::failure(QStringLiteral("a sender with neither wa_id nor user id"));
    const QString waKind = QStringLiteral("wa_id");
    const QString userKind = QStringLiteral("user_id");
    // The business-scoped user id is stable across number changes: it wins when both match.
    qint64 id = findBy(userKind, identity.userId);
    if (id == 0)
        id = findBy(waKind, identity.waId);

    QSqlQuery query(m_db);
    if (id == 0) {
        query.prepare(QStringLiteral(
            "INSERT INTO patients (wa_id, business_user_id, profile_name, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)"));
        query.addBindValue(identity.waId.isEmpty() ? QVariant() : QVariant(identity.waId));
        query.addBindValue(identity.userId.isEmpty() ? QVariant() : QVariant(identity.userId));
        query.addBindValue(identity.profileName);
        query.addBindValue(now);
        query.addBindValue(now);
        if (!query.exec())
            return Result<qint64>::failure(Database::describe(query.lastError()));
        id = query.lastInsertId().toLongLong();
    } else {
        query.prepare(QStringLiteral(
            "UPDATE patients SET "
            "wa_id = coalesce(?, wa_id), business_user_id = coalesce(?, business_user_id), "
            "profile_name = CASE WHEN ? = '' THEN profile_name ELSE ? END, updated_at = ? "
            "WHERE id = ?"));
        query.addBindValue(identity.waId.isEmpty() ? QVariant() : QVariant(identity.waId));
        query.addBindValue(identity.userId.isEmpty() ? QVariant() : QVariant(identity.userId));
        query.addBindValue(identity.profileName);
        query.addBindValue(identity.profileName);
        query.addBindValue(now);
        query.addBindValue(id);
        if (!query.exec())
            return Result<qint64>::failure(Database::describe(query.lastError()));
    }
    for (const auto &[kind, value] :
         {std::pair{waKind, identity.waId}, {userKind, identity.userId}}) {
        if (Status s = addIdentity(id, kind, value); !s)
            return Result<qint64>::failure(s.error());
    }
    return id;
}

Status PatientRepository::addWaId(qint64 patientId, const QString &waId, const QDateTime &now)
{
    if (Status s = addIdentity(patientId, QStringLiteral("wa_id"), waId); !s)
        return s;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE patients SET wa_id = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(waId);
    query.addBindValue(now);
    query.addBindValue(patientId);
    if (!query.exec())
        return Status::failure(Database::describe(query.lastError()));
    return {};
}

} // namespace Wardline::Store
