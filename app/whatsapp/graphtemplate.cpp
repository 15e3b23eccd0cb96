#include "whatsapp/graphtemplate.h"

#include "whatsapp/sendlimits.h"

#include <QRegularExpression>

namespace Wardline::WhatsApp {

namespace {
using Core::Status;

[[nodiscard]] QString upper(const QJsonValue &value)
{
    return value.toString().toUpper();
}

// Placeholders of one BODY or HEADER text against the template's parameter format and the
// examples Meta requires for review ("Template components — body / header", example.body_text,
// example.body_text_named_params, example.header_text, example.header_text_named_params).
[[nodiscard]] Status checkFields(const QString &text, const QJsonObject &example, bool named,
                                 bool isHeader)
{
    const SendLimits::Placeholders found = SendLimits::placeholders(text);
    if (!found.malformed.isEmpty()) {
        return Status::failure(GraphTemplate::tr(
            "The template has a field that is not written as {{1}} or {{name}}."));
    }
    const qsizetype count = named ? found.named.size() : found.positional.size();
    if ((named && !found.positional.isEmpty()) || (!named && !found.named.isEmpty())) {
        return Status::failure(GraphTemplate::tr(
            "The template's fields do not match its field style: use {{1}}, {{2}} … for numbered "
            "templates and {{name}} for named ones."));
    }
    if (isHeader && count > 1)
        return Status::failure(GraphTemplate::tr("A template heading can have at most one field."));
    if (count == 0)
        return {};

    const QString prefix = isHeader ? QStringLiteral("header_text") : QStringLiteral("body_text");
    if (named) {
        QStringList withExample;
        const QJsonArray examples =
            example.value(prefix + QStringLiteral("_named_params")).toArray();
        for (const QJsonValue &entry : examples) {
            const QJsonObject object = entry.toObject();
            if (!object.value(u"example").toString().trimmed().isEmpty())
                withExample.append(object.value(u"param_name").toString());
        }
        for (const QString &name : found.named) {
            if (!withExample.contains(name)) {
                return Status::failure(GraphTemplate::tr(
                    "Each field in the template needs an example value for WhatsApp's review."));
            }
        }
        return {};
    }

    for (int i = 0; i < found.positional.size(); ++i) {
        if (found.positional.at(i) != i + 1) {
            return Status::failure(GraphTemplate::tr(
                "The template's fields must be numbered from {{1}} without gaps."));
        }
    }
    // Body: [["ex1","ex2"]]; header: ["ex1"].
    QJsonArray values = example.value(prefix).toArray();
    if (!isHeader)
        values = values.at(0).toArray();
    bool complete = values.size() == count;
    for (const QJsonValue &value : std::as_const(values))
        complete = complete && !value.toString().trimmed().isEmpty();
    if (!complete) {
        return Status::failure(GraphTemplate::tr(
            "Each field in the template needs an example value for WhatsApp's review."));
    }
    return {};
}
// Buttons of a template definition ("Template components — buttons"): each has a label of at
// most 25 characters; at most two URL buttons (an http(s) address of at most 2,000 characters)
// and one phone-number button (at most 20 characters).
[[nodiscard]] Status checkButtons(const QJsonArray &buttons)
{
    int urls = 0;
    int phones = 0;
    for (const QJsonValue &value : buttons) {
        const QJsonObject button = value.toObject();
        const QString type = upper(button.value(u"type"));
        const QString text = button.value(u"text").toString();
        if (text.trimmed().isEmpty() ||
            SendLimits::length(text) > SendLimits::TemplateButtonTextMax) {
            return Status::failure(GraphTemplate::tr("Each button needs a label of at most %L1 "
                                                     "characters.")
                                       .arg(SendLimits::TemplateButtonTextMax));
        }
        if (type == u"URL") {
            const QString address = button.value(u"url").toString();
            const QUrl url(address, QUrl::StrictMode);
            if (++urls > SendLimits::TemplateUrlButtonsMax || !url.isValid() ||
                (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty() ||
                SendLimits::length(address) > SendLimits::TemplateUrlMax) {
                return Status::failure(GraphTemplate::tr(
                    "A template can have at most two web-link buttons, each with a full address "
                    "such as https://example.org/visit."));
            }
        } else if (type == u"PHONE_NUMBER") {
            const QString phone = button.value(u"phone_number").toString();
            static const QRegularExpression dialable(QStringLiteral("^\\+?[0-9]{4,19}$"));
            if (++phones > 1 || !dialable.match(phone).hasMatch()) {
                return Status::failure(GraphTemplate::tr(
                    "A template can have one call button, with the number in international "
                    "form such as +15550100200."));
            }
        } else if (type != u"QUICK_REPLY") {
            return Status::failure(GraphTemplate::tr("The template has a button WhatsApp does not "
                                                     "know."));
        }
    }
    return {};
}
} // namespace

QString GraphTemplate::listFields()
{
    return QStringLiteral(
        "id,name,language,category,status,parameter_format,rejected_reason,components");
}

std::optional<GraphTemplate> GraphTemplate::fromJson(const QJsonObject &json)
{
    GraphTemplate result;
    result.name = json.value(u"name").toString();
    if (result.name.isEmpty())
        return std::nullopt;
    result.id = json.value(u"id").toString();
    result.language = json.value(u"language").toString();
    result.category = json.value(u"category").toString();
    result.status = json.value(u"status").toString();
    result.parameterFormat = json.value(u"parameter_format").toString();
    result.rejectedReason = json.value(u"rejected_reason").toString();
    result.components = json.value(u"components").toArray();
    return result;
}

QJsonObject GraphTemplate::toCreateJson() const
{
    QJsonObject json{{QStringLiteral("name"), name},
                     {QStringLiteral("language"), language},
                     {QStringLiteral("category"), category},
                     {QStringLiteral("components"), components}};
    if (!parameterFormat.isEmpty())
        json.insert(QStringLiteral("parameter_format"), parameterFormat);
    return json;
}

QString GraphTemplate::componentText(QStringView type) const
{
    for (const QJsonValue &value : components) {
        const QJsonObject component = value.toObject();
        if (component.value(u"type").toString().compare(type, Qt::CaseInsensitive) == 0)
            return component.value(u"text").toString();
    }
    return {};
}

Status GraphTemplate::checkDefinition() const
{
    if (!SendLimits::isTemplateName(name)) {
        return Status::failure(tr("The template name may contain only lower-case letters, "
                                  "digits and underscores."));
    }
    if (!SendLimits::isLanguageCode(language))
        return Status::failure(tr("The template needs a language, for example en_US."));
    if (category != u"MARKETING" && category != u"UTILITY" && category != u"AUTHENTICATION") {
        return Status::failure(
            tr("The template's category must be marketing, utility or authentication."));
    }
    if (!parameterFormat.isEmpty() && parameterFormat != u"POSITIONAL" &&
        parameterFormat != u"NAMED") {
        return Status::failure(tr("The template's field style must be numbered or named."));
    }
    const bool named = parameterFormat == u"NAMED";

    int bodies = 0;
    int headers = 0;
    int footers = 0;
    for (const QJsonValue &value : components) {
        const QJsonObject component = value.toObject();
        const QString type = upper(component.value(u"type"));
        const QString text = component.value(u"text").toString();
        const QJsonObject example = component.value(u"example").toObject();
        if (type == u"BODY") {
            ++bodies;
            if (text.trimmed().isEmpty())
                return Status::failure(tr("The template needs a body text."));
            if (SendLimits::length(text) > SendLimits::TemplateBodyTextMax) {
                return Status::failure(tr("The template text is %L1 characters long; WhatsApp "
                                          "allows at most %L2.")
                                           .arg(SendLimits::length(text))
                                           .arg(SendLimits::TemplateBodyTextMax));
            }
            if (Status status = checkFields(text, example, named, false); !status)
                return status;
        } else if (type == u"HEADER") {
            ++headers;
            if (upper(component.value(u"format")) == u"TEXT") {
                if (text.trimmed().isEmpty() ||
                    SendLimits::length(text) > SendLimits::HeaderTextMax) {
                    return Status::failure(tr("A template heading needs a text of at most %L1 "
                                              "characters.")
                                               .arg(SendLimits::HeaderTextMax));
                }
                if (Status status = checkFields(text, example, named, true); !status)
                    return status;
            } else if (example.value(u"header_handle").toArray().isEmpty() &&
                       upper(component.value(u"format")) != u"LOCATION") {
                // A media heading is reviewed with an example file (example.header_handle).
                return Status::failure(
                    tr("A picture or file heading needs an example file for WhatsApp's review."));
            }
        } else if (type == u"FOOTER") {
            ++footers;
            if (SendLimits::length(text) > SendLimits::FooterMax) {
                return Status::failure(tr("A template footer can have at most %L1 characters.")
                                           .arg(SendLimits::FooterMax));
            }
            const SendLimits::Placeholders found = SendLimits::placeholders(text);
            if (!found.positional.isEmpty() || !found.named.isEmpty() || !found.malformed.isEmpty())
                return Status::failure(tr("A template footer cannot have fields."));
        } else if (type == u"BUTTONS") {
            if (component.value(u"buttons").toArray().size() > SendLimits::TemplateButtonsMax) {
                return Status::failure(tr("A template can have at most %L1 buttons.")
                                           .arg(SendLimits::TemplateButtonsMax));
            }
            if (Status status = checkButtons(component.value(u"buttons").toArray()); !status)
                return status;
        } else {
            return Status::failure(tr("The template has a part WhatsApp does not know."));
        }
    }
    if (bodies != 1)
        return Status::failure(tr("The template needs exactly one body text."));
    if (headers > 1 || footers > 1)
        return Status::failure(tr("The template can have only one heading and one footer."));
    return {};
}

std::optional<TemplatePage> TemplatePage::fromJson(const QJsonObject &json)
{
    const QJsonValue data = json.value(u"data");
    if (!data.isArray())
        return std::nullopt;
    TemplatePage page;
    for (const QJsonValue &value : data.toArray()) {
        if (std::optional<GraphTemplate> found = GraphTemplate::fromJson(value.toObject()))
            page.templates.append(std::move(*found));
    }
    const QJsonObject paging = json.value(u"paging").toObject();
    page.after = paging.value(u"cursors").toObject().value(u"after").toString();
    page.next = QUrl(paging.value(u"next").toString(), QUrl::StrictMode);
    if (!page.next.isValid())
        page.next.clear();
    return page;
}

std::optional<CreatedTemplate> CreatedTemplate::fromJson(const QJsonObject &json)
{
    CreatedTemplate created;
    created.id = json.value(u"id").toString();
    if (created.id.isEmpty())
        return std::nullopt;
    created.status = json.value(u"status").toString();
    created.category = json.value(u"category").toString();
    return created;
}

} // namespace Wardline::WhatsApp
