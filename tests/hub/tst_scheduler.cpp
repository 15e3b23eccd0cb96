// The scheduler with a fake clock: a week of appointments, medication doses and a post-surgical
// pathway across the autumn daylight-saving change, with the hub restarted (and down for a few
// hours) in the middle. Every reminder is decided exactly once, at the right local time; what
// could not be sent in time is skipped and recorded, never sent twice.
#include "core/appointment.h"
#include "core/clock.h"
#include "hub/caremessages.h"
#include "hub/carerecords.h"
#include "hub/hubconfig.h"
#include "hub/hubdatabase.h"
#include "hub/hubinit.h"
#include "hub/scheduler.h"
#include "hub/sitesettings.h"
#include "store/database.h"
#include "whatsapp/graphtemplate.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

namespace {
const QTimeZone NewYork("America/New_York");
const QString Connection = QStringLiteral("scheduler-test");

QDateTime local(int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(2026, m, d), QTime(h, min), NewYork);
}

struct Decision
{
    QString outcome;
    QDateTime decidedAt; // New York time
    QString reason;
};
} // namespace

class TestScheduler : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Hub::HubConfig> m_config;
    Core::ManualClock m_clock{local(10, 28, 0)};
    QSqlDatabase m_db;
    std::unique_ptr<Hub::Scheduler> m_scheduler;

    void open()
    {
        auto db = Hub::openHubDatabase(*m_config, Connection);
        QVERIFY2(db, qPrintable(db.error()));
        m_db = db.value();
        m_scheduler = std::make_unique<Hub::Scheduler>(m_db, m_clock, QStringLiteral("1555"));
    }
    void close()
    {
        m_scheduler.reset();
        m_db = QSqlDatabase();
        Store::Database::close(Connection);
    }
    void exec(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(m_db);
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        QVERIFY2(q.exec(), qPrintable(sql));
    }
    // Runs the scheduler every five minutes until \a until.
    void runUntil(const QDateTime &until)
    {
        while (m_clock.now() < until) {
            m_clock.advance(5 * 60 * 1000);
            auto decided = m_scheduler->runDue();
            QVERIFY2(decided, qPrintable(decided.error()));
        }
    }
    QHash<QString, Decision> decisions()
    {
        QHash<QString, Decision> all;
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("SELECT send_key, outcome, decided_at, reason FROM scheduled_sends"));
        while (q.next())
            all.insert(q.value(0).toString(),
                       {q.value(1).toString(),
                        QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs)
                            .toTimeZone(NewYork),
                        q.value(3).toString()});
        return all;
    }
    QString appointmentKey(const QString &external, const QString &what)
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT id, start_at FROM appointments WHERE external_id = ?"));
        q.addBindValue(external);
        if (!q.exec() || !q.next())
            return {};
        return QStringLiteral("appt:%1:%2:%3")
            .arg(q.value(0).toString())
            .arg(QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs).toSecsSinceEpoch())
            .arg(what);
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto init = Hub::HubInit(m_dir.path(), Core::Clock::system())
                        .run(QStringLiteral("admin"), QStringLiteral("Ward-line 7 blue heron"));
        QVERIFY2(init, qPrintable(init.error()));
        auto config = Hub::HubConfig::load(m_dir.path());
        QVERIFY(config);
        m_config = std::move(config).value();
        open();
        QVERIFY(Hub::SiteSettings::set(m_db, QStringLiteral("site/time_zone"),
                                       QStringLiteral("America/New_York")));
        // Meta approved the hub's templates (TemplateSync records this from Meta).
        for (const WhatsApp::GraphTemplate &t : Hub::CareMessages::builtIn().defaultTemplates())
            exec(QStringLiteral("INSERT INTO templates (name, language, category, status, "
                                "updated_at) VALUES (?, ?, 'UTILITY', 'APPROVED', ?)"),
                 {t.name, t.language, m_clock.now()});

        Core::ImportBatch batch;
        batch.patients = {
            {QStringLiteral("P-A"),
             QStringLiteral("Alex Doe"),
             QStringLiteral("+15550100101"),
             QStringLiteral("en"),
             {},
             false},
            {QStringLiteral("P-B"),
             QStringLiteral("Berta Ruiz"),
             QStringLiteral("+15550100102"),
             QStringLiteral("es"),
             {},
             false},
            {QStringLiteral("P-C"),
             QStringLiteral("Casey Roe"),
             QStringLiteral("+15550100103"),
             QStringLiteral("en"),
             {},
             false},
        };
        const auto visit = [](const char *id, const char *patient, QDateTime start) {
            Core::AppointmentRecord a;
            a.sourceId = QString::fromLatin1(id);
            a.patientSourceId = QString::fromLatin1(patient);
            a.start = start;
            a.end = start.addSecs(30 * 60);
            a.status = QStringLiteral("booked");
            a.provider = QStringLiteral("Dr. Rivera");
            a.location = QStringLiteral("Clinic B");
            return a;
        };
        batch.appointments = {
            visit("A1", "P-A", local(10, 29, 10, 30)), // before the change (EDT)
            visit("A2", "P-B", local(11, 1, 9, 0)),    // the day clocks go back
            visit("A3", "P-A", local(11, 2, 8, 15)),   // too early for a confirmation request
            visit("A4", "P-C", local(10, 30, 15, 0)),  // a patient who opted out
        };
        Hub::CareRecords records(m_db, m_clock);
        auto imported = records.importBatch(batch);
        QVERIFY2(imported, qPrintable(imported.error()));
        QCOMPARE(imported->appointmentsCreated, 4);
        exec(QStringLiteral("UPDATE patients SET opt_in = 'out' WHERE external_id = 'P-C'"));
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("SELECT id FROM patients WHERE external_id = 'P-A'"));
        QVERIFY(q.next());
        const qint64 alex = q.value(0).toLongLong();
        q.exec(QStringLiteral("SELECT id FROM patients WHERE external_id = 'P-B'"));
        QVERIFY(q.next());
        const qint64 berta = q.value(0).toLongLong();
        QVERIFY(records.addMedication(alex, QStringLiteral("metformin 500 mg"),
                                      {QTime(8, 0), QTime(20, 0)}, QDate(2026, 10, 28),
                                      QDate(2026, 11, 3)));
        QVERIFY(records.startPathway(berta, QDate(2026, 10, 27)));
    }

    void cleanupTestCase() { close(); }

    void aWeekWithARestartAndDowntime()
    {
        runUntil(local(10, 31, 19, 0));
        // The hub stops at 19:00 on Saturday and comes back at 23:00: the 20:00 dose is missed.
        close();
        m_clock.set(local(10, 31, 23, 0));
        open();
        runUntil(local(11, 4, 0, 0));

        const QHash<QString, Decision> all = decisions();
        const auto expectSent = [&](const QString &key, const QDateTime &due) {
            QVERIFY2(all.contains(key), qPrintable(key));
            const Decision &d = all.value(key);
            QVERIFY2(d.outcome == QLatin1String("sent"), qPrintable(key + u' ' + d.reason));
            // Decided on the first five-minute pass at or after its local due time.
            QVERIFY2(d.decidedAt >= due && d.decidedAt < due.addSecs(5 * 60),
                     qPrintable(key + u' ' + d.decidedAt.toString(Qt::ISODate)));
        };
        const auto expectSkipped = [&](const QString &key, const QString &because) {
            QVERIFY2(all.contains(key), qPrintable(key));
            QCOMPARE(all.value(key).outcome, QStringLiteral("skipped"));
            QVERIFY2(all.value(key).reason.contains(because), qPrintable(all.value(key).reason));
        };

        expectSent(appointmentKey(QStringLiteral("A1"), QStringLiteral("reminder")),
                   local(10, 28, 10, 30));
        expectSent(appointmentKey(QStringLiteral("A1"), QStringLiteral("confirm")),
                   local(10, 29, 8, 30));
        expectSent(appointmentKey(QStringLiteral("A1"), QStringLiteral("followup")),
                   local(10, 29, 13, 0));
        // 24 h before 9:00 EST on Sunday is 9:00 EDT on Saturday, 25 hours earlier in UTC.
        expectSent(appointmentKey(QStringLiteral("A2"), QStringLiteral("reminder")),
                   local(10, 31, 9, 0));
        expectSent(appointmentKey(QStringLiteral("A2"), QStringLiteral("confirm")),
                   local(11, 1, 8, 0)); // 7:00 is quiet: at 8:00, still useful
        expectSent(appointmentKey(QStringLiteral("A2"), QStringLiteral("followup")),
                   local(11, 1, 11, 30));
        expectSent(appointmentKey(QStringLiteral("A3"), QStringLiteral("reminder")),
                   local(11, 1, 8, 15));
        expectSkipped(appointmentKey(QStringLiteral("A3"), QStringLiteral("confirm")),
                      QStringLiteral("quiet hours"));
        for (const char *what : {"reminder", "confirm", "followup"})
            expectSkipped(appointmentKey(QStringLiteral("A4"), QLatin1String(what)),
                          QStringLiteral("opted out"));

        // Doses at 8:00 and 20:00 New York time every day, before and after the change.
        for (QDate day(2026, 10, 28); day <= QDate(2026, 11, 3); day = day.addDays(1)) {
            for (const QTime time : {QTime(8, 0), QTime(20, 0)}) {
                const QString key =
                    QStringLiteral("dose:1:%1T%2")
                        .arg(day.toString(Qt::ISODate), time.toString(QStringLiteral("HH:mm")));
                if (day == QDate(2026, 10, 31) && time == QTime(20, 0))
                    expectSkipped(key, QStringLiteral("not sent in time"));
                else
                    expectSent(key, QDateTime(day, time, NewYork));
            }
        }
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("SELECT state FROM medication_doses WHERE dose_key = "
                              "'dose:1:2026-10-31T20:00'"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("missed"));

        // Post-op: day 1, 3 and 7 at 10:00; nobody answered, so each got one reminder a day
        // later, and a nurse task two days later.
        expectSent(QStringLiteral("path:1:day1"), local(10, 28, 10, 0));
        expectSent(QStringLiteral("path:1:day3"), local(10, 30, 10, 0));
        expectSent(QStringLiteral("path:1:day7"), local(11, 3, 10, 0));
        QVERIFY(!all.contains(QStringLiteral("path:1:day14")));
        expectSent(QStringLiteral("path:1:day1:nudge"), local(10, 29, 10, 0));
        q.exec(QStringLiteral("SELECT count(*) FROM tasks WHERE kind = 'pathway_unanswered'"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2); // day 1 and day 3; day 7 is not two days old yet

        // Exactly once: every decision is one outbox row at most, and a further pass adds none.
        q.exec(QStringLiteral("SELECT count(*) FROM scheduled_sends s JOIN outbox o ON "
                              "o.idempotency_key = s.send_key WHERE s.outcome = 'sent'"));
        QVERIFY(q.next());
        const int sent = q.value(0).toInt();
        q.exec(QStringLiteral("SELECT count(*) FROM scheduled_sends WHERE outcome = 'sent'"));
        QVERIFY(q.next());
        QCOMPARE(sent, q.value(0).toInt());
        q.exec(QStringLiteral("SELECT count(*) FROM outbox"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), sent);
        auto again = m_scheduler->runDue();
        QVERIFY(again);
        QCOMPARE(again.value(), 0);
    }

    void stepsThatWereOverBeforeThePathwayStartedAreNotRecorded()
    {
        // Started on day 10 after surgery: days 1, 3 and 7 were over before the hub knew.
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("SELECT id FROM patients WHERE external_id = 'P-A'"));
        QVERIFY(q.next());
        auto pathway = Hub::CareRecords(m_db, m_clock)
                           .startPathway(q.value(0).toLongLong(),
                                         m_clock.now().toTimeZone(NewYork).date().addDays(-10));
        QVERIFY(pathway);
        QVERIFY(m_scheduler->runDue());
        q.prepare(QStringLiteral("SELECT count(*) FROM scheduled_sends WHERE send_key LIKE ?"));
        q.addBindValue(QStringLiteral("path:%1:%").arg(pathway.value()));
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void anAdministratorChoosesTheTemplateAnAutomationSends()
    {
        QVERIFY(Hub::SiteSettings::set(m_db, QStringLiteral("template/appointment_followup"),
                                       QStringLiteral("clinic_followup_v2")));
        QVERIFY(!Hub::SiteSettings::set(m_db, QStringLiteral("template/appointment_followup"),
                                        QStringLiteral("Clinic Follow-up")));
        exec(QStringLiteral("INSERT INTO templates (name, language, category, status, "
                            "updated_at) VALUES ('clinic_followup_v2', 'en', 'UTILITY', "
                            "'APPROVED', ?)"),
             {m_clock.now()});
        m_clock.set(local(11, 4, 15, 0)); // daytime: no quiet hours in the way
        Core::ImportBatch batch;
        Core::AppointmentRecord visit;
        visit.sourceId = QStringLiteral("A9");
        visit.patientSourceId = QStringLiteral("P-A");
        visit.start = m_clock.now().addSecs(-3 * 3600);
        visit.end = visit.start.addSecs(1800);
        visit.status = QStringLiteral("fulfilled");
        batch.appointments = {visit};
        QVERIFY(Hub::CareRecords(m_db, m_clock).importBatch(batch));
        QVERIFY(m_scheduler->runDue());
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT payload FROM outbox WHERE idempotency_key = ?"));
        q.addBindValue(appointmentKey(QStringLiteral("A9"), QStringLiteral("followup")));
        QVERIFY(q.exec() && q.next());
        QVERIFY2(q.value(0).toString().contains(QLatin1String("clinic_followup_v2")),
                 qPrintable(q.value(0).toString()));
    }

    void remindersSpeakThePatientsLanguage()
    {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("SELECT payload FROM outbox WHERE idempotency_key LIKE 'path:1:%' "
                              "ORDER BY id LIMIT 1"));
        QVERIFY(q.next());
        const QString payload = q.value(0).toString();
        QVERIFY2(payload.contains(QLatin1String("\"code\":\"es\"")), qPrintable(payload));
        QVERIFY(payload.contains(QLatin1String("wardline_postop_checkin")));
        QVERIFY(payload.contains(QLatin1String("Berta")));
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
