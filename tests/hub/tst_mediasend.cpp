// Staff send a picture (issue 6): POST /api/v1/conversations/ID/media keeps the file and
// queues the send in one transaction; the outbox uploads it to wardline-sim, then sends it,
// once, even when the send fails after the upload went through.
#include "core/clock.h"
#include "core/crypto.h"
#include "core/role.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "sim/faultinjector.h"
#include "sim/inboundinjector.h"
#include "sim/mediastore.h"
#include "sim/messagelog.h"
#include "sim/simserver.h"
#include "sim/simservices.h"
#include "store/userrepository.h"
#include "testsim.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Wardline;

namespace {
// A real 4×4 PNG, so nothing here depends on an image library.
const QByteArray Png = QByteArray::fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4IScHRwzEcQCxYxBBO0tjggAAAABJRU5Er"
    "kJggg==");
const QString Patient = QStringLiteral("15550100931");
} // namespace

class TestMediaSend : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::HubSecrets m_secrets;
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    std::unique_ptr<Sim::SimServer> m_sim;
    QNetworkAccessManager m_nam;
    QString m_token;
    qint64 m_conversation = 0;

    QSqlDatabase db() const { return m_hub->database(); }
    QString scalar(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery q(db());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }
    // One staff API call with raw bytes; the status and the answer (JSON or bytes).
    std::pair<int, QByteArray> raw(const QByteArray &verb, const QString &path,
                                   const QByteArray &body = {}, const QByteArray &type = {},
                                   const QString &caption = {})
    {
        QNetworkRequest request(QUrl(m_hub->apiUrl() + path));
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          type.isEmpty() ? QByteArrayLiteral("application/json") : type);
        if (!caption.isEmpty())
            request.setRawHeader("X-Wardline-Caption", QUrl::toPercentEncoding(caption));
        QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(20000))
            return {0, {}};
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                reply->readAll()};
    }
    std::pair<int, QJsonObject> sendImage(const QString &key, const QByteArray &bytes,
                                          const QByteArray &type, const QString &caption = {})
    {
        auto [status, body] = raw("POST",
                                  QStringLiteral("/api/v1/conversations/%1/media?idempotencyKey=%2")
                                      .arg(m_conversation)
                                      .arg(key),
                                  bytes, type, caption);
        return {status, QJsonDocument::fromJson(body).object()};
    }
    static QString code(const QJsonObject &answer)
    {
        return answer.value(u"error").toObject().value(u"code").toString();
    }
    QList<Sim::SentMessage> imagesTo(const QString &waId) const
    {
        QList<Sim::SentMessage> out;
        for (const Sim::SentMessage &m : m_sim->services()->log().allSent())
            if (m.waId == waId && m.type == u"image")
                out.append(m);
        return out;
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
        m_sim = Test::startSimulatorFor(m_dir.path(), m_secrets, Test::consoleDrill, &error);
        QVERIFY2(m_sim, qPrintable(error));
        {
            QSettings conf(m_dir.path() + QStringLiteral("/hub.conf"), QSettings::IniFormat);
            conf.setValue(QStringLiteral("whatsapp/pair_interval_ms"), 0);
            conf.setValue(QStringLiteral("whatsapp/retry_base_ms"), 20); // retries come quickly
        }
        auto config = Hub::HubConfig::load(m_dir.path());
        QVERIFY2(config, qPrintable(config.error()));
        m_config = std::move(config).value();
        // The wall clock: the retry of a failed send is due a few milliseconds later.
        m_hub = std::make_unique<Hub::HubServer>(*m_config, Core::Clock::system());
        auto started = m_hub->start();
        QVERIFY2(started, qPrintable(started.error()));

        const QString password = QStringLiteral("Ward-line 7 blue heron");
        QVERIFY(Store::UserRepository(db(), Core::Clock::system())
                    .create(QStringLiteral("media-nurse"), Core::Role::Nurse,
                            Core::Crypto::hashPassword(password)));
        m_token.clear();
        const auto [status, session] = raw(
            "POST", QStringLiteral("/api/v1/session"),
            QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("media-nurse")},
                                      {QStringLiteral("password"), password}})
                .toJson());
        QCOMPARE(status, 200);
        m_token = QJsonDocument::fromJson(session).object().value(u"token").toString();
        QVERIFY(!m_token.isEmpty());

        // The patient writes first: the 24-hour window is open.
        const Sim::InboundResult said = m_sim->services()->inbound().inject(
            {{QStringLiteral("from"), Patient},
             {QStringLiteral("name"), QStringLiteral("Drill Patient")},
             {QStringLiteral("text"), QStringLiteral("Here is my question about the dressing")}});
        QVERIFY2(said.ok, qPrintable(said.error));
        QTRY_VERIFY_WITH_TIMEOUT(
            !scalar(QStringLiteral("SELECT c.id FROM conversations c JOIN patients p ON p.id = "
                                   "c.patient_id WHERE p.wa_id = ?"),
                    {Patient})
                 .isEmpty(),
            20000);
        m_conversation = scalar(QStringLiteral("SELECT c.id FROM conversations c JOIN patients p "
                                               "ON p.id = c.patient_id WHERE p.wa_id = ?"),
                                {Patient})
                             .toLongLong();
        // The hub's own answer to the patient has gone, so the fault below hits the picture.
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state <> 'sent'")),
            QStringLiteral("0"), 20000);
    }

    void cleanupTestCase()
    {
        m_sim.reset();
        m_hub.reset();
    }

    void aSendThatFailsAfterTheUploadIsRetriedOnceWithoutUploadingAgain()
    {
        const int uploadsBefore = m_sim->services()->media().uploadedCount();
        // Meta answers the first send with a 503: the upload went through, the send did not.
        m_sim->services()->faults().failNextSends(1);
        const QString caption = QStringLiteral("Así debe verse la venda: cámbiela cada 2 días");
        const auto [status, answer] =
            sendImage(QStringLiteral("media-test-key-0001"), Png, "image/png", caption);
        QCOMPARE(status, 202);
        QCOMPARE(answer.value(u"duplicate").toBool(), false);
        QTRY_COMPARE_WITH_TIMEOUT(imagesTo(Patient).size(), 1, 20000);
        const Sim::SentMessage got = imagesTo(Patient).constFirst();
        QCOMPARE(got.text, caption);
        const Sim::MediaItem *file = m_sim->services()->media().find(got.mediaId);
        QVERIFY(file);
        QCOMPARE(
            file->sha256Hex,
            QString::fromLatin1(QCryptographicHash::hash(Png, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(file->mimeType, QStringLiteral("image/png"));
        // Two sends, one upload: the retry named the file Meta already had.
        QCOMPARE(scalar(QStringLiteral("SELECT attempts FROM outbox WHERE idempotency_key = ?"),
                        {QStringLiteral("media-test-key-0001")}),
                 QStringLiteral("2"));
        QCOMPARE(m_sim->services()->media().uploadedCount(), uploadsBefore + 1);
        // Settled for good once Meta's answer is in: nothing will send it again.
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT state FROM outbox WHERE idempotency_key = ?"),
                   {QStringLiteral("media-test-key-0001")}),
            QStringLiteral("sent"), 20000);

        // Staff see it in the conversation as an image with its caption and its file.
        const auto [openStatus, opened] =
            raw("GET", QStringLiteral("/api/v1/conversations/%1").arg(m_conversation));
        QCOMPARE(openStatus, 200);
        QJsonObject image;
        const QJsonArray messages =
            QJsonDocument::fromJson(opened).object().value(u"messages").toArray();
        for (const QJsonValue &v : messages)
            if (v.toObject().value(u"type").toString() == u"image")
                image = v.toObject();
        QCOMPARE(image.value(u"direction").toString(), QStringLiteral("out"));
        QCOMPARE(image.value(u"body").toString(), caption);
        QVERIFY(image.value(u"mediaId").toInteger() > 0);
        const auto [fileStatus, bytes] =
            raw("GET", QStringLiteral("/api/v1/media/%1").arg(image.value(u"mediaId").toInteger()));
        QCOMPARE(fileStatus, 200);
        QCOMPARE(bytes, Png);
    }

    void theSameKeyTwiceIsOnePicture()
    {
        const int before = int(imagesTo(Patient).size());
        const auto first = sendImage(QStringLiteral("media-test-key-0002"), Png, "image/png");
        QCOMPARE(first.first, 202);
        const auto again = sendImage(QStringLiteral("media-test-key-0002"), Png, "image/png");
        QCOMPARE(again.first, 202);
        QCOMPARE(again.second.value(u"duplicate").toBool(), true);
        QCOMPARE(again.second.value(u"outboxId"), first.second.value(u"outboxId"));
        QTRY_COMPARE_WITH_TIMEOUT(imagesTo(Patient).size(), before + 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE idempotency_key = ? AND "
                                  "state = 'sent'"),
                   {QStringLiteral("media-test-key-0002")}),
            QStringLiteral("1"), 20000);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM media WHERE message_id IS NULL")),
                 QStringLiteral("0"));
    }

    void whatWhatsAppDoesNotTakeIsRefusedPlainly_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("gif") << QByteArray("GIF89a\x01\x00\x01\x00", 10) << QByteArray("image/gif")
                             << 400 << QStringLiteral("unsupported_type");
        QTest::newRow("png called jpeg")
            << Png << QByteArray("image/jpeg") << 400 << QStringLiteral("unsupported_type");
        QTest::newRow("empty") << QByteArray() << QByteArray("image/png") << 400
                               << QStringLiteral("unsupported_type");
        QTest::newRow("over 5 MB") << (Png + QByteArray(5 * 1024 * 1024, 'x'))
                                   << QByteArray("image/png") << 413 << QStringLiteral("too_large");
    }

    void whatWhatsAppDoesNotTakeIsRefusedPlainly()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, type);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QString before = scalar(QStringLiteral("SELECT count(*) FROM outbox"));
        const auto [got, answer] = sendImage(QStringLiteral("media-test-key-bad-%1")
                                                 .arg(QString::fromLatin1(QTest::currentDataTag()))
                                                 .replace(u' ', u'-'),
                                             bytes, type);
        QCOMPARE(got, status);
        QCOMPARE(TestMediaSend::code(answer), code);
        QVERIFY(!answer.value(u"error").toObject().value(u"message").toString().isEmpty());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")), before);
    }

    void aTemplateExampleIsAPictureOfItsOwnNeverAnotherFile()
    {
        // An administrator's session.
        const QString password = QStringLiteral("Ward-line 7 blue heron");
        QVERIFY(Store::UserRepository(db(), Core::Clock::system())
                    .create(QStringLiteral("media-admin"), Core::Role::Administrator,
                            Core::Crypto::hashPassword(password)));
        const QString nurseToken = m_token;
        m_token.clear();
        const auto [status, session] = raw(
            "POST", QStringLiteral("/api/v1/session"),
            QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("media-admin")},
                                      {QStringLiteral("password"), password}})
                .toJson());
        m_token = QJsonDocument::fromJson(session).object().value(u"token").toString();
        if (status != 200)
            m_token = nurseToken;
        QCOMPARE(status, 200);
        auto submit = [this](const QString &name, const QString &handle,
                             const QJsonObject &headerImage) {
            QJsonObject body{
                {QStringLiteral("name"), name},
                {QStringLiteral("language"), QStringLiteral("en")},
                {QStringLiteral("category"), QStringLiteral("UTILITY")},
                {QStringLiteral("parameterFormat"), QStringLiteral("POSITIONAL")},
                {QStringLiteral("components"),
                 QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("HEADER")},
                                        {QStringLiteral("format"), QStringLiteral("IMAGE")},
                                        {QStringLiteral("example"),
                                         QJsonObject{{QStringLiteral("header_handle"),
                                                      QJsonArray{handle}}}}},
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("BODY")},
                                        {QStringLiteral("text"),
                                         QStringLiteral("The clinic has moved.")}}}}};
            if (!headerImage.isEmpty())
                body.insert(QStringLiteral("headerImage"), headerImage);
            const auto [code, answer] =
                raw("POST", QStringLiteral("/api/v1/templates"), QJsonDocument(body).toJson());
            return std::pair<int, QJsonObject>{code, QJsonDocument::fromJson(answer).object()};
        };
        // A picture the nurse sent is not an example anyone may name.
        const qint64 sentPicture = scalar(QStringLiteral("SELECT max(id) FROM media WHERE "
                                                         "message_id IS NOT NULL"))
                                       .toLongLong();
        QVERIFY(sentPicture > 0);
        const auto named = submit(QStringLiteral("clinic_moved_a"),
                                  QStringLiteral("wardline-media:%1").arg(sentPicture), {});
        QCOMPARE(named.first, 400);
        QCOMPARE(code(named.second), QStringLiteral("bad_example"));
        // Not a picture: refused plainly.
        const auto notPicture = submit(
            QStringLiteral("clinic_moved_b"), QStringLiteral("wardline-media:new"),
            {{QStringLiteral("data"), QString::fromLatin1(QByteArray("GIF89a").toBase64())}});
        QCOMPARE(notPicture.first, 400);
        QCOMPARE(code(notPicture.second), QStringLiteral("bad_example"));
        // Its own picture: kept by the hub, uploaded for Meta's handle, and in review.
        const auto own =
            submit(QStringLiteral("clinic_moved_c"), QStringLiteral("wardline-media:new"),
                   {{QStringLiteral("data"), QString::fromLatin1(Png.toBase64())}});
        m_token = nurseToken;
        QCOMPARE(own.first, 202);
        // The simulator of this test reviews at once; it takes only a handle it issued.
        QTRY_COMPARE_WITH_TIMEOUT(scalar(QStringLiteral("SELECT status FROM templates WHERE name "
                                                        "= 'clinic_moved_c'")),
                                  QStringLiteral("APPROVED"), 20000);
    }

    void outsideTheWindowOnlyATemplateGoes()
    {
        const QString last = scalar(QStringLiteral("SELECT last_inbound_at FROM conversations "
                                                   "WHERE id = ?"),
                                    {m_conversation});
        QSqlQuery q(db());
        q.prepare(QStringLiteral("UPDATE conversations SET last_inbound_at = ? WHERE id = ?"));
        q.addBindValue(QDateTime::currentDateTimeUtc().addDays(-2));
        q.addBindValue(m_conversation);
        QVERIFY(q.exec());
        const QString before = scalar(QStringLiteral("SELECT count(*) FROM media"));
        const auto [status, answer] =
            sendImage(QStringLiteral("media-test-key-0003"), Png, "image/png");
        QCOMPARE(status, 409);
        QCOMPARE(code(answer), QStringLiteral("needs_template"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM media")), before);
        q.prepare(QStringLiteral("UPDATE conversations SET last_inbound_at = ? WHERE id = ?"));
        q.addBindValue(last);
        q.addBindValue(m_conversation);
        QVERIFY(q.exec());
    }
};

QTEST_GUILESS_MAIN(TestMediaSend)
#include "tst_mediasend.moc"
