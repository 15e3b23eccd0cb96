// Meta's webhooks into a real hub: signed POSTs over loopback, committed to the encrypted
// database before the 200, each message once, statuses only forward.
#include "core/clock.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "hub/webhookreceiver.h"
#include "testhub.h"
#include "whatsapp/webhooksignature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

namespace {
const QString PhoneNumberId = QStringLiteral("115550100000001");

QJsonObject envelope(const QJsonObject &value)
{
    QJsonObject v = value;
    v.insert(QStringLiteral("messaging_product"), QStringLiteral("whatsapp"));
    v.insert(QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("display_phone_number"), QStringLiteral("15550100000")},
                         {QStringLiteral("phone_number_id"), PhoneNumberId}});
    const QJsonObject change{{QStringLiteral("field"), QStringLiteral("messages")},
                             {QStringLiteral("value"), v}};
    const QJsonObject entry{{QStringLiteral("id"), QStringLiteral("102290129340398")},
                            {QStringLiteral("changes"), QJsonArray{change}}};
    return {{QStringLiteral("object"), QStringLiteral("whatsapp_business_account")},
            {QStringLiteral("entry"), QJsonArray{entry}}};
}

QJsonObject textMessage(const QString &from, const QString &name, const QString &wamid,
                        const QString &text, qint64 timestamp = 1764000000)
{
    return envelope(
        {{QStringLiteral("contacts"),
          QJsonArray{
              QJsonObject{{QStringLiteral("profile"), QJsonObject{{QStringLiteral("name"), name}}},
                          {QStringLiteral("wa_id"), from}}}},
         {QStringLiteral("messages"),
          QJsonArray{QJsonObject{
              {QStringLiteral("from"), from},
              {QStringLiteral("id"), wamid},
              {QStringLiteral("timestamp"), QString::number(timestamp)},
              {QStringLiteral("type"), QStringLiteral("text")},
              {QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), text}}}}}}});
}

QJsonObject status(const QString &wamid, const QString &name, qint64 timestamp)
{
    return envelope({{QStringLiteral("statuses"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("id"), wamid},
                          {QStringLiteral("status"), name},
                          {QStringLiteral("timestamp"), QString::number(timestamp)},
                          {QStringLiteral("recipient_id"), QStringLiteral("15550100111")}}}}});
}
} // namespace

class TestWebhookReceiver : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::HubSecrets m_secrets;
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    QNetworkAccessManager m_nam;

    QSqlDatabase db() const { return QSqlDatabase::database(QStringLiteral("hub")); }

    qint64 count(const QString &sql) const
    {
        QSqlQuery q(db());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

    QUrl url(const QString &query = {}) const
    {
        QUrl u(QStringLiteral("http://127.0.0.1:%1/webhook").arg(m_hub->webhookPort()));
        if (!query.isEmpty())
            u.setQuery(query);
        return u;
    }

    int post(const QByteArray &body, const QByteArray &signature,
             QNetworkAccessManager *nam = nullptr)
    {
        QNetworkRequest request(url());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!signature.isEmpty())
            request.setRawHeader("X-Hub-Signature-256", signature);
        QNetworkReply *reply = (nam ? nam : &m_nam)->post(request, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(20000))
            return 0;
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    int postSigned(const QJsonObject &payload)
    {
        const QByteArray body = QJsonDocument(payload).toJson(QJsonDocument::Compact);
        return post(body, WhatsApp::WebhookSignature::sign(m_secrets.appSecret, body));
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto init = Hub::HubInit(m_dir.path(), Core::Clock::system())
                        .run(QStringLiteral("admin"), QStringLiteral("Ward-line 7 blue heron"));
        QVERIFY2(init, qPrintable(init.error()));
        QVERIFY(Test::writeHubSecrets(m_dir.path(), m_secrets));
        Test::listenOnLoopback(m_dir.path(), Test::Tls::Off);
        QSettings(m_dir.filePath(QStringLiteral("hub.conf")), QSettings::IniFormat)
            .setValue(QStringLiteral("webhook/max_body"), 1024 * 1024);
        auto config = Hub::HubConfig::load(m_dir.path());
        QVERIFY(config);
        m_config = std::move(config).value();
        m_hub = std::make_unique<Hub::HubServer>(*m_config, Core::Clock::system());
        auto started = m_hub->start();
        QVERIFY2(started, qPrintable(started.error()));
    }

    void cleanupTestCase() { m_hub.reset(); }

    void handshake_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("right token") << QStringLiteral("hub.mode=subscribe&hub.verify_token=test-"
                                                       "verify-token-42&hub.challenge=1158201444")
                                     << 200 << QByteArray("1158201444");
        QTest::newRow("wrong token")
            << QStringLiteral("hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1") << 403
            << QByteArray();
        QTest::newRow("wrong mode")
            << QStringLiteral(
                   "hub.mode=unsubscribe&hub.verify_token=test-verify-token-42&hub.challenge=1")
            << 403 << QByteArray();
    }

    void handshake()
    {
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QNetworkReply *reply = m_nam.get(QNetworkRequest(url(query)));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
        if (!body.isEmpty())
            QCOMPARE(reply->readAll(), body);
        reply->deleteLater();
    }

    void refusedDeliveriesStoreNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<int>("status");
        const QByteArray good =
            QJsonDocument(textMessage(QStringLiteral("15550100111"), QStringLiteral("A"),
                                      QStringLiteral("wamid.refused"), QStringLiteral("x")))
                .toJson(QJsonDocument::Compact);
        const QByteArray secret = Test::HubSecrets().appSecret;
        QTest::newRow("unsigned") << good << QByteArray() << 401;
        QTest::newRow("wrong secret")
            << good << WhatsApp::WebhookSignature::sign("not-the-secret", good) << 401;
        QByteArray altered = good;
        altered.replace("\"x\"", "\"y\"");
        QTest::newRow("body altered")
            << altered << WhatsApp::WebhookSignature::sign(secret, good) << 401;
        QTest::newRow("malformed header") << good << QByteArray("sha1=abc") << 401;
        const QByteArray notJson("{\"object\": \"whatsapp_business_account\", \"entry\": [");
        QTest::newRow("signed but not JSON")
            << notJson << WhatsApp::WebhookSignature::sign(secret, notJson) << 400;
        const QByteArray big(1024 * 1024 + 1, 'a');
        QTest::newRow("oversize") << big << WhatsApp::WebhookSignature::sign(secret, big) << 413;
    }

    void refusedDeliveriesStoreNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, signature);
        QFETCH(int, status);
        const qint64 deliveries = count(QStringLiteral("SELECT count(*) FROM webhook_deliveries"));
        QNetworkAccessManager nam; // a refused request may close its connection
        QCOMPARE(post(body, signature, &nam), status);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_deliveries")), deliveries);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM messages WHERE wamid = 'wamid.refused'")),
            0);
    }

    void aMessageIsRecordedWithItsPatientAndConversation()
    {
        QCOMPARE(postSigned(textMessage(
                     QStringLiteral("15550100111"), QStringLiteral("Test Patient One"),
                     QStringLiteral("wamid.first"), QStringLiteral(u"Hola, necesito mi receta ñ"))),
                 200);
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT m.body, m.type, c.state, c.phone_number_id, p.wa_id, p.profile_name, c.unread "
            "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
            "JOIN patients p ON p.id = c.patient_id WHERE m.wamid = 'wamid.first'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral(u"Hola, necesito mi receta ñ"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("text"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("open"));
        QCOMPARE(q.value(3).toString(), PhoneNumberId);
        QCOMPARE(q.value(4).toString(), QStringLiteral("15550100111"));
        QCOMPARE(q.value(5).toString(), QStringLiteral("Test Patient One"));
        QCOMPARE(q.value(6).toInt(), 1);
        QVERIFY(count(QStringLiteral(
                    "SELECT count(*) FROM events WHERE kind = 'message.received'")) >= 1);
    }

    void redeliveriesInAnyOrderStoreEachMessageOnce()
    {
        QList<QJsonObject> payloads;
        for (int i = 0; i < 20; ++i)
            payloads.append(textMessage(QStringLiteral("1555010%1").arg(200 + i % 4),
                                        QStringLiteral("P"),
                                        QStringLiteral("wamid.redeliver.%1").arg(i),
                                        QStringLiteral("m %1").arg(i), 1764000000 + i));
        QList<QJsonObject> deliveries;
        auto *random = QRandomGenerator::global();
        for (const QJsonObject &p : payloads) {
            for (int n = 1 + int(random->bounded(5)); n > 0; --n)
                deliveries.append(p);
        }
        std::shuffle(deliveries.begin(), deliveries.end(), std::mt19937(random->generate()));
        for (const QJsonObject &d : deliveries)
            QCOMPARE(postSigned(d), 200);
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM messages WHERE wamid LIKE 'wamid.redeliver.%'")),
                 20);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM patients WHERE wa_id LIKE '155501020_'")),
            4);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM events WHERE kind = 'message.received' AND "
                                 "payload LIKE '%\"messageId\"%'")),
            count(QStringLiteral("SELECT count(*) FROM messages WHERE direction = 'in'")));
        // The 24-hour window follows the latest message, whatever order they came in.
        QSqlQuery q(db());
        QVERIFY(q.exec(
            QStringLiteral("SELECT max(last_inbound_at) FROM conversations c JOIN patients p ON "
                           "p.id = c.patient_id WHERE p.wa_id = '1555010203'")));
        QVERIFY(q.next());
        QCOMPARE(
            q.value(0).toString(),
            QDateTime::fromSecsSinceEpoch(1764000000 + 19, Qt::UTC).toString(Qt::ISODateWithMs));
    }

    void statusesNeverMoveBackwards()
    {
        // One of our messages, as the outbox will record it once Meta accepted it.
        QSqlQuery q(db());
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO messages (conversation_id, wamid, direction, type, status, "
                           "sent_at, created_at) SELECT min(id), 'wamid.out.1', 'out', 'text', "
                           "'sent', '2026-11-25T03:00:00.000Z', '2026-11-25T03:00:00.000Z' "
                           "FROM conversations")));
        for (const auto &[name, at] : {std::pair{QStringLiteral("read"), 1764000300},
                                       {QStringLiteral("delivered"), 1764000200},
                                       {QStringLiteral("read"), 1764000300},
                                       {QStringLiteral("sent"), 1764000100}})
            QCOMPARE(postSigned(status(QStringLiteral("wamid.out.1"), name, at)), 200);
        QVERIFY(q.exec(QStringLiteral("SELECT status FROM messages WHERE wamid = 'wamid.out.1'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("read"));
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM message_statuses WHERE wamid = 'wamid.out.1'")),
                 3);
    }

    void oneBadMessageDoesNotLoseTheOthers()
    {
        QJsonObject payload =
            textMessage(QStringLiteral("15550100300"), QStringLiteral("P"),
                        QStringLiteral("wamid.batch.ok1"), QStringLiteral("first"));
        QJsonObject entry = payload[QStringLiteral("entry")].toArray().first().toObject();
        QJsonObject change = entry[QStringLiteral("changes")].toArray().first().toObject();
        QJsonObject value = change[QStringLiteral("value")].toObject();
        QJsonArray messages = value[QStringLiteral("messages")].toArray();
        QJsonObject broken = messages.first().toObject();
        broken[QStringLiteral("id")] = QStringLiteral("wamid.batch.bad");
        broken[QStringLiteral("timestamp")] = 12; // a number: Meta sends a string
        QJsonObject second = messages.first().toObject();
        second[QStringLiteral("id")] = QStringLiteral("wamid.batch.ok2");
        messages.append(broken);
        messages.append(second);
        value[QStringLiteral("messages")] = messages;
        change[QStringLiteral("value")] = value;
        entry[QStringLiteral("changes")] = QJsonArray{change};
        payload[QStringLiteral("entry")] = QJsonArray{entry};
        QCOMPARE(postSigned(payload), 200);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM messages WHERE wamid IN ('wamid.batch.ok1', "
                                 "'wamid.batch.ok2')")),
            2);
        QCOMPARE(count(QStringLiteral(
                     "SELECT problems FROM webhook_deliveries ORDER BY id DESC LIMIT 1")),
                 1);
    }

    void aChangedNumberStaysOnePatient()
    {
        QCOMPARE(postSigned(textMessage(QStringLiteral("15550100400"), QStringLiteral("Mover"),
                                        QStringLiteral("wamid.move.1"), QStringLiteral("before"))),
                 200);
        QJsonObject system = envelope(
            {{QStringLiteral("messages"),
              QJsonArray{QJsonObject{
                  {QStringLiteral("from"), QStringLiteral("15550100400")},
                  {QStringLiteral("id"), QStringLiteral("wamid.move.sys")},
                  {QStringLiteral("timestamp"), QStringLiteral("1764000500")},
                  {QStringLiteral("type"), QStringLiteral("system")},
                  {QStringLiteral("system"),
                   QJsonObject{
                       {QStringLiteral("body"),
                        QStringLiteral("User A changed from 15550100400 to 15550100401")},
                       {QStringLiteral("wa_id"), QStringLiteral("15550100401")},
                       {QStringLiteral("type"), QStringLiteral("user_changed_number")}}}}}}});
        QCOMPARE(postSigned(system), 200);
        QCOMPARE(postSigned(textMessage(QStringLiteral("15550100401"), QStringLiteral("Mover"),
                                        QStringLiteral("wamid.move.2"), QStringLiteral("after"))),
                 200);
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(DISTINCT c.patient_id) FROM messages m JOIN conversations c "
                     "ON c.id = m.conversation_id WHERE m.wamid LIKE 'wamid.move.%'")),
                 1);
    }

    void aBatchOfAThousandUpdatesIsStoredWhole()
    {
        // Meta batches up to 1,000 updates in one POST: here 500 messages and 500 statuses.
        QJsonArray messages;
        QJsonArray contacts;
        QJsonArray statuses;
        for (int i = 0; i < 500; ++i) {
            const QString from = QStringLiteral("1555011%1").arg(i % 50, 4, 10, QLatin1Char('0'));
            contacts.append(
                QJsonObject{{QStringLiteral("profile"),
                             QJsonObject{{QStringLiteral("name"), QStringLiteral("B")}}},
                            {QStringLiteral("wa_id"), from}});
            messages.append(
                QJsonObject{{QStringLiteral("from"), from},
                            {QStringLiteral("id"), QStringLiteral("wamid.big.%1").arg(i)},
                            {QStringLiteral("timestamp"), QString::number(1764000000 + i)},
                            {QStringLiteral("type"), QStringLiteral("text")},
                            {QStringLiteral("text"),
                             QJsonObject{{QStringLiteral("body"), QStringLiteral("m")}}}});
            statuses.append(
                QJsonObject{{QStringLiteral("id"), QStringLiteral("wamid.bigout.%1").arg(i)},
                            {QStringLiteral("status"), QStringLiteral("delivered")},
                            {QStringLiteral("timestamp"), QString::number(1764000000 + i)},
                            {QStringLiteral("recipient_id"), from}});
        }
        QCOMPARE(postSigned(envelope({{QStringLiteral("contacts"), contacts},
                                      {QStringLiteral("messages"), messages},
                                      {QStringLiteral("statuses"), statuses}})),
                 200);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM messages WHERE wamid LIKE 'wamid.big.%'")),
            500);
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM message_statuses WHERE wamid LIKE 'wamid.bigout.%'")),
                 500);
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(DISTINCT p.id) FROM messages m JOIN conversations c ON "
                     "c.id = m.conversation_id JOIN patients p ON p.id = c.patient_id "
                     "WHERE m.wamid LIKE 'wamid.big.%'")),
                 50);
    }

    void deliveriesArrivingTogetherShareOneCommit()
    {
        Hub::WebhookReceiver *receiver = m_hub->webhooks();
        const qint64 commitsBefore = receiver->commits();
        const qint64 deliveriesBefore = receiver->deliveries();
        // Handed over within one turn of the event loop, as concurrent connections are.
        for (int i = 0; i < 25; ++i) {
            const QByteArray body =
                QJsonDocument(textMessage(QStringLiteral("15550100500"), QStringLiteral("G"),
                                          QStringLiteral("wamid.group.%1").arg(i),
                                          QStringLiteral("g")))
                    .toJson(QJsonDocument::Compact);
            Hub::HttpRequest request;
            request.method = "POST";
            request.target = "/webhook";
            request.body = body;
            request.headers.insert("x-hub-signature-256",
                                   WhatsApp::WebhookSignature::sign(m_secrets.appSecret, body));
            receiver->handle(request, Hub::HttpResponder());
        }
        QTRY_COMPARE(receiver->deliveries(), deliveriesBefore + 25);
        QCOMPARE(receiver->commits(), commitsBefore + 1);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM messages WHERE wamid LIKE 'wamid.group.%'")),
            25);
    }
};

QTEST_GUILESS_MAIN(TestWebhookReceiver)
#include "tst_webhookreceiver.moc"
