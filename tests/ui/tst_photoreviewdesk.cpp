// The photo-review desk end to end on loopback: a real hub (in-process, its clock held),
// wardline-sim playing a patient on a post-op pathway who sends wound photos, and two signed-in
// consoles with the real widgets offscreen: a nurse's desk (with its own sync engine and inbox)
// and a physician's home window. Nothing sleeps: every wait is on the widgets or the hub.
#include "console/cachewriter.h"
#include "console/hubclient.h"
#include "console/inboxstore.h"
#include "console/localcache.h"
#include "console/photoreviewclient.h"
#include "console/syncengine.h"
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
#include "ui/homewindow.h"
#include "ui/photoreviewdesk.h"
#include "ui/photoviewer.h"

#include <QBuffer>
#include <QCheckBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSlider>
#include <QSqlQuery>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Wardline;

namespace {
const QString Password = QStringLiteral("Ward-line 7 blue heron");
constexpr int Patience = 30000;
// A fictional patient (555-01xx numbers are reserved for fiction).
const QString PatientPhone = QStringLiteral("15550100501");

// A 64x32 JPEG, left half red, right half blue, with an EXIF orientation of \a orientation
// (6: the camera was turned a quarter clockwise; the photo shows upright as 32x64).
QByteArray woundPhoto(int orientation)
{
    QImage image(64, 32, QImage::Format_RGB32);
    image.fill(Qt::blue);
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 32; ++x)
            image.setPixelColor(x, y, Qt::red);
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 95);
    if (orientation <= 1)
        return jpeg;
    // APP1 "Exif": a big-endian TIFF header and one IFD entry, tag 0x0112 (orientation).
    QByteArray exif("Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\0\0\0\0\0\0\0", 32);
    exif[25] = char(orientation);
    QByteArray segment("\xff\xe1", 2);
    segment.append(char((exif.size() + 2) >> 8)).append(char((exif.size() + 2) & 0xff));
    segment.append(exif);
    return jpeg.left(2) + segment + jpeg.mid(2);
}

// One signed-in workstation: its hub connection, encrypted cache, inbox and sync engine.
struct Workstation
{
    Wardline::Console::HubClient client;
    Wardline::Console::HubSession session;
    QSqlDatabase cache;
    std::unique_ptr<Wardline::Console::InboxStore> inbox;
    std::unique_ptr<Wardline::Console::SyncEngine> sync;
};
} // namespace

class TestPhotoReviewDesk : public QObject
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

    // The nurse: the desk on its own, fed by its console's sync engine.
    Workstation m_nurse;
    std::unique_ptr<Ui::PhotoReviewDesk> m_desk;
    // The physician: the whole home window, as main.cpp wires it.
    Workstation m_physician;
    std::unique_ptr<Ui::HomeWindow> m_home;

    QString hubDir() const { return m_dir.filePath(QStringLiteral("hub")); }
    QString hubText(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery q(m_hub->database());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }
    qint64 hubNumber(const QString &sql, const QVariantList &values = {}) const
    {
        const QString text = hubText(sql, values);
        return text.isEmpty() ? -1 : text.toLongLong();
    }
    [[nodiscard]] bool sendPhoto(const QByteArray &jpeg)
    {
        return m_sim->services()
            ->inbound()
            .inject({{QStringLiteral("from"), PatientPhone},
                     {QStringLiteral("name"), QStringLiteral("Rosa Drill")},
                     {QStringLiteral("type"), QStringLiteral("image")},
                     {QStringLiteral("image"),
                      QJsonObject{{QStringLiteral("data"), QString::fromLatin1(jpeg.toBase64())},
                                  {QStringLiteral("mime_type"), QStringLiteral("image/jpeg")}}}})
            .ok;
    }
    [[nodiscard]] bool signIn(Workstation &console, const QString &user, int number)
    {
        bool answered = false;
        bool ok = false;
        console.client.signIn(QUrl(m_hub->apiUrl()), user, Password,
                              [&](Core::Result<Wardline::Console::HubSession> r,
                                  Wardline::Console::HubClient::Failure) {
                                  answered = true;
                                  if (r) {
                                      console.session = std::move(r).value();
                                      ok = true;
                                  }
                              });
        if (!QTest::qWaitFor([&] { return answered; }, Patience) || !ok)
            return false;
        auto db = Wardline::Console::LocalCache::open(
            QStringLiteral("photoconsole%1").arg(number),
            m_dir.filePath(QStringLiteral("console%1.cache").arg(number)), m_cacheKey);
        if (!db)
            return false;
        console.cache = db.value();
        console.inbox = std::make_unique<Wardline::Console::InboxStore>();
        auto *worker = new Wardline::Console::CacheWriter(console.cache.databaseName(), m_cacheKey);
        console.sync = std::make_unique<Wardline::Console::SyncEngine>(
            *worker, *console.inbox, console.client, console.session, Core::Clock::system());
        worker->setParent(console.sync.get()); // goes after the engine
        console.sync->setRetryIntervals(50, 400);
        return true;
    }
    Ui::PhotoReviewDesk *physicianDesk() const { return m_home->desk<Ui::PhotoReviewDesk>(); }
    static bool queued(const Ui::PhotoReviewDesk *desk, qint64 reviewId)
    {
        const QList<Wardline::Console::PhotoReview> queue = desk->queue();
        return std::any_of(queue.begin(), queue.end(),
                           [reviewId](const auto &p) { return p.id == reviewId; });
    }
    static int listed(const Ui::PhotoReviewDesk *desk)
    {
        return desk->findChild<QListWidget *>(QStringLiteral("photoQueue"))->count();
    }
    QString physicianTab() const
    {
        const auto *tabs = m_home->findChild<QTabBar *>(QStringLiteral("deskTabs"));
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabData(i).value<QObject *>() == physicianDesk())
                return tabs->tabText(i);
        }
        return {};
    }
    qint64 reviewOfDay(int day) const
    {
        return hubNumber(QStringLiteral("SELECT id FROM photo_reviews WHERE pathway_day = ?"),
                         {day});
    }

    qint64 m_conversation = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(Core::Crypto::selfTest());
        const QString failed =
            Test::startConsoleHub(hubDir(), Password, m_clock, m_secrets, m_config, m_sim, m_hub);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        Store::UserRepository users(m_hub->database(), m_clock);
        QVERIFY(users.create(QStringLiteral("nurse.photo"), Core::Role::Nurse,
                             Core::Crypto::hashPassword(Password)));
        QVERIFY(users.create(QStringLiteral("doctor.photo"), Core::Role::Physician,
                             Core::Crypto::hashPassword(Password)));

        // The patient writes in and is put on a post-op pathway (surgery yesterday).
        QVERIFY(m_sim->services()
                    ->inbound()
                    .inject({{QStringLiteral("from"), PatientPhone},
                             {QStringLiteral("name"), QStringLiteral("Rosa Drill")},
                             {QStringLiteral("text"), QStringLiteral("hello, home after surgery")}})
                    .ok);
        QTRY_VERIFY_WITH_TIMEOUT(
            hubNumber(QStringLiteral("SELECT count(*) FROM conversations")) == 1, Patience);
        m_conversation = hubNumber(QStringLiteral("SELECT id FROM conversations"));
        const qint64 patient =
            hubNumber(QStringLiteral("SELECT id FROM patients WHERE wa_id = ?"), {PatientPhone});
        auto site = Hub::SiteSettings::load(m_hub->database());
        QVERIFY(site);
        QVERIFY(m_hub->database().transaction());
        QVERIFY(
            Hub::CareRecords(m_hub->database(), m_clock)
                .startPathway(patient, m_clock.now().toTimeZone(site->zone).date().addDays(-1)));
        QVERIFY(m_hub->database().commit());
        // Day 1: a photo nobody asked for yet (no orientation tag).
        QVERIFY(sendPhoto(woundPhoto(1)));
        QTRY_VERIFY_WITH_TIMEOUT(reviewOfDay(1) > 0, Patience);
        // Two days on, before anyone signs in (a session does not outlive the clock moving).
        m_clock.set(m_clock.now().addDays(2));

        QVERIFY(signIn(m_nurse, QStringLiteral("nurse.photo"), 1));
        m_desk = std::make_unique<Ui::PhotoReviewDesk>();
        connect(m_nurse.sync.get(), &Wardline::Console::SyncEngine::eventsApplied, m_desk.get(),
                &Ui::PhotoReviewDesk::hubEvents);
        m_desk->setHub(&m_nurse.client, m_nurse.session);
        m_desk->resize(1100, 800);
        m_desk->show();
        m_nurse.sync->start();

        QVERIFY(signIn(m_physician, QStringLiteral("doctor.photo"), 2));
        m_home = std::make_unique<Ui::HomeWindow>();
        m_home->showSession(QStringLiteral("doctor.photo"), Core::Role::Physician, m_hub->apiUrl(),
                            QString());
        m_home->setInbox(m_physician.inbox.get(), m_physician.session.user.id);
        connect(m_physician.sync.get(), &Wardline::Console::SyncEngine::eventsApplied, m_home.get(),
                &Ui::HomeWindow::hubEvents);
        m_home->setHub(&m_physician.client, m_physician.session);
        m_home->show();
        m_physician.sync->start();
        QVERIFY(physicianDesk());
    }

    void cleanupTestCase()
    {
        m_desk.reset();
        m_home.reset();
        for (Workstation *c : {&m_nurse, &m_physician}) {
            c->sync.reset();
            c->inbox.reset();
            c->cache = QSqlDatabase();
        }
        m_sim.reset();
        m_hub.reset();
    }

    void aDay3PhotoArrivesOnEveryConsole()
    {
        QTRY_COMPARE_WITH_TIMEOUT(listed(m_desk.get()), 1, Patience);
        QCOMPARE(m_desk->title(), QStringLiteral("Photo review (1)"));
        // The patient sends the day-3 photo, the phone held sideways.
        QVERIFY(sendPhoto(woundPhoto(6)));
        QTRY_VERIFY_WITH_TIMEOUT(reviewOfDay(3) > 0, Patience);
        // Both consoles hear of it from the event stream, without anyone refreshing.
        QTRY_VERIFY_WITH_TIMEOUT(queued(m_desk.get(), reviewOfDay(3)), Patience);
        QTRY_VERIFY_WITH_TIMEOUT(queued(physicianDesk(), reviewOfDay(3)), Patience);
        QTRY_COMPARE_WITH_TIMEOUT(listed(m_desk.get()), 2, Patience);
        QCOMPARE(m_desk->title(), QStringLiteral("Photo review (2)"));
        QTRY_COMPARE_WITH_TIMEOUT(physicianTab(), QStringLiteral("Photo review (2)"), Patience);
        // Same priority: the oldest first.
        QCOMPARE(m_desk->queue().at(0).id, reviewOfDay(1));
        QCOMPARE(m_desk->queue().at(1).pathwayDay, 3);
        QCOMPARE(m_desk->queue().at(1).patientName, QStringLiteral("Rosa Drill"));
    }

    void theReviewPaneShowsThePhotoUprightBesideTheEarlierOne()
    {
        const qint64 day3 = reviewOfDay(3);
        // The nurse picks the day-3 photo in the queue.
        auto *list = m_desk->findChild<QListWidget *>(QStringLiteral("photoQueue"));
        list->setCurrentRow(1);
        QCOMPARE(m_desk->current().id, day3);
        // The file may still be downloading from WhatsApp; it appears when the hub has it.
        Ui::PhotoViewer *viewer = m_desk->viewer();
        QTRY_VERIFY_WITH_TIMEOUT(viewer->hasImage(), Patience);
        // EXIF orientation 6: shown upright, 32 wide and 64 high, red on top.
        QCOMPARE(viewer->original().size(), QSize(32, 64));
        QVERIFY(viewer->original().pixelColor(16, 8).red() > 200);
        QVERIFY(viewer->original().pixelColor(16, 56).blue() > 200);
        QCOMPARE(hubNumber(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = "
                                          "'nurse.photo' AND action = 'media.view'")),
                 1);

        // The timeline: day 1 and day 3, in order.
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->timeline().size(), 2, Patience);
        QCOMPARE(m_desk->timeline().at(0).pathwayDay, 1);
        QCOMPARE(m_desk->timeline().at(1).pathwayDay, 3);
        auto *timeline = m_desk->findChild<QListWidget *>(QStringLiteral("photoTimeline"));
        QVERIFY(timeline->isVisible());
        QCOMPARE(timeline->count(), 2);
        QVERIFY(timeline->item(0)->text().contains(QStringLiteral("day 1")));

        // Side by side with day 1, zoom and rotation in step.
        QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {},
                          timeline->visualItemRect(timeline->item(0)).center());
        QCOMPARE(m_desk->comparedReview(), reviewOfDay(1));
        Ui::PhotoViewer *earlier = m_desk->comparisonViewer();
        QVERIFY(earlier->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(earlier->hasImage(), Patience);
        QCOMPARE(earlier->original().size(), QSize(64, 32));
        // Each side says which day it shows.
        QCOMPARE(viewer->caption(), QStringLiteral("post-op day 3"));
        QCOMPARE(earlier->caption(), QStringLiteral("post-op day 1"));
        m_desk->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_desk.get()));
        QTest::keyClick(m_desk.get(), Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY(!viewer->fitting());
        QCOMPARE(earlier->zoom(), viewer->zoom());
        m_desk->findChild<QToolButton *>(QStringLiteral("rotateRight"))->click();
        QCOMPARE(viewer->rotation(), 90);
        QCOMPARE(earlier->rotation(), 90);
        earlier->zoomIn(); // either side leads
        QCOMPARE(viewer->zoom(), earlier->zoom());

        // Brightness changes what is shown, never the photo.
        const QImage before = viewer->original();
        m_desk->findChild<QSlider *>(QStringLiteral("brightness"))->setValue(60);
        QVERIFY(viewer->displayed().pixelColor(16, 56).green() >
                before.pixelColor(16, 56).green() + 40);
        QCOMPARE(viewer->original(), before);
        QCOMPARE(earlier->brightness(), 60);
        m_desk->findChild<QToolButton *>(QStringLiteral("fitToWindow"))->click();
        m_desk->findChild<QToolButton *>(QStringLiteral("rotateLeft"))->click();
        QCOMPARE(viewer->rotation(), 0);
        QTest::keyClick(m_desk.get(), Qt::Key_BracketLeft, Qt::ControlModifier);
        QCOMPARE(viewer->rotation(), 270);
        QCOMPARE(earlier->rotation(), 270);
    }

    void anUrgentReviewMakesTheConversationP1OnTheOtherConsole()
    {
        const qint64 day3 = reviewOfDay(3);
        const qint64 originalId = m_desk->current().mediaId;
        const auto fileOf = [this](qint64 mediaId) {
            QSqlQuery q(m_hub->database());
            q.prepare(QStringLiteral("SELECT data FROM media WHERE id = ?"));
            q.addBindValue(mediaId);
            return q.exec() && q.next() ? q.value(0).toByteArray() : QByteArray();
        };
        const QByteArray storedData = fileOf(originalId);
        const QImage shown = m_desk->viewer()->original();
        QVERIFY(!storedData.isEmpty());
        Ui::PhotoViewer *viewer = m_desk->viewer();
        // A circle labelled "redness" around the top half.
        m_desk->findChild<QToolButton *>(QStringLiteral("circleTool"))->click();
        QTest::keyClicks(m_desk->findChild<QLineEdit *>(QStringLiteral("markLabel")),
                         QStringLiteral("redness"));
        const QPoint centre = viewer->toWidget(QPointF(16, 16)).toPoint();
        QTest::mousePress(viewer, Qt::LeftButton, {}, centre);
        QTest::mouseMove(viewer, centre + QPoint(30, 0));
        QTest::mouseRelease(viewer, Qt::LeftButton, {}, centre + QPoint(30, 0));
        QCOMPARE(viewer->marks().size(), 1);
        QCOMPARE(viewer->marks().at(0).label, QStringLiteral("redness"));
        QVERIFY(m_desk->findChild<QCheckBox *>(QStringLiteral("attachMarkup"))->isChecked());

        // Alt+3 chooses urgent; the note; Ctrl+Return records it.
        auto *note = m_desk->findChild<QPlainTextEdit *>(QStringLiteral("reviewNote"));
        // Shortcuts answer in the active window.
        m_desk->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_desk.get()));
        note->setFocus();
        QTest::keyClick(note, Qt::Key_3, Qt::AltModifier);
        QVERIFY(m_desk->findChild<QRadioButton *>(QStringLiteral("outcomeUrgent"))->isChecked());
        QTest::keyClicks(note, QStringLiteral("spreading redness at the upper edge"));
        QTest::keyClick(note, Qt::Key_Return, Qt::ControlModifier);

        QTRY_COMPARE_WITH_TIMEOUT(
            hubText(
                QStringLiteral("SELECT state || ':' || outcome FROM photo_reviews WHERE id = ?"),
                {day3}),
            QStringLiteral("reviewed:urgent"), Patience);
        // The nurse's desk says what happened and moves on to the next photo.
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->statusText().contains(QStringLiteral("P1")), Patience);
        QCOMPARE(m_desk->current().id, reviewOfDay(1));
        // The next photo starts as received, whatever the last one was viewed with.
        QCOMPARE(m_desk->viewer()->brightness(), 0);
        QCOMPARE(m_desk->viewer()->rotation(), 0);
        QCOMPARE(m_desk->findChild<QSlider *>(QStringLiteral("brightness"))->value(), 0);
        QVERIFY(!queued(m_desk.get(), day3));
        QCOMPARE(m_desk->title(), QStringLiteral("Photo review (1)"));

        // The physician's console: the conversation is P1 in the inbox, the photo is gone.
        QTRY_COMPARE_WITH_TIMEOUT(m_physician.inbox->find(m_conversation)
                                      .value_or(Wardline::Console::ConversationSummary())
                                      .priority,
                                  QStringLiteral("P1"), Patience);
        QTRY_VERIFY_WITH_TIMEOUT(!queued(physicianDesk(), day3), Patience);
        QTRY_COMPARE_WITH_TIMEOUT(listed(physicianDesk()), 1, Patience);
        QTRY_COMPARE_WITH_TIMEOUT(physicianTab(), QStringLiteral("Photo review (1)"), Patience);

        // The marked-up copy is a new file in an internal note; the original is as received.
        const qint64 markupId = hubNumber(
            QStringLiteral(
                "SELECT md.id FROM media md JOIN messages m ON m.id = md.message_id WHERE "
                "m.direction = 'note' AND m.conversation_id = ?"),
            {m_conversation});
        QVERIFY(markupId > 0 && markupId != originalId);
        const QImage copy = QImage::fromData(fileOf(markupId), "PNG");
        QCOMPARE(copy.size(), QSize(32, 64));
        QVERIFY(copy.convertToFormat(QImage::Format_ARGB32) !=
                shown.convertToFormat(QImage::Format_ARGB32));
        QCOMPARE(fileOf(originalId), storedData);
    }

    void aPhotoReviewedElsewhereLeavesAnOpenPane()
    {
        const qint64 day1 = reviewOfDay(1);
        Ui::PhotoReviewDesk *doctor = physicianDesk();
        QVERIFY(m_home->showDesk(doctor));
        QVERIFY(doctor->selectReview(day1));
        QTRY_VERIFY_WITH_TIMEOUT(doctor->viewer()->hasImage(), Patience);
        // The day-3 photo, reviewed as urgent by the nurse, is in this patient's timeline with
        // her marked-up copy, which the physician can put beside day 1.
        QTRY_COMPARE_WITH_TIMEOUT(doctor->timeline().size(), 2, Patience);
        const Wardline::Console::PhotoReview reviewed = doctor->timeline().at(1);
        QCOMPARE(reviewed.id, reviewOfDay(3));
        QVERIFY(reviewed.reviewed);
        QCOMPARE(reviewed.outcome, Wardline::Console::PhotoReview::Outcome::Urgent);
        QCOMPARE(reviewed.reviewer, QStringLiteral("nurse.photo"));
        QVERIFY(reviewed.markupMediaId > 0);
        doctor->compareWith(reviewed.id);
        QTRY_VERIFY_WITH_TIMEOUT(doctor->comparisonViewer()->hasImage(), Patience);
        auto *showMarkup = doctor->findChild<QCheckBox *>(QStringLiteral("showMarkup"));
        QVERIFY(showMarkup->isVisible());
        showMarkup->click();
        QCOMPARE(doctor->comparisonViewer()->caption(),
                 QStringLiteral("post-op day 3 (marked-up copy)"));
        QTRY_VERIFY_WITH_TIMEOUT(doctor->comparisonViewer()->hasImage(), Patience);
        QCOMPARE(hubNumber(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = "
                                          "'doctor.photo' AND action = 'media.view' AND "
                                          "subject = ?"),
                           {QStringLiteral("media:%1").arg(reviewed.markupMediaId)}),
                 1);
        // The nurse records day 1 as healing as expected, with the button.
        m_desk->findChild<QRadioButton *>(QStringLiteral("outcomeExpected"))->click();
        auto *record = m_desk->findChild<QPushButton *>(QStringLiteral("recordReview"));
        QVERIFY(record->isEnabled());
        record->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->title(), QStringLiteral("Photo review"), Patience);
        QCOMPARE(m_desk->current().id, 0);
        QTRY_COMPARE_WITH_TIMEOUT(doctor->current().id, 0, Patience);
        QVERIFY(doctor->statusText().contains(QStringLiteral("another console")));
        QVERIFY(!doctor->viewer()->hasImage());
        QTRY_COMPARE_WITH_TIMEOUT(physicianTab(), QStringLiteral("Photo review"), Patience);
        QVERIFY(doctor->findChild<QLabel *>(QStringLiteral("photoQueueEmpty"))->isVisible());
        QCOMPARE(hubText(QStringLiteral("SELECT outcome FROM photo_reviews WHERE id = ?"), {day1}),
                 QStringLiteral("expected"));
        QCOMPARE(hubNumber(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                          "'photo.review' AND actor = 'nurse.photo'")),
                 2);
    }

    void signingOutForgetsThePatient()
    {
        // Another photo arrives; the physician opens it, then signs out.
        QVERIFY(sendPhoto(woundPhoto(1)));
        Ui::PhotoReviewDesk *doctor = physicianDesk();
        QTRY_COMPARE_WITH_TIMEOUT(listed(doctor), 1, Patience);
        QVERIFY(doctor->selectReview(doctor->queue().at(0).id));
        QTRY_VERIFY_WITH_TIMEOUT(doctor->viewer()->hasImage(), Patience);
        auto *patient = doctor->findChild<QLabel *>(QStringLiteral("photoPatient"));
        QVERIFY(patient->text().contains(QStringLiteral("Rosa Drill")));
        m_home->setHub(nullptr, {});
        QCOMPARE(listed(doctor), 0);
        QCOMPARE(doctor->current().id, 0);
        QVERIFY(!doctor->viewer()->hasImage());
        QVERIFY(doctor->timeline().isEmpty());
        QVERIFY(!patient->text().contains(QStringLiteral("Rosa Drill")));
        QCOMPARE(doctor->title(), QStringLiteral("Photo review"));
        // The other console is not affected.
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->title(), QStringLiteral("Photo review (1)"), Patience);
    }
};

QTEST_MAIN(TestPhotoReviewDesk)
#include "tst_photoreviewdesk.moc"
