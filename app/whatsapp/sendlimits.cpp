#include "whatsapp/sendlimits.h"

#include <QLocale>
#include <QSet>
#include <QTextBoundaryFinder>

#include <array>
#include <cmath>

namespace Wardline::WhatsApp {

namespace {
using Core::Status;

[[nodiscard]] bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

[[nodiscard]] bool isLowerOrDigitOrUnderscore(QChar c)
{
    return (c >= u'a' && c <= u'z') || isDigit(c) || c == u'_';
}

// Ids Wardline puts into a URL path or hands back to Meta: no spaces, slashes or controls.
[[nodiscard]] bool isPlainId(QStringView id, qsizetype max)
{
    if (id.isEmpty() || id.size() > max)
        return false;
    for (const QChar c : id) {
        if (c.isSpace() || c == u'/' || c == u'?' || c == u'#' ||
            c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

[[nodiscard]] bool isBlank(QStringView text)
{
    return text.trimmed().isEmpty();
}

// Meta refuses template text parameters with a new line, a tab or more than four spaces in a
// row: "Param text cannot have new-line/tab characters or more than 4 consecutive spaces"
// (Meta's answer as quoted in netflie/whatsapp-cloud-api#201).
[[nodiscard]] bool hasForbiddenWhitespace(QStringView text)
{
    int spaces = 0;
    for (const QChar c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            return true;
        spaces = c == u' ' ? spaces + 1 : 0;
        if (spaces > 4)
            return true;
    }
    return false;
}

[[nodiscard]] bool isLanguageCodeImpl(QStringView code)
{
    // "en", "en_US", "es_MX", "zh_HK", "pt_BR"; Meta's list of template languages.
    const qsizetype underscore = code.indexOf(u'_');
    const QStringView language = underscore < 0 ? code : code.first(underscore);
    if (language.size() < 2 || language.size() > 3)
        return false;
    for (const QChar c : language) {
        if (c < u'a' || c > u'z')
            return false;
    }
    if (underscore < 0)
        return true;
    const QStringView region = code.sliced(underscore + 1);
    if (region.size() < 2 || region.size() > 4)
        return false;
    for (const QChar c : region) {
        if (!c.isLetterOrNumber() || c.unicode() > 0x7f)
            return false;
    }
    return true;
}

[[nodiscard]] bool isHttpsLink(const QUrl &url)
{
    return url.isValid() && url.scheme() == u"https" && !url.host().isEmpty();
}

struct MediaType
{
    QLatin1StringView mime;
    MediaKind kind;
};

// "Supported media types" (Meta, media reference; WHATSAPP.md §4).
constexpr std::array MediaTypes{
    MediaType{QLatin1StringView("audio/aac"), MediaKind::Audio},
    MediaType{QLatin1StringView("audio/amr"), MediaKind::Audio},
    MediaType{QLatin1StringView("audio/mpeg"), MediaKind::Audio},
    MediaType{QLatin1StringView("audio/mp4"), MediaKind::Audio},
    MediaType{QLatin1StringView("audio/ogg"), MediaKind::Audio}, // OPUS codecs only
    MediaType{QLatin1StringView("text/plain"), MediaKind::Document},
    MediaType{QLatin1StringView("application/pdf"), MediaKind::Document},
    MediaType{QLatin1StringView("application/vnd.ms-excel"), MediaKind::Document},
    MediaType{
        QLatin1StringView("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        MediaKind::Document},
    MediaType{QLatin1StringView("application/msword"), MediaKind::Document},
    MediaType{QLatin1StringView(
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
              MediaKind::Document},
    MediaType{QLatin1StringView("application/vnd.ms-powerpoint"), MediaKind::Document},
    MediaType{QLatin1StringView(
                  "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
              MediaKind::Document},
    MediaType{QLatin1StringView("image/jpeg"), MediaKind::Image},
    MediaType{QLatin1StringView("image/png"), MediaKind::Image},
    MediaType{QLatin1StringView("image/webp"), MediaKind::Sticker},
    MediaType{QLatin1StringView("video/mp4"), MediaKind::Video},
    MediaType{QLatin1StringView("video/3gpp"), MediaKind::Video},
};
} // namespace

Status SendLimits::checkRecipient(QStringView to)
{
    if (isBlank(to))
        return Status::failure(tr("The patient's WhatsApp number is missing."));
    QStringView digits = to;
    if (digits.startsWith(u'+'))
        digits = digits.sliced(1);
    bool allDigits = !digits.isEmpty() && digits.size() <= PhoneDigitsMax && digits.front() != u'0';
    for (const QChar c : digits)
        allDigits = allDigits && isDigit(c);
    if (!allDigits) {
        return Status::failure(tr("The patient's WhatsApp number is not valid: use digits only, "
                                  "starting with the country code."));
    }
    return {};
}

Status SendLimits::checkMessageId(QStringView messageId)
{
    // wamids are base64 after "wamid."; Meta documents no length, 512 is generous.
    if (!isPlainId(messageId, 512))
        return Status::failure(tr("Wardline does not know which WhatsApp message this refers to."));
    return {};
}

Status SendLimits::checkText(QStringView body)
{
    if (isBlank(body))
        return Status::failure(tr("The message is empty."));
    if (length(body) > TextBodyMax) {
        return Status::failure(tr("The message is %L1 characters long; WhatsApp allows at most "
                                  "%L2. Shorten it or send it in parts.")
                                   .arg(length(body))
                                   .arg(TextBodyMax));
    }
    return {};
}

Status SendLimits::checkCaption(QStringView caption)
{
    if (length(caption) > CaptionMax) {
        return Status::failure(
            tr("The caption is %L1 characters long; WhatsApp allows at most %L2.")
                .arg(length(caption))
                .arg(CaptionMax));
    }
    return {};
}

Status SendLimits::checkCallbackData(QStringView data)
{
    if (length(data) > CallbackDataMax) {
        return Status::failure(tr("The tracking note is %L1 characters long; WhatsApp allows at "
                                  "most %L2.")
                                   .arg(length(data))
                                   .arg(CallbackDataMax));
    }
    return {};
}

namespace {
[[nodiscard]] Status checkHeaderFooter(QStringView header, QStringView footer)
{
    if (SendLimits::length(header) > SendLimits::HeaderTextMax) {
        return Status::failure(
            SendLimits::tr("The heading is %L1 characters long; WhatsApp allows at most %L2.")
                .arg(SendLimits::length(header))
                .arg(SendLimits::HeaderTextMax));
    }
    if (SendLimits::length(footer) > SendLimits::FooterMax) {
        return Status::failure(
            SendLimits::tr("The footer is %L1 characters long; WhatsApp allows at most %L2.")
                .arg(SendLimits::length(footer))
                .arg(SendLimits::FooterMax));
    }
    return {};
}
} // namespace

Status SendLimits::checkReplyButtons(const ReplyButtonsMessage &message)
{
    if (isBlank(message.body))
        return Status::failure(tr("The message text is empty."));
    if (length(message.body) > ButtonsBodyMax) {
        return Status::failure(tr("The message text is %L1 characters long; WhatsApp allows at "
                                  "most %L2 in a message with buttons.")
                                   .arg(length(message.body))
                                   .arg(ButtonsBodyMax));
    }
    if (Status status = checkHeaderFooter(message.header, message.footer); !status)
        return status;
    const qsizetype count = message.buttons.size();
    if (count < ButtonsMin || count > ButtonsMax) {
        return Status::failure(tr("A message can have one to three reply buttons; this one has %n.",
                                  nullptr, int(count)));
    }
    QSet<QString> ids;
    QSet<QString> titles;
    for (const ReplyButton &button : message.buttons) {
        if (isBlank(button.title))
            return Status::failure(tr("Each reply button needs a title."));
        if (length(button.title) > ButtonTitleMax) {
            return Status::failure(
                tr("The button “%1” is %L2 characters long; WhatsApp allows at most %L3.")
                    .arg(button.title)
                    .arg(length(button.title))
                    .arg(ButtonTitleMax));
        }
        if (titles.contains(button.title)) {
            return Status::failure(
                tr("Two reply buttons are both called “%1”; each needs its own title.")
                    .arg(button.title));
        }
        titles.insert(button.title);
        // Meta: no leading or trailing spaces in an id.
        if (!isPlainId(button.id, ButtonIdMax) || ids.contains(button.id)) {
            return Status::failure(
                tr("Each reply button needs its own ID of at most %L1 characters, without "
                   "spaces.")
                    .arg(ButtonIdMax));
        }
        ids.insert(button.id);
    }
    return {};
}

Status SendLimits::checkList(const ListMessage &message)
{
    if (isBlank(message.body))
        return Status::failure(tr("The message text is empty."));
    if (length(message.body) > ListBodyMax) {
        return Status::failure(tr("The message text is %L1 characters long; WhatsApp allows at "
                                  "most %L2.")
                                   .arg(length(message.body))
                                   .arg(ListBodyMax));
    }
    if (Status status = checkHeaderFooter(message.header, message.footer); !status)
        return status;
    if (isBlank(message.buttonLabel)) {
        return Status::failure(
            tr("The list needs a button label: the words the patient taps to open it."));
    }
    if (length(message.buttonLabel) > ListButtonLabelMax) {
        return Status::failure(
            tr("The list button “%1” is %L2 characters long; WhatsApp allows at most %L3.")
                .arg(message.buttonLabel)
                .arg(length(message.buttonLabel))
                .arg(ListButtonLabelMax));
    }
    const qsizetype sections = message.sections.size();
    if (sections > SectionsMax) {
        return Status::failure(
            tr("The list has %n sections; WhatsApp allows at most 10.", nullptr, int(sections)));
    }
    qsizetype rows = 0;
    for (const ListSection &section : message.sections)
        rows += section.rows.size();
    if (rows == 0)
        return Status::failure(tr("The list has no choices."));
    if (rows > RowsMax) {
        return Status::failure(
            tr("The list has %n choices; WhatsApp allows at most 10.", nullptr, int(rows)));
    }
    QSet<QString> ids;
    for (const ListSection &section : message.sections) {
        if (section.rows.isEmpty())
            return Status::failure(tr("Each section of the list needs at least one choice."));
        if (sections > 1 && isBlank(section.title))
            return Status::failure(tr("When a list has several sections, each needs a title."));
        if (length(section.title) > SectionTitleMax) {
            return Status::failure(
                tr("The section “%1” is %L2 characters long; WhatsApp allows at most %L3.")
                    .arg(section.title)
                    .arg(length(section.title))
                    .arg(SectionTitleMax));
        }
        for (const ListRow &row : section.rows) {
            if (isBlank(row.title))
                return Status::failure(tr("Each choice in the list needs a title."));
            if (length(row.title) > RowTitleMax) {
                return Status::failure(
                    tr("The choice “%1” is %L2 characters long; WhatsApp allows at most %L3.")
                        .arg(row.title)
                        .arg(length(row.title))
                        .arg(RowTitleMax));
            }
            if (length(row.description) > RowDescriptionMax) {
                return Status::failure(tr("The description of the choice “%1” is %L2 characters "
                                          "long; WhatsApp allows at most %L3.")
                                           .arg(row.title)
                                           .arg(length(row.description))
                                           .arg(RowDescriptionMax));
            }
            if (!isPlainId(row.id, RowIdMax) || ids.contains(row.id)) {
                return Status::failure(tr("Each choice in the list needs its own ID of at most "
                                          "%L1 characters, without spaces.")
                                           .arg(RowIdMax));
            }
            ids.insert(row.id);
        }
    }
    return {};
}

Status SendLimits::checkMedia(const MediaMessage &message)
{
    const bool hasId = !message.mediaId.isEmpty();
    const bool hasLink = !message.link.isEmpty();
    if (hasId == hasLink) {
        return Status::failure(
            tr("The attachment must be either an uploaded file or a link, not both or neither."));
    }
    if (hasId && !isPlainId(message.mediaId, 256))
        return Status::failure(tr("The attachment's ID is not valid."));
    // Meta also fetches http links; patient material is only ever offered over https.
    if (hasLink && !isHttpsLink(message.link))
        return Status::failure(tr("Wardline only sends links that start with https://."));
    const bool captionAllowed = message.kind == MediaKind::Image ||
                                message.kind == MediaKind::Video ||
                                message.kind == MediaKind::Document;
    if (!captionAllowed && !message.caption.isEmpty())
        return Status::failure(
            tr("Voice messages, audio files and stickers cannot have a caption."));
    if (message.kind != MediaKind::Document && !message.fileName.isEmpty())
        return Status::failure(tr("Only documents carry a file name."));
    return checkCaption(message.caption);
}

Status SendLimits::checkLocation(const LocationMessage &message)
{
    if (!std::isfinite(message.latitude) || !std::isfinite(message.longitude) ||
        std::abs(message.latitude) > 90 || std::abs(message.longitude) > 180) {
        return Status::failure(tr("The location is not valid: the latitude must be between -90 "
                                  "and 90 and the longitude between -180 and 180."));
    }
    return {};
}

Status SendLimits::checkReaction(QStringView messageId, QStringView emoji)
{
    if (Status status = checkMessageId(messageId); !status)
        return status;
    if (emoji.isEmpty())
        return {}; // an empty emoji takes the reaction back
    // One emoji as a person sees it: one grapheme cluster (a flag or a skin tone is one).
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, emoji.toString());
    const qsizetype end = finder.toNextBoundary();
    const bool single = end == emoji.size();
    const bool pictographic = emoji.front().unicode() > 0x7f;
    if (!single || !pictographic)
        return Status::failure(tr("A reaction must be a single emoji."));
    return {};
}

namespace {
[[nodiscard]] Status checkMediaParameter(const TemplateParameter &parameter)
{
    const bool hasId = !parameter.mediaId.isEmpty();
    const bool hasLink = !parameter.mediaLink.isEmpty();
    if (hasId == hasLink) {
        return Status::failure(SendLimits::tr(
            "The template's attachment must be either an uploaded file or a link, not both or "
            "neither."));
    }
    if (hasLink && !isHttpsLink(parameter.mediaLink))
        return Status::failure(
            SendLimits::tr("Wardline only sends links that start with https://."));
    return {};
}

[[nodiscard]] Status checkTextParameter(const TemplateParameter &parameter, qsizetype max)
{
    if (isBlank(parameter.text))
        return Status::failure(SendLimits::tr("A detail for the template is empty."));
    if (hasForbiddenWhitespace(parameter.text)) {
        return Status::failure(SendLimits::tr("A detail for the template cannot contain line "
                                              "breaks, tabs or more than four spaces in a row."));
    }
    if (SendLimits::length(parameter.text) > max) {
        return Status::failure(SendLimits::tr("A detail for the template is %L1 characters long; "
                                              "WhatsApp allows at most %L2 here.")
                                   .arg(SendLimits::length(parameter.text))
                                   .arg(max));
    }
    if (parameter.type == TemplateParameter::Type::Currency) {
        bool upper = parameter.currencyCode.size() == 3;
        for (const QChar c : parameter.currencyCode)
            upper = upper && c >= u'A' && c <= u'Z';
        if (!upper) {
            return Status::failure(SendLimits::tr("A money amount in the template needs a "
                                                  "three-letter currency code such as USD."));
        }
    }
    if (!parameter.name.isEmpty() && !SendLimits::isParameterName(parameter.name)) {
        return Status::failure(SendLimits::tr("The template field name “%1” is not valid: use "
                                              "lower-case letters, digits and underscores.")
                                   .arg(parameter.name));
    }
    return {};
}
} // namespace

Status SendLimits::checkTemplate(const TemplateMessage &message)
{
    if (!isTemplateName(message.name)) {
        return Status::failure(tr("The template name is not valid: use lower-case letters, "
                                  "digits and underscores."));
    }
    if (!isLanguageCode(message.languageCode)) {
        return Status::failure(
            tr("The template's language is missing or not valid (for example en_US)."));
    }
    const TemplateComponent *header = nullptr;
    const TemplateComponent *body = nullptr;
    QSet<int> buttonIndexes;
    bool hasOtherThanBody = false;
    for (const TemplateComponent &component : message.components) {
        switch (component.type) {
        case TemplateComponent::Type::Header:
            if (header)
                return Status::failure(tr("The template has more than one heading."));
            header = &component;
            hasOtherThanBody = true;
            break;
        case TemplateComponent::Type::Body:
            if (body)
                return Status::failure(tr("The template has more than one body."));
            body = &component;
            break;
        case TemplateComponent::Type::Button:
            if (component.index < 0 || component.index >= TemplateButtonsMax ||
                buttonIndexes.contains(component.index)) {
                return Status::failure(tr("The template's buttons are numbered wrongly."));
            }
            buttonIndexes.insert(component.index);
            hasOtherThanBody = true;
            break;
        }
    }

    // Header: at most one parameter, text or media.
    if (header) {
        if (header->parameters.size() > 1)
            return Status::failure(tr("A template heading takes at most one detail."));
        for (const TemplateParameter &parameter : header->parameters) {
            using Type = TemplateParameter::Type;
            if (parameter.type == Type::Image || parameter.type == Type::Document ||
                parameter.type == Type::Video) {
                if (Status status = checkMediaParameter(parameter); !status)
                    return status;
            } else if (parameter.type == Type::Text) {
                if (Status status = checkTextParameter(parameter, TemplateHeaderParameterMax);
                    !status)
                    return status;
            } else {
                return Status::failure(
                    tr("A template heading takes text, a picture, a video or a document."));
            }
        }
    }
    // Body: text, currency and dates only.
    if (body) {
        const qsizetype max =
            hasOtherThanBody ? TemplateBodyParameterMax : TemplateBodyOnlyParameterMax;
        for (const TemplateParameter &parameter : body->parameters) {
            if (!parameter.fillsPlaceholder())
                return Status::failure(tr("The template's text takes only words, amounts and "
                                          "dates as details."));
            if (Status status = checkTextParameter(parameter, max); !status)
                return status;
        }
    }
    // Buttons: a payload for quick replies, the end of the address for URL buttons.
    for (const TemplateComponent &component : message.components) {
        if (component.type != TemplateComponent::Type::Button)
            continue;
        if (component.parameters.size() != 1)
            return Status::failure(tr("Each template button takes exactly one detail."));
        const TemplateParameter &parameter = component.parameters.constFirst();
        if (component.buttonType == TemplateComponent::ButtonType::QuickReply) {
            if (parameter.type != TemplateParameter::Type::Payload || isBlank(parameter.text))
                return Status::failure(tr("A template reply button is missing its reply code."));
        } else if (parameter.type != TemplateParameter::Type::Text || isBlank(parameter.text) ||
                   hasForbiddenWhitespace(parameter.text)) {
            return Status::failure(tr("A template link button is missing the end of its address."));
        }
    }

    // Header and body must use the same style: all named or all numbered.
    int named = 0;
    int positional = 0;
    for (const TemplateComponent *component : {header, body}) {
        if (!component)
            continue;
        for (const TemplateParameter &parameter : component->parameters) {
            if (!parameter.fillsPlaceholder())
                continue;
            (parameter.name.isEmpty() ? positional : named) += 1;
        }
    }
    if (named > 0 && positional > 0) {
        return Status::failure(
            tr("A template's details must be either all numbered or all named, not a mix."));
    }

    if (!message.bodyText.isEmpty()) {
        if (Status status = checkPlaceholders(message.bodyText,
                                              body ? body->parameters : QList<TemplateParameter>());
            !status)
            return status;
    }
    if (!message.headerText.isEmpty()) {
        QList<TemplateParameter> textual;
        if (header) {
            for (const TemplateParameter &parameter : header->parameters) {
                if (parameter.fillsPlaceholder())
                    textual.append(parameter);
            }
        }
        if (Status status = checkPlaceholders(message.headerText, textual); !status)
            return status;
    }
    return {};
}

SendLimits::Placeholders SendLimits::placeholders(QStringView text)
{
    Placeholders found;
    qsizetype from = 0;
    while (true) {
        const qsizetype open = text.indexOf(u"{{", from);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(u"}}", open + 2);
        if (close < 0)
            break;
        const QStringView inner = text.sliced(open + 2, close - open - 2);
        from = close + 2;
        bool digits = !inner.isEmpty() && inner.size() <= 3 && inner.front() != u'0';
        for (const QChar c : inner)
            digits = digits && isDigit(c);
        if (digits) {
            const int number = inner.toInt();
            if (!found.positional.contains(number))
                found.positional.append(number);
        } else if (isParameterName(inner)) {
            if (!found.named.contains(inner.toString()))
                found.named.append(inner.toString());
        } else {
            found.malformed.append(inner.toString());
        }
    }
    std::sort(found.positional.begin(), found.positional.end());
    return found;
}

Status SendLimits::checkPlaceholders(QStringView text, const QList<TemplateParameter> &parameters)
{
    const Placeholders found = placeholders(text);
    if (!found.malformed.isEmpty()) {
        return Status::failure(tr("The template text has a field that is not written as {{1}} "
                                  "or {{name}}. An administrator must correct the template."));
    }
    if (!found.positional.isEmpty() && !found.named.isEmpty()) {
        return Status::failure(tr("The template text mixes numbered and named fields. An "
                                  "administrator must correct the template."));
    }
    QList<const TemplateParameter *> values;
    for (const TemplateParameter &parameter : parameters) {
        if (parameter.fillsPlaceholder())
            values.append(&parameter);
    }

    if (found.named.isEmpty()) {
        const qsizetype expected = found.positional.size();
        if (values.size() != expected) {
            return Status::failure(tr("This template has %n field(s) to fill in, but %1 "
                                      "value(s) were given.",
                                      nullptr, int(expected))
                                       .arg(values.size()));
        }
        for (const TemplateParameter *value : std::as_const(values)) {
            if (!value->name.isEmpty()) {
                return Status::failure(tr("This template uses numbered fields, so its values "
                                          "must not carry field names."));
            }
        }
        return {};
    }

    QSet<QString> given;
    for (const TemplateParameter *value : std::as_const(values)) {
        if (value->name.isEmpty()) {
            return Status::failure(tr("This template uses named fields, so every value needs "
                                      "the name of its field."));
        }
        if (given.contains(value->name))
            return Status::failure(
                tr("The template field “%1” was filled in twice.").arg(value->name));
        if (!found.named.contains(value->name))
            return Status::failure(tr("The template has no field called “%1”.").arg(value->name));
        given.insert(value->name);
    }
    for (const QString &name : found.named) {
        if (!given.contains(name))
            return Status::failure(tr("The template field “%1” was not filled in.").arg(name));
    }
    return {};
}

std::optional<MediaKind> SendLimits::mediaKindOf(QStringView mimeType)
{
    // "audio/ogg; codecs=opus" → "audio/ogg"
    const qsizetype semicolon = mimeType.indexOf(u';');
    const QStringView essence = (semicolon < 0 ? mimeType : mimeType.first(semicolon)).trimmed();
    for (const MediaType &type : MediaTypes) {
        if (essence.compare(type.mime, Qt::CaseInsensitive) == 0)
            return type.kind;
    }
    return std::nullopt;
}

qint64 SendLimits::maxUploadSize(MediaKind kind)
{
    // Meta states these in MB; decimal megabytes keep Wardline on the safe side.
    constexpr qint64 MB = 1000 * 1000;
    switch (kind) {
    case MediaKind::Image:
        return 5 * MB;
    case MediaKind::Audio:
    case MediaKind::Video:
        return 16 * MB;
    case MediaKind::Document:
        return 100 * MB;
    case MediaKind::Sticker:
        return 500 * 1000; // animated; a static sticker is limited to 100 KB
    }
    return 0;
}

Status SendLimits::checkUpload(QStringView mimeType, qint64 size)
{
    const std::optional<MediaKind> kind = mediaKindOf(mimeType);
    if (!kind) {
        return Status::failure(
            tr("WhatsApp does not accept files of this type (%1).").arg(mimeType.toString()));
    }
    if (size <= 0)
        return Status::failure(tr("The file is empty."));
    const qint64 max = maxUploadSize(*kind);
    if (size > max) {
        const QLocale locale;
        return Status::failure(
            tr("The file is %1; WhatsApp accepts at most %2 for this kind of "
               "file.")
                .arg(locale.formattedDataSize(size, 1, QLocale::DataSizeSIFormat),
                     locale.formattedDataSize(max, 0, QLocale::DataSizeSIFormat)));
    }
    return {};
}

bool SendLimits::isTemplateName(QStringView name)
{
    if (name.isEmpty() || name.size() > TemplateNameMax)
        return false;
    for (const QChar c : name) {
        if (!isLowerOrDigitOrUnderscore(c))
            return false;
    }
    return true;
}

bool SendLimits::isLanguageCode(QStringView code)
{
    return isLanguageCodeImpl(code);
}

bool SendLimits::isParameterName(QStringView name)
{
    if (name.isEmpty() || isDigit(name.front()))
        return false;
    for (const QChar c : name) {
        if (!isLowerOrDigitOrUnderscore(c))
            return false;
    }
    return true;
}

} // namespace Wardline::WhatsApp
