#include "sim/templatestore.h"

#include "sim/defaulttemplates.h"
#include "sim/simids.h"

#include <QRegularExpression>
#include <QSet>

namespace Wardline::Sim {

namespace {
constexpr int MaxNameLength = 512;
constexpr int MaxBodyLength = 1024;
constexpr int MaxHeaderLength = 60;
constexpr int MaxFooterLength = 60;
constexpr int MaxButtons = 10;
constexpr int MaxButtonText = 25;

[[nodiscard]] GraphError refusal(const QString &details, const QString &userTitle,
                                 const QString &userMessage)
{
    return GraphError::invalidParameter(details).withUserMessage(userTitle, userMessage);
}

[[nodiscard]] bool isTemplateName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9_]+$"));
    return name.size() <= MaxNameLength && pattern.match(name).hasMatch();
}

[[nodiscard]] bool isLanguageCode(const QString &code)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z]{2,3}(_[A-Z]{2,3})?$"));
    return pattern.match(code).hasMatch();
}
} // namespace

TemplateStore::TemplateStore(const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
}

void TemplateStore::seedDefaults()
{
    for (MessageTemplate t : DefaultTemplates::all())
        add(std::move(t));
}

MessageTemplate &TemplateStore::add(MessageTemplate messageTemplate)
{
    // Meta's template ids are JSON numbers that stay below 2^53 (exact in JavaScript and in
    // a double), so 15 digits at most.
    if (messageTemplate.id.isEmpty())
        messageTemplate.id = SimIds::numericId(15);
    if (!messageTemplate.created.isValid())
        messageTemplate.created = m_clock.now();
    m_templates.append(std::move(messageTemplate));
    return m_templates.last();
}

const MessageTemplate *TemplateStore::create(const QJsonObject &params, GraphError *error)
{
    const auto fail = [error](GraphError e) -> const MessageTemplate * {
        *error = std::move(e);
        return nullptr;
    };
    for (const QString &required : {QStringLiteral("name"), QStringLiteral("language"),
                                    QStringLiteral("category"), QStringLiteral("components")}) {
        if (!params.contains(required))
            return fail(GraphError::missingParameter(required));
    }
    const QString name = params.value(u"name").toString();
    if (!isTemplateName(name)) {
        return fail(refusal(QStringLiteral("Param name must contain only lowercase characters, "
                                           "numbers and underscores, at most 512"),
                            QStringLiteral("Invalid template name"),
                            QStringLiteral("Template names can only contain lowercase letters, "
                                           "numbers and underscores.")));
    }
    const QString language = params.value(u"language").toString();
    if (!isLanguageCode(language)) {
        return fail(refusal(QStringLiteral("Param language must be a supported language code"),
                            QStringLiteral("Invalid language"),
                            QStringLiteral("The language \"%1\" is not supported.").arg(language)));
    }
    const QString category = params.value(u"category").toString().toUpper();
    if (category != u"UTILITY" && category != u"MARKETING" && category != u"AUTHENTICATION") {
        return fail(GraphError::invalidParameter(
            QStringLiteral("Param category must be one of {UTILITY, MARKETING, AUTHENTICATION}")));
    }
    const QString format =
        params.value(u"parameter_format").toString(QStringLiteral("POSITIONAL")).toUpper();
    if (format != u"POSITIONAL" && format != u"NAMED") {
        return fail(GraphError::invalidParameter(
            QStringLiteral("Param parameter_format must be one of {POSITIONAL, NAMED}")));
    }
    const QJsonArray components = params.value(u"components").toArray();
    if (std::optional<GraphError> problem = checkComponents(components, format))
        return fail(std::move(*problem));
    if (find(name, language)) {
        // Meta: error_subcode 2388024, "Content in this language already exists".
        GraphError duplicate(400, QStringLiteral("OAuthException"), 100,
                             QStringLiteral("Invalid parameter"), 2388024);
        return fail(duplicate.withUserMessage(
            QStringLiteral("Content in this language already exists"),
            QStringLiteral("Content for %1 already exists for this template. Edit the existing "
                           "content or choose another language.")
                .arg(language)));
    }

    MessageTemplate t;
    t.name = name;
    t.language = language;
    t.category = category;
    t.status = QStringLiteral("PENDING");
    t.parameterFormat = format;
    // Meta returns component types in upper case whatever the request used.
    for (const QJsonValue &value : components) {
        QJsonObject component = value.toObject();
        component.insert(QStringLiteral("type"), component.value(u"type").toString().toUpper());
        if (component.contains(u"format"))
            component.insert(QStringLiteral("format"),
                             component.value(u"format").toString().toUpper());
        t.components.append(component);
    }
    return &add(std::move(t));
}

std::optional<GraphError> TemplateStore::checkComponents(const QJsonArray &components,
                                                         const QString &format)
{
    if (components.isEmpty())
        return GraphError::invalidParameter(QStringLiteral("Param components must not be empty"));
    QSet<QString> seen;
    bool hasBody = false;
    const auto checkPlaceholders = [&format](const QString &where,
                                             const QString &text) -> std::optional<GraphError> {
        const QStringList names = MessageTemplate::placeholders(text);
        for (qsizetype i = 0; i < names.size(); ++i) {
            const bool numeric = names.at(i) == QString::number(i + 1);
            if (format == u"POSITIONAL" && !numeric) {
                return GraphError::invalidParameter(
                           QStringLiteral("%1: variables must be {{1}}, {{2}}, … in order")
                               .arg(where))
                    .withUserMessage(QStringLiteral("Variables are not sequential"),
                                     QStringLiteral("Number the variables {{1}}, {{2}} and so "
                                                    "on, or set parameter_format to NAMED."));
            }
            if (format == u"NAMED") {
                static const QRegularExpression named(QStringLiteral("^[a-z_][a-z0-9_]*$"));
                if (!named.match(names.at(i)).hasMatch()) {
                    return GraphError::invalidParameter(
                        QStringLiteral("%1: named variables use lower-case letters, digits and "
                                       "underscores")
                            .arg(where));
                }
            }
        }
        return std::nullopt;
    };
    for (const QJsonValue &value : components) {
        const QJsonObject component = value.toObject();
        const QString type = component.value(u"type").toString().toUpper();
        if (seen.contains(type)) {
            return GraphError::invalidParameter(
                QStringLiteral("components: more than one %1 component").arg(type));
        }
        seen.insert(type);
        const QString text = component.value(u"text").toString();
        if (type == u"BODY") {
            hasBody = true;
            if (text.isEmpty())
                return GraphError::missingParameter(u"components[BODY].text");
            if (text.size() > MaxBodyLength) {
                return GraphError::invalidParameter(
                    QStringLiteral("BODY text must be at most %1 characters").arg(MaxBodyLength));
            }
            if (auto problem = checkPlaceholders(QStringLiteral("BODY"), text))
                return problem;
        } else if (type == u"HEADER") {
            const QString headerFormat = component.value(u"format").toString().toUpper();
            static const QSet<QString> formats{QStringLiteral("TEXT"), QStringLiteral("IMAGE"),
                                               QStringLiteral("VIDEO"), QStringLiteral("DOCUMENT"),
                                               QStringLiteral("LOCATION")};
            if (!formats.contains(headerFormat)) {
                return GraphError::invalidParameter(
                    QStringLiteral("HEADER format must be one of {TEXT, IMAGE, VIDEO, DOCUMENT, "
                                   "LOCATION}"));
            }
            if (headerFormat == u"TEXT") {
                if (text.isEmpty() || text.size() > MaxHeaderLength) {
                    return GraphError::invalidParameter(
                        QStringLiteral("HEADER text must be 1 to %1 characters")
                            .arg(MaxHeaderLength));
                }
                if (MessageTemplate::placeholders(text).size() > 1) {
                    return GraphError::invalidParameter(
                        QStringLiteral("HEADER text may contain at most one variable"));
                }
                if (auto problem = checkPlaceholders(QStringLiteral("HEADER"), text))
                    return problem;
            }
        } else if (type == u"FOOTER") {
            if (text.isEmpty() || text.size() > MaxFooterLength) {
                return GraphError::invalidParameter(
                    QStringLiteral("FOOTER text must be 1 to %1 characters").arg(MaxFooterLength));
            }
            if (!MessageTemplate::placeholders(text).isEmpty())
                return GraphError::invalidParameter(QStringLiteral("FOOTER cannot have variables"));
        } else if (type == u"BUTTONS") {
            const QJsonArray buttons = component.value(u"buttons").toArray();
            if (buttons.isEmpty() || buttons.size() > MaxButtons) {
                return GraphError::invalidParameter(
                    QStringLiteral("BUTTONS must have 1 to %1 buttons").arg(MaxButtons));
            }
            for (const QJsonValue &button : buttons) {
                const QJsonObject b = button.toObject();
                const QString buttonType = b.value(u"type").toString().toUpper();
                const QString buttonText = b.value(u"text").toString();
                if (buttonText.isEmpty() || buttonText.size() > MaxButtonText) {
                    return GraphError::invalidParameter(
                        QStringLiteral("button text must be 1 to %1 characters")
                            .arg(MaxButtonText));
                }
                if (buttonType == u"URL" && b.value(u"url").toString().isEmpty())
                    return GraphError::missingParameter(u"buttons[URL].url");
                if (buttonType == u"PHONE_NUMBER" && b.value(u"phone_number").toString().isEmpty())
                    return GraphError::missingParameter(u"buttons[PHONE_NUMBER].phone_number");
                static const QSet<QString> types{
                    QStringLiteral("QUICK_REPLY"),  QStringLiteral("URL"),
                    QStringLiteral("PHONE_NUMBER"), QStringLiteral("COPY_CODE"),
                    QStringLiteral("OTP"),          QStringLiteral("FLOW")};
                if (!types.contains(buttonType)) {
                    return GraphError::invalidParameter(
                        QStringLiteral("button type %1 is not supported").arg(buttonType));
                }
            }
        } else {
            return GraphError::invalidParameter(
                QStringLiteral("component type %1 is not one of {HEADER, BODY, FOOTER, BUTTONS}")
                    .arg(type));
        }
    }
    if (!hasBody)
        return GraphError::missingParameter(u"components[BODY]");
    return std::nullopt;
}

qsizetype TemplateStore::remove(const QString &name, const QString &id)
{
    return m_templates.removeIf(
        [&](const MessageTemplate &t) { return t.name == name && (id.isEmpty() || t.id == id); });
}

const MessageTemplate *TemplateStore::find(const QString &name, const QString &language) const
{
    for (const MessageTemplate &t : m_templates) {
        if (t.name == name && t.language == language)
            return &t;
    }
    return nullptr;
}

const MessageTemplate *TemplateStore::findById(const QString &id) const
{
    for (const MessageTemplate &t : m_templates) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

bool TemplateStore::hasName(const QString &name) const
{
    return std::any_of(m_templates.cbegin(), m_templates.cend(),
                       [&name](const MessageTemplate &t) { return t.name == name; });
}

bool TemplateStore::setStatus(const QString &id, const QString &status, const QString &reason)
{
    for (MessageTemplate &t : m_templates) {
        if (t.id != id)
            continue;
        t.status = status;
        if (status == u"REJECTED")
            t.rejectedReason = reason.isEmpty() ? QStringLiteral("INVALID_FORMAT") : reason;
        const MessageTemplate copy = t;
        Q_EMIT statusChanged(copy, status, reason.isEmpty() ? QStringLiteral("NONE") : reason);
        return true;
    }
    return false;
}

void TemplateStore::announce(const QString &id, const QString &event, const QString &reason)
{
    if (const MessageTemplate *t = findById(id)) {
        const MessageTemplate copy = *t;
        Q_EMIT statusChanged(copy, event, reason.isEmpty() ? QStringLiteral("NONE") : reason);
    }
}

} // namespace Wardline::Sim
