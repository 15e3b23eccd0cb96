// Every desk of every role, filled by a real hub and wardline-sim (in-process) the way a shift
// fills them, shown in English and in Spanish: no button or label of a desk is cut short in
// either language. With WARDLINE_SCREENSHOT_DIR set (./dev screenshots) it also draws
// docs/screenshots' desk pictures.
#include "console/cachewriter.h"
#include "console/hubclient.h"
#include "console/inboxstore.h"
#include "console/localcache.h"
#include "console/syncengine.h"
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
#include "ui/auditdesk.h"
#include "ui/homewindow.h"
#include "ui/language.h"
#include "ui/photoreviewdesk.h"
#include "ui/rescheduledesk.h"
#include "ui/settingsdesk.h"
#include "ui/templatesdesk.h"
#include "ui/usersdesk.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

namespace {
const QString Password = QStringLiteral("Ward-line 7 blue heron");
constexpr int Patience = 30000;
// Fictional patients (555-01xx numbers are reserved for fiction).
const QString WoundPhone = QStringLiteral("15550100601");
const QString MovingPhone = QStringLiteral("15550100602");
const QString RefillPhone = QStringLiteral("15550100603");

struct Workstation
{
    Console::HubClient client;
    std::optional<Console::HubSession> session;
    QSqlDatabase cache;
    std::unique_ptr<Console::InboxStore> inbox;
    std::unique_ptr<Console::SyncEngine> sync;
    std::unique_ptr<Ui::HomeWindow> home;
};

// Buttons and one-line labels whose text does not fit the room the layout gave them.
QStringList cutShort(const QWidget *desk)
{
    QStringList cut;
    const QList<QWidget *> widgets = desk->findChildren<QWidget *>();
    for (const QWidget *w : widgets) {
        if (!w->isVisible() || w->width() <= 0)
            continue;
        if (const auto *b = qobject_cast<const QAbstractButton *>(w)) {
            if (!b->text().isEmpty() && b->width() < b->minimumSizeHint().width())
                cut.append(b->text());
        } else if (const auto *l = qobject_cast<const QLabel *>(w)) {
            if (!l->wordWrap() && !l->text().isEmpty() && l->pixmap().isNull() &&
                l->width() < l->minimumSizeHint().width())
                cut.append(l->text());
        }
    }
    return cut;
}
// Visible tables and lists with at least one row.
int filledTables(const QWidget *desk)
{
    int filled = 0;
    const QList<QAbstractItemView *> views = desk->findChildren<QAbstractItemView *>();
    for (const QAbstractItemView *v : views)
        filled += v->isVisible() && v->model() && v->model()->rowCount() > 0;
    return filled;
}
} // namespace

class TestDeskScreens : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::HubSecrets m_secrets;
    Core::ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    std::unique_ptr<Sim::SimServer> m_sim;
    Core::SecretKey m_cacheKey = Core::SecretKey::generate();
    std::map<QString, std::unique_ptr<Workstation>> m_consoles;
    int m_opened = 0;

    QString hubDir() const { return m_dir.filePath(QStringLiteral("hub")); }
    qint64 hubNumber(const QString &sql) const
    {
        QSqlQuery q(m_hub->database());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }
    [[nodiscard]] bool say(const QString &from, const QString &name, const QJsonObject &extra)
    {
        QJsonObject message{{QStringLiteral("from"), from}, {QStringLiteral("name"), name}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            message.insert(it.key(), it.value());
        return m_sim->services()->inbound().inject(message).ok;
    }
    // Signs \a user in and builds the console around the session, as main.cpp does.
    Workstation *console(const QString &user)
    {
        auto &slot = m_consoles[user];
        if (slot)
            return slot.get();
        auto w = std::make_unique<Workstation>();
        bool answered = false;
        w->client.signIn(QUrl(m_hub->apiUrl()), user, Password,
                         [&](Core::Result<Console::HubSession> r, Console::HubClient::Failure) {
                             answered = true;
                             if (r)
                                 w->session = std::move(r).value();
                         });
        if (!QTest::qWaitFor([&] { return answered; }, Patience) || !w->session)
            return nullptr;
        const QString name = QStringLiteral("screens%1").arg(++m_opened);
        auto db = Console::LocalCache::open(name, m_dir.filePath(name + QStringLiteral(".cache")),
                                            m_cacheKey);
        if (!db)
            return nullptr;
        w->cache = db.value();
        w->inbox = std::make_unique<Console::InboxStore>();
        w->home = std::make_unique<Ui::HomeWindow>();
        w->home->showSession(w->session->user.username, w->session->user.role, m_hub->apiUrl(), {});
        w->home->setInbox(w->inbox.get(), w->session->user.id);
        if (w->session->allows(Core::Permission::ReadEvents)) {
            auto *worker = new Console::CacheWriter(w->cache.databaseName(), m_cacheKey);
            w->sync = std::make_unique<Console::SyncEngine>(*worker, *w->inbox, w->client,
                                                            *w->session, Core::Clock::system());
            worker->setParent(w->sync.get()); // goes after the engine
            connect(w->sync.get(), &Console::SyncEngine::eventsApplied, w->home.get(),
                    &Ui::HomeWindow::hubEvents);
            w->sync->start();
        }
        w->home->setHub(&w->client, *w->session);
        w->home->resize(1280, 800);
        w->home->show();
        slot = std::move(w);
        return slot.get();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(Core::Crypto::selfTest());
        const QString failed =
            Test::startConsoleHub(hubDir(), Password, m_clock, m_secrets, m_config, m_sim, m_hub);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        Store::UserRepository users(m_hub->database(), m_clock);
        const std::pair<const char *, Core::Role> staff[] = {
            {"nurse.screens", Core::Role::Nurse},
            {"reception.screens", Core::Role::Receptionist},
            {"audit.screens", Core::Role::Auditor}};
        for (const auto &[name, role] : staff)
            QVERIFY(users.create(QString::fromLatin1(name), role,
                                 Core::Crypto::hashPassword(Password)));
        QTRY_VERIFY_WITH_TIMEOUT(
            hubNumber(QStringLiteral("SELECT count(*) FROM templates WHERE status = 'APPROVED'")) >=
                20,
            Patience);

        // A patient on a post-op pathway sends the day-3 wound photo (the demo's picture).
        QVERIFY(say(WoundPhone, QStringLiteral("Grace Liu"),
                    {{QStringLiteral("text"), QStringLiteral("home after surgery")}}));
        QTRY_VERIFY_WITH_TIMEOUT(
            hubNumber(QStringLiteral("SELECT count(*) FROM conversations")) == 1, Patience);
        const qint64 patient = hubNumber(QStringLiteral("SELECT id FROM patients"));
        auto site = Hub::SiteSettings::load(m_hub->database());
        QVERIFY(site);
        QVERIFY(m_hub->database().transaction());
        QVERIFY(
            Hub::CareRecords(m_hub->database(), m_clock)
                .startPathway(patient, m_clock.now().toTimeZone(site->zone).date().addDays(-3)));
        QVERIFY(m_hub->database().commit());
        QFile photo(QStringLiteral(WARDLINE_SOURCE_DIR "/resources/personas/wound_day3.jpg"));
        QVERIFY(photo.open(QIODevice::ReadOnly));
        QVERIFY(say(
            WoundPhone, QStringLiteral("Grace Liu"),
            {{QStringLiteral("type"), QStringLiteral("image")},
             {QStringLiteral("image"),
              QJsonObject{{QStringLiteral("data"), QString::fromLatin1(photo.readAll().toBase64())},
                          {QStringLiteral("mime_type"), QStringLiteral("image/jpeg")}}}}));
        QTRY_VERIFY_WITH_TIMEOUT(
            hubNumber(QStringLiteral("SELECT count(*) FROM photo_reviews")) == 1, Patience);

        // A patient with an appointment in three days replies CHANGE.
        Core::ImportBatch batch;
        batch.patients = {{QStringLiteral("MRN-611"),
                           QStringLiteral("Marta Ortega"),
                           u'+' + MovingPhone,
                           QStringLiteral("es"),
                           {},
                           false}};
        Core::AppointmentRecord visit;
        visit.sourceId = QStringLiteral("APT-611");
        visit.patientSourceId = QStringLiteral("MRN-611");
        visit.start = m_clock.now().addDays(3);
        visit.end = visit.start.addSecs(30 * 60);
        visit.status = QStringLiteral("booked");
        visit.provider = QStringLiteral("Dra. Santos");
        visit.location = QStringLiteral("Consultas externas, planta 1");
        batch.appointments = {visit};
        QVERIFY(m_hub->database().transaction());
        QVERIFY(Hub::CareRecords(m_hub->database(), m_clock).importBatch(batch));
        QVERIFY(m_hub->database().commit());
        QVERIFY(say(MovingPhone, QStringLiteral("Marta Ortega"),
                    {{QStringLiteral("text"), QStringLiteral("CHANGE")}}));
        QVERIFY(say(RefillPhone, QStringLiteral("Ben Okoro"),
                    {{QStringLiteral("text"), QStringLiteral("I need a refill of my inhaler")}}));
        QTRY_VERIFY_WITH_TIMEOUT(
            hubNumber(QStringLiteral("SELECT count(*) FROM conversations")) == 3, Patience);
    }

    void cleanupTestCase()
    {
        m_consoles.clear();
        QVERIFY(Ui::Language::apply(QStringLiteral("en")));
        m_sim.reset();
        m_hub.reset();
    }

    void eachDeskReadsInBothLanguages_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("desk");
        QTest::newRow("photo-review")
            << QStringLiteral("nurse.screens") << QStringLiteral("photoreviewdesk");
        QTest::newRow("reschedule")
            << QStringLiteral("reception.screens") << QStringLiteral("rescheduledesk");
        QTest::newRow("templates") << QStringLiteral("admin") << QStringLiteral("templatesdesk");
        QTest::newRow("users") << QStringLiteral("admin") << QStringLiteral("usersdesk");
        QTest::newRow("settings") << QStringLiteral("admin") << QStringLiteral("settingsdesk");
        QTest::newRow("audit") << QStringLiteral("audit.screens") << QStringLiteral("auditdesk");
    }

    void eachDeskReadsInBothLanguages()
    {
        QFETCH(QString, user);
        QFETCH(QString, desk);
        Workstation *w = console(user);
        QVERIFY(w);
        Ui::Desk *shown = nullptr;
        for (Ui::Desk *d : w->home->desks()) {
            if (d->objectName() == desk)
                shown = d;
        }
        QVERIFY(shown);
        QVERIFY(w->home->showDesk(shown));
        // Each desk with what a shift puts there: the photo open, the patient chosen, rows.
        if (auto *photos = qobject_cast<Ui::PhotoReviewDesk *>(shown)) {
            auto *queue = photos->findChild<QListWidget *>(QStringLiteral("photoQueue"));
            QTRY_VERIFY_WITH_TIMEOUT(queue && queue->count() == 1, Patience);
            queue->setCurrentRow(0);
            QTRY_VERIFY_WITH_TIMEOUT(photos->current().id > 0, Patience);
        } else if (auto *reschedule = qobject_cast<Ui::RescheduleDesk *>(shown)) {
            QTRY_COMPARE_WITH_TIMEOUT(reschedule->waitingCount(), 1, Patience);
        } else if (qobject_cast<Ui::SettingsDesk *>(shown)) {
            // The form is made from the hub's list of settings.
            QTRY_VERIFY_WITH_TIMEOUT(shown->findChildren<QLineEdit *>().size() > 3, Patience);
        } else {
            // A table the hub's answer fills: templates, accounts, the trail.
            QTRY_VERIFY_WITH_TIMEOUT(filledTables(shown) > 0, Patience);
        }
        QCoreApplication::processEvents();
        const QString dir = qEnvironmentVariable("WARDLINE_SCREENSHOT_DIR");
        const QString name = QString::fromLatin1(QTest::currentDataTag());
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")}) {
            QVERIFY(Ui::Language::apply(language));
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
            QCoreApplication::processEvents();
            const QStringList cut = cutShort(shown);
            QVERIFY2(cut.isEmpty(), qPrintable(language + u": " + cut.join(QStringLiteral(" | "))));
            if (!dir.isEmpty())
                QVERIFY(w->home->grab().save(
                    QDir(dir).filePath(QStringLiteral("desk-%1-%2.png").arg(name, language))));
        }
        QVERIFY(Ui::Language::apply(QStringLiteral("en")));
    }
};

QTEST_MAIN(TestDeskScreens)
#include "tst_deskscreens.moc"
