#include "hub/careapi.h"

#include "core/clock.h"
#include "core/permissions.h"
#include "hub/carerecords.h"
#include "hub/staffapi.h"
#include "store/auditlog.h"
#include "store/database.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Wardline::Hub {

using Core::Permission;
using Status = QHttpServerResponse::StatusCode;

namespace {
// Every row of \a q as a JSON object keyed by column name.
QJsonArray rows(QSqlQuery &q)
{
    QJsonArray all;
    while (q.next()) {
        QJsonObject row;
        const QSqlRecord record = q.record();
        for (int i = 0; i < record.count(); ++i)
            row.insert(record.fieldName(i), QJsonValue::fromVariant(q.value(i)));
        all.append(row);
    }
    return all;
}

QHttpServerResponse storageError(const QSqlQuery &q)
{
    return StaffApi::error(Status::InternalServerError, QStringLiteral("storage"),
                           Store::Database::describe(q.lastError()));
}
} // namespace

CareApi::CareApi(QSqlDatabase db, StaffApi &staff, const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_staff(staff)
    , m_clock(clock)
{
}

void CareApi::addRoutes(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/api/v1/appointments"), Method::Get,
                 [this](const QHttpServerRequest &request) { return rescheduleQueue(request); });
    server.route(QStringLiteral("/api/v1/appointments/<arg>/status"), Method::Post,
                 [this](qint64 id, const QHttpServerRequest &request) {
                     return setAppointmentStatus(id, request);
                 });
    server.route(QStringLiteral("/api/v1/photo-reviews"), Method::Get,
                 [this](const QHttpServerRequest &request) { return photoReviews(request); });
    server.route(QStringLiteral("/api/v1/tasks"), Method::Get,
                 [this](const QHttpServerRequest &request) { return tasks(request); });
}

QHttpServerResponse CareApi::rescheduleQueue(const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto user = m_staff.authorize(request, Permission::ManageAppointments,
                                        QStringLiteral("queue:reschedule"), &denied);
    if (!user)
        return denied;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Longest waiting first; the conversation is the patient's latest on the line.
    q.prepare(QStringLiteral(
        "SELECT a.id, a.patient_id AS patientId, CASE WHEN p.display_name <> '' THEN "
        "p.display_name ELSE p.profile_name END AS patientName, p.phone_e164 AS phone, "
        "a.start_at AS start, a.end_at AS \"end\", a.provider, a.location, a.status, "
        "a.change_requested_at AS changeRequestedAt, (SELECT max(c.id) FROM conversations c "
        "WHERE c.patient_id = a.patient_id) AS conversationId FROM appointments a JOIN patients "
        "p ON p.id = a.patient_id WHERE a.status = 'change_requested' ORDER BY "
        "a.change_requested_at, a.id"));
    if (!q.exec())
        return storageError(q);
    const QJsonArray queue = rows(q);
    (void)Store::AuditLog(m_db, m_clock)
        .append(user->username, QStringLiteral("queue.view"), QStringLiteral("queue:reschedule"),
                StaffApi::origin(request));
    return QHttpServerResponse(QJsonObject{{QStringLiteral("appointments"), queue}});
}

QHttpServerResponse CareApi::setAppointmentStatus(qint64 id, const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const QString subject = QStringLiteral("appointment:%1").arg(id);
    const auto user = m_staff.authorize(request, Permission::ManageAppointments, subject, &denied);
    if (!user)
        return denied;
    const QString status =
        QJsonDocument::fromJson(request.body()).object().value(u"status").toString();
    if (!m_db.transaction())
        return StaffApi::error(Status::ServiceUnavailable, QStringLiteral("busy"),
                               QStringLiteral("The hub is busy; try again in a moment."));
    Core::Status saved = CareRecords(m_db, m_clock).setAppointmentStatus(id, status);
    if (saved)
        saved = Store::AuditLog(m_db, m_clock)
                    .append(user->username, QStringLiteral("appointment.") + status, subject,
                            StaffApi::origin(request));
    if (!saved || !m_db.commit()) {
        (void)m_db.rollback();
        return StaffApi::error(Status::BadRequest, QStringLiteral("not_saved"), saved.error());
    }
    return QHttpServerResponse(Status::NoContent);
}

QHttpServerResponse CareApi::list(const QHttpServerRequest &request, Permission permission,
                                  const QString &queue, const QString &sql)
{
    QHttpServerResponse denied(Status::Unauthorized);
    if (!m_staff.authorize(request, permission, QStringLiteral("queue:") + queue, &denied))
        return denied;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return storageError(q);
    return QHttpServerResponse(QJsonObject{{queue, rows(q)}});
}

QHttpServerResponse CareApi::photoReviews(const QHttpServerRequest &request)
{
    // Most urgent conversation first, then the oldest photo.
    return list(request, Permission::ReviewPhotos, QStringLiteral("photos"),
                QStringLiteral(
                    "SELECT r.id, r.conversation_id AS conversationId, r.message_id AS messageId, "
                    "(SELECT md.id FROM media md WHERE md.message_id = r.message_id) AS mediaId, "
                    "r.pathway_day AS pathwayDay, r.created_at AS receivedAt, c.priority FROM "
                    "photo_reviews r JOIN conversations c ON c.id = r.conversation_id WHERE "
                    "r.state = 'waiting' ORDER BY c.priority, r.created_at"));
}

QHttpServerResponse CareApi::tasks(const QHttpServerRequest &request)
{
    return list(request, Permission::ReadClinical, QStringLiteral("tasks"),
                QStringLiteral("SELECT id, conversation_id AS conversationId, kind, created_at AS "
                               "createdAt FROM tasks WHERE done_at IS NULL ORDER BY created_at"));
}

} // namespace Wardline::Hub
