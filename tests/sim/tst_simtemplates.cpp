#include "simtestkit.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace SimTest;

namespace {
// A function, not a constant: SimFixture::WabaId lives in another translation unit.
QString edge()
{
    return SimFixture::WabaId + QStringLiteral("/message_templates");
}
const QString Patient = QStringLiteral("+1 202 555 0160");

QJsonObject component(const QString &type, const QString &text)
{
    return {{QStringLiteral("type"), type}, {QStringLiteral("text"), text}};
}

QJsonObject newTemplate(const QString &name, const QJsonArray &components,
                        const QString &category = QStringLiteral("UTILITY"))
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("language"), QStringLiteral("en_US")},
            {QStringLiteral("category"), category},
            {QStringLiteral("components"), components}};
}

QJsonObject simpleTemplate(const QString &name)
{
    return newTemplate(name, {component(QStringLiteral("BODY"),
                                        QStringLiteral("Hello {{1}}, your ward is {{2}}."))});
}

// The message_template_status_update values among the receiver's deliveries.
QList<QJsonObject> templateEvents(const WebhookReceiver &receiver)
{
    QList<QJsonObject> events;
    for (const Delivery &d : receiver.accepted()) {
        for (const QJsonValue &entry : d.json().value(u"entry").toArray()) {
            for (const QJsonValue &change : entry.toObject().value(u"changes").toArray()) {
                if (change.toObject().value(u"field").toString() ==
                    u"message_template_status_update")
                    events.append(change.toObject().value(u"value").toObject());
            }
        }
    }
    return events;
}
} // namespace

/// message_templates: seeded approved templates, paging, creation and review with the status
/// webhook, name rules, deletion, and paused/disabled templates at send time.
class TestSimTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void seeded();
    void paging();
    void filtersAndFields_data();
    void filtersAndFields();
    void lifecycleApproved();
    void lifecycleRejected();
    void createRefusals_data();
    void createRefusals();
    void deleteByName();
    void pausedAndDisabled();
    void templateNode();
    void urlButtonParameter();
    void businessAccount();

private:
    SimFixture m_sim;
};

void TestSimTemplates::initTestCase()
{
    QVERIFY(m_sim.receiver().listen());
    Wardline::Sim::SimConfig config = SimFixture::config(m_sim.receiver().url());
    config.behaviour.templateReviewMs = 60000;
    config.behaviour.pairBurst = 1000;
    QVERIFY(m_sim.start(config));
}

void TestSimTemplates::init()
{
    QVERIFY(m_sim.settle());
    m_sim.receiver().clear();
}

void TestSimTemplates::seeded()
{
    const Response r = m_sim.graph(QByteArrayLiteral("GET"), edge() + QStringLiteral("?limit=100"));
    QCOMPARE(r.status, 200);
    QSet<QString> names;
    for (const QJsonValue &v : r.body.value(u"data").toArray()) {
        const QJsonObject t = v.toObject();
        QCOMPARE(t.value(u"status").toString(), QStringLiteral("APPROVED"));
        QCOMPARE(t.value(u"category").toString(), QStringLiteral("UTILITY"));
        QVERIFY(!t.value(u"id").toString().isEmpty());
        QVERIFY(!t.value(u"components").toArray().isEmpty());
        names.insert(t.value(u"name").toString() + u'/' + t.value(u"language").toString());
    }
    for (const char *expected :
         {"appointment_reminder/en", "appointment_reminder/es", "refill_ready/en",
          "lab_results_ready/en", "post_op_photo_request/en", "reschedule_offer/en",
          "emergency_instruction/en", "emergency_instruction/es"}) {
        QVERIFY2(names.contains(QString::fromLatin1(expected)), expected);
    }
    // CONFIRM/CHANGE quick replies on the reminder.
    const Response reminder =
        m_sim.graph(QByteArrayLiteral("GET"),
                    edge() + QStringLiteral("?name=appointment_reminder&language=en"));
    const QJsonArray components =
        reminder.body.value(u"data").toArray().at(0).toObject().value(u"components").toArray();
    QJsonArray buttons;
    for (const QJsonValue &c : components) {
        if (c.toObject().value(u"type").toString() == u"BUTTONS")
            buttons = c.toObject().value(u"buttons").toArray();
    }
    QCOMPARE(buttons.size(), 2);
    QCOMPARE(buttons.at(0).toObject().value(u"type").toString(), QStringLiteral("QUICK_REPLY"));
    QCOMPARE(buttons.at(1).toObject().value(u"text").toString(), QStringLiteral("Change"));
}

void TestSimTemplates::paging()
{
    QStringList seen;
    QString path = edge() + QStringLiteral("?limit=3&fields=name,language");
    Response page = m_sim.graph(QByteArrayLiteral("GET"), path);
    int pages = 0;
    while (true) {
        QCOMPARE(page.status, 200);
        ++pages;
        const QJsonArray data = page.body.value(u"data").toArray();
        QVERIFY(data.size() <= 3);
        for (const QJsonValue &v : data) {
            QCOMPARE(v.toObject().keys(),
                     (QStringList{QStringLiteral("id"), QStringLiteral("language"),
                                  QStringLiteral("name")}));
            seen.append(v.toObject().value(u"name").toString() + u'/' +
                        v.toObject().value(u"language").toString());
        }
        const QJsonObject paging = page.body.value(u"paging").toObject();
        QVERIFY(paging.value(u"cursors").toObject().contains(u"after"));
        QVERIFY(paging.value(u"cursors").toObject().contains(u"before"));
        QCOMPARE(paging.contains(u"previous"), pages > 1);
        if (!paging.contains(u"next"))
            break;
        // Follow "next" as a client does, with the bearer token.
        page = m_sim.raw(QByteArrayLiteral("GET"), QUrl(paging.value(u"next").toString()), {},
                         {{QByteArrayLiteral("Authorization"),
                           QByteArrayLiteral("Bearer ") + SimFixture::Token}});
    }
    const QStringList unique = QSet<QString>(seen.begin(), seen.end()).values();
    QCOMPARE(unique.size(), seen.size());
    QVERIFY(seen.size() >= 9);
    QCOMPARE(pages, int((seen.size() + 2) / 3));
}

void TestSimTemplates::filtersAndFields_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("count");
    QTest::newRow("name contains") << QStringLiteral("name=reminder") << 2;
    QTest::newRow("language") << QStringLiteral("language=es") << 3;
    QTest::newRow("status") << QStringLiteral("status=REJECTED&name=appointment") << 0;
    QTest::newRow("category") << QStringLiteral("category=marketing") << 0;
}

void TestSimTemplates::filtersAndFields()
{
    QFETCH(QString, query);
    QFETCH(int, count);
    const Response r = m_sim.graph(QByteArrayLiteral("GET"), edge() + u'?' + query);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value(u"data").toArray().size(), count);
}

void TestSimTemplates::lifecycleApproved()
{
    const Response created = m_sim.graph(QByteArrayLiteral("POST"), edge(),
                                         simpleTemplate(QStringLiteral("ward_transfer_notice")));
    QCOMPARE(created.status, 200);
    QCOMPARE(created.body.value(u"status").toString(), QStringLiteral("PENDING"));
    QCOMPARE(created.body.value(u"category").toString(), QStringLiteral("UTILITY"));
    const QString id = created.body.value(u"id").toString();
    QVERIFY(!id.isEmpty());

    const QJsonObject send =
        templateMessage(Patient, QStringLiteral("ward_transfer_notice"), QStringLiteral("en_US"),
                        {QStringLiteral("Ana"), QStringLiteral("7B")});
    // Not sendable while pending.
    const Response pending = m_sim.send(send);
    QCOMPARE(pending.status, 404);
    QCOMPARE(pending.errorCode(), 132001);

    QVERIFY(m_sim.server().advance(59999));
    QVERIFY(m_sim.settle());
    QVERIFY(templateEvents(m_sim.receiver()).isEmpty());
    QVERIFY(m_sim.server().advance(1));
    QTRY_COMPARE(templateEvents(m_sim.receiver()).size(), 1);
    const Delivery d = m_sim.receiver().accepted().constLast();
    const QJsonObject entry = d.json().value(u"entry").toArray().at(0).toObject();
    QCOMPARE(entry.value(u"id").toString(), SimFixture::WabaId);
    QCOMPARE(entry.value(u"time").toInteger(), m_sim.clock().now().toSecsSinceEpoch());
    const QJsonObject event = templateEvents(m_sim.receiver()).constFirst();
    QCOMPARE(event.value(u"event").toString(), QStringLiteral("APPROVED"));
    QVERIFY(event.value(u"message_template_id").isDouble()); // a number, as Meta sends it
    QCOMPARE(QString::number(event.value(u"message_template_id").toInteger()), id);
    QCOMPARE(event.value(u"message_template_name").toString(),
             QStringLiteral("ward_transfer_notice"));
    QCOMPARE(event.value(u"message_template_language").toString(), QStringLiteral("en_US"));
    QCOMPARE(event.value(u"reason").toString(), QStringLiteral("NONE"));

    const Response listed = m_sim.graph(QByteArrayLiteral("GET"),
                                        edge() + QStringLiteral("?name=ward_transfer_notice"));
    QCOMPARE(listed.body.value(u"data").toArray().at(0).toObject().value(u"status").toString(),
             QStringLiteral("APPROVED"));
    QCOMPARE(m_sim.send(send).status, 200);
}

void TestSimTemplates::lifecycleRejected()
{
    const Response created = m_sim.graph(QByteArrayLiteral("POST"), edge(),
                                         simpleTemplate(QStringLiteral("please_reject_me")));
    QCOMPARE(created.status, 200);
    QVERIFY(m_sim.server().advance(60000));
    QTRY_COMPARE(templateEvents(m_sim.receiver()).size(), 1);
    const QJsonObject event = templateEvents(m_sim.receiver()).constFirst();
    QCOMPARE(event.value(u"event").toString(), QStringLiteral("REJECTED"));
    QCOMPARE(event.value(u"reason").toString(), QStringLiteral("INVALID_FORMAT"));
    const Response listed = m_sim.graph(
        QByteArrayLiteral("GET"),
        edge() + QStringLiteral("?name=please_reject_me&fields=status,rejected_reason"));
    const QJsonObject t = listed.body.value(u"data").toArray().at(0).toObject();
    QCOMPARE(t.value(u"status").toString(), QStringLiteral("REJECTED"));
    QCOMPARE(t.value(u"rejected_reason").toString(), QStringLiteral("INVALID_FORMAT"));
    QCOMPARE(m_sim
                 .send(templateMessage(Patient, QStringLiteral("please_reject_me"),
                                       QStringLiteral("en_US"),
                                       {QStringLiteral("a"), QStringLiteral("b")}))
                 .errorCode(),
             132001);
}

void TestSimTemplates::createRefusals_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("subcode");

    QJsonObject noCategory = simpleTemplate(QStringLiteral("a_template"));
    noCategory.remove(QStringLiteral("category"));
    QJsonObject noComponents = simpleTemplate(QStringLiteral("a_template"));
    noComponents.remove(QStringLiteral("components"));
    QJsonObject duplicate = simpleTemplate(QStringLiteral("appointment_reminder"));
    duplicate.insert(QStringLiteral("language"), QStringLiteral("en"));

    QTest::newRow("upper case name")
        << simpleTemplate(QStringLiteral("Ward_Notice")) << QStringLiteral("lowercase") << 0;
    QTest::newRow("space in name")
        << simpleTemplate(QStringLiteral("ward notice")) << QStringLiteral("lowercase") << 0;
    QTest::newRow("name of 513") << simpleTemplate(QString(513, u'a'))
                                 << QStringLiteral("at most 512") << 0;
    QTest::newRow("no category") << noCategory
                                 << QStringLiteral("The parameter category is required.") << 0;
    QTest::newRow("bad category") << newTemplate(
                                         QStringLiteral("x_notice"),
                                         {component(QStringLiteral("BODY"), QStringLiteral("Hi"))},
                                         QStringLiteral("TRANSACTIONAL"))
                                  << QStringLiteral("UTILITY, MARKETING, AUTHENTICATION") << 0;
    QTest::newRow("no components")
        << noComponents << QStringLiteral("The parameter components is required.") << 0;
    QTest::newRow("no body") << newTemplate(
                                    QStringLiteral("x_notice"),
                                    {component(QStringLiteral("FOOTER"), QStringLiteral("Ward 7"))})
                             << QStringLiteral("components[BODY]") << 0;
    QTest::newRow("body over 1024")
        << newTemplate(QStringLiteral("x_notice"),
                       {component(QStringLiteral("BODY"), QString(1025, u'b'))})
        << QStringLiteral("at most 1024") << 0;
    QJsonObject header = component(QStringLiteral("HEADER"), QStringLiteral("{{1}} and {{2}}"));
    header.insert(QStringLiteral("format"), QStringLiteral("TEXT"));
    QTest::newRow("header with two variables")
        << newTemplate(QStringLiteral("x_notice"),
                       {header, component(QStringLiteral("BODY"), QStringLiteral("Hi"))})
        << QStringLiteral("at most one variable") << 0;
    QTest::newRow("variables out of order")
        << newTemplate(QStringLiteral("x_notice"),
                       {component(QStringLiteral("BODY"), QStringLiteral("Hi {{2}} {{1}}"))})
        << QStringLiteral("in order") << 0;
    QTest::newRow("duplicate") << duplicate << QStringLiteral("Invalid parameter") << 2388024;
}

void TestSimTemplates::createRefusals()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, text);
    QFETCH(int, subcode);
    const Response r = m_sim.graph(QByteArrayLiteral("POST"), edge(), body);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), 100);
    QCOMPARE(r.error().value(u"error_subcode").toInt(), subcode);
    const QString all = r.error().value(u"message").toString() + u' ' +
                        r.error().value(u"error_data").toObject().value(u"details").toString();
    QVERIFY2(all.contains(text), qPrintable(all));
    if (subcode != 0)
        QVERIFY(!r.error().value(u"error_user_title").toString().isEmpty());
}

void TestSimTemplates::deleteByName()
{
    QCOMPARE(
        m_sim.graph(QByteArrayLiteral("POST"), edge(), simpleTemplate(QStringLiteral("old_notice")))
            .status,
        200);
    const Response deleted =
        m_sim.graph(QByteArrayLiteral("DELETE"), edge() + QStringLiteral("?name=old_notice"));
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.body, (QJsonObject{{QStringLiteral("success"), true}}));
    QCOMPARE(m_sim.graph(QByteArrayLiteral("GET"), edge() + QStringLiteral("?name=old_notice"))
                 .body.value(u"data")
                 .toArray()
                 .size(),
             0);
    const Response again =
        m_sim.graph(QByteArrayLiteral("DELETE"), edge() + QStringLiteral("?name=old_notice"));
    QCOMPARE(again.status, 400);
    QCOMPARE(again.errorCode(), 100);
    QCOMPARE(m_sim.graph(QByteArrayLiteral("DELETE"), edge()).errorCode(), 100);
    // Its pending review never announces anything.
    QVERIFY(m_sim.server().advance(60000));
    QVERIFY(m_sim.settle());
    QVERIFY(templateEvents(m_sim.receiver()).isEmpty());
}

void TestSimTemplates::pausedAndDisabled()
{
    const QJsonObject send = templateMessage(
        Patient, QStringLiteral("post_op_photo_request"), QStringLiteral("en"),
        {QStringLiteral("Ana"), QStringLiteral("3"), QStringLiteral("knee surgery")});
    QCOMPARE(m_sim.send(send).status, 200);
    const auto setStatus = [this](const QString &status) {
        return m_sim
            .control(QByteArrayLiteral("POST"),
                     QStringLiteral("templates/post_op_photo_request/status"),
                     {{QStringLiteral("status"), status},
                      {QStringLiteral("reason"), QStringLiteral("LOW_QUALITY")}})
            .status;
    };
    QCOMPARE(setStatus(QStringLiteral("PAUSED")), 200);
    Response r = m_sim.send(send);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), 132015);
    QCOMPARE(setStatus(QStringLiteral("DISABLED")), 200);
    r = m_sim.send(send);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), 132016);
    QCOMPARE(setStatus(QStringLiteral("APPROVED")), 200);
    QCOMPARE(m_sim.send(send).status, 200);
    QTRY_COMPARE(templateEvents(m_sim.receiver()).size(), 3);
    QStringList events;
    for (const QJsonObject &e : templateEvents(m_sim.receiver()))
        events.append(e.value(u"event").toString());
    QCOMPARE(events, (QStringList{QStringLiteral("PAUSED"), QStringLiteral("DISABLED"),
                                  QStringLiteral("APPROVED")}));
    QCOMPARE(templateEvents(m_sim.receiver()).constFirst().value(u"reason").toString(),
             QStringLiteral("LOW_QUALITY"));
}

void TestSimTemplates::templateNode()
{
    const Response list =
        m_sim.graph(QByteArrayLiteral("GET"), edge() + QStringLiteral("?name=lab_results_ready"));
    const QString id = list.body.value(u"data").toArray().at(0).toObject().value(u"id").toString();
    const Response node = m_sim.graph(QByteArrayLiteral("GET"), id);
    QCOMPARE(node.status, 200);
    QCOMPARE(node.body.value(u"name").toString(), QStringLiteral("lab_results_ready"));
    QCOMPARE(
        m_sim.graph(QByteArrayLiteral("GET"), id + QStringLiteral("?fields=colour")).errorCode(),
        100);
}

void TestSimTemplates::urlButtonParameter()
{
    QJsonObject buttons{
        {QStringLiteral("type"), QStringLiteral("BUTTONS")},
        {QStringLiteral("buttons"),
         QJsonArray{QJsonObject{
             {QStringLiteral("type"), QStringLiteral("URL")},
             {QStringLiteral("text"), QStringLiteral("Check in")},
             {QStringLiteral("url"), QStringLiteral("https://x.test/checkin/{{1}}")}}}}};
    QCOMPARE(
        m_sim
            .graph(QByteArrayLiteral("POST"), edge(),
                   newTemplate(QStringLiteral("checkin_link"),
                               {component(QStringLiteral("BODY"), QStringLiteral("Check in now.")),
                                buttons}))
            .status,
        200);
    QVERIFY(m_sim.server().advance(60000));
    const Response r = m_sim.send(
        templateMessage(Patient, QStringLiteral("checkin_link"), QStringLiteral("en_US"), {}));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), 131008);
    QVERIFY(r.error()
                .value(u"error_data")
                .toObject()
                .value(u"details")
                .toString()
                .contains(u"Button at index 0 of type Url requires a parameter"));
}

void TestSimTemplates::businessAccount()
{
    const Response node = m_sim.graph(QByteArrayLiteral("GET"), SimFixture::WabaId);
    QCOMPARE(node.status, 200);
    QCOMPARE(node.body.value(u"id").toString(), SimFixture::WabaId);
    QVERIFY(!node.body.value(u"name").toString().isEmpty());
    const Response numbers = m_sim.graph(QByteArrayLiteral("GET"),
                                         SimFixture::WabaId + QStringLiteral("/phone_numbers"));
    QCOMPARE(numbers.status, 200);
    QCOMPARE(numbers.body.value(u"data").toArray().at(0).toObject().value(u"id").toString(),
             SimFixture::PhoneNumberId);
    const Response subscribe = m_sim.graph(QByteArrayLiteral("POST"),
                                           SimFixture::WabaId + QStringLiteral("/subscribed_apps"));
    QCOMPARE(subscribe.body, (QJsonObject{{QStringLiteral("success"), true}}));
    QCOMPARE(m_sim
                 .graph(QByteArrayLiteral("GET"),
                        SimFixture::WabaId + QStringLiteral("/subscribed_apps"))
                 .body.value(u"data")
                 .toArray()
                 .size(),
             1);
    const Response unknown = m_sim.graph(QByteArrayLiteral("GET"),
                                         SimFixture::WabaId + QStringLiteral("/conversations"));
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.errorCode(), 100);
    QVERIFY(unknown.error().value(u"message").toString().contains(u"WhatsAppBusinessAccount"));
}

QTEST_GUILESS_MAIN(TestSimTemplates)
#include "tst_simtemplates.moc"
