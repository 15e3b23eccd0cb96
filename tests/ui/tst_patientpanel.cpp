// The patient panel beside the conversation, end to end on loopback: a real hub (in-process),
// wardline-sim playing the patient, a nurse's and a receptionist's console as main.cpp builds
// them (encrypted cache, conversation client, home window), real widgets on the offscreen
// platform. Every wait is on the widgets or the hub's answer. With WARDLINE_SCREENSHOT_DIR set,
// `screenshot` draws docs/screenshots' panel pictures from fictional data.
#include "console/conversationclient.h"
#include "console/hubclient.h"
#include "console/localcache.h"
#include "core/appointment.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/role.h"
#include "core/secretkey.h"
#include "hub/carerecords.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "hub/sitesettings.h"
#include "sim/inboundinjector.h"
#include "sim/simserver.h"
#include "sim/simservices.h"
#include "store/userrepository.h"
#include "testsim.h"
#include "ui/conversationview.h"
#include "ui/homewindow.h"
#include "ui/language.h"
#include "ui/patientpanel.h"

#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Wardline;

namespace {
const QString Password = QStringLiteral("Ward-line 7 blue heron");
constexpr int Patience = 30000;
const QTimeZone Chicago("America/Chicago");
// A fictional patient (555-01xx numbers are reserved for fiction).
const QString PatientPhone = QStringLiteral("15550100601");
const QString Medication = QStringLiteral("Amoxicillin 500 mg");

/// One staff member's console, as main.cpp puts it together after signing in.
struct StaffConsole
{
    std::optional<Console::HubSession> session;
    QSqlDatabase cache;
    std::unique_ptr<Console::ConversationClient> conversations;
    std::unique_ptr<Ui::HomeWindow> home;

    [[nodiscard]] Ui::PatientPanel *panel() const
    {
        return home->conversationView()->patientPanel();
    }
    [[nodiscard]] QStringList texts(const char *name) const
    {
        QStringList found;
        const QList<QLabel *> labels = panel()->findChildren<QLabel *>(QLatin1String(name));
        for (const QLabel *label : labels)
            found.append(label->text());
        return found;
    }
};
} // namespace

class TestPatientPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::HubSecrets m_secrets;
    Core::ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    std::unique_ptr<Sim::SimServer> m_sim;
    Console::HubClient m_client;
    Core::SecretKey m_cacheKey = Core::SecretKey::generate();
    StaffConsole m_nurse;
    StaffConsole m_reception;
    qint64 m_conversationId = 0;

    QString hubDir() const { return m_dir.filePath(QStringLiteral("hub")); }
    qint64 hubNumber(const QString &sql, const QVariantList &values = {}) const
    {
        return Test::hubNumber(m_hub->database(), sql, values);
    }
    [[nodiscard]] bool startConsole(StaffConsole &console, const QString &username)
    {
        bool answered = false;
        m_client.signIn(QUrl(m_hub->apiUrl()), username, Password,
                        [&](Core::Result<Console::HubSession> r, Console::HubClient::Failure) {
                            answered = true;
                            if (r)
                                console.session = std::move(r).value();
                        });
        if (!QTest::qWaitFor([&] { return answered; }, Patience) || !console.session)
            return false;
        auto db =
            Console::LocalCache::open(username, m_dir.filePath(username + u".cache"), m_cacheKey);
        if (!db)
            return false;
        console.cache = db.value();
        console.conversations = std::make_unique<Console::ConversationClient>(
            m_client, *console.session, console.cache, m_clock);
        console.home = std::make_unique<Ui::HomeWindow>();
        console.home->conversationView()->setClock(&m_clock);
        console.home->showSession(username, console.session->user.role, m_hub->apiUrl(), {});
        console.home->setConversationClient(console.conversations.get());
        console.home->setHub(&m_client, *console.session);
        // The smallest window the console is made for: the panel must leave the bubbles room.
        console.home->resize(1280, 800);
        console.home->show();
        return QTest::qWaitForWindowExposed(console.home.get());
    }
    // The hub's own answer for the conversation, as \a console's role gets it.
    QJsonObject answerFor(const StaffConsole &console)
    {
        QJsonObject body;
        int status = -1;
        m_client.get(*console.session,
                     QStringLiteral("/api/v1/conversations/%1").arg(m_conversationId), {}, this,
                     [&](const Console::HubReply &reply) {
                         status = reply.status;
                         body = reply.body;
                     });
        if (!QTest::qWaitFor([&] { return status >= 0; }, Patience) || status != 200)
            return {};
        return body.value(u"patient").toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(Core::Crypto::selfTest());
        // Dates and times as a US workstation writes them, whatever this machine's locale.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString failed =
            Test::startConsoleHub(hubDir(), Password, m_clock, m_secrets, m_config, m_sim, m_hub);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QVERIFY(Hub::SiteSettings::set(m_hub->database(), QStringLiteral("site/time_zone"),
                                       QStringLiteral("America/Chicago")));
        Store::UserRepository users(m_hub->database(), m_clock);
        QVERIFY(users.create(QStringLiteral("nurse.panel"), Core::Role::Nurse,
                             Core::Crypto::hashPassword(Password)));
        QVERIFY(users.create(QStringLiteral("reception.panel"), Core::Role::Receptionist,
                             Core::Crypto::hashPassword(Password)));

        // The hospital's record: an appointment in three days, a knee operation three days
        // ago (the wound photo is day 3's step) and an antibiotic twice a day for a week.
        Core::ImportBatch batch;
        batch.patients = {{QStringLiteral("MRN-601"), QStringLiteral("Marta Panel"),
                           u'+' + PatientPhone, QStringLiteral("es"),
                           QStringLiteral("America/Chicago"), false}};
        Core::AppointmentRecord visit;
        visit.sourceId = QStringLiteral("APT-601");
        visit.patientSourceId = QStringLiteral("MRN-601");
        visit.start = m_clock.now().addDays(3);
        visit.end = visit.start.addSecs(45 * 60);
        visit.status = QStringLiteral("booked");
        visit.provider = QStringLiteral("Dr. Rivera");
        visit.location = QStringLiteral("Clinic B");
        batch.appointments = {visit};
        const QDate today = m_clock.now().toTimeZone(Chicago).date();
        QVERIFY(m_hub->database().transaction());
        Hub::CareRecords records(m_hub->database(), m_clock);
        QVERIFY(records.importBatch(batch));
        const qint64 patientId =
            hubNumber(QStringLiteral("SELECT id FROM patients WHERE external_id = 'MRN-601'"));
        QVERIFY(patientId > 0);
        QVERIFY(records.startPathway(patientId, today.addDays(-3)));
        QVERIFY(records.addMedication(patientId, Medication, {QTime(8, 0), QTime(20, 0)},
                                      today.addDays(-1), today.addDays(6)));
        QVERIFY(m_hub->database().commit());

        // The patient asks to move the visit: an appointment conversation both roles may open.
        QVERIFY(m_sim->services()
                    ->inbound()
                    .inject({{QStringLiteral("from"), PatientPhone},
                             {QStringLiteral("name"), QStringLiteral("Marta Panel")},
                             {QStringLiteral("text"), QStringLiteral("CHANGE")}})
                    .ok);
        QTRY_VERIFY_WITH_TIMEOUT(
            (m_conversationId = hubNumber(
                 QStringLiteral("SELECT c.id FROM conversations c JOIN patients p ON p.id = "
                                "c.patient_id WHERE p.wa_id = ? AND c.category = 'APPOINTMENT'"),
                 {PatientPhone})) > 0,
            Patience);
        QTRY_COMPARE_WITH_TIMEOUT(
            hubNumber(QStringLiteral(
                "SELECT count(*) FROM appointments WHERE status = 'change_requested'")),
            1, Patience);
    }

    void cleanupTestCase()
    {
        for (StaffConsole *c : {&m_nurse, &m_reception}) {
            c->home.reset();
            c->conversations.reset();
            c->cache = QSqlDatabase();
        }
        m_sim.reset();
        m_hub.reset();
    }

    void cleanup()
    {
        QVERIFY(Ui::Language::apply(QStringLiteral("en")));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void aNursesPanelShowsTheAppointmentPathwayAndMedication()
    {
        QVERIFY(startConsole(m_nurse, QStringLiteral("nurse.panel")));
        m_nurse.home->conversationView()->openConversation(m_conversationId);
        QTRY_COMPARE_WITH_TIMEOUT(m_nurse.texts("panelMedication").size(), 1, Patience);
        Ui::PatientPanel *panel = m_nurse.panel();
        QVERIFY(panel->isVisible());

        QCOMPARE(m_nurse.texts("panelName"), QStringList{QStringLiteral("Marta Panel")});
        QCOMPARE(m_nurse.texts("panelPhone"), QStringList{u'+' + PatientPhone});
        QCOMPARE(m_nurse.texts("panelLanguage"), QStringList{QStringLiteral("Language: Español")});
        QCOMPARE(m_nurse.texts("panelOptIn").size(), 1);

        const QStringList visits = m_nurse.texts("panelAppointment");
        QCOMPARE(visits.size(), 1);
        QVERIFY2(visits.first().contains(QStringLiteral("45 min · Dr. Rivera · Clinic B")),
                 qPrintable(visits.first()));
        QVERIFY2(visits.first().contains(QLatin1String("The patient asked to change it")),
                 qPrintable(visits.first()));
        QVERIFY(m_nurse.texts("panelAppointmentsEmpty").isEmpty());

        QCOMPARE(m_nurse.texts("panelPathwayKind"),
                 QStringList{QStringLiteral("Post-surgical recovery")});
        const QStringList day = m_nurse.texts("panelPathwayDay");
        QCOMPARE(day.size(), 1);
        QVERIFY2(day.first().startsWith(QLatin1String("Day 3 after surgery on ")),
                 qPrintable(day.first()));
        const QStringList step = m_nurse.texts("panelPathwayStep");
        QCOMPARE(step.size(), 1);
        QVERIFY2(step.first().contains(QLatin1String("wound photo (day 3)")),
                 qPrintable(step.first()));

        const QString medication = m_nurse.texts("panelMedication").first();
        QVERIFY2(medication.startsWith(Medication), qPrintable(medication));
        const QLocale us;
        QVERIFY2(medication.endsWith(
                     QStringLiteral("Daily at %1 and %2, until %3")
                         .arg(us.toString(QTime(8, 0), QLocale::ShortFormat),
                              us.toString(QTime(20, 0), QLocale::ShortFormat),
                              us.toString(m_clock.now().toTimeZone(Chicago).date().addDays(6),
                                          QLocale::ShortFormat))),
                 qPrintable(medication));
        QVERIFY(m_nurse.texts("panelClinicalWithheld").isEmpty());

        // Beside the conversation in a 1280-pixel window, the bubbles keep their full width
        // (480 px and the margins): the panel takes the rest.
        QVERIFY2(panel->width() >= 200 && panel->width() <= 320,
                 qPrintable(QString::number(panel->width())));
        auto *messages =
            m_nurse.home->conversationView()->findChild<QWidget *>(QStringLiteral("messages"));
        QVERIFY(messages);
        QTRY_VERIFY2(messages->width() >= 480 + 32, qPrintable(QString::number(messages->width())));

        // It folds away and comes back.
        auto *toggle = m_nurse.home->conversationView()->findChild<QPushButton *>(
            QStringLiteral("patientPanelButton"));
        QVERIFY(toggle && toggle->isChecked());
        toggle->click();
        QVERIFY(!panel->isVisible());
        QTRY_VERIFY(messages->width() > 480 + 32 + 200);
        toggle->click();
        QVERIFY(panel->isVisible());

        // What the hub said: all of it, for a nurse.
        const QJsonObject patient = answerFor(m_nurse);
        QCOMPARE(patient.value(u"appointments").toArray().size(), 1);
        QCOMPARE(patient.value(u"medications").toArray().size(), 1);
        QCOMPARE(patient.value(u"pathway").toObject().value(u"day").toInt(), 3);
        QCOMPARE(patient.value(u"pathway")
                     .toObject()
                     .value(u"step")
                     .toObject()
                     .value(u"kind")
                     .toString(),
                 QStringLiteral("photo"));
    }

    void aReceptionistsPanelShowsTheAppointmentOnly()
    {
        QVERIFY(startConsole(m_reception, QStringLiteral("reception.panel")));
        // The hub does not send what the role may not read: no medications, no pathway.
        const QJsonObject patient = answerFor(m_reception);
        QCOMPARE(patient.value(u"name").toString(), QStringLiteral("Marta Panel"));
        const QJsonArray appointments = patient.value(u"appointments").toArray();
        QCOMPARE(appointments.size(), 1);
        QCOMPARE(appointments.first().toObject().value(u"provider").toString(),
                 QStringLiteral("Dr. Rivera"));
        QCOMPARE(appointments.first().toObject().value(u"durationMinutes").toInt(), 45);
        QVERIFY(!patient.contains(u"medications"));
        QVERIFY(!patient.contains(u"pathway"));

        m_reception.home->conversationView()->openConversation(m_conversationId);
        QTRY_COMPARE_WITH_TIMEOUT(m_reception.texts("panelAppointment").size(), 1, Patience);
        QVERIFY(
            m_reception.texts("panelAppointment").first().contains(QLatin1String("Dr. Rivera")));
        QVERIFY(m_reception.texts("panelMedication").isEmpty());
        QVERIFY(m_reception.texts("panelPathwayStep").isEmpty());
        QVERIFY(!m_reception.panel()->findChild<QWidget *>(QStringLiteral("panelMedications")));
        QVERIFY(!m_reception.panel()->findChild<QWidget *>(QStringLiteral("panelPathway")));
        for (const QString &text : m_reception.panel()->shownTexts())
            QVERIFY2(!text.contains(Medication) && !text.contains(QLatin1String("surgery")),
                     qPrintable(text));
        QCOMPARE(m_reception.texts("panelClinicalWithheld").size(), 1);
    }

    void offlineThePanelShowsWhatWasKept()
    {
        // The nurse's console opened it before: with the hub gone, the cache has the same.
        QVERIFY(m_nurse.home);
        m_hub.reset();
        m_nurse.conversations->close();
        m_nurse.panel()->setPatient({});
        QVERIFY(m_nurse.texts("panelMedication").isEmpty());
        m_nurse.home->conversationView()->openConversation(m_conversationId);
        QTRY_COMPARE_WITH_TIMEOUT(m_nurse.texts("panelMedication").size(), 1, Patience);
        QVERIFY(m_nurse.texts("panelMedication").first().startsWith(Medication));
        QCOMPARE(m_nurse.texts("panelAppointment").size(), 1);
        QVERIFY(m_nurse.texts("panelPathwayStep").first().contains(QLatin1String("day 3")));
    }

    void screenshot_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("es") << QStringLiteral("es");
    }

    void screenshot()
    {
        // Fictional data, fixed clock: the same picture every time.
        QFETCH(QString, language);
        const bool es = language == QLatin1StringView("es");
        QVERIFY(Ui::Language::apply(language));
        QLocale::setDefault(es ? QLocale(QLocale::Spanish, QLocale::Spain)
                               : QLocale(QLocale::English, QLocale::UnitedStates));
        const Core::ManualClock clock(QDateTime(QDate(2026, 11, 25), QTime(15, 0)));
        Console::ConversationSnapshot c;
        c.id = 42;
        c.state = QStringLiteral("open");
        c.category = QStringLiteral("NURSE");
        c.windowSecondsLeft = 20 * 3600;
        c.fetchedAt = clock.now();
        Console::MessageItem in;
        in.direction = Console::MessageItem::Direction::In;
        in.text = es ? QStringLiteral("Hola, ya tengo la foto de la rodilla. ¿Se la envío aquí?")
                     : QStringLiteral("Hi, I have the photo of my knee. Shall I send it here?");
        in.sentAt = clock.now().addSecs(-600);
        c.messages.append(in);
        Console::PatientSummary &p = c.patient;
        p.id = 7;
        p.name = QStringLiteral("Marta Quintero");
        p.phone = QStringLiteral("+15550100777");
        p.language = language;
        p.optIn = QStringLiteral("in");
        p.clinicalShared = true;
        Console::PanelAppointment visit;
        visit.start = QDateTime(QDate(2026, 11, 30), QTime(14, 30));
        visit.durationMinutes = 30;
        visit.provider = QStringLiteral("Dr. Rivera");
        visit.location = es ? QStringLiteral("Consultas externas, 2.ª planta")
                            : QStringLiteral("Outpatient clinic, 2nd floor");
        visit.status = QStringLiteral("confirmed");
        p.appointments = {visit};
        Console::PanelPathway pathway;
        pathway.kind = QStringLiteral("post_surgical");
        pathway.surgeryDate = QDate(2026, 11, 22);
        pathway.day = 3;
        pathway.stepDay = 3;
        pathway.stepKind = QStringLiteral("photo");
        pathway.stepDueAt = QDateTime(QDate(2026, 11, 25), QTime(10, 0));
        pathway.stepSentAt = pathway.stepDueAt;
        p.pathway = pathway;
        Console::PanelMedication antibiotic;
        antibiotic.medication =
            es ? QStringLiteral("Amoxicilina 500 mg") : QStringLiteral("Amoxicillin 500 mg");
        antibiotic.times = {QTime(8, 0), QTime(20, 0)};
        antibiotic.lastDay = QDate(2026, 11, 29);
        Console::PanelMedication pain;
        pain.medication = es ? QStringLiteral("Paracetamol 1 g, con comida")
                             : QStringLiteral("Acetaminophen 1 g, with food");
        pain.times = {QTime(8, 0), QTime(14, 0), QTime(20, 0)};
        p.medications = {antibiotic, pain};

        Ui::ConversationView view;
        view.setClock(&clock);
        view.showConversation(c, {});
        // What the conversation gets of a 1280-pixel window beside the inbox.
        view.resize(810, 640);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        Ui::PatientPanel *panel = view.patientPanel();
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->findChildren<QLabel *>(QStringLiteral("panelMedication")).size(), 2);
        QVERIFY(!panel->findChild<QLabel *>(QStringLiteral("panelAppointmentsEmpty")));
        QCoreApplication::processEvents();
        const QString dir = qEnvironmentVariable("WARDLINE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(view.grab().save(
                QDir(dir).filePath(QStringLiteral("patient-panel-%1.png").arg(language))));
    }

    void thePathwaySaysWhatComesNext()
    {
        // Local times: the panel shows them in this workstation's zone.
        const Core::ManualClock clock(QDateTime(QDate(2026, 11, 25), QTime(15, 0)));
        Ui::PatientPanel panel;
        panel.setClock(&clock);
        Console::PatientSummary p;
        p.id = 5;
        p.name = QStringLiteral("Ines Step");
        p.optIn = QStringLiteral("out");
        p.clinicalShared = true;
        Console::PanelPathway w;
        w.kind = QStringLiteral("post_surgical");
        w.surgeryDate = QDate(2026, 11, 22);
        w.day = 3;
        w.stepDay = 3;
        w.stepKind = QStringLiteral("photo");
        w.stepDueAt = QDateTime(QDate(2026, 11, 25), QTime(17, 0));
        w.openTasks = {{QStringLiteral("pain_escalation"), clock.now()}};
        p.pathway = w;
        const auto step = [&panel] {
            const auto *label = panel.findChild<QLabel *>(QStringLiteral("panelPathwayStep"));
            return label ? label->text() : QString();
        };

        panel.setPatient(p);
        QCOMPARE(step(), QStringLiteral("Next step: wound photo (day 3), due today at %1")
                             .arg(QLocale().toString(QTime(17, 0), QLocale::ShortFormat)));
        QVERIFY(panel.shownTexts().contains(
            QStringLiteral("Open task: high pain score, call the patient")));
        QVERIFY(panel.shownTexts().contains(
            QStringLiteral("WhatsApp: opted out (no automated messages)")));

        p.pathway->stepDueAt = QDateTime(QDate(2026, 11, 25), QTime(10, 0));
        panel.setPatient(p);
        QVERIFY2(step().endsWith(QLatin1String(", not sent yet")), qPrintable(step()));

        p.pathway->stepSentAt = p.pathway->stepDueAt;
        panel.setPatient(p);
        QVERIFY2(step().startsWith(
                     QLatin1String("Waiting for the patient's answer: wound photo (day 3), sent ")),
                 qPrintable(step()));

        p.pathway->stepDay = 7;
        p.pathway->stepKind = QStringLiteral("pain");
        p.pathway->stepDueAt = QDateTime(QDate(2026, 11, 29), QTime(10, 0));
        p.pathway->stepSentAt = {};
        panel.setPatient(p);
        QVERIFY2(step().startsWith(QLatin1String("Next step: pain score (day 7), due ")) &&
                     !step().contains(QLatin1String("today")),
                 qPrintable(step()));

        p.pathway->stepDay = 0;
        panel.setPatient(p);
        QCOMPARE(step(), QStringLiteral("All steps of the pathway are done."));
    }

    void emptyStatesSaySo()
    {
        Ui::PatientPanel panel;
        Console::PatientSummary p;
        p.id = 9;
        p.name = QStringLiteral("Luis Empty");
        p.clinicalShared = true;
        panel.setPatient(p);
        const QStringList texts = panel.shownTexts();
        QVERIFY(texts.contains(QStringLiteral("No upcoming appointments")));
        QVERIFY(texts.contains(QStringLiteral("No active recovery pathway")));
        QVERIFY(texts.contains(QStringLiteral("No active medications")));
        QVERIFY(texts.contains(QStringLiteral("WhatsApp: not asked yet")));
    }
};

QTEST_MAIN(TestPatientPanel)
#include "tst_patientpanel.moc"
