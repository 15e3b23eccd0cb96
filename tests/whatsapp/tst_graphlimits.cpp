#include "whatsapp/sendlimits.h"

#include <QTest>

using namespace Wardline::WhatsApp;

Q_DECLARE_METATYPE(Wardline::WhatsApp::ReplyButtonsMessage)
Q_DECLARE_METATYPE(Wardline::WhatsApp::ListMessage)
Q_DECLARE_METATYPE(Wardline::WhatsApp::MediaMessage)
Q_DECLARE_METATYPE(Wardline::WhatsApp::TemplateMessage)

namespace {
// U+1F600 (grinning face): one emoji, two UTF-16 code units.
const QString Emoji = QStringLiteral("\U0001F600");

[[nodiscard]] ReplyButtonsMessage buttons(const QStringList &titles)
{
    ReplyButtonsMessage message;
    message.body = QStringLiteral("Can you come on Tuesday?");
    for (qsizetype i = 0; i < titles.size(); ++i)
        message.buttons.append({QStringLiteral("b%1").arg(i), titles.at(i)});
    return message;
}

[[nodiscard]] ListMessage listOf(const QList<int> &rowsPerSection)
{
    ListMessage message;
    message.body = QStringLiteral("Choose a time");
    message.buttonLabel = QStringLiteral("Times");
    int id = 0;
    for (const int rows : rowsPerSection) {
        ListSection section;
        section.title = QStringLiteral("Week %1").arg(message.sections.size() + 1);
        for (int i = 0; i < rows; ++i)
            section.rows.append({QStringLiteral("r%1").arg(id++), QStringLiteral("9:00"), {}});
        message.sections.append(section);
    }
    return message;
}

[[nodiscard]] TemplateMessage reminder(QList<TemplateComponent> components)
{
    TemplateMessage message;
    message.name = QStringLiteral("appointment_reminder");
    message.languageCode = QStringLiteral("en_US");
    message.components = std::move(components);
    return message;
}

[[nodiscard]] QList<TemplateParameter> texts(const QStringList &values,
                                             const QStringList &names = {})
{
    QList<TemplateParameter> parameters;
    for (qsizetype i = 0; i < values.size(); ++i)
        parameters.append(TemplateParameter::fromText(values.at(i), names.value(i)));
    return parameters;
}
} // namespace

/// SendLimits: Meta's limits, checked before sending, with refusals in staff's words.
class TestGraphLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void length();
    void recipient_data();
    void recipient();
    void messageId_data();
    void messageId();
    void text_data();
    void text();
    void caption_data();
    void caption();
    void replyButtons_data();
    void replyButtons();
    void list_data();
    void list();
    void media_data();
    void media();
    void location_data();
    void location();
    void reaction_data();
    void reaction();
    void placeholders_data();
    void placeholders();
    void checkPlaceholders_data();
    void checkPlaceholders();
    void templateMessage_data();
    void templateMessage();
    void upload_data();
    void upload();
    void names_data();
    void names();
};

void TestGraphLimits::length()
{
    // UTF-16 code units, on purpose (see SendLimits): an astral emoji counts twice, an accented
    // letter in NFC once.
    QCOMPARE(SendLimits::length(u"abc"), 3);
    QCOMPARE(SendLimits::length(Emoji), 2);
    QCOMPARE(SendLimits::length(QStringLiteral("caf\u00e9")), 4);
}

void TestGraphLimits::recipient_data()
{
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("ok");

    QTest::newRow("digits") << QStringLiteral("16505551234") << true;
    QTest::newRow("leading plus") << QStringLiteral("+16505551234") << true;
    QTest::newRow("fifteen digits") << QStringLiteral("123456789012345") << true;
    QTest::newRow("sixteen digits") << QStringLiteral("1234567890123456") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("blank") << QStringLiteral("   ") << false;
    QTest::newRow("spaces inside") << QStringLiteral("1 650 555 1234") << false;
    QTest::newRow("dashes") << QStringLiteral("1-650-555-1234") << false;
    QTest::newRow("letters") << QStringLiteral("1650555ABCD") << false;
    QTest::newRow("plus only") << QStringLiteral("+") << false;
    QTest::newRow("trunk zero") << QStringLiteral("06505551234") << false;
    QTest::newRow("arabic-indic digits") << QStringLiteral("\u0661\u0662\u0663") << false;
}

void TestGraphLimits::recipient()
{
    QFETCH(QString, to);
    QFETCH(bool, ok);
    const Wardline::Core::Status status = SendLimits::checkRecipient(to);
    QCOMPARE(status.ok(), ok);
    QCOMPARE(status.error().isEmpty(), ok);
}

void TestGraphLimits::messageId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("ok");

    QTest::newRow("wamid") << QStringLiteral("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJBRkU0") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << QStringLiteral("wamid. x") << false;
    QTest::newRow("slash") << QStringLiteral("wamid/x") << false;
    QTest::newRow("too long") << QString(513, u'a') << false;
}

void TestGraphLimits::messageId()
{
    QFETCH(QString, id);
    QFETCH(bool, ok);
    QCOMPARE(SendLimits::checkMessageId(id).ok(), ok);
}

void TestGraphLimits::text_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("ok");

    QTest::newRow("one character") << QStringLiteral("k") << true;
    QTest::newRow("4096 characters") << QString(4096, u'a') << true;
    QTest::newRow("4097 characters") << QString(4097, u'a') << false;
    QTest::newRow("2048 emoji = 4096 units") << Emoji.repeated(2048) << true;
    QTest::newRow("2049 emoji = 4098 units") << Emoji.repeated(2049) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("only spaces and new lines") << QStringLiteral("  \n\t ") << false;
    QTest::newRow("new lines inside") << QStringLiteral("Take it\nwith food") << true;
}

void TestGraphLimits::text()
{
    QFETCH(QString, body);
    QFETCH(bool, ok);
    const Wardline::Core::Status status = SendLimits::checkText(body);
    QCOMPARE(status.ok(), ok);
    if (!ok)
        QVERIFY(!status.error().isEmpty());
    // The refusal names both numbers so the nurse knows how much to cut.
    if (body.size() > SendLimits::TextBodyMax) {
        QVERIFY2(status.error().contains(QLocale().toString(body.size())),
                 qPrintable(status.error()));
        QVERIFY(status.error().contains(QLocale().toString(SendLimits::TextBodyMax)));
    }
}

void TestGraphLimits::caption_data()
{
    QTest::addColumn<QString>("caption");
    QTest::addColumn<bool>("ok");

    QTest::newRow("none") << QString() << true;
    QTest::newRow("1024") << QString(1024, u'c') << true;
    QTest::newRow("1025") << QString(1025, u'c') << false;
}

void TestGraphLimits::caption()
{
    QFETCH(QString, caption);
    QFETCH(bool, ok);
    QCOMPARE(SendLimits::checkCaption(caption).ok(), ok);
}

void TestGraphLimits::replyButtons_data()
{
    QTest::addColumn<ReplyButtonsMessage>("message");
    QTest::addColumn<bool>("ok");

    QTest::newRow("one") << buttons({QStringLiteral("Yes")}) << true;
    QTest::newRow("three") << buttons({QStringLiteral("Yes"), QStringLiteral("No"),
                                       QStringLiteral("Call me")})
                           << true;
    QTest::newRow("none") << buttons({}) << false;
    QTest::newRow("four") << buttons({QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                                      QStringLiteral("D")})
                          << false;
    QTest::newRow("title 20") << buttons({QString(20, u't')}) << true;
    QTest::newRow("title 21") << buttons({QString(21, u't')}) << false;
    QTest::newRow("title 10 emoji = 20 units") << buttons({Emoji.repeated(10)}) << true;
    QTest::newRow("title 11 emoji = 22 units") << buttons({Emoji.repeated(11)}) << false;
    QTest::newRow("empty title") << buttons({QString()}) << false;
    QTest::newRow("same titles") << buttons({QStringLiteral("Yes"), QStringLiteral("Yes")})
                                 << false;

    ReplyButtonsMessage sameIds = buttons({QStringLiteral("Yes"), QStringLiteral("No")});
    sameIds.buttons[1].id = sameIds.buttons[0].id;
    QTest::newRow("same ids") << sameIds << false;
    ReplyButtonsMessage longId = buttons({QStringLiteral("Yes")});
    longId.buttons[0].id = QString(257, u'i');
    QTest::newRow("id 257") << longId << false;
    ReplyButtonsMessage spacedId = buttons({QStringLiteral("Yes")});
    spacedId.buttons[0].id = QStringLiteral(" yes");
    QTest::newRow("id with space") << spacedId << false;
    ReplyButtonsMessage noBody = buttons({QStringLiteral("Yes")});
    noBody.body.clear();
    QTest::newRow("empty body") << noBody << false;
    ReplyButtonsMessage longBody = buttons({QStringLiteral("Yes")});
    longBody.body = QString(1025, u'b');
    QTest::newRow("body 1025") << longBody << false;
    ReplyButtonsMessage decorated = buttons({QStringLiteral("Yes")});
    decorated.header = QString(60, u'h');
    decorated.footer = QString(60, u'f');
    QTest::newRow("header and footer 60") << decorated << true;
    decorated.footer = QString(61, u'f');
    QTest::newRow("footer 61") << decorated << false;
    decorated.footer.clear();
    decorated.header = QString(61, u'h');
    QTest::newRow("header 61") << decorated << false;
}

void TestGraphLimits::replyButtons()
{
    QFETCH(ReplyButtonsMessage, message);
    QFETCH(bool, ok);
    const Wardline::Core::Status status = SendLimits::checkReplyButtons(message);
    QVERIFY2(status.ok() == ok, qPrintable(status.error()));
    QCOMPARE(status.error().isEmpty(), ok);
}

void TestGraphLimits::list_data()
{
    QTest::addColumn<ListMessage>("message");
    QTest::addColumn<bool>("ok");

    QTest::newRow("one row") << listOf({1}) << true;
    QTest::newRow("ten rows in one section") << listOf({10}) << true;
    QTest::newRow("eleven rows in one section") << listOf({11}) << false;
    QTest::newRow("ten rows over three sections") << listOf({4, 3, 3}) << true;
    QTest::newRow("eleven rows over two sections") << listOf({6, 5}) << false;
    QTest::newRow("ten sections") << listOf({1, 1, 1, 1, 1, 1, 1, 1, 1, 1}) << true;
    QTest::newRow("eleven sections") << listOf({1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0}) << false;
    QTest::newRow("no rows") << listOf({}) << false;
    QTest::newRow("empty section") << listOf({2, 0}) << false;

    ListMessage untitled = listOf({1, 1});
    untitled.sections[1].title.clear();
    QTest::newRow("second section untitled") << untitled << false;
    ListMessage single = listOf({2});
    single.sections[0].title.clear();
    QTest::newRow("single section untitled") << single << true;

    ListMessage m = listOf({1});
    m.buttonLabel = QString(20, u'l');
    QTest::newRow("button label 20") << m << true;
    m.buttonLabel = QString(21, u'l');
    QTest::newRow("button label 21") << m << false;
    m.buttonLabel.clear();
    QTest::newRow("no button label") << m << false;

    m = listOf({1});
    m.sections[0].title = QString(24, u's');
    QTest::newRow("section title 24") << m << true;
    m.sections[0].title = QString(25, u's');
    QTest::newRow("section title 25") << m << false;

    m = listOf({1});
    m.sections[0].rows[0].title = QString(24, u'r');
    QTest::newRow("row title 24") << m << true;
    m.sections[0].rows[0].title = QString(25, u'r');
    QTest::newRow("row title 25") << m << false;
    m.sections[0].rows[0].title.clear();
    QTest::newRow("row title empty") << m << false;

    m = listOf({1});
    m.sections[0].rows[0].description = QString(72, u'd');
    QTest::newRow("description 72") << m << true;
    m.sections[0].rows[0].description = QString(73, u'd');
    QTest::newRow("description 73") << m << false;

    m = listOf({2});
    m.sections[0].rows[1].id = m.sections[0].rows[0].id;
    QTest::newRow("duplicate row ids") << m << false;
    m = listOf({1});
    m.sections[0].rows[0].id = QString(201, u'i');
    QTest::newRow("row id 201") << m << false;

    m = listOf({1});
    m.body = QString(4096, u'b');
    QTest::newRow("body 4096") << m << true;
    m.body = QString(4097, u'b');
    QTest::newRow("body 4097") << m << false;
}

void TestGraphLimits::list()
{
    QFETCH(ListMessage, message);
    QFETCH(bool, ok);
    const Wardline::Core::Status status = SendLimits::checkList(message);
    QVERIFY2(status.ok() == ok, qPrintable(status.error()));
    QCOMPARE(status.error().isEmpty(), ok);
}

void TestGraphLimits::media_data()
{
    QTest::addColumn<MediaMessage>("message");
    QTest::addColumn<bool>("ok");

    const QUrl link(QStringLiteral("https://example.org/leaflet.pdf"));
    QTest::newRow("image by id")
        << MediaMessage{MediaKind::Image, QStringLiteral("1234"), {}, {}, {}} << true;
    QTest::newRow("document by link with name")
        << MediaMessage{MediaKind::Document,
                        {},
                        link,
                        QStringLiteral("Your discharge letter"),
                        QStringLiteral("discharge.pdf")}
        << true;
    QTest::newRow("neither id nor link") << MediaMessage{MediaKind::Image, {}, {}, {}, {}} << false;
    QTest::newRow("both id and link")
        << MediaMessage{MediaKind::Image, QStringLiteral("1234"), link, {}, {}} << false;
    QTest::newRow("http link") << MediaMessage{MediaKind::Image,
                                               {},
                                               QUrl(QStringLiteral("http://example.org/a.png")),
                                               {},
                                               {}}
                               << false;
    QTest::newRow("caption 1024")
        << MediaMessage{MediaKind::Video, QStringLiteral("1"), {}, QString(1024, u'c'), {}} << true;
    QTest::newRow("caption 1025")
        << MediaMessage{MediaKind::Image, QStringLiteral("1"), {}, QString(1025, u'c'), {}}
        << false;
    QTest::newRow("audio with caption")
        << MediaMessage{MediaKind::Audio, QStringLiteral("1"), {}, QStringLiteral("listen"), {}}
        << false;
    QTest::newRow("sticker with caption")
        << MediaMessage{MediaKind::Sticker, QStringLiteral("1"), {}, QStringLiteral("hi"), {}}
        << false;
    QTest::newRow("file name on an image")
        << MediaMessage{MediaKind::Image, QStringLiteral("1"), {}, {}, QStringLiteral("a.png")}
        << false;
    QTest::newRow("id with slash")
        << MediaMessage{MediaKind::Image, QStringLiteral("12/34"), {}, {}, {}} << false;
}

void TestGraphLimits::media()
{
    QFETCH(MediaMessage, message);
    QFETCH(bool, ok);
    const Wardline::Core::Status status = SendLimits::checkMedia(message);
    QVERIFY2(status.ok() == ok, qPrintable(status.error()));
}

void TestGraphLimits::location_data()
{
    QTest::addColumn<double>("latitude");
    QTest::addColumn<double>("longitude");
    QTest::addColumn<bool>("ok");

    QTest::newRow("hospital") << 40.7411 << -73.9897 << true;
    QTest::newRow("poles and date line") << -90.0 << 180.0 << true;
    QTest::newRow("latitude 91") << 91.0 << 0.0 << false;
    QTest::newRow("longitude -181") << 0.0 << -181.0 << false;
    QTest::newRow("not a number") << qQNaN() << 0.0 << false;
    QTest::newRow("infinite") << 0.0 << qInf() << false;
}

void TestGraphLimits::location()
{
    QFETCH(double, latitude);
    QFETCH(double, longitude);
    QFETCH(bool, ok);
    QCOMPARE(SendLimits::checkLocation({latitude, longitude, {}, {}}).ok(), ok);
}

void TestGraphLimits::reaction_data()
{
    QTest::addColumn<QString>("emoji");
    QTest::addColumn<bool>("ok");

    QTest::newRow("thumbs up") << QStringLiteral("\U0001F44D") << true;
    QTest::newRow("thumbs up, skin tone") << QStringLiteral("\U0001F44D\U0001F3FD") << true;
    QTest::newRow("flag") << QStringLiteral("\U0001F1FA\U0001F1F8") << true;
    QTest::newRow("heart with variation selector") << QStringLiteral("\u2764\uFE0F") << true;
    QTest::newRow("removal") << QString() << true;
    QTest::newRow("two emoji") << QStringLiteral("\U0001F44D\U0001F44D") << false;
    QTest::newRow("a letter") << QStringLiteral("A") << false;
    QTest::newRow("a word") << QStringLiteral("ok") << false;
}

void TestGraphLimits::reaction()
{
    QFETCH(QString, emoji);
    QFETCH(bool, ok);
    QCOMPARE(SendLimits::checkReaction(u"wamid.ABC", emoji).ok(), ok);
}

void TestGraphLimits::placeholders_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("positional");
    QTest::addColumn<QStringList>("named");
    QTest::addColumn<int>("malformed");

    QTest::newRow("none") << QStringLiteral("See you soon.") << QList<int>{} << QStringList{} << 0;
    QTest::newRow("positional") << QStringLiteral(
                                       "Hello {{1}}, your appointment is on {{2}} at {{3}}.")
                                << QList<int>{1, 2, 3} << QStringList{} << 0;
    QTest::newRow("positional repeated and unordered")
        << QStringLiteral("{{2}} then {{1}} and {{2}} again") << QList<int>{1, 2} << QStringList{}
        << 0;
    QTest::newRow("named") << QStringLiteral("Hi {{first_name}}, see you {{day}}. {{first_name}}!")
                           << QList<int>{}
                           << QStringList{QStringLiteral("first_name"), QStringLiteral("day")} << 0;
    QTest::newRow("spaces inside braces")
        << QStringLiteral("Hi {{ 1 }}") << QList<int>{} << QStringList{} << 1;
    QTest::newRow("upper-case name")
        << QStringLiteral("Hi {{Name}}") << QList<int>{} << QStringList{} << 1;
    QTest::newRow("empty braces") << QStringLiteral("Hi {{}}") << QList<int>{} << QStringList{}
                                  << 1;
    QTest::newRow("unclosed") << QStringLiteral("Hi {{1") << QList<int>{} << QStringList{} << 0;
    QTest::newRow("mixed") << QStringLiteral("{{1}} and {{name}}") << QList<int>{1}
                           << QStringList{QStringLiteral("name")} << 0;
}

void TestGraphLimits::placeholders()
{
    QFETCH(QString, text);
    QFETCH(QList<int>, positional);
    QFETCH(QStringList, named);
    QFETCH(int, malformed);
    const SendLimits::Placeholders found = SendLimits::placeholders(text);
    QCOMPARE(found.positional, positional);
    QCOMPARE(found.named, named);
    QCOMPARE(found.malformed.size(), malformed);
}

void TestGraphLimits::checkPlaceholders_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<bool>("ok");

    const QString positional = QStringLiteral("Hello {{1}}, see you on {{2}}.");
    const QString named = QStringLiteral("Hello {{first_name}}, see you on {{day}}.");
    const QStringList two{QStringLiteral("Ana"), QStringLiteral("Tuesday")};

    QTest::newRow("positional, matching") << positional << two << QStringList{} << true;
    QTest::newRow("positional, one short")
        << positional << QStringList{QStringLiteral("Ana")} << QStringList{} << false;
    QTest::newRow("positional, one too many")
        << positional << (two + QStringList{QStringLiteral("x")}) << QStringList{} << false;
    QTest::newRow("positional, values named")
        << positional << two << QStringList{QStringLiteral("first_name"), QStringLiteral("day")}
        << false;
    QTest::newRow("repeated placeholder counts once")
        << QStringLiteral("{{1}} … {{1}}") << QStringList{QStringLiteral("Ana")} << QStringList{}
        << true;
    QTest::newRow("no placeholders, no values")
        << QStringLiteral("Your results are ready.") << QStringList{} << QStringList{} << true;
    QTest::newRow("no placeholders, a value")
        << QStringLiteral("Your results are ready.") << QStringList{QStringLiteral("x")}
        << QStringList{} << false;
    QTest::newRow("named, matching")
        << named << two << QStringList{QStringLiteral("first_name"), QStringLiteral("day")} << true;
    QTest::newRow("named, other order")
        << named << QStringList{QStringLiteral("Tuesday"), QStringLiteral("Ana")}
        << QStringList{QStringLiteral("day"), QStringLiteral("first_name")} << true;
    QTest::newRow("named, one missing") << named << QStringList{QStringLiteral("Ana")}
                                        << QStringList{QStringLiteral("first_name")} << false;
    QTest::newRow("named, unknown name")
        << named << two << QStringList{QStringLiteral("first_name"), QStringLiteral("date")}
        << false;
    QTest::newRow("named, twice") << named << (two + QStringList{QStringLiteral("Bea")})
                                  << QStringList{QStringLiteral("first_name"),
                                                 QStringLiteral("day"),
                                                 QStringLiteral("first_name")}
                                  << false;
    QTest::newRow("named, values without names") << named << two << QStringList{} << false;
    QTest::newRow("mixed styles in the text")
        << QStringLiteral("{{1}} {{name}}") << two << QStringList{} << false;
    QTest::newRow("malformed placeholder")
        << QStringLiteral("Hi {{ first name }}") << QStringList{QStringLiteral("Ana")}
        << QStringList{} << false;
}

void TestGraphLimits::checkPlaceholders()
{
    QFETCH(QString, text);
    QFETCH(QStringList, values);
    QFETCH(QStringList, names);
    QFETCH(bool, ok);
    const Wardline::Core::Status status = SendLimits::checkPlaceholders(text, texts(values, names));
    QVERIFY2(status.ok() == ok, qPrintable(status.error()));
    QCOMPARE(status.error().isEmpty(), ok);
}

void TestGraphLimits::templateMessage_data()
{
    QTest::addColumn<TemplateMessage>("message");
    QTest::addColumn<bool>("ok");

    using P = TemplateParameter;
    using C = TemplateComponent;
    const QString body = QStringLiteral("Hello {{1}}, your appointment is on {{2}}.");

    QTest::newRow("no parameters") << reminder({}) << true;
    TemplateMessage full = reminder(
        {C::header(
             {P::media(P::Type::Image, {}, QUrl(QStringLiteral("https://example.org/a.png")))}),
         C::body({P::fromText(QStringLiteral("Ana")), P::dateTime(QStringLiteral("Tuesday 9:00")),
                  P::currency(QStringLiteral("$10"), QStringLiteral("USD"), 10000)}),
         C::quickReply(0, QStringLiteral("CONFIRM")), C::quickReply(1, QStringLiteral("CHANGE")),
         C::urlButton(2, QStringLiteral("appt/42"))});
    QTest::newRow("header, body, quick replies, url button") << full << true;

    TemplateMessage checked =
        reminder({C::body(texts({QStringLiteral("Ana"), QStringLiteral("Tue")}))});
    checked.bodyText = body;
    QTest::newRow("body text known, matching") << checked << true;
    checked.components = {C::body(texts({QStringLiteral("Ana")}))};
    QTest::newRow("body text known, one short") << checked << false;

    TemplateMessage namedHeader =
        reminder({C::header(texts({QStringLiteral("Ana")}, {QStringLiteral("name")})),
                  C::body(texts({QStringLiteral("Tue")}, {QStringLiteral("day")}))});
    namedHeader.headerText = QStringLiteral("For {{name}}");
    namedHeader.bodyText = QStringLiteral("See you {{day}}.");
    QTest::newRow("named header and body") << namedHeader << true;
    QTest::newRow("header and body in different styles")
        << reminder({C::header(texts({QStringLiteral("Ana")}, {QStringLiteral("name")})),
                     C::body(texts({QStringLiteral("Tue")}))})
        << false;

    QTest::newRow("bad name") << TemplateMessage{QStringLiteral("Appointment Reminder"),
                                                 QStringLiteral("en_US"),
                                                 {},
                                                 {},
                                                 {}}
                              << false;
    QTest::newRow("no language")
        << TemplateMessage{QStringLiteral("appointment_reminder"), {}, {}, {}, {}} << false;
    QTest::newRow("language es")
        << TemplateMessage{QStringLiteral("recordatorio"), QStringLiteral("es"), {}, {}, {}}
        << true;
    QTest::newRow("new line in a value")
        << reminder({C::body(texts({QStringLiteral("Ana\nGarcia")}))}) << false;
    QTest::newRow("five spaces in a value")
        << reminder({C::body(texts({QStringLiteral("Ana     Garcia")}))}) << false;
    QTest::newRow("four spaces in a value")
        << reminder({C::body(texts({QStringLiteral("Ana    Garcia")}))}) << true;
    QTest::newRow("tab in a value")
        << reminder({C::body(texts({QStringLiteral("Ana\tG")}))}) << false;
    QTest::newRow("empty value") << reminder({C::body(texts({QString()}))}) << false;
    QTest::newRow("header value 60") << reminder({C::header(texts({QString(60, u'h')}))}) << true;
    QTest::newRow("header value 61") << reminder({C::header(texts({QString(61, u'h')}))}) << false;
    QTest::newRow("two header values")
        << reminder({C::header(texts({QStringLiteral("a"), QStringLiteral("b")}))}) << false;
    QTest::newRow("body value 1024 beside a button")
        << reminder({C::body(texts({QString(1024, u'b')})), C::quickReply(0, QStringLiteral("P"))})
        << true;
    QTest::newRow("body value 1025 beside a button")
        << reminder({C::body(texts({QString(1025, u'b')})), C::quickReply(0, QStringLiteral("P"))})
        << false;
    QTest::newRow("body value 1025, body only")
        << reminder({C::body(texts({QString(1025, u'b')}))}) << true;
    QTest::newRow("two bodies") << reminder({C::body({}), C::body({})}) << false;
    QTest::newRow("media in the body")
        << reminder({C::body({P::media(P::Type::Image, QStringLiteral("1"))})}) << false;
    QTest::newRow("header media by http link")
        << reminder({C::header({P::media(P::Type::Document, {},
                                         QUrl(QStringLiteral("http://example.org/a.pdf")))})})
        << false;
    QTest::newRow("empty quick-reply payload") << reminder({C::quickReply(0, QString())}) << false;
    QTest::newRow("empty url suffix") << reminder({C::urlButton(0, QString())}) << false;
    QTest::newRow("button index 10") << reminder({C::quickReply(10, QStringLiteral("P"))}) << false;
    QTest::newRow("same button index twice")
        << reminder({C::quickReply(0, QStringLiteral("A")), C::quickReply(0, QStringLiteral("B"))})
        << false;
    QTest::newRow("currency code lower-case")
        << reminder({C::body({P::currency(QStringLiteral("$10"), QStringLiteral("usd"), 10000)})})
        << false;
    QTest::newRow("bad parameter name")
        << reminder({C::body(texts({QStringLiteral("Ana")}, {QStringLiteral("First Name")}))})
        << false;
}

void TestGraphLimits::templateMessage()
{
    QFETCH(TemplateMessage, message);
    QFETCH(bool, ok);
    const Wardline::Core::Status status = SendLimits::checkTemplate(message);
    QVERIFY2(status.ok() == ok, qPrintable(status.error()));
    QCOMPARE(status.error().isEmpty(), ok);
}

void TestGraphLimits::upload_data()
{
    QTest::addColumn<QString>("mimeType");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("ok");

    QTest::newRow("jpeg 5 MB") << QStringLiteral("image/jpeg") << qint64(5'000'000) << true;
    QTest::newRow("jpeg over 5 MB") << QStringLiteral("image/jpeg") << qint64(5'000'001) << false;
    QTest::newRow("pdf 100 MB") << QStringLiteral("application/pdf") << qint64(100'000'000) << true;
    QTest::newRow("opus voice note")
        << QStringLiteral("audio/ogg; codecs=opus") << qint64(200'000) << true;
    QTest::newRow("mp4 over 16 MB") << QStringLiteral("video/mp4") << qint64(16'000'001) << false;
    QTest::newRow("upper-case type") << QStringLiteral("IMAGE/PNG") << qint64(10) << true;
    QTest::newRow("gif") << QStringLiteral("image/gif") << qint64(10) << false;
    QTest::newRow("executable") << QStringLiteral("application/x-msdownload") << qint64(10)
                                << false;
    QTest::newRow("empty file") << QStringLiteral("image/png") << qint64(0) << false;
}

void TestGraphLimits::upload()
{
    QFETCH(QString, mimeType);
    QFETCH(qint64, size);
    QFETCH(bool, ok);
    const Wardline::Core::Status status = SendLimits::checkUpload(mimeType, size);
    QVERIFY2(status.ok() == ok, qPrintable(status.error()));
}

void TestGraphLimits::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("templateName");
    QTest::addColumn<bool>("parameterName");

    QTest::newRow("snake case") << QStringLiteral("appointment_reminder") << true << true;
    QTest::newRow("digits") << QStringLiteral("reminder_2") << true << true;
    QTest::newRow("leading digit") << QStringLiteral("2nd_reminder") << true << false;
    QTest::newRow("upper case") << QStringLiteral("Reminder") << false << false;
    QTest::newRow("space") << QStringLiteral("a b") << false << false;
    QTest::newRow("dash") << QStringLiteral("a-b") << false << false;
    QTest::newRow("empty") << QString() << false << false;
    QTest::newRow("513 characters") << QString(513, u'a') << false << true;
}

void TestGraphLimits::names()
{
    QFETCH(QString, name);
    QFETCH(bool, templateName);
    QFETCH(bool, parameterName);
    QCOMPARE(SendLimits::isTemplateName(name), templateName);
    QCOMPARE(SendLimits::isParameterName(name), parameterName);
}

QTEST_GUILESS_MAIN(TestGraphLimits)
#include "tst_graphlimits.moc"
