#include "sim/inboundinjector.h"

#include "sim/contactbook.h"
#include "sim/deliverysimulator.h"
#include "sim/mediastore.h"
#include "sim/messagelog.h"
#include "sim/simids.h"
#include "sim/simscheduler.h"
#include "sim/simservices.h"
#include "sim/webhookpayloads.h"
#include "sim/webhooksender.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSet>

namespace Wardline::Sim {

namespace {
const QSet<QString> MediaTypes{QStringLiteral("image"), QStringLiteral("document"),
                               QStringLiteral("audio"), QStringLiteral("video"),
                               QStringLiteral("sticker")};
const QStringList KnownTypes{
    QStringLiteral("text"),     QStringLiteral("image"),        QStringLiteral("document"),
    QStringLiteral("audio"),    QStringLiteral("video"),        QStringLiteral("sticker"),
    QStringLiteral("button"),   QStringLiteral("button_reply"), QStringLiteral("list_reply"),
    QStringLiteral("location"), QStringLiteral("reaction"),     QStringLiteral("contacts")};

[[nodiscard]] InboundResult refuse(const QString &why)
{
    InboundResult result;
    result.error = why;
    return result;
}

[[nodiscard]] QString inferType(const QJsonObject &request)
{
    const QString type = request.value(u"type").toString();
    if (!type.isEmpty())
        return type;
    for (const QString &candidate : KnownTypes) {
        if (candidate != u"text" && request.contains(candidate))
            return candidate;
    }
    return QStringLiteral("text");
}

[[nodiscard]] bool sameText(const QString &a, const QString &b)
{
    return !a.isEmpty() && a.compare(b, Qt::CaseInsensitive) == 0;
}
} // namespace

InboundInjector::InboundInjector(SimServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
}

QJsonObject InboundInjector::normalise(QJsonObject request)
{
    const QString type = request.value(u"type").toString();
    const auto take = [&request](QJsonObject &into, QStringView from, const QString &to) {
        if (request.contains(from) && !into.contains(to))
            into.insert(to, request.value(from));
    };
    if (type == u"button" && !request.value(u"button").isObject()) {
        QJsonObject button;
        take(button, u"payload", QStringLiteral("payload"));
        take(button, u"title", QStringLiteral("text"));
        request.insert(QStringLiteral("button"), button);
    } else if ((type == u"button_reply" || type == u"list_reply") &&
               !request.value(type).isObject()) {
        QJsonObject reply;
        take(reply, u"id", QStringLiteral("id"));
        take(reply, u"title", QStringLiteral("title"));
        take(reply, u"description", QStringLiteral("description"));
        request.insert(type, reply);
    } else if (type == u"location" && !request.value(u"location").isObject()) {
        QJsonObject location;
        for (const QString &key : {QStringLiteral("latitude"), QStringLiteral("longitude"),
                                   QStringLiteral("name"), QStringLiteral("address")})
            take(location, key, key);
        request.insert(QStringLiteral("location"), location);
    }
    // Media as a bare base64 string, with mime_type, caption and filename beside it.
    for (const QString &media :
         {QStringLiteral("image"), QStringLiteral("document"), QStringLiteral("audio"),
          QStringLiteral("video"), QStringLiteral("sticker")}) {
        if (!request.value(media).isString())
            continue;
        QJsonObject object{{QStringLiteral("data"), request.value(media)}};
        take(object, u"mime_type", QStringLiteral("mime_type"));
        take(object, u"caption", QStringLiteral("caption"));
        take(object, u"filename", QStringLiteral("filename"));
        request.insert(media, object);
    }
    if (request.value(u"context").isObject())
        request.insert(QStringLiteral("context"),
                       request.value(u"context").toObject().value(u"id").toString());
    return request;
}

InboundResult InboundInjector::inject(const QJsonObject &original)
{
    const QJsonObject request = normalise(original);
    const QString from = request.value(u"from").toString();
    if (from.isEmpty())
        return refuse(
            tr("\"from\" is required: the patient's phone number, e.g. +1 202 555 0134."));
    const QString waId = m_services.contacts().resolve(from);
    if (waId.isEmpty())
        return refuse(tr("\"from\" (%1) is not a phone number with country code.").arg(from));
    const QString type = inferType(request);
    if (!KnownTypes.contains(type))
        return refuse(tr("\"type\" %1 is not one of %2.").arg(type, KnownTypes.join(u", ")));

    const QDateTime now = m_services.scheduler().now();
    const QString business = m_services.business().displayPhoneNumber;
    const QString wamid = SimIds::wamid(waId, SimIds::Direction::Inbound);
    QJsonObject message{
        {QStringLiteral("id"), wamid},
        {QStringLiteral("timestamp"), QString::number(now.toSecsSinceEpoch())},
        {QStringLiteral("type"), type},
    };
    QJsonObject context;
    QString visibleText;
    InboundResult result;
    MessageLog &log = m_services.log();

    if (type == u"text") {
        const QString text = request.value(u"text").toString();
        if (text.isEmpty())
            return refuse(tr("\"text\" is required for a text message."));
        message.insert(QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), text}});
        visibleText = text;
    } else if (MediaTypes.contains(type)) {
        const QJsonObject media = request.value(type).toObject();
        const QByteArray bytes = QByteArray::fromBase64(media.value(u"data").toString().toLatin1());
        if (bytes.isEmpty())
            return refuse(tr("\"%1.data\" must hold the file as base64.").arg(type));
        QString mime = media.value(u"mime_type").toString();
        if (mime.isEmpty())
            mime = MediaStore::sniff(bytes);
        if (mime.isEmpty() || MediaStore::messageType(mime).isEmpty())
            return refuse(
                tr("\"%1.mime_type\" is missing or not a type WhatsApp carries.").arg(type));
        if (bytes.size() > MediaStore::maxSize(mime))
            return refuse(tr("the %1 is larger than WhatsApp allows for %2.").arg(type, mime));
        const QString filename = media.value(u"filename").toString();
        const MediaItem &item = m_services.media().add(bytes, mime, filename, true);
        result.mediaId = item.id;
        // Webhooks carry the SHA-256 in base64 (GET /{media-id} gives it in hex).
        QJsonObject content{
            {QStringLiteral("id"), item.id},
            {QStringLiteral("mime_type"), mime},
            {QStringLiteral("sha256"),
             QString::fromLatin1(
                 QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toBase64())},
        };
        const QString caption = media.value(u"caption").toString();
        if (!caption.isEmpty() && type != u"audio" && type != u"sticker")
            content.insert(QStringLiteral("caption"), caption);
        if (type == u"document")
            content.insert(QStringLiteral("filename"),
                           filename.isEmpty() ? QStringLiteral("document") : filename);
        if (type == u"audio")
            content.insert(QStringLiteral("voice"), mime.startsWith(u"audio/ogg"));
        if (type == u"sticker")
            content.insert(QStringLiteral("animated"), false);
        message.insert(type, content);
        visibleText = caption;
    } else if (type == u"button") {
        // A tap on a template's quick reply: payload and text of that button, quoting it.
        const QJsonObject button = request.value(u"button").toObject();
        QString payload = button.value(u"payload").toString();
        QString text = button.value(u"text").toString();
        if (payload.isEmpty() && text.isEmpty())
            return refuse(tr("\"button.payload\" (or \"button.text\") is required."));
        const SentMessage *origin = log.latestSent(waId, [&](const SentMessage &m) {
            for (const TapOption &o : m.options) {
                if (o.kind == u"quick_reply" &&
                    (sameText(payload, o.payload) || sameText(payload, o.title) ||
                     sameText(text, o.title)))
                    return true;
            }
            return false;
        });
        if (origin) {
            for (const TapOption &o : origin->options) {
                if (o.kind == u"quick_reply" &&
                    (sameText(payload, o.payload) || sameText(payload, o.title) ||
                     sameText(text, o.title))) {
                    payload = o.payload;
                    text = o.title;
                    break;
                }
            }
            context.insert(QStringLiteral("id"), origin->wamid);
        }
        if (payload.isEmpty())
            payload = text;
        if (text.isEmpty())
            text = payload;
        message.insert(QStringLiteral("button"), QJsonObject{{QStringLiteral("payload"), payload},
                                                             {QStringLiteral("text"), text}});
        visibleText = text;
    } else if (type == u"button_reply" || type == u"list_reply") {
        const QJsonObject reply = request.value(type).toObject();
        QString id = reply.value(u"id").toString();
        QString title = reply.value(u"title").toString();
        if (id.isEmpty() && title.isEmpty())
            return refuse(tr("\"%1.id\" (or \"%1.title\") is required.").arg(type));
        const QString kind =
            type == u"button_reply" ? QStringLiteral("button") : QStringLiteral("row");
        const SentMessage *origin = log.latestSent(waId, [&](const SentMessage &m) {
            for (const TapOption &o : m.options) {
                if (o.kind == kind &&
                    (sameText(id, o.payload) || sameText(title, o.title) || sameText(id, o.title)))
                    return true;
            }
            return false;
        });
        if (origin) {
            for (const TapOption &o : origin->options) {
                if (o.kind == kind && (sameText(id, o.payload) || sameText(title, o.title) ||
                                       sameText(id, o.title))) {
                    id = o.payload;
                    title = o.title;
                    break;
                }
            }
            context.insert(QStringLiteral("id"), origin->wamid);
        }
        if (id.isEmpty())
            id = title;
        if (title.isEmpty())
            title = id;
        QJsonObject choice{{QStringLiteral("id"), id}, {QStringLiteral("title"), title}};
        if (reply.contains(u"description"))
            choice.insert(QStringLiteral("description"), reply.value(u"description"));
        message.insert(QStringLiteral("type"), QStringLiteral("interactive"));
        message.insert(QStringLiteral("interactive"),
                       QJsonObject{{QStringLiteral("type"), type}, {type, choice}});
        visibleText = title;
    } else if (type == u"location") {
        const QJsonObject location = request.value(u"location").toObject();
        if (!location.value(u"latitude").isDouble() || !location.value(u"longitude").isDouble())
            return refuse(
                tr("\"location.latitude\" and \"location.longitude\" are required numbers."));
        QJsonObject content{{QStringLiteral("latitude"), location.value(u"latitude")},
                            {QStringLiteral("longitude"), location.value(u"longitude")}};
        for (const QString &key :
             {QStringLiteral("name"), QStringLiteral("address"), QStringLiteral("url")}) {
            if (location.contains(key))
                content.insert(key, location.value(key));
        }
        message.insert(QStringLiteral("location"), content);
        visibleText = location.value(u"name").toString();
    } else if (type == u"reaction") {
        const QJsonObject reaction = request.value(u"reaction").toObject();
        if (reaction.value(u"message_id").toString().isEmpty())
            return refuse(tr("\"reaction.message_id\" is required."));
        message.insert(QStringLiteral("reaction"),
                       QJsonObject{{QStringLiteral("message_id"), reaction.value(u"message_id")},
                                   {QStringLiteral("emoji"), reaction.value(u"emoji")}});
        visibleText = reaction.value(u"emoji").toString();
    } else if (type == u"contacts") {
        const QJsonArray contacts = request.value(u"contacts").toArray();
        if (contacts.isEmpty())
            return refuse(tr("\"contacts\" must be a non-empty array."));
        message.insert(QStringLiteral("contacts"), contacts);
    }

    const QString quoted = request.value(u"context").toString();
    if (!quoted.isEmpty())
        context.insert(QStringLiteral("id"), quoted);
    if (!context.isEmpty())
        context.insert(QStringLiteral("from"), business);
    if (request.value(u"forwarded").toBool())
        context.insert(QStringLiteral("forwarded"), true);
    if (!context.isEmpty())
        message.insert(QStringLiteral("context"), context);
    if (request.value(u"referral").isObject())
        message.insert(QStringLiteral("referral"), request.value(u"referral"));

    // A message from the patient opens (or restarts) their customer service window.
    QString name = request.value(u"name").toString();
    const Contact *known = m_services.contacts().find(waId);
    if (name.isEmpty())
        name = known && !known->name.isEmpty() ? known->name : tr("Patient %1").arg(waId.right(4));
    const Contact contact = m_services.contacts().recordInbound(waId, name);
    const bool withPhone = !request.value(u"bsuid_only").toBool();
    message.insert(QStringLiteral("from_user_id"), contact.userId);
    if (withPhone)
        message.insert(QStringLiteral("from"), waId);

    ReceivedMessage received;
    received.wamid = wamid;
    received.waId = waId;
    received.name = contact.name;
    received.type = message.value(u"type").toString();
    received.text = visibleText;
    received.time = now;
    log.addReceived(received);

    m_services.delivery().patientReplied(waId);
    m_services.webhooks().enqueue(
        WebhookPayloads::inboundMessage(m_services.business(), contact, message, withPhone, now));
    result.ok = true;
    result.wamid = wamid;
    result.waId = waId;
    return result;
}

} // namespace Wardline::Sim
