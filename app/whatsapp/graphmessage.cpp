#include "whatsapp/graphmessage.h"

#include "whatsapp/sendlimits.h"

#include <QJsonArray>

#include <algorithm>
#include <array>

namespace Wardline::WhatsApp {

namespace {
using Core::Result;
using Core::Status;

[[nodiscard]] QString normalizedRecipient(const QString &to)
{
    const QString trimmed = to.trimmed();
    return trimmed.startsWith(u'+') ? trimmed.sliced(1) : trimmed;
}

[[nodiscard]] QString mediaTypeName(MediaKind kind)
{
    switch (kind) {
    case MediaKind::Image:
        return QStringLiteral("image");
    case MediaKind::Document:
        return QStringLiteral("document");
    case MediaKind::Audio:
        return QStringLiteral("audio");
    case MediaKind::Video:
        return QStringLiteral("video");
    case MediaKind::Sticker:
        return QStringLiteral("sticker");
    }
    return {};
}

[[nodiscard]] QJsonObject textObject(const QString &text)
{
    return {{QStringLiteral("text"), text}};
}

// The optional text header and footer of an interactive message.
void addHeaderFooter(QJsonObject &interactive, const QString &header, const QString &footer)
{
    if (!header.isEmpty()) {
        interactive.insert(QStringLiteral("header"),
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                       {QStringLiteral("text"), header}});
    }
    if (!footer.isEmpty())
        interactive.insert(QStringLiteral("footer"), textObject(footer));
}

constexpr std::array KnownTypes{
    QStringView(u"text"),     QStringView(u"template"), QStringView(u"interactive"),
    QStringView(u"image"),    QStringView(u"document"), QStringView(u"audio"),
    QStringView(u"video"),    QStringView(u"sticker"),  QStringView(u"location"),
    QStringView(u"reaction"),
};
} // namespace

GraphMessage::GraphMessage(const QString &to, const QString &type, const QJsonValue &content)
    : m_json{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
             {QStringLiteral("recipient_type"), QStringLiteral("individual")},
             {QStringLiteral("to"), normalizedRecipient(to)},
             {QStringLiteral("type"), type},
             {type, content}}
{
}

Result<GraphMessage> GraphMessage::text(const QString &to, const QString &body, bool previewUrl)
{
    if (Status status = SendLimits::checkRecipient(to); !status)
        return Result<GraphMessage>::failure(status.error());
    if (Status status = SendLimits::checkText(body); !status)
        return Result<GraphMessage>::failure(status.error());
    return GraphMessage(
        to, QStringLiteral("text"),
        QJsonObject{{QStringLiteral("preview_url"), previewUrl}, {QStringLiteral("body"), body}});
}

Result<GraphMessage> GraphMessage::templateMessage(const QString &to,
                                                   const TemplateMessage &message)
{
    if (Status status = SendLimits::checkRecipient(to); !status)
        return Result<GraphMessage>::failure(status.error());
    if (Status status = SendLimits::checkTemplate(message); !status)
        return Result<GraphMessage>::failure(status.error());
    return GraphMessage(to, QStringLiteral("template"), message.toJson());
}

Result<GraphMessage> GraphMessage::replyButtons(const QString &to,
                                                const ReplyButtonsMessage &message)
{
    if (Status status = SendLimits::checkRecipient(to); !status)
        return Result<GraphMessage>::failure(status.error());
    if (Status status = SendLimits::checkReplyButtons(message); !status)
        return Result<GraphMessage>::failure(status.error());
    QJsonArray buttons;
    for (const ReplyButton &button : message.buttons) {
        buttons.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("reply")},
            {QStringLiteral("reply"), QJsonObject{{QStringLiteral("id"), button.id},
                                                  {QStringLiteral("title"), button.title}}}});
    }
    QJsonObject interactive{
        {QStringLiteral("type"), QStringLiteral("button")},
        {QStringLiteral("body"), textObject(message.body)},
        {QStringLiteral("action"), QJsonObject{{QStringLiteral("buttons"), buttons}}}};
    addHeaderFooter(interactive, message.header, message.footer);
    return GraphMessage(to, QStringLiteral("interactive"), interactive);
}

Result<GraphMessage> GraphMessage::list(const QString &to, const ListMessage &message)
{
    if (Status status = SendLimits::checkRecipient(to); !status)
        return Result<GraphMessage>::failure(status.error());
    if (Status status = SendLimits::checkList(message); !status)
        return Result<GraphMessage>::failure(status.error());
    QJsonArray sections;
    for (const ListSection &section : message.sections) {
        QJsonArray rows;
        for (const ListRow &row : section.rows) {
            QJsonObject json{{QStringLiteral("id"), row.id}, {QStringLiteral("title"), row.title}};
            if (!row.description.isEmpty())
                json.insert(QStringLiteral("description"), row.description);
            rows.append(json);
        }
        QJsonObject json{{QStringLiteral("rows"), rows}};
        if (!section.title.isEmpty())
            json.insert(QStringLiteral("title"), section.title);
        sections.append(json);
    }
    QJsonObject interactive{
        {QStringLiteral("type"), QStringLiteral("list")},
        {QStringLiteral("body"), textObject(message.body)},
        {QStringLiteral("action"), QJsonObject{{QStringLiteral("button"), message.buttonLabel},
                                               {QStringLiteral("sections"), sections}}}};
    addHeaderFooter(interactive, message.header, message.footer);
    return GraphMessage(to, QStringLiteral("interactive"), interactive);
}

Result<GraphMessage> GraphMessage::media(const QString &to, const MediaMessage &message)
{
    if (Status status = SendLimits::checkRecipient(to); !status)
        return Result<GraphMessage>::failure(status.error());
    if (Status status = SendLimits::checkMedia(message); !status)
        return Result<GraphMessage>::failure(status.error());
    QJsonObject media;
    if (!message.mediaId.isEmpty())
        media.insert(QStringLiteral("id"), message.mediaId);
    else
        media.insert(QStringLiteral("link"), message.link.toString(QUrl::FullyEncoded));
    if (!message.caption.isEmpty())
        media.insert(QStringLiteral("caption"), message.caption);
    if (!message.fileName.isEmpty())
        media.insert(QStringLiteral("filename"), message.fileName);
    return GraphMessage(to, mediaTypeName(message.kind), media);
}

Result<GraphMessage> GraphMessage::location(const QString &to, const LocationMessage &message)
{
    if (Status status = SendLimits::checkRecipient(to); !status)
        return Result<GraphMessage>::failure(status.error());
    if (Status status = SendLimits::checkLocation(message); !status)
        return Result<GraphMessage>::failure(status.error());
    QJsonObject location{{QStringLiteral("latitude"), message.latitude},
                         {QStringLiteral("longitude"), message.longitude}};
    if (!message.name.isEmpty())
        location.insert(QStringLiteral("name"), message.name);
    if (!message.address.isEmpty())
        location.insert(QStringLiteral("address"), message.address);
    return GraphMessage(to, QStringLiteral("location"), location);
}

Result<GraphMessage> GraphMessage::reaction(const QString &to, const QString &messageId,
                                            const QString &emoji)
{
    if (Status status = SendLimits::checkRecipient(to); !status)
        return Result<GraphMessage>::failure(status.error());
    if (Status status = SendLimits::checkReaction(messageId, emoji); !status)
        return Result<GraphMessage>::failure(status.error());
    return GraphMessage(
        to, QStringLiteral("reaction"),
        QJsonObject{{QStringLiteral("message_id"), messageId}, {QStringLiteral("emoji"), emoji}});
}

Status GraphMessage::setReplyTo(const QString &messageId)
{
    if (type() == u"reaction")
        return Status::failure(tr("A reaction cannot quote a message."));
    if (Status status = SendLimits::checkMessageId(messageId); !status)
        return status;
    m_json.insert(QStringLiteral("context"),
                  QJsonObject{{QStringLiteral("message_id"), messageId}});
    return {};
}

Status GraphMessage::setCallbackData(const QString &data)
{
    if (Status status = SendLimits::checkCallbackData(data); !status)
        return status;
    if (data.isEmpty())
        m_json.remove(QStringLiteral("biz_opaque_callback_data"));
    else
        m_json.insert(QStringLiteral("biz_opaque_callback_data"), data);
    return {};
}

QString GraphMessage::recipient() const
{
    return m_json.value(u"to").toString();
}

QString GraphMessage::type() const
{
    return m_json.value(u"type").toString();
}

std::optional<GraphMessage> GraphMessage::fromJson(const QJsonObject &json)
{
    if (json.value(u"messaging_product").toString() != u"whatsapp")
        return std::nullopt;
    const QString to = json.value(u"to").toString();
    const QString type = json.value(u"type").toString();
    if (!SendLimits::checkRecipient(to).ok())
        return std::nullopt;
    if (std::find(KnownTypes.begin(), KnownTypes.end(), QStringView(type)) == KnownTypes.end())
        return std::nullopt;
    if (!json.value(type).isObject())
        return std::nullopt;
    GraphMessage message(to, type, json.value(type));
    message.m_json = json;
    return message;
}

} // namespace Wardline::WhatsApp
