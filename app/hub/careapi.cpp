#include "hub/careapi.h"

#include "core/clock.h"
#include "core/conversation.h"
#include "core/permissions.h"
#include "hub/careflow.h"
#include "hub/caremessages.h"
#include "hub/carerecords.h"
#include "hub/sitesettings.h"
#include "hub/staffapi.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/eventlog.h"
#include "whatsapp/graphmessage.h"

#include <QCryptographicHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimeZone>
#include <QUrlQuery>

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
    server.route(
        QStringLiteral("/api/v1/appointments/<arg>/reschedule"), Method::Post,
        [this](qint64 id, const QHttpServerRequest &request) { return reschedule(id, request); });
    server.route(QStringLiteral("/api/v1/photo-reviews"), Method::Get,
                 [this](const QHttpServerRequest &request) { return photoReviews(request); });
    server.route(
        QStringLiteral("/api/v1/photo-reviews/<arg>"), Method::Post,
        [this](qint64 id, const QHttpServerRequest &request) { return reviewPhoto(id, request); });
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
    // Longest waiting first. The conversation is the one a reschedule answers in (the patient's
    // open one, else the latest); its category and last inbound message tell the desk whether a
    // receptionist may open it and whether free text is still possible (24-hour window).
    q.prepare(QStringLiteral(
        "SELECT a.id, a.patient_id AS patientId, CASE WHEN p.display_name <> '' THEN "
        "p.display_name ELSE p.profile_name END AS patientName, p.phone_e164 AS phone, "
        "a.start_at AS start, a.end_at AS \"end\", a.provider, a.location, a.status, "
        "a.change_requested_at AS changeRequestedAt, c.id AS conversationId, c.category AS "
        "conversationCategory, c.last_inbound_at AS lastInboundAt FROM appointments a JOIN "
        "patients p ON p.id = a.patient_id LEFT JOIN conversations c ON c.id = (SELECT c2.id "
        "FROM conversations c2 WHERE c2.patient_id = a.patient_id ORDER BY c2.state = 'open' "
        "DESC, c2.id DESC LIMIT 1) WHERE a.status = 'change_requested' ORDER BY "
        "a.change_requested_at, a.id"));
    if (!q.exec())
        return storageError(q);
    QJsonArray queue = rows(q);
    q.finish();
    // Meta's rule (free-form replies only within 24 hours of the patient's last message), as
    // the conversation itself reports it.
    const QDateTime now = m_clock.now();
    for (qsizetype i = 0; i < queue.size(); ++i) {
        QJsonObject row = queue.at(i).toObject();
        Core::Conversation window;
        window.lastInboundAt =
            QDateTime::fromString(row.value(u"lastInboundAt").toString(), Qt::ISODateWithMs);
        row.insert(QStringLiteral("windowOpen"), window.serviceWindowOpen(now));
        queue.replace(i, row);
    }
    // The providers and locations appointments already use: the desk offers them as choices.
    const auto used = [this](const QString &column) {
        QJsonArray values;
        QSqlQuery names(m_db);
        names.setForwardOnly(true);
        if (names.exec(QStringLiteral("SELECT DISTINCT %1 FROM appointments WHERE %1 <> '' ORDER "
                                      "BY %1 LIMIT 200")
                           .arg(column))) {
            while (names.next())
                values.append(names.value(0).toString());
        }
        return values;
    };
    const QJsonArray providers = used(QStringLiteral("provider"));
    const QJsonArray locations = used(QStringLiteral("location"));
    (void)Store::AuditLog(m_db, m_clock)
        .append(user->username, QStringLiteral("queue.view"), QStringLiteral("queue:reschedule"),
                StaffApi::origin(request));
    return QHttpServerResponse(QJsonObject{{QStringLiteral("appointments"), queue},
                                           {QStringLiteral("providers"), providers},
                                           {QStringLiteral("locations"), locations}});
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

QHttpServerResponse CareApi::inTransaction(const std::function<Core::Status()> &work)
{
    if (!m_db.transaction())
        return StaffApi::error(Status::ServiceUnavailable, QStringLiteral("busy"),
                               QStringLiteral("The hub is busy; try again in a moment."));
    Core::Status done = work();
    if (!done || !m_db.commit()) {
        (void)m_db.rollback();
        return StaffApi::error(
            done ? Status::ServiceUnavailable : Status::BadRequest, QStringLiteral("not_saved"),
            done ? QStringLiteral("The hub could not save this; try again.") : done.error());
    }
    return QHttpServerResponse(Status::NoContent);
}

QHttpServerResponse CareApi::reviewPhoto(qint64 id, const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const QString subject = QStringLiteral("photo:%1").arg(id);
    const auto user = m_staff.authorize(request, Permission::ReviewPhotos, subject, &denied);
    if (!user)
        return denied;
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QString outcome = body.value(u"outcome").toString();
    const QString note = body.value(u"note").toString();
    static const QStringList outcomes = {QStringLiteral("expected"), QStringLiteral("clinician"),
                                         QStringLiteral("urgent")};
    if (!outcomes.contains(outcome) || note.size() > 2000)
        return StaffApi::error(Status::BadRequest, QStringLiteral("bad_request"),
                               QStringLiteral("The outcome is expected, clinician or urgent, "
                                              "with a note of at most 2,000 characters."));
    // A marked-up copy (circles, arrows) for the clinical record: kept as a new file beside
    // the original, which stays as the patient sent it.
    const QByteArray markup =
        QByteArray::fromBase64(body.value(u"markupPng").toString().toLatin1());
    static const QByteArray PngSignature("\x89PNG\r\n\x1a\n", 8);
    if (body.contains(u"markupPng") &&
        (!markup.startsWith(PngSignature) || markup.size() > MaxMarkupBytes))
        return StaffApi::error(Status::BadRequest, QStringLiteral("bad_markup"),
                               QStringLiteral("The marked-up copy must be a PNG image of at most "
                                              "4 MB."));
    const QDateTime now = m_clock.now();
    return inTransaction([&]() -> Core::Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE photo_reviews SET state = 'reviewed', outcome = ?, note "
                                 "= ?, reviewer_id = ?, reviewed_at = ? WHERE id = ? AND state = "
                                 "'waiting' RETURNING conversation_id"));
        for (const QVariant &v :
             {QVariant(outcome), QVariant(note), QVariant(user->id), QVariant(now), QVariant(id)})
            q.addBindValue(v);
        if (!q.exec())
            return Core::Status::failure(Store::Database::describe(q.lastError()));
        if (!q.next())
            return Core::Status::failure(
                QStringLiteral("This photo is not waiting for a review (already reviewed?)."));
        const qint64 conversationId = q.value(0).toLongLong();
        q.finish();
        Store::EventLog events(m_db);
        // Every console drops it from the queue at once.
        auto e = events.append(QStringLiteral("photo.reviewed"),
                               {{QStringLiteral("conversationId"), conversationId},
                                {QStringLiteral("photoReviewId"), id},
                                {QStringLiteral("outcome"), outcome}},
                               now);
        if (!e)
            return Core::Status::failure(e.error());
        if (outcome == QLatin1String("urgent")) {
            q.prepare(
                QStringLiteral("UPDATE conversations SET category = 'NURSE', priority = "
                               "'P1', triage_reason = 'wound photo reviewed as urgent', "
                               "alert_at = ?, state = 'open', closed_at = NULL WHERE id = ?"));
            q.addBindValue(now);
            q.addBindValue(conversationId);
            if (!q.exec())
                return Core::Status::failure(Store::Database::describe(q.lastError()));
            e = events.append(QStringLiteral("alert.escalation"),
                              {{QStringLiteral("conversationId"), conversationId},
                               {QStringLiteral("reason"), QStringLiteral("photo_review")},
                               {QStringLiteral("priority"), QStringLiteral("P1")}},
                              now);
            if (!e)
                return Core::Status::failure(e.error());
        }
        if (!markup.isEmpty()) {
            auto kept = keepMarkup(id, conversationId, markup, note, user->id, now);
            if (!kept)
                return Core::Status::failure(kept.error());
            if (auto s = Store::AuditLog(m_db, m_clock)
                             .append(user->username, QStringLiteral("media.markup"),
                                     QStringLiteral("media:%1").arg(kept.value()),
                                     StaffApi::origin(request, {{QStringLiteral("photo"), id}}));
                !s)
                return s;
        }
        return Store::AuditLog(m_db, m_clock)
            .append(user->username, QStringLiteral("photo.review"), subject,
                    StaffApi::origin(request, {{QStringLiteral("outcome"), outcome}}));
    });
}

Core::Result<qint64> CareApi::keepMarkup(qint64 reviewId, qint64 conversationId,
                                         const QByteArray &png, const QString &note,
                                         qint64 authorId, const QDateTime &now)
{
    // An internal note in the conversation carries the copy, so it is seen (and its access
    // checked and audited) like any other file of that conversation.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO messages (conversation_id, direction, type, body, "
                             "payload, status, author_id, sent_at, created_at) VALUES (?, 'note', "
                             "'image', ?, ?, 'read', ?, ?, ?)"));
    const QString text = note.isEmpty() ? QStringLiteral("Wound photo, marked up.")
                                        : QStringLiteral("Wound photo, marked up: ") + note;
    for (const QVariant &v :
         {QVariant(conversationId), QVariant(text), QVariant(markupPayload(reviewId)),
          QVariant(authorId), QVariant(now), QVariant(now)})
        q.addBindValue(v);
    if (!q.exec())
        return Core::Result<qint64>::failure(Store::Database::describe(q.lastError()));
    const qint64 messageId = q.lastInsertId().toLongLong();
    q.finish();
    q.prepare(QStringLiteral("INSERT INTO media (message_id, mime_type, sha256, size, data, "
                             "state, fetched_at) VALUES (?, 'image/png', ?, ?, ?, 'stored', ?)"));
    for (const QVariant &v :
         {QVariant(messageId),
          QVariant(QString::fromLatin1(
              QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex())),
          QVariant(png.size()), QVariant(png), QVariant(now)})
        q.addBindValue(v);
    if (!q.exec())
        return Core::Result<qint64>::failure(Store::Database::describe(q.lastError()));
    const qint64 mediaId = q.lastInsertId().toLongLong();
    q.finish();
    auto e = Store::EventLog(m_db).append(QStringLiteral("note.added"),
                                          {{QStringLiteral("conversationId"), conversationId},
                                           {QStringLiteral("messageId"), messageId}},
                                          now);
    if (!e)
        return Core::Result<qint64>::failure(e.error());
    return mediaId;
}

QString CareApi::markupPayload(qint64 reviewId)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("photoReviewId"), reviewId}})
                                 .toJson(QJsonDocument::Compact));
}

QHttpServerResponse CareApi::reschedule(qint64 id, const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const QString subject = QStringLiteral("appointment:%1").arg(id);
    const auto user = m_staff.authorize(request, Permission::ManageAppointments, subject, &denied);
    if (!user)
        return denied;
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QDateTime start =
        QDateTime::fromString(body.value(u"start").toString(), Qt::ISODateWithMs);
    const int minutes = body.value(u"durationMinutes").toInt(30);
    const QString key = body.value(u"idempotencyKey").toString();
    const QDateTime now = m_clock.now();
    if (!start.isValid() || start.timeSpec() == Qt::LocalTime || start <= now || minutes < 1 ||
        minutes > 1440 || key.size() < 16 || key.size() > 128)
        return StaffApi::error(Status::BadRequest, QStringLiteral("bad_request"),
                               QStringLiteral("Give the new start as a future ISO 8601 time with "
                                              "its offset, a duration of 1 to 1,440 minutes and "
                                              "an idempotencyKey of 16 to 128 characters."));
    return inTransaction([&]() -> Core::Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral(
            "SELECT a.patient_id, a.provider, a.location, p.time_zone FROM appointments a JOIN "
            "patients p ON p.id = a.patient_id WHERE a.id = ?"));
        q.addBindValue(id);
        if (!q.exec() || !q.next())
            return Core::Status::failure(QStringLiteral("There is no such appointment."));
        const qint64 patientId = q.value(0).toLongLong();
        const QString provider = body.value(u"provider").toString(q.value(1).toString());
        const QString location = body.value(u"location").toString(q.value(2).toString());
        const QString patientZone = q.value(3).toString();
        q.finish();
        // A new start is a new set of reminders (their keys carry the start time).
        q.prepare(QStringLiteral("UPDATE appointments SET start_at = ?, end_at = ?, provider = ?, "
                                 "location = ?, status = 'booked', change_requested_at = NULL, "
                                 "confirmed_at = NULL, updated_at = ? WHERE id = ?"));
        for (const QVariant &v :
             {QVariant(start), QVariant(start.addSecs(minutes * 60)), QVariant(provider),
              QVariant(location), QVariant(now), QVariant(id)})
            q.addBindValue(v);
        if (!q.exec())
            return Core::Status::failure(Store::Database::describe(q.lastError()));
        auto patient = loadPatientContact(m_db, patientId);
        if (!patient)
            return Core::Status::failure(patient.error());
        auto conversation = firstConversation(patientId);
        if (!conversation)
            return Core::Status::failure(conversation.error());
        // The patient's own zone, else the site's.
        auto site = SiteSettings::load(m_db);
        if (!site)
            return Core::Status::failure(site.error());
        const QTimeZone zone = patientZone.isEmpty() ? site->zone : QTimeZone(patientZone.toUtf8());
        const QDateTime local = start.toTimeZone(zone);
        const QString day = CareMessages::patientDate(local, patient->language);
        const QString time = CareMessages::patientTime(local, patient->language);
        const QString appointment = QString::number(id);
        if (auto s = queueAutomated(
                m_db, QStringLiteral("staff:") + key, conversation.value(),
                CareMessages::builtIn().templateMessage(
                    patient->to, QStringLiteral("wardline_appointment_rescheduled"),
                    patient->language, {patient->greeting, day, time, provider, location},
                    {QStringLiteral("wl:confirm:") + appointment,
                     QStringLiteral("wl:change:") + appointment}),
                now);
            !s)
            return s;
        auto e =
            Store::EventLog(m_db).append(QStringLiteral("appointment.rescheduled"),
                                         {{QStringLiteral("appointmentId"), id},
                                          {QStringLiteral("conversationId"), conversation.value()}},
                                         now);
        if (!e)
            return Core::Status::failure(e.error());
        return Store::AuditLog(m_db, m_clock)
            .append(user->username, QStringLiteral("appointment.reschedule"), subject,
                    StaffApi::origin(request));
    });
}

Core::Result<qint64> CareApi::firstConversation(qint64 patientId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM conversations WHERE patient_id = ? ORDER BY state = "
                             "'open' DESC, id DESC LIMIT 1"));
    q.addBindValue(patientId);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return Core::Result<qint64>::failure(
        QStringLiteral("The patient has no conversation on this line yet."));
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
    const QUrlQuery query(request.url());
    const bool onePatient = query.hasQueryItem(QStringLiteral("patient"));
    bool valid = true;
    const qint64 patientId = query.queryItemValue(QStringLiteral("patient")).toLongLong(&valid);
    if (onePatient && (!valid || patientId <= 0))
        return StaffApi::error(Status::BadRequest, QStringLiteral("bad_request"),
                               QStringLiteral("Name the patient by their number."));
    const QString subject =
        onePatient ? QStringLiteral("patient:%1").arg(patientId) : QStringLiteral("queue:photos");
    QHttpServerResponse denied(Status::Unauthorized);
    const auto user = m_staff.authorize(request, Permission::ReviewPhotos, subject, &denied);
    if (!user)
        return denied;
    // The queue: most urgent conversation first, then the oldest photo. One patient's photos
    // (reviewed ones too, for comparing): in the order they came, by pathway day.
    const QString columns = QStringLiteral(
        "SELECT r.id, r.conversation_id AS conversationId, r.message_id AS messageId, "
        "(SELECT md.id FROM media md WHERE md.message_id = r.message_id) AS mediaId, "
        "(SELECT md.state FROM media md WHERE md.message_id = r.message_id) AS mediaState, "
        "r.pathway_day AS pathwayDay, r.created_at AS receivedAt, c.priority, c.patient_id AS "
        "patientId, CASE WHEN p.display_name <> '' THEN p.display_name ELSE p.profile_name END "
        "AS patientName, r.state, r.outcome, r.note, r.reviewed_at AS reviewedAt, u.username AS "
        "reviewer, (SELECT md.id FROM messages mm JOIN media md ON md.message_id = mm.id WHERE "
        "mm.conversation_id = r.conversation_id AND mm.direction = 'note' AND mm.payload = "
        "'{\"photoReviewId\":' || r.id || '}') AS markupMediaId FROM photo_reviews r JOIN "
        "conversations c ON c.id = r.conversation_id JOIN "
        "patients p ON p.id = c.patient_id LEFT JOIN users u ON u.id = r.reviewer_id ");
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (onePatient) {
        q.prepare(columns + QStringLiteral("WHERE c.patient_id = ? ORDER BY r.created_at, r.id"));
        q.addBindValue(patientId);
    } else {
        q.prepare(columns +
                  QStringLiteral("WHERE r.state = 'waiting' ORDER BY c.priority, r.created_at"));
    }
    if (!q.exec())
        return storageError(q);
    const QJsonArray photos = rows(q);
    // Who looked at which patient's photos, like every other clinical read.
    (void)Store::AuditLog(m_db, m_clock)
        .append(user->username,
                onePatient ? QStringLiteral("photo.history") : QStringLiteral("queue.view"),
                subject, StaffApi::origin(request));
    return QHttpServerResponse(QJsonObject{{QStringLiteral("photos"), photos}});
}

QHttpServerResponse CareApi::tasks(const QHttpServerRequest &request)
{
    return list(request, Permission::ReadClinical, QStringLiteral("tasks"),
                QStringLiteral("SELECT id, conversation_id AS conversationId, kind, created_at AS "
                               "createdAt FROM tasks WHERE done_at IS NULL ORDER BY created_at"));
}

} // namespace Wardline::Hub
