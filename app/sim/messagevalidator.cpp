#include "sim/messagevalidator.h"

#include "sim/templaterenderer.h"

#include <QJsonArray>
#include <QSet>
#include <QUrl>

namespace Wardline::Sim {

namespace {
constexpr int MaxTextBody = 4096;
constexpr int MaxCaption = 1024;
constexpr int MaxInteractiveBody = 1024;
constexpr int MaxListBody = 4096;
constexpr int MaxHeaderText = 60;
constexpr int MaxFooterText = 60;
constexpr int MaxButtons = 3;
constexpr int MaxButtonTitle = 20;
constexpr int MaxButtonId = 256;
constexpr int MaxListButton = 20;
constexpr int MaxSections = 10;
constexpr int MaxRows = 10;
constexpr int MaxSectionTitle = 24;
constexpr int MaxRowId = 200;
constexpr int MaxRowTitle = 24;
constexpr int MaxRowDescription = 72;

const QSet<QString> MediaTypes{QStringLiteral("image"), QStringLiteral("video"),
                               QStringLiteral("audio"), QStringLiteral("document"),
                               QStringLiteral("sticker")};

[[nodiscard]] GraphError tooLong(const QString &param, int limit)
{
    return GraphError::invalidParameter(
        QStringLiteral("Param %1 must be at most %2 characters long.").arg(param).arg(limit));
}

[[nodiscard]] GraphError tooMany(const QString &param, int limit)
{
    return GraphError::invalidParameter(
        QStringLiteral("Param %1 must have at most %2 elements.").arg(param).arg(limit));
}

[[nodiscard]] GraphError required(const QString &param)
{
    return GraphError::missingParameter(param);
}

// Checks a media object ({id} or {link}, caption, filename) of \a type at \a param.
[[nodiscard]] std::optional<GraphError> checkMedia(const QString &type, const QJsonObject &media,
                                                   const QString &param, bool captionAllowed)
{
    const QString id = media.value(u"id").toString();
    const QString link = media.value(u"link").toString();
    if (id.isEmpty() == link.isEmpty()) {
        return GraphError::invalidParameter(
            QStringLiteral("Param %1 must have exactly one of id or link.").arg(param));
    }
    if (!link.isEmpty()) {
        const QUrl url(link, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") ||
            url.host().isEmpty()) {
            return GraphError::invalidParameter(
                QStringLiteral("Param %1['link'] must be an http or https URL.").arg(param));
        }
    }
    if (media.contains(u"caption")) {
        if (!captionAllowed || type == u"audio" || type == u"sticker") {
            return GraphError::invalidParameter(
                QStringLiteral("Param %1['caption'] is not supported for %2.").arg(param, type));
        }
        if (MessageValidator::length(media.value(u"caption").toString()) > MaxCaption)
            return tooLong(param + QStringLiteral("['caption']"), MaxCaption);
    }
    if (media.contains(u"filename") && type != u"document") {
        return GraphError::invalidParameter(
            QStringLiteral("Param %1['filename'] is only supported for documents.").arg(param));
    }
    return std::nullopt;
}

[[nodiscard]] std::optional<GraphError> checkInteractive(const QJsonObject &interactive,
                                                         SentMessage *draft)
{
    const QString type = interactive.value(u"type").toString();
    const QString bodyText = interactive.value(u"body").toObject().value(u"text").toString();
    const QJsonObject action = interactive.value(u"action").toObject();
    const QJsonObject header = interactive.value(u"header").toObject();
    const QString footer = interactive.value(u"footer").toObject().value(u"text").toString();
    if (type.isEmpty())
        return required(QStringLiteral("interactive['type']"));

    if (!footer.isEmpty() && MessageValidator::length(footer) > MaxFooterText)
        return tooLong(QStringLiteral("interactive['footer']['text']"), MaxFooterText);
    if (!header.isEmpty()) {
        const QString headerType = header.value(u"type").toString();
        if (headerType == u"text") {
            if (MessageValidator::length(header.value(u"text").toString()) > MaxHeaderText)
                return tooLong(QStringLiteral("interactive['header']['text']"), MaxHeaderText);
        } else if (type == u"list") {
            return GraphError::invalidParameter(
                QStringLiteral("Param interactive['header']['type'] must be text for lists."));
        } else if (headerType == u"image" || headerType == u"video" || headerType == u"document") {
            if (auto problem = checkMedia(
                    headerType, header.value(headerType).toObject(),
                    QStringLiteral("interactive['header']['%1']").arg(headerType), false)) {
                return problem;
            }
        } else {
            return GraphError::invalidParameter(
                QStringLiteral("Param interactive['header']['type'] must be one of {text, "
                               "image, video, document}."));
        }
    }

    if (type == u"button") {
        if (bodyText.isEmpty())
            return required(QStringLiteral("interactive['body']['text']"));
        if (MessageValidator::length(bodyText) > MaxInteractiveBody)
            return tooLong(QStringLiteral("interactive['body']['text']"), MaxInteractiveBody);
        const QJsonArray buttons = action.value(u"buttons").toArray();
        if (buttons.isEmpty())
            return required(QStringLiteral("interactive['action']['buttons']"));
        if (buttons.size() > MaxButtons)
            return tooMany(QStringLiteral("interactive['action']['buttons']"), MaxButtons);
        QSet<QString> ids;
        QSet<QString> titles;
        for (qsizetype i = 0; i < buttons.size(); ++i) {
            const QJsonObject reply = buttons.at(i).toObject().value(u"reply").toObject();
            const QString param =
                QStringLiteral("interactive['action']['buttons'][%1]['reply']").arg(i);
            const QString id = reply.value(u"id").toString();
            const QString title = reply.value(u"title").toString();
            if (buttons.at(i).toObject().value(u"type").toString() != u"reply")
                return GraphError::invalidParameter(
                    QStringLiteral("Param interactive['action']['buttons'][%1]['type'] must be "
                                   "reply.")
                        .arg(i));
            if (id.isEmpty())
                return required(param + QStringLiteral("['id']"));
            if (title.isEmpty())
                return required(param + QStringLiteral("['title']"));
            if (MessageValidator::length(id) > MaxButtonId)
                return tooLong(param + QStringLiteral("['id']"), MaxButtonId);
            if (MessageValidator::length(title) > MaxButtonTitle)
                return tooLong(param + QStringLiteral("['title']"), MaxButtonTitle);
            if (ids.contains(id) || titles.contains(title)) {
                return GraphError::invalidParameter(
                    QStringLiteral("Buttons must have unique ids and titles."));
            }
            ids.insert(id);
            titles.insert(title);
            draft->options.append(TapOption{int(i), QStringLiteral("button"), title, id});
        }
    } else if (type == u"list") {
        if (bodyText.isEmpty())
            return required(QStringLiteral("interactive['body']['text']"));
        if (MessageValidator::length(bodyText) > MaxListBody)
            return tooLong(QStringLiteral("interactive['body']['text']"), MaxListBody);
        const QString button = action.value(u"button").toString();
        if (button.isEmpty())
            return required(QStringLiteral("interactive['action']['button']"));
        if (MessageValidator::length(button) > MaxListButton)
            return tooLong(QStringLiteral("interactive['action']['button']"), MaxListButton);
        const QJsonArray sections = action.value(u"sections").toArray();
        if (sections.isEmpty())
            return required(QStringLiteral("interactive['action']['sections']"));
        if (sections.size() > MaxSections)
            return tooMany(QStringLiteral("interactive['action']['sections']"), MaxSections);
        int rowCount = 0;
        QSet<QString> rowIds;
        for (qsizetype s = 0; s < sections.size(); ++s) {
            const QJsonObject section = sections.at(s).toObject();
            const QString sectionParam =
                QStringLiteral("interactive['action']['sections'][%1]").arg(s);
            const QString title = section.value(u"title").toString();
            if (sections.size() > 1 && title.isEmpty())
                return required(sectionParam + QStringLiteral("['title']"));
            if (MessageValidator::length(title) > MaxSectionTitle)
                return tooLong(sectionParam + QStringLiteral("['title']"), MaxSectionTitle);
            const QJsonArray rows = section.value(u"rows").toArray();
            if (rows.isEmpty())
                return required(sectionParam + QStringLiteral("['rows']"));
            for (qsizetype r = 0; r < rows.size(); ++r) {
                const QJsonObject row = rows.at(r).toObject();
                const QString rowParam = sectionParam + QStringLiteral("['rows'][%1]").arg(r);
                const QString id = row.value(u"id").toString();
                const QString rowTitle = row.value(u"title").toString();
                if (id.isEmpty())
                    return required(rowParam + QStringLiteral("['id']"));
                if (rowTitle.isEmpty())
                    return required(rowParam + QStringLiteral("['title']"));
                if (MessageValidator::length(id) > MaxRowId)
                    return tooLong(rowParam + QStringLiteral("['id']"), MaxRowId);
                if (MessageValidator::length(rowTitle) > MaxRowTitle)
                    return tooLong(rowParam + QStringLiteral("['title']"), MaxRowTitle);
                if (MessageValidator::length(row.value(u"description").toString()) >
                    MaxRowDescription) {
                    return tooLong(rowParam + QStringLiteral("['description']"), MaxRowDescription);
                }
                if (rowIds.contains(id))
                    return GraphError::invalidParameter(QStringLiteral("Row ids must be unique."));
                rowIds.insert(id);
                draft->options.append(TapOption{rowCount, QStringLiteral("row"), rowTitle, id});
                ++rowCount;
            }
        }
        if (rowCount > MaxRows)
            return tooMany(QStringLiteral("interactive['action']['sections'][]['rows']"), MaxRows);
    } else if (type == u"cta_url") {
        if (bodyText.isEmpty())
            return required(QStringLiteral("interactive['body']['text']"));
        if (MessageValidator::length(bodyText) > MaxInteractiveBody)
            return tooLong(QStringLiteral("interactive['body']['text']"), MaxInteractiveBody);
        const QJsonObject parameters = action.value(u"parameters").toObject();
        const QString display = parameters.value(u"display_text").toString();
        if (display.isEmpty())
            return required(QStringLiteral("interactive['action']['parameters']['display_text']"));
        if (MessageValidator::length(display) > MaxButtonTitle) {
            return tooLong(QStringLiteral("interactive['action']['parameters']['display_text']"),
                           MaxButtonTitle);
        }
        if (parameters.value(u"url").toString().isEmpty())
            return required(QStringLiteral("interactive['action']['parameters']['url']"));
    } else if (type == u"location_request_message") {
        if (bodyText.isEmpty())
            return required(QStringLiteral("interactive['body']['text']"));
        if (MessageValidator::length(bodyText) > MaxInteractiveBody)
            return tooLong(QStringLiteral("interactive['body']['text']"), MaxInteractiveBody);
    } else {
        return GraphError::invalidParameter(
            QStringLiteral("Param interactive['type'] must be one of {button, list, cta_url, "
                           "location_request_message}."));
    }

    QStringList lines;
    if (header.value(u"type").toString() == u"text")
        lines.append(header.value(u"text").toString());
    lines.append(bodyText);
    if (!footer.isEmpty())
        lines.append(footer);
    draft->text = lines.join(QStringLiteral("\n\n"));
    return std::nullopt;
}
} // namespace

qsizetype MessageValidator::length(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++count;
    }
    return count;
}

std::optional<GraphError> MessageValidator::validate(const QJsonObject &body,
                                                     const TemplateStore &templates,
                                                     SentMessage *draft)
{
    const QString type = body.value(u"type").toString(QStringLiteral("text"));
    static const QSet<QString> Types{
        QStringLiteral("text"),     QStringLiteral("template"), QStringLiteral("interactive"),
        QStringLiteral("image"),    QStringLiteral("video"),    QStringLiteral("audio"),
        QStringLiteral("document"), QStringLiteral("sticker"),  QStringLiteral("location"),
        QStringLiteral("reaction"), QStringLiteral("contacts")};
    if (!Types.contains(type)) {
        return GraphError::invalidParameter(
            QStringLiteral("Param type must be one of {AUDIO, CONTACTS, DOCUMENT, IMAGE, "
                           "INTERACTIVE, LOCATION, REACTION, STICKER, TEMPLATE, TEXT, VIDEO} - "
                           "got \"%1\".")
                .arg(type));
    }
    const QJsonValue contentValue = body.value(type);
    if (contentValue.isUndefined() || contentValue.isNull())
        return required(type);
    draft->type = type;
    draft->category = QStringLiteral("service");
    draft->bizOpaque = body.value(u"biz_opaque_callback_data").toString();
    if (draft->bizOpaque.size() > 512)
        return tooLong(QStringLiteral("biz_opaque_callback_data"), 512);
    draft->contextId = body.value(u"context").toObject().value(u"message_id").toString();

    if (type == u"contacts") {
        const QJsonArray contacts = contentValue.toArray();
        if (contacts.isEmpty())
            return required(QStringLiteral("contacts"));
        QStringList names;
        for (qsizetype i = 0; i < contacts.size(); ++i) {
            const QString formatted = contacts.at(i)
                                          .toObject()
                                          .value(u"name")
                                          .toObject()
                                          .value(u"formatted_name")
                                          .toString();
            if (formatted.isEmpty())
                return required(QStringLiteral("contacts[%1]['name']['formatted_name']").arg(i));
            names.append(formatted);
        }
        draft->content = QJsonObject{{QStringLiteral("contacts"), contacts}};
        draft->text = names.join(QStringLiteral(", "));
        return std::nullopt;
    }

    const QJsonObject content = contentValue.toObject();
    draft->content = content;
    if (type == u"text") {
        const QString text = content.value(u"body").toString();
        if (text.isEmpty())
            return required(QStringLiteral("text['body']"));
        if (length(text) > MaxTextBody)
            return tooLong(QStringLiteral("text['body']"), MaxTextBody);
        draft->text = text;
    } else if (MediaTypes.contains(type)) {
        if (auto problem = checkMedia(type, content, type, true))
            return problem;
        draft->mediaId = content.value(u"id").toString();
        draft->text = content.value(u"caption").toString();
    } else if (type == u"location") {
        const QJsonValue latitude = content.value(u"latitude");
        const QJsonValue longitude = content.value(u"longitude");
        if (latitude.isUndefined())
            return required(QStringLiteral("location['latitude']"));
        if (longitude.isUndefined())
            return required(QStringLiteral("location['longitude']"));
        const double lat =
            latitude.isString() ? latitude.toString().toDouble() : latitude.toDouble();
        const double lon =
            longitude.isString() ? longitude.toString().toDouble() : longitude.toDouble();
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            return GraphError::invalidParameter(
                QStringLiteral("Param location must have a latitude from -90 to 90 and a "
                               "longitude from -180 to 180."));
        }
        const QString name = content.value(u"name").toString();
        const QString address = content.value(u"address").toString();
        draft->text = !name.isEmpty() || !address.isEmpty()
                          ? QStringList{name, address}.join(u'\n').trimmed()
                          : QStringLiteral("%1,%2").arg(lat).arg(lon);
    } else if (type == u"reaction") {
        if (content.value(u"message_id").toString().isEmpty())
            return required(QStringLiteral("reaction['message_id']"));
        if (!content.contains(u"emoji"))
            return required(QStringLiteral("reaction['emoji']"));
        draft->text = content.value(u"emoji").toString();
        draft->contextId = content.value(u"message_id").toString();
    } else if (type == u"interactive") {
        if (auto problem = checkInteractive(content, draft))
            return problem;
    } else if (type == u"template") {
        RenderedTemplate rendered;
        if (auto problem = TemplateRenderer::render(templates, content, &rendered))
            return problem;
        draft->text = rendered.text;
        draft->templateName = rendered.name;
        draft->templateLanguage = rendered.language;
        draft->templateParams = rendered.bodyParams;
        draft->headerParams = rendered.headerParams;
        draft->options = rendered.options;
        draft->category = rendered.category;
        draft->mediaId = rendered.mediaId;
    }
    return std::nullopt;
}

} // namespace Wardline::Sim
