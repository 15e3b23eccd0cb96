#include "simtestkit.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace SimTest;

namespace {
const QString Patient = QStringLiteral("+1 202 555 0170");
const QString PatientId = QStringLiteral("12025550170");

QString wamidOf(const Response &r)
{
    return r.body.value(u"messages").toArray().at(0).toObject().value(u"id").toString();
}

QByteArray photo()
{
    QFile file(QStringLiteral(":/personas/wound_day3.jpg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

/// The control API under /_sim/ and the personas that drive drills.
class TestSimControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void inbound_data();
    void inbound();
    void buttonTapQuotesTheTemplate();
    void replyButtonAndListRow();
    void inboundRefusals_data();
    void inboundRefusals();
    void sentFilter();
    void clockAndAdvance();
    void advanceNeedsManualClock();
    void unknownPaths();
    void faultsValidation();
    void personasListed();
    void personaPlaysInOrder();
    void personaTimesOut();
    void personaSendsPhoto();
    void personaTapsChange();
    void personasFromDirectory();

private:
    [[nodiscard]] Response inject(const QJsonObject &body)
    {
        return m_sim.control(QByteArrayLiteral("POST"), QStringLiteral("inbound"), body);
    }
    [[nodiscard]] QJsonObject play(const QString &persona, const QJsonObject &body = {})
    {
        return m_sim
            .control(QByteArrayLiteral("POST"), QStringLiteral("personas/%1/play").arg(persona),
                     body)
            .body;
    }
    [[nodiscard]] QString runState(int id)
    {
        return m_sim.control(QByteArrayLiteral("GET"), QStringLiteral("runs/%1").arg(id))
            .body.value(u"state")
            .toString();
    }
    [[nodiscard]] QStringList inboundTexts();

    SimFixture m_sim;
};

QStringList TestSimControl::inboundTexts()
{
    QStringList texts;
    for (const QJsonObject &m : m_sim.receiver().inboundMessages()) {
        const QString type = m.value(u"type").toString();
        texts.append(type == u"text" ? m.value(u"text").toObject().value(u"body").toString()
                                     : QStringLiteral("[%1]").arg(type));
    }
    return texts;
}

void TestSimControl::initTestCase()
{
    QVERIFY(!photo().isEmpty());
    QVERIFY(m_sim.receiver().listen());
    Wardline::Sim::SimConfig config = SimFixture::config(m_sim.receiver().url());
    config.behaviour.pairBurst = 1000;
    QVERIFY(m_sim.start(config));
}

void TestSimControl::init()
{
    QVERIFY(m_sim.settle());
    m_sim.receiver().clear();
}

void TestSimControl::inbound_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("field"); // a key of the message object's type member
    QTest::addColumn<QJsonValue>("value");

    QTest::newRow("text") << QJsonObject{{QStringLiteral("text"), QStringLiteral("Hello")}}
                          << "text"
                          << "body" << QJsonValue(QStringLiteral("Hello"));
    QTest::newRow("image") << QJsonObject{{QStringLiteral("image"),
                                           QJsonObject{{QStringLiteral("data"),
                                                        QString::fromLatin1(photo().toBase64())},
                                                       {QStringLiteral("caption"),
                                                        QStringLiteral("Rash")}}}}
                           << "image"
                           << "caption" << QJsonValue(QStringLiteral("Rash"));
    QTest::newRow("location") << QJsonObject{{QStringLiteral("location"),
                                              QJsonObject{{QStringLiteral("latitude"), 41.88},
                                                          {QStringLiteral("longitude"), -87.62},
                                                          {QStringLiteral("name"),
                                                           QStringLiteral("Home")}}}}
                              << "location"
                              << "latitude" << QJsonValue(41.88);
    QTest::newRow("reaction")
        << QJsonObject{{QStringLiteral("reaction"),
                        QJsonObject{{QStringLiteral("message_id"), QStringLiteral("wamid.X")},
                                    {QStringLiteral("emoji"), QStringLiteral("\U0001F64F")}}}}
        << "reaction"
        << "emoji" << QJsonValue(QStringLiteral("\U0001F64F"));
    QTest::newRow("contacts") << QJsonObject{{QStringLiteral("contacts"),
                                              QJsonArray{QJsonObject{
                                                  {QStringLiteral("name"),
                                                   QJsonObject{{QStringLiteral("formatted_name"),
                                                                QStringLiteral("My daughter")}}}}}}}
                              << "contacts" << QString() << QJsonValue();
    QTest::newRow("flat location")
        << QJsonObject{{QStringLiteral("type"), QStringLiteral("location")},
                       {QStringLiteral("latitude"), 40.0},
                       {QStringLiteral("longitude"), -3.7}}
        << "location"
        << "longitude" << QJsonValue(-3.7);
    QTest::newRow("flat image")
        << QJsonObject{{QStringLiteral("image"), QString::fromLatin1(photo().toBase64())},
                       {QStringLiteral("mime_type"), QStringLiteral("image/jpeg")},
                       {QStringLiteral("caption"), QStringLiteral("Swelling")}}
        << "image"
        << "caption" << QJsonValue(QStringLiteral("Swelling"));
    QTest::newRow("flat button without a template")
        << QJsonObject{{QStringLiteral("type"), QStringLiteral("button")},
                       {QStringLiteral("payload"), QStringLiteral("STOP")}}
        << "button"
        << "payload" << QJsonValue(QStringLiteral("STOP"));
    QTest::newRow("flat list reply")
        << QJsonObject{{QStringLiteral("type"), QStringLiteral("list_reply")},
                       {QStringLiteral("id"), QStringLiteral("slot_9")},
                       {QStringLiteral("title"), QStringLiteral("Fri 10:00")}}
        << "interactive"
        << "type" << QJsonValue(QStringLiteral("list_reply"));
    QTest::newRow("quoted text") << QJsonObject{{QStringLiteral("text"), QStringLiteral("Yes")},
                                                {QStringLiteral("context"),
                                                 QStringLiteral("wamid.QUOTED")}}
                                 << "text"
                                 << "body" << QJsonValue(QStringLiteral("Yes"));
}

void TestSimControl::inbound()
{
    QFETCH(QJsonObject, request);
    QFETCH(QString, type);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    request.insert(QStringLiteral("from"), Patient);
    request.insert(QStringLiteral("name"), QStringLiteral("Ana"));
    const Response r = inject(request);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value(u"wa_id").toString(), PatientId);
    QTRY_COMPARE(m_sim.receiver().inboundMessages().size(), 1);
    const QJsonObject message = m_sim.receiver().inboundMessages().constFirst();
    QCOMPARE(message.value(u"id").toString(), r.body.value(u"wamid").toString());
    QCOMPARE(message.value(u"type").toString(), type);
    QCOMPARE(message.value(u"from").toString(), PatientId);
    if (!field.isEmpty())
        QCOMPARE(message.value(type).toObject().value(field), value);
    if (request.contains(u"context")) {
        QCOMPARE(message.value(u"context").toObject().value(u"id").toString(),
                 QStringLiteral("wamid.QUOTED"));
        QCOMPARE(message.value(u"context").toObject().value(u"from").toString(),
                 QStringLiteral("12025550142"));
    }
}

void TestSimControl::buttonTapQuotesTheTemplate()
{
    // The hub sends the reminder with payloads on its quick replies …
    const QJsonObject reminder{
        {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
        {QStringLiteral("to"), Patient},
        {QStringLiteral("type"), QStringLiteral("template")},
        {QStringLiteral("template"),
         QJsonObject{
             {QStringLiteral("name"), QStringLiteral("appointment_reminder")},
             {QStringLiteral("language"),
              QJsonObject{{QStringLiteral("code"), QStringLiteral("es")}}},
             {QStringLiteral("components"),
              QJsonArray{
                  QJsonObject{
                      {QStringLiteral("type"), QStringLiteral("body")},
                      {QStringLiteral("parameters"),
                       QJsonArray{
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                       {QStringLiteral("text"), QStringLiteral("Ana")}},
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                       {QStringLiteral("text"), QStringLiteral("la Dra. Osei")}},
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                       {QStringLiteral("text"), QStringLiteral("martes")}},
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                       {QStringLiteral("text"), QStringLiteral("9:30")}}}}},
                  QJsonObject{{QStringLiteral("type"), QStringLiteral("button")},
                              {QStringLiteral("sub_type"), QStringLiteral("quick_reply")},
                              {QStringLiteral("index"), 1},
                              {QStringLiteral("parameters"),
                               QJsonArray{QJsonObject{
                                   {QStringLiteral("type"), QStringLiteral("payload")},
                                   {QStringLiteral("payload"), QStringLiteral("CHANGE")}}}}}}}}}};
    const Response sent = m_sim.send(reminder);
    QCOMPARE(sent.status, 200);
    QVERIFY(m_sim.settle());
    m_sim.receiver().clear();
    // … the patient taps "Cambiar": a button message with that payload, quoting the reminder.
    QCOMPARE(inject({{QStringLiteral("from"), Patient},
                     {QStringLiteral("button"),
                      QJsonObject{{QStringLiteral("payload"), QStringLiteral("Cambiar")}}}})
                 .status,
             200);
    QTRY_COMPARE(m_sim.receiver().inboundMessages().size(), 1);
    const QJsonObject message = m_sim.receiver().inboundMessages().constFirst();
    QCOMPARE(message.value(u"type").toString(), QStringLiteral("button"));
    QCOMPARE(message.value(u"button").toObject().value(u"payload").toString(),
             QStringLiteral("CHANGE"));
    QCOMPARE(message.value(u"button").toObject().value(u"text").toString(),
             QStringLiteral("Cambiar"));
    QCOMPARE(message.value(u"context").toObject().value(u"id").toString(), wamidOf(sent));
    // Without a payload from the hub, the tap's payload is the button's text.
    QCOMPARE(inject({{QStringLiteral("from"), Patient},
                     {QStringLiteral("button"),
                      QJsonObject{{QStringLiteral("payload"), QStringLiteral("confirmar")}}}})
                 .status,
             200);
    QTRY_COMPARE(m_sim.receiver().inboundMessages().size(), 2);
    QCOMPARE(m_sim.receiver()
                 .inboundMessages()
                 .at(1)
                 .value(u"button")
                 .toObject()
                 .value(u"payload")
                 .toString(),
             QStringLiteral("Confirmar"));
}

void TestSimControl::replyButtonAndListRow()
{
    QVERIFY(!m_sim.say(Patient, QStringLiteral("Can I book?")).isEmpty());
    const QJsonObject buttons{
        {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
        {QStringLiteral("to"), Patient},
        {QStringLiteral("type"), QStringLiteral("interactive")},
        {QStringLiteral("interactive"),
         QJsonObject{
             {QStringLiteral("type"), QStringLiteral("button")},
             {QStringLiteral("body"),
              QJsonObject{{QStringLiteral("text"), QStringLiteral("Morning or afternoon?")}}},
             {QStringLiteral("action"),
              QJsonObject{
                  {QStringLiteral("buttons"),
                   QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("reply")},
                                          {QStringLiteral("reply"),
                                           QJsonObject{{QStringLiteral("id"), QStringLiteral("am")},
                                                       {QStringLiteral("title"),
                                                        QStringLiteral("Morning")}}}},
                              QJsonObject{{QStringLiteral("type"), QStringLiteral("reply")},
                                          {QStringLiteral("reply"),
                                           QJsonObject{{QStringLiteral("id"), QStringLiteral("pm")},
                                                       {QStringLiteral("title"),
                                                        QStringLiteral("Afternoon")}}}}}}}}}}};
    const Response sent = m_sim.send(buttons);
    QCOMPARE(sent.status, 200);
    QVERIFY(m_sim.settle());
    m_sim.receiver().clear();
    QCOMPARE(inject({{QStringLiteral("from"), Patient},
                     {QStringLiteral("button_reply"),
                      QJsonObject{{QStringLiteral("id"), QStringLiteral("Afternoon")}}}})
                 .status,
             200);
    QTRY_COMPARE(m_sim.receiver().inboundMessages().size(), 1);
    const QJsonObject message = m_sim.receiver().inboundMessages().constFirst();
    QCOMPARE(message.value(u"type").toString(), QStringLiteral("interactive"));
    const QJsonObject interactive = message.value(u"interactive").toObject();
    QCOMPARE(interactive.value(u"type").toString(), QStringLiteral("button_reply"));
    QCOMPARE(interactive.value(u"button_reply").toObject().value(u"id").toString(),
             QStringLiteral("pm"));
    QCOMPARE(interactive.value(u"button_reply").toObject().value(u"title").toString(),
             QStringLiteral("Afternoon"));
    QCOMPARE(message.value(u"context").toObject().value(u"id").toString(), wamidOf(sent));

    QCOMPARE(inject({{QStringLiteral("from"), Patient},
                     {QStringLiteral("list_reply"),
                      QJsonObject{{QStringLiteral("id"), QStringLiteral("slot_3")},
                                  {QStringLiteral("title"), QStringLiteral("Thu 14:15")}}}})
                 .status,
             200);
    QTRY_COMPARE(m_sim.receiver().inboundMessages().size(), 2);
    const QJsonObject row =
        m_sim.receiver().inboundMessages().at(1).value(u"interactive").toObject();
    QCOMPARE(row.value(u"type").toString(), QStringLiteral("list_reply"));
    QCOMPARE(row.value(u"list_reply").toObject().value(u"id").toString(), QStringLiteral("slot_3"));
}

void TestSimControl::inboundRefusals_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("text");
    QTest::newRow("no from") << QJsonObject{{QStringLiteral("text"), QStringLiteral("x")}}
                             << QStringLiteral("\"from\" is required");
    QTest::newRow("not a number") << QJsonObject{{QStringLiteral("from"), QStringLiteral("nurse")},
                                                 {QStringLiteral("text"), QStringLiteral("x")}}
                                  << QStringLiteral("not a phone number");
    QTest::newRow("unknown type") << QJsonObject{{QStringLiteral("from"), Patient},
                                                 {QStringLiteral("type"), QStringLiteral("fax")}}
                                  << QStringLiteral("is not one of");
    QTest::newRow("empty text") << QJsonObject{{QStringLiteral("from"), Patient}}
                                << QStringLiteral("\"text\" is required");
    QTest::newRow("image without data")
        << QJsonObject{{QStringLiteral("from"), Patient},
                       {QStringLiteral("image"),
                        QJsonObject{{QStringLiteral("caption"), QStringLiteral("x")}}}}
        << QStringLiteral("base64");
    QTest::newRow("image of unknown type")
        << QJsonObject{{QStringLiteral("from"), Patient},
                       {QStringLiteral("image"),
                        QJsonObject{{QStringLiteral("data"), QStringLiteral("aGVsbG8=")}}}}
        << QStringLiteral("mime_type");
}

void TestSimControl::inboundRefusals()
{
    QFETCH(QJsonObject, request);
    QFETCH(QString, text);
    const Response r = inject(request);
    QCOMPARE(r.status, 400);
    QVERIFY2(r.error().value(u"message").toString().contains(text), r.raw.constData());
    QVERIFY(m_sim.settle());
    QVERIFY(m_sim.receiver().deliveries().isEmpty());
}

void TestSimControl::sentFilter()
{
    QVERIFY(!m_sim.say(QStringLiteral("+1 202 555 0171"), QStringLiteral("a")).isEmpty());
    QVERIFY(!m_sim.say(QStringLiteral("+1 202 555 0172"), QStringLiteral("b")).isEmpty());
    QCOMPARE(m_sim.send(textMessage(QStringLiteral("12025550171"), QStringLiteral("to 71"))).status,
             200);
    QCOMPARE(m_sim.send(textMessage(QStringLiteral("12025550172"), QStringLiteral("to 72"))).status,
             200);
    const QJsonArray only =
        m_sim.control(QByteArrayLiteral("GET"), QStringLiteral("sent?to=%2B1-202-555-0171"))
            .body.value(u"data")
            .toArray();
    QCOMPARE(only.size(), 1);
    QCOMPARE(only.at(0).toObject().value(u"text").toString(), QStringLiteral("to 71"));
    QCOMPARE(only.at(0).toObject().value(u"wa_id").toString(), QStringLiteral("12025550171"));
    QVERIFY(!only.at(0).toObject().value(u"time").toString().isEmpty());
    const QJsonArray all = m_sim.control(QByteArrayLiteral("GET"), QStringLiteral("sent"))
                               .body.value(u"data")
                               .toArray();
    QVERIFY(all.size() >= 2);
}

void TestSimControl::clockAndAdvance()
{
    const Response before = m_sim.control(QByteArrayLiteral("GET"), QStringLiteral("clock"));
    QCOMPARE(before.body.value(u"manual").toBool(), true);
    const QDateTime start =
        QDateTime::fromString(before.body.value(u"now").toString(), Qt::ISODateWithMs);
    const Response after = m_sim.control(QByteArrayLiteral("POST"), QStringLiteral("advance"),
                                         {{QStringLiteral("seconds"), 90.5}});
    QCOMPARE(after.status, 200);
    QCOMPARE(QDateTime::fromString(after.body.value(u"now").toString(), Qt::ISODateWithMs),
             start.addMSecs(90500));
    QCOMPARE(m_sim
                 .control(QByteArrayLiteral("POST"), QStringLiteral("advance"),
                          {{QStringLiteral("seconds"), -1}})
                 .status,
             400);
}

void TestSimControl::advanceNeedsManualClock()
{
    SimFixture sim;
    QVERIFY(sim.receiver().listen());
    QVERIFY(sim.start(SimFixture::config(sim.receiver().url()), false));
    QCOMPARE(sim.control(QByteArrayLiteral("GET"), QStringLiteral("clock"))
                 .body.value(u"manual")
                 .toBool(),
             false);
    const Response r = sim.control(QByteArrayLiteral("POST"), QStringLiteral("advance"),
                                   {{QStringLiteral("seconds"), 10}});
    QCOMPARE(r.status, 409);
    QVERIFY(r.error().value(u"message").toString().contains(u"--clock manual"));
}

void TestSimControl::unknownPaths()
{
    QCOMPARE(m_sim.control(QByteArrayLiteral("GET"), QStringLiteral("nothing")).status, 404);
    QCOMPARE(
        m_sim.control(QByteArrayLiteral("POST"), QStringLiteral("personas/nobody/play")).status,
        404);
    QCOMPARE(m_sim.control(QByteArrayLiteral("GET"), QStringLiteral("runs/999")).status, 404);
    QCOMPARE(m_sim
                 .control(QByteArrayLiteral("POST"), QStringLiteral("templates/nothing/status"),
                          {{QStringLiteral("status"), QStringLiteral("PAUSED")}})
                 .status,
             404);
    // The control API needs no token, but the Graph API always does.
    QCOMPARE(
        m_sim.graph(QByteArrayLiteral("GET"), SimFixture::PhoneNumberId, {}, QByteArray()).status,
        400);
}

void TestSimControl::faultsValidation()
{
    QCOMPARE(m_sim
                 .control(QByteArrayLiteral("POST"), QStringLiteral("faults"),
                          {{QStringLiteral("webhook_drop"), 2}})
                 .status,
             400);
    const Response ok =
        m_sim.control(QByteArrayLiteral("POST"), QStringLiteral("faults"),
                      {{QStringLiteral("webhook_drop"), 0.0}, {QStringLiteral("seed"), 3}});
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.body.value(u"webhook_drop").toDouble(), 0.0);
}

void TestSimControl::personasListed()
{
    const Response r = m_sim.control(QByteArrayLiteral("GET"), QStringLiteral("personas"));
    QCOMPARE(r.status, 200);
    QStringList names;
    for (const QJsonValue &p : r.body.value(u"data").toArray()) {
        const QJsonObject persona = p.toObject();
        names.append(persona.value(u"name").toString());
        QVERIFY(!persona.value(u"title").toString().isEmpty());
        const QString phone = persona.value(u"patient").toObject().value(u"phone").toString();
        QVERIFY2(phone.startsWith(u"+1 312 555 01"), qPrintable(phone)); // fictional numbers
        QVERIFY(!persona.value(u"steps").toArray().isEmpty());
    }
    for (const char *expected : {"chest_pain_night", "refill_request", "change_reply",
                                 "wound_photo_day3", "spanish_speaker", "general_question"})
        QVERIFY2(names.contains(QString::fromLatin1(expected)), expected);
    QCOMPARE(r.body.value(u"problems").toArray().size(), 0);
}

void TestSimControl::personaPlaysInOrder()
{
    const QJsonObject run = play(QStringLiteral("chest_pain_night"));
    const int id = run.value(u"id").toInt();
    QVERIFY(id > 0);
    QCOMPARE(run.value(u"wa_id").toString(), QStringLiteral("13125550134"));
    QTRY_COMPARE(m_sim.receiver().inboundMessages().size(), 1);
    QVERIFY(inboundTexts().constFirst().contains(u"crushing pain"));
    QCOMPARE(m_sim.receiver().inboundMessages().constFirst().value(u"from").toString(),
             QStringLiteral("13125550134"));
    QTRY_COMPARE(runState(id), QStringLiteral("waiting"));

    // The hub's emergency reply lets the persona go on after 45 s.
    QCOMPARE(m_sim
                 .send(textMessage(QStringLiteral("13125550134"),
                                   QStringLiteral("This may be an emergency. Call 911 now.")))
                 .status,
             200);
    QTRY_COMPARE(runState(id), QStringLiteral("running"));
    QVERIFY(m_sim.server().advance(44999));
    QVERIFY(m_sim.settle());
    QCOMPARE(m_sim.receiver().inboundMessages().size(), 1);
    QVERIFY(m_sim.server().advance(1));
    QTRY_COMPARE(m_sim.receiver().inboundMessages().size(), 2);
    QTRY_COMPARE(runState(id), QStringLiteral("waiting"));
    QCOMPARE(m_sim
                 .send(textMessage(QStringLiteral("13125550134"),
                                   QStringLiteral("Yes, chew one aspirin.")))
                 .status,
             200);
    QVERIFY(m_sim.server().advance(30000));
    QTRY_COMPARE(runState(id), QStringLiteral("finished"));
    QTRY_COMPARE(m_sim.receiver().inboundMessages().size(), 3);
    const QStringList texts = inboundTexts();
    QVERIFY(texts.at(0).contains(u"crushing pain"));
    QVERIFY(texts.at(1).contains(u"calling 911"));
    QVERIFY(texts.at(2).contains(u"paramedics"));
    // The inbound messages' timestamps follow the script.
    const qint64 t1 =
        m_sim.receiver().inboundMessages().at(1).value(u"timestamp").toString().toLongLong();
    const qint64 t2 =
        m_sim.receiver().inboundMessages().at(2).value(u"timestamp").toString().toLongLong();
    QCOMPARE(t2 - t1, 30);
}

void TestSimControl::personaTimesOut()
{
    const int id = play(QStringLiteral("spanish_speaker")).value(u"id").toInt();
    QTRY_COMPARE(runState(id), QStringLiteral("waiting"));
    QVERIFY(m_sim.server().advance(120000));
    QTRY_COMPARE(runState(id), QStringLiteral("failed"));
    const QString failure =
        m_sim.control(QByteArrayLiteral("GET"), QStringLiteral("runs/%1").arg(id))
            .body.value(u"failure")
            .toString();
    QVERIFY2(failure.contains(u"step 2") && failure.contains(u"120"), qPrintable(failure));
    QVERIFY(m_sim.receiver()
                .inboundMessages()
                .constFirst()
                .value(u"text")
                .toObject()
                .value(u"body")
                .toString()
                .contains(u"dolor de pecho"));
}

void TestSimControl::personaSendsPhoto()
{
    const int id = play(QStringLiteral("wound_photo_day3")).value(u"id").toInt();
    QTRY_COMPARE(m_sim.receiver().inboundMessages().size(), 1);
    QVERIFY(m_sim.server().advance(10000));
    QTRY_COMPARE(m_sim.receiver().inboundMessages().size(), 2);
    const QJsonObject image = m_sim.receiver().inboundMessages().at(1).value(u"image").toObject();
    QCOMPARE(image.value(u"mime_type").toString(), QStringLiteral("image/jpeg"));
    QVERIFY(image.value(u"caption").toString().contains(u"Day 3"));
    const QUrl url(m_sim.graph(QByteArrayLiteral("GET"), image.value(u"id").toString())
                       .body.value(u"url")
                       .toString());
    const Response file = m_sim.raw(
        QByteArrayLiteral("GET"), url, {},
        {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + SimFixture::Token}});
    QCOMPARE(file.raw, photo());
    QTRY_COMPARE(runState(id), QStringLiteral("waiting"));
    QVERIFY(m_sim.server().advance(1800000)); // the optional wait ends the run quietly
    QTRY_COMPARE(runState(id), QStringLiteral("finished"));
}

void TestSimControl::personaTapsChange()
{
    const QString patient = QStringLiteral("+1 312 555 0199");
    const int id = play(QStringLiteral("change_reply"), {{QStringLiteral("phone"), patient}})
                       .value(u"id")
                       .toInt();
    QTRY_COMPARE(runState(id), QStringLiteral("waiting"));
    const Response reminder = m_sim.send(
        templateMessage(patient, QStringLiteral("appointment_reminder"), QStringLiteral("en"),
                        {QStringLiteral("Daniel"), QStringLiteral("Dr. Osei"),
                         QStringLiteral("Tuesday"), QStringLiteral("9:30 AM")}));
    QCOMPARE(reminder.status, 200);
    QVERIFY(m_sim.server().advance(20000));
    QTRY_COMPARE(m_sim.receiver().inboundMessages().size(), 1);
    const QJsonObject tap = m_sim.receiver().inboundMessages().constFirst();
    QCOMPARE(tap.value(u"type").toString(), QStringLiteral("button"));
    QCOMPARE(tap.value(u"button").toObject().value(u"text").toString(), QStringLiteral("Change"));
    QCOMPARE(tap.value(u"context").toObject().value(u"id").toString(), wamidOf(reminder));
    QCOMPARE(tap.value(u"from").toString(), QStringLiteral("13125550199"));
    // A receptionist offers another slot with the approved template.
    QCOMPARE(
        m_sim
            .send(templateMessage(patient, QStringLiteral("reschedule_offer"), QStringLiteral("en"),
                                  {QStringLiteral("Daniel"), QStringLiteral("Dr. Osei"),
                                   QStringLiteral("Thursday"), QStringLiteral("2:15 PM")}))
            .status,
        200);
    QVERIFY(m_sim.server().advance(30000));
    QTRY_COMPARE(runState(id), QStringLiteral("finished"));
    QTRY_COMPARE(m_sim.receiver().inboundMessages().size(), 2);
}

void TestSimControl::personasFromDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile good(dir.filePath(QStringLiteral("night_fall.json")));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write(R"({"name": "night_fall", "title": "A fall at night",
                   "patient": {"name": "Ruth Moss", "phone": "+1 312 555 0190"},
                   "steps": [{"say": "I fell out of bed and my hip hurts."},
                             {"after": 5, "location": [41.9, -87.6], "name": "Home"}]})");
    good.close();
    QFile bad(dir.filePath(QStringLiteral("broken.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(
        R"({"name": "broken", "patient": {"name": "X", "phone": "+1"}, "steps": [{"shout": "x"}]})");
    bad.close();

    SimFixture sim;
    QVERIFY(sim.receiver().listen());
    Wardline::Sim::SimConfig config = SimFixture::config(sim.receiver().url());
    config.personasDir = dir.path();
    QVERIFY(sim.start(config));
    const Response list = sim.control(QByteArrayLiteral("GET"), QStringLiteral("personas"));
    QStringList names;
    for (const QJsonValue &p : list.body.value(u"data").toArray())
        names.append(p.toObject().value(u"name").toString());
    QVERIFY(names.contains(QStringLiteral("night_fall")));
    QVERIFY(names.contains(QStringLiteral("chest_pain_night")));
    QCOMPARE(list.body.value(u"problems").toArray().size(), 1);
    QVERIFY(list.body.value(u"problems").toArray().at(0).toString().contains(u"broken.json"));

    const int id =
        sim.control(QByteArrayLiteral("POST"), QStringLiteral("personas/night_fall/play"))
            .body.value(u"id")
            .toInt();
    QVERIFY(sim.server().advance(5000));
    QTRY_COMPARE(sim.receiver().inboundMessages().size(), 2);
    QCOMPARE(sim.receiver().inboundMessages().at(1).value(u"type").toString(),
             QStringLiteral("location"));
    QTRY_COMPARE(sim.control(QByteArrayLiteral("GET"), QStringLiteral("runs/%1").arg(id))
                     .body.value(u"state")
                     .toString(),
                 QStringLiteral("finished"));
}

QTEST_GUILESS_MAIN(TestSimControl)
#include "tst_simcontrol.moc"
