#include "hub/conversationapi.h"

#include "core/careplan.h"
#include "core/clock.h"
#include "core/conversation.h"
#include "hub/outboxworker.h"
#include "hub/sitesettings.h"
#include "hub/staffapi.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/eventlog.h"
#include "store/userrepository.h"
#include "whatsapp/graphmessage.h"
#include "whatsapp/sendtemplate.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrlQuery>

namespace Wardline::Hub {

using Core::Permission;
using Status = QHttpServerResponse::StatusCode;

namespace {
struct ConversationInfo
{
    QString category;
    QString state;
    QString waId;
    QDateTime lastInboundAt;
};

std::optional<ConversationInfo> loadConversation(QSqlDatabase db, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT c.category, c.state, p.wa_id, c.last_inbound_at FROM "
                       "conversations c JOIN patients p ON p.id = c.patient_id WHERE c.id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return ConversationInfo{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                            QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs)};
}

QHttpServerResponse notSaved()
{
    return StaffApi::error(QHttpServerResponse::StatusCode::ServiceUnavailable,
                           QStringLiteral("not_saved"),
                           QStringLiteral("The hub could not save this just now; try again."));
}

QString subjectOf(qint64 conversationId)
{
    return QStringLiteral("conversation:%1").arg(conversationId);
}
} // namespace

struct ConversationApi::Allowed
{
    Core::User user;
    ConversationInfo conversation;
};

std::optional<ConversationApi::Allowed>
ConversationApi::authorizeOn(qint64 conversationId, Permission permission,
                             const QHttpServerRequest &request, QHttpServerResponse *denied)
{
    const QString subject = subjectOf(conversationId);
    auto user = m_staff.authorize(request, permission, subject, denied);
    if (!user)
        return std::nullopt;
    auto conversation = loadConversation(m_db, conversationId);
    if (!conversation) {
        *denied = StaffApi::error(Status::NotFound, QStringLiteral("not_found"),
                                  QStringLiteral("There is no such conversation."));
        return std::nullopt;
    }
    const Permission visibility = conversation->category == QLatin1StringView("APPOINTMENT")
                                      ? Permission::ReadAppointments
                                      : Permission::ReadClinical;
    if (!m_staff.authorize(request, visibility, subject, denied))
        return std::nullopt;
    return Allowed{*user, *conversation};
}

ConversationApi::ConversationApi(QSqlDatabase db, StaffApi &staff, const Core::Clock &clock,
                                 QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_staff(staff)
    , m_clock(clock)
{
}

void ConversationApi::addRoutes(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/api/v1/events"), Method::Get,
                 [this](const QHttpServerRequest &request) { return events(request); });
    server.route(
        QStringLiteral("/api/v1/conversations/<arg>/messages"), Method::Post,
        [this](qint64 id, const QHttpServerRequest &request) { return sendText(id, request); });
    server.route(
        QStringLiteral("/api/v1/conversations/<arg>/notes"), Method::Post,
        [this](qint64 id, const QHttpServerRequest &request) { return addNote(id, request); });
    server.route(
        QStringLiteral("/api/v1/conversations/<arg>"), Method::Get,
        [this](qint64 id, const QHttpServerRequest &request) { return open(id, request); });
    server.route(
        QStringLiteral("/api/v1/conversations/<arg>/templates"), Method::Post,
        [this](qint64 id, const QHttpServerRequest &request) { return sendTemplate(id, request); });
    server.route(
        QStringLiteral("/api/v1/conversations/<arg>/transfer"), Method::Post,
        [this](qint64 id, const QHttpServerRequest &request) { return transfer(id, request); });
    server.route(
        QStringLiteral("/api/v1/media/<arg>"), Method::Get,
        [this](qint64 id, const QHttpServerRequest &request) { return media(id, request); });
    server.route(QStringLiteral("/api/v1/templates"), Method::Get,
                 [this](const QHttpServerRequest &request) { return templates(request); });
    server.route(QStringLiteral("/api/v1/inbox"), Method::Get,
                 [this](const QHttpServerRequest &request) { return inbox(request, 0); });
    server.route(
        QStringLiteral("/api/v1/inbox/<arg>"), Method::Get,
        [this](qint64 id, const QHttpServerRequest &request) { return inbox(request, id); });
    for (const char *action : {"claim", "close", "reopen", "read"}) {
        const QString name = QString::fromLatin1(action);
        server.route(QStringLiteral("/api/v1/conversations/<arg>/") + name, Method::Post,
                     [this, name](qint64 id, const QHttpServerRequest &request) {
                         return setState(id, name, request);
                     });
    }
}

QHttpServerResponse ConversationApi::inbox(const QHttpServerRequest &request, qint64 one)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto user = m_staff.authorize(request, Permission::ReadEvents,
                                        one ? subjectOf(one) : QStringLiteral("inbox"), &denied);
    if (!user)
        return denied;
    // What the role may see: receptionists appointment conversations only (permission table).
    const auto [clinical, appointments] = m_staff.visibilityOf(user->role);
    QString where = one ? QStringLiteral("c.id = :id")
                        : QStringLiteral("(c.state = 'open' OR c.closed_at >= :since)");
    if (!clinical)
        where += appointments ? QStringLiteral(" AND c.category = 'APPOINTMENT'")
                              : QStringLiteral(" AND 0");
    else if (!appointments)
        where += QStringLiteral(" AND c.category <> 'APPOINTMENT'");
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // A list is not "opening" a conversation: it is not audited per row, and it carries only
    // the preview of the last message, never the conversation.
    q.prepare(QStringLiteral(
                  "SELECT c.id, c.patient_id AS patientId, CASE WHEN p.display_name <> '' THEN "
                  "p.display_name ELSE p.profile_name END AS patientName, coalesce(p.phone_e164, "
                  "'+' || p.wa_id) AS phone, "
                  "p.language, c.category, c.priority, c.triage_reason AS triageReason, c.state, "
                  "c.assignee_id AS assigneeId, CASE WHEN u.display_name <> '' THEN "
                  "u.display_name ELSE u.username END AS assigneeName, c.unread, "
                  "c.last_inbound_at AS lastInboundAt, c.last_message_at AS lastMessageAt, "
                  "m.body AS preview, m.direction AS previewDirection, c.sla_kind AS slaKind, "
                  "c.sla_due_at AS slaDueAt, c.sla_breached AS slaBreached, c.alert_at AS "
                  "alertAt FROM conversations c JOIN patients p ON p.id = c.patient_id LEFT JOIN "
                  "users u ON u.id = c.assignee_id LEFT JOIN messages m ON m.id = (SELECT "
                  "max(id) FROM messages WHERE conversation_id = c.id) WHERE ") +
              where + QStringLiteral(" ORDER BY c.id"));
    if (one)
        q.bindValue(QStringLiteral(":id"), one);
    else
        q.bindValue(QStringLiteral(":since"), m_clock.now().addDays(-7));
    const qint64 lastSeq = Store::EventLog(m_db).lastSeq(); // read first: nothing newer is missed
    if (!q.exec())
        return StaffApi::error(Status::InternalServerError, QStringLiteral("storage"),
                               Store::Database::describe(q.lastError()));
    QJsonArray conversations;
    while (q.next()) {
        QJsonObject row;
        const QSqlRecord record = q.record();
        for (int i = 0; i < record.count(); ++i) {
            QJsonValue value = QJsonValue::fromVariant(q.value(i));
            if (record.fieldName(i) == QLatin1String("preview"))
                value = q.value(i).toString().left(160);
            row.insert(record.fieldName(i), value);
        }
        conversations.append(row);
    }
    if (one && conversations.isEmpty())
        return StaffApi::error(Status::NotFound, QStringLiteral("not_found"),
                               QStringLiteral("There is no such conversation, or it is not one "
                                              "your role may see."));
    return QHttpServerResponse(QJsonObject{{QStringLiteral("conversations"), conversations},
                                           {QStringLiteral("lastSeq"), lastSeq}});
}

QHttpServerResponse ConversationApi::events(const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto user =
        m_staff.authorize(request, Permission::ReadEvents, QStringLiteral("events"), &denied);
    if (!user)
        return denied;
    const QUrlQuery query(request.url());
    const qint64 after = query.queryItemValue(QStringLiteral("after")).toLongLong();
    const int limit =
        query.hasQueryItem(QStringLiteral("limit"))
            ? std::clamp(query.queryItemValue(QStringLiteral("limit")).toInt(), 1, 1000)
            : 500;
    // Read before the page: a console that stops at lastSeq never skips an event committed
    // while the page was read.
    const Store::EventLog log(m_db);
    const qint64 lastSeq = log.lastSeq();
    const qint64 firstSeq = log.firstSeq();
    auto page = log.after(after, limit);
    if (!page)
        return StaffApi::error(Status::InternalServerError, QStringLiteral("storage"),
                               page.error());
    QJsonArray events;
    const StaffApi::Visibility visible = m_staff.visibilityOf(user->role);
    for (const Store::Event &e : std::as_const(page.value()))
        events.append(m_staff.eventFor(visible, e));
    return QHttpServerResponse(QJsonObject{{QStringLiteral("events"), events},
                                           {QStringLiteral("firstSeq"), firstSeq},
                                           {QStringLiteral("lastSeq"), lastSeq}});
}

QHttpServerResponse ConversationApi::sendText(qint64 conversationId,
                                              const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const QString subject = subjectOf(conversationId);
    const auto allowed = authorizeOn(conversationId, Permission::SendMessage, request, &denied);
    if (!allowed)
        return denied;
    const Core::User &user = allowed->user;
    const ConversationInfo *conversation = &allowed->conversation;
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QString key = body.value(QLatin1StringView("idempotencyKey")).toString();
    const QString text = body.value(QLatin1StringView("text")).toString();
    if (key.size() < 16 || key.size() > 128)
        return StaffApi::error(Status::BadRequest, QStringLiteral("bad_request"),
                               QStringLiteral("Send an idempotencyKey of 16 to 128 characters."));
    Core::Conversation window;
    window.lastInboundAt = conversation->lastInboundAt;
    if (!window.serviceWindowOpen(m_clock.now()))
        return StaffApi::error(
            Status::Conflict, QStringLiteral("needs_template"),
            QStringLiteral("The patient's last message was more than 24 hours ago, so only an "
                           "approved template can be sent."));
    return queue(conversationId, key, user, request,
                 WhatsApp::GraphMessage::text(conversation->waId, text));
}

QHttpServerResponse ConversationApi::queue(qint64 conversationId, const QString &key,
                                           const Core::User &user,
                                           const QHttpServerRequest &request,
                                           Core::Result<WhatsApp::GraphMessage> message)
{
    if (!message)
        return StaffApi::error(Status::BadRequest, QStringLiteral("invalid_message"),
                               message.error());
    const QDateTime now = m_clock.now();
    if (!m_db.transaction())
        return StaffApi::error(Status::ServiceUnavailable, QStringLiteral("busy"),
                               QStringLiteral("The hub is busy; try again in a moment."));
    bool created = false;
    auto id =
        OutboxWorker::enqueue(m_db, key, conversationId, std::move(message).value(), now, &created);
    Core::Status recorded = id ? Core::Status() : Core::Status::failure(id.error());
    if (recorded && created) {
        // Staff answered: the queue's service-level timer is met.
        QSqlQuery met(m_db);
        met.prepare(QStringLiteral("UPDATE conversations SET sla_kind = NULL, sla_due_at = NULL, "
                                   "alert_at = NULL WHERE id = ?"));
        met.addBindValue(conversationId);
        if (!met.exec())
            recorded = Core::Status::failure(Store::Database::describe(met.lastError()));
    }
    if (recorded && created) {
        auto e = Store::EventLog(m_db).append(QStringLiteral("message.queued"),
                                              {{QStringLiteral("conversationId"), conversationId},
                                               {QStringLiteral("outboxId"), id.value()}},
                                              now);
        recorded = e ? Store::AuditLog(m_db, m_clock)
                           .append(user.username, QStringLiteral("message.send"),
                                   subjectOf(conversationId), StaffApi::origin(request))
                     : Core::Status::failure(e.error());
    }
    if (!recorded || !m_db.commit()) {
        (void)m_db.rollback();
        return StaffApi::error(Status::InternalServerError, QStringLiteral("storage"),
                               QStringLiteral("The message could not be queued; try again."));
    }
    // 202: queued for sending; a retry with the same key answers the same row, never a copy.
    return QHttpServerResponse(QJsonObject{{QStringLiteral("outboxId"), id.value()},
                                           {QStringLiteral("duplicate"), !created}},
                               Status::Accepted);
}

namespace {
// The patient panel beside a conversation (GET /api/v1/conversations/ID): what is coming up
// for the patient, read from the care records the workflows run from.

constexpr int PanelAppointments = 5; // a handful: the panel is a glance, not the schedule

QDateTime fromIso(const QVariant &value)
{
    // Stored by several writers, with "Z" or an offset: parsed, never compared as text.
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QString isoUtc(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

/// Booked appointments that have not ended yet, soonest first.
QJsonArray upcomingAppointments(QSqlDatabase db, qint64 patientId, const QDateTime &now)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, start_at, end_at, provider, location, description, "
                             "status, confirmed_at, change_requested_at FROM appointments WHERE "
                             "patient_id = ? AND status IN ('booked', 'confirmed', "
                             "'change_requested')"));
    q.addBindValue(patientId);
    QList<std::pair<QDateTime, QJsonObject>> found;
    if (q.exec()) {
        while (q.next()) {
            const QDateTime start = fromIso(q.value(1));
            const QDateTime end = fromIso(q.value(2));
            if (!start.isValid() || (end.isValid() ? end : start) < now)
                continue;
            QJsonObject a{{QStringLiteral("id"), q.value(0).toLongLong()},
                          {QStringLiteral("start"), isoUtc(start)},
                          {QStringLiteral("provider"), q.value(3).toString()},
                          {QStringLiteral("location"), q.value(4).toString()},
                          {QStringLiteral("description"), q.value(5).toString()},
                          {QStringLiteral("status"), q.value(6).toString()}};
            if (end.isValid())
                a.insert(QStringLiteral("durationMinutes"), start.secsTo(end) / 60);
            if (!q.value(7).isNull())
                a.insert(QStringLiteral("confirmedAt"), isoUtc(fromIso(q.value(7))));
            if (!q.value(8).isNull())
                a.insert(QStringLiteral("changeRequestedAt"), isoUtc(fromIso(q.value(8))));
            found.append({start, a});
        }
    }
    std::sort(found.begin(), found.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QJsonArray appointments;
    for (qsizetype i = 0; i < found.size() && i < PanelAppointments; ++i)
        appointments.append(found.at(i).second);
    return appointments;
}

QString stepKind(Core::CareSend kind)
{
    switch (kind) {
    case Core::CareSend::PathwayCheckIn:
        return QStringLiteral("checkin");
    case Core::CareSend::PathwayPhoto:
        return QStringLiteral("photo");
    case Core::CareSend::PathwayPain:
        return QStringLiteral("pain");
    case Core::CareSend::PathwayFollowUp:
        return QStringLiteral("followup");
    default:
        return Core::careSendName(kind);
    }
}

/// The patient's active post-surgical pathway: today's day number in the patient's zone, the
/// step the pathway waits on (today's, or the next one not yet answered) and the tasks it
/// raised for staff that are still open; null when there is none.
QJsonValue activePathway(QSqlDatabase db, qint64 patientId, const QTimeZone &zone,
                         const Core::QuietHours &quiet, const QDateTime &now)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, kind, surgery_date FROM pathways WHERE patient_id = ? "
                             "AND state = 'active' ORDER BY surgery_date DESC, id DESC LIMIT 1"));
    q.addBindValue(patientId);
    if (!q.exec() || !q.next())
        return QJsonValue::Null;
    const qint64 pathwayId = q.value(0).toLongLong();
    const QString kind = q.value(1).toString();
    const QDate surgery = QDate::fromString(q.value(2).toString(), Qt::ISODate);
    q.finish();
    const qint64 day = surgery.daysTo(now.toTimeZone(zone).date());
    QHash<int, std::pair<QString, QString>> steps; // day → sent at, answered at
    q.prepare(
        QStringLiteral("SELECT day, sent_at, answered_at FROM pathway_steps WHERE pathway_id = ?"));
    q.addBindValue(pathwayId);
    if (q.exec()) {
        while (q.next())
            steps.insert(q.value(0).toInt(), {q.value(1).toString(), q.value(2).toString()});
    }
    q.finish();
    QJsonObject pathway{{QStringLiteral("id"), pathwayId},
                        {QStringLiteral("kind"), kind},
                        {QStringLiteral("surgeryDate"), surgery.toString(Qt::ISODate)},
                        {QStringLiteral("day"), day}};
    for (const Core::PlannedSend &planned : Core::planPathway(pathwayId, surgery, zone, quiet)) {
        const auto record = steps.value(planned.day);
        if (planned.day < day || !record.second.isEmpty())
            continue;
        QJsonObject step{{QStringLiteral("day"), planned.day},
                         {QStringLiteral("kind"), stepKind(planned.kind)},
                         {QStringLiteral("dueAt"), isoUtc(planned.due)}};
        if (!record.first.isEmpty())
            step.insert(QStringLiteral("sentAt"), isoUtc(fromIso(record.first)));
        pathway.insert(QStringLiteral("step"), step);
        break;
    }
    // Tasks name their pathway in the subject: "pathway:ID" or "pathway:ID:dayN".
    q.prepare(QStringLiteral("SELECT kind, subject, created_at FROM tasks WHERE done_at IS NULL "
                             "AND (subject = ? OR subject LIKE ?) ORDER BY created_at, id"));
    const QString subject = QStringLiteral("pathway:%1").arg(pathwayId);
    q.addBindValue(subject);
    q.addBindValue(QString(subject + QStringLiteral(":%")));
    QJsonArray tasks;
    if (q.exec()) {
        while (q.next())
            tasks.append(QJsonObject{{QStringLiteral("kind"), q.value(0).toString()},
                                     {QStringLiteral("subject"), q.value(1).toString()},
                                     {QStringLiteral("createdAt"), q.value(2).toString()}});
    }
    pathway.insert(QStringLiteral("openTasks"), tasks);
    return pathway;
}

/// Medication schedules still running today in the patient's zone.
QJsonArray activeMedications(QSqlDatabase db, qint64 patientId, const QDate &today)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, medication, times, first_day, last_day FROM "
                             "medication_schedules WHERE patient_id = ? AND active = 1 AND "
                             "(last_day IS NULL OR last_day >= ?) ORDER BY medication, id"));
    q.addBindValue(patientId);
    q.addBindValue(today.toString(Qt::ISODate));
    QJsonArray medications;
    if (!q.exec())
        return medications;
    while (q.next()) {
        QJsonObject m{{QStringLiteral("id"), q.value(0).toLongLong()},
                      {QStringLiteral("medication"), q.value(1).toString()},
                      {QStringLiteral("times"),
                       QJsonDocument::fromJson(q.value(2).toString().toUtf8()).array()},
                      {QStringLiteral("firstDay"), q.value(3).toString()}};
        if (!q.value(4).isNull())
            m.insert(QStringLiteral("lastDay"), q.value(4).toString());
        medications.append(m);
    }
    return medications;
}
} // namespace

QHttpServerResponse ConversationApi::open(qint64 conversationId, const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto allowed = authorizeOn(conversationId, Permission::ReadEvents, request, &denied);
    if (!allowed)
        return denied;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT m.id, m.wamid, m.direction, m.type, m.body, m.status, m.error_code, "
        "m.error_text, m.sent_at, m.author_id, (SELECT id FROM media WHERE message_id = m.id), "
        "m.payload, m.reply_to_wamid, m.category, m.priority, m.triage_reason, CASE WHEN "
        "u.display_name <> '' THEN u.display_name ELSE u.username END FROM messages m LEFT JOIN "
        "users u ON u.id = m.author_id WHERE m.conversation_id = ? ORDER BY m.sent_at, m.id"));
    q.addBindValue(conversationId);
    if (!q.exec())
        return StaffApi::error(Status::InternalServerError, QStringLiteral("storage"),
                               Store::Database::describe(q.lastError()));
    QJsonArray messages;
    while (q.next()) {
        QJsonObject m{{QStringLiteral("id"), q.value(0).toLongLong()},
                      {QStringLiteral("wamid"), q.value(1).toString()},
                      {QStringLiteral("direction"), q.value(2).toString()},
                      {QStringLiteral("type"), q.value(3).toString()},
                      {QStringLiteral("body"), q.value(4).toString()},
                      {QStringLiteral("status"), q.value(5).toString()},
                      {QStringLiteral("sentAt"), q.value(8).toString()}};
        if (!q.value(6).isNull())
            m.insert(QStringLiteral("errorCode"), q.value(6).toInt());
        if (!q.value(7).isNull())
            m.insert(QStringLiteral("errorText"), q.value(7).toString());
        if (!q.value(10).isNull())
            m.insert(QStringLiteral("mediaId"), q.value(10).toLongLong());
        // What the patient sent or tapped, in Meta's shape (interactive replies, locations,
        // reactions …), and what triage made of it.
        m.insert(QStringLiteral("payload"),
                 QJsonDocument::fromJson(q.value(11).toString().toUtf8()).object());
        const char *const optional[] = {"replyToWamid", "category", "priority", "triageReason",
                                        "authorName"};
        for (int i = 0; i < 5; ++i) {
            if (!q.value(12 + i).isNull())
                m.insert(QLatin1String(optional[i]), q.value(12 + i).toString());
        }
        messages.append(m);
    }
    q.finish();
    // Messages staff queued that Meta has not accepted yet, or refused with a reason.
    q.prepare(QStringLiteral("SELECT id, idempotency_key, payload, state, attempts, error_code, "
                             "error_text, created_at FROM outbox WHERE conversation_id = ? AND "
                             "state <> 'sent' ORDER BY id"));
    q.addBindValue(conversationId);
    if (!q.exec())
        return StaffApi::error(Status::InternalServerError, QStringLiteral("storage"),
                               Store::Database::describe(q.lastError()));
    QJsonArray pending;
    while (q.next()) {
        QJsonObject o{{QStringLiteral("outboxId"), q.value(0).toLongLong()},
                      {QStringLiteral("idempotencyKey"), q.value(1).toString()},
                      {QStringLiteral("payload"),
                       QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object()},
                      {QStringLiteral("state"), q.value(3).toString()},
                      {QStringLiteral("attempts"), q.value(4).toInt()},
                      {QStringLiteral("queuedAt"), q.value(7).toString()}};
        if (!q.value(5).isNull())
            o.insert(QStringLiteral("errorCode"), q.value(5).toInt());
        if (!q.value(6).isNull())
            o.insert(QStringLiteral("errorText"), q.value(6).toString());
        pending.append(o);
    }
    q.finish();
    // Who opened which patient's conversation, and from where: the trail HIPAA asks for.
    (void)Store::AuditLog(m_db, m_clock)
        .append(allowed->user.username, QStringLiteral("conversation.open"),
                subjectOf(conversationId), StaffApi::origin(request));
    Core::Conversation window;
    window.lastInboundAt = allowed->conversation.lastInboundAt;
    // Who the conversation is with, so a console can show it without its inbox row.
    QJsonObject patient;
    q.prepare(QStringLiteral(
        "SELECT p.id, CASE WHEN p.display_name <> '' THEN p.display_name ELSE p.profile_name END, "
        "coalesce(p.phone_e164, '+' || p.wa_id), p.language, p.opt_in, p.time_zone FROM "
        "conversations c JOIN patients p ON p.id = c.patient_id WHERE c.id = ?"));
    q.addBindValue(conversationId);
    if (q.exec() && q.next()) {
        const qint64 patientId = q.value(0).toLongLong();
        const QString patientZone = q.value(5).toString();
        patient = {{QStringLiteral("id"), patientId},
                   {QStringLiteral("name"), q.value(1).toString()},
                   {QStringLiteral("phone"), q.value(2).toString()},
                   {QStringLiteral("language"), q.value(3).toString()},
                   {QStringLiteral("optIn"), q.value(4).toString()}};
        q.finish();
        const QDateTime now = m_clock.now();
        patient.insert(QStringLiteral("appointments"), upcomingAppointments(m_db, patientId, now));
        // Minimum necessary (DESIGN.md §6): the pathway and medications are clinical, so a
        // role that may not read clinical conversations does not get them at all.
        if (m_staff.permissions().allows(allowed->user.role, Permission::ReadClinical)) {
            auto loaded = SiteSettings::load(m_db);
            const SiteSettings site = loaded ? std::move(loaded).value() : SiteSettings();
            const QTimeZone zone(patientZone.toUtf8());
            const QTimeZone local = !patientZone.isEmpty() && zone.isValid() ? zone : site.zone;
            patient.insert(QStringLiteral("pathway"),
                           activePathway(m_db, patientId, local, site.quiet, now));
            patient.insert(QStringLiteral("medications"),
                           activeMedications(m_db, patientId, now.toTimeZone(local).date()));
        }
    }
    q.finish();
    return QHttpServerResponse(QJsonObject{
        {QStringLiteral("id"), conversationId},
        {QStringLiteral("patient"), patient},
        {QStringLiteral("state"), allowed->conversation.state},
        {QStringLiteral("category"), allowed->conversation.category},
        {QStringLiteral("windowSecondsLeft"), window.serviceWindowSecondsLeft(m_clock.now())},
        {QStringLiteral("messages"), messages},
        {QStringLiteral("pending"), pending}});
}

QHttpServerResponse ConversationApi::templates(const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto user =
        m_staff.authorize(request, Permission::ReadEvents, QStringLiteral("templates"), &denied);
    if (!user)
        return denied;
    // Composers see what may be sent (APPROVED); administrators see every status.
    const bool all = m_staff.permissions().allows(user->role, Permission::ManageTemplates);
    const QString language = QUrlQuery(request.url()).queryItemValue(QStringLiteral("language"));
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT name, language, category, status, components, reason, "
                             "updated_at FROM templates WHERE (? OR status = 'APPROVED') AND (? = "
                             "'' OR language = ?) ORDER BY name, language"));
    q.addBindValue(all);
    q.addBindValue(language);
    q.addBindValue(language);
    if (!q.exec())
        return StaffApi::error(Status::InternalServerError, QStringLiteral("storage"),
                               Store::Database::describe(q.lastError()));
    QJsonArray templates;
    while (q.next())
        templates.append(
            QJsonObject{{QStringLiteral("name"), q.value(0).toString()},
                        {QStringLiteral("language"), q.value(1).toString()},
                        {QStringLiteral("category"), q.value(2).toString()},
                        {QStringLiteral("status"), q.value(3).toString()},
                        {QStringLiteral("components"),
                         QJsonDocument::fromJson(q.value(4).toString().toUtf8()).array()},
                        {QStringLiteral("reason"), q.value(5).toString()},
                        {QStringLiteral("updatedAt"), q.value(6).toString()}});
    return QHttpServerResponse(QJsonObject{{QStringLiteral("templates"), templates}});
}

QHttpServerResponse ConversationApi::sendTemplate(qint64 conversationId,
                                                  const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto allowed = authorizeOn(conversationId, Permission::SendMessage, request, &denied);
    if (!allowed)
        return denied;
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QString key = body.value(QLatin1StringView("idempotencyKey")).toString();
    if (key.size() < 16 || key.size() > 128)
        return StaffApi::error(Status::BadRequest, QStringLiteral("bad_request"),
                               QStringLiteral("Send an idempotencyKey of 16 to 128 characters."));
    WhatsApp::TemplateMessage t;
    t.name = body.value(QLatin1StringView("name")).toString();
    t.languageCode = body.value(QLatin1StringView("language")).toString();
    QList<WhatsApp::TemplateParameter> parameters;
    const QJsonArray values = body.value(QLatin1StringView("parameters")).toArray();
    for (const QJsonValue &v : values)
        parameters.append(WhatsApp::TemplateParameter::fromText(v.toString()));
    if (!parameters.isEmpty())
        t.components = {WhatsApp::TemplateComponent::body(parameters)};
    // Templates are allowed outside the 24-hour window: that is what they are for.
    return queue(conversationId, key, allowed->user, request,
                 WhatsApp::GraphMessage::templateMessage(allowed->conversation.waId, t));
}

QHttpServerResponse ConversationApi::transfer(qint64 conversationId,
                                              const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto allowed =
        authorizeOn(conversationId, Permission::AssignConversation, request, &denied);
    if (!allowed)
        return denied;
    const qint64 to = QJsonDocument::fromJson(request.body())
                          .object()
                          .value(QLatin1StringView("userId"))
                          .toInteger();
    const auto colleague = Store::UserRepository(m_db, m_clock).findById(to);
    const Permission visibility = allowed->conversation.category == QLatin1StringView("APPOINTMENT")
                                      ? Permission::ReadAppointments
                                      : Permission::ReadClinical;
    if (!colleague || !colleague->active ||
        !m_staff.permissions().allows(colleague->role, visibility))
        return StaffApi::error(Status::BadRequest, QStringLiteral("bad_assignee"),
                               QStringLiteral("That colleague cannot take this conversation."));
    if (!change(
            QStringLiteral("UPDATE conversations SET assignee_id = ? WHERE id = ?"),
            {to, conversationId}, QStringLiteral("conversation.transfer"),
            {{QStringLiteral("conversationId"), conversationId}, {QStringLiteral("userId"), to}},
            allowed->user, subjectOf(conversationId),
            StaffApi::origin(request, {{QStringLiteral("to"), to}})))
        return notSaved();
    return QHttpServerResponse(Status::NoContent);
}

QHttpServerResponse ConversationApi::media(qint64 mediaId, const QHttpServerRequest &request)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT c.id, md.state, md.mime_type, md.data FROM media md "
                             "JOIN messages m ON m.id = md.message_id "
                             "JOIN conversations c ON c.id = m.conversation_id WHERE md.id = ?"));
    q.addBindValue(mediaId);
    if (!q.exec() || !q.next())
        return StaffApi::error(Status::NotFound, QStringLiteral("not_found"),
                               QStringLiteral("There is no such file."));
    const qint64 conversationId = q.value(0).toLongLong();
    const QString state = q.value(1).toString();
    const QByteArray mime = q.value(2).toString().toLatin1();
    const QByteArray data = q.value(3).toByteArray();
    q.finish();
    QHttpServerResponse denied(Status::Unauthorized);
    const auto allowed = authorizeOn(conversationId, Permission::ViewMedia, request, &denied);
    if (!allowed)
        return denied;
    if (state != QLatin1StringView("stored"))
        return StaffApi::error(Status::Conflict, QStringLiteral("media_not_ready"),
                               state == QLatin1StringView("failed")
                                   ? QStringLiteral("This file could not be downloaded from "
                                                    "WhatsApp; ask the patient to send it again.")
                                   : QStringLiteral("This file is still being downloaded; try "
                                                    "again in a moment."));
    (void)Store::AuditLog(m_db, m_clock)
        .append(allowed->user.username, QStringLiteral("media.view"),
                QStringLiteral("media:%1").arg(mediaId), StaffApi::origin(request));
    return QHttpServerResponse(mime, data);
}

bool ConversationApi::change(const QString &sql, const QVariantList &values,
                             const QString &eventKind, const QJsonObject &eventPayload,
                             const Core::User &user, const QString &subject, const QString &detail,
                             qint64 *insertedId)
{
    if (!m_db.transaction())
        return false;
    const QDateTime now = m_clock.now();
    QSqlQuery q(m_db);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    bool ok = q.exec();
    if (insertedId)
        *insertedId = q.lastInsertId().toLongLong();
    q.finish();
    QJsonObject payload = eventPayload;
    if (insertedId)
        payload.insert(QStringLiteral("messageId"), *insertedId);
    ok = ok && Store::EventLog(m_db).append(eventKind, payload, now).ok();
    // The audit action is the event's name: "note.added", "conversation.close", ...
    ok =
        ok && Store::AuditLog(m_db, m_clock).append(user.username, eventKind, subject, detail).ok();
    if (!ok || !m_db.commit()) {
        (void)m_db.rollback();
        return false;
    }
    return true;
}

QHttpServerResponse ConversationApi::addNote(qint64 conversationId,
                                             const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const QString subject = subjectOf(conversationId);
    const auto allowed = authorizeOn(conversationId, Permission::AddNote, request, &denied);
    if (!allowed)
        return denied;
    const Core::User *user = &allowed->user;
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QString text = body.value(QLatin1StringView("text")).toString().trimmed();
    const QString key = body.value(QLatin1StringView("idempotencyKey")).toString();
    if (text.isEmpty() || (!key.isEmpty() && (key.size() < 16 || key.size() > 128)))
        return StaffApi::error(Status::BadRequest, QStringLiteral("bad_request"),
                               QStringLiteral("A note needs text (and an idempotencyKey, when "
                                              "given, of 16 to 128 characters)."));
    if (!key.isEmpty()) {
        // A retry after a lost answer: the note is there already.
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT id FROM messages WHERE client_key = ?"));
        q.addBindValue(key);
        if (q.exec() && q.next())
            return QHttpServerResponse(
                QJsonObject{{QStringLiteral("messageId"), q.value(0).toLongLong()},
                            {QStringLiteral("duplicate"), true}},
                Status::Ok);
    }
    const QDateTime now = m_clock.now();
    qint64 noteId = 0;
    if (!change(QStringLiteral("INSERT INTO messages (conversation_id, direction, type, body, "
                               "status, author_id, sent_at, created_at, client_key) VALUES (?, "
                               "'note', 'note', ?, 'read', ?, ?, ?, nullif(?, ''))"),
                {conversationId, text, user->id, now, now, key}, QStringLiteral("note.added"),
                {{QStringLiteral("conversationId"), conversationId}}, *user, subject,
                StaffApi::origin(request), &noteId))
        return notSaved();
    return QHttpServerResponse(QJsonObject{{QStringLiteral("messageId"), noteId}}, Status::Created);
}

QHttpServerResponse ConversationApi::setState(qint64 conversationId, const QString &action,
                                              const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const QString subject = subjectOf(conversationId);
    const Permission permission =
        action == QLatin1StringView("claim")  ? Permission::AssignConversation
        : action == QLatin1StringView("read") ? Permission::ReadEvents
                                              : Permission::CloseConversation;
    const auto allowed = authorizeOn(conversationId, permission, request, &denied);
    if (!allowed)
        return denied;
    const Core::User &user = allowed->user;
    QString sql;
    QVariantList values{conversationId};
    if (action == QLatin1StringView("claim")) {
        // A nurse has it: the emergency stops flashing on every console.
        sql = QStringLiteral("UPDATE conversations SET assignee_id = ?, alert_at = NULL, "
                             "sla_due_at = CASE sla_kind WHEN 'emergency' THEN NULL ELSE "
                             "sla_due_at END WHERE id = ?");
        values.prepend(user.id);
    } else if (action == QLatin1StringView("close")) {
        sql = QStringLiteral("UPDATE conversations SET state = 'closed', closed_at = ?, "
                             "alert_at = NULL, sla_kind = NULL, sla_due_at = NULL WHERE id = ?");
        values.prepend(m_clock.now());
    } else if (action == QLatin1StringView("read")) {
        sql = QStringLiteral("UPDATE conversations SET unread = 0 WHERE id = ?");
    } else {
        sql = QStringLiteral(
            "UPDATE conversations SET state = 'open', closed_at = NULL WHERE id = ?");
    }
    if (!change(sql, values, QStringLiteral("conversation.") + action,
                {{QStringLiteral("conversationId"), conversationId},
                 {QStringLiteral("userId"), user.id}},
                user, subject, StaffApi::origin(request)))
        return notSaved();
    if (action == QLatin1StringView("read") && m_readReceipt) {
        // Blue ticks for the patient: marking the latest message read marks all before it.
        QSqlQuery q(m_db);
        q.prepare(
            QStringLiteral("SELECT wamid FROM messages WHERE conversation_id = ? AND "
                           "direction = 'in' AND wamid IS NOT NULL ORDER BY id DESC LIMIT 1"));
        q.addBindValue(conversationId);
        if (q.exec() && q.next())
            m_readReceipt(q.value(0).toString());
    }
    return QHttpServerResponse(Status::NoContent);
}

} // namespace Wardline::Hub
