#include "console/templatedraft.h"

#include "console/templatesclient.h"
#include "whatsapp/graphtemplate.h"
#include "whatsapp/sendlimits.h"

#include <QRegularExpression>

namespace Wardline::Console {

namespace {
using WhatsApp::GraphTemplate;
using WhatsApp::SendLimits;

QString str(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString();
}

QStringList variablesOf(const QString &text)
{
    const SendLimits::Placeholders found = SendLimits::placeholders(text);
    QStringList out;
    for (int n : found.positional)
        out.append(QString::number(n));
    return out + found.named;
}

// Meta's example block of a text with \a variables: positional values in order, or named
// pairs ("Template components": example.body_text / body_text_named_params, and the same for
// header_text, where the positional list is flat).
QJsonObject exampleOf(const QStringList &variables, const QHash<QString, QString> &values,
                      bool named, bool header)
{
    const QString prefix = header ? QStringLiteral("header_text") : QStringLiteral("body_text");
    if (named) {
        QJsonArray pairs;
        for (const QString &v : variables)
            pairs.append(QJsonObject{{QStringLiteral("param_name"), v},
                                     {QStringLiteral("example"), values.value(v)}});
        return {{prefix + QStringLiteral("_named_params"), pairs}};
    }
    QJsonArray list;
    for (const QString &v : variables)
        list.append(values.value(v));
    return {{prefix, header ? list : QJsonArray{list}}};
}

// The text with each {{variable}} replaced by its example, or left as it is without one.
QString withExamples(const QString &text, const QHash<QString, QString> &values)
{
    static const QRegularExpression placeholder(
        QStringLiteral("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}"));
    QString out;
    qsizetype last = 0;
    auto it = placeholder.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(text).mid(last, match.capturedStart() - last);
        const QString value = values.value(match.captured(1));
        out += value.trimmed().isEmpty() ? match.captured(0) : value;
        last = match.capturedEnd();
    }
    return out + QStringView(text).mid(last);
}

// A template that passes every rule, to hold one part of the draft against them alone.
GraphTemplate probe(const TemplateDraft &draft)
{
    GraphTemplate t;
    t.name = QStringLiteral("draft");
    t.language = QStringLiteral("en");
    t.category = QStringLiteral("UTILITY");
    t.parameterFormat =
        draft.namedVariables ? QStringLiteral("NAMED") : QStringLiteral("POSITIONAL");
    return t;
}

QJsonObject plainBody()
{
    return {{QStringLiteral("type"), QStringLiteral("BODY")},
            {QStringLiteral("text"), QStringLiteral("x")}};
}
} // namespace

QStringList TemplateDraft::variables() const
{
    return variablesOf(body);
}

QString TemplateDraft::headerVariable() const
{
    return headerKind == HeaderKind::Text ? variablesOf(headerText).value(0) : QString();
}

QJsonArray TemplateDraft::components() const
{
    QJsonArray out;
    if (headerKind == HeaderKind::Text) {
        QJsonObject header{{QStringLiteral("type"), QStringLiteral("HEADER")},
                           {QStringLiteral("format"), QStringLiteral("TEXT")},
                           {QStringLiteral("text"), headerText}};
        const QStringList vars = variablesOf(headerText);
        if (!vars.isEmpty()) {
            QHash<QString, QString> values;
            for (const QString &v : vars)
                values.insert(v, headerExample);
            header.insert(QStringLiteral("example"), exampleOf(vars, values, namedVariables, true));
        }
        out.append(header);
    } else if (headerKind == HeaderKind::Image) {
        QJsonObject header{{QStringLiteral("type"), QStringLiteral("HEADER")},
                           {QStringLiteral("format"), QStringLiteral("IMAGE")}};
        // A chosen file is named by a placeholder the hub replaces with its own file (and, on
        // submission, with Meta's handle for it).
        const QString example = !headerImage.isEmpty() ? QStringLiteral("wardline-media:new")
                                                       : headerImageLink.trimmed();
        if (!example.isEmpty())
            header.insert(QStringLiteral("example"),
                          QJsonObject{{QStringLiteral("header_handle"), QJsonArray{example}}});
        out.append(header);
    }
    QJsonObject bodyPart{{QStringLiteral("type"), QStringLiteral("BODY")},
                         {QStringLiteral("text"), body}};
    if (const QStringList vars = variables(); !vars.isEmpty())
        bodyPart.insert(QStringLiteral("example"),
                        exampleOf(vars, examples, namedVariables, false));
    out.append(bodyPart);
    if (!footer.trimmed().isEmpty())
        out.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("FOOTER")},
                               {QStringLiteral("text"), footer}});
    if (!buttons.isEmpty()) {
        QJsonArray list;
        for (const TemplateDraftButton &b : buttons) {
            QJsonObject button{{QStringLiteral("text"), b.text}};
            switch (b.kind) {
            case TemplateDraftButton::Kind::QuickReply:
                button.insert(QStringLiteral("type"), QStringLiteral("QUICK_REPLY"));
                break;
            case TemplateDraftButton::Kind::Url:
                button.insert(QStringLiteral("type"), QStringLiteral("URL"));
                button.insert(QStringLiteral("url"), b.target.trimmed());
                break;
            case TemplateDraftButton::Kind::Phone:
                button.insert(QStringLiteral("type"), QStringLiteral("PHONE_NUMBER"));
                button.insert(QStringLiteral("phone_number"), b.target.trimmed());
                break;
            }
            list.append(button);
        }
        out.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("BUTTONS")},
                               {QStringLiteral("buttons"), list}});
    }
    return out;
}

QJsonObject TemplateDraft::toJson() const
{
    QJsonObject out{{QStringLiteral("name"), name},
                    {QStringLiteral("language"), language},
                    {QStringLiteral("category"), category},
                    {QStringLiteral("components"), components()},
                    {QStringLiteral("parameterFormat"),
                     namedVariables ? QStringLiteral("NAMED") : QStringLiteral("POSITIONAL")}};
    if (headerKind == HeaderKind::Image && !headerImage.isEmpty())
        out.insert(
            QStringLiteral("headerImage"),
            QJsonObject{{QStringLiteral("data"), QString::fromLatin1(headerImage.toBase64())}});
    return out;
}

QHash<TemplateDraft::Part, QString> TemplateDraft::problems() const
{
    QHash<Part, QString> out;
    const auto hold = [&out](Part part, const GraphTemplate &t) {
        if (const Core::Status status = t.checkDefinition(); !status)
            out.insert(part, status.error());
    };
    const QJsonArray all = components();
    const auto partOf = [&all](QLatin1StringView type) {
        for (const QJsonValue &c : all) {
            if (c.toObject().value(QLatin1StringView("type")).toString() == type)
                return c.toObject();
        }
        return QJsonObject();
    };

    GraphTemplate t = probe(*this);
    t.components = {plainBody()};
    t.name = name;
    hold(Part::Name, t);
    t = probe(*this);
    t.components = {plainBody()};
    t.language = language;
    hold(Part::Language, t);
    t = probe(*this);
    t.components = {plainBody()};
    t.category = category;
    hold(Part::Category, t);
    if (headerKind != HeaderKind::None) {
        t = probe(*this);
        t.components = {partOf(QLatin1StringView("HEADER")), plainBody()};
        hold(Part::Header, t);
    }
    t = probe(*this);
    t.components = {partOf(QLatin1StringView("BODY"))};
    hold(Part::Body, t);
    if (!footer.trimmed().isEmpty()) {
        t = probe(*this);
        t.components = {plainBody(), partOf(QLatin1StringView("FOOTER"))};
        hold(Part::Footer, t);
    }
    if (!buttons.isEmpty()) {
        t = probe(*this);
        t.components = {plainBody(), partOf(QLatin1StringView("BUTTONS"))};
        hold(Part::Buttons, t);
    }
    if (out.isEmpty()) {
        t = probe(*this);
        t.name = name;
        t.language = language;
        t.category = category;
        t.components = all;
        hold(Part::Whole, t);
    }
    return out;
}

QString TemplateDraft::previewText() const
{
    QStringList parts;
    if (headerKind == HeaderKind::Text && !headerText.trimmed().isEmpty()) {
        QHash<QString, QString> values;
        if (const QString v = headerVariable(); !v.isEmpty())
            values.insert(v, headerExample);
        parts.append(withExamples(headerText, values));
    } else if (headerKind == HeaderKind::Image) {
        parts.append(tr("[Image]"));
    }
    parts.append(withExamples(body, examples));
    if (!footer.trimmed().isEmpty())
        parts.append(footer);
    QStringList labels;
    for (const TemplateDraftButton &b : buttons)
        labels.append(QStringLiteral("[ ") + b.text + QStringLiteral(" ]"));
    if (!labels.isEmpty())
        parts.append(labels.join(u'\n'));
    return parts.join(QStringLiteral("\n\n"));
}

TemplateDraft TemplateDraft::fromRecord(const TemplateRecord &record)
{
    TemplateDraft d;
    d.name = record.name;
    d.category = record.category;
    for (const QJsonValue &value : record.components) {
        const QJsonObject c = value.toObject();
        const QString type = str(c, QLatin1StringView("type")).toUpper();
        const QJsonObject example = c.value(QLatin1StringView("example")).toObject();
        if (type == QLatin1StringView("HEADER")) {
            const QString format = str(c, QLatin1StringView("format")).toUpper();
            if (format == QLatin1StringView("IMAGE")) {
                d.headerKind = HeaderKind::Image;
                d.headerImageLink =
                    example.value(QLatin1StringView("header_handle")).toArray().at(0).toString();
            } else if (format == QLatin1StringView("TEXT")) {
                d.headerKind = HeaderKind::Text;
                d.headerText = str(c, QLatin1StringView("text"));
                d.headerExample =
                    example.value(QLatin1StringView("header_text")).toArray().at(0).toString();
                const QJsonArray named =
                    example.value(QLatin1StringView("header_text_named_params")).toArray();
                if (!named.isEmpty())
                    d.headerExample = str(named.at(0).toObject(), QLatin1StringView("example"));
            }
        } else if (type == QLatin1StringView("BODY")) {
            d.body = str(c, QLatin1StringView("text"));
            const QJsonArray positional =
                example.value(QLatin1StringView("body_text")).toArray().at(0).toArray();
            for (int i = 0; i < positional.size(); ++i)
                d.examples.insert(QString::number(i + 1), positional.at(i).toString());
            const QJsonArray named =
                example.value(QLatin1StringView("body_text_named_params")).toArray();
            for (const QJsonValue &pair : named)
                d.examples.insert(str(pair.toObject(), QLatin1StringView("param_name")),
                                  str(pair.toObject(), QLatin1StringView("example")));
        } else if (type == QLatin1StringView("FOOTER")) {
            d.footer = str(c, QLatin1StringView("text"));
        } else if (type == QLatin1StringView("BUTTONS")) {
            const QJsonArray list = c.value(QLatin1StringView("buttons")).toArray();
            for (const QJsonValue &bv : list) {
                const QJsonObject b = bv.toObject();
                const QString kind = str(b, QLatin1StringView("type")).toUpper();
                TemplateDraftButton button;
                button.text = str(b, QLatin1StringView("text"));
                if (kind == QLatin1StringView("URL")) {
                    button.kind = TemplateDraftButton::Kind::Url;
                    button.target = str(b, QLatin1StringView("url"));
                } else if (kind == QLatin1StringView("PHONE_NUMBER")) {
                    button.kind = TemplateDraftButton::Kind::Phone;
                    button.target = str(b, QLatin1StringView("phone_number"));
                }
                d.buttons.append(button);
            }
        }
    }
    const SendLimits::Placeholders found = SendLimits::placeholders(d.body);
    d.namedVariables = !found.named.isEmpty() && found.positional.isEmpty();
    return d;
}

} // namespace Wardline::Console
