#include "whatsapp/webhookparser.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Wardline::WhatsApp;
using Wardline::Core::DeliveryStatus;
using Wardline::Core::MessageType;
using Failure = WebhookParseResult::Failure;

// Payloads follow the shapes in Meta's "messages webhook reference" and its per-type pages,
// https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
// All people, numbers and ids are made up: numbers are in the fictional +1 212 555 01xx range.

namespace {

const QByteArray Prefix = QByteArray(
    R"({"object":"whatsapp_business_account","entry":[{"id":"105550100000001","changes":[)"
    R"({"field":"messages","value":{"messaging_product":"whatsapp","metadata":)"
    R"({"display_phone_number":"12125550100","phone_number_id":"115550100000001"},)");
const QByteArray Suffix = QByteArrayLiteral("}}]}]}");
const QByteArray Contact =
    QByteArray(R"({"profile":{"name":"Test Patient"},"wa_id":"12125550105"})");
const QByteArray ValidStatus = QByteArray(
    R"({"id":"wamid.TEST.out.1","status":"read","timestamp":"1767225600","recipient_id":"12125550105"})");

/// A whole body with one "messages" change whose value has \a members after its metadata.
QByteArray envelope(const QByteArray &members)
{
    return Prefix + members + Suffix;
}

/// A whole body with the one message \a message from the test patient.
QByteArray withMessage(const QByteArray &message)
{
    return envelope(QByteArray(R"("contacts":[)") + Contact + QByteArray(R"(],"messages":[)") +
                    message + ']');
}

/// A message of \a type from the test patient; \a members are the type's own fields.
QByteArray message(const char *type, const QByteArray &members)
{
    return QByteArray(
               R"({"from":"12125550105","id":"wamid.TEST.1","timestamp":"1767225600","type":")") +
           type + QByteArrayLiteral("\",") + members + '}';
}

/// A whole body with a single change of \a field carrying \a value.
QByteArray withChange(const char *field, const QByteArray &value)
{
    return QByteArray(R"({"object":"whatsapp_business_account","entry":[{"id":"105550100000001",)"
                      R"("time":1767225600,"changes":[{"field":")") +
           field + QByteArray(R"(","value":)") + value + QByteArrayLiteral("}]}]}");
}

QByteArray readPayload(const QString &name)
{
    QFile file(QStringLiteral(WARDLINE_WHATSAPP_PAYLOADS "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString iso(const QDateTime &time)
{
    return time.isValid() ? time.toString(Qt::ISODate) : QStringLiteral("invalid");
}

QString summarizeErrors(const QList<WebhookError> &errors)
{
    QStringList out;
    for (const WebhookError &error : errors) {
        out << QStringLiteral("error=%1 %2 / %3 / %4 / %5")
                   .arg(error.code)
                   .arg(error.title, error.message, error.details, error.href);
    }
    return out.join(u"; ");
}

QString interactiveKind(WebhookInteractiveReply::Kind kind)
{
    switch (kind) {
    case WebhookInteractiveReply::Kind::ButtonReply:
        return QStringLiteral("button_reply");
    case WebhookInteractiveReply::Kind::ListReply:
        return QStringLiteral("list_reply");
    case WebhookInteractiveReply::Kind::FlowReply:
        return QStringLiteral("flow");
    case WebhookInteractiveReply::Kind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

/// Everything type-specific about a message, in one comparable line.
QString summarize(const WebhookMessage &m)
{
    QStringList out;
    const QString core = Wardline::Core::messageTypeName(m.type);
    out << (core == m.typeName ? core : core + u'(' + m.typeName + u')');
    const auto add = [&](const char *key, const QString &value) {
        if (!value.isEmpty())
            out << QLatin1StringView(key) + u'=' + value;
    };
    const auto flag = [&](const char *key, bool value) {
        if (value)
            out << QString::fromLatin1(key);
    };
    add("text", m.text);
    if (m.media) {
        out << QStringLiteral("media");
        add("id", m.media->id);
        add("mime", m.media->mimeType);
        add("sha256", m.media->sha256);
        add("caption", m.media->caption);
        add("filename", m.media->filename);
        flag("voice", m.media->voice);
        flag("animated", m.media->animated);
    }
    if (m.location) {
        out << QStringLiteral("location=%1,%2")
                   .arg(m.location->latitude)
                   .arg(m.location->longitude);
        add("name", m.location->name);
        add("address", m.location->address);
        add("url", m.location->url);
    }
    for (const WebhookSharedContact &card : m.sharedContacts) {
        add("card", card.formattedName);
        add("first", card.firstName);
        add("last", card.lastName);
        add("middle", card.middleName);
        add("prefix", card.namePrefix);
        add("suffix", card.nameSuffix);
        add("company", card.company);
        add("department", card.department);
        add("title", card.title);
        add("birthday", card.birthday);
        for (const auto &phone : card.phones)
            out << QStringLiteral("phone=%1 (%2, wa %3)").arg(phone.phone, phone.type, phone.waId);
        for (const auto &email : card.emails)
            out << QStringLiteral("email=%1 (%2)").arg(email.email, email.type);
        for (const auto &url : card.urls)
            out << QStringLiteral("url=%1 (%2)").arg(url.url, url.type);
        for (const auto &a : card.addresses) {
            out << QStringLiteral("address=%1, %2, %3, %4, %5, %6 (%7)")
                       .arg(a.street, a.city, a.state, a.zip, a.country, a.countryCode, a.type);
        }
    }
    if (m.interactive) {
        out << QStringLiteral("interactive=") + interactiveKind(m.interactive->kind) + u'(' +
                   m.interactive->kindName + u')';
        add("id", m.interactive->id);
        add("title", m.interactive->title);
        add("description", m.interactive->description);
        add("flow.name", m.interactive->flowName);
        add("flow.body", m.interactive->flowBody);
        add("flow.json", m.interactive->responseJson);
    }
    if (m.button) {
        add("payload", m.button->payload);
        add("button.text", m.button->text);
    }
    if (m.reaction) {
        add("reacts.to", m.reaction->messageId);
        out << (m.reaction->removed() ? QStringLiteral("removed")
                                      : QStringLiteral("emoji=") + m.reaction->emoji);
    }
    if (m.order) {
        add("catalog", m.order->catalogId);
        add("order.text", m.order->text);
        for (const auto &item : m.order->items) {
            out << QStringLiteral("item=%1 x%2 @%3 %4")
                       .arg(item.productRetailerId)
                       .arg(item.quantity)
                       .arg(item.itemPrice)
                       .arg(item.currency);
        }
    }
    if (m.system) {
        add("system", m.system->kind);
        add("body", m.system->body);
        add("new_wa_id", m.system->newWaId);
        add("user_id", m.system->userId);
        add("previous_user_id", m.system->previousUserId);
        if (m.system->identity) {
            out << QStringLiteral("identity=%1 %2 %3")
                       .arg(m.system->identity->acknowledged ? QStringLiteral("acknowledged")
                                                             : QStringLiteral("unacknowledged"),
                            m.system->identity->hash, iso(m.system->identity->createdAt));
        }
    }
    add("unsupported.type", m.unsupportedType);
    if (!m.errors.isEmpty())
        out << summarizeErrors(m.errors);
    if (m.context) {
        add("context.from", m.context->from);
        add("context.id", m.context->id);
        flag("forwarded", m.context->forwarded);
        flag("frequently_forwarded", m.context->frequentlyForwarded);
        if (m.context->referredProduct) {
            out << QStringLiteral("referred_product=%1/%2")
                       .arg(m.context->referredProduct->catalogId,
                            m.context->referredProduct->productRetailerId);
        }
    }
    if (m.referral) {
        const WebhookReferral &r = *m.referral;
        out << QStringLiteral("referral=%1|%2|%3|%4|%5|%6|%7|%8|%9")
                       .arg(r.sourceUrl, r.sourceType, r.sourceId, r.headline, r.body, r.mediaType,
                            r.imageUrl, r.videoUrl, r.thumbnailUrl) +
                   QStringLiteral("|") + r.ctwaClid;
    }
    return out.join(u"; ");
}

QString summarize(const WebhookStatus &s)
{
    QStringList out;
    out << s.statusName + (s.status ? QString() : QStringLiteral("(untracked)"));
    out << QStringLiteral("id=") + s.id << QStringLiteral("at=") + iso(s.timestamp);
    if (!s.recipientId.isEmpty())
        out << QStringLiteral("recipient=") + s.recipientId;
    if (!s.recipientUserId.isEmpty())
        out << QStringLiteral("recipient_user=") + s.recipientUserId;
    if (!s.bizOpaqueCallbackData.isEmpty())
        out << QStringLiteral("callback=") + s.bizOpaqueCallbackData;
    if (s.conversation) {
        out << QStringLiteral("conversation=%1 until %2 origin %3")
                   .arg(s.conversation->id,
                        s.conversation->expiresAt.isValid() ? iso(s.conversation->expiresAt)
                                                            : QStringLiteral("-"),
                        s.conversation->originType);
    }
    if (s.pricing) {
        const QString billable =
            !s.pricing->billable
                ? QStringLiteral("-")
                : (*s.pricing->billable ? QStringLiteral("billable") : QStringLiteral("free"));
        out << QStringLiteral("pricing=%1 %2 %3 %4")
                   .arg(billable, s.pricing->pricingModel, s.pricing->category, s.pricing->type)
                   .trimmed();
    }
    if (!s.errors.isEmpty())
        out << summarizeErrors(s.errors);
    return out.join(u"; ");
}

/// The only message of a body that must parse without problems.
WebhookMessage onlyMessage(const QByteArray &body)
{
    const WebhookParseResult result = WebhookParser::parse(body);
    if (!result || result->entries.size() != 1 || result->entries[0].changes.size() != 1 ||
        result->entries[0].changes[0].messages.size() != 1) {
        return {};
    }
    return result->entries[0].changes[0].messages[0];
}

} // namespace

/// WebhookParser: Meta's webhook payloads into typed values, batches, problems, hostile input.
class TestWebhookParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messageTypes_data();
    void messageTypes();
    void commonFields();
    void senders_data();
    void senders();
    void unknownTypeKeepsRawJson();
    void contentExplainedByValueErrors();
    void typeMapping_data();
    void typeMapping();
    void statuses_data();
    void statuses();
    void templateStatus_data();
    void templateStatus();
    void fixtures_data();
    void fixtures();
    void batch();
    void bodyFailures_data();
    void bodyFailures();
    void itemProblems_data();
    void itemProblems();
    void oneBrokenMessageOfThree();
    void bracketsInsideStrings();
    void nestingScan_data();
    void nestingScan();
};

void TestWebhookParser::messageTypes_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("summary");

    // Source for every row: Meta's per-type pages under
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/
    QTest::newRow("text") << message("text", R"("text":{"body":"Where is the car park?"})")
                          << QStringLiteral("text; text=Where is the car park?");
    QTest::newRow("text, a reply") << message("text", R"("context":{"from":"12125550100",)"
                                                      R"("id":"wamid.TEST.out.1"},)"
                                                      R"("text":{"body":"Yes"})")
                                   << QStringLiteral("text; text=Yes; context.from=12125550100; "
                                                     "context.id=wamid.TEST.out.1");
    QTest::newRow("text, forwarded")
        << message("text", R"("context":{"forwarded":true},"text":{"body":"fwd"})")
        << QStringLiteral("text; text=fwd; forwarded");
    QTest::newRow("text, frequently forwarded")
        << message("text", R"("context":{"frequently_forwarded":true},"text":{"body":"fwd"})")
        << QStringLiteral("text; text=fwd; frequently_forwarded");
    QTest::newRow("text, product enquiry")
        << message("text", R"("context":{"from":"12125550100","id":"wamid.TEST.out.2",)"
                           R"("referred_product":{"catalog_id":"5550100000000016",)"
                           R"("product_retailer_id":"TEST-SKU-1"}},"text":{"body":"In stock?"})")
        << QStringLiteral(
               "text; text=In stock?; context.from=12125550100; "
               "context.id=wamid.TEST.out.2; referred_product=5550100000000016/TEST-SKU-1");
    QTest::newRow("text, from a click-to-whatsapp ad")
        << message("text",
                   R"("referral":{"source_url":"https://fb.me/test","source_id":"555001",)"
                   R"("source_type":"ad","headline":"Flu shots","body":"Book now",)"
                   R"("media_type":"video","image_url":"","video_url":"https://example.com/v.mp4",)"
                   R"("thumbnail_url":"https://example.com/t.jpg","ctwa_clid":"clid-test"},)"
                   R"("text":{"body":"Hello"})")
        << QStringLiteral("text; text=Hello; referral=https://fb.me/test|ad|555001|Flu shots|"
                          "Book now|video||https://example.com/v.mp4|https://example.com/t.jpg|"
                          "clid-test");
    QTest::newRow("text, empty body")
        << message("text", R"("text":{"body":""})") << QStringLiteral("text");
    QTest::newRow("image with caption")
        << message("image", R"("image":{"id":"5550100000000011","mime_type":"image/jpeg",)"
                            R"("sha256":"aW1hZ2U=","caption":"Day 3"})")
        << QStringLiteral("image; media; id=5550100000000011; mime=image/jpeg; sha256=aW1hZ2U=; "
                          "caption=Day 3");
    QTest::newRow("audio") << message("audio", R"("audio":{"id":"5550100000000012",)"
                                               R"("mime_type":"audio/mpeg","sha256":"YQ==",)"
                                               R"("voice":false})")
                           << QStringLiteral("audio; media; id=5550100000000012; mime=audio/mpeg; "
                                             "sha256=YQ==");
    QTest::newRow("audio, voice note")
        << message("audio",
                   R"("audio":{"id":"5550100000000013","mime_type":"audio/ogg; codecs=opus",)"
                   R"("sha256":"Yg==","voice":true})")
        << QStringLiteral("audio; media; id=5550100000000013; mime=audio/ogg; codecs=opus; "
                          "sha256=Yg==; voice");
    QTest::newRow("video") << message("video", R"("video":{"id":"5550100000000014",)"
                                               R"("mime_type":"video/mp4","sha256":"Yw==",)"
                                               R"("caption":"Gait"})")
                           << QStringLiteral("video; media; id=5550100000000014; mime=video/mp4; "
                                             "sha256=Yw==; caption=Gait");
    QTest::newRow("document")
        << message("document",
                   R"("document":{"id":"5550100000000015","mime_type":"application/pdf",)"
                   R"("sha256":"ZA==","filename":"test-form.pdf","caption":"Form"})")
        << QStringLiteral(
               "document; media; id=5550100000000015; mime=application/pdf; sha256=ZA==; "
               "caption=Form; filename=test-form.pdf");
    QTest::newRow("sticker") << message("sticker", R"("sticker":{"id":"5550100000000016",)"
                                                   R"("mime_type":"image/webp","sha256":"ZQ==",)"
                                                   R"("animated":false})")
                             << QStringLiteral("sticker; media; id=5550100000000016; "
                                               "mime=image/webp; sha256=ZQ==");
    QTest::newRow("sticker, animated")
        << message("sticker", R"("sticker":{"id":"5550100000000017","mime_type":"image/webp",)"
                              R"("sha256":"Zg==","animated":true})")
        << QStringLiteral("sticker; media; id=5550100000000017; mime=image/webp; sha256=Zg==; "
                          "animated");
    QTest::newRow("image whose download failed")
        << message("image", R"("image":{"mime_type":"image/jpeg"},"errors":[{"code":131052,)"
                            R"("title":"Media download error","message":"Media download error",)"
                            R"("error_data":{"details":"Test details"}}])")
        << QStringLiteral("image; media; mime=image/jpeg; error=131052 Media download error / "
                          "Media download error / Test details / ");
    QTest::newRow("location, current position")
        << message("location", R"("location":{"latitude":40.7128,"longitude":-74.006})")
        << QStringLiteral("location; location=40.7128,-74.006");
    QTest::newRow("location, named place")
        << message("location",
                   R"("location":{"latitude":-33.5,"longitude":151,"name":"Test Clinic",)"
                   R"("address":"1 Example St","url":"https://example.com/map"})")
        << QStringLiteral("location; location=-33.5,151; name=Test Clinic; address=1 Example St; "
                          "url=https://example.com/map");
    QTest::newRow("contacts, shared card")
        << message(
               "contacts",
               R"("contacts":[{"name":{"formatted_name":"Dr Alex Example Jr","first_name":"Alex",)"
               R"("last_name":"Example","middle_name":"Q","prefix":"Dr","suffix":"Jr"},)"
               R"("org":{"company":"Test Clinic","department":"Cardiology","title":"Nurse"},)"
               R"("birthday":"1990-01-31",)"
               R"("phones":[{"phone":"+1 212-555-0106","wa_id":"12125550106","type":"CELL"},)"
               R"({"phone":"+1 212-555-0107","type":"WORK"}],)"
               R"("emails":[{"email":"alex@example.com","type":"WORK"}],)"
               R"("urls":[{"url":"https://example.com","type":"WORK"}],)"
               R"("addresses":[{"street":"1 Example St","city":"Testville","state":"NY",)"
               R"("zip":"10001","country":"United States","country_code":"US","type":"HOME"}]}])")
        << QStringLiteral("contacts; card=Dr Alex Example Jr; first=Alex; last=Example; middle=Q; "
                          "prefix=Dr; suffix=Jr; company=Test Clinic; department=Cardiology; "
                          "title=Nurse; birthday=1990-01-31; phone=+1 212-555-0106 (CELL, wa "
                          "12125550106); phone=+1 212-555-0107 (WORK, wa ); "
                          "email=alex@example.com (WORK); url=https://example.com (WORK); "
                          "address=1 Example St, Testville, NY, 10001, United States, US (HOME)");
    QTest::newRow("contacts, two cards")
        << message("contacts", R"("contacts":[{"name":{"formatted_name":"A Test"}},)"
                               R"({"name":{"formatted_name":"B Test"}}])")
        << QStringLiteral("contacts; card=A Test; card=B Test");
    QTest::newRow("interactive, reply button")
        << message("interactive", R"("context":{"from":"12125550100","id":"wamid.TEST.out.3"},)"
                                  R"("interactive":{"type":"button_reply",)"
                                  R"("button_reply":{"id":"confirm-42","title":"Confirm"}})")
        << QStringLiteral("interactive; interactive=button_reply(button_reply); id=confirm-42; "
                          "title=Confirm; context.from=12125550100; context.id=wamid.TEST.out.3");
    QTest::newRow("interactive, list row")
        << message("interactive", R"("interactive":{"type":"list_reply","list_reply":)"
                                  R"({"id":"slot-2","title":"Tue 10:00","description":"Dr Test"}})")
        << QStringLiteral("interactive; interactive=list_reply(list_reply); id=slot-2; "
                          "title=Tue 10:00; description=Dr Test");
    QTest::newRow("interactive, flow completed")
        << message("interactive", R"("interactive":{"type":"nfm_reply","nfm_reply":{"name":"flow",)"
                                  R"("body":"Sent","response_json":"{\"pain\":\"3\"}"}})")
        << QStringLiteral("interactive; interactive=flow(nfm_reply); flow.name=flow; "
                          "flow.body=Sent; flow.json={\"pain\":\"3\"}");
    QTest::newRow("interactive, kind unknown to us")
        << message("interactive", R"("interactive":{"type":"call_permission_reply",)"
                                  R"("call_permission_reply":{"response":"accept"}})")
        << QStringLiteral("interactive; interactive=unknown(call_permission_reply)");
    QTest::newRow("button, template quick reply")
        << message("button", R"("context":{"from":"12125550100","id":"wamid.TEST.out.4"},)"
                             R"("button":{"payload":"CHANGE","text":"Change appointment"})")
        << QStringLiteral("button; payload=CHANGE; button.text=Change appointment; "
                          "context.from=12125550100; context.id=wamid.TEST.out.4");
    QTest::newRow("reaction")
        << message("reaction",
                   R"("reaction":{"message_id":"wamid.TEST.out.5","emoji":"\ud83d\udc4d"})")
        << QStringLiteral("reaction; reacts.to=wamid.TEST.out.5; emoji=\U0001F44D");
    QTest::newRow("reaction removed, empty emoji")
        << message("reaction", R"("reaction":{"message_id":"wamid.TEST.out.5","emoji":""})")
        << QStringLiteral("reaction; reacts.to=wamid.TEST.out.5; removed");
    QTest::newRow("reaction removed, no emoji")
        << message("reaction", R"("reaction":{"message_id":"wamid.TEST.out.5"})")
        << QStringLiteral("reaction; reacts.to=wamid.TEST.out.5; removed");
    QTest::newRow("order")
        << message("order", R"("order":{"catalog_id":"5550100000000016","text":"Pick up",)"
                            R"("product_items":[{"product_retailer_id":"TEST-SKU-1","quantity":2,)"
                            R"("item_price":12.5,"currency":"USD"},{"product_retailer_id":)"
                            R"("TEST-SKU-2","quantity":"1","item_price":"3","currency":"USD"}]})")
        << QStringLiteral("order; catalog=5550100000000016; order.text=Pick up; "
                          "item=TEST-SKU-1 x2 @12.5 USD; item=TEST-SKU-2 x1 @3 USD");
    QTest::newRow("system, number changed")
        << message("system", R"("system":{"body":"User Test changed from 12125550105 to )"
                             R"(12125550107","wa_id":"12125550107","type":"user_changed_number"})")
        << QStringLiteral("system; system=user_changed_number; body=User Test changed from "
                          "12125550105 to 12125550107; new_wa_id=12125550107");
    QTest::newRow("system, number changed (older new_wa_id)")
        << message("system", R"("system":{"body":"changed","new_wa_id":"12125550108",)"
                             R"("type":"user_changed_number"})")
        << QStringLiteral("system; system=user_changed_number; body=changed; "
                          "new_wa_id=12125550108");
    QTest::newRow("system, user id changed (no from)")
        << QByteArray(R"({"id":"wamid.TEST.sys","timestamp":"1767225600","type":"system",)"
                      R"("system":{"body":"User changed from US.5550101 to US.5550102",)"
                      R"("user_id":"US.5550102","previous_user_id":"US.5550101",)"
                      R"("type":"user_changed_user_id"}})")
        << QStringLiteral("system; system=user_changed_user_id; body=User changed from US.5550101 "
                          "to US.5550102; user_id=US.5550102; previous_user_id=US.5550101");
    QTest::newRow("system, security code changed")
        << message("system", R"("identity":{"acknowledged":true,"created_timestamp":"1767228600",)"
                             R"("hash":"dGVzdA=="},"system":{"body":"User identity changed",)"
                             R"("type":"customer_identity_changed"})")
        << QStringLiteral("system; system=customer_identity_changed; body=User identity changed; "
                          "identity=acknowledged dGVzdA== 2026-01-01T00:50:00Z");
    QTest::newRow("unsupported, 131051")
        << message("unsupported", R"("errors":[{"code":131051,"title":"Message type unknown",)"
                                  R"("message":"Message type unknown","error_data":{"details":)"
                                  R"("Message type is currently not supported."}}],)"
                                  R"("unsupported":{"type":"poll_creation"})")
        << QStringLiteral("unsupported; unsupported.type=poll_creation; error=131051 Message type "
                          "unknown / Message type unknown / Message type is currently not "
                          "supported. / ");
    QTest::newRow("unsupported, 131060 coexistence")
        << message("unsupported",
                   R"("errors":[{"code":131060,"title":"Message unavailable",)"
                   R"("message":"Message unavailable","error_data":{"details":"-"}}])")
        << QStringLiteral("unsupported; error=131060 Message unavailable / Message unavailable / "
                          "- / ");
    QTest::newRow("legacy unknown")
        << message("unknown", R"("errors":[{"code":131051,"title":"Unsupported message type"}])")
        << QStringLiteral("unsupported(unknown); error=131051 Unsupported message type /  /  / ");
    QTest::newRow("type this code does not know")
        << message("poll", R"("poll":{"question":"Test?"})") << QStringLiteral("unknown(poll)");
    QTest::newRow("type named like an internal one")
        << message("note", R"("note":{})") << QStringLiteral("unknown(note)");
}

void TestWebhookParser::messageTypes()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, summary);

    const WebhookParseResult result = WebhookParser::parse(withMessage(message));
    QVERIFY2(result.ok(), qPrintable(result.error()));
    for (const WebhookProblem &problem : result->problems)
        qWarning() << problem.toString();
    QVERIFY(result->problems.isEmpty());
    QCOMPARE(result->messageCount(), 1);
    const WebhookMessage &parsed = result->entries[0].changes[0].messages[0];
    QCOMPARE(summarize(parsed), summary);
    QCOMPARE(parsed.raw, QJsonDocument::fromJson(message).object());
}

void TestWebhookParser::commonFields()
{
    const WebhookParseResult result = WebhookParser::parse(withMessage(message(
        "text", R"("from_user_id":"US.5550105","group_id":"TEST-GROUP","text":{"body":"Hi"})")));
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QVERIFY(result->problems.isEmpty());
    QCOMPARE(result->entries.size(), 1);
    const WebhookEntry &entry = result->entries[0];
    QCOMPARE(entry.id, QStringLiteral("105550100000001"));
    QVERIFY(!entry.time.isValid());
    const WebhookChange &change = entry.changes[0];
    QCOMPARE(change.field, QStringLiteral("messages"));
    QCOMPARE(change.messagingProduct, QStringLiteral("whatsapp"));
    QCOMPARE(change.metadata.displayPhoneNumber, QStringLiteral("12125550100"));
    QCOMPARE(change.metadata.phoneNumberId, QStringLiteral("115550100000001"));
    QVERIFY(change.value.contains(u"messages"));
    QCOMPARE(change.contacts.size(), 1);
    QCOMPARE(change.contacts[0].profileName, QStringLiteral("Test Patient"));

    const WebhookMessage &m = change.messages[0];
    QCOMPARE(m.id, QStringLiteral("wamid.TEST.1"));
    QCOMPARE(m.from, QStringLiteral("12125550105"));
    QCOMPARE(m.fromUserId, QStringLiteral("US.5550105"));
    QCOMPARE(m.groupId, QStringLiteral("TEST-GROUP"));
    QCOMPARE(m.type, MessageType::Text);
    // 1767225600 is 2026-01-01 00:00:00 UTC.
    QCOMPARE(m.timestamp, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(m.timestamp.timeSpec(), Qt::UTC);
    QCOMPARE(change.contactFor(m), &change.contacts[0]);
}

void TestWebhookParser::senders_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("fromUserId");
    QTest::addColumn<QString>("contactName"); // null: no contact matches

    // Business-scoped user ids:
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids
    QTest::newRow("phone number only")
        << withMessage(message("text", R"("text":{"body":"x"})")) << QStringLiteral("12125550105")
        << QString() << QStringLiteral("Test Patient");
    QTest::newRow("username user: user id, no wa_id")
        << readPayload(QStringLiteral("bsuid.json")) << QString() << QStringLiteral("US.5550100108")
        << QStringLiteral("Test Username User");
    QTest::newRow("contact has a new wa_id, matched by user id")
        << envelope(R"("contacts":[{"profile":{"name":"Renumbered"},"wa_id":"12125550109",)"
                    R"("user_id":"US.5550109"}],"messages":[{"from":"12125550199",)"
                    R"("from_user_id":"US.5550109","id":"wamid.TEST.2","timestamp":"1767225600",)"
                    R"("type":"text","text":{"body":"x"}}])")
        << QStringLiteral("12125550199") << QStringLiteral("US.5550109")
        << QStringLiteral("Renumbered");
    QTest::newRow("system message, no contacts")
        << envelope(R"("messages":[{"from":"12125550105","id":"wamid.TEST.3",)"
                    R"("timestamp":"1767225600","type":"system","system":{"type":)"
                    R"("user_changed_number","wa_id":"12125550110"}}])")
        << QStringLiteral("12125550105") << QString() << QString();
}

void TestWebhookParser::senders()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, from);
    QFETCH(QString, fromUserId);
    QFETCH(QString, contactName);

    const WebhookParseResult result = WebhookParser::parse(body);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QVERIFY(result->problems.isEmpty());
    const WebhookChange &change = result->entries[0].changes[0];
    QCOMPARE(change.messages.size(), 1);
    const WebhookMessage &m = change.messages[0];
    QCOMPARE(m.from, from);
    QCOMPARE(m.fromUserId, fromUserId);
    const WebhookContact *contact = change.contactFor(m);
    QCOMPARE(contact != nullptr, !contactName.isNull());
    if (contact)
        QCOMPARE(contact->profileName, contactName);
}

void TestWebhookParser::unknownTypeKeepsRawJson()
{
    const QByteArray poll = message(
        "poll",
        R"("poll":{"question":"Test?","options":[{"id":1,"text":"A"}],"nested":{"x":[1]}})");
    const WebhookMessage m = onlyMessage(withMessage(poll));
    QCOMPARE(m.type, MessageType::Unknown);
    QCOMPARE(m.typeName, QStringLiteral("poll"));
    QCOMPARE(m.id, QStringLiteral("wamid.TEST.1"));
    QCOMPARE(m.raw, QJsonDocument::fromJson(poll).object());
    QCOMPARE(m.raw.value(u"poll").toObject().value(u"question").toString(),
             QStringLiteral("Test?"));
}

void TestWebhookParser::contentExplainedByValueErrors()
{
    // Meta sends a content-less "interactive" with a value-level 131000 error; the message is
    // still worth keeping (the patient did answer), and the error says why it is empty.
    // Source:
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/errors
    const QByteArray body = envelope(
        R"("contacts":[)" + Contact +
        R"(],"messages":[{"context":{"from":"12125550100","id":"wamid.TEST.out.6"},)"
        R"("from":"12125550105","id":"wamid.TEST.4","timestamp":"1767225600","type":"interactive"}],)"
        R"("errors":[{"code":131000,"title":"Something went wrong","message":"Something went wrong",)"
        R"("error_data":{"details":"Unsupported webhook payload"}}])");
    const WebhookParseResult result = WebhookParser::parse(body);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QVERIFY(result->problems.isEmpty());
    const WebhookChange &change = result->entries[0].changes[0];
    QCOMPARE(change.messages.size(), 1);
    QCOMPARE(change.messages[0].type, MessageType::Interactive);
    QVERIFY(!change.messages[0].interactive);
    QCOMPARE(change.errors.size(), 1);
    QCOMPARE(change.errors[0].code, 131000);
    QCOMPARE(change.errors[0].details, QStringLiteral("Unsupported webhook payload"));
}

void TestWebhookParser::typeMapping_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected"); // Core::messageTypeName of the result

    const char *same[] = {"text",     "image",    "audio",    "video",       "document",
                          "sticker",  "location", "contacts", "interactive", "button",
                          "reaction", "order",    "system",   "unsupported"};
    for (const char *name : same)
        QTest::newRow(name) << QString::fromLatin1(name) << QString::fromLatin1(name);
    QTest::newRow("legacy unknown") << QStringLiteral("unknown") << QStringLiteral("unsupported");
    // Outbound-only and internal types never arrive from a patient.
    QTest::newRow("template") << QStringLiteral("template") << QStringLiteral("unknown");
    QTest::newRow("note") << QStringLiteral("note") << QStringLiteral("unknown");
    QTest::newRow("case matters") << QStringLiteral("Text") << QStringLiteral("unknown");
    QTest::newRow("empty") << QString() << QStringLiteral("unknown");
}

void TestWebhookParser::typeMapping()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(Wardline::Core::messageTypeName(WebhookParser::messageType(name)), expected);
}

void TestWebhookParser::statuses_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<int>("tracked"); // DeliveryStatus, or -1 for an untracked status

    // Source:
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status
    QTest::newRow("sent, conversation-based pricing")
        << QByteArray(R"({"id":"wamid.TEST.out.10","status":"sent","timestamp":"1767225600",)"
                      R"("recipient_id":"12125550104","conversation":{"id":"conv-1",)"
                      R"("expiration_timestamp":"1767312000","origin":{"type":"service"}},)"
                      R"("pricing":{"billable":true,"pricing_model":"CBP","category":"service"}})")
        << QStringLiteral(
               "sent; id=wamid.TEST.out.10; at=2026-01-01T00:00:00Z; recipient=12125550104; "
               "conversation=conv-1 until 2026-01-02T00:00:00Z origin service; "
               "pricing=billable CBP service")
        << int(DeliveryStatus::Sent);
    QTest::newRow("delivered")
        << QByteArray(R"({"id":"wamid.TEST.out.10","status":"delivered","timestamp":"1767225660",)"
                      R"("recipient_id":"12125550104","conversation":{"id":"conv-1",)"
                      R"("origin":{"type":"utility"}},"pricing":{"billable":true,)"
                      R"("pricing_model":"CBP","category":"utility"}})")
        << QStringLiteral("delivered; id=wamid.TEST.out.10; at=2026-01-01T00:01:00Z; "
                          "recipient=12125550104; conversation=conv-1 until - origin utility; "
                          "pricing=billable CBP utility")
        << int(DeliveryStatus::Delivered);
    QTest::newRow("read, no conversation")
        << QByteArray(R"({"id":"wamid.TEST.out.10","status":"read","timestamp":"1767225720",)"
                      R"("recipient_id":"12125550104"})")
        << QStringLiteral(
               "read; id=wamid.TEST.out.10; at=2026-01-01T00:02:00Z; recipient=12125550104")
        << int(DeliveryStatus::Read);
    QTest::newRow("failed, 131047 re-engagement")
        << QByteArray(
               R"({"id":"wamid.TEST.out.11","status":"failed","timestamp":"1767225600",)"
               R"("recipient_id":"12125550104","errors":[{"code":131047,)"
               R"("title":"Re-engagement message","message":"Re-engagement message",)"
               R"("error_data":{"details":"More than 24 hours have passed."},)"
               R"("href":"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}]})")
        << QStringLiteral(
               "failed; id=wamid.TEST.out.11; at=2026-01-01T00:00:00Z; "
               "recipient=12125550104; error=131047 Re-engagement message / "
               "Re-engagement message / More than 24 hours have passed. / "
               "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/")
        << int(DeliveryStatus::Failed);
    // Per-message pricing since July 2025: pricing.type, no billable, no conversation.
    QTest::newRow("sent, per-message pricing")
        << QByteArray(R"({"id":"wamid.TEST.out.12","status":"sent","timestamp":"1767225600",)"
                      R"("recipient_id":"12125550104","pricing":{"pricing_model":"PMP",)"
                      R"("category":"utility","type":"regular"}})")
        << QStringLiteral("sent; id=wamid.TEST.out.12; at=2026-01-01T00:00:00Z; "
                          "recipient=12125550104; pricing=- PMP utility regular")
        << int(DeliveryStatus::Sent);
    QTest::newRow("free, customer service window")
        << QByteArray(R"({"id":"wamid.TEST.out.13","status":"delivered","timestamp":"1767225600",)"
                      R"("recipient_id":"12125550104","pricing":{"billable":false,)"
                      R"("pricing_model":"PMP","category":"service",)"
                      R"("type":"free_customer_service"}})")
        << QStringLiteral("delivered; id=wamid.TEST.out.13; at=2026-01-01T00:00:00Z; "
                          "recipient=12125550104; pricing=free PMP service free_customer_service")
        << int(DeliveryStatus::Delivered);
    QTest::newRow("username recipient, user id, callback data")
        << QByteArray(
               R"({"id":"wamid.TEST.out.14","status":"read","timestamp":"1767225600",)"
               R"("recipient_user_id":"US.5550100108","biz_opaque_callback_data":"reminder-7"})")
        << QStringLiteral("read; id=wamid.TEST.out.14; at=2026-01-01T00:00:00Z; "
                          "recipient_user=US.5550100108; callback=reminder-7")
        << int(DeliveryStatus::Read);
    QTest::newRow("status this code does not track")
        << QByteArray(R"({"id":"wamid.TEST.out.15","status":"deleted","timestamp":"1767225600",)"
                      R"("recipient_id":"12125550104"})")
        << QStringLiteral("deleted(untracked); id=wamid.TEST.out.15; at=2026-01-01T00:00:00Z; "
                          "recipient=12125550104")
        << -1;
}

void TestWebhookParser::statuses()
{
    QFETCH(QByteArray, status);
    QFETCH(QString, summary);
    QFETCH(int, tracked);

    const WebhookParseResult result =
        WebhookParser::parse(envelope(QByteArray(R"("statuses":[)") + status + ']'));
    QVERIFY2(result.ok(), qPrintable(result.error()));
    for (const WebhookProblem &problem : result->problems)
        qWarning() << problem.toString();
    QVERIFY(result->problems.isEmpty());
    QCOMPARE(result->statusCount(), 1);
    QCOMPARE(result->messageCount(), 0);
    const WebhookStatus &parsed = result->entries[0].changes[0].statuses[0];
    QCOMPARE(summarize(parsed), summary);
    QCOMPARE(parsed.status.has_value(), tracked >= 0);
    if (parsed.status)
        QCOMPARE(int(*parsed.status), tracked);
    QCOMPARE(parsed.raw, QJsonDocument::fromJson(status).object());
}

void TestWebhookParser::templateStatus_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("summary");

    // Source:
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update
    QTest::newRow("approved, reason null")
        << QByteArray(R"({"event":"APPROVED","message_template_id":5550100000003,)"
                      R"("message_template_name":"appointment_reminder",)"
                      R"("message_template_language":"en_US","reason":null})")
        << QStringLiteral("APPROVED 5550100000003 appointment_reminder en_US reason= category=");
    QTest::newRow("rejected")
        << QByteArray(R"({"event":"REJECTED","message_template_id":5550100000004,)"
                      R"("message_template_name":"post_op_check","message_template_language":)"
                      R"("es","reason":"INVALID_FORMAT","message_template_category":"UTILITY"})")
        << QStringLiteral("REJECTED 5550100000004 post_op_check es reason=INVALID_FORMAT "
                          "category=UTILITY");
    QTest::newRow("pending")
        << QByteArray(R"({"event":"PENDING","message_template_id":5550100000005,)"
                      R"("message_template_name":"lab_ready","message_template_language":"en"})")
        << QStringLiteral("PENDING 5550100000005 lab_ready en reason= category=");
    QTest::newRow("paused, other_info kept raw")
        << QByteArray(R"({"event":"PAUSED","message_template_id":5550100000006,)"
                      R"("message_template_name":"flu_campaign","message_template_language":)"
                      R"("en_US","reason":"NONE","other_info":{"title":"FIRST_PAUSE",)"
                      R"("description":"Paused for 3 hours."}})")
        << QStringLiteral("PAUSED 5550100000006 flu_campaign en_US reason=NONE category=");
    QTest::newRow("disabled, disable_info kept raw")
        << QByteArray(R"({"event":"DISABLED","message_template_id":"5550100000007",)"
                      R"("message_template_name":"old_promo","message_template_language":)"
                      R"("en_US","reason":"NONE","disable_info":{"disable_date":"1767225600"}})")
        << QStringLiteral("DISABLED 5550100000007 old_promo en_US reason=NONE category=");
    QTest::newRow("event this code does not know")
        << QByteArray(R"({"event":"ARCHIVED","message_template_id":5550100000008,)"
                      R"("message_template_name":"x","message_template_language":"en"})")
        << QStringLiteral("ARCHIVED 5550100000008 x en reason= category=");
}

void TestWebhookParser::templateStatus()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, summary);

    const WebhookParseResult result =
        WebhookParser::parse(withChange("message_template_status_update", value));
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QVERIFY(result->problems.isEmpty());
    const WebhookEntry &entry = result->entries[0];
    QCOMPARE(entry.time, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    const WebhookChange &change = entry.changes[0];
    QVERIFY(change.templateStatus);
    const WebhookTemplateStatus &t = *change.templateStatus;
    QCOMPARE(QStringLiteral("%1 %2 %3 %4 reason=%5 category=%6")
                 .arg(t.event, t.templateId, t.name, t.language, t.reason, t.category),
             summary);
    QCOMPARE(change.value, QJsonDocument::fromJson(value).object());
    QVERIFY(change.messages.isEmpty());
}

void TestWebhookParser::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("entries");
    QTest::addColumn<int>("changes");
    QTest::addColumn<int>("messages");
    QTest::addColumn<int>("statuses");

    QTest::newRow("every message type") << QStringLiteral("all-types.json") << 1 << 1 << 18 << 0;
    QTest::newRow("batch") << QStringLiteral("batch.json") << 2 << 4 << 2 << 2;
    QTest::newRow("statuses") << QStringLiteral("statuses.json") << 1 << 1 << 0 << 2;
    QTest::newRow("template status") << QStringLiteral("template-status.json") << 1 << 1 << 0 << 0;
    QTest::newRow("username user") << QStringLiteral("bsuid.json") << 1 << 1 << 1 << 0;
}

void TestWebhookParser::fixtures()
{
    QFETCH(QString, file);
    QFETCH(int, entries);
    QFETCH(int, changes);
    QFETCH(int, messages);
    QFETCH(int, statuses);

    const QByteArray body = readPayload(file);
    QVERIFY(!body.isEmpty());
    const WebhookParseResult result = WebhookParser::parse(body);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    for (const WebhookProblem &problem : result->problems)
        qWarning() << problem.toString();
    QVERIFY(result->problems.isEmpty());
    QCOMPARE(result->entries.size(), entries);
    qsizetype changeCount = 0;
    for (const WebhookEntry &entry : result->entries)
        changeCount += entry.changes.size();
    QCOMPARE(changeCount, changes);
    QCOMPARE(result->messageCount(), messages);
    QCOMPARE(result->statusCount(), statuses);
}

void TestWebhookParser::batch()
{
    const WebhookParseResult result =
        WebhookParser::parse(readPayload(QStringLiteral("batch.json")));
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QVERIFY(result->problems.isEmpty());
    QCOMPARE(result->entries.size(), 2);

    const WebhookEntry &first = result->entries[0];
    QCOMPARE(first.id, QStringLiteral("105550100000001"));
    QCOMPARE(first.changes.size(), 2);
    const WebhookChange &inbound = first.changes[0];
    QCOMPARE(inbound.messages.size(), 2);
    QCOMPARE(inbound.messages[0].id, QStringLiteral("wamid.TEST.batch.0001"));
    QCOMPARE(inbound.messages[1].type, MessageType::Image);
    QCOMPARE(inbound.contactFor(inbound.messages[1])->userId, QStringLiteral("US.5550102"));
    const WebhookChange &receipts = first.changes[1];
    QCOMPARE(receipts.statuses.size(), 2);
    QCOMPARE(receipts.statuses[0].status.value_or(DeliveryStatus::Pending),
             DeliveryStatus::Delivered);
    QCOMPARE(receipts.statuses[1].status.value_or(DeliveryStatus::Pending), DeliveryStatus::Read);
    QVERIFY(receipts.contacts.isEmpty());

    const WebhookEntry &second = result->entries[1];
    QCOMPARE(second.id, QStringLiteral("105550100000002"));
    QCOMPARE(second.time, QDateTime::fromSecsSinceEpoch(1767225800, Qt::UTC));
    QCOMPARE(second.changes[0].field, QStringLiteral("message_template_status_update"));
    QCOMPARE(second.changes[0].templateStatus->templateId, QStringLiteral("5550100000003"));
    // A field Wardline does not read is kept whole, never dropped.
    const WebhookChange &other = second.changes[1];
    QCOMPARE(other.field, QStringLiteral("phone_number_quality_update"));
    QVERIFY(!other.templateStatus);
    QCOMPARE(other.value.value(u"current_limit").toString(), QStringLiteral("TIER_1K"));
}

void TestWebhookParser::bodyFailures_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qsizetype>("maxBytes");
    QTest::addColumn<Failure>("failure");
    QTest::addColumn<QString>("error"); // a part of the error text

    const qsizetype limit = WebhookParser::DefaultMaxBodyBytes;
    const QByteArray valid = readPayload(QStringLiteral("batch.json"));
    const QByteArray object = QByteArray(R"({"a":)");

    QTest::newRow("empty") << QByteArray() << limit << Failure::NotJson
                           << QStringLiteral("The webhook body is empty");
    QTest::newRow("whitespace") << QByteArrayLiteral(" \r\n\t") << limit << Failure::NotJson
                                << QStringLiteral("The webhook body is empty");
    QTest::newRow("plain text") << QByteArrayLiteral("hello") << limit << Failure::NotJson
                                << QStringLiteral("is not valid JSON");
    QTest::newRow("form encoded") << QByteArrayLiteral("object=whatsapp_business_account") << limit
                                  << Failure::NotJson << QStringLiteral("is not valid JSON");
    QTest::newRow("truncated") << valid.first(valid.size() / 2) << limit << Failure::NotJson
                               << QStringLiteral("is not valid JSON");
    QTest::newRow("trailing garbage") << QByteArray(valid + "x") << limit << Failure::NotJson
                                      << QStringLiteral("is not valid JSON");
    QTest::newRow("invalid utf-8") << QByteArrayLiteral("{\"object\":\"\xff\xfe\"}") << limit
                                   << Failure::NotJson << QStringLiteral("is not valid JSON");
    QTest::newRow("nul byte") << QByteArray("{\"object\":\0}", 12) << limit << Failure::NotJson
                              << QStringLiteral("is not valid JSON");
    QTest::newRow("top-level string") << QByteArrayLiteral("\"whatsapp_business_account\"") << limit
                                      << Failure::NotJson << QStringLiteral("is not valid JSON");
    QTest::newRow("top-level array") << QByteArray('[' + valid + ']') << limit
                                     << Failure::NotAnObject << QStringLiteral("not an object");
    QTest::newRow("another object")
        << QByteArray(R"({"object":"page","entry":[]})") << limit << Failure::WrongObject
        << QStringLiteral("\"object\" is not \"whatsapp_business_account\"");
    QTest::newRow("object missing")
        << QByteArray(R"({"entry":[]})") << limit << Failure::WrongObject
        << QStringLiteral("has no \"object\" field");
    QTest::newRow("object is a number")
        << QByteArray(R"({"object":1,"entry":[]})") << limit << Failure::WrongObject
        << QStringLiteral("\"object\" is not \"whatsapp_business_account\"");
    QTest::newRow("entry missing")
        << QByteArray(R"({"object":"whatsapp_business_account"})") << limit << Failure::NoEntries
        << QStringLiteral("has no \"entry\" array");
    QTest::newRow("entry is an object")
        << QByteArray(R"({"object":"whatsapp_business_account","entry":{}})") << limit
        << Failure::NoEntries << QStringLiteral("\"entry\" must be an array, not an object");
    QTest::newRow("10,000 nested arrays")
        << QByteArray(QByteArray(10000, '[') + QByteArray(10000, ']')) << limit << Failure::TooDeep
        << QStringLiteral("more than 64 levels deep");
    QTest::newRow("10,000 nested objects")
        << QByteArray(object.repeated(10000) + '1' + QByteArray(10000, '}')) << limit
        << Failure::TooDeep << QStringLiteral("more than 64 levels deep");
    QTest::newRow("10,000 openers, never closed")
        << QByteArray(10000, '{') << limit << Failure::TooDeep
        << QStringLiteral("more than 64 levels deep");
    QTest::newRow("65 levels inside a real envelope")
        << withMessage(message("text", QByteArray(R"("text":{"body":"x"},"extra":)") +
                                           QByteArray(57, '[') + QByteArray(57, ']')))
        << limit << Failure::TooDeep << QStringLiteral("more than 64 levels deep");
    QTest::newRow("one byte over the caller's limit")
        << valid << valid.size() - 1 << Failure::TooLarge
        << QStringLiteral("is %1 bytes, over the limit of %2 bytes")
               .arg(valid.size())
               .arg(valid.size() - 1);
    QTest::newRow("over the default limit")
        << QByteArray(limit + 1, ' ') << limit << Failure::TooLarge
        << QStringLiteral("over the limit of 3145728 bytes");
    QTest::newRow("zero limit") << valid << qsizetype(0) << Failure::TooLarge
                                << QStringLiteral("over the limit of 0 bytes");
}

void TestWebhookParser::bodyFailures()
{
    QFETCH(QByteArray, body);
    QFETCH(qsizetype, maxBytes);
    QFETCH(Failure, failure);
    QFETCH(QString, error);

    const WebhookParseResult result = WebhookParser::parse(body, maxBytes);
    QVERIFY(!result.ok());
    QCOMPARE(result.failure(), failure);
    QVERIFY2(result.error().contains(error), qPrintable(result.error()));
}

void TestWebhookParser::itemProblems_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("problem"); // WebhookProblem::toString()
    QTest::addColumn<int>("messages");    // what still parsed next to the problem
    QTest::addColumn<int>("statuses");

    // Values that must never show up in a problem text (it goes to logs).
    const QByteArray secret = QByteArrayLiteral("SECRET-CONTENT");
    const QByteArray head =
        QByteArray(R"({"from":"12125550105","id":"wamid.TEST.1","timestamp":"1767225600",)");
    const QByteArray okStatus = QByteArray(R"("statuses":[)") + ValidStatus + ']';

    QTest::newRow("messages is an object")
        << envelope(R"("messages":{"id":"wamid.TEST.1"},)" + okStatus)
        << QStringLiteral("entry 0, change 0, messages: \"messages\" must be an array, not an "
                          "object")
        << 0 << 1;
    QTest::newRow("statuses is a string")
        << envelope(R"("statuses":")" + secret + R"(","messages":[)" +
                    message("text", R"("text":{"body":"x"})") + ']')
        << QStringLiteral(
               "entry 0, change 0, statuses: \"statuses\" must be an array, not a string")
        << 1 << 0;
    QTest::newRow("message is a string")
        << withMessage('"' + secret + '"')
        << QStringLiteral("entry 0, change 0, message 0: must be an object, not a string") << 0
        << 0;
    QTest::newRow("timestamp is a number")
        << withMessage(R"({"from":"12125550105","id":"wamid.TEST.1","timestamp":1767225600,)"
                       R"("type":"text","text":{"body":"x"}})")
        << QStringLiteral("entry 0, change 0, message 0: \"timestamp\" must be a string of Unix "
                          "seconds, not a number")
        << 0 << 0;
    QTest::newRow("timestamp is not digits")
        << withMessage(R"({"from":"12125550105","id":"wamid.TEST.1","timestamp":")" + secret +
                       R"(","type":"text","text":{"body":"x"}})")
        << QStringLiteral("entry 0, change 0, message 0: \"timestamp\" must be a string of Unix "
                          "seconds")
        << 0 << 0;
    QTest::newRow("timestamp negative")
        << withMessage(R"({"from":"12125550105","id":"wamid.TEST.1","timestamp":"-1",)"
                       R"("type":"text","text":{"body":"x"}})")
        << QStringLiteral("entry 0, change 0, message 0: \"timestamp\" must be a string of Unix "
                          "seconds")
        << 0 << 0;
    QTest::newRow("timestamp past year 9999")
        << withMessage(R"({"from":"12125550105","id":"wamid.TEST.1","timestamp":"999999999999",)"
                       R"("type":"text","text":{"body":"x"}})")
        << QStringLiteral("entry 0, change 0, message 0: \"timestamp\" must be a string of Unix "
                          "seconds")
        << 0 << 0;
    QTest::newRow("id missing")
        << withMessage(R"({"from":"12125550105","timestamp":"1767225600","type":"text",)"
                       R"("text":{"body":")" +
                       secret + R"("}})")
        << QStringLiteral("entry 0, change 0, message 0: \"id\" is missing") << 0 << 0;
    QTest::newRow("id empty")
        << withMessage(R"({"from":"12125550105","id":"","timestamp":"1767225600","type":"text",)"
                       R"("text":{"body":"x"}})")
        << QStringLiteral("entry 0, change 0, message 0: \"id\" is empty") << 0 << 0;
    QTest::newRow("id a number")
        << withMessage(R"({"from":"12125550105","id":42,"timestamp":"1767225600","type":"text",)"
                       R"("text":{"body":"x"}})")
        << QStringLiteral("entry 0, change 0, message 0: \"id\" must be a string, not a number")
        << 0 << 0;
    QTest::newRow("type missing") << withMessage(head + R"("text":{"body":"x"}})")
                                  << QStringLiteral("entry 0, change 0, message 0: \"type\" is "
                                                    "missing")
                                  << 0 << 0;
    QTest::newRow("no sender")
        << withMessage(R"({"id":"wamid.TEST.1","timestamp":"1767225600","type":"text",)"
                       R"("text":{"body":"x"}})")
        << QStringLiteral("entry 0, change 0, message 0: \"from\" and \"from_user_id\" are both "
                          "missing: no sender")
        << 0 << 0;
    QTest::newRow("text body a number")
        << withMessage(message("text", R"("text":{"body":12})"))
        << QStringLiteral("entry 0, change 0, message 0: \"text.body\" must be a string, not a "
                          "number")
        << 0 << 0;
    QTest::newRow("text object missing")
        << withMessage(message("text", R"("image":{"id":"1"})"))
        << QStringLiteral("entry 0, change 0, message 0: \"text\" is missing") << 0 << 0;
    QTest::newRow("text is a string")
        << withMessage(message("text", R"("text":")" + secret + '"'))
        << QStringLiteral("entry 0, change 0, message 0: \"text\" must be an object, not a string")
        << 0 << 0;
    QTest::newRow("image without id")
        << withMessage(message("image", R"("image":{"mime_type":"image/jpeg"})"))
        << QStringLiteral("entry 0, change 0, message 0: \"image.id\" is missing") << 0 << 0;
    QTest::newRow("voice flag a string")
        << withMessage(message("audio", R"("audio":{"id":"1","voice":"yes"})"))
        << QStringLiteral("entry 0, change 0, message 0: \"audio.voice\" must be a boolean, not a "
                          "string")
        << 0 << 0;
    QTest::newRow("latitude a string")
        << withMessage(message("location", R"("location":{"latitude":"40.7","longitude":-74})"))
        << QStringLiteral("entry 0, change 0, message 0: \"location.latitude\" must be a number, "
                          "not a string")
        << 0 << 0;
    QTest::newRow("longitude missing")
        << withMessage(message("location", R"("location":{"latitude":40.7})"))
        << QStringLiteral("entry 0, change 0, message 0: \"location.longitude\" is missing") << 0
        << 0;
    QTest::newRow("card phones an object")
        << withMessage(message("contacts", R"("contacts":[{"name":{"formatted_name":"A"},)"
                                           R"("phones":{"phone":"1"}}])"))
        << QStringLiteral("entry 0, change 0, message 0: \"contacts[0].phones\" must be an "
                          "array, not an object")
        << 0 << 0;
    QTest::newRow("card is a string")
        << withMessage(message("contacts", R"("contacts":["A"])"))
        << QStringLiteral("entry 0, change 0, message 0: \"contacts[0]\" must be an object, not a "
                          "string")
        << 0 << 0;
    QTest::newRow("button reply without id")
        << withMessage(message("interactive", R"("interactive":{"type":"button_reply",)"
                                              R"("button_reply":{"title":"Yes"}})"))
        << QStringLiteral("entry 0, change 0, message 0: \"interactive.button_reply.id\" is "
                          "missing")
        << 0 << 0;
    QTest::newRow("list reply object missing")
        << withMessage(message("interactive", R"("interactive":{"type":"list_reply"})"))
        << QStringLiteral("entry 0, change 0, message 0: \"interactive.list_reply\" is missing")
        << 0 << 0;
    QTest::newRow("interactive type missing")
        << withMessage(message("interactive", R"("interactive":{})"))
        << QStringLiteral("entry 0, change 0, message 0: \"interactive.type\" is missing") << 0
        << 0;
    QTest::newRow("reaction without message id")
        << withMessage(message("reaction", R"("reaction":{"emoji":"x"})"))
        << QStringLiteral("entry 0, change 0, message 0: \"reaction.message_id\" is missing") << 0
        << 0;
    QTest::newRow("order quantity fractional")
        << withMessage(message("order", R"("order":{"product_items":[{"quantity":1.5}]})"))
        << QStringLiteral("entry 0, change 0, message 0: \"order.product_items[0].quantity\" must "
                          "be a whole number")
        << 0 << 0;
    QTest::newRow("message error code a word")
        << withMessage(message("unsupported", R"("errors":[{"code":")" + secret + R"("}])"))
        << QStringLiteral("entry 0, change 0, message 0: \"errors[0].code\" must be a number, not "
                          "a string")
        << 0 << 0;
    QTest::newRow("context forwarded a string")
        << withMessage(message("text", R"("context":{"forwarded":"true"},"text":{"body":"x"})"))
        << QStringLiteral("entry 0, change 0, message 0: \"context.forwarded\" must be a boolean, "
                          "not a string")
        << 0 << 0;
    QTest::newRow("status id missing")
        << envelope(R"("statuses":[{"status":"read","timestamp":"1767225600"},)" + ValidStatus +
                    ']')
        << QStringLiteral("entry 0, change 0, status 0: \"id\" is missing") << 0 << 1;
    QTest::newRow("status timestamp a number")
        << envelope(R"("statuses":[{"id":"wamid.TEST.out.1","status":"read","timestamp":1}])")
        << QStringLiteral("entry 0, change 0, status 0: \"timestamp\" must be a string of Unix "
                          "seconds, not a number")
        << 0 << 0;
    QTest::newRow("status pricing billable a string")
        << envelope(R"("statuses":[{"id":"wamid.TEST.out.1","status":"sent",)"
                    R"("timestamp":"1767225600","pricing":{"billable":"true"}}])")
        << QStringLiteral("entry 0, change 0, status 0: \"pricing.billable\" must be a boolean, "
                          "not a string")
        << 0 << 0;
    QTest::newRow("status expiration not digits")
        << envelope(R"("statuses":[{"id":"wamid.TEST.out.1","status":"sent",)"
                    R"("timestamp":"1767225600","conversation":{"id":"c",)"
                    R"("expiration_timestamp":"soon"}}])")
        << QStringLiteral("entry 0, change 0, status 0: \"conversation.expiration_timestamp\" "
                          "must be a string of Unix seconds")
        << 0 << 0;
    QTest::newRow("contact is nobody")
        << envelope(R"("contacts":[{"profile":{"name":"x"}}],"messages":[)" +
                    message("text", R"("text":{"body":"x"})") + ']')
        << QStringLiteral("entry 0, change 0, contact 0: neither \"wa_id\" nor \"user_id\" is "
                          "given: the sender is unknown")
        << 1 << 0;
    QTest::newRow("value error without code")
        << envelope(R"("errors":[{"title":"x"}],"statuses":[)" + ValidStatus + ']')
        << QStringLiteral("entry 0, change 0, error 0: \"code\" is missing") << 0 << 1;
    QTest::newRow("value is an array")
        << QByteArray(R"({"object":"whatsapp_business_account","entry":[{"id":"1",)"
                      R"("changes":[{"field":"messages","value":[]}]}]})")
        << QStringLiteral("entry 0, change 0: \"value\" must be an object, not an array") << 0 << 0;
    QTest::newRow("field missing")
        << QByteArray(R"({"object":"whatsapp_business_account","entry":[{"id":"1",)"
                      R"("changes":[{"value":{}}]}]})")
        << QStringLiteral("entry 0, change 0: \"field\" is missing") << 0 << 0;
    QTest::newRow("metadata missing")
        << QByteArray(R"({"object":"whatsapp_business_account","entry":[{"id":"1",)"
                      R"("changes":[{"field":"messages","value":{"statuses":[]}}]}]})")
        << QStringLiteral("entry 0, change 0: \"value.metadata\" is missing") << 0 << 0;
    QTest::newRow("phone number id a number")
        << QByteArray(R"({"object":"whatsapp_business_account","entry":[{"id":"1",)"
                      R"("changes":[{"field":"messages","value":{"metadata":)"
                      R"({"phone_number_id":115550100000001}}}]}]})")
        << QStringLiteral("entry 0, change 0: \"value.metadata.phone_number_id\" must be a "
                          "string, not a number")
        << 0 << 0;
    QTest::newRow("change is null")
        << QByteArray(R"({"object":"whatsapp_business_account","entry":[{"id":"1",)"
                      R"("changes":[null]}]})")
        << QStringLiteral("entry 0, change 0: must be an object, not null") << 0 << 0;
    QTest::newRow("entry id missing")
        << QByteArray(R"({"object":"whatsapp_business_account","entry":[{"changes":[]}]})")
        << QStringLiteral("entry 0: \"id\" is missing") << 0 << 0;
    QTest::newRow("entry is a number")
        << QByteArray(R"({"object":"whatsapp_business_account","entry":[7]})")
        << QStringLiteral("entry 0: must be an object, not a number") << 0 << 0;
    QTest::newRow("changes missing")
        << QByteArray(R"({"object":"whatsapp_business_account","entry":[{"id":"1"}]})")
        << QStringLiteral("entry 0: \"changes\" is missing") << 0 << 0;
    QTest::newRow("entry time a word")
        << QByteArray(R"({"object":"whatsapp_business_account","entry":[{"id":"1",)"
                      R"("time":"noon","changes":[]}]})")
        << QStringLiteral("entry 0: \"time\" must be a number, not a string") << 0 << 0;
    QTest::newRow("template id a word")
        << withChange("message_template_status_update",
                      R"({"event":"APPROVED","message_template_id":")" + secret + R"("})")
        << QStringLiteral("entry 0, change 0: \"value.message_template_id\" must be a number, not "
                          "a string")
        << 0 << 0;
    QTest::newRow("template event missing")
        << withChange("message_template_status_update", R"({"message_template_id":1})")
        << QStringLiteral("entry 0, change 0: \"value.event\" is missing") << 0 << 0;
    QTest::newRow("template id negative")
        << withChange("message_template_status_update",
                      R"({"event":"APPROVED","message_template_id":-4})")
        << QStringLiteral("entry 0, change 0: \"value.message_template_id\" must be a positive "
                          "number")
        << 0 << 0;
}

void TestWebhookParser::itemProblems()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, problem);
    QFETCH(int, messages);
    QFETCH(int, statuses);

    const WebhookParseResult result = WebhookParser::parse(body);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->problems.size(), 1);
    const WebhookProblem &found = result->problems[0];
    QCOMPARE(found.toString(), problem);
    QVERIFY(!found.toString().contains(u"SECRET-CONTENT"));
    QVERIFY(!found.raw.isUndefined());
    QCOMPARE(result->messageCount(), messages);
    QCOMPARE(result->statusCount(), statuses);
}

void TestWebhookParser::oneBrokenMessageOfThree()
{
    const QByteArray broken = QByteArray(
        R"({"from":"12125550105","id":"wamid.TEST.b","timestamp":1767225601,"type":"text",)"
        R"("text":{"body":"x"}})");
    const QByteArray body = envelope(
        QByteArray(R"("contacts":[)") + Contact + QByteArray(R"(],"messages":[)") +
        QByteArray(R"({"from":"12125550105","id":"wamid.TEST.a","timestamp":"1767225600",)"
                   R"("type":"text","text":{"body":"first"}},)") +
        broken +
        QByteArray(R"(,{"from":"12125550105","id":"wamid.TEST.c","timestamp":"1767225602",)"
                   R"("type":"text","text":{"body":"third"}}])"));

    const WebhookParseResult result = WebhookParser::parse(body);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    const WebhookChange &change = result->entries[0].changes[0];
    QCOMPARE(change.messages.size(), 2);
    QCOMPARE(change.messages[0].id, QStringLiteral("wamid.TEST.a"));
    QCOMPARE(change.messages[1].id, QStringLiteral("wamid.TEST.c"));
    QCOMPARE(change.messages[1].text, QStringLiteral("third"));

    QCOMPARE(result->problems.size(), 1);
    const WebhookProblem &problem = result->problems[0];
    QCOMPARE(problem.item, WebhookProblem::Item::Message);
    QCOMPARE(problem.entryIndex, 0);
    QCOMPARE(problem.changeIndex, 0);
    QCOMPARE(problem.itemIndex, 1);
    QVERIFY2(problem.what.contains(u"timestamp"), qPrintable(problem.what));
    // The broken message is not lost: its JSON is kept for the record.
    QCOMPARE(problem.raw.toObject(), QJsonDocument::fromJson(broken).object());
}

void TestWebhookParser::bracketsInsideStrings()
{
    // Brackets and escaped quotes in strings are text, not nesting.
    const QByteArray text = QByteArray(10000, '[') + "\\\"" + QByteArray(10000, '{');
    const WebhookMessage m =
        onlyMessage(withMessage(message("text", R"("text":{"body":")" + text + R"("})")));
    QCOMPARE(m.text.size(), 20001);
    QVERIFY(m.text.startsWith(u"[[[") && m.text.endsWith(u"{{{"));
    QCOMPARE(m.text.at(10000), u'"');
}

void TestWebhookParser::nestingScan_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<bool>("within");

    QTest::newRow("empty") << QByteArray() << 1 << true;
    QTest::newRow("flat object") << QByteArray(R"({"a":1})") << 1 << true;
    QTest::newRow("two levels, limit one") << QByteArray(R"({"a":[1]})") << 1 << false;
    QTest::newRow("siblings do not add up") << QByteArray(R"([[1],[2],[3],{"a":1}])") << 2 << true;
    QTest::newRow("exactly at the limit")
        << QByteArray(QByteArray(64, '[') + QByteArray(64, ']')) << 64 << true;
    QTest::newRow("one over the limit")
        << QByteArray(QByteArray(65, '[') + QByteArray(65, ']')) << 64 << false;
    QTest::newRow("brackets in a string") << QByteArray(R"({"a":"[[[[{{{{"})") << 1 << true;
    QTest::newRow("escaped quote does not end a string")
        << QByteArray(R"({"a":"\"[[[["})") << 1 << true;
    QTest::newRow("escaped backslash ends before the quote")
        << QByteArray(R"({"a":"\\",[[1]]})") << 2 << false;
    QTest::newRow("closers first cannot hide openers")
        << QByteArray(QByteArray(100, ']') + QByteArray(3, '[')) << 2 << false;
    QTest::newRow("unterminated string") << QByteArray(R"(["[[[[[)") << 1 << true;
}

void TestWebhookParser::nestingScan()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, maxDepth);
    QFETCH(bool, within);
    QCOMPARE(WebhookParser::nestingWithin(bytes, maxDepth), within);
}

QTEST_GUILESS_MAIN(TestWebhookParser)
#include "tst_webhookparser.moc"
