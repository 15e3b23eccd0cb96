#include "hub/patientexport.h"

#include "store/database.h"
#include "store/patientrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Wardline::Hub {

namespace {
// Every column of the current row, by name; JSON held as text becomes JSON again.
QJsonObject rowObject(const QSqlQuery &query)
{
    QJsonObject object;
    const QSqlRecord record = query.record();
    for (int i = 0; i < record.count(); ++i) {
        const QString name = record.fieldName(i);
        const QVariant value = query.value(i);
        if (name == QLatin1StringView("payload")) {
            object.insert(name, QJsonDocument::fromJson(value.toString().toUtf8()).object());
        } else if (value.metaType().id() == QMetaType::QByteArray) {
            continue; // media bytes are exported as files, not inline
        } else {
            object.insert(name, QJsonValue::fromVariant(value));
        }
    }
    return object;
}

Core::Result<QJsonArray> rows(QSqlDatabase db, const QString &sql, const QVariant &bound)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(sql);
    query.addBindValue(bound);
    if (!query.exec())
        return Core::Result<QJsonArray>::failure(Store::Database::describe(query.lastError()));
    QJsonArray out;
    while (query.next())
        out.append(rowObject(query));
    return out;
}
} // namespace

PatientExport::PatientExport(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Core::Result<qint64> PatientExport::find(const QString &who) const
{
    Store::PatientRepository patients(m_db);
    QString digits = who;
    digits.remove(QRegularExpression(QStringLiteral("[\\s+()\\-.]")));
    qint64 id = patients.findBy(QStringLiteral("wa_id"), digits);
    if (id == 0)
        id = patients.findBy(QStringLiteral("user_id"), who.trimmed());
    if (id == 0)
        return Core::Result<qint64>::failure(
            QStringLiteral("No patient is known by \"%1\" (WhatsApp id, phone number or user id)")
                .arg(who));
    return id;
}

Core::Result<QJsonObject> PatientExport::record(qint64 patientId) const
{
    using R = Core::Result<QJsonObject>;
    auto patient = rows(m_db, QStringLiteral("SELECT * FROM patients WHERE id = ?"), patientId);
    if (!patient || patient->isEmpty())
        return R::failure(patient ? QStringLiteral("No patient %1").arg(patientId)
                                  : patient.error());
    auto identities = rows(m_db,
                           QStringLiteral("SELECT kind, value FROM patient_identities WHERE "
                                          "patient_id = ? ORDER BY kind, value"),
                           patientId);
    auto conversations =
        rows(m_db, QStringLiteral("SELECT * FROM conversations WHERE patient_id = ? ORDER BY id"),
             patientId);
    if (!identities || !conversations)
        return R::failure(!identities ? identities.error() : conversations.error());
    QJsonArray fullConversations;
    for (const QJsonValue &c : std::as_const(conversations.value())) {
        QJsonObject conversation = c.toObject();
        auto messages = rows(m_db,
                             QStringLiteral("SELECT * FROM messages WHERE conversation_id = ? "
                                            "ORDER BY sent_at, id"),
                             conversation.value(QLatin1StringView("id")).toInteger());
        if (!messages)
            return R::failure(messages.error());
        QJsonArray fullMessages;
        for (const QJsonValue &m : std::as_const(messages.value())) {
            QJsonObject message = m.toObject();
            const QString wamid = message.value(QLatin1StringView("wamid")).toString();
            if (!wamid.isEmpty()) {
                auto statuses = rows(m_db,
                                     QStringLiteral("SELECT status, at FROM message_statuses "
                                                    "WHERE wamid = ? ORDER BY at"),
                                     wamid);
                if (!statuses)
                    return R::failure(statuses.error());
                message.insert(QStringLiteral("statuses"), statuses.value());
            }
            fullMessages.append(message);
        }
        conversation.insert(QStringLiteral("messages"), fullMessages);
        fullConversations.append(conversation);
    }
    QJsonObject record{{QStringLiteral("patient"), patient->first()},
                       {QStringLiteral("identities"), identities.value()},
                       {QStringLiteral("conversations"), fullConversations}};
    // The care records kept about the patient belong to the record too.
    const struct
    {
        const char *name;
        const char *sql;
    } care[] = {
        {"appointments", "SELECT * FROM appointments WHERE patient_id = ? ORDER BY start_at"},
        {"medicationSchedules",
         "SELECT * FROM medication_schedules WHERE patient_id = ? ORDER BY id"},
        {"medicationDoses",
         "SELECT d.* FROM medication_doses d JOIN medication_schedules m ON m.id = d.schedule_id "
         "WHERE m.patient_id = ? ORDER BY d.due_at"},
        {"pathways", "SELECT * FROM pathways WHERE patient_id = ? ORDER BY id"},
        {"pathwaySteps",
         "SELECT s.* FROM pathway_steps s JOIN pathways w ON w.id = s.pathway_id WHERE "
         "w.patient_id = ? ORDER BY s.pathway_id, s.day"},
        {"automatedMessages",
         "SELECT kind, due_at, decided_at, outcome, reason FROM scheduled_sends WHERE patient_id "
         "= ? ORDER BY due_at"},
    };
    for (const auto &part : care) {
        auto found = rows(m_db, QString::fromLatin1(part.sql), patientId);
        if (!found)
            return R::failure(found.error());
        record.insert(QLatin1String(part.name), found.value());
    }
    return record;
}

} // namespace Wardline::Hub
