#include "hub/scheduler.h"

#include "core/careplan.h"
#include "core/clock.h"
#include "hub/careflow.h"
#include "hub/caremessages.h"
#include "hub/logging.h"
#include "hub/sitesettings.h"
#include "store/conversationrepository.h"
#include "store/database.h"
#include "store/eventlog.h"
#include "whatsapp/graphmessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace Wardline::Hub {

using Core::CareSend;
using Core::PlannedSend;

namespace {
QString iso(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromIso(const QVariant &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

Core::Status failed(const QSqlQuery &q)
{
    return Core::Status::failure(Store::Database::describe(q.lastError()));
}

} // namespace

struct Scheduler::TemplateCall
{
    CareSend kind;
    QStringList body;
    QStringList payloads;
};

struct Scheduler::Pass
{
    QDateTime now;
    SiteSettings site;
    int decided = 0;

    [[nodiscard]] QTimeZone zoneOf(const QString &patientZone) const
    {
        const QTimeZone zone(patientZone.toUtf8());
        return !patientZone.isEmpty() && zone.isValid() ? zone : site.zone;
    }
};

Scheduler::Scheduler(QSqlDatabase db, const Core::Clock &clock, QString phoneNumberId,
                     QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_clock(clock)
    , m_phoneNumberId(std::move(phoneNumberId))
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (auto r = runDue(); !r)
            qCCritical(lcHub, "scheduler pass failed, retrying on the next: %s",
                       qUtf8Printable(r.error()));
    });
}

void Scheduler::start(int intervalMs)
{
    m_timer->start(intervalMs);
    QTimer::singleShot(0, m_timer, [this] { Q_EMIT m_timer->timeout({}); });
}

Core::Result<int> Scheduler::runDue()
{
    Pass pass;
    pass.now = m_clock.now().toUTC();
    auto site = SiteSettings::load(m_db);
    if (!site)
        return Core::Result<int>::failure(site.error());
    pass.site = std::move(site).value();
    if (!m_db.transaction())
        return Core::Result<int>::failure(Store::Database::describe(m_db.lastError()));
    Core::Status s = appointments(pass);
    if (s)
        s = medications(pass);
    if (s)
        s = pathways(pass);
    if (s)
        s = unansweredSteps(pass);
    if (s)
        s = serviceLevels(pass);
    if (s)
        s = emergencyTemplates(pass);
    if (s && !m_db.commit())
        s = Core::Status::failure(Store::Database::describe(m_db.lastError()));
    if (!s) {
        (void)m_db.rollback();
        return Core::Result<int>::failure(s.error());
    }
    return pass.decided;
}

Core::Status Scheduler::decide(Pass &pass, const PlannedSend &planned, qint64 patientId,
                               const Builder &build, const QDateTime &recordedAt)
{
    // Not yet due; or over before the hub knew of it (a pathway started after its day 1, an
    // appointment imported after its reminder would have been useful): nothing to decide.
    if (planned.due > pass.now || (recordedAt.isValid() && planned.usefulUntil < recordedAt))
        return {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM scheduled_sends WHERE send_key = ?"));
    q.addBindValue(planned.key);
    if (!q.exec())
        return failed(q);
    if (q.next())
        return {}; // decided before: sent or skipped, never again
    auto patient = loadPatientContact(m_db, patientId);
    if (!patient)
        return Core::Status::failure(patient.error());
    const TemplateCall call = build(patient.value());
    const QString name = pass.site.templateFor(call.kind);

    QString skipped;
    q.prepare(QStringLiteral("SELECT status FROM templates WHERE name = ? AND language = ?"));
    q.addBindValue(name);
    q.addBindValue(patient->language);
    if (!q.exec())
        return failed(q);
    const bool approved = q.next() && q.value(0).toString() == QLatin1String("APPROVED");
    if (patient->optedOut) {
        skipped = QStringLiteral("the patient opted out of automated messages");
    } else if (patient->to.isEmpty()) {
        skipped = QStringLiteral("no WhatsApp number on record for the patient");
    } else if (planned.due > planned.usefulUntil) {
        skipped = QStringLiteral("quiet hours left no useful time to send it");
    } else if (pass.now > planned.usefulUntil) {
        skipped = approved ? QStringLiteral("not sent in time (the hub was not running); no "
                                            "longer useful")
                           : QStringLiteral("template %1 (%2) was not approved by Meta in time")
                                 .arg(name, patient->language);
    } else if (!approved) {
        return {}; // waits for Meta's approval while the message is still useful
    }

    if (auto s = Store::Database::exec(
            m_db,
            QStringLiteral("INSERT INTO scheduled_sends (send_key, kind, patient_id, due_at, "
                           "decided_at, outcome, reason) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {planned.key, Core::careSendName(planned.kind), patientId, iso(planned.due),
             iso(pass.now), skipped.isEmpty() ? QStringLiteral("sent") : QStringLiteral("skipped"),
             skipped});
        !s)
        return s;
    ++pass.decided;
    if (!skipped.isEmpty()) {
        qCInfo(lcHub, "scheduled %s skipped: %s", qUtf8Printable(Core::careSendName(planned.kind)),
               qUtf8Printable(skipped));
        return {};
    }
    auto conversation =
        Store::ConversationRepository(m_db).openFor(patientId, m_phoneNumberId, pass.now);
    if (!conversation)
        return Core::Status::failure(conversation.error());
    return queueAutomated(m_db, planned.key, conversation.value(),
                          CareMessages::builtIn().templateMessage(
                              patient->to, name, patient->language, call.body, call.payloads),
                          pass.now);
}

Core::Status Scheduler::appointments(Pass &pass)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Reminders go out up to a day ahead; follow-ups up to two days after.
    q.prepare(
        QStringLiteral("SELECT a.id, a.patient_id, a.start_at, a.end_at, a.status, "
                       "a.provider, a.location, a.instructions, p.time_zone, a.updated_at FROM "
                       "appointments a JOIN patients p ON p.id = a.patient_id WHERE "
                       "a.start_at BETWEEN ? AND ?"));
    q.addBindValue(iso(pass.now.addDays(-3)));
    q.addBindValue(iso(pass.now.addDays(2)));
    if (!q.exec())
        return failed(q);
    while (q.next()) {
        const Core::AppointmentTimes times{q.value(0).toLongLong(), fromIso(q.value(2)),
                                           fromIso(q.value(3)), q.value(4).toString()};
        const QString provider = q.value(5).toString();
        const QString location = q.value(6).toString();
        const QString instructions = q.value(7).toString();
        const QTimeZone zone = pass.zoneOf(q.value(8).toString());
        for (const PlannedSend &planned : Core::planAppointment(times, zone, pass.site.quiet)) {
            const auto build = [&](const PatientContact &p) {
                const CareMessages &m = CareMessages::builtIn();
                const QString &name = p.greeting;
                const QDateTime local = times.start.toTimeZone(zone);
                const QString id = QString::number(times.id);
                switch (planned.kind) {
                case CareSend::AppointmentReminder:
                    return TemplateCall{
                        planned.kind,
                        {name, CareMessages::patientDate(local, p.language),
                         CareMessages::patientTime(local, p.language), provider, location,
                         instructions.isEmpty()
                             ? m.reply(p.language, QStringLiteral("no_instructions"))
                             : instructions},
                        {QStringLiteral("wl:location:") + id, QStringLiteral("wl:change:") + id}};
                case CareSend::AppointmentConfirm:
                    return TemplateCall{
                        planned.kind,
                        {name, CareMessages::patientTime(local, p.language), provider},
                        {QStringLiteral("wl:confirm:") + id, QStringLiteral("wl:change:") + id}};
                default:
                    return TemplateCall{planned.kind, {name}, {}};
                }
            };
            if (auto s = decide(pass, planned, q.value(1).toLongLong(), build, fromIso(q.value(9)));
                !s)
                return s;
        }
    }
    return {};
}

Core::Status Scheduler::medications(Pass &pass)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT m.id, m.patient_id, m.medication, m.times, m.first_day, "
        "m.last_day, p.time_zone, m.created_at FROM medication_schedules m JOIN patients p "
        "ON p.id = m.patient_id WHERE m.active = 1"));
    if (!q.exec())
        return failed(q);
    while (q.next()) {
        Core::MedicationTimes schedule;
        schedule.id = q.value(0).toLongLong();
        const QString medication = q.value(2).toString();
        for (const QJsonValue &t : QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array())
            schedule.times.append(QTime::fromString(t.toString(), QStringLiteral("HH:mm")));
        schedule.first = QDate::fromString(q.value(4).toString(), Qt::ISODate);
        schedule.last = QDate::fromString(q.value(5).toString(), Qt::ISODate);
        const QTimeZone zone = pass.zoneOf(q.value(6).toString());
        // A day back is enough: a dose reminder more than two hours late is not sent anyway.
        for (const PlannedSend &planned :
             Core::planMedication(schedule, zone, pass.now.addDays(-1), pass.now)) {
            const int before = pass.decided;
            if (auto s = decide(
                    pass, planned, q.value(1).toLongLong(),
                    [&](const PatientContact &p) {
                        return TemplateCall{planned.kind,
                                            {p.greeting, medication},
                                            {QStringLiteral("wl:taken:") + planned.key,
                                             QStringLiteral("wl:skipped:") + planned.key}};
                    },
                    fromIso(q.value(7)));
                !s)
                return s;
            if (pass.decided == before)
                continue;
            // The dose is on record from now on, answered or not (adherence).
            if (auto s = Store::Database::exec(
                    m_db,
                    QStringLiteral(
                        "INSERT INTO medication_doses (dose_key, schedule_id, due_at, state) "
                        "SELECT ?, ?, "
                        "?, CASE outcome WHEN 'sent' THEN 'reminded' ELSE 'missed' END FROM "
                        "scheduled_sends WHERE send_key = ? ON CONFLICT (dose_key) DO NOTHING"),
                    {planned.key, schedule.id, iso(planned.due), planned.key});
                !s)
                return s;
        }
    }
    // A reminded dose nobody answered within 12 hours counts as missed.
    QSqlQuery missed(m_db);
    missed.prepare(QStringLiteral("UPDATE medication_doses SET state = 'missed' WHERE state = "
                                  "'reminded' AND due_at < ?"));
    missed.addBindValue(iso(pass.now.addSecs(-12 * 3600)));
    return missed.exec() ? Core::Status() : failed(missed);
}

Core::Status Scheduler::pathways(Pass &pass)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT w.id, w.patient_id, w.surgery_date, p.time_zone, "
                             "w.created_at FROM "
                             "pathways w JOIN patients p ON p.id = w.patient_id WHERE w.state = "
                             "'active'"));
    if (!q.exec())
        return failed(q);
    QList<qint64> completed;
    while (q.next()) {
        const qint64 pathwayId = q.value(0).toLongLong();
        const QDate surgery = QDate::fromString(q.value(2).toString(), Qt::ISODate);
        const QTimeZone zone = pass.zoneOf(q.value(3).toString());
        const QList<PlannedSend> plan =
            Core::planPathway(pathwayId, surgery, zone, pass.site.quiet);
        for (const PlannedSend &planned : plan) {
            const int before = pass.decided;
            if (auto s = decide(
                    pass, planned, q.value(1).toLongLong(),
                    [&](const PatientContact &p) {
                        const QString &name = p.greeting;
                        const QString id = QString::number(pathwayId);
                        switch (planned.kind) {
                        case CareSend::PathwayCheckIn:
                            return TemplateCall{planned.kind,
                                                {name},
                                                {QStringLiteral("wl:checkin:%1:ok").arg(id),
                                                 QStringLiteral("wl:checkin:%1:question").arg(id)}};
                        case CareSend::PathwayPain:
                            return TemplateCall{
                                planned.kind, {name}, {QStringLiteral("wl:painlist:") + id}};
                        case CareSend::PathwayFollowUp:
                            return TemplateCall{
                                planned.kind, {name}, {QStringLiteral("wl:book:") + id}};
                        default:
                            return TemplateCall{planned.kind, {name}, {}};
                        }
                    },
                    fromIso(q.value(4)));
                !s)
                return s;
            if (pass.decided == before)
                continue;
            // The step is open for an answer from the moment it went out.
            if (auto s = Store::Database::exec(
                    m_db,
                    QStringLiteral(
                        "INSERT INTO pathway_steps (pathway_id, day, sent_at) SELECT ?, ?, ? FROM "
                        "scheduled_sends WHERE send_key = ? AND outcome = 'sent' ON CONFLICT DO "
                        "NOTHING"),
                    {pathwayId, planned.day, iso(pass.now), planned.key});
                !s)
                return s;
        }
        if (pass.now > plan.constLast().usefulUntil.addSecs(Core::PathwayTaskAfterSecs))
            completed.append(pathwayId);
    }
    for (const qint64 id : completed) {
        if (auto s = Store::Database::exec(
                m_db, QStringLiteral("UPDATE pathways SET state = 'completed' WHERE id = ?"), {id});
            !s)
            return s;
    }
    return {};
}

Core::Status Scheduler::unansweredSteps(Pass &pass)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT s.pathway_id, s.day, s.sent_at, s.nudged_at, s.task_at, w.patient_id, "
        "p.time_zone FROM pathway_steps s JOIN pathways w ON w.id = s.pathway_id JOIN patients p "
        "ON p.id = w.patient_id WHERE w.state = 'active' AND s.answered_at IS NULL AND "
        "(s.nudged_at IS NULL OR s.task_at IS NULL) AND s.sent_at <= ?"));
    q.addBindValue(iso(pass.now.addSecs(-Core::PathwayNudgeAfterSecs)));
    if (!q.exec())
        return failed(q);
    while (q.next()) {
        const qint64 pathwayId = q.value(0).toLongLong();
        const int day = q.value(1).toInt();
        const QDateTime sent = fromIso(q.value(2));
        const qint64 patientId = q.value(5).toLongLong();
        const QTimeZone zone = pass.zoneOf(q.value(6).toString());
        QSqlQuery update(m_db);
        if (q.value(3).isNull()) {
            PlannedSend nudge;
            nudge.key = QStringLiteral("path:%1:day%2:nudge").arg(pathwayId).arg(day);
            nudge.kind = CareSend::PathwayNudge;
            nudge.subjectId = pathwayId;
            nudge.due =
                pass.site.quiet.nextAllowed(sent.addSecs(Core::PathwayNudgeAfterSecs), zone);
            nudge.usefulUntil = sent.addSecs(Core::PathwayTaskAfterSecs);
            nudge.day = day;
            if (nudge.due > pass.now)
                continue;
            if (auto s = decide(pass, nudge, patientId,
                                [&](const PatientContact &p) {
                                    return TemplateCall{CareSend::PathwayNudge, {p.greeting}, {}};
                                });
                !s)
                return s;
            update.prepare(QStringLiteral("UPDATE pathway_steps SET nudged_at = ? WHERE "
                                          "pathway_id = ? AND day = ? AND EXISTS (SELECT 1 FROM "
                                          "scheduled_sends WHERE send_key = ?)"));
            update.addBindValue(iso(pass.now));
            update.addBindValue(pathwayId);
            update.addBindValue(day);
            update.addBindValue(nudge.key);
        } else if (q.value(4).isNull() && sent.addSecs(Core::PathwayTaskAfterSecs) <= pass.now) {
            // Still nothing: a nurse calls the patient.
            auto conversation =
                Store::ConversationRepository(m_db).openFor(patientId, m_phoneNumberId, pass.now);
            if (!conversation)
                return Core::Status::failure(conversation.error());
            if (auto s = Store::Database::exec(
                    m_db,
                    QStringLiteral("INSERT INTO tasks (conversation_id, kind, subject, "
                                   "created_at) VALUES (?, 'pathway_unanswered', ?, ?) ON "
                                   "CONFLICT (kind, subject) DO NOTHING"),
                    {conversation.value(),
                     QStringLiteral("pathway:%1:day%2").arg(pathwayId).arg(day), iso(pass.now)});
                !s)
                return s;
            if (auto s = Store::Database::exec(
                    m_db,
                    QStringLiteral("UPDATE conversations SET category = 'NURSE', priority = 'P3', "
                                   "triage_reason = ? "
                                   "WHERE id = ? AND priority >= 'P3' AND category <> 'EMERGENCY'"),
                    {QStringLiteral("post-op day %1 unanswered").arg(day), conversation.value()});
                !s)
                return s;
            auto e = Store::EventLog(m_db).append(
                QStringLiteral("task.created"),
                {{QStringLiteral("conversationId"), conversation.value()},
                 {QStringLiteral("kind"), QStringLiteral("pathway_unanswered")}},
                pass.now);
            if (!e)
                return Core::Status::failure(e.error());
            update.prepare(QStringLiteral(
                "UPDATE pathway_steps SET task_at = ? WHERE pathway_id = ? AND day = ?"));
            update.addBindValue(iso(pass.now));
            update.addBindValue(pathwayId);
            update.addBindValue(day);
        } else {
            continue;
        }
        if (!update.exec())
            return failed(update);
    }
    return {};
}

// An emergency instruction Meta refused because the patient's 24-hour window had closed
// (131047: the hub handled the message late, e.g. Meta delivered it after a long outage) goes
// out again as the approved template the site chose for it, once. Meta says so in the send's
// answer or, later, in a failed status; both are looked at on every pass, so a restart loses
// nothing.
Core::Status Scheduler::emergencyTemplates(Pass &pass)
{
    constexpr int WindowClosed = 131047;
    const QString prefix = QStringLiteral("auto:emergency:"); // 15 characters, as in the SQL
    const QString again = QStringLiteral("auto:emergency-template:");
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT o.idempotency_key, o.conversation_id, c.patient_id FROM outbox o JOIN "
        "conversations c ON c.id = o.conversation_id LEFT JOIN messages m ON m.id = o.message_id "
        "WHERE o.idempotency_key LIKE ? AND ((o.state = 'failed' AND o.error_code = ?) OR "
        "(m.status = 'failed' AND m.error_code = ?)) AND NOT EXISTS (SELECT 1 FROM outbox t "
        "WHERE t.idempotency_key = 'auto:emergency-template:' || substr(o.idempotency_key, 16))"));
    q.addBindValue(QString(prefix + u'%'));
    q.addBindValue(WindowClosed);
    q.addBindValue(WindowClosed);
    if (!q.exec())
        return failed(q);
    struct Refused
    {
        QString key;
        qint64 conversationId;
        qint64 patientId;
    };
    QList<Refused> refused;
    while (q.next())
        refused.append({again + q.value(0).toString().mid(prefix.size()), q.value(1).toLongLong(),
                        q.value(2).toLongLong()});
    q.finish();
    const QString name = pass.site.templateFor(Core::CareSend::EmergencyInstruction);
    for (const Refused &r : std::as_const(refused)) {
        auto patient = loadPatientContact(m_db, r.patientId);
        if (!patient)
            return Core::Status::failure(patient.error());
        qCWarning(lcHub, "an emergency instruction reached a closed window; sending template %s",
                  qUtf8Printable(name));
        if (auto s = queueAutomated(m_db, r.key, r.conversationId,
                                    CareMessages::builtIn().templateMessage(
                                        patient->to, name, patient->language,
                                        {patient->greeting, pass.site.emergencyNumber}),
                                    pass.now);
            !s)
            return s;
        ++pass.decided;
    }
    return {};
}

Core::Status Scheduler::serviceLevels(Pass &pass)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT c.id, c.sla_kind, c.sla_due_at, c.last_inbound_at, c.patient_id FROM "
        "conversations c WHERE c.state = 'open' AND c.sla_breached = 0 AND c.sla_due_at <= ?"));
    q.addBindValue(iso(pass.now));
    if (!q.exec())
        return failed(q);
    struct Breach
    {
        qint64 conversationId;
        QString kind;
        QString due;
        QDateTime lastInbound;
        qint64 patientId;
    };
    QList<Breach> breaches;
    while (q.next())
        breaches.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                         fromIso(q.value(3)), q.value(4).toLongLong()});
    for (const Breach &b : breaches) {
        // Missed: one step up the queue (P1 stays P1) and every console is told.
        if (auto s = Store::Database::exec(
                m_db,
                QStringLiteral("UPDATE conversations SET sla_breached = 1, priority = CASE "
                               "priority WHEN 'P4' THEN "
                               "'P3' WHEN 'P3' THEN 'P2' ELSE 'P1' END WHERE id = ?"),
                {b.conversationId});
            !s)
            return s;
        auto e = Store::EventLog(m_db).append(QStringLiteral("sla.breached"),
                                              {{QStringLiteral("conversationId"), b.conversationId},
                                               {QStringLiteral("kind"), b.kind}},
                                              pass.now);
        if (!e)
            return Core::Status::failure(e.error());
        if (b.kind != QLatin1String("lab") || b.lastInbound.secsTo(pass.now) >= 24 * 3600)
            continue;
        // Lab questions: the patient hears from us within the target even when no one answered.
        auto patient = loadPatientContact(m_db, b.patientId);
        if (!patient)
            return Core::Status::failure(patient.error());
        if (patient->optedOut)
            continue;
        if (auto s = queueAutomated(
                m_db, QStringLiteral("auto:lab-holding:%1:%2").arg(b.conversationId).arg(b.due),
                b.conversationId,
                CareMessages::builtIn().text(patient->to, patient->language,
                                             QStringLiteral("lab_holding")),
                pass.now);
            !s)
            return s;
    }
    return {};
}

} // namespace Wardline::Hub
