#include "sim/messagelog.h"
#include "sim/simservices.h"
#include "simtestkit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace SimTest;

namespace {
const QString Open = QStringLiteral("+1 202 555 0101"); // wrote to the hospital
const QString OpenId = QStringLiteral("12025550101");
const QString Closed = QStringLiteral("+1 202 555 0102"); // never wrote

QJsonObject message(const QString &to, const QString &type, const QJsonValue &content)
{
    return {{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
            {QStringLiteral("recipient_type"), QStringLiteral("individual")},
            {QStringLiteral("to"), to},
            {QStringLiteral("type"), type},
            {type, content}};
}

QJsonObject buttons(int count, int titleLength = 5)
{
    QJsonArray list;
    for (int i = 0; i < count; ++i) {
        list.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("reply")},
            {QStringLiteral("reply"),
             QJsonObject{{QStringLiteral("id"), QStringLiteral("b%1").arg(i)},
                         {QStringLiteral("title"),
                          QString(QString(titleLength - 1, u'x') + QString::number(i))}}}});
    }
    return {
        {QStringLiteral("type"), QStringLiteral("button")},
        {QStringLiteral("body"), QJsonObject{{QStringLiteral("text"), QStringLiteral("Choose")}}},
        {QStringLiteral("action"), QJsonObject{{QStringLiteral("buttons"), list}}}};
}

QJsonObject list(int rows, int titleLength = 8, const QJsonObject &header = {})
{
    QJsonArray rowList;
    for (int i = 0; i < rows; ++i) {
        rowList.append(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("row%1").arg(i)},
            {QStringLiteral("title"), QString(QString(titleLength - 2, u'r') +
                                              QStringLiteral("%1").arg(i, 2, 10, QChar(u'0')))}});
    }
    QJsonObject interactive{
        {QStringLiteral("type"), QStringLiteral("list")},
        {QStringLiteral("body"),
         QJsonObject{{QStringLiteral("text"), QStringLiteral("Pick a slot")}}},
        {QStringLiteral("action"),
         QJsonObject{{QStringLiteral("button"), QStringLiteral("Slots")},
                     {QStringLiteral("sections"),
                      QJsonArray{QJsonObject{{QStringLiteral("title"), QStringLiteral("Monday")},
                                             {QStringLiteral("rows"), rowList}}}}}},
    };
    if (!header.isEmpty())
        interactive.insert(QStringLiteral("header"), header);
    return interactive;
}

QJsonObject bodyParams(const QJsonArray &parameters)
{
    return {{QStringLiteral("type"), QStringLiteral("body")},
            {QStringLiteral("parameters"), parameters}};
}

QJsonObject text(const QString &value, const QString &name = {})
{
    QJsonObject p{{QStringLiteral("type"), QStringLiteral("text")},
                  {QStringLiteral("text"), value}};
    if (!name.isEmpty())
        p.insert(QStringLiteral("parameter_name"), name);
    return p;
}

QJsonObject templ(const QString &name, const QString &language, const QJsonArray &components)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("language"),
             QJsonObject{{QStringLiteral("code"), language},
                         {QStringLiteral("policy"), QStringLiteral("deterministic")}}},
            {QStringLiteral("components"), components}};
}
} // namespace

/// POST /{phone-number-id}/messages: every message type, Meta's response, and every rule with
/// its code and HTTP status.
class TestSimMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void acceptsEveryType_data();
    void acceptsEveryType();
    void templateSendIsRecorded();
    void numberRewrite();
    void rules_data();
    void rules();
    void windowOpensAndExpires();
    void windowAsync();
    void throughput();
    void pairRate();
    void markRead();
    void tokenErrors_data();
    void tokenErrors();
    void faultServerError();
    void faultTimeout();

private:
    SimFixture m_sim;
};

void TestSimMessages::initTestCase()
{
    QVERIFY(m_sim.receiver().listen());
    Wardline::Sim::SimConfig config = SimFixture::config(m_sim.receiver().url());
    config.behaviour.numberRewrites.insert(QStringLiteral("551187654321"),
                                           QStringLiteral("5511987654321"));
    config.behaviour.pairBurst = 1000; // the pair rate has its own test
    config.behaviour.throughputPerSecond = 100000;
    QVERIFY(m_sim.start(config));
}

void TestSimMessages::init()
{
    // A patient who wrote a minute ago; their window is open.
    QVERIFY(!m_sim.say(Open, QStringLiteral("Hello")).isEmpty());
    QVERIFY(m_sim.server().advance(60000));
}

void TestSimMessages::acceptsEveryType_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("type");

    QJsonObject withContext = textMessage(Open, QStringLiteral("See https://wardline.example"));
    withContext.insert(
        QStringLiteral("text"),
        QJsonObject{{QStringLiteral("preview_url"), true},
                    {QStringLiteral("body"), QStringLiteral("See https://wardline.example")}});
    withContext.insert(QStringLiteral("context"),
                       QJsonObject{{QStringLiteral("message_id"), QStringLiteral("wamid.X")}});
    QTest::newRow("text") << textMessage(Open, QStringLiteral("Your results are ready.")) << "text";
    QTest::newRow("text with preview and context") << withContext << "text";
    QTest::newRow("text of 4096 characters") << textMessage(Open, QString(4096, u'a')) << "text";
    QTest::newRow("4096 emoji are 4096 characters")
        << textMessage(Open, QString(4096, u'x').replace(u'x', QStringLiteral("\U0001F600")))
        << "text";
    QTest::newRow("image by link")
        << message(Open, QStringLiteral("image"),
                   QJsonObject{{QStringLiteral("link"), QStringLiteral("https://x.test/a.jpg")},
                               {QStringLiteral("caption"), QString(1024, u'c')}})
        << "image";
    QTest::newRow("document")
        << message(
               Open, QStringLiteral("document"),
               QJsonObject{{QStringLiteral("link"), QStringLiteral("https://x.test/leaflet.pdf")},
                           {QStringLiteral("filename"), QStringLiteral("leaflet.pdf")},
                           {QStringLiteral("caption"), QStringLiteral("Before your operation")}})
        << "document";
    QTest::newRow("audio") << message(Open, QStringLiteral("audio"),
                                      QJsonObject{{QStringLiteral("link"),
                                                   QStringLiteral("https://x.test/a.ogg")}})
                           << "audio";
    QTest::newRow("video") << message(Open, QStringLiteral("video"),
                                      QJsonObject{{QStringLiteral("link"),
                                                   QStringLiteral("https://x.test/a.mp4")}})
                           << "video";
    QTest::newRow("location")
        << message(Open, QStringLiteral("location"),
                   QJsonObject{{QStringLiteral("latitude"), 41.8781},
                               {QStringLiteral("longitude"), -87.6298},
                               {QStringLiteral("name"), QStringLiteral("Main entrance")},
                               {QStringLiteral("address"), QStringLiteral("1 Hospital Way")}})
        << "location";
    QTest::newRow("reaction")
        << message(Open, QStringLiteral("reaction"),
                   QJsonObject{{QStringLiteral("message_id"), QStringLiteral("wamid.X")},
                               {QStringLiteral("emoji"), QStringLiteral("\U0001F44D")}})
        << "reaction";
    QTest::newRow("contacts")
        << message(Open, QStringLiteral("contacts"),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("name"),
                        QJsonObject{{QStringLiteral("formatted_name"), QStringLiteral("Ward 7")}}},
                       {QStringLiteral("phones"),
                        QJsonArray{QJsonObject{
                            {QStringLiteral("phone"), QStringLiteral("+1 202 555 0177")}}}}}})
        << "contacts";
    QTest::newRow("reply buttons")
        << message(Open, QStringLiteral("interactive"), buttons(3, 20)) << "interactive";
    QTest::newRow("list") << message(Open, QStringLiteral("interactive"), list(10, 24))
                          << "interactive";
    QTest::newRow("template, positional")
        << templateMessage(Closed, QStringLiteral("appointment_reminder"), QStringLiteral("en"),
                           {QStringLiteral("Ana"), QStringLiteral("Dr. Osei"),
                            QStringLiteral("Tuesday 3 March"), QStringLiteral("9:30 AM")})
        << "template";
    QTest::newRow("template, named")
        << message(Closed, QStringLiteral("template"),
                   templ(QStringLiteral("refill_ready"), QStringLiteral("en"),
                         {bodyParams(
                             {text(QStringLiteral("Ana"), QStringLiteral("patient_name")),
                              text(QStringLiteral("metformin"), QStringLiteral("medication")),
                              text(QStringLiteral("outpatient"), QStringLiteral("pharmacy"))})}))
        << "template";
    QTest::newRow("template, spanish")
        << templateMessage(Closed, QStringLiteral("emergency_instruction"), QStringLiteral("es"),
                           {QStringLiteral("Lucía")})
        << "template";
}

void TestSimMessages::acceptsEveryType()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, type);
    const Response r = m_sim.send(body);
    QVERIFY(r.finished);
    QVERIFY2(r.status == 200, r.raw.constData());
    // {"messaging_product":"whatsapp","contacts":[{"input","wa_id"}],"messages":[{"id"}]}
    QCOMPARE(r.body.value(u"messaging_product").toString(), QStringLiteral("whatsapp"));
    const QJsonObject contact = r.body.value(u"contacts").toArray().at(0).toObject();
    QCOMPARE(contact.value(u"input").toString(), body.value(u"to").toString());
    QCOMPARE(contact.value(u"wa_id").toString(),
             body.value(u"to").toString().remove(u' ').remove(u'+'));
    const QJsonObject sent = r.body.value(u"messages").toArray().at(0).toObject();
    QVERIFY(sent.value(u"id").toString().startsWith(u"wamid."));
    // message_status only on template sends.
    QCOMPARE(sent.value(u"message_status").toString(),
             type == u"template" ? QStringLiteral("accepted") : QString());
    QCOMPARE(sent.keys().size(), type == u"template" ? 2 : 1);
    QVERIFY(r.raw.startsWith('{'));
    QVERIFY(r.contentType.startsWith("application/json"));

    const Response log = m_sim.control(QByteArrayLiteral("GET"), QStringLiteral("sent"));
    const QJsonObject last = log.body.value(u"data").toArray().last().toObject();
    QCOMPARE(last.value(u"wamid").toString(), sent.value(u"id").toString());
    QCOMPARE(last.value(u"type").toString(), type);
}

void TestSimMessages::templateSendIsRecorded()
{
    QJsonObject body = message(
        Closed, QStringLiteral("template"),
        templ(
            QStringLiteral("appointment_reminder"), QStringLiteral("en"),
            {bodyParams({text(QStringLiteral("Ana")), text(QStringLiteral("Dr. Osei")),
                         text(QStringLiteral("Tuesday 3 March")), text(QStringLiteral("9:30 AM"))}),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("button")},
                         {QStringLiteral("sub_type"), QStringLiteral("quick_reply")},
                         {QStringLiteral("index"), QStringLiteral("1")},
                         {QStringLiteral("parameters"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("type"), QStringLiteral("payload")},
                              {QStringLiteral("payload"), QStringLiteral("CHANGE")}}}}}}));
    const Response r = m_sim.send(body);
    QCOMPARE(r.status, 200);
    const Response log =
        m_sim.control(QByteArrayLiteral("GET"), QStringLiteral("sent?to=%2B1%20202%20555%200102"));
    const QJsonObject last = log.body.value(u"data").toArray().last().toObject();
    QCOMPARE(last.value(u"template").toObject().value(u"name").toString(),
             QStringLiteral("appointment_reminder"));
    QCOMPARE(last.value(u"template").toObject().value(u"params").toArray().at(1).toString(),
             QStringLiteral("Dr. Osei"));
    QVERIFY(last.value(u"text").toString().contains(
        u"Hello Ana, this is a reminder of your appointment with Dr. Osei on Tuesday 3 March at "
        u"9:30 AM."));
    QCOMPARE(last.value(u"category").toString(), QStringLiteral("utility"));
    const QJsonArray options = last.value(u"options").toArray();
    QCOMPARE(options.size(), 2);
    QCOMPARE(options.at(0).toObject().value(u"payload").toString(), QStringLiteral("Confirm"));
    QCOMPARE(options.at(1).toObject().value(u"payload").toString(), QStringLiteral("CHANGE"));
}

void TestSimMessages::numberRewrite()
{
    // Meta answers the wa_id it delivers to, not the number as sent (Brazil's 9th digit).
    QVERIFY(!m_sim.say(QStringLiteral("5511987654321"), QStringLiteral("Oi")).isEmpty());
    const Response r =
        m_sim.send(textMessage(QStringLiteral("+55 11 8765-4321"), QStringLiteral("Olá")));
    QCOMPARE(r.status, 200);
    const QJsonObject contact = r.body.value(u"contacts").toArray().at(0).toObject();
    QCOMPARE(contact.value(u"input").toString(), QStringLiteral("+55 11 8765-4321"));
    QCOMPARE(contact.value(u"wa_id").toString(), QStringLiteral("5511987654321"));
    // The rewritten number is the same patient: the window opened by the inbound message holds.
    const Response log =
        m_sim.control(QByteArrayLiteral("GET"), QStringLiteral("sent?to=5511987654321"));
    QCOMPARE(log.body.value(u"data").toArray().last().toObject().value(u"in_window").toBool(),
             true);
}

void TestSimMessages::rules_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("text"); // in message or error_data.details

    const QJsonObject header61{{QStringLiteral("type"), QStringLiteral("text")},
                               {QStringLiteral("text"), QString(61, u'h')}};
    const QJsonObject imageHeader{
        {QStringLiteral("type"), QStringLiteral("image")},
        {QStringLiteral("image"),
         QJsonObject{{QStringLiteral("link"), QStringLiteral("https://x.test/a.png")}}}};
    QJsonObject noProduct = textMessage(Open, QStringLiteral("x"));
    noProduct.remove(QStringLiteral("messaging_product"));
    QJsonObject wrongProduct = textMessage(Open, QStringLiteral("x"));
    wrongProduct.insert(QStringLiteral("messaging_product"), QStringLiteral("sms"));
    QJsonObject noTo = textMessage(Open, QStringLiteral("x"));
    noTo.remove(QStringLiteral("to"));

    QTest::newRow("free-form, never wrote")
        << textMessage(Closed, QStringLiteral("Hi")) << 400 << 131047
        << QStringLiteral("more than 24 hours have passed");
    QTest::newRow("reaction, never wrote")
        << message(Closed, QStringLiteral("reaction"),
                   QJsonObject{{QStringLiteral("message_id"), QStringLiteral("wamid.X")},
                               {QStringLiteral("emoji"), QStringLiteral("x")}})
        << 400 << 131047 << QStringLiteral("Re-engagement message");
    QTest::newRow("text over 4096")
        << textMessage(Open, QString(4097, u'a')) << 400 << 100
        << QStringLiteral("text['body'] must be at most 4096 characters");
    QTest::newRow("empty text") << textMessage(Open, QString()) << 400 << 100
                                << QStringLiteral("The parameter text['body'] is required.");
    QTest::newRow("caption over 1024")
        << message(Open, QStringLiteral("image"),
                   QJsonObject{{QStringLiteral("link"), QStringLiteral("https://x.test/a.jpg")},
                               {QStringLiteral("caption"), QString(1025, u'c')}})
        << 400 << 100 << QStringLiteral("image['caption'] must be at most 1024");
    QTest::newRow("caption on audio")
        << message(Open, QStringLiteral("audio"),
                   QJsonObject{{QStringLiteral("link"), QStringLiteral("https://x.test/a.ogg")},
                               {QStringLiteral("caption"), QStringLiteral("no")}})
        << 400 << 100 << QStringLiteral("not supported for audio");
    QTest::newRow("media with id and link")
        << message(Open, QStringLiteral("image"),
                   QJsonObject{{QStringLiteral("link"), QStringLiteral("https://x.test/a.jpg")},
                               {QStringLiteral("id"), QStringLiteral("123")}})
        << 400 << 100 << QStringLiteral("exactly one of id or link");
    QTest::newRow("four buttons") << message(Open, QStringLiteral("interactive"), buttons(4)) << 400
                                  << 100
                                  << QStringLiteral("buttons'] must have at most 3 elements");
    QTest::newRow("button title of 21")
        << message(Open, QStringLiteral("interactive"), buttons(2, 21)) << 400 << 100
        << QStringLiteral("['title'] must be at most 20 characters");
    QTest::newRow("eleven list rows") << message(Open, QStringLiteral("interactive"), list(11))
                                      << 400 << 100 << QStringLiteral("at most 10 elements");
    QTest::newRow("list row title of 25")
        << message(Open, QStringLiteral("interactive"), list(2, 25)) << 400 << 100
        << QStringLiteral("['title'] must be at most 24 characters");
    QTest::newRow("list with image header")
        << message(Open, QStringLiteral("interactive"), list(2, 8, imageHeader)) << 400 << 100
        << QStringLiteral("must be text for lists");
    QTest::newRow("header of 61")
        << message(Open, QStringLiteral("interactive"),
                   QJsonObject{{QStringLiteral("type"), QStringLiteral("button")},
                               {QStringLiteral("header"), header61},
                               {QStringLiteral("body"), buttons(1).value(u"body")},
                               {QStringLiteral("action"), buttons(1).value(u"action")}})
        << 400 << 100 << QStringLiteral("['header']['text'] must be at most 60");
    QTest::newRow("no messaging_product")
        << noProduct << 400 << 100
        << QStringLiteral("The parameter messaging_product is required.");
    QTest::newRow("wrong messaging_product")
        << wrongProduct << 400 << 100 << QStringLiteral("must be one of {WHATSAPP}");
    QTest::newRow("no recipient") << noTo << 400 << 100
                                  << QStringLiteral("The parameter to is required.");
    QTest::newRow("recipient not a number")
        << textMessage(QStringLiteral("nurse-station"), QStringLiteral("x")) << 400 << 100
        << QStringLiteral("Param to");
    QTest::newRow("unknown type") << message(Open, QStringLiteral("fax"), QJsonObject{}) << 400
                                  << 100 << QStringLiteral("Param type must be one of");
    QTest::newRow("unknown template")
        << templateMessage(Closed, QStringLiteral("nonexistent"), QStringLiteral("en"), {}) << 404
        << 132001 << QStringLiteral("template name (nonexistent) does not exist in en");
    QTest::newRow("template in another language")
        << templateMessage(Closed, QStringLiteral("refill_ready"), QStringLiteral("es"), {}) << 404
        << 132001 << QStringLiteral("Template name does not exist in the translation");
    QTest::newRow("template, too few parameters")
        << templateMessage(Closed, QStringLiteral("appointment_reminder"), QStringLiteral("en"),
                           {QStringLiteral("Ana")})
        << 400 << 132000
        << QStringLiteral("body: number of localizable_params (1) does not match the expected "
                          "number of params (4)");
    QTest::newRow("template, too many parameters")
        << templateMessage(Closed, QStringLiteral("emergency_instruction"), QStringLiteral("en"),
                           {QStringLiteral("Ana"), QStringLiteral("extra")})
        << 400 << 132000 << QStringLiteral("(2) does not match the expected number of params (1)");
    QTest::newRow("template, named without names")
        << templateMessage(Closed, QStringLiteral("refill_ready"), QStringLiteral("en"),
                           {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
        << 400 << 132012 << QStringLiteral("has no parameter_name");
    QTest::newRow("template, newline in a parameter")
        << templateMessage(Closed, QStringLiteral("emergency_instruction"), QStringLiteral("en"),
                           {QStringLiteral("Ana\nSmith")})
        << 400 << 100 << QStringLiteral("cannot have new-line/tab characters");
    QTest::newRow("template, hydrated body too long")
        << templateMessage(Closed, QStringLiteral("emergency_instruction"), QStringLiteral("en"),
                           {QString(1000, u'a')})
        << 400 << 132005 << QStringLiteral("hydrated text");
    QTest::newRow("template, missing url button parameter")
        << message(Closed, QStringLiteral("template"),
                   templ(QStringLiteral("lab_results_ready"), QStringLiteral("en"),
                         {bodyParams({text(QStringLiteral("Ana")), text(QStringLiteral("12 Feb"))}),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("button")},
                                      {QStringLiteral("sub_type"), QStringLiteral("quick_reply")},
                                      {QStringLiteral("index"), QStringLiteral("0")}}}))
        << 400 << 100 << QStringLiteral("Button at index 0 of type quick_reply does not exist");
}

void TestSimMessages::rules()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, httpStatus);
    QFETCH(int, code);
    QFETCH(QString, text);

    const qsizetype before = m_sim.server().services()->log().allSent().size();
    const Response r = m_sim.send(body);
    QVERIFY(r.finished);
    QCOMPARE(r.status, httpStatus);
    const QJsonObject error = r.error();
    QCOMPARE(error.value(u"code").toInt(), code);
    QCOMPARE(error.value(u"type").toString(), QStringLiteral("OAuthException"));
    QVERIFY(!error.value(u"fbtrace_id").toString().isEmpty());
    const QString all = error.value(u"message").toString() + u' ' +
                        error.value(u"error_data").toObject().value(u"details").toString();
    QVERIFY2(all.contains(text), qPrintable(all));
    if (code != 100 || error.contains(u"error_data")) {
        // Cloud API errors name WhatsApp in error_data, and "(#code)" in the message.
        QVERIFY2(error.value(u"message").toString().startsWith(QStringLiteral("(#%1)").arg(code)),
                 qPrintable(error.value(u"message").toString()));
    }
    // A refused message is not sent.
    QCOMPARE(m_sim.server().services()->log().allSent().size(), before);
}

void TestSimMessages::windowOpensAndExpires()
{
    const QString patient = QStringLiteral("+1 202 555 0110");
    QCOMPARE(m_sim.send(textMessage(patient, QStringLiteral("a"))).errorCode(), 131047);
    QVERIFY(!m_sim.say(patient, QStringLiteral("Hello")).isEmpty());
    QCOMPARE(m_sim.send(textMessage(patient, QStringLiteral("b"))).status, 200);
    QVERIFY(m_sim.server().advance(24LL * 3600 * 1000 - 1000));
    QCOMPARE(m_sim.send(textMessage(patient, QStringLiteral("c"))).status, 200);
    QVERIFY(m_sim.server().advance(1000));
    const Response closed = m_sim.send(textMessage(patient, QStringLiteral("d")));
    QCOMPARE(closed.status, 400);
    QCOMPARE(closed.errorCode(), 131047);
    // A template needs no window, and does not open one.
    QCOMPARE(m_sim
                 .send(templateMessage(patient, QStringLiteral("emergency_instruction"),
                                       QStringLiteral("en"), {QStringLiteral("Ana")}))
                 .status,
             200);
    QCOMPARE(m_sim.send(textMessage(patient, QStringLiteral("e"))).errorCode(), 131047);
    // The patient's next message reopens it.
    QVERIFY(!m_sim.say(patient, QStringLiteral("Hello again")).isEmpty());
    QCOMPARE(m_sim.send(textMessage(patient, QStringLiteral("f"))).status, 200);
}

void TestSimMessages::windowAsync()
{
    SimFixture sim;
    QVERIFY(sim.receiver().listen());
    Wardline::Sim::SimConfig config = SimFixture::config(sim.receiver().url());
    config.behaviour.windowCheck = Wardline::Sim::SimBehaviour::WindowCheck::Async;
    QVERIFY(sim.start(config));
    const Response r = sim.send(textMessage(Closed, QStringLiteral("Hi")));
    QCOMPARE(r.status, 200); // accepted …
    const QString wamid =
        r.body.value(u"messages").toArray().at(0).toObject().value(u"id").toString();
    QTRY_COMPARE(sim.receiver().statusEvents(), QStringList{QStringLiteral("failed:") + wamid});
    // … then failed with 131047 in statuses[].errors.
    const QJsonObject status = sim.receiver()
                                   .accepted()
                                   .constFirst()
                                   .values()
                                   .constFirst()
                                   .value(u"statuses")
                                   .toArray()
                                   .at(0)
                                   .toObject();
    const QJsonObject error = status.value(u"errors").toArray().at(0).toObject();
    QCOMPARE(error.value(u"code").toInt(), 131047);
    QCOMPARE(error.value(u"title").toString(), QStringLiteral("Re-engagement message"));
    QVERIFY(!status.contains(u"pricing"));
}

void TestSimMessages::throughput()
{
    SimFixture sim;
    QVERIFY(sim.receiver().listen());
    Wardline::Sim::SimConfig config = SimFixture::config(sim.receiver().url());
    config.behaviour.throughputPerSecond = 5;
    QVERIFY(sim.start(config));
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(sim.send(templateMessage(QStringLiteral("+1 202 555 01%1").arg(20 + i),
                                          QStringLiteral("emergency_instruction"),
                                          QStringLiteral("en"), {QStringLiteral("Ana")}))
                     .status,
                 200);
    }
    const Response limited = sim.send(
        templateMessage(QStringLiteral("+1 202 555 0130"), QStringLiteral("emergency_instruction"),
                        QStringLiteral("en"), {QStringLiteral("Ana")}));
    QCOMPARE(limited.status, 400);
    QCOMPARE(limited.errorCode(), 130429);
    QCOMPARE(limited.error().value(u"message").toString(),
             QStringLiteral("(#130429) Rate limit hit"));
    QVERIFY(sim.server().advance(200)); // one token per 200 ms at 5/s
    QCOMPARE(sim.send(templateMessage(QStringLiteral("+1 202 555 0130"),
                                      QStringLiteral("emergency_instruction"), QStringLiteral("en"),
                                      {QStringLiteral("Ana")}))
                 .status,
             200);
}

void TestSimMessages::pairRate()
{
    SimFixture sim;
    QVERIFY(sim.receiver().listen());
    QVERIFY(sim.start(SimFixture::config(sim.receiver().url()))); // defaults: 6 s, burst 5
    QVERIFY(!sim.say(Open, QStringLiteral("Hi")).isEmpty());
    for (int i = 0; i < 5; ++i)
        QCOMPARE(sim.send(textMessage(Open, QStringLiteral("part %1").arg(i))).status, 200);
    const Response limited = sim.send(textMessage(Open, QStringLiteral("too fast")));
    QCOMPARE(limited.status, 400);
    QCOMPARE(limited.errorCode(), 131056);
    QCOMPARE(limited.error().value(u"message").toString(),
             QStringLiteral("(#131056) (Business Account, Consumer Account) pair rate limit hit"));
    // Other patients are not affected; after 6 s this one can be written to again.
    QVERIFY(!sim.say(Closed, QStringLiteral("Hi")).isEmpty());
    QCOMPARE(sim.send(textMessage(Closed, QStringLiteral("x"))).status, 200);
    QVERIFY(sim.server().advance(6000));
    QCOMPARE(sim.send(textMessage(Open, QStringLiteral("later"))).status, 200);
}

void TestSimMessages::markRead()
{
    const QString wamid = m_sim.say(Open, QStringLiteral("Are you there?"));
    const QJsonObject read{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                           {QStringLiteral("status"), QStringLiteral("read")},
                           {QStringLiteral("message_id"), wamid},
                           {QStringLiteral("typing_indicator"),
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}}}};
    const Response r = m_sim.send(read);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, (QJsonObject{{QStringLiteral("success"), true}}));
    const Response inbound =
        m_sim.control(QByteArrayLiteral("GET"), QStringLiteral("inbound?from=%1").arg(OpenId));
    QJsonObject found;
    for (const QJsonValue &m : inbound.body.value(u"data").toArray()) {
        if (m.toObject().value(u"wamid").toString() == wamid)
            found = m.toObject();
    }
    QCOMPARE(found.value(u"read").toBool(), true);

    QJsonObject unknown = read;
    unknown.insert(QStringLiteral("message_id"), QStringLiteral("wamid.nope"));
    const Response bad = m_sim.send(unknown);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.errorCode(), 100);
}

void TestSimMessages::tokenErrors_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("code");
    QTest::newRow("none") << QByteArray() << 400 << 104;
    QTest::newRow("wrong") << QByteArrayLiteral("EAAwrong") << 401 << 190;
}

void TestSimMessages::tokenErrors()
{
    QFETCH(QByteArray, token);
    QFETCH(int, status);
    QFETCH(int, code);
    const qsizetype before = m_sim.server().services()->log().allSent().size();
    const Response r = m_sim.graph(QByteArrayLiteral("POST"),
                                   SimFixture::PhoneNumberId + QStringLiteral("/messages"),
                                   textMessage(Open, QStringLiteral("x")), token);
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorCode(), code);
    QCOMPARE(m_sim.server().services()->log().allSent().size(), before);
}

void TestSimMessages::faultServerError()
{
    QCOMPARE(m_sim
                 .control(QByteArrayLiteral("POST"), QStringLiteral("faults"),
                          {{QStringLiteral("api_5xx"), 1.0}})
                 .status,
             200);
    for (int i = 0; i < 4; ++i) {
        const Response r = m_sim.send(textMessage(Open, QStringLiteral("x")));
        QVERIFY(r.status == 500 || r.status == 503);
        QCOMPARE(r.errorCode(), r.status == 500 ? 131000 : 2);
        QVERIFY(!r.error().value(u"fbtrace_id").toString().isEmpty());
    }
    QCOMPARE(m_sim
                 .control(QByteArrayLiteral("POST"), QStringLiteral("faults"),
                          {{QStringLiteral("api_5xx"), 0.0}})
                 .status,
             200);
    QCOMPARE(m_sim.send(textMessage(Open, QStringLiteral("x"))).status, 200);
}

void TestSimMessages::faultTimeout()
{
    QVERIFY(m_sim
                .control(QByteArrayLiteral("POST"), QStringLiteral("faults"),
                         {{QStringLiteral("api_timeout"), 1.0}})
                .status == 200);
    const qsizetype before = m_sim.server().services()->log().allSent().size();
    const Response r = m_sim.raw(
        QByteArrayLiteral("POST"),
        m_sim.url(
            QStringLiteral("/%1/%2/messages").arg(SimFixture::Version, SimFixture::PhoneNumberId)),
        QJsonDocument(textMessage(Open, QStringLiteral("held"))).toJson(),
        {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + SimFixture::Token},
         {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}},
        300);
    // The client's own timeout ends the request: no HTTP status at all …
    QVERIFY(r.finished);
    QCOMPARE(r.status, 0);
    // … though the message was processed, as it may well have been at Meta.
    QCOMPARE(m_sim.server().services()->log().allSent().size(), before + 1);
    QVERIFY(m_sim
                .control(QByteArrayLiteral("POST"), QStringLiteral("faults"),
                         {{QStringLiteral("api_timeout"), 0.0}})
                .status == 200);
    QCOMPARE(m_sim.send(textMessage(Open, QStringLiteral("x"))).status, 200);
}

QTEST_GUILESS_MAIN(TestSimMessages)
#include "tst_simmessages.moc"
