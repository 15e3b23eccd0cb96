#include "sim/templaterenderer.h"

#include "sim/templatestore.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Wardline::Sim {

namespace {
constexpr int MaxHydratedBody = 1024;

// The value a parameter contributes to the text, or nothing for a media parameter.
[[nodiscard]] QString parameterText(const QJsonObject &parameter)
{
    const QString type = parameter.value(u"type").toString();
    if (type == u"text")
        return parameter.value(u"text").toString();
    if (type == u"currency")
        return parameter.value(u"currency").toObject().value(u"fallback_value").toString();
    if (type == u"date_time")
        return parameter.value(u"date_time").toObject().value(u"fallback_value").toString();
    if (type == u"payload")
        return parameter.value(u"payload").toString();
    return {};
}

[[nodiscard]] bool hasForbiddenWhitespace(const QString &text)
{
    // "Param text cannot have new-line/tab characters or more than 4 consecutive spaces".
    static const QRegularExpression pattern(QStringLiteral("[\\n\\t]| {5,}"));
    return pattern.match(text).hasMatch();
}

[[nodiscard]] QString fill(const QString &text, const QHash<QString, QString> &values)
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(text).sliced(last, match.capturedStart() - last);
        out += values.value(match.captured(1));
        last = match.capturedEnd();
    }
    out += QStringView(text).sliced(last);
    return out;
}

[[nodiscard]] qsizetype distinctCount(const QStringList &names)
{
    QStringList unique = names;
    unique.removeDuplicates();
    return unique.size();
}

struct Parameters
{
    QHash<QString, QString> values; // placeholder → value
    QJsonValue asJson;              // array or object, for /_sim/sent
};

// Checks the parameters of one component against the template's placeholders.
[[nodiscard]] std::optional<GraphError> bindParameters(const QString &where,
                                                       const QStringList &expected,
                                                       const QJsonArray &given, bool named,
                                                       Parameters *out)
{
    const qsizetype expectedCount = distinctCount(expected);
    if (given.size() != expectedCount) {
        return GraphError::templateParamCount(
            QStringLiteral("%1: number of localizable_params (%2) does not match the expected "
                           "number of params (%3)")
                .arg(where)
                .arg(given.size())
                .arg(expectedCount));
    }
    QJsonArray positional;
    QJsonObject byName;
    for (qsizetype i = 0; i < given.size(); ++i) {
        const QJsonObject parameter = given.at(i).toObject();
        const QString type = parameter.value(u"type").toString();
        if (type != u"text" && type != u"currency" && type != u"date_time") {
            return GraphError::templateParamFormat(
                QStringLiteral("%1: parameter %2 has type \"%3\"; expected text, currency or "
                               "date_time")
                    .arg(where)
                    .arg(i + 1)
                    .arg(type));
        }
        const QString value = parameterText(parameter);
        if (value.isEmpty()) {
            return GraphError::requiredParameterMissing(
                QStringLiteral("%1: parameter %2 is empty").arg(where).arg(i + 1));
        }
        if (hasForbiddenWhitespace(value)) {
            return GraphError::invalidParameter(
                QStringLiteral("Param text cannot have new-line/tab characters or more than 4 "
                               "consecutive spaces"));
        }
        const QString name = parameter.value(u"parameter_name").toString();
        if (named) {
            if (name.isEmpty() || !expected.contains(name)) {
                return GraphError::templateParamFormat(
                    name.isEmpty()
                        ? QStringLiteral("%1: parameter %2 has no parameter_name; the template "
                                         "uses named parameters")
                              .arg(where)
                              .arg(i + 1)
                        : QStringLiteral("%1: parameter_name \"%2\" is not a parameter of the "
                                         "template")
                              .arg(where, name));
            }
            out->values.insert(name, value);
            byName.insert(name, value);
        } else {
            if (!name.isEmpty()) {
                return GraphError::templateParamFormat(
                    QStringLiteral("%1: parameter_name is only valid for templates with "
                                   "parameter_format NAMED")
                        .arg(where));
            }
            out->values.insert(QString::number(i + 1), value);
            positional.append(value);
        }
    }
    out->asJson = named ? QJsonValue(byName) : QJsonValue(positional);
    return std::nullopt;
}
} // namespace

std::optional<GraphError> TemplateRenderer::render(const TemplateStore &store,
                                                   const QJsonObject &request,
                                                   RenderedTemplate *out)
{
    const QString name = request.value(u"name").toString();
    if (name.isEmpty())
        return GraphError::missingParameter(u"template['name']");
    const QJsonValue languageValue = request.value(u"language");
    const QString language = languageValue.isObject()
                                 ? languageValue.toObject().value(u"code").toString()
                                 : languageValue.toString();
    if (language.isEmpty())
        return GraphError::missingParameter(u"template['language']['code']");

    const MessageTemplate *t = store.find(name, language);
    if (!t || (t->status != u"APPROVED" && t->status != u"PAUSED" && t->status != u"DISABLED"))
        return GraphError::templateMissing(name, language);
    if (t->status == u"PAUSED")
        return GraphError::templatePaused(name);
    if (t->status == u"DISABLED")
        return GraphError::templateDisabled(name);

    const bool named = t->parameterFormat == u"NAMED";
    QJsonArray headerGiven;
    QJsonArray bodyGiven;
    QHash<int, QJsonObject> buttonGiven;
    bool hasHeader = false;
    for (const QJsonValue &value : request.value(u"components").toArray()) {
        const QJsonObject component = value.toObject();
        const QString type = component.value(u"type").toString().toLower();
        const QJsonArray parameters = component.value(u"parameters").toArray();
        if (type == u"header") {
            hasHeader = true;
            headerGiven = parameters;
        } else if (type == u"body") {
            bodyGiven = parameters;
        } else if (type == u"button") {
            const QJsonValue indexValue = component.value(u"index");
            bool ok = true;
            const int index =
                indexValue.isString() ? indexValue.toString().toInt(&ok) : indexValue.toInt(-1);
            if (!ok || index < 0 || index > 9) {
                return GraphError::invalidParameter(
                    QStringLiteral("Param template['components'][button]['index'] must be 0 to 9"));
            }
            buttonGiven.insert(index, component);
        } else {
            return GraphError::invalidParameter(
                QStringLiteral("Param template['components'][]['type'] must be one of {HEADER, "
                               "BODY, BUTTON}; got \"%1\"")
                    .arg(type));
        }
    }

    out->name = name;
    out->language = language;
    out->category = t->category.toLower();
    QStringList lines;

    // Header: text with at most one variable, or media given at send time.
    const QJsonObject header = t->component(u"HEADER");
    if (!header.isEmpty()) {
        const QString format = header.value(u"format").toString();
        if (format == u"TEXT") {
            Parameters bound;
            if (auto problem =
                    bindParameters(QStringLiteral("header"),
                                   MessageTemplate::placeholders(header.value(u"text").toString()),
                                   headerGiven, named, &bound)) {
                return problem;
            }
            if (!headerGiven.isEmpty())
                out->headerParams = bound.asJson;
            lines.append(fill(header.value(u"text").toString(), bound.values));
        } else if (format == u"IMAGE" || format == u"VIDEO" || format == u"DOCUMENT") {
            const QString expected = format.toLower();
            const QJsonObject parameter = headerGiven.at(0).toObject();
            if (!hasHeader || headerGiven.size() != 1 ||
                parameter.value(u"type").toString() != expected) {
                return GraphError::templateParamFormat(
                    QStringLiteral("header: Format mismatch, expected %1, received %2")
                        .arg(format, headerGiven.isEmpty()
                                         ? QStringLiteral("UNKNOWN")
                                         : parameter.value(u"type").toString().toUpper()));
            }
            const QJsonObject media = parameter.value(expected).toObject();
            out->mediaId = media.value(u"id").toString();
            if (out->mediaId.isEmpty() && media.value(u"link").toString().isEmpty()) {
                return GraphError::requiredParameterMissing(
                    QStringLiteral("header: %1 requires an id or a link").arg(expected));
            }
            lines.append(QStringLiteral("[%1]").arg(expected));
        }
    } else if (!headerGiven.isEmpty()) {
        return GraphError::templateParamCount(
            QStringLiteral("header: number of localizable_params (%1) does not match the "
                           "expected number of params (0)")
                .arg(headerGiven.size()));
    }

    // Body.
    const QString bodyText = t->component(u"BODY").value(u"text").toString();
    Parameters body;
    if (auto problem =
            bindParameters(QStringLiteral("body"), MessageTemplate::placeholders(bodyText),
                           bodyGiven, named, &body)) {
        return problem;
    }
    const QString hydrated = fill(bodyText, body.values);
    if (hydrated.size() > MaxHydratedBody) {
        return GraphError::templateHydratedTooLong(
            QStringLiteral("body: hydrated text is %1 characters; at most %2")
                .arg(hydrated.size())
                .arg(MaxHydratedBody));
    }
    out->bodyParams = body.asJson;
    lines.append(hydrated);
    const QString footer = t->component(u"FOOTER").value(u"text").toString();
    if (!footer.isEmpty())
        lines.append(footer);
    out->text = lines.join(QStringLiteral("\n\n"));

    // Buttons: a quick reply may carry a payload; a URL button with a variable needs its text.
    const QJsonArray buttons = t->component(u"BUTTONS").value(u"buttons").toArray();
    for (auto it = buttonGiven.constBegin(); it != buttonGiven.constEnd(); ++it) {
        const QString subType = it->value(u"sub_type").toString().toLower();
        const QJsonObject button = buttons.at(it.key()).toObject();
        const QString buttonType = button.value(u"type").toString();
        const bool matches = (subType == u"quick_reply" && buttonType == u"QUICK_REPLY") ||
                             (subType == u"url" && buttonType == u"URL") ||
                             (subType == u"copy_code" && buttonType == u"COPY_CODE") ||
                             (subType == u"flow" && buttonType == u"FLOW");
        if (button.isEmpty() || !matches) {
            return GraphError::invalidParameter(
                QStringLiteral("buttons: Button at index %1 of type %2 does not exist")
                    .arg(it.key())
                    .arg(subType));
        }
    }
    for (qsizetype i = 0; i < buttons.size(); ++i) {
        const QJsonObject button = buttons.at(i).toObject();
        const QString buttonType = button.value(u"type").toString();
        const QJsonArray parameters = buttonGiven.value(int(i)).value(u"parameters").toArray();
        if (buttonType == u"URL" &&
            !MessageTemplate::placeholders(button.value(u"url").toString()).isEmpty() &&
            parameters.isEmpty()) {
            return GraphError::requiredParameterMissing(
                QStringLiteral("buttons: Button at index %1 of type Url requires a parameter")
                    .arg(i));
        }
        if (buttonType == u"QUICK_REPLY") {
            // Without a payload, the tap comes back with the button's text as payload.
            const QString payload = parameters.isEmpty()
                                        ? button.value(u"text").toString()
                                        : parameterText(parameters.at(0).toObject());
            out->options.append(TapOption{int(i), QStringLiteral("quick_reply"),
                                          button.value(u"text").toString(), payload});
        }
    }
    return std::nullopt;
}

} // namespace Wardline::Sim
