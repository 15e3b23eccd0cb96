#include "sim/simservices.h"
#include "simtestkit.h"
#include "whatsapp/webhooksignature.h"

#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace SimTest;
using Wardline::WhatsApp::WebhookSignature;

namespace {
const QString Patient = QStringLiteral("+1 202 555 0140");
const QString PatientId = QStringLiteral("12025550140");

QString wamidOf(const Response &r)
{
    return r.body.value(u"messages").toArray().at(0).toObject().value(u"id").toString();
}

QJsonObject statusOf(const Delivery &d)
{
    return d.values().constFirst().value(u"statuses").toArray().at(0).toObject();
}
} // namespace

/// Webhooks out: signed over the exact bytes, escaped like Meta's, statuses with delays and
/// pricing, failed statuses, retries, batching and the injected delivery faults.
class TestSimWebhooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void signedAndEscaped();
    void statusProgression_data();
    void statusProgression();
    void replyReadsDelivered();
    void failedWhenUndeliverable();
    void failedWhenMediaUnknown();
    void retriesUntilReceiverRecovers();
    void retriesWhileConnectionRefused();
    void batchesWhileBlocked();
    void batchWindow();
    void faultDrop();
    void faultDuplicate();
    void faultReorder();

private:
    SimFixture m_sim;
};

void TestSimWebhooks::initTestCase()
{
    QVERIFY(m_sim.receiver().listen());
    Wardline::Sim::SimConfig config = SimFixture::config(m_sim.receiver().url());
    config.behaviour.pairBurst = 1000;
    QVERIFY(m_sim.start(config));
}

void TestSimWebhooks::init()
{
    QVERIFY(m_sim
                .control(QByteArrayLiteral("POST"), QStringLiteral("faults"),
                         {{QStringLiteral("api_5xx"), 0.0},
                          {QStringLiteral("webhook_drop"), 0.0},
                          {QStringLiteral("webhook_duplicate"), 0.0},
                          {QStringLiteral("webhook_reorder"), 0.0}})
                .status == 200);
    QVERIFY(m_sim.settle());
    m_sim.receiver().clear();
}

void TestSimWebhooks::signedAndEscaped()
{
    const QString wamid = m_sim.say(Patient, QStringLiteral("Me duele el pecho 😀 / ayuda"),
                                    QStringLiteral("José Núñez"));
    QVERIFY(!wamid.isEmpty());
    QTRY_COMPARE(m_sim.receiver().deliveries().size(), 1);
    const Delivery &d = m_sim.receiver().deliveries().constFirst();

    // X-Hub-Signature-256 verifies over the bytes exactly as received.
    QCOMPARE(WebhookSignature::verify(SimFixture::Secret, d.body, d.signature256),
             WebhookSignature::Verification::Valid);
    QCOMPARE(WebhookSignature::verify(QByteArrayLiteral("other"), d.body, d.signature256),
             WebhookSignature::Verification::Mismatch);
    QCOMPARE(d.signature1, QByteArrayLiteral("sha1=") +
                               QMessageAuthenticationCode::hash(d.body, SimFixture::Secret,
                                                                QCryptographicHash::Sha1)
                                   .toHex());
    QCOMPARE(d.contentType, QByteArrayLiteral("application/json"));

    // Escaped as Meta escapes: \u00f1, a surrogate pair for the emoji, "\/"; ASCII only.
    QVERIFY(d.body.contains("Jos\\u00e9 N\\u00fa\\u00f1ez"));
    QVERIFY(d.body.contains("el pecho \\ud83d\\ude00 \\/ ayuda"));
    for (const char c : d.body)
        QVERIFY(static_cast<unsigned char>(c) < 0x80);

    // Meta's shape.
    const QJsonObject root = d.json();
    QCOMPARE(root.value(u"object").toString(), QStringLiteral("whatsapp_business_account"));
    const QJsonObject entry = root.value(u"entry").toArray().at(0).toObject();
    QCOMPARE(entry.value(u"id").toString(), SimFixture::WabaId);
    const QJsonObject change = entry.value(u"changes").toArray().at(0).toObject();
    QCOMPARE(change.value(u"field").toString(), QStringLiteral("messages"));
    const QJsonObject value = change.value(u"value").toObject();
    QCOMPARE(value.value(u"messaging_product").toString(), QStringLiteral("whatsapp"));
    QCOMPARE(value.value(u"metadata").toObject().value(u"phone_number_id").toString(),
             SimFixture::PhoneNumberId);
    QCOMPARE(value.value(u"metadata").toObject().value(u"display_phone_number").toString(),
             QStringLiteral("12025550142"));
    const QJsonObject contact = value.value(u"contacts").toArray().at(0).toObject();
    QCOMPARE(contact.value(u"profile").toObject().value(u"name").toString(),
             QStringLiteral("José Núñez"));
    QCOMPARE(contact.value(u"wa_id").toString(), PatientId);
    QVERIFY(contact.value(u"user_id").toString().startsWith(u"US."));
    const QJsonObject message = value.value(u"messages").toArray().at(0).toObject();
    QCOMPARE(message.value(u"from").toString(), PatientId);
    QCOMPARE(message.value(u"id").toString(), wamid);
    QCOMPARE(message.value(u"timestamp").toString(),
             QString::number(m_sim.clock().now().toSecsSinceEpoch()));
    QCOMPARE(message.value(u"type").toString(), QStringLiteral("text"));
    QCOMPARE(message.value(u"text").toObject().value(u"body").toString(),
             QStringLiteral("Me duele el pecho 😀 / ayuda"));
}

void TestSimWebhooks::statusProgression_data()
{
    QTest::addColumn<bool>("useTemplate");
    QTest::addColumn<QString>("pricingModel");
    QTest::addColumn<QString>("category");
    QTest::addColumn<bool>("billable");
    QTest::addColumn<QString>("pricingType");
    QTest::newRow("service reply, PMP") << false << "PMP"
                                        << "service" << false << "free_customer_service";
    QTest::newRow("utility template outside the window, PMP") << true << "PMP"
                                                              << "utility" << true << "regular";
    QTest::newRow("service reply, CBP") << false << "CBP"
                                        << "service" << false << QString();
}

void TestSimWebhooks::statusProgression()
{
    QFETCH(bool, useTemplate);
    QFETCH(QString, pricingModel);
    QFETCH(QString, category);
    QFETCH(bool, billable);
    QFETCH(QString, pricingType);

    SimFixture sim;
    QVERIFY(sim.receiver().listen());
    Wardline::Sim::SimConfig config = SimFixture::config(sim.receiver().url());
    config.behaviour.statusSentMs = 1000;
    config.behaviour.statusDeliveredMs = 2000;
    config.behaviour.statusReadMs = 3000;
    config.behaviour.pricingModel = pricingModel;
    QVERIFY(sim.start(config));
    Response sent;
    if (useTemplate) {
        sent = sim.send(templateMessage(Patient, QStringLiteral("emergency_instruction"),
                                        QStringLiteral("en"), {QStringLiteral("Ana")}));
    } else {
        QVERIFY(!sim.say(Patient, QStringLiteral("Hello")).isEmpty());
        QVERIFY(sim.settle());
        sim.receiver().clear();
        sent = sim.send(textMessage(Patient, QStringLiteral("Hello, how can we help?")));
    }
    QCOMPARE(sent.status, 200);
    const QString wamid = wamidOf(sent);
    const qint64 t0 = sim.clock().now().toSecsSinceEpoch();

    QVERIFY(sim.server().advance(999));
    QVERIFY(sim.settle());
    QVERIFY(sim.receiver().statusEvents().isEmpty());
    QVERIFY(sim.server().advance(1));
    QTRY_COMPARE(sim.receiver().statusEvents(), QStringList{QStringLiteral("sent:") + wamid});
    QVERIFY(sim.server().advance(2000));
    QTRY_COMPARE(sim.receiver().statusEvents().size(), 2);
    QVERIFY(sim.server().advance(3000));
    QTRY_COMPARE(sim.receiver().statusEvents(),
                 (QStringList{QStringLiteral("sent:") + wamid, QStringLiteral("delivered:") + wamid,
                              QStringLiteral("read:") + wamid}));

    const QList<Delivery> deliveries = sim.receiver().accepted();
    const QJsonObject first = statusOf(deliveries.at(0));
    const QJsonObject read = statusOf(deliveries.at(2));
    QCOMPARE(first.value(u"timestamp").toString(), QString::number(t0 + 1));
    QCOMPARE(read.value(u"timestamp").toString(), QString::number(t0 + 6));
    QCOMPARE(first.value(u"recipient_id").toString(), PatientId);
    const QJsonObject conversation = first.value(u"conversation").toObject();
    QCOMPARE(conversation.value(u"origin").toObject().value(u"type").toString(), category);
    QVERIFY(conversation.contains(u"expiration_timestamp")); // only on "sent"
    QVERIFY(!read.value(u"conversation").toObject().contains(u"expiration_timestamp"));
    QCOMPARE(read.value(u"conversation").toObject().value(u"id"), conversation.value(u"id"));
    const QJsonObject pricing = first.value(u"pricing").toObject();
    QCOMPARE(pricing.value(u"pricing_model").toString(), pricingModel);
    QCOMPARE(pricing.value(u"category").toString(), category);
    QCOMPARE(pricing.value(u"billable").toBool(), billable);
    QCOMPARE(pricing.value(u"type").toString(), pricingType);
    for (const Delivery &d : deliveries)
        QCOMPARE(WebhookSignature::verify(SimFixture::Secret, d.body, d.signature256),
                 WebhookSignature::Verification::Valid);
    // The log follows.
    const Response log = sim.control(QByteArrayLiteral("GET"), QStringLiteral("sent"));
    QCOMPARE(log.body.value(u"data").toArray().last().toObject().value(u"status").toString(),
             QStringLiteral("read"));
}

void TestSimWebhooks::replyReadsDelivered()
{
    SimFixture sim;
    QVERIFY(sim.receiver().listen());
    Wardline::Sim::SimConfig config = SimFixture::config(sim.receiver().url());
    config.behaviour.statusReadMs = 600000; // nobody reads for ten minutes …
    QVERIFY(sim.start(config));
    QVERIFY(!sim.say(Patient, QStringLiteral("Hi")).isEmpty());
    const QString wamid = wamidOf(sim.send(textMessage(Patient, QStringLiteral("Hello"))));
    QTRY_COMPARE(sim.receiver().statusEvents().size(), 2);
    // … unless the patient answers: then everything delivered to them is read.
    QVERIFY(!sim.say(Patient, QStringLiteral("Thanks")).isEmpty());
    QTRY_COMPARE(sim.receiver().statusEvents().size(), 3);
    QCOMPARE(sim.receiver().statusEvents().last(), QStringLiteral("read:") + wamid);
    QVERIFY(sim.server().advance(600000));
    QVERIFY(sim.settle());
    QCOMPARE(sim.receiver().statusEvents().size(), 3); // never read twice, never backwards
}

void TestSimWebhooks::failedWhenUndeliverable()
{
    SimFixture sim;
    QVERIFY(sim.receiver().listen());
    Wardline::Sim::SimConfig config = SimFixture::config(sim.receiver().url());
    config.behaviour.undeliverable.insert(PatientId);
    QVERIFY(sim.start(config));
    const Response r = sim.send(templateMessage(Patient, QStringLiteral("emergency_instruction"),
                                                QStringLiteral("en"), {QStringLiteral("Ana")}));
    QCOMPARE(r.status, 200);
    QTRY_COMPARE(sim.receiver().statusEvents(),
                 QStringList{QStringLiteral("failed:") + wamidOf(r)});
    const QJsonObject status = statusOf(sim.receiver().accepted().constFirst());
    const QJsonObject error = status.value(u"errors").toArray().at(0).toObject();
    QCOMPARE(error.value(u"code").toInt(), 131026);
    QVERIFY(!error.value(u"title").toString().isEmpty());
    QVERIFY(error.value(u"error_data").toObject().contains(u"details"));
    QVERIFY(error.value(u"href").toString().startsWith(u"https://developers.facebook.com/"));
    QVERIFY(sim.server().advance(60000));
    QVERIFY(sim.settle());
    QCOMPARE(sim.receiver().statusEvents().size(), 1); // failed is final
}

void TestSimWebhooks::failedWhenMediaUnknown()
{
    QVERIFY(!m_sim.say(Patient, QStringLiteral("Send me the leaflet")).isEmpty());
    const Response r = m_sim.send(
        {{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
         {QStringLiteral("to"), Patient},
         {QStringLiteral("type"), QStringLiteral("document")},
         {QStringLiteral("document"), QJsonObject{{QStringLiteral("id"), QStringLiteral("999")}}}});
    QCOMPARE(r.status, 200);
    const QString wamid = wamidOf(r);
    QTRY_VERIFY(m_sim.receiver().statusEvents().contains(QStringLiteral("failed:") + wamid));
}

void TestSimWebhooks::retriesUntilReceiverRecovers()
{
    m_sim.receiver().failNext(3, 503);
    const QString wamid = m_sim.say(Patient, QStringLiteral("Is anyone there?"));
    QVERIFY(m_sim.waitForRetry(1));
    // Backoff on the simulator's clock: 1 s, 2 s, 4 s.
    QVERIFY(m_sim.server().advance(999));
    QCOMPARE(m_sim.receiver().deliveries().size(), 1);
    QVERIFY(m_sim.server().advance(1));
    QVERIFY(m_sim.waitForRetry(2));
    QVERIFY(m_sim.server().advance(1999));
    QCOMPARE(m_sim.receiver().deliveries().size(), 2);
    QVERIFY(m_sim.server().advance(1));
    QVERIFY(m_sim.waitForRetry(3));
    QVERIFY(m_sim.server().advance(4000));
    QTRY_COMPARE(m_sim.receiver().deliveries().size(), 4);
    QCOMPARE(m_sim.receiver().accepted().size(), 1);
    QCOMPARE(m_sim.receiver().inboundMessages().at(0).value(u"id").toString(), wamid);
    // Every attempt carries the same bytes and the same signature.
    const QList<Delivery> &all = m_sim.receiver().deliveries();
    for (const Delivery &d : all) {
        QCOMPARE(d.body, all.constFirst().body);
        QCOMPARE(d.signature256, all.constFirst().signature256);
    }
    // The delivery log shows the attempts.
    const QJsonArray log = m_sim.control(QByteArrayLiteral("GET"), QStringLiteral("webhooks"))
                               .body.value(u"data")
                               .toArray();
    const QJsonObject last = log.last().toObject();
    QCOMPARE(last.value(u"state").toString(), QStringLiteral("delivered"));
    QStringList statuses;
    for (const QJsonValue &a : last.value(u"attempts").toArray())
        statuses.append(QString::number(a.toObject().value(u"http_status").toInt()));
    QCOMPARE(statuses, (QStringList{QStringLiteral("503"), QStringLiteral("503"),
                                    QStringLiteral("503"), QStringLiteral("200")}));
    QCOMPARE(last.value(u"updates").toArray().at(0).toObject().value(u"ref").toString(), wamid);
}

void TestSimWebhooks::retriesWhileConnectionRefused()
{
    m_sim.receiver().close();
    const QString wamid = m_sim.say(Patient, QStringLiteral("Hello?"));
    // The attempt fails without an HTTP status.
    QVERIFY(m_sim.waitForRetry(1));
    const QJsonObject attempt = m_sim.lastBatch().value(u"attempts").toArray().at(0).toObject();
    QCOMPARE(attempt.value(u"http_status").toInt(), 0);
    QVERIFY(!attempt.value(u"error").toString().isEmpty());
    QVERIFY(m_sim.receiver().reopen());
    QVERIFY(m_sim.server().advance(1000));
    QTRY_COMPARE(m_sim.receiver().inboundMessages().size(), 1);
    QCOMPARE(m_sim.receiver().inboundMessages().at(0).value(u"id").toString(), wamid);
}

void TestSimWebhooks::batchesWhileBlocked()
{
    m_sim.receiver().failNext(1);
    const QString a = m_sim.say(Patient, QStringLiteral("one"));
    QVERIFY(m_sim.waitForRetry(1));
    // While the first delivery waits for its retry, two more updates become due …
    const QString b = m_sim.say(QStringLiteral("+1 202 555 0141"), QStringLiteral("two"));
    const QString c = m_sim.say(QStringLiteral("+1 202 555 0143"), QStringLiteral("three"));
    QVERIFY(m_sim.server().advance(1000));
    QTRY_COMPARE(m_sim.receiver().accepted().size(), 2);
    // … and go out together, in one POST with two changes.
    const Delivery batch = m_sim.receiver().accepted().at(1);
    QCOMPARE(batch.values().size(), 2);
    QCOMPARE(batch.json().value(u"entry").toArray().size(), 1);
    QStringList ids;
    for (const QJsonObject &m : m_sim.receiver().inboundMessages())
        ids.append(m.value(u"id").toString());
    QCOMPARE(ids, (QStringList{a, b, c}));
    QCOMPARE(WebhookSignature::verify(SimFixture::Secret, batch.body, batch.signature256),
             WebhookSignature::Verification::Valid);
}

void TestSimWebhooks::batchWindow()
{
    SimFixture sim;
    QVERIFY(sim.receiver().listen());
    Wardline::Sim::SimConfig config = SimFixture::config(sim.receiver().url());
    config.behaviour.webhookBatchMs = 500;
    QVERIFY(sim.start(config));
    QVERIFY(!sim.say(Patient, QStringLiteral("one")).isEmpty());
    QVERIFY(!sim.say(Patient, QStringLiteral("two")).isEmpty());
    QVERIFY(!sim.say(Patient, QStringLiteral("three")).isEmpty());
    // A template review lands in the same batch, as its own entry.
    QVERIFY(sim.control(QByteArrayLiteral("POST"), QStringLiteral("templates/refill_ready/status"),
                        {{QStringLiteral("status"), QStringLiteral("PAUSED")}})
                .status == 200);
    QVERIFY(sim.server().advance(499));
    QVERIFY(sim.receiver().deliveries().isEmpty());
    QVERIFY(sim.server().advance(1));
    QTRY_COMPARE(sim.receiver().deliveries().size(), 1);
    const QJsonObject root = sim.receiver().deliveries().constFirst().json();
    const QJsonArray entries = root.value(u"entry").toArray();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).toObject().value(u"changes").toArray().size(), 3);
    const QJsonObject templateEntry = entries.at(1).toObject();
    QVERIFY(templateEntry.contains(u"time"));
    QCOMPARE(templateEntry.value(u"changes").toArray().at(0).toObject().value(u"field").toString(),
             QStringLiteral("message_template_status_update"));
}

void TestSimWebhooks::faultDrop()
{
    QVERIFY(m_sim
                .control(QByteArrayLiteral("POST"), QStringLiteral("faults"),
                         {{QStringLiteral("webhook_drop"), 1.0}})
                .status == 200);
    QVERIFY(!m_sim.say(Patient, QStringLiteral("lost")).isEmpty());
    QTRY_COMPARE(m_sim.lastBatch().value(u"state").toString(), QStringLiteral("dropped"));
    QVERIFY(m_sim.settle());
    QVERIFY(m_sim.receiver().deliveries().isEmpty());
}

void TestSimWebhooks::faultDuplicate()
{
    QVERIFY(m_sim
                .control(QByteArrayLiteral("POST"), QStringLiteral("faults"),
                         {{QStringLiteral("webhook_duplicate"), 1.0}})
                .status == 200);
    QVERIFY(!m_sim.say(Patient, QStringLiteral("twice")).isEmpty());
    QTRY_COMPARE(m_sim.receiver().deliveries().size(), 2);
    const QList<Delivery> &d = m_sim.receiver().deliveries();
    QCOMPARE(d.at(1).body, d.at(0).body);
    QCOMPARE(d.at(1).signature256, d.at(0).signature256);
    QVERIFY(m_sim.settle());
    QCOMPARE(m_sim.receiver().deliveries().size(), 2); // a duplicate is not duplicated again
    QVERIFY(m_sim.lastBatch().value(u"duplicate_of").toInt() > 0);
}

void TestSimWebhooks::faultReorder()
{
    QVERIFY(m_sim
                .control(QByteArrayLiteral("POST"), QStringLiteral("faults"),
                         {{QStringLiteral("webhook_reorder"), 1.0}})
                .status == 200);
    const QString first = m_sim.say(Patient, QStringLiteral("first"));
    QTRY_COMPARE(m_sim.lastBatch().value(u"state").toString(), QStringLiteral("held_back"));
    const QString second = m_sim.say(Patient, QStringLiteral("second"));
    QTRY_COMPARE(m_sim.receiver().inboundMessages().size(), 2);
    QCOMPARE(m_sim.receiver().inboundMessages().at(0).value(u"id").toString(), second);
    QCOMPARE(m_sim.receiver().inboundMessages().at(1).value(u"id").toString(), first);
    // A lone held-back batch goes out after a while anyway.
    const QString third = m_sim.say(Patient, QStringLiteral("third"));
    QTRY_COMPARE(m_sim.lastBatch().value(u"state").toString(), QStringLiteral("held_back"));
    QVERIFY(m_sim.server().advance(2000));
    QTRY_COMPARE(m_sim.receiver().inboundMessages().size(), 3);
    QCOMPARE(m_sim.receiver().inboundMessages().at(2).value(u"id").toString(), third);
}

QTEST_GUILESS_MAIN(TestSimWebhooks)
#include "tst_simwebhooks.moc"
