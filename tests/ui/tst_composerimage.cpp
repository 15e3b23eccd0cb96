// Pictures in the conversation end to end on loopback (issues 6 and 7): a nurse attaches a
// PNG, adds a caption and sends it through the real hub to wardline-sim, where the patient
// receives exactly that file; a marked-up copy of a wound photo shows in the conversation as
// an internal image. Real widgets on the offscreen platform; nothing sleeps.
#include "console/cachewriter.h"
#include "console/conversationclient.h"
#include "console/hubclient.h"
#include "console/inboxstore.h"
#include "console/localcache.h"
#include "console/syncengine.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/role.h"
#include "core/secretkey.h"
#include "hub/carerecords.h"
#include "hub/hubconfig.h"
#include "hub/hubserver.h"
#include "hub/sitesettings.h"
#include "sim/inboundinjector.h"
#include "sim/mediastore.h"
#include "sim/messagelog.h"
#include "sim/simserver.h"
#include "sim/simservices.h"
#include "store/userrepository.h"
#include "testsim.h"
#include "ui/composer.h"
#include "ui/conversationview.h"
#include "ui/homewindow.h"
#include "ui/inboxwidget.h"
#include "ui/messagebubble.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Wardline;

namespace {
const QString Password = QStringLiteral("Ward-line 7 blue heron");
constexpr int Patience = 30000;
// Fictional patient (555-01xx numbers are reserved for fiction).
const QString PatientPhone = QStringLiteral("15550100951");

QByteArray encoded(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

// A picture a nurse might send: a dressing diagram.
QImage diagram()
{
    QImage image(320, 200, QImage::Format_RGB32);
    image.fill(QColor(0xf4, 0xf1, 0xea));
    QPainter p(&image);
    p.setPen(QPen(QColor(0x1f, 0x6f, 0xb2), 6));
    p.drawRect(60, 50, 200, 100);
    p.setPen(QPen(QColor(0xc0, 0x30, 0x30), 4));
    p.drawLine(40, 170, 110, 110);
    return image;
}
} // namespace

class TestComposerImage : public QObject
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
    Console::HubSession m_session;
    Core::SecretKey m_cacheKey = Core::SecretKey::generate();
    QSqlDatabase m_cache;
    std::unique_ptr<Console::InboxStore> m_inbox;
    std::unique_ptr<Console::SyncEngine> m_sync;
    std::unique_ptr<Console::ConversationClient> m_conversations;
    std::unique_ptr<Ui::HomeWindow> m_home;
    qint64 m_conversation = 0;

    QString hubDir() const { return m_dir.filePath(QStringLiteral("hub")); }
    qint64 hubNumber(const QString &sql, const QVariantList &values = {}) const
    {
        return Test::hubNumber(m_hub->database(), sql, values);
    }
    Ui::ConversationView *view() const { return m_home->conversationView(); }
    Ui::Composer *composer() const { return view()->composer(); }
    QList<Ui::MessageBubble *> imageBubbles(Console::MessageItem::Direction direction) const
    {
        QList<Ui::MessageBubble *> out;
        const QList<Ui::MessageBubble *> all = view()->bubbles();
        for (Ui::MessageBubble *b : all)
            if (b->message().kind == Console::MessageItem::Kind::Image &&
                b->message().direction == direction)
                out.append(b);
        return out;
    }
    // The thumbnail drawn in a bubble: null until the image arrived.
    static QIcon thumbnailOf(const Ui::MessageBubble *bubble)
    {
        const auto *button = bubble->findChild<QPushButton *>(QStringLiteral("thumbnail"));
        return button ? button->icon() : QIcon();
    }
    QList<Sim::SentMessage> imagesReceived() const
    {
        QList<Sim::SentMessage> out;
        for (const Sim::SentMessage &m : m_sim->services()->log().allSent())
            if (m.waId == PatientPhone && m.type == u"image")
                out.append(m);
        return out;
    }
    // With WARDLINE_SCREENSHOTS set to a folder, the window as the nurse sees it, to look at.
    void screenshot(const QString &name) const
    {
        const QString folder = qEnvironmentVariable("WARDLINE_SCREENSHOTS");
        if (!folder.isEmpty() && QDir().mkpath(folder))
            m_home->grab().save(folder + u'/' + name + QStringLiteral(".png"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(Core::Crypto::selfTest());
        const QString started =
            Test::startConsoleHub(hubDir(), Password, m_clock, m_secrets, m_config, m_sim, m_hub);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QVERIFY(Store::UserRepository(m_hub->database(), m_clock)
                    .create(QStringLiteral("nurse.image"), Core::Role::Nurse,
                            Core::Crypto::hashPassword(Password)));
        // A patient home after surgery writes in and is on a post-op pathway.
        QVERIFY(
            m_sim->services()
                ->inbound()
                .inject({{QStringLiteral("from"), PatientPhone},
                         {QStringLiteral("name"), QStringLiteral("Lena Drill")},
                         {QStringLiteral("text"), QStringLiteral("how should the dressing look?")}})
                .ok);
        QTRY_VERIFY_WITH_TIMEOUT(
            hubNumber(QStringLiteral("SELECT count(*) FROM conversations")) == 1, Patience);
        m_conversation = hubNumber(QStringLiteral("SELECT id FROM conversations"));

        bool answered = false;
        m_client.signIn(QUrl(m_hub->apiUrl()), QStringLiteral("nurse.image"), Password,
                        [&](Core::Result<Console::HubSession> r, Console::HubClient::Failure) {
                            answered = true;
                            if (r)
                                m_session = std::move(r).value();
                        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, Patience);
        QVERIFY(!m_session.token.isEmpty());
        auto db =
            Console::LocalCache::open(QStringLiteral("imageconsole"),
                                      m_dir.filePath(QStringLiteral("nurse.cache")), m_cacheKey);
        QVERIFY(db);
        m_cache = db.value();
        m_inbox = std::make_unique<Console::InboxStore>();
        auto *worker = new Console::CacheWriter(m_cache.databaseName(), m_cacheKey);
        m_sync = std::make_unique<Console::SyncEngine>(*worker, *m_inbox, m_client, m_session,
                                                       Core::Clock::system());
        worker->setParent(m_sync.get()); // goes after the engine, having run what it queued
        m_sync->setRetryIntervals(50, 400);
        m_conversations =
            std::make_unique<Console::ConversationClient>(m_client, m_session, m_cache, m_clock);
        m_conversations->followInbox(m_inbox.get());
        m_conversations->setRetryInterval(100);
        connect(m_sync.get(), &Console::SyncEngine::online, m_conversations.get(),
                &Console::ConversationClient::deliverKept);
        m_home = std::make_unique<Ui::HomeWindow>();
        m_home->setInbox(m_inbox.get(), m_session.user.id);
        m_home->setConversationClient(m_conversations.get());
        view()->setClock(&m_clock);
        m_home->resize(1200, 800);
        m_home->show();
        m_sync->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_inbox->find(m_conversation).has_value(), Patience);
        Q_EMIT m_home->inbox()->conversationActivated(m_conversation);
        QTRY_COMPARE_WITH_TIMEOUT(view()->conversationId(), m_conversation, Patience);
        QTRY_VERIFY_WITH_TIMEOUT(composer()->windowOpen(), Patience);
    }

    void cleanupTestCase()
    {
        m_home.reset();
        m_conversations.reset();
        m_sync.reset();
        m_inbox.reset();
        m_cache = QSqlDatabase();
        m_sim.reset();
        m_hub.reset();
    }

    void aFileWhatsAppWouldRefuseIsRefusedAtOnce()
    {
        const QString gif = m_dir.filePath(QStringLiteral("notes.gif"));
        {
            QFile f(gif);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(encoded(diagram(), "BMP")); // neither JPEG nor PNG
        }
        QVERIFY(!composer()->attachImage(gif));
        QVERIFY(!composer()->hasAttachment());
        QVERIFY(composer()->attachmentError().contains(QStringLiteral("JPEG and PNG")));
        auto *send = composer()->findChild<QPushButton *>(QStringLiteral("sendButton"));
        QVERIFY(send && !send->isEnabled());
    }

    void aNursesPictureReachesThePatientWithItsCaption()
    {
        const QByteArray png = encoded(diagram(), "PNG");
        const QString path = m_dir.filePath(QStringLiteral("dressing.png"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(png), png.size());
        }
        // The "Attach image" button is there, and the file dialog's choice lands in the strip.
        auto *attach = composer()->findChild<QWidget *>(QStringLiteral("attachImageButton"));
        QVERIFY(attach && attach->isVisible() && attach->isEnabled());
        QVERIFY(composer()->attachImage(path));
        auto *strip = composer()->findChild<QWidget *>(QStringLiteral("imageAttachment"));
        QVERIFY(strip && strip->isVisible());
        auto *info = strip->findChild<QLabel *>(QStringLiteral("attachmentInfo"));
        QVERIFY(info->text().contains(QStringLiteral("dressing.png")));
        QVERIFY(
            !strip->findChild<QLabel *>(QStringLiteral("attachmentThumbnail"))->pixmap().isNull());
        auto *caption = strip->findChild<QLineEdit *>(QStringLiteral("captionEdit"));
        const QString words = QStringLiteral("This is how the dressing should look");
        caption->setFocus();
        QTest::keyClicks(caption, words);
        screenshot(QStringLiteral("composer-attached"));
        auto *send = composer()->findChild<QPushButton *>(QStringLiteral("sendButton"));
        QVERIFY(send->isEnabled());
        // Laid out after the strip appeared, so the click lands on the button.
        QTRY_VERIFY(send->isVisible() && send->width() >= send->minimumSizeHint().width());
        QTest::mouseClick(send, Qt::LeftButton);
        QVERIFY2(!composer()->hasAttachment(), qPrintable(QStringLiteral("Send at %1,%2 size %3x%4")
                                                              .arg(send->x())
                                                              .arg(send->y())
                                                              .arg(send->width())
                                                              .arg(send->height())));
        QVERIFY(!strip->isVisible());

        // The patient got exactly this file, with the caption.
        QTRY_COMPARE_WITH_TIMEOUT(imagesReceived().size(), 1, Patience);
        const Sim::SentMessage got = imagesReceived().constFirst();
        QCOMPARE(got.text, words);
        const Sim::MediaItem *file = m_sim->services()->media().find(got.mediaId);
        QVERIFY(file);
        QCOMPARE(
            file->sha256Hex,
            QString::fromLatin1(QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex()));

        // The nurse's bubble: the thumbnail, the caption, and ticks up to read.
        QTRY_VERIFY_WITH_TIMEOUT(
            !imageBubbles(Console::MessageItem::Direction::Out).isEmpty() &&
                imageBubbles(Console::MessageItem::Direction::Out).constLast()->message().mediaId,
            Patience);
        QTRY_VERIFY_WITH_TIMEOUT(
            !thumbnailOf(imageBubbles(Console::MessageItem::Direction::Out).constLast()).isNull(),
            Patience);
        QCOMPARE(imageBubbles(Console::MessageItem::Direction::Out).constLast()->message().text,
                 words);
        QTRY_COMPARE_WITH_TIMEOUT(
            imageBubbles(Console::MessageItem::Direction::Out).constLast()->statusName(),
            QStringLiteral("read"), Patience);
        screenshot(QStringLiteral("conversation-image-sent"));
    }

    void aMarkedUpWoundPhotoShowsAsAnInternalImage()
    {
        // The patient's day-1 photo waits for review on the pathway.
        const qint64 patient =
            hubNumber(QStringLiteral("SELECT id FROM patients WHERE wa_id = ?"), {PatientPhone});
        auto site = Hub::SiteSettings::load(m_hub->database());
        QVERIFY(site);
        QVERIFY(m_hub->database().transaction());
        QVERIFY(
            Hub::CareRecords(m_hub->database(), m_clock)
                .startPathway(patient, m_clock.now().toTimeZone(site->zone).date().addDays(-1)));
        QVERIFY(m_hub->database().commit());
        QImage wound(200, 150, QImage::Format_RGB32);
        wound.fill(QColor(0xd8, 0xa0, 0x90));
        QVERIFY(m_sim->services()
                    ->inbound()
                    .inject({{QStringLiteral("from"), PatientPhone},
                             {QStringLiteral("name"), QStringLiteral("Lena Drill")},
                             {QStringLiteral("type"), QStringLiteral("image")},
                             {QStringLiteral("image"),
                              QJsonObject{
                                  {QStringLiteral("data"),
                                   QString::fromLatin1(encoded(wound, "JPEG").toBase64())},
                                  {QStringLiteral("mime_type"), QStringLiteral("image/jpeg")}}}})
                    .ok);
        QTRY_VERIFY_WITH_TIMEOUT(
            hubNumber(QStringLiteral("SELECT count(*) FROM photo_reviews")) == 1, Patience);
        const qint64 review = hubNumber(QStringLiteral("SELECT id FROM photo_reviews"));
        QTRY_VERIFY_WITH_TIMEOUT(!imageBubbles(Console::MessageItem::Direction::In).isEmpty(),
                                 Patience);

        // A nurse circles the wound on a copy and reviews the photo.
        QImage markup = wound;
        {
            QPainter p(&markup);
            p.setPen(QPen(Qt::yellow, 5));
            p.drawEllipse(60, 40, 80, 60);
        }
        bool reviewed = false;
        m_client.send(
            m_session, "POST", QStringLiteral("/api/v1/photo-reviews/%1").arg(review),
            {{QStringLiteral("outcome"), QStringLiteral("expected")},
             {QStringLiteral("note"), QStringLiteral("edges healing")},
             {QStringLiteral("markupPng"), QString::fromLatin1(encoded(markup, "PNG").toBase64())}},
            this, [&](const Console::HubReply &reply) { reviewed = reply.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(reviewed, Patience);

        // The copy is in the conversation as an image, in the note's style and marked internal.
        QTRY_VERIFY_WITH_TIMEOUT(!imageBubbles(Console::MessageItem::Direction::Note).isEmpty(),
                                 Patience);
        Ui::MessageBubble *note = imageBubbles(Console::MessageItem::Direction::Note).constLast();
        QCOMPARE(note->property("side").toString(), QStringLiteral("note"));
        auto *label = note->findChild<QLabel *>(QStringLiteral("noteLabel"));
        QVERIFY(label && label->text().contains(QStringLiteral("not sent")));
        QVERIFY(note->message().text.contains(QStringLiteral("edges healing")));
        QTRY_VERIFY_WITH_TIMEOUT(
            !thumbnailOf(imageBubbles(Console::MessageItem::Direction::Note).constLast()).isNull(),
            Patience);
        // Nothing of it went to the patient.
        QCOMPARE(imagesReceived().size(), 1);
        screenshot(QStringLiteral("conversation-markup-note"));
        // And in Spanish.
        QTranslator spanish;
        if (spanish.load(QStringLiteral(":/i18n/wardline_es.qm"))) {
            QCoreApplication::installTranslator(&spanish);
            QTranslator pending;
            const QString extra = qEnvironmentVariable("WARDLINE_PENDING_QM");
            if (!extra.isEmpty() && pending.load(extra))
                QCoreApplication::installTranslator(&pending);
            QVERIFY(composer()->attachImage(m_dir.filePath(QStringLiteral("dressing.png"))));
            // The language change reaches every widget before the picture is taken.
            QCoreApplication::sendPostedEvents();
            QCoreApplication::processEvents();
            screenshot(QStringLiteral("conversation-es"));
            QCoreApplication::removeTranslator(&pending);
            QCoreApplication::removeTranslator(&spanish);
        }
    }

    void aPictureSentWhileTheHubIsDownIsKeptThenDeliveredOnce()
    {
        const int before = int(imagesReceived().size());
        QImage picture(160, 120, QImage::Format_RGB32);
        picture.fill(QColor(0x2e, 0x8b, 0x57));
        const QByteArray jpeg = encoded(picture, "JPEG");
        const QString path = m_dir.filePath(QStringLiteral("exercise.jpg"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(jpeg);
        }
        m_hub.reset(); // the hub goes away; the console keeps the conversation on screen
        QSignalSpy kept(m_conversations.get(), &Console::ConversationClient::keptOffline);
        QVERIFY(composer()->attachImage(path));
        auto *caption = composer()->findChild<QLineEdit *>(QStringLiteral("captionEdit"));
        caption->setText(QStringLiteral("Three times a day"));
        QTest::mouseClick(composer()->findChild<QPushButton *>(QStringLiteral("sendButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!kept.isEmpty(), Patience);
        QCOMPARE(m_conversations->keptCount(), 1);
        // Shown at once as kept on this computer, with its picture.
        QTRY_VERIFY_WITH_TIMEOUT(
            !imageBubbles(Console::MessageItem::Direction::Out).isEmpty() &&
                imageBubbles(Console::MessageItem::Direction::Out).constLast()->message().text ==
                    QStringLiteral("Three times a day"),
            Patience);
        const Ui::MessageBubble *waiting =
            imageBubbles(Console::MessageItem::Direction::Out).constLast();
        QCOMPARE(waiting->message().pendingState, QStringLiteral("offline"));
        QVERIFY(!thumbnailOf(waiting).isNull());
        screenshot(QStringLiteral("conversation-image-kept"));

        // A new hub on the same data directory: the picture goes, once, with the same key.
        m_hub = std::make_unique<Hub::HubServer>(*m_config, m_clock);
        const auto started = m_hub->start();
        QVERIFY2(started, qPrintable(started.error()));
        QTRY_COMPARE_WITH_TIMEOUT(m_conversations->keptCount(), 0, Patience);
        QTRY_COMPARE_WITH_TIMEOUT(int(imagesReceived().size()), before + 1, Patience);
        const Sim::MediaItem *file =
            m_sim->services()->media().find(imagesReceived().constLast().mediaId);
        QVERIFY(file);
        QCOMPARE(file->sha256Hex,
                 QString::fromLatin1(
                     QCryptographicHash::hash(jpeg, QCryptographicHash::Sha256).toHex()));
        m_conversations->deliverKept();
        QCOMPARE(hubNumber(QStringLiteral("SELECT count(*) FROM outbox WHERE payload LIKE ?"),
                           {QStringLiteral("%Three times a day%")}),
                 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            imageBubbles(Console::MessageItem::Direction::Out).constLast()->message().mediaId > 0,
            Patience);
    }
};

QTEST_MAIN(TestComposerImage)
#include "tst_composerimage.moc"
