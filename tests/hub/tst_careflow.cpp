// The care workflows end to end on loopback: wardline-sim plays the patients, the real hub
// (webhooks, triage, outbox, scheduler) answers, and no console is connected. The hub's clock
// is held at 03:00 site time, so nothing here depends on a timer firing: every reply comes
// from the webhook's own transaction.
#include "core/appointment.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/role.h"
#include "hub/caremessages.h"
#include "hub/carerecords.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "hub/scheduler.h"
#include "hub/sitesettings.h"
#include "hub/templatesync.h"
#include "hub/webhookreceiver.h"
#include "sim/contactbook.h"
#include "sim/inboundinjector.h"
#include "sim/messagelog.h"
#include "sim/simconfig.h"
#include "sim/simscheduler.h"
#include "sim/simserver.h"
#include "sim/simservices.h"
#include "store/userrepository.h"
#include "testsim.h"
#include "whatsapp/graphtemplate.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

namespace {
// How long a step may take before the test fails: generous, because CI shares two cores with
// other tests; nothing waits this long when things work.
constexpr int Patience = 60000;
} // namespace

namespace {
const QTimeZone Chicago("America/Chicago");
}

class TestCareFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::HubSecrets m_secrets;
    Core::ManualClock m_clock{QDateTime(QDate(2026, 12, 2), QTime(3, 0), Chicago)};
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    std::unique_ptr<Sim::SimServer> m_sim;

    QNetworkAccessManager m_nam;

    QSqlDatabase db() const { return m_hub->database(); }
    // One staff API call; the status code and the JSON answer.
    std::pair<int, QJsonObject> call(const QByteArray &verb, const QString &path,
                                     const QString &token, const QJsonObject &body = {})
    {
        QNetworkRequest request(QUrl(m_hub->apiUrl() + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, QJsonDocument(body).toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(Patience))
            return {0, {}};
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                QJsonDocument::fromJson(reply->readAll()).object()};
    }
    // A file from the staff API: its bytes, empty unless 200.
    QByteArray fetch(const QString &path, const QString &token)
    {
        QNetworkRequest request(QUrl(m_hub->apiUrl() + path));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QNetworkReply *reply = m_nam.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(Patience))
            return {};
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200
                   ? reply->readAll()
                   : QByteArray();
    }
    QString signIn(Core::Role role)
    {
        const QString name = QStringLiteral("care-") + Core::roleName(role);
        const QString password = QStringLiteral("Ward-line 7 blue heron");
        (void)Store::UserRepository(db(), m_clock)
            .create(name, role, Core::Crypto::hashPassword(password));
        const QJsonObject session =
            call("POST", QStringLiteral("/api/v1/session"), {},
                 {{QStringLiteral("username"), name}, {QStringLiteral("password"), password}})
                .second;
        // Consoles learn where the live event stream is from the sign-in answer.
        if (session.value(u"eventsUrl").toString() != m_hub->eventsUrl())
            return {};
        return session.value(u"token").toString();
    }
    QString scalar(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery q(db());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }
    QString say(const QString &from, const QJsonObject &message)
    {
        QJsonObject request = message;
        request.insert(QStringLiteral("from"), from);
        request.insert(QStringLiteral("name"), QStringLiteral("Drill Patient"));
        const Sim::InboundResult sent = m_sim->services()->inbound().inject(request);
        return sent.ok ? sent.wamid : QString();
    }
    QString sayText(const QString &from, const QString &text)
    {
        return say(from, {{QStringLiteral("text"), text}});
    }
    // What the patient received, newest first, that contains \a words.
    const Sim::SentMessage *received(const QString &waId, const QString &words) const
    {
        return m_sim->services()->log().latestSent(waId, [&](const Sim::SentMessage &m) {
            return m.text.contains(words, Qt::CaseInsensitive);
        });
    }
    int receivedCount(const QString &waId) const
    {
        int n = 0;
        for (const Sim::SentMessage &m : m_sim->services()->log().allSent())
            n += m.waId == waId;
        return n;
    }
    QString conversationOf(const QString &waId, const char *column) const
    {
        return scalar(QStringLiteral("SELECT c.%1 FROM conversations c JOIN patients p ON p.id = "
                                     "c.patient_id WHERE p.wa_id = ? ORDER BY c.id DESC LIMIT 1")
                          .arg(QLatin1String(column)),
                      {waId});
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto init = Hub::HubInit(m_dir.path(), Core::Clock::system())
                        .run(QStringLiteral("admin"), QStringLiteral("Ward-line 7 blue heron"));
        QVERIFY2(init, qPrintable(init.error()));
        QVERIFY(Test::writeHubSecrets(m_dir.path(), m_secrets));
        Test::listenOnLoopback(m_dir.path(), Test::Tls::Off);
        QString error;
        m_sim = Test::startSimulatorFor(
            m_dir.path(), m_secrets,
            [](Sim::SimBehaviour &b) {
                Test::instantStatuses(b);
                b.templateReviewMs = 0; // Meta approves the hub's templates at once
                b.pairIntervalSeconds = 0;
            },
            &error);
        QVERIFY2(m_sim, qPrintable(error));
        {
            QSettings conf(m_dir.path() + QStringLiteral("/hub.conf"), QSettings::IniFormat);
            conf.setValue(QStringLiteral("whatsapp/pair_interval_ms"), 0); // the clock is frozen
            conf.setValue(QStringLiteral("care/scheduler_seconds"), 3600); // passes run by hand
        }
        auto config = Hub::HubConfig::load(m_dir.path());
        QVERIFY2(config, qPrintable(config.error()));
        m_config = std::move(config).value();
        m_hub = std::make_unique<Hub::HubServer>(*m_config, m_clock);
        auto started = m_hub->start();
        QVERIFY2(started, qPrintable(started.error()));
        QVERIFY(Hub::SiteSettings::set(db(), QStringLiteral("site/time_zone"),
                                       QStringLiteral("America/Chicago")));
        // The hub submitted its default templates and the sim approved them by webhook.
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT count(*) FROM templates WHERE name LIKE 'wardline_%' "
                                  "AND status = 'APPROVED'")),
            QString::number(Hub::CareMessages::builtIn().defaultTemplates().size()), Patience);
    }

    void cleanupTestCase()
    {
        m_sim.reset();
        m_hub.reset();
    }

    void anEmergencyAt3amIsAnsweredFromTheWebhooksOwnCommit()
    {
        const QString patient = QStringLiteral("15550100201");
        QSignalSpy stored(m_hub->webhooks(), &Hub::WebhookReceiver::messagesStored);
        QElapsedTimer sinceCommit;
        connect(m_hub->webhooks(), &Hub::WebhookReceiver::messagesStored, this,
                [&sinceCommit] { sinceCommit.start(); });
        QVERIFY(!sayText(patient, QStringLiteral("my husband cant catch his breath and his lips "
                                                 "are turning blue"))
                     .isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!stored.isEmpty(), Patience);
        const qint64 messageId = stored.constFirst().constFirst().value<QList<qint64>>().first();
        // The instruction was queued in the same transaction that stored the message: when
        // the webhook was answered 200, the reply was already durable.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE idempotency_key = ?"),
                        {QStringLiteral("auto:emergency:%1").arg(messageId)}),
                 QStringLiteral("1"));
        QTRY_VERIFY_WITH_TIMEOUT(received(patient, QStringLiteral("call 911")), Patience);
        qInfo("emergency instruction reached the patient %lld ms after the commit",
              sinceCommit.elapsed());
        QCOMPARE(conversationOf(patient, "priority"), QStringLiteral("P1"));
        QCOMPARE(conversationOf(patient, "category"), QStringLiteral("EMERGENCY"));
        QVERIFY(conversationOf(patient, "triage_reason").contains(QLatin1String("breath")));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE kind = "
                                       "'alert.emergency'")),
                 QStringLiteral("1"));
        // The alert tells consoles where to look, never what the patient wrote.
        QVERIFY(!scalar(QStringLiteral("SELECT payload FROM events WHERE kind = "
                                       "'alert.emergency'"))
                     .contains(QLatin1String("breath")));
    }

    void anEmergencyAnsweredAfterTheWindowClosedGoesOutAsTheTemplate()
    {
        const QString patient = QStringLiteral("15550100209");
        QVERIFY(
            !sayText(patient, QStringLiteral("crushing chest pain since this morning")).isEmpty());
        // As Meta sees it when the hub handles the message late (Meta retried the webhook for
        // a day while the hub was away): the patient's window has already closed.
        m_sim->services()->contacts().ensure(patient).lastInbound =
            m_sim->services()->scheduler().now().addDays(-2);
        const QString conversation = [&] {
            QString id;
            (void)QTest::qWaitFor([&] { return !(id = conversationOf(patient, "id")).isEmpty(); },
                                  Patience);
            return id;
        }();
        QVERIFY(!conversation.isEmpty());
        // Meta refuses the free-text instruction (131047) …
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT error_code FROM outbox WHERE conversation_id = ? AND "
                                  "idempotency_key LIKE 'auto:emergency:%'"),
                   {conversation}),
            QStringLiteral("131047"), Patience);
        // … so the next pass sends the template the site chose for it, once, with the site's
        // emergency number.
        QVERIFY(m_hub->scheduler()->runDue());
        QTRY_VERIFY_WITH_TIMEOUT(received(patient, QStringLiteral("may be a medical emergency")),
                                 Patience);
        const Sim::SentMessage *instruction =
            received(patient, QStringLiteral("may be a medical emergency"));
        QCOMPARE(instruction->templateName, QStringLiteral("wardline_emergency_instruction"));
        QVERIFY(instruction->text.contains(QLatin1String("Call 911 now")));
        QVERIFY(m_hub->scheduler()->runDue());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE conversation_id = ? AND "
                                       "idempotency_key LIKE 'auto:emergency-template:%'"),
                        {conversation}),
                 QStringLiteral("1"));
    }

    void aGreetingGetsTheMenuAndTheMenuRoutes()
    {
        const QString patient = QStringLiteral("15550100202");
        QVERIFY(!sayText(patient, QStringLiteral("Hola buenas tardes")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(received(patient, QStringLiteral("¿En qué podemos ayudarle")),
                                 Patience);
        const Sim::SentMessage *menu = received(patient, QStringLiteral("¿En qué podemos"));
        QCOMPARE(menu->options.size(), 4);
        QCOMPARE(menu->options.at(0).payload, QStringLiteral("wl:menu:1"));
        // The patient taps "Renovar una receta".
        QVERIFY(!say(patient, {{QStringLiteral("type"), QStringLiteral("list_reply")},
                               {QStringLiteral("id"), menu->options.at(0).payload},
                               {QStringLiteral("title"), menu->options.at(0).title}})
                     .isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(received(patient, QStringLiteral("farmacia")), Patience);
        QCOMPARE(conversationOf(patient, "category"), QStringLiteral("REFILL"));
        QCOMPARE(conversationOf(patient, "sla_kind"), QStringLiteral("refill"));
        QCOMPARE(QDateTime::fromString(conversationOf(patient, "sla_due_at"), Qt::ISODateWithMs),
                 m_clock.now().addSecs(2 * 3600));
    }

    void aChangeReplyLandsInTheRescheduleQueue()
    {
        const QString patient = QStringLiteral("15550100203");
        Core::ImportBatch batch;
        batch.patients = {{QStringLiteral("MRN-203"),
                           QStringLiteral("Dana Lee"),
                           QStringLiteral("+15550100203"),
                           QStringLiteral("en"),
                           {},
                           false}};
        Core::AppointmentRecord visit;
        visit.sourceId = QStringLiteral("APT-203");
        visit.patientSourceId = QStringLiteral("MRN-203");
        visit.start = m_clock.now().addDays(1).addSecs(7 * 3600); // tomorrow 10:00
        visit.end = visit.start.addSecs(1800);
        visit.status = QStringLiteral("booked");
        visit.provider = QStringLiteral("Dr. Rivera");
        visit.location = QStringLiteral("Clinic B");
        batch.appointments = {visit};
        QVERIFY(db().transaction());
        QVERIFY(Hub::CareRecords(db(), m_clock).importBatch(batch));
        QVERIFY(db().commit());
        // 10:00 the day before: the reminder goes out with Directions / Change.
        m_clock.set(m_clock.now().addSecs(7 * 3600));
        auto decided = m_hub->scheduler()->runDue();
        QVERIFY2(decided, qPrintable(decided.error()));
        QTRY_VERIFY_WITH_TIMEOUT(received(patient, QStringLiteral("reminder of your appointment")),
                                 Patience);
        const Sim::SentMessage *reminder =
            received(patient, QStringLiteral("reminder of your appointment"));
        QCOMPARE(reminder->options.size(), 2);
        QVERIFY(reminder->text.contains(QLatin1String("Dr. Rivera")));
        // The patient taps Change.
        QVERIFY(!say(patient, {{QStringLiteral("type"), QStringLiteral("button")},
                               {QStringLiteral("payload"), reminder->options.at(1).payload},
                               {QStringLiteral("text"), reminder->options.at(1).title},
                               {QStringLiteral("context"), reminder->wamid}})
                     .isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(received(patient, QStringLiteral("new time")), Patience);
        QCOMPARE(scalar(QStringLiteral("SELECT status FROM appointments WHERE external_id = ?"),
                        {QStringLiteral("APT-203")}),
                 QStringLiteral("change_requested"));
        // One answer, the specific one: not also the generic "reception will help you".
        QVERIFY(!received(patient, QStringLiteral("will help you")));
        QCOMPARE(conversationOf(patient, "category"), QStringLiteral("APPOINTMENT"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE kind = "
                                       "'appointment.change_requested'")),
                 QStringLiteral("1"));
        m_clock.set(QDateTime(QDate(2026, 12, 2), QTime(3, 0), Chicago));
    }

    void aDay3PhotoWaitsForReviewAndPain8Escalates()
    {
        const QString patient = QStringLiteral("15550100204");
        QVERIFY(!sayText(patient, QStringLiteral("hi")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!conversationOf(patient, "id").isEmpty(), Patience);
        const qint64 patientId =
            scalar(QStringLiteral("SELECT id FROM patients WHERE wa_id = ?"), {patient})
                .toLongLong();
        QVERIFY(db().transaction());
        auto pathway =
            Hub::CareRecords(db(), m_clock)
                .startPathway(patientId, m_clock.now().toTimeZone(Chicago).date().addDays(-3));
        QVERIFY(pathway);
        QVERIFY(db().commit());
        // A real 2x2 JPEG: the hub keeps only what it can decode (and strips its metadata).
        const QByteArray jpeg = QByteArray::fromHex(
            "ffd8ffe000104a46494600010100000100010000ffdb004300100b0c0e0c0a100e0d0e1211101318281a"
            "181616183123251d283a333d3c3933383740485c4e404457453738506d51575f626768673e4d71797064"
            "785c656763ffdb0043011112121815182f1a1a2f63423842636363636363636363636363636363636363"
            "6363636363636363636363636363636363636363636363636363636363636363ffc00011080002000203"
            "012200021101031101ffc4001500010100000000000000000000000000000005ffc40014100100000000"
            "000000000000000000000000ffc4001501010100000000000000000000000000000506ffc40014110100"
            "000000000000000000000000000000ffda000c03010002110311003f008a00b5e3ffd9");
        QVERIFY(!say(patient,
                     {{QStringLiteral("type"), QStringLiteral("image")},
                      {QStringLiteral("image"),
                       QJsonObject{{QStringLiteral("data"), QString::fromLatin1(jpeg.toBase64())},
                                   {QStringLiteral("mime_type"), QStringLiteral("image/jpeg")}}}})
                     .isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT state || ':' || pathway_day FROM photo_reviews")),
            QStringLiteral("waiting:3"), Patience);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM events WHERE kind = "
                                       "'photo.review_requested'")),
                 QStringLiteral("1"));
        QTRY_VERIFY_WITH_TIMEOUT(received(patient, QStringLiteral("received your photo")),
                                 Patience);
        QVERIFY(!received(patient, QStringLiteral("A nurse will reply")));
        // The photo came before the day-3 request: the request will not ask for it again.
        QCOMPARE(scalar(QStringLiteral("SELECT outcome FROM scheduled_sends WHERE send_key = ?"),
                        {QStringLiteral("path:%1:day3").arg(pathway.value())}),
                 QStringLiteral("skipped"));

        // Day 7: the pain question goes out; the patient answers 8.
        m_clock.set(m_clock.now().addDays(4).addSecs(7 * 3600));
        QVERIFY(m_hub->scheduler()->runDue());
        QTRY_VERIFY_WITH_TIMEOUT(received(patient, QStringLiteral("how much pain")), Patience);
        QVERIFY(!sayText(patient, QStringLiteral("8")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(received(patient, QStringLiteral("nurse will contact you")),
                                 Patience);
        QCOMPARE(conversationOf(patient, "category"), QStringLiteral("NURSE"));
        QCOMPARE(conversationOf(patient, "priority"), QStringLiteral("P2"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM tasks WHERE kind = "
                                       "'pain_escalation'")),
                 QStringLiteral("1"));
        QCOMPARE(scalar(QStringLiteral("SELECT answer FROM pathway_steps WHERE day = 7")),
                 QStringLiteral("pain 8"));
        m_clock.set(QDateTime(QDate(2026, 12, 2), QTime(3, 0), Chicago));
    }

    void stopSilencesEveryAutomationButTheEmergencyInstruction()
    {
        const QString patient = QStringLiteral("15550100205");
        QVERIFY(db().transaction());
        Hub::CareRecords records(db(), m_clock);
        auto id = records.upsertPatient({QStringLiteral("MRN-205"),
                                         QStringLiteral("Eli Park"),
                                         QStringLiteral("+15550100205"),
                                         QStringLiteral("en"),
                                         {},
                                         false});
        QVERIFY(id);
        QVERIFY(records.addMedication(id.value(), QStringLiteral("warfarin 5 mg"), {QTime(9, 0)},
                                      m_clock.now().toTimeZone(Chicago).date(), {}));
        QVERIFY(db().commit());

        QVERIFY(!sayText(patient, QStringLiteral("STOP")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(received(patient, QStringLiteral("no longer receive")), Patience);
        QCOMPARE(scalar(QStringLiteral("SELECT opt_in FROM patients WHERE wa_id = ?"), {patient}),
                 QStringLiteral("out"));
        const int before = receivedCount(patient);

        // The 9:00 dose reminder is skipped and recorded; a refill request is queued for staff
        // without an automated acknowledgement.
        m_clock.set(m_clock.now().addSecs(6 * 3600 + 60));
        QVERIFY(m_hub->scheduler()->runDue());
        QCOMPARE(scalar(QStringLiteral("SELECT reason FROM scheduled_sends WHERE send_key LIKE "
                                       "'dose:%' AND patient_id = ?"),
                        {id.value()}),
                 QStringLiteral("the patient opted out of automated messages"));
        QSignalSpy stored(m_hub->webhooks(), &Hub::WebhookReceiver::messagesStored);
        QVERIFY(
            !sayText(patient, QStringLiteral("I need a refill of my warfarin please")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!stored.isEmpty(), Patience);
        QCOMPARE(conversationOf(patient, "category"), QStringLiteral("REFILL"));
        // An emergency is still answered: it is a reply to what the patient wrote.
        QVERIFY(
            !sayText(patient, QStringLiteral("I'm bleeding a lot and it won't stop")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(received(patient, QStringLiteral("call 911")), Patience);
        QCOMPARE(receivedCount(patient), before + 1);
        m_clock.set(QDateTime(QDate(2026, 12, 2), QTime(3, 0), Chicago));
    }

    void anAdministratorsTemplateIsReviewedAndBecomesSendable()
    {
        const QString admin = signIn(Core::Role::Administrator);
        const QString nurse = signIn(Core::Role::Nurse);
        QVERIFY(!admin.isEmpty() && !nurse.isEmpty());
        QJsonObject definition{
            {QStringLiteral("name"), QStringLiteral("clinic_closed_notice")},
            {QStringLiteral("language"), QStringLiteral("en")},
            {QStringLiteral("category"), QStringLiteral("UTILITY")},
            {QStringLiteral("components"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("type"), QStringLiteral("BODY")},
                 {QStringLiteral("text"),
                  QStringLiteral("Hello {{1}}, the clinic is closed on {{2}}. Your visit moves "
                                 "to the next working day.")},
                 {QStringLiteral("example"),
                  QJsonObject{{QStringLiteral("body_text"),
                               QJsonArray{QJsonArray{QStringLiteral("Ana"),
                                                     QStringLiteral("Friday")}}}}}}}}};
        // Meta's naming rules are checked before anything is sent to Meta.
        QJsonObject badName = definition;
        badName.insert(QStringLiteral("name"), QStringLiteral("Clinic Closed"));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/templates"), admin, badName).first, 400);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/templates"), nurse, definition).first, 403);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/templates"), admin, definition).first, 202);
        // The sim reviews it and says so by webhook; then composers may send it.
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT status FROM templates WHERE name = "
                                  "'clinic_closed_notice' AND language = 'en'")),
            QStringLiteral("APPROVED"), Patience);
        bool sendable = false;
        for (const QJsonValue &t :
             call("GET", QStringLiteral("/api/v1/templates?language=en"), nurse)
                 .second.value(u"templates")
                 .toArray())
            sendable = sendable || t.toObject().value(u"name").toString() ==
                                       QLatin1String("clinic_closed_notice");
        QVERIFY(sendable);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/templates"), admin, definition).first, 409);
    }

    void theCareQueuesAreServedByRole()
    {
        const QString receptionist = signIn(Core::Role::Receptionist);
        const QString nurse = signIn(Core::Role::Nurse);
        QVERIFY(!receptionist.isEmpty() && !nurse.isEmpty());

        // The reschedule queue: receptionists yes, nurses no (403, audited).
        auto [status, queue] =
            call("GET", QStringLiteral("/api/v1/appointments?queue=reschedule"), receptionist);
        QCOMPARE(status, 200);
        const QJsonArray appointments = queue.value(u"appointments").toArray();
        QCOMPARE(appointments.size(), 1);
        QCOMPARE(appointments.at(0).toObject().value(u"phone").toString(),
                 QStringLiteral("+15550100203"));
        // What the desk needs besides: the conversation to open (an appointment one, so a
        // receptionist may), whether free text is still possible, and the providers and
        // locations appointments already use.
        const QJsonObject waiting = appointments.at(0).toObject();
        QCOMPARE(waiting.value(u"conversationId").toInteger(),
                 conversationOf(QStringLiteral("15550100203"), "id").toLongLong());
        QCOMPARE(waiting.value(u"conversationCategory").toString(), QStringLiteral("APPOINTMENT"));
        // The window as the conversation itself reports it (the clock here is held days
        // away from the simulator's message times, so it is not assumed open).
        const auto [opened, detail] = call("GET",
                                           QStringLiteral("/api/v1/conversations/%1")
                                               .arg(waiting.value(u"conversationId").toInteger()),
                                           receptionist);
        QCOMPARE(opened, 200);
        QVERIFY(waiting.value(u"windowOpen").isBool());
        QCOMPARE(waiting.value(u"windowOpen").toBool(),
                 detail.value(u"windowSecondsLeft").toInteger() > 0);
        QVERIFY(queue.value(u"providers").toArray().contains(QStringLiteral("Dr. Rivera")));
        QVERIFY(queue.value(u"locations").toArray().contains(QStringLiteral("Clinic B")));
        QCOMPARE(call("GET", QStringLiteral("/api/v1/appointments"), nurse).first, 403);

        // Photos: nurses yes, receptionists no.
        auto [photoStatus, photos] = call("GET", QStringLiteral("/api/v1/photo-reviews"), nurse);
        QCOMPARE(photoStatus, 200);
        QCOMPARE(photos.value(u"photos").toArray().size(), 1);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/photo-reviews"), receptionist).first, 403);

        // A nurse reviews the wound photo as urgent: the conversation goes to P1 and alerts,
        // and the photo leaves the queue.
        const QJsonObject photo = photos.value(u"photos").toArray().at(0).toObject();
        const QString review =
            QStringLiteral("/api/v1/photo-reviews/%1").arg(photo.value(u"id").toInteger());
        // The queue row says whose photo it is, so the desk can show the patient's others.
        const qint64 patientId = photo.value(u"patientId").toInteger();
        QVERIFY(patientId > 0);
        QCOMPARE(photo.value(u"patientName").toString(), QStringLiteral("Drill Patient"));
        QCOMPARE(photo.value(u"pathwayDay").toInt(), 3);
        const QString history = QStringLiteral("/api/v1/photo-reviews?patient=%1").arg(patientId);
        auto [historyStatus, before] = call("GET", history, nurse);
        QCOMPARE(historyStatus, 200);
        QCOMPARE(before.value(u"photos").toArray().size(), 1);
        QCOMPARE(before.value(u"photos").toArray().at(0).toObject().value(u"state").toString(),
                 QStringLiteral("waiting"));
        QCOMPARE(call("GET", history, receptionist).first, 403);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/photo-reviews?patient=x"), nurse).first, 400);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                       "'photo.history' AND subject = ?"),
                        {QStringLiteral("patient:%1").arg(patientId)}),
                 QStringLiteral("1"));
        const qint64 originalId = photo.value(u"mediaId").toInteger();
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT state FROM media WHERE id = ?"), {originalId}),
            QStringLiteral("stored"), Patience);
        const QByteArray original =
            fetch(QStringLiteral("/api/v1/media/%1").arg(originalId), nurse);
        QVERIFY(!original.isEmpty());

        const QJsonObject urgent{{QStringLiteral("outcome"), QStringLiteral("urgent")},
                                 {QStringLiteral("note"), QStringLiteral("spreading redness")}};
        QCOMPARE(call("POST", review, receptionist, urgent).first, 403);
        // A marked-up copy must be a PNG; a refused one records nothing.
        QJsonObject notPng = urgent;
        notPng.insert(QStringLiteral("markupPng"), QString::fromLatin1(original.toBase64()));
        QCOMPARE(call("POST", review, nurse, notPng).first, 400);
        QCOMPARE(call("GET", history, nurse)
                     .second.value(u"photos")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(u"state")
                     .toString(),
                 QStringLiteral("waiting"));
        // A 1x1 PNG stands in for the nurse's circles and arrows.
        const QByteArray png =
            QByteArray::fromHex("89504e470d0a1a0a0000000d4948445Patience00010000000108060000001f15c"
                                "4890000000d4944415478"
                                "da63f8cfc0f01f0005000201a5e2a1cPatience000049454e44ae426082");
        QJsonObject marked = urgent;
        marked.insert(QStringLiteral("markupPng"), QString::fromLatin1(png.toBase64()));
        QCOMPARE(call("POST", review, nurse, marked).first, 204);
        QCOMPARE(call("POST", review, nurse, urgent).first, 400); // reviewed already
        const QString reviewed = photo.value(u"conversationId").toVariant().toString();
        QCOMPARE(
            scalar(QStringLiteral("SELECT priority FROM conversations WHERE id = ?"), {reviewed}),
            QStringLiteral("P1"));
        QVERIFY(
            !scalar(QStringLiteral("SELECT alert_at FROM conversations WHERE id = ?"), {reviewed})
                 .isEmpty());
        QCOMPARE(call("GET", QStringLiteral("/api/v1/photo-reviews"), nurse)
                     .second.value(u"photos")
                     .toArray()
                     .size(),
                 0);
        // The patient's photos still list it, reviewed, with the marked-up copy beside the
        // original, which is unchanged.
        const QJsonObject after =
            call("GET", history, nurse).second.value(u"photos").toArray().at(0).toObject();
        QCOMPARE(after.value(u"state").toString(), QStringLiteral("reviewed"));
        QCOMPARE(after.value(u"outcome").toString(), QStringLiteral("urgent"));
        QCOMPARE(after.value(u"note").toString(), QStringLiteral("spreading redness"));
        QCOMPARE(after.value(u"reviewer").toString(), QStringLiteral("care-nurse"));
        const qint64 markupId = after.value(u"markupMediaId").toInteger();
        QVERIFY(markupId > 0 && markupId != originalId);
        QCOMPARE(fetch(QStringLiteral("/api/v1/media/%1").arg(markupId), nurse), png);
        QCOMPARE(fetch(QStringLiteral("/api/v1/media/%1").arg(originalId), nurse), original);
        QCOMPARE(scalar(QStringLiteral("SELECT direction || ':' || body FROM messages m JOIN media "
                                       "md ON md.message_id = m.id WHERE md.id = ?"),
                        {markupId}),
                 QStringLiteral("note:Wound photo, marked up: spreading redness"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                       "'media.markup' AND subject = ?"),
                        {QStringLiteral("media:%1").arg(markupId)}),
                 QStringLiteral("1"));

        // The receptionist offers a new slot: the patient receives the reschedule template
        // with it, and the appointment is booked again (with reminders for the new time).
        const qint64 id = appointments.at(0).toObject().value(u"id").toInteger();
        const QDateTime slot =
            QDateTime(m_clock.now().toTimeZone(Chicago).date().addDays(5), QTime(14, 30), Chicago);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/appointments/%1/reschedule").arg(id),
                      receptionist,
                      {{QStringLiteral("start"), slot.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("durationMinutes"), 30},
                       {QStringLiteral("idempotencyKey"), QStringLiteral("reschedule-test-0001")}})
                     .first,
                 204);
        QTRY_VERIFY2_WITH_TIMEOUT(
            received(QStringLiteral("15550100203"), QStringLiteral("has been moved to")),
            qPrintable(scalar(QStringLiteral(
                "SELECT state || ' ' || coalesce(error_code, '') || ' ' || coalesce(error_text, "
                "'') FROM outbox WHERE idempotency_key = 'staff:reschedule-test-0001'"))),
            Patience);
        const Sim::SentMessage *moved =
            received(QStringLiteral("15550100203"), QStringLiteral("has been moved to"));
        QCOMPARE(moved->templateName, QStringLiteral("wardline_appointment_rescheduled"));
        QVERIFY2(moved->text.contains(QLatin1String("2:30 PM")), qPrintable(moved->text));
        QCOMPARE(scalar(QStringLiteral("SELECT status FROM appointments WHERE id = ?"), {id}),
                 QStringLiteral("booked"));

        // A receptionist records a no-show; it leaves the queue.
        QCOMPARE(call("POST", QStringLiteral("/api/v1/appointments/%1/status").arg(id),
                      receptionist, {{QStringLiteral("status"), QStringLiteral("noshow")}})
                     .first,
                 204);
        QCOMPARE(scalar(QStringLiteral("SELECT status FROM appointments WHERE id = ?"), {id}),
                 QStringLiteral("noshow"));
        QCOMPARE(call("GET", QStringLiteral("/api/v1/appointments"), receptionist)
                     .second.value(u"appointments")
                     .toArray()
                     .size(),
                 0);

        // The inbox: a nurse sees the emergency on P1 with its alert; a receptionist sees
        // appointment conversations only; an auditor reads the trail, not the inbox.
        auto [inboxStatus, inbox] = call("GET", QStringLiteral("/api/v1/inbox"), nurse);
        QCOMPARE(inboxStatus, 200);
        QVERIFY(inbox.value(u"lastSeq").toInteger() > 0);
        bool alerting = false;
        for (const QJsonValue &row : inbox.value(u"conversations").toArray()) {
            const QJsonObject c = row.toObject();
            alerting = alerting || (c.value(u"priority").toString() == QLatin1String("P1") &&
                                    !c.value(u"alertAt").isNull());
        }
        QVERIFY(alerting);
        const QJsonArray desk = call("GET", QStringLiteral("/api/v1/inbox"), receptionist)
                                    .second.value(u"conversations")
                                    .toArray();
        QVERIFY(!desk.isEmpty());
        for (const QJsonValue &row : desk)
            QCOMPARE(row.toObject().value(u"category").toString(), QStringLiteral("APPOINTMENT"));
        QCOMPARE(call("GET", QStringLiteral("/api/v1/inbox"), signIn(Core::Role::Auditor)).first,
                 403);
        const qint64 emergency = conversationOf(QStringLiteral("15550100201"), "id").toLongLong();
        QCOMPARE(call("GET", QStringLiteral("/api/v1/inbox/%1").arg(emergency), receptionist).first,
                 404);

        // Marking a conversation read gives the patient blue ticks.
        const QString patient = QStringLiteral("15550100204");
        const qint64 conversation = conversationOf(patient, "id").toLongLong();
        QCOMPARE(
            call("POST", QStringLiteral("/api/v1/conversations/%1/read").arg(conversation), nurse)
                .first,
            204);
        const QString lastWamid = scalar(
            QStringLiteral("SELECT wamid FROM messages WHERE conversation_id = ? AND direction = "
                           "'in' ORDER BY id DESC LIMIT 1"),
            {conversation});
        QTRY_VERIFY_WITH_TIMEOUT(m_sim->services()->log().received(lastWamid) &&
                                     m_sim->services()->log().received(lastWamid)->readAt.isValid(),
                                 Patience);
    }
};

QTEST_GUILESS_MAIN(TestCareFlow)
#include "tst_careflow.moc"
