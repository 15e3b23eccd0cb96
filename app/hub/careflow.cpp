#include "hub/careflow.h"

#include "core/triage.h"
#include "hub/caremessages.h"
#include "hub/outboxworker.h"
#include "store/database.h"
#include "store/eventlog.h"
#include "whatsapp/graphmessage.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Wardline::Hub {

namespace {
Core::Status failed(const QSqlQuery &q)
{
    return Core::Status::failure(Store::Database::describe(q.lastError()));
}

QString iso(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}
} // namespace

Core::Status queueAutomated(QSqlDatabase db, const QString &key, qint64 conversationId,
                            Core::Result<WhatsApp::GraphMessage> message, const QDateTime &now)
{
    if (!message)
        return Core::Status::failure(QStringLiteral("automated message %1: %2")
                                         .arg(key.section(u':', 0, 1), message.error()));
    bool created = false;
    auto id =
        OutboxWorker::enqueue(db, key, conversationId, std::move(message).value(), now, &created);
    if (!id)
        return Core::Status::failure(id.error());
    if (!created)
        return {};
    auto e = Store::EventLog(db).append(QStringLiteral("message.queued"),
                                        {{QStringLiteral("conversationId"), conversationId},
                                         {QStringLiteral("outboxId"), id.value()},
                                         {QStringLiteral("automated"), true}},
                                        now);
    return e ? Core::Status() : Core::Status::failure(e.error());
}

Core::Result<PatientContact> loadPatientContact(QSqlDatabase db, qint64 patientId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT coalesce(wa_id, ltrim(phone_e164, '+')), language, "
                             "CASE WHEN display_name <> '' THEN display_name ELSE profile_name "
                             "END, opt_in, time_zone FROM patients WHERE id = ?"));
    q.addBindValue(patientId);
    if (!q.exec())
        return Core::Result<PatientContact>::failure(Store::Database::describe(q.lastError()));
    if (!q.next())
        return Core::Result<PatientContact>::failure(
            QStringLiteral("patient %1 does not exist").arg(patientId));
    PatientContact p;
    p.id = patientId;
    p.to = q.value(0).toString();
    p.language = CareMessages::languageOf(q.value(1).toString());
    p.name = q.value(2).toString();
    p.greeting = p.name.isEmpty()
                     ? CareMessages::builtIn().reply(p.language, QStringLiteral("no_name"))
                     : p.name.section(u' ', 0, 0); // templates greet by first name
    p.optedOut = q.value(3).toString() == QLatin1String("out");
    p.timeZone = q.value(4).toString();
    return p;
}

struct CareFlow::Context
{
    const PatientMessage &message;
    PatientContact patient;
    QDateTime now;
};

CareFlow::CareFlow(QSqlDatabase db, const Core::TriageEngine &triage)
    : m_db(std::move(db))
    , m_triage(triage)
    , m_messages(CareMessages::builtIn())
{
}

Core::Status CareFlow::refreshSettings()
{
    auto site = SiteSettings::load(m_db);
    if (!site)
        return Core::Status::failure(site.error());
    m_site = std::move(site).value();
    return {};
}

Core::Status CareFlow::exec(const QString &sql, const QVariantList &values, int *changed)
{
    return Store::Database::exec(m_db, sql, values, changed);
}

Core::Result<std::optional<QVariantList>> CareFlow::firstRow(const QString &sql, qint64 id)
{
    using R = Core::Result<std::optional<QVariantList>>;
    QSqlQuery q(m_db);
    q.prepare(sql);
    q.addBindValue(id);
    if (!q.exec())
        return R::failure(Store::Database::describe(q.lastError()));
    if (!q.next())
        return std::optional<QVariantList>();
    QVariantList row;
    for (int i = 0; i < q.record().count(); ++i)
        row.append(q.value(i));
    return std::optional(row);
}

Core::Status CareFlow::event(Context &c, const QString &kind, QJsonObject payload)
{
    payload.insert(QStringLiteral("conversationId"), c.message.conversationId);
    auto e = Store::EventLog(m_db).append(kind, payload, c.now);
    return e ? Core::Status() : Core::Status::failure(e.error());
}

Core::Status CareFlow::send(Context &c, const QString &what,
                            Core::Result<WhatsApp::GraphMessage> message, bool always)
{
    if (c.patient.optedOut && !always)
        return {};
    // One reply of each kind per patient message, however often the message is handled.
    return queueAutomated(m_db, QStringLiteral("auto:%1:%2").arg(what).arg(c.message.messageId),
                          c.message.conversationId, std::move(message), c.now);
}

Core::Status CareFlow::handle(const PatientMessage &message, const QDateTime &now)
{
    auto patient = loadPatientContact(m_db, message.patientId);
    if (!patient)
        return Core::Status::failure(patient.error());
    Context c{message, std::move(patient).value(), now};

    if (message.replyId.startsWith(QLatin1String("wl:")))
        return handleOurReply(c, message.replyId);

    const Core::TriageResult triage = m_triage.classify(message.text, c.patient.language);
    if (auto s = exec(QStringLiteral("UPDATE messages SET category = ?, priority = ?, "
                                     "triage_reason = ? WHERE id = ?"),
                      {Core::categoryName(triage.category), Core::priorityName(triage.priority),
                       triage.reason, message.messageId});
        !s)
        return s;
    if (!message.text.trimmed().isEmpty()) {
        // A patient whose language the hospital did not record is answered in the one they use.
        int learned = 0;
        if (auto s = exec(QStringLiteral("UPDATE patients SET language = ? WHERE id = ? AND "
                                         "language = ''"),
                          {triage.language, c.patient.id}, &learned);
            !s)
            return s;
        if (learned)
            c.patient.language = triage.language;
    }
    if (triage.category == Core::Category::Emergency)
        return emergency(c, triage.reason);

    // A bare number while the day-7 pain question is open is the pain score.
    static const QRegularExpression number(QStringLiteral("^\\s*(\\d{1,2})\\s*(/\\s*10)?\\s*$"));
    if (const auto match = number.match(message.text); match.hasMatch()) {
        auto open =
            firstRow(QStringLiteral("SELECT s.pathway_id FROM pathway_steps s JOIN "
                                    "pathways p ON p.id = s.pathway_id WHERE p.patient_id "
                                    "= ? AND p.state = 'active' AND s.day = 7 AND "
                                    "s.answered_at IS NULL ORDER BY s.sent_at DESC LIMIT 1"),
                     c.patient.id);
        if (!open)
            return Core::Status::failure(open.error());
        const int score = match.captured(1).toInt();
        if (open.value() && score <= 10)
            return painAnswer(c, open.value()->at(0).toLongLong(), score);
    }
    if (triage.keyword != Core::Keyword::None)
        return handleKeyword(c, triage);

    if (message.type == QLatin1String("image")) {
        auto pathway = firstRow(QStringLiteral("SELECT id, surgery_date FROM pathways WHERE "
                                               "patient_id = ? AND state = 'active' ORDER BY id "
                                               "DESC LIMIT 1"),
                                c.patient.id);
        if (!pathway)
            return Core::Status::failure(pathway.error());
        if (const auto &row = pathway.value()) {
            const QDate surgery = QDate::fromString(row->at(1).toString(), Qt::ISODate);
            const QTimeZone zone =
                c.patient.timeZone.isEmpty() ? m_site.zone : QTimeZone(c.patient.timeZone.toUtf8());
            const int day = int(surgery.daysTo(now.toTimeZone(zone).date()));
            return photoReceived(c, row->at(0).toLongLong(), day);
        }
    }

    // Any other message answers the pathway step the patient was last asked about.
    auto step = firstRow(QStringLiteral("SELECT s.pathway_id, s.day FROM pathway_steps s JOIN "
                                        "pathways p ON p.id = s.pathway_id WHERE p.patient_id = ? "
                                        "AND p.state = 'active' AND s.answered_at IS NULL ORDER BY "
                                        "s.sent_at DESC LIMIT 1"),
                         c.patient.id);
    if (!step)
        return Core::Status::failure(step.error());
    if (const auto &row = step.value()) {
        if (auto s =
                answerPathwayStep(c, row->at(0).toLongLong(), row->at(1).toInt(), message.type);
            !s)
            return s;
    }

    if (triage.category == Core::Category::Appointment && m_messages.asksToReschedule(message.text))
        return appointmentAnswer(c, true, 0);
    switch (triage.category) {
    case Core::Category::Refill:
    case Core::Category::LabResults:
    case Core::Category::Nurse:
    case Core::Category::Appointment:
        return routeToQueue(c, Core::categoryName(triage.category),
                            Core::priorityName(triage.priority), triage.reason);
    case Core::Category::Emergency:
    case Core::Category::General:
        break;
    }
    if (message.firstContact)
        return send(c, QStringLiteral("menu"),
                    m_messages.menu(c.patient.to, c.patient.language, m_site.emergencyNumber));
    return {};
}

Core::Status CareFlow::emergency(Context &c, const QString &reason)
{
    // The instruction goes out even to a patient who opted out: it answers what they wrote.
    const QString instruction =
        m_site.emergencyText
            .value(c.patient.language,
                   m_messages.reply(c.patient.language, QStringLiteral("emergency")))
            .arg(m_site.emergencyNumber);
    if (auto s = send(c, QStringLiteral("emergency"),
                      WhatsApp::GraphMessage::text(c.patient.to, instruction), true);
        !s)
        return s;
    if (auto s =
            exec(QStringLiteral("UPDATE conversations SET category = 'EMERGENCY', priority = 'P1', "
                                "triage_reason = ?, sla_kind = 'emergency', sla_due_at = ?, "
                                "sla_breached = 0, alert_at = ? WHERE id = ?"),
                 {reason, iso(c.now.addSecs(m_site.emergencyMinutes * 60)), iso(c.now),
                  c.message.conversationId});
        !s)
        return s;
    // Consoles turn this into a sound and a notification; it carries no patient data.
    return event(c, QStringLiteral("alert.emergency"),
                 {{QStringLiteral("messageId"), c.message.messageId},
                  {QStringLiteral("priority"), QStringLiteral("P1")}});
}

Core::Status CareFlow::routeToQueue(Context &c, const QString &category, const QString &priority,
                                    const QString &reason, bool acknowledge)
{
    // A conversation only moves up: a routine question does not hide an open emergency.
    int changed = 0;
    if (auto s = exec(QStringLiteral("UPDATE conversations SET category = ?, priority = ?, "
                                     "triage_reason = ? WHERE id = ? AND (priority > ? OR "
                                     "(priority = ? AND category = 'GENERAL'))"),
                      {category, priority, reason, c.message.conversationId, priority, priority},
                      &changed);
        !s)
        return s;
    if (changed) {
        if (auto s = event(
                c, QStringLiteral("conversation.triaged"),
                {{QStringLiteral("category"), category}, {QStringLiteral("priority"), priority}});
            !s)
            return s;
    }
    struct Timer
    {
        const char *category;
        const char *kind;
        int minutes;
        const char *ack;
    };
    const Timer timers[] = {{"REFILL", "refill", m_site.refillMinutes, "refill_ack"},
                            {"LAB_RESULTS", "lab", m_site.labMinutes, "lab_ack"},
                            {"NURSE", "nurse", m_site.nurseMinutes, "nurse_ack"},
                            {"APPOINTMENT", nullptr, 0, "appointment_ack"}};
    for (const Timer &timer : timers) {
        if (category != QLatin1String(timer.category))
            continue;
        // The timer starts with the first request of its kind, and so does the acknowledgement;
        // a patient who writes three times is not answered three times.
        int started = 1;
        if (timer.kind) {
            if (auto s = exec(QStringLiteral("UPDATE conversations SET sla_kind = ?, sla_due_at = "
                                             "?, sla_breached = 0 WHERE id = ? AND sla_due_at IS "
                                             "NULL"),
                              {QLatin1String(timer.kind), iso(c.now.addSecs(timer.minutes * 60)),
                               c.message.conversationId},
                              &started);
                !s)
                return s;
        } else if (!changed) {
            started = 0;
        }
        if (!started || !acknowledge)
            return {};
        return send(c, QLatin1String(timer.kind ? timer.kind : "appointment"),
                    m_messages.text(c.patient.to, c.patient.language, QLatin1String(timer.ack)));
    }
    return {};
}

Core::Status CareFlow::handleKeyword(Context &c, const Core::TriageResult &triage)
{
    using K = Core::Keyword;
    const QString &lang = c.patient.language;
    switch (triage.keyword) {
    case K::Stop:
        return setOptIn(c, false);
    case K::Start:
        return setOptIn(c, true);
    case K::Change:
        return appointmentAnswer(c, true, 0);
    case K::Confirm:
        return appointmentAnswer(c, false, 0);
    case K::Taken:
        return doseAnswer(c, true, {});
    case K::Skipped:
        return doseAnswer(c, false, {});
    case K::Help:
        return send(c, QStringLiteral("menu"),
                    m_messages.menu(c.patient.to, lang, m_site.emergencyNumber));
    case K::Location:
        if (!m_site.hasLocation())
            return routeToQueue(c, QStringLiteral("APPOINTMENT"), QStringLiteral("P4"),
                                triage.reason);
        return send(c, QStringLiteral("location"),
                    WhatsApp::GraphMessage::location(
                        c.patient.to, {m_site.latitude, m_site.longitude, m_site.locationName,
                                       m_site.locationAddress}));
    case K::MenuRefill:
        return routeToQueue(c, QStringLiteral("REFILL"), QStringLiteral("P3"), triage.reason);
    case K::MenuAppointment:
        return routeToQueue(c, QStringLiteral("APPOINTMENT"), QStringLiteral("P4"), triage.reason);
    case K::MenuLabResults:
        return routeToQueue(c, QStringLiteral("LAB_RESULTS"), QStringLiteral("P3"), triage.reason);
    case K::MenuNurse:
        return routeToQueue(c, QStringLiteral("NURSE"), QStringLiteral("P3"), triage.reason);
    case K::None:
        break;
    }
    return {};
}

Core::Status CareFlow::handleOurReply(Context &c, const QString &replyId)
{
    // Ours: "wl:<what>:<subject>[:<value>]", set when the hub sent the buttons or the list.
    const QStringList part = replyId.split(u':');
    const QString what = part.value(1);
    const qint64 subject = part.value(2).toLongLong();
    if (auto s = exec(QStringLiteral("UPDATE messages SET category = ?, priority = 'P4', "
                                     "triage_reason = ? WHERE id = ?"),
                      {QStringLiteral("GENERAL"), QString(QStringLiteral("tapped: ") + what),
                       c.message.messageId});
        !s)
        return s;
    if (what == QLatin1String("menu")) {
        static const char *const queues[] = {"REFILL", "APPOINTMENT", "LAB_RESULTS", "NURSE"};
        const int choice = int(subject);
        if (choice < 1 || choice > 4)
            return {};
        return routeToQueue(c, QLatin1String(queues[choice - 1]),
                            choice == 2 ? QStringLiteral("P4") : QStringLiteral("P3"),
                            QStringLiteral("menu choice %1").arg(choice));
    }
    if (what == QLatin1String("confirm") || what == QLatin1String("change"))
        return appointmentAnswer(c, what == QLatin1String("change"), subject);
    if (what == QLatin1String("location")) {
        Core::TriageResult location;
        location.keyword = Core::Keyword::Location;
        location.reason = QStringLiteral("tapped: location");
        return handleKeyword(c, location);
    }
    if (what == QLatin1String("taken") || what == QLatin1String("skipped"))
        return doseAnswer(c, what == QLatin1String("taken"), part.mid(2).join(u':'));
    if (what == QLatin1String("pain"))
        return painAnswer(c, subject, part.value(3).toInt());
    if (what == QLatin1String("painlist")) {
        if (auto s = answerPathwayStep(c, subject, 7, QStringLiteral("asked for the list")); !s)
            return s;
        return send(c, QStringLiteral("painlist"),
                    m_messages.painList(c.patient.to, c.patient.language, subject));
    }
    if (what == QLatin1String("book")) {
        if (auto s = answerPathwayStep(c, subject, 14, QStringLiteral("book")); !s)
            return s;
        if (auto s = raiseTask(c, QStringLiteral("book_followup"),
                               QStringLiteral("pathway:%1").arg(subject));
            !s)
            return s;
        if (auto s = routeToQueue(c, QStringLiteral("APPOINTMENT"), QStringLiteral("P4"),
                                  QStringLiteral("follow-up visit after surgery"), false);
            !s)
            return s;
        return send(
            c, QStringLiteral("booking"),
            m_messages.text(c.patient.to, c.patient.language, QStringLiteral("booking_ack")));
    }
    if (what == QLatin1String("checkin")) {
        if (auto s = answerPathwayStep(c, subject, 1, part.value(3)); !s)
            return s;
        if (part.value(3) == QLatin1String("question"))
            return routeToQueue(c, QStringLiteral("NURSE"), QStringLiteral("P3"),
                                QStringLiteral("question after surgery"));
    }
    return {};
}

Core::Status CareFlow::appointmentAnswer(Context &c, bool change, qint64 appointmentId)
{
    QSqlQuery q(m_db);
    if (appointmentId) {
        q.prepare(QStringLiteral("SELECT id FROM appointments WHERE id = ? AND patient_id = ?"));
        q.addBindValue(appointmentId);
    } else {
        // Words, not a button: the patient's next appointment still to come.
        q.prepare(QStringLiteral("SELECT id FROM appointments WHERE start_at >= ? AND "
                                 "patient_id = ? AND status IN ('booked', 'confirmed', "
                                 "'change_requested') ORDER BY start_at LIMIT 1"));
        q.addBindValue(iso(c.now.addSecs(-3600)));
    }
    q.addBindValue(c.patient.id);
    if (!q.exec())
        return failed(q);
    if (!q.next()) {
        if (!change)
            return {};
        if (auto s = routeToQueue(c, QStringLiteral("APPOINTMENT"), QStringLiteral("P3"),
                                  QStringLiteral("asked to change an appointment"), false);
            !s)
            return s;
        return send(
            c, QStringLiteral("change"),
            m_messages.text(c.patient.to, c.patient.language, QStringLiteral("change_none")));
    }
    const qint64 id = q.value(0).toLongLong();
    int changed = 0;
    if (change) {
        if (auto s = exec(QStringLiteral("UPDATE appointments SET status = 'change_requested', "
                                         "change_requested_at = ?, updated_at = ? WHERE id = ? "
                                         "AND status IN ('booked', 'confirmed')"),
                          {iso(c.now), iso(c.now), id}, &changed);
            !s)
            return s;
    } else {
        if (auto s = exec(QStringLiteral("UPDATE appointments SET status = 'confirmed', "
                                         "confirmed_at = ?, updated_at = ? WHERE id = ? AND "
                                         "status = 'booked'"),
                          {iso(c.now), iso(c.now), id}, &changed);
            !s)
            return s;
    }
    if (changed) {
        if (auto s = event(c,
                           change ? QStringLiteral("appointment.change_requested")
                                  : QStringLiteral("appointment.confirmed"),
                           {{QStringLiteral("appointmentId"), id}});
            !s)
            return s;
    }
    if (change) {
        // The receptionists' reschedule queue is where appointment conversations go.
        if (auto s = routeToQueue(c, QStringLiteral("APPOINTMENT"), QStringLiteral("P3"),
                                  QStringLiteral("asked to change an appointment"), false);
            !s)
            return s;
    }
    return send(
        c, change ? QStringLiteral("change") : QStringLiteral("confirm"),
        m_messages.text(c.patient.to, c.patient.language,
                        change ? QStringLiteral("change_ack") : QStringLiteral("confirm_ack")));
}

Core::Status CareFlow::doseAnswer(Context &c, bool taken, const QString &doseKey)
{
    QSqlQuery q(m_db);
    if (!doseKey.isEmpty()) {
        q.prepare(QStringLiteral("SELECT d.dose_key FROM medication_doses d JOIN "
                                 "medication_schedules m ON m.id = d.schedule_id WHERE "
                                 "d.dose_key = ? AND m.patient_id = ?"));
        q.addBindValue(doseKey);
    } else {
        // "Taken" typed in: the latest dose reminded in the last 12 hours.
        q.prepare(QStringLiteral("SELECT d.dose_key FROM medication_doses d JOIN "
                                 "medication_schedules m ON m.id = d.schedule_id WHERE "
                                 "d.due_at >= ? AND m.patient_id = ? ORDER BY d.due_at DESC "
                                 "LIMIT 1"));
        q.addBindValue(iso(c.now.addSecs(-12 * 3600)));
    }
    q.addBindValue(c.patient.id);
    if (!q.exec())
        return failed(q);
    if (!q.next())
        return {};
    const QString key = q.value(0).toString();
    if (auto s =
            exec(QStringLiteral("UPDATE medication_doses SET state = ?, answered_at = ? "
                                "WHERE dose_key = ?"),
                 {taken ? QStringLiteral("taken") : QStringLiteral("skipped"), iso(c.now), key});
        !s)
        return s;
    if (auto s = event(c, QStringLiteral("medication.answered"),
                       {{QStringLiteral("dose"), key}, {QStringLiteral("taken"), taken}});
        !s)
        return s;
    return send(
        c, taken ? QStringLiteral("taken") : QStringLiteral("skipped"),
        m_messages.text(c.patient.to, c.patient.language,
                        taken ? QStringLiteral("taken_ack") : QStringLiteral("skipped_ack")));
}

Core::Status CareFlow::painAnswer(Context &c, qint64 pathwayId, int score)
{
    // The list's last row stands for 9 or 10: either way it is escalated.
    if (auto s = answerPathwayStep(c, pathwayId, 7, QStringLiteral("pain %1").arg(score)); !s)
        return s;
    if (score < 7)
        return send(c, QStringLiteral("pain"),
                    m_messages.text(c.patient.to, c.patient.language, QStringLiteral("pain_ack")));
    if (auto s = raiseTask(c, QStringLiteral("pain_escalation"),
                           QStringLiteral("pathway:%1").arg(pathwayId));
        !s)
        return s;
    if (auto s = exec(QStringLiteral("UPDATE conversations SET sla_kind = 'nurse', sla_due_at = "
                                     "?, sla_breached = 0 WHERE id = ?"),
                      {iso(c.now.addSecs(m_site.nurseMinutes * 60)), c.message.conversationId});
        !s)
        return s;
    if (auto s =
            routeToQueue(c, QStringLiteral("NURSE"), QStringLiteral("P2"),
                         QStringLiteral("post-op day 7: pain score %1 of 10").arg(score), false);
        !s)
        return s;
    if (auto s = event(c, QStringLiteral("alert.escalation"),
                       {{QStringLiteral("reason"), QStringLiteral("pain_score")},
                        {QStringLiteral("priority"), QStringLiteral("P2")}});
        !s)
        return s;
    return send(c, QStringLiteral("pain"),
                m_messages.text(c.patient.to, c.patient.language, QStringLiteral("pain_escalated"),
                                {m_site.emergencyNumber}));
}

Core::Status CareFlow::photoReceived(Context &c, qint64 pathwayId, int day)
{
    int created = 0;
    if (auto s = exec(QStringLiteral("INSERT INTO photo_reviews (message_id, conversation_id, "
                                     "pathway_id, pathway_day, created_at) VALUES (?, ?, ?, ?, "
                                     "?) ON CONFLICT (message_id) DO NOTHING"),
                      {c.message.messageId, c.message.conversationId, pathwayId, day, iso(c.now)},
                      &created);
        !s)
        return s;
    if (!created)
        return {};
    if (auto s = answerPathwayStep(c, pathwayId, 3, QStringLiteral("photo")); !s)
        return s;
    // A photo sent before the day-3 request went out answers it: the scheduler finds the
    // request decided under its key and does not ask for what the nurses already have.
    if (day <= 3) {
        if (auto s = exec(QStringLiteral("INSERT INTO scheduled_sends (send_key, kind, patient_id, "
                                         "due_at, decided_at, outcome, reason) VALUES (?, "
                                         "'pathway_photo', ?, ?, ?, 'skipped', 'the patient sent "
                                         "a photo before it was asked for') ON CONFLICT "
                                         "(send_key) DO NOTHING"),
                          {QStringLiteral("path:%1:day3").arg(pathwayId), c.patient.id, iso(c.now),
                           iso(c.now)});
            !s)
            return s;
    }
    if (auto s = event(c, QStringLiteral("photo.review_requested"),
                       {{QStringLiteral("messageId"), c.message.messageId},
                        {QStringLiteral("pathwayDay"), day}});
        !s)
        return s;
    if (auto s = routeToQueue(c, QStringLiteral("NURSE"), QStringLiteral("P3"),
                              QStringLiteral("post-op day %1 wound photo").arg(day), false);
        !s)
        return s;
    return send(c, QStringLiteral("photo"),
                m_messages.text(c.patient.to, c.patient.language, QStringLiteral("photo_ack")));
}

Core::Status CareFlow::answerPathwayStep(Context &c, qint64 pathwayId, int day,
                                         const QString &answer)
{
    return exec(QStringLiteral("UPDATE pathway_steps SET answered_at = ?, answer = ? WHERE "
                               "pathway_id = ? AND day = ? AND answered_at IS NULL"),
                {iso(c.now), answer, pathwayId, day});
}

Core::Status CareFlow::raiseTask(Context &c, const QString &kind, const QString &subject)
{
    int created = 0;
    if (auto s = exec(QStringLiteral("INSERT INTO tasks (conversation_id, kind, subject, "
                                     "created_at) VALUES (?, ?, ?, ?) ON CONFLICT (kind, subject) "
                                     "DO NOTHING"),
                      {c.message.conversationId, kind, subject, iso(c.now)}, &created);
        !s)
        return s;
    return created ? event(c, QStringLiteral("task.created"), {{QStringLiteral("kind"), kind}})
                   : Core::Status();
}

Core::Status CareFlow::setOptIn(Context &c, bool optIn)
{
    if (auto s = exec(QStringLiteral("UPDATE patients SET opt_in = ?, opt_in_changed_at = ?, "
                                     "updated_at = ? WHERE id = ?"),
                      {optIn ? QStringLiteral("in") : QStringLiteral("out"), iso(c.now), iso(c.now),
                       c.patient.id});
        !s)
        return s;
    if (auto s =
            event(c, QStringLiteral("patient.opt_in"),
                  {{QStringLiteral("patientId"), c.patient.id}, {QStringLiteral("optIn"), optIn}});
        !s)
        return s;
    c.patient.optedOut = !optIn;
    return send(c, optIn ? QStringLiteral("start") : QStringLiteral("stop"),
                m_messages.text(c.patient.to, c.patient.language,
                                optIn ? QStringLiteral("start_ack") : QStringLiteral("stop_ack")),
                true);
}

} // namespace Wardline::Hub
