#include "whatsapp/graphconfig.h"
#include "whatsapp/graphmessage.h"
#include "whatsapp/graphresponses.h"
#include "whatsapp/graphtemplate.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Wardline::WhatsApp;

namespace {
[[nodiscard]] QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// The request bodies below are the shapes of Meta's "Messages reference"
// (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages), written out
// for these tests. Inside raw strings, URLs are written https:\/\/… (a JSON escape) because
// moc would read "//" as the start of a comment.
} // namespace

/// GraphMessage request bodies, Meta's answers (SentMessage, MediaInfo, TemplatePage) and
/// template definitions, all without a network.
class TestGraphMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void text();
    void textRefused();
    void replyContextAndCallbackData();
    void replyButtons();
    void list();
    void media();
    void location();
    void reaction();
    void templatePositional();
    void templateNamed();
    void fromJson_data();
    void fromJson();
    void sentMessage();
    void mediaInfo();
    void templatePage();
    void templateDefinition_data();
    void templateDefinition();
    void config_data();
    void config();
};

void TestGraphMessage::text()
{
    const auto message = GraphMessage::text(QStringLiteral("+16505551234"),
                                            QStringLiteral("See https://example.org"), true);
    QVERIFY2(message.ok(), qPrintable(message.error()));
    QCOMPARE(message->toJson(),
             json(R"({"messaging_product":"whatsapp","recipient_type":"individual",
                      "to":"16505551234","type":"text",
                      "text":{"preview_url":true,"body":"See https:\/\/example.org"}})"));
    QCOMPARE(message->recipient(), QStringLiteral("16505551234"));
    QCOMPARE(message->type(), QStringLiteral("text"));
}

void TestGraphMessage::textRefused()
{
    const auto tooLong = GraphMessage::text(QStringLiteral("16505551234"), QString(4097, u'x'));
    QVERIFY(!tooLong.ok());
    QVERIFY(tooLong.error().contains(QLocale().toString(4097)));
    const auto noNumber = GraphMessage::text(QString(), QStringLiteral("hi"));
    QVERIFY(!noNumber.ok());
    QVERIFY(!noNumber.error().isEmpty());
}

void TestGraphMessage::replyContextAndCallbackData()
{
    auto message = GraphMessage::text(QStringLiteral("16505551234"), QStringLiteral("Yes"));
    QVERIFY(message.ok());
    QVERIFY(message->setReplyTo(QStringLiteral("wamid.ABC")).ok());
    QVERIFY(message->setCallbackData(QStringLiteral("outbox:42")).ok());
    QCOMPARE(message->toJson().value(u"context").toObject(), json(R"({"message_id":"wamid.ABC"})"));
    QCOMPARE(message->toJson().value(u"biz_opaque_callback_data").toString(),
             QStringLiteral("outbox:42"));
    QVERIFY(!message->setReplyTo(QStringLiteral("not an id")).ok());
    QVERIFY(!message->setCallbackData(QString(513, u'c')).ok());
    QVERIFY(message->setCallbackData({}).ok());
    QVERIFY(!message->toJson().contains(u"biz_opaque_callback_data"));

    auto reaction = GraphMessage::reaction(QStringLiteral("16505551234"), QStringLiteral("wamid.X"),
                                           QStringLiteral("\U0001F44D"));
    QVERIFY(reaction.ok());
    QVERIFY(!reaction->setReplyTo(QStringLiteral("wamid.Y")).ok());
}

void TestGraphMessage::replyButtons()
{
    ReplyButtonsMessage input;
    input.body = QStringLiteral("Can you come on Tuesday at 9:00?");
    input.header = QStringLiteral("Appointment");
    input.footer = QStringLiteral("Reply STOP to opt out");
    input.buttons = {{QStringLiteral("yes"), QStringLiteral("Yes")},
                     {QStringLiteral("change"), QStringLiteral("Another time")}};
    const auto message = GraphMessage::replyButtons(QStringLiteral("16505551234"), input);
    QVERIFY2(message.ok(), qPrintable(message.error()));
    QCOMPARE(message->toJson().value(u"interactive").toObject(), json(R"({"type":"button",
                      "header":{"type":"text","text":"Appointment"},
                      "body":{"text":"Can you come on Tuesday at 9:00?"},
                      "footer":{"text":"Reply STOP to opt out"},
                      "action":{"buttons":[
                        {"type":"reply","reply":{"id":"yes","title":"Yes"}},
                        {"type":"reply","reply":{"id":"change","title":"Another time"}}]}})"));
}

void TestGraphMessage::list()
{
    ListMessage input;
    input.body = QStringLiteral("Pick a new slot");
    input.buttonLabel = QStringLiteral("Slots");
    input.sections = {{QStringLiteral("Monday"),
                       {{QStringLiteral("mon9"), QStringLiteral("9:00"), QStringLiteral("Dr Lee")},
                        {QStringLiteral("mon10"), QStringLiteral("10:00"), {}}}}};
    const auto message = GraphMessage::list(QStringLiteral("16505551234"), input);
    QVERIFY2(message.ok(), qPrintable(message.error()));
    QCOMPARE(message->toJson().value(u"interactive").toObject(),
             json(R"({"type":"list","body":{"text":"Pick a new slot"},
                      "action":{"button":"Slots","sections":[{"title":"Monday","rows":[
                        {"id":"mon9","title":"9:00","description":"Dr Lee"},
                        {"id":"mon10","title":"10:00"}]}]}})"));
}

void TestGraphMessage::media()
{
    const auto image = GraphMessage::media(
        QStringLiteral("16505551234"),
        {MediaKind::Image, QStringLiteral("1013859600285441"), {}, QStringLiteral("Day 3"), {}});
    QVERIFY(image.ok());
    QCOMPARE(image->type(), QStringLiteral("image"));
    QCOMPARE(image->toJson().value(u"image").toObject(),
             json(R"({"id":"1013859600285441","caption":"Day 3"})"));

    const auto document = GraphMessage::media(
        QStringLiteral("16505551234"), {MediaKind::Document,
                                        {},
                                        QUrl(QStringLiteral("https://example.org/leaflet.pdf")),
                                        {},
                                        QStringLiteral("leaflet.pdf")});
    QVERIFY(document.ok());
    QCOMPARE(document->toJson().value(u"document").toObject(),
             json(R"({"link":"https:\/\/example.org/leaflet.pdf","filename":"leaflet.pdf"})"));

    for (const auto &[kind, name] :
         {std::pair{MediaKind::Audio, u"audio"}, std::pair{MediaKind::Video, u"video"},
          std::pair{MediaKind::Sticker, u"sticker"}}) {
        const auto message = GraphMessage::media(QStringLiteral("16505551234"),
                                                 {kind, QStringLiteral("1"), {}, {}, {}});
        QVERIFY(message.ok());
        QCOMPARE(message->type(), QStringView(name).toString());
    }
}

void TestGraphMessage::location()
{
    const auto message = GraphMessage::location(
        QStringLiteral("16505551234"),
        {40.5, -73.25, QStringLiteral("Outpatients"), QStringLiteral("1 Main St")});
    QVERIFY(message.ok());
    QCOMPARE(message->toJson().value(u"location").toObject(),
             json(R"({"latitude":40.5,"longitude":-73.25,"name":"Outpatients",
                      "address":"1 Main St"})"));
}

void TestGraphMessage::reaction()
{
    const auto removal =
        GraphMessage::reaction(QStringLiteral("16505551234"), QStringLiteral("wamid.X"), {});
    QVERIFY(removal.ok());
    QCOMPARE(removal->toJson().value(u"reaction").toObject(),
             json(R"({"message_id":"wamid.X","emoji":""})"));
    QVERIFY(!GraphMessage::reaction(QStringLiteral("16505551234"), QStringLiteral("wamid.X"),
                                    QStringLiteral("yes"))
                 .ok());
}

void TestGraphMessage::templatePositional()
{
    TemplateMessage input;
    input.name = QStringLiteral("appointment_reminder");
    input.languageCode = QStringLiteral("en_US");
    input.bodyText = QStringLiteral("Hello {{1}}, see you {{2}}.");
    input.components = {
        TemplateComponent::header({TemplateParameter::media(
            TemplateParameter::Type::Document, QStringLiteral("55"), {}, QStringLiteral("a.pdf"))}),
        TemplateComponent::body({TemplateParameter::fromText(QStringLiteral("Ana")),
                                 TemplateParameter::dateTime(QStringLiteral("Tue 9:00"))}),
        TemplateComponent::quickReply(0, QStringLiteral("CONFIRM")),
        TemplateComponent::urlButton(1, QStringLiteral("appt/42")),
    };
    const auto message = GraphMessage::templateMessage(QStringLiteral("16505551234"), input);
    QVERIFY2(message.ok(), qPrintable(message.error()));
    QCOMPARE(message->toJson().value(u"template").toObject(), json(R"({
        "name":"appointment_reminder","language":{"code":"en_US"},
        "components":[
          {"type":"header","parameters":[{"type":"document","document":{"id":"55","filename":"a.pdf"}}]},
          {"type":"body","parameters":[{"type":"text","text":"Ana"},
                                       {"type":"date_time","date_time":{"fallback_value":"Tue 9:00"}}]},
          {"type":"button","sub_type":"quick_reply","index":"0",
           "parameters":[{"type":"payload","payload":"CONFIRM"}]},
          {"type":"button","sub_type":"url","index":"1",
           "parameters":[{"type":"text","text":"appt/42"}]}]})"));
    // bodyText is for checking only; Meta never sees it.
    QVERIFY(!QJsonDocument(message->toJson()).toJson().contains("see you"));
}

void TestGraphMessage::templateNamed()
{
    TemplateMessage input;
    input.name = QStringLiteral("lab_results");
    input.languageCode = QStringLiteral("es");
    input.bodyText = QStringLiteral("Hola {{first_name}}, total {{amount}}.");
    input.components = {TemplateComponent::body(
        {TemplateParameter::fromText(QStringLiteral("Ana"), QStringLiteral("first_name")),
         TemplateParameter::currency(QStringLiteral("$10.00"), QStringLiteral("USD"), 10000,
                                     QStringLiteral("amount"))})};
    const auto message = GraphMessage::templateMessage(QStringLiteral("5215512345678"), input);
    QVERIFY2(message.ok(), qPrintable(message.error()));
    QCOMPARE(message->toJson().value(u"template").toObject().value(u"components").toArray(),
             json(R"({"c":[{"type":"body","parameters":[
                 {"type":"text","parameter_name":"first_name","text":"Ana"},
                 {"type":"currency","parameter_name":"amount",
                  "currency":{"fallback_value":"$10.00","code":"USD","amount_1000":10000}}]}]})")
                 .value(u"c")
                 .toArray());

    input.components = {TemplateComponent::body(
        {TemplateParameter::fromText(QStringLiteral("Ana"), QStringLiteral("first_name"))})};
    const auto missing = GraphMessage::templateMessage(QStringLiteral("5215512345678"), input);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().contains(u"amount"), qPrintable(missing.error()));
}

void TestGraphMessage::fromJson_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("ok");

    QTest::newRow("text")
        << QByteArrayLiteral(
               R"({"messaging_product":"whatsapp","to":"1650","type":"text","text":{"body":"x"}})")
        << true;
    QTest::newRow("other product")
        << QByteArrayLiteral(
               R"({"messaging_product":"sms","to":"1650","type":"text","text":{"body":"x"}})")
        << false;
    QTest::newRow("unknown type")
        << QByteArrayLiteral(
               R"({"messaging_product":"whatsapp","to":"1650","type":"order","order":{}})")
        << false;
    QTest::newRow("type object missing")
        << QByteArrayLiteral(R"({"messaging_product":"whatsapp","to":"1650","type":"text"})")
        << false;
    QTest::newRow("bad recipient")
        << QByteArrayLiteral(
               R"({"messaging_product":"whatsapp","to":"x","type":"text","text":{"body":"x"}})")
        << false;
}

void TestGraphMessage::fromJson()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, ok);
    const QJsonObject object = QJsonDocument::fromJson(payload).object();
    const std::optional<GraphMessage> message = GraphMessage::fromJson(object);
    QCOMPARE(message.has_value(), ok);
    if (message)
        QCOMPARE(message->toJson(), object);
}

void TestGraphMessage::sentMessage()
{
    // Meta rewrote the number (Brazil's ninth digit): both ids are kept.
    const std::optional<SentMessage> sent = SentMessage::fromJson(json(R"({
        "messaging_product":"whatsapp",
        "contacts":[{"input":"+55 11 8765-4321","wa_id":"5511987654321"}],
        "messages":[{"id":"wamid.HBgNNTUxMTk4NzY1NDMyMRUCABEYEjQ","message_status":"accepted"}]})"));
    QVERIFY(sent);
    QCOMPARE(sent->messageId, QStringLiteral("wamid.HBgNNTUxMTk4NzY1NDMyMRUCABEYEjQ"));
    QCOMPARE(sent->messageStatus, QStringLiteral("accepted"));
    QCOMPARE(sent->input, QStringLiteral("+55 11 8765-4321"));
    QCOMPARE(sent->waId, QStringLiteral("5511987654321"));
    QVERIFY(sent->recipientRewritten());

    const std::optional<SentMessage> same = SentMessage::fromJson(json(R"({
        "contacts":[{"input":"+16505551234","wa_id":"16505551234"}],
        "messages":[{"id":"wamid.A"}]})"));
    QVERIFY(same);
    QVERIFY(!same->recipientRewritten());
    QVERIFY(same->messageStatus.isEmpty());

    QVERIFY(!SentMessage::fromJson(json(R"({"messages":[]})")));
    QVERIFY(!SentMessage::fromJson(json(R"({"success":true})")));
}

void TestGraphMessage::mediaInfo()
{
    const QByteArray data = QByteArrayLiteral("wound photo bytes");
    const QByteArray digest = QCryptographicHash::hash(data, QCryptographicHash::Sha256);
    for (const QByteArray &encoded : {digest.toHex(), digest.toBase64()}) {
        QJsonObject object = json(R"({"messaging_product":"whatsapp",
            "url":"https:\/\/lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&ext=2&hash=3",
            "mime_type":"image/jpeg","file_size":"17","id":"1013859600285441"})");
        object.insert(QStringLiteral("sha256"), QString::fromLatin1(encoded));
        const std::optional<MediaInfo> info = MediaInfo::fromJson(object);
        QVERIFY(info);
        QCOMPARE(info->fileSize, 17);
        QCOMPARE(info->mimeType, QStringLiteral("image/jpeg"));
        QCOMPARE(info->url.host(), QStringLiteral("lookaside.fbsbx.com"));
        QCOMPARE(info->sha256Digest(), std::optional<QByteArray>(digest));
    }
    const std::optional<MediaInfo> numeric = MediaInfo::fromJson(
        json(R"({"url":"https:\/\/x.example/a","file_size":2048,"sha256":"zz"})"));
    QVERIFY(numeric);
    QCOMPARE(numeric->fileSize, 2048);
    QVERIFY(!numeric->sha256Digest());
    QVERIFY(!MediaInfo::fromJson(json(R"({"id":"1"})")));
    QVERIFY(!MediaInfo::fromJson(json(R"({"url":"relative/path"})")));
}

void TestGraphMessage::templatePage()
{
    const std::optional<TemplatePage> page = TemplatePage::fromJson(json(R"({
        "data":[{"name":"appointment_reminder","language":"en_US","status":"APPROVED",
                 "category":"UTILITY","id":"594425479261596","parameter_format":"POSITIONAL",
                 "components":[{"type":"BODY","text":"Hello {{1}}"}]},
                {"language":"en_US"}],
        "paging":{"cursors":{"before":"QVFI","after":"QVFIUk"},
                  "next":"https:\/\/graph.facebook.com/v24.0/1/message_templates?after=QVFIUk"}})"));
    QVERIFY(page);
    QCOMPARE(page->templates.size(), 1); // the nameless entry is dropped
    QCOMPARE(page->templates.constFirst().componentText(u"BODY"), QStringLiteral("Hello {{1}}"));
    QCOMPARE(page->templates.constFirst().status, QStringLiteral("APPROVED"));
    QCOMPARE(page->after, QStringLiteral("QVFIUk"));
    QVERIFY(page->hasMore());

    const std::optional<TemplatePage> last = TemplatePage::fromJson(
        json(R"({"data":[],"paging":{"cursors":{"before":"A","after":"B"}}})"));
    QVERIFY(last);
    QVERIFY(!last->hasMore());
    QVERIFY(!TemplatePage::fromJson(json(R"({"paging":{}})")));
}

void TestGraphMessage::templateDefinition_data()
{
    QTest::addColumn<QByteArray>("definition");
    QTest::addColumn<bool>("ok");

    QTest::newRow("positional with examples") << QByteArrayLiteral(R"({
        "name":"appointment_reminder","language":"en_US","category":"UTILITY",
        "components":[
          {"type":"HEADER","format":"TEXT","text":"Hi {{1}}","example":{"header_text":["Ana"]}},
          {"type":"BODY","text":"Your appointment is on {{1}} at {{2}}.",
           "example":{"body_text":[["Tuesday","9:00"]]}},
          {"type":"FOOTER","text":"Wardline Hospital"},
          {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Confirm"},
                                       {"type":"QUICK_REPLY","text":"Change"}]}]})")
                                              << true;
    QTest::newRow("named with examples") << QByteArrayLiteral(R"({
        "name":"results_ready","language":"es","category":"UTILITY","parameter_format":"NAMED",
        "components":[{"type":"BODY","text":"Hola {{first_name}}",
          "example":{"body_text_named_params":[{"param_name":"first_name","example":"Ana"}]}}]})")
                                         << true;
    QTest::newRow("no placeholders, no examples")
        << QByteArrayLiteral(
               R"({"name":"hello","language":"en","category":"UTILITY",
            "components":[{"type":"BODY","text":"Your results are ready."}]})")
        << true;
    QTest::newRow("missing examples") << QByteArrayLiteral(
                                             R"({"name":"r","language":"en","category":"UTILITY",
            "components":[{"type":"BODY","text":"On {{1}} at {{2}}"}]})")
                                      << false;
    QTest::newRow("too few examples") << QByteArrayLiteral(
                                             R"({"name":"r","language":"en","category":"UTILITY",
            "components":[{"type":"BODY","text":"On {{1}} at {{2}}",
                           "example":{"body_text":[["Tue"]]}}]})")
                                      << false;
    QTest::newRow("gap in numbering") << QByteArrayLiteral(
                                             R"({"name":"r","language":"en","category":"UTILITY",
            "components":[{"type":"BODY","text":"On {{1}} at {{3}}",
                           "example":{"body_text":[["Tue","9"]]}}]})")
                                      << false;
    QTest::newRow("named in a positional template")
        << QByteArrayLiteral(
               R"({"name":"r","language":"en","category":"UTILITY",
            "components":[{"type":"BODY","text":"Hi {{name}}"}]})")
        << false;
    QTest::newRow("named example missing")
        << QByteArrayLiteral(
               R"({"name":"r","language":"en","category":"UTILITY","parameter_format":"NAMED",
            "components":[{"type":"BODY","text":"Hi {{name}} {{day}}",
              "example":{"body_text_named_params":[{"param_name":"name","example":"Ana"}]}}]})")
        << false;
    QTest::newRow("no body") << QByteArrayLiteral(
                                    R"({"name":"r","language":"en","category":"UTILITY",
            "components":[{"type":"FOOTER","text":"x"}]})")
                             << false;
    QTest::newRow("body 1025")
        << QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("r")},
                                     {QStringLiteral("language"), QStringLiteral("en")},
                                     {QStringLiteral("category"), QStringLiteral("UTILITY")},
                                     {QStringLiteral("components"),
                                      QJsonArray{QJsonObject{
                                          {QStringLiteral("type"), QStringLiteral("BODY")},
                                          {QStringLiteral("text"), QString(1025, u'b')}}}}})
               .toJson()
        << false;
    QTest::newRow("bad category") << QByteArrayLiteral(
                                         R"({"name":"r","language":"en","category":"TRANSACTIONAL",
            "components":[{"type":"BODY","text":"x"}]})")
                                  << false;
    QTest::newRow("bad name") << QByteArrayLiteral(
                                     R"({"name":"My Template","language":"en","category":"UTILITY",
            "components":[{"type":"BODY","text":"x"}]})")
                              << false;
    QTest::newRow("footer with a field") << QByteArrayLiteral(
                                                R"({"name":"r","language":"en","category":"UTILITY",
            "components":[{"type":"BODY","text":"x"},{"type":"FOOTER","text":"{{1}}"}]})")
                                         << false;
    QTest::newRow("two header fields") << QByteArrayLiteral(
                                              R"({"name":"r","language":"en","category":"UTILITY",
            "components":[{"type":"HEADER","format":"TEXT","text":"{{1}} {{2}}",
                           "example":{"header_text":["a","b"]}},{"type":"BODY","text":"x"}]})")
                                       << false;
    QTest::newRow("eleven buttons") << QByteArrayLiteral(
                                           R"({"name":"r","language":"en","category":"UTILITY",
            "components":[{"type":"BODY","text":"x"},{"type":"BUTTONS","buttons":[
              {},{},{},{},{},{},{},{},{},{},{}]}]})")
                                    << false;
    QTest::newRow("web, call and quick-reply buttons")
        << QByteArrayLiteral(
               R"({"name":"r","language":"en","category":"UTILITY",
            "components":[{"type":"BODY","text":"x"},{"type":"BUTTONS","buttons":[
              {"type":"URL","text":"Portal","url":"https://portal.example.org/results"},
              {"type":"PHONE_NUMBER","text":"Call the ward","phone_number":"+15550100200"},
              {"type":"QUICK_REPLY","text":"Thanks"}]}]})")
        << true;
    QTest::newRow("button label of 26") << QByteArrayLiteral(
                                               R"({"name":"r","language":"en","category":"UTILITY",
            "components":[{"type":"BODY","text":"x"},{"type":"BUTTONS","buttons":[
              {"type":"QUICK_REPLY","text":"abcdefghijklmnopqrstuvwxyz"}]}]})")
                                        << false;
    QTest::newRow("web button without an address")
        << QByteArrayLiteral(
               R"({"name":"r","language":"en","category":"UTILITY",
            "components":[{"type":"BODY","text":"x"},{"type":"BUTTONS","buttons":[
              {"type":"URL","text":"Portal","url":"portal"}]}]})")
        << false;
    QTest::newRow("call button without a number")
        << QByteArrayLiteral(
               R"({"name":"r","language":"en","category":"UTILITY",
            "components":[{"type":"BODY","text":"x"},{"type":"BUTTONS","buttons":[
              {"type":"PHONE_NUMBER","text":"Call","phone_number":"ward"}]}]})")
        << false;
    QTest::newRow("image heading without an example")
        << QByteArrayLiteral(
               R"({"name":"r","language":"en","category":"UTILITY",
            "components":[{"type":"HEADER","format":"IMAGE"},{"type":"BODY","text":"x"}]})")
        << false;
}

void TestGraphMessage::templateDefinition()
{
    QFETCH(QByteArray, definition);
    QFETCH(bool, ok);
    const std::optional<GraphTemplate> parsed =
        GraphTemplate::fromJson(QJsonDocument::fromJson(definition).object());
    QVERIFY(parsed);
    const Wardline::Core::Status status = parsed->checkDefinition();
    QVERIFY2(status.ok() == ok, qPrintable(status.error()));
    QCOMPARE(status.error().isEmpty(), ok);
    if (ok) {
        const QJsonObject create = parsed->toCreateJson();
        QCOMPARE(create.value(u"name").toString(), parsed->name);
        QVERIFY(create.value(u"components").isArray());
        QVERIFY(!create.contains(u"status"));
    }
}

void TestGraphMessage::config_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("problems");

    QTest::newRow("graph.facebook.com")
        << QStringLiteral("https://graph.facebook.com") << QStringLiteral("v24.0")
        << QStringLiteral("https://graph.facebook.com/v24.0/106540352242922/messages") << 0;
    QTest::newRow("proxy prefix, trailing slash")
        << QStringLiteral("https://proxy.hospital.example/meta/") << QStringLiteral("v23.0")
        << QStringLiteral("https://proxy.hospital.example/meta/v23.0/106540352242922/messages")
        << 0;
    QTest::newRow("simulator on loopback")
        << QStringLiteral("http://127.0.0.1:8090") << QStringLiteral("v24.0")
        << QStringLiteral("http://127.0.0.1:8090/v24.0/106540352242922/messages") << 0;
    QTest::newRow("bad version") << QStringLiteral("https://graph.facebook.com")
                                 << QStringLiteral("24") << QString() << 1;
    QTest::newRow("no scheme") << QStringLiteral("graph.facebook.com") << QStringLiteral("v24.0")
                               << QString() << 1;
    QTest::newRow("ftp") << QStringLiteral("ftp://graph.facebook.com") << QStringLiteral("v24.0")
                         << QString() << 1;
}

void TestGraphMessage::config()
{
    QFETCH(QString, baseUrl);
    QFETCH(QString, version);
    QFETCH(QString, expected);
    QFETCH(int, problems);
    GraphConfig config;
    config.baseUrl = QUrl(baseUrl);
    config.apiVersion = version;
    config.phoneNumberId = QStringLiteral("106540352242922");
    config.accessToken = QByteArrayLiteral("token");
    QCOMPARE(config.problems().size(), problems);
    if (!expected.isEmpty()) {
        QCOMPARE(config.endpoint({config.phoneNumberId, QStringLiteral("messages")}).toString(),
                 expected);
    }
}

QTEST_GUILESS_MAIN(TestGraphMessage)
#include "tst_graphmessage.moc"
