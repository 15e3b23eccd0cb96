// What GET /api/v1/conversations/ID says of the patient for the console's patient panel:
// upcoming appointments (soonest first, a handful, none that ended or were cancelled), and for
// clinical roles only the active pathway's day and step and the running medications. Real hub
// in-process on a held clock, real sockets, real encrypted database.
#include "core/clock.h"
#include "core/crypto.h"
#include "hub/carerecords.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "store/userrepository.h"
#include "testhub.h"
#include "whatsapp/webhooksignature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Wardline;

namespace {
const QString Password = QStringLiteral("Ward-line 7 blue heron");
const QString PatientWaId = QStringLiteral("15550104601"); // fictional (555-01xx)
// 08:00 in Chicago on post-op day 3: no pathway step is due yet, so the scheduler sends none.
const QDateTime Now(QDate(2026, 11, 25), QTime(14, 0), Qt::UTC);
const QDate Surgery(2026, 11, 22);
} // namespace

class TestPatientPanelApi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::HubSecrets m_secrets;
    Core::ManualClock m_clock{Now};
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    QNetworkAccessManager m_nam;
    QHash<QString, QString> m_tokens; // role name → session token
    qint64 m_conversation = 0;
    qint64 m_patient = 0;
    qint64 m_pathway = 0;

    QJsonObject patientAs(const QString &role, int *status = nullptr)
    {
        QNetworkRequest request(
            QUrl(m_hub->apiUrl() + QStringLiteral("/api/v1/conversations/%1").arg(m_conversation)));
        request.setRawHeader("Authorization", "Bearer " + m_tokens.value(role).toLatin1());
        QNetworkReply *reply = m_nam.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(20000))
            return {};
        reply->deleteLater();
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        return QJsonDocument::fromJson(reply->readAll())
            .object()
            .value(QLatin1StringView("patient"))
            .toObject();
    }
    qint64 number(const QString &sql) const
    {
        QSqlQuery q(m_hub->database());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }
    [[nodiscard]] bool exec(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery q(m_hub->database());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec())
            qWarning("%s", qPrintable(q.lastError().text()));
        return q.isActive();
    }
    [[nodiscard]] bool appointment(const QString &id, const QDateTime &start, int minutes,
                                   const QString &status)
    {
        const QString stamp = Now.toString(Qt::ISODateWithMs);
        return exec(QStringLiteral("INSERT INTO appointments (external_id, patient_id, start_at, "
                                   "end_at, provider, location, status, created_at, updated_at) "
                                   "VALUES (?, ?, ?, ?, ?, 'Clinic B', ?, ?, ?)"),
                    {id, m_patient, start.toString(Qt::ISODateWithMs),
                     start.addSecs(minutes * 60).toString(Qt::ISODateWithMs),
                     QString(QStringLiteral("Dr. ") + id), status, stamp, stamp});
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto init = Hub::HubInit(m_dir.path(), Core::Clock::system())
                        .run(QStringLiteral("admin"), Password);
        QVERIFY2(init, qPrintable(init.error()));
        QVERIFY(Test::writeHubSecrets(m_dir.path(), m_secrets));
        Test::listenOnLoopback(m_dir.path(), Test::Tls::Off);
        auto config = Hub::HubConfig::load(m_dir.path());
        QVERIFY(config);
        m_config = std::move(config).value();
        m_hub = std::make_unique<Hub::HubServer>(*m_config, m_clock);
        auto started = m_hub->start();
        QVERIFY2(started, qPrintable(started.error()));

        Store::UserRepository users(m_hub->database(), m_clock);
        for (Core::Role role :
             {Core::Role::Nurse, Core::Role::Receptionist, Core::Role::Physician}) {
            const QString name = Core::roleName(role);
            QVERIFY(users.create(QStringLiteral("p-") + name, role,
                                 Core::Crypto::hashPassword(Password)));
            QNetworkRequest request(QUrl(m_hub->apiUrl() + QStringLiteral("/api/v1/session")));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QStringLiteral("application/json"));
            QNetworkReply *reply = m_nam.post(
                request, QJsonDocument(QJsonObject{{QStringLiteral("username"),
                                                    QString(QStringLiteral("p-") + name)},
                                                   {QStringLiteral("password"), Password}})
                             .toJson());
            QSignalSpy done(reply, &QNetworkReply::finished);
            QVERIFY(done.wait(20000));
            const QString token = QJsonDocument::fromJson(reply->readAll())
                                      .object()
                                      .value(QLatin1StringView("token"))
                                      .toString();
            QVERIFY2(!token.isEmpty(), qPrintable(name));
            m_tokens.insert(name, token);
            reply->deleteLater();
        }

        // The patient writes; the conversation is made an appointment one so receptionists
        // may open it too.
        const QByteArray body =
            QStringLiteral(
                R"({"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages",)"
                R"("value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"1","phone_number_id":"1"},)"
                R"("contacts":[{"profile":{"name":"Rosa Panel"},"wa_id":"%1"}],"messages":[{"from":"%1","id":"wamid.panel.1",)"
                R"("timestamp":"%2","type":"text","text":{"body":"Hello"}}]}}]}]})")
                .arg(PatientWaId)
                .arg(Now.toSecsSinceEpoch())
                .toUtf8();
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(m_hub->webhookPort())));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("X-Hub-Signature-256",
                             WhatsApp::WebhookSignature::sign(m_secrets.appSecret, body));
        QNetworkReply *reply = m_nam.post(request, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(20000));
        reply->deleteLater();
        m_conversation = number(
            QStringLiteral("SELECT conversation_id FROM messages WHERE wamid = 'wamid.panel.1'"));
        m_patient = number(QStringLiteral("SELECT patient_id FROM conversations WHERE id = %1")
                               .arg(m_conversation));
        QVERIFY(m_conversation > 0 && m_patient > 0);
        QVERIFY(
            exec(QStringLiteral("UPDATE conversations SET category = 'APPOINTMENT' WHERE id = ?"),
                 {m_conversation}));
        QVERIFY(
            exec(QStringLiteral("UPDATE patients SET time_zone = 'America/Chicago' WHERE id = ?"),
                 {m_patient}));
    }

    void cleanupTestCase() { m_hub.reset(); }

    void withNothingBookedThePatientHasEmptyLists()
    {
        const QJsonObject nurse = patientAs(QStringLiteral("nurse"));
        QCOMPARE(nurse.value(u"name").toString(), QStringLiteral("Rosa Panel"));
        QVERIFY(nurse.value(u"appointments").isArray());
        QVERIFY(nurse.value(u"appointments").toArray().isEmpty());
        QVERIFY(nurse.value(u"medications").isArray());
        QVERIFY(nurse.value(u"medications").toArray().isEmpty());
        QVERIFY(nurse.contains(u"pathway") && nurse.value(u"pathway").isNull());
    }

    void upcomingAppointmentsSoonestFirstAndAHandful()
    {
        // Six booked ahead (added out of order), one that ended an hour ago, one cancelled.
        for (int day : {4, 2, 6, 1, 5, 3})
            QVERIFY(appointment(QStringLiteral("A%1").arg(day), Now.addDays(day), 30,
                                day == 2 ? QStringLiteral("confirmed") : QStringLiteral("booked")));
        QVERIFY(appointment(QStringLiteral("ended"), Now.addSecs(-2 * 3600), 60,
                            QStringLiteral("booked")));
        QVERIFY(appointment(QStringLiteral("cancelled"), Now.addSecs(3600), 30,
                            QStringLiteral("cancelled")));
        // One still running counts: the patient may be in the waiting room.
        QVERIFY(
            appointment(QStringLiteral("now"), Now.addSecs(-600), 30, QStringLiteral("booked")));

        for (const QString &role : {QStringLiteral("nurse"), QStringLiteral("receptionist")}) {
            const QJsonArray visits = patientAs(role).value(u"appointments").toArray();
            QStringList providers;
            for (const QJsonValue &v : visits)
                providers.append(v.toObject().value(u"provider").toString());
            QCOMPARE(providers, QStringList({QStringLiteral("Dr. now"), QStringLiteral("Dr. A1"),
                                             QStringLiteral("Dr. A2"), QStringLiteral("Dr. A3"),
                                             QStringLiteral("Dr. A4")}));
            const QJsonObject second = visits.at(2).toObject();
            QCOMPARE(second.value(u"status").toString(), QStringLiteral("confirmed"));
            QCOMPARE(second.value(u"durationMinutes").toInt(), 30);
            QCOMPARE(second.value(u"location").toString(), QStringLiteral("Clinic B"));
            QCOMPARE(QDateTime::fromString(second.value(u"start").toString(), Qt::ISODateWithMs),
                     Now.addDays(2));
        }
    }

    void thePathwayTellsTheDayAndTheStepItWaitsOn()
    {
        QVERIFY(m_hub->database().transaction());
        auto pathway =
            Hub::CareRecords(m_hub->database(), m_clock).startPathway(m_patient, Surgery);
        QVERIFY(pathway);
        QVERIFY(m_hub->database().commit());
        m_pathway = pathway.value();

        // Day 3 in Chicago; its wound photo goes at 10:00 there (16:00 UTC), not sent yet.
        QJsonObject p = patientAs(QStringLiteral("nurse")).value(u"pathway").toObject();
        QCOMPARE(p.value(u"kind").toString(), QStringLiteral("post_surgical"));
        QCOMPARE(p.value(u"surgeryDate").toString(), QStringLiteral("2026-11-22"));
        QCOMPARE(p.value(u"day").toInt(), 3);
        QJsonObject step = p.value(u"step").toObject();
        QCOMPARE(step.value(u"day").toInt(), 3);
        QCOMPARE(step.value(u"kind").toString(), QStringLiteral("photo"));
        QCOMPARE(QDateTime::fromString(step.value(u"dueAt").toString(), Qt::ISODateWithMs),
                 QDateTime(QDate(2026, 11, 25), QTime(16, 0), Qt::UTC));
        QVERIFY(!step.contains(u"sentAt"));
        QVERIFY(p.value(u"openTasks").toArray().isEmpty());

        // Sent: it waits on the patient's answer.
        const QString sent = Now.addSecs(-60).toString(Qt::ISODateWithMs);
        QVERIFY(exec(QStringLiteral("INSERT INTO pathway_steps (pathway_id, day, sent_at) VALUES "
                                    "(?, 3, ?)"),
                     {m_pathway, sent}));
        step = patientAs(QStringLiteral("nurse"))
                   .value(u"pathway")
                   .toObject()
                   .value(u"step")
                   .toObject();
        QCOMPARE(step.value(u"day").toInt(), 3);
        QCOMPARE(QDateTime::fromString(step.value(u"sentAt").toString(), Qt::ISODateWithMs),
                 Now.addSecs(-60));

        // Answered: the next one is day 7's pain score; a high score left a task open, and a
        // task done or of another pathway is not this one's.
        QVERIFY(exec(QStringLiteral("UPDATE pathway_steps SET answered_at = ?, answer = 'photo' "
                                    "WHERE pathway_id = ? AND day = 3"),
                     {sent, m_pathway}));
        const QString stamp = Now.toString(Qt::ISODateWithMs);
        QVERIFY(
            exec(QStringLiteral("INSERT INTO tasks (conversation_id, kind, subject, "
                                "created_at, done_at) VALUES (?, 'pain_escalation', ?, ?, "
                                "NULL), (?, 'pathway_unanswered', ?, ?, ?), (?, "
                                "'book_followup', ?, ?, NULL)"),
                 {m_conversation, QStringLiteral("pathway:%1").arg(m_pathway), stamp,
                  m_conversation, QStringLiteral("pathway:%1:day1").arg(m_pathway), stamp, stamp,
                  m_conversation, QStringLiteral("pathway:%1").arg(m_pathway * 10), stamp}));
        p = patientAs(QStringLiteral("physician")).value(u"pathway").toObject();
        step = p.value(u"step").toObject();
        QCOMPARE(step.value(u"day").toInt(), 7);
        QCOMPARE(step.value(u"kind").toString(), QStringLiteral("pain"));
        QCOMPARE(QDateTime::fromString(step.value(u"dueAt").toString(), Qt::ISODateWithMs),
                 QDateTime(QDate(2026, 11, 29), QTime(16, 0), Qt::UTC));
        const QJsonArray tasks = p.value(u"openTasks").toArray();
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(tasks.first().toObject().value(u"kind").toString(),
                 QStringLiteral("pain_escalation"));
    }

    void runningMedicationsOnly()
    {
        QVERIFY(m_hub->database().transaction());
        Hub::CareRecords records(m_hub->database(), m_clock);
        const QDate today = Now.toTimeZone(QTimeZone("America/Chicago")).date();
        QVERIFY(records.addMedication(m_patient, QStringLiteral("Amoxicillin 500 mg"),
                                      {QTime(8, 0), QTime(20, 0)}, today.addDays(-2),
                                      today.addDays(5)));
        QVERIFY(records.addMedication(m_patient, QStringLiteral("Finished course"), {QTime(9, 0)},
                                      today.addDays(-9), today.addDays(-1)));
        auto stopped = records.addMedication(m_patient, QStringLiteral("Stopped by the doctor"),
                                             {QTime(9, 0)}, today.addDays(-3), QDate());
        QVERIFY(stopped);
        QVERIFY(m_hub->database().commit());
        QVERIFY(exec(QStringLiteral("UPDATE medication_schedules SET active = 0 WHERE id = ?"),
                     {stopped.value()}));

        const QJsonArray medications =
            patientAs(QStringLiteral("nurse")).value(u"medications").toArray();
        QCOMPARE(medications.size(), 1);
        const QJsonObject m = medications.first().toObject();
        QCOMPARE(m.value(u"medication").toString(), QStringLiteral("Amoxicillin 500 mg"));
        QCOMPARE(m.value(u"times").toArray(),
                 QJsonArray({QStringLiteral("08:00"), QStringLiteral("20:00")}));
        QCOMPARE(m.value(u"lastDay").toString(), today.addDays(5).toString(Qt::ISODate));
    }

    void receptionistsGetNoClinicalDetails()
    {
        int status = 0;
        const QJsonObject reception = patientAs(QStringLiteral("receptionist"), &status);
        QCOMPARE(status, 200);
        QCOMPARE(reception.value(u"appointments").toArray().size(), 5);
        QVERIFY(!reception.contains(u"pathway"));
        QVERIFY(!reception.contains(u"medications"));
        // The clinical roles have both.
        for (const QString &role : {QStringLiteral("nurse"), QStringLiteral("physician")}) {
            const QJsonObject clinical = patientAs(role);
            QCOMPARE(clinical.value(u"medications").toArray().size(), 1);
            QCOMPARE(clinical.value(u"pathway").toObject().value(u"id").toInteger(), m_pathway);
        }
    }
};

QTEST_MAIN(TestPatientPanelApi)
#include "tst_patientpanelapi.moc"
