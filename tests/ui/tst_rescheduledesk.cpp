// The reschedule desk end to end on loopback: a real hub (in-process), wardline-sim playing the
// patients, the receptionist's console as main.cpp builds it (sync engine, home window, desks),
// real widgets on the offscreen platform. Every wait is on the widgets, the hub's record or the
// simulator's log.
#include "console/cachewriter.h"
#include "console/conversationclient.h"
#include "console/hubclient.h"
#include "console/inboxstore.h"
#include "console/localcache.h"
#include "console/syncengine.h"
#include "core/appointment.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/role.h"
#include "core/secretkey.h"
#include "hub/caremessages.h"
#include "hub/carerecords.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "hub/sitesettings.h"
#include "sim/inboundinjector.h"
#include "sim/messagelog.h"
#include "sim/simserver.h"
#include "sim/simservices.h"
#include "store/userrepository.h"
#include "testsim.h"
#include "ui/conversationview.h"
#include "ui/homewindow.h"
#include "ui/photoreviewdesk.h"
#include "ui/rescheduledesk.h"
#include "ui/reschedulemodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlQuery>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Wardline;

namespace {
const QString Password = QStringLiteral("Ward-line 7 blue heron");
constexpr int Patience = 30000;
const QTimeZone Chicago("America/Chicago");
// Fictional patients (555-01xx numbers are reserved for fiction).
const QString MovingPhone = QStringLiteral("15550100501");
const QString OtherPhone = QStringLiteral("15550100502");
const QString WoundPhone = QStringLiteral("15550100503");
} // namespace

class TestRescheduleDesk : public QObject
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

    // The receptionist's console: what main.cpp puts together after signing in.
    std::optional<Console::HubSession> m_session;
    QSqlDatabase m_cache;
    std::unique_ptr<Console::InboxStore> m_inbox;
    std::unique_ptr<Console::SyncEngine> m_sync;
    std::unique_ptr<Console::ConversationClient> m_conversations;
    std::unique_ptr<Ui::HomeWindow> m_home;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    QString hubDir() const { return m_dir.filePath(QStringLiteral("hub")); }
    QString hubText(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery q(m_hub->database());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }
    qint64 conversationOf(const QString &waId) const
    {
        const QString id =
            hubText(QStringLiteral("SELECT c.id FROM conversations c JOIN patients p ON p.id = "
                                   "c.patient_id WHERE p.wa_id = ? ORDER BY c.id DESC LIMIT 1"),
                    {waId});
        return id.isEmpty() ? 0 : id.toLongLong();
    }
    [[nodiscard]] bool say(const QString &from, const QString &text)
    {
        return m_sim->services()
            ->inbound()
            .inject({{QStringLiteral("from"), from},
                     {QStringLiteral("name"), QStringLiteral("Drill Patient")},
                     {QStringLiteral("text"), text}})
            .ok;
    }
    const Sim::SentMessage *templateTo(const QString &waId, const QString &name) const
    {
        return m_sim->services()->log().latestSent(
            waId, [&](const Sim::SentMessage &m) { return m.templateName == name; });
    }
    Ui::RescheduleDesk *desk() const { return m_home->desk<Ui::RescheduleDesk>(); }
    template<typename T> T *inDesk(const char *name) const
    {
        return desk()->findChild<T *>(QLatin1String(name));
    }
    // What the header's tabs read, and which desks they lead to.
    QStringList tabTexts() const
    {
        QStringList texts;
        const auto *tabs = m_home->findChild<QTabBar *>(QStringLiteral("deskTabs"));
        for (int i = 0; tabs && i < tabs->count(); ++i)
            texts.append(tabs->tabText(i));
        return texts;
    }
    bool hasTabFor(QObject *desk) const
    {
        const auto *tabs = m_home->findChild<QTabBar *>(QStringLiteral("deskTabs"));
        for (int i = 0; tabs && i < tabs->count(); ++i) {
            if (tabs->tabData(i).value<QObject *>() == desk)
                return true;
        }
        return false;
    }
    void importAppointment(const QString &phone, const QString &name, const QString &id,
                           const QDateTime &start, const QString &provider, const QString &location)
    {
        Core::ImportBatch batch;
        batch.patients = {
            {QStringLiteral("MRN-") + id, name, u'+' + phone, QStringLiteral("en"), {}, false}};
        Core::AppointmentRecord visit;
        visit.sourceId = QStringLiteral("APT-") + id;
        visit.patientSourceId = QStringLiteral("MRN-") + id;
        visit.start = start;
        visit.end = start.addSecs(45 * 60);
        visit.status = QStringLiteral("booked");
        visit.provider = provider;
        visit.location = location;
        batch.appointments = {visit};
        QVERIFY(m_hub->database().transaction());
        QVERIFY(Hub::CareRecords(m_hub->database(), m_clock).importBatch(batch));
        QVERIFY(m_hub->database().commit());
    }
    // Signs the receptionist in and builds the console around the session, as main.cpp does.
    [[nodiscard]] bool startConsole()
    {
        bool answered = false;
        m_client.signIn(QUrl(m_hub->apiUrl()), QStringLiteral("reception.desk"), Password,
                        [&](Core::Result<Console::HubSession> r, Console::HubClient::Failure) {
                            answered = true;
                            if (r)
                                m_session = std::move(r).value();
                        });
        if (!QTest::qWaitFor([&] { return answered; }, Patience) || !m_session)
            return false;
        auto db = Console::LocalCache::open(QStringLiteral("reception"),
                                            m_dir.filePath(QStringLiteral("reception.cache")),
                                            m_cacheKey);
        if (!db)
            return false;
        m_cache = db.value();
        m_inbox = std::make_unique<Console::InboxStore>();
        auto *worker = new Console::CacheWriter(m_cache.databaseName(), m_cacheKey);
        m_sync = std::make_unique<Console::SyncEngine>(*worker, *m_inbox, m_client, *m_session,
                                                       Core::Clock::system());
        worker->setParent(m_sync.get()); // goes after the engine
        m_sync->setRetryIntervals(50, 400);
        m_conversations =
            std::make_unique<Console::ConversationClient>(m_client, *m_session, m_cache, m_clock);
        m_conversations->followInbox(m_inbox.get());
        m_home = std::make_unique<Ui::HomeWindow>();
        // Before the desk is filled, so every change of the model is checked.
        m_tester = std::make_unique<QAbstractItemModelTester>(
            desk()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        desk()->setClock(&m_clock);
        m_home->conversationView()->setClock(&m_clock);
        m_home->showSession(QStringLiteral("Rosa Desk"), m_session->user.role, m_hub->apiUrl(), {});
        m_home->setInbox(m_inbox.get(), m_session->user.id);
        m_home->setConversationClient(m_conversations.get());
        connect(m_sync.get(), &Console::SyncEngine::eventsApplied, m_home.get(),
                &Ui::HomeWindow::hubEvents);
        m_home->setHub(&m_client, *m_session);
        m_home->resize(1000, 700);
        m_home->show();
        m_sync->start();
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(Core::Crypto::selfTest());
        const QString failed =
            Test::startConsoleHub(hubDir(), Password, m_clock, m_secrets, m_config, m_sim, m_hub);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QVERIFY(Hub::SiteSettings::set(m_hub->database(), QStringLiteral("site/time_zone"),
                                       QStringLiteral("America/Chicago")));
        QVERIFY(Store::UserRepository(m_hub->database(), m_clock)
                    .create(QStringLiteral("reception.desk"), Core::Role::Receptionist,
                            Core::Crypto::hashPassword(Password)));
        QTRY_VERIFY_WITH_TIMEOUT(
            hubText(QStringLiteral("SELECT count(*) FROM templates WHERE status = 'APPROVED'"))
                    .toInt() >= 20,
            Patience);
        // Two patients with appointments in three days; the second's provider and location
        // are choices the desk offers.
        const QDateTime inThreeDays = m_clock.now().addDays(3);
        importAppointment(MovingPhone, QStringLiteral("Marta Drill"), QStringLiteral("501"),
                          inThreeDays, QStringLiteral("Dr. Rivera"), QStringLiteral("Clinic B"));
        importAppointment(OtherPhone, QStringLiteral("Luis Drill"), QStringLiteral("502"),
                          inThreeDays.addSecs(3600), QStringLiteral("Dr. Okafor"),
                          QStringLiteral("Clinic A, second floor"));
        QVERIFY(startConsole());
    }

    void cleanupTestCase()
    {
        m_home.reset();
        m_tester.reset();
        m_conversations.reset();
        m_sync.reset();
        m_inbox.reset();
        m_cache = QSqlDatabase();
        m_sim.reset();
        m_hub.reset();
    }

    void aChangeReplyIsRescheduledFromTheDesk()
    {
        QVERIFY(hasTabFor(desk()));
        QTRY_VERIFY_WITH_TIMEOUT(tabTexts().contains(QStringLiteral("Reschedule")), Patience);
        QCOMPARE(desk()->waitingCount(), 0);

        // The patient types CHANGE: the desk hears it from the hub's events, not from a click.
        QVERIFY(say(MovingPhone, QStringLiteral("CHANGE")));
        QTRY_COMPARE_WITH_TIMEOUT(desk()->waitingCount(), 1, Patience);
        QCOMPARE(desk()->title(), QStringLiteral("Reschedule (1)"));
        QTRY_VERIFY(tabTexts().contains(QStringLiteral("Reschedule (1)")));
        const Ui::RescheduleModel *model = desk()->model();
        const auto cell = [model](int column) { return model->index(0, column).data().toString(); };
        QCOMPARE(cell(Ui::RescheduleModel::Patient), QStringLiteral("Marta Drill"));
        QCOMPARE(cell(Ui::RescheduleModel::Phone), u'+' + MovingPhone);
        QCOMPARE(cell(Ui::RescheduleModel::Provider), QStringLiteral("Dr. Rivera"));
        QCOMPARE(cell(Ui::RescheduleModel::Location), QStringLiteral("Clinic B"));
        QVERIFY2(cell(Ui::RescheduleModel::Waiting).startsWith(QLatin1String("waiting")),
                 qPrintable(cell(Ui::RescheduleModel::Waiting)));
        QVERIFY(!cell(Ui::RescheduleModel::Slot).isEmpty());
        // Waiting times count on with the clock.
        desk()->model()->setNow(m_clock.now().addSecs(2 * 3600 + 60));
        QCOMPARE(cell(Ui::RescheduleModel::Waiting), QStringLiteral("waiting 2 h"));
        desk()->model()->setNow(m_clock.now());

        const qint64 appointment =
            model->index(0, 0).data(Ui::RescheduleModel::IdRole).toLongLong();
        QVERIFY(m_home->showDesk(desk()));
        QVERIFY(desk()->selectAppointment(appointment));
        auto *provider = inDesk<QComboBox>("rescheduleProvider");
        auto *location = inDesk<QComboBox>("rescheduleLocation");
        QCOMPARE(provider->currentText(), QStringLiteral("Dr. Rivera"));
        QVERIFY(provider->findText(QStringLiteral("Dr. Okafor")) >= 0);
        QVERIFY(location->findText(QStringLiteral("Clinic A, second floor")) >= 0);
        QVERIFY(inDesk<QLabel>("reschedulePatient")->text().contains(QLatin1String("Marta Drill")));

        // The patient wrote just now: free text is possible, so the desk offers the
        // conversation; it opens in the inbox.
        auto *open = inDesk<QPushButton>("rescheduleOpen");
        QVERIFY(open->isVisibleTo(desk()));
        QTest::mouseClick(open, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_home->conversationView()->conversationId(),
                                  conversationOf(MovingPhone), Patience);
        QVERIFY(!desk()->isVisible());
        QVERIFY(m_home->showDesk(desk()));

        // A new slot: five days on at 14:30 here, with the other provider and location.
        const QDateTime slot(m_clock.now().toLocalTime().date().addDays(5), QTime(14, 30));
        inDesk<QDateTimeEdit>("rescheduleStart")->setDateTime(slot);
        provider->setCurrentText(QStringLiteral("Dr. Okafor"));
        location->setCurrentText(QStringLiteral("Clinic A, second floor"));
        auto *send = inDesk<QPushButton>("rescheduleSend");
        QVERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);

        // The patient receives the approved template with the new slot in its parameters.
        QTRY_VERIFY_WITH_TIMEOUT(
            templateTo(MovingPhone, QStringLiteral("wardline_appointment_rescheduled")), Patience);
        const Sim::SentMessage *sent =
            templateTo(MovingPhone, QStringLiteral("wardline_appointment_rescheduled"));
        const QDateTime there = slot.toTimeZone(Chicago);
        // Positional (an array) or named (an object): the values are what the patient reads.
        QStringList parameters;
        const QJsonArray values =
            sent->templateParams.isArray()
                ? sent->templateParams.toArray()
                : QJsonArray::fromVariantList(
                      sent->templateParams.toObject().toVariantMap().values());
        for (const QJsonValue &p : values)
            parameters.append(p.toString());
        QVERIFY2(parameters.contains(Hub::CareMessages::patientDate(there, QStringLiteral("en"))),
                 qPrintable(parameters.join(u'|')));
        QVERIFY2(parameters.contains(Hub::CareMessages::patientTime(there, QStringLiteral("en"))),
                 qPrintable(parameters.join(u'|')));
        QVERIFY(parameters.contains(QStringLiteral("Dr. Okafor")));
        QVERIFY(parameters.contains(QStringLiteral("Clinic A, second floor")));

        // It leaves the queue, the tab says so, and the hub booked the new time.
        QTRY_COMPARE_WITH_TIMEOUT(desk()->waitingCount(), 0, Patience);
        QTRY_VERIFY(tabTexts().contains(QStringLiteral("Reschedule")));
        QVERIFY(inDesk<QLabel>("rescheduleMessage")->text().contains(QLatin1String("Marta Drill")));
        QCOMPARE(
            hubText(QStringLiteral("SELECT status FROM appointments WHERE id = ?"), {appointment}),
            QStringLiteral("booked"));
        QCOMPARE(QDateTime::fromString(
                     hubText(QStringLiteral("SELECT start_at FROM appointments WHERE id = ?"),
                             {appointment}),
                     Qt::ISODateWithMs),
                 slot);
    }

    void aCancelledAppointmentLeavesTheQueue()
    {
        QVERIFY(say(OtherPhone, QStringLiteral("CHANGE")));
        QTRY_COMPARE_WITH_TIMEOUT(desk()->waitingCount(), 1, Patience);
        const qint64 appointment =
            desk()->model()->index(0, 0).data(Ui::RescheduleModel::IdRole).toLongLong();
        QVERIFY(desk()->selectAppointment(appointment));
        QTest::mouseClick(inDesk<QPushButton>("rescheduleCancel"), Qt::LeftButton);
        // The question does not block the console; the receptionist confirms it.
        QMessageBox *ask = nullptr;
        QTRY_VERIFY((ask = desk()->findChild<QMessageBox *>(
                         QStringLiteral("rescheduleCancelQuestion"))) != nullptr);
        QAbstractButton *confirm = nullptr;
        for (QAbstractButton *b : ask->buttons()) {
            if (ask->buttonRole(b) == QMessageBox::DestructiveRole)
                confirm = b;
        }
        QVERIFY(confirm);
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(desk()->waitingCount(), 0, Patience);
        QCOMPARE(
            hubText(QStringLiteral("SELECT status FROM appointments WHERE id = ?"), {appointment}),
            QStringLiteral("cancelled"));
    }

    void aReceptionistCannotOpenAClinicalConversation()
    {
        QVERIFY(say(WoundPhone, QStringLiteral("my wound is bleeding through the dressing")));
        QTRY_VERIFY_WITH_TIMEOUT(conversationOf(WoundPhone) > 0, Patience);
        const qint64 clinical = conversationOf(WoundPhone);
        QVERIFY(hubText(QStringLiteral("SELECT category FROM conversations WHERE id = ?"),
                        {clinical}) != QLatin1String("APPOINTMENT"));
        // Hidden in the console: no clinical desk, and the inbox never gets it, while the
        // appointment conversations written to later do arrive.
        QVERIFY(!hasTabFor(m_home->desk<Ui::PhotoReviewDesk>()));
        QVERIFY(say(MovingPhone, QStringLiteral("CHANGE")));
        QTRY_COMPARE_WITH_TIMEOUT(desk()->waitingCount(), 1, Patience);
        QTRY_VERIFY_WITH_TIMEOUT(m_inbox->find(conversationOf(MovingPhone)).has_value(), Patience);
        QVERIFY(!m_inbox->find(clinical).has_value());
        for (const Console::ConversationSummary &c : m_inbox->conversations())
            QCOMPARE(c.category, QStringLiteral("APPOINTMENT"));
        // And refused by the hub when asked directly.
        int status = 0;
        m_client.get(*m_session, QStringLiteral("/api/v1/conversations/%1").arg(clinical), {}, this,
                     [&status](const Console::HubReply &reply) { status = reply.status; });
        QTRY_VERIFY_WITH_TIMEOUT(status != 0, Patience);
        QCOMPARE(status, 403);
        QCOMPARE(hubText(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = ? AND "
                                        "subject = ? AND action = 'access.denied'"),
                         {QStringLiteral("reception.desk"),
                          QStringLiteral("conversation:%1").arg(clinical)}),
                 QStringLiteral("1"));
    }

    void outsideTheWindowOnlyTheTemplateIsOffered()
    {
        // A day and more since the patient wrote (the sessions end with the hub's clock: the
        // receptionist signs in again).
        QTRY_COMPARE_WITH_TIMEOUT(desk()->waitingCount(), 1, Patience);
        m_clock.advance(25 * 3600 * 1000LL);
        m_session.reset();
        bool answered = false;
        m_client.signIn(QUrl(m_hub->apiUrl()), QStringLiteral("reception.desk"), Password,
                        [&](Core::Result<Console::HubSession> r, Console::HubClient::Failure) {
                            answered = true;
                            if (r)
                                m_session = std::move(r).value();
                        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, Patience);
        QVERIFY(m_session);
        m_home->setHub(&m_client, *m_session);
        QTRY_COMPARE_WITH_TIMEOUT(desk()->waitingCount(), 1, Patience);
        const qint64 appointment =
            desk()->model()->index(0, 0).data(Ui::RescheduleModel::IdRole).toLongLong();
        QVERIFY(m_home->showDesk(desk()));
        QVERIFY(desk()->selectAppointment(appointment));
        QVERIFY(!inDesk<QPushButton>("rescheduleOpen")->isVisibleTo(desk()));
        QVERIFY(inDesk<QLabel>("rescheduleWindow")->text().contains(QLatin1String("24 hours")));
        QVERIFY(!inDesk<QLabel>("rescheduleWindow")->text().contains(QLatin1String("you may")));

        // The approved template still goes out: that is what templates are for.
        const auto templates = [this] {
            int n = 0;
            for (const Sim::SentMessage &m : m_sim->services()->log().allSent())
                n += m.waId == MovingPhone &&
                     m.templateName == QLatin1String("wardline_appointment_rescheduled");
            return n;
        };
        const int before = templates();
        inDesk<QDateTimeEdit>("rescheduleStart")
            ->setDateTime(QDateTime(m_clock.now().toLocalTime().date().addDays(7), QTime(9, 15)));
        QTest::mouseClick(inDesk<QPushButton>("rescheduleSend"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(templates(), before + 1, Patience);
        QTRY_COMPARE_WITH_TIMEOUT(desk()->waitingCount(), 0, Patience);
    }
};

QTEST_MAIN(TestRescheduleDesk)
#include "tst_rescheduledesk.moc"
