#include "whatsapp/sendtemplate.h"

#include <QJsonArray>

namespace Wardline::WhatsApp {

namespace {
[[nodiscard]] QJsonObject mediaObject(const TemplateParameter &parameter)
{
    QJsonObject media;
    if (!parameter.mediaId.isEmpty())
        media.insert(QStringLiteral("id"), parameter.mediaId);
    else
        media.insert(QStringLiteral("link"), parameter.mediaLink.toString(QUrl::FullyEncoded));
    if (parameter.type == TemplateParameter::Type::Document && !parameter.fileName.isEmpty())
        media.insert(QStringLiteral("filename"), parameter.fileName);
    return media;
}
} // namespace

TemplateParameter TemplateParameter::fromText(QString value, QString name)
{
    TemplateParameter parameter;
    parameter.type = Type::Text;
    parameter.text = std::move(value);
    parameter.name = std::move(name);
    return parameter;
}

TemplateParameter TemplateParameter::currency(QString fallback, QString code, qint64 amount1000,
                                              QString name)
{
    TemplateParameter parameter;
    parameter.type = Type::Currency;
    parameter.text = std::move(fallback);
    parameter.currencyCode = std::move(code);
    parameter.amount1000 = amount1000;
    parameter.name = std::move(name);
    return parameter;
}

TemplateParameter TemplateParameter::dateTime(QString fallback, QString name)
{
    TemplateParameter parameter;
    parameter.type = Type::DateTime;
    parameter.text = std::move(fallback);
    parameter.name = std::move(name);
    return parameter;
}

TemplateParameter TemplateParameter::media(Type type, QString mediaId, QUrl link, QString fileName)
{
    TemplateParameter parameter;
    parameter.type = type;
    parameter.mediaId = std::move(mediaId);
    parameter.mediaLink = std::move(link);
    parameter.fileName = std::move(fileName);
    return parameter;
}

TemplateParameter TemplateParameter::payload(QString payload)
{
    TemplateParameter parameter;
    parameter.type = Type::Payload;
    parameter.text = std::move(payload);
    return parameter;
}

QJsonObject TemplateParameter::toJson() const
{
    QJsonObject json;
    switch (type) {
    case Type::Text:
        json.insert(QStringLiteral("type"), QStringLiteral("text"));
        json.insert(QStringLiteral("text"), text);
        break;
    case Type::Currency:
        json.insert(QStringLiteral("type"), QStringLiteral("currency"));
        json.insert(QStringLiteral("currency"),
                    QJsonObject{{QStringLiteral("fallback_value"), text},
                                {QStringLiteral("code"), currencyCode},
                                {QStringLiteral("amount_1000"), amount1000}});
        break;
    case Type::DateTime:
        json.insert(QStringLiteral("type"), QStringLiteral("date_time"));
        json.insert(QStringLiteral("date_time"),
                    QJsonObject{{QStringLiteral("fallback_value"), text}});
        break;
    case Type::Image:
        json.insert(QStringLiteral("type"), QStringLiteral("image"));
        json.insert(QStringLiteral("image"), mediaObject(*this));
        break;
    case Type::Document:
        json.insert(QStringLiteral("type"), QStringLiteral("document"));
        json.insert(QStringLiteral("document"), mediaObject(*this));
        break;
    case Type::Video:
        json.insert(QStringLiteral("type"), QStringLiteral("video"));
        json.insert(QStringLiteral("video"), mediaObject(*this));
        break;
    case Type::Payload:
        json.insert(QStringLiteral("type"), QStringLiteral("payload"));
        json.insert(QStringLiteral("payload"), text);
        break;
    }
    if (!name.isEmpty())
        json.insert(QStringLiteral("parameter_name"), name);
    return json;
}

TemplateComponent TemplateComponent::header(QList<TemplateParameter> parameters)
{
    TemplateComponent component;
    component.type = Type::Header;
    component.parameters = std::move(parameters);
    return component;
}

TemplateComponent TemplateComponent::body(QList<TemplateParameter> parameters)
{
    TemplateComponent component;
    component.type = Type::Body;
    component.parameters = std::move(parameters);
    return component;
}

TemplateComponent TemplateComponent::quickReply(int index, QString payload)
{
    TemplateComponent component;
    component.type = Type::Button;
    component.buttonType = ButtonType::QuickReply;
    component.index = index;
    component.parameters = {TemplateParameter::payload(std::move(payload))};
    return component;
}

TemplateComponent TemplateComponent::urlButton(int index, QString suffix)
{
    TemplateComponent component;
    component.type = Type::Button;
    component.buttonType = ButtonType::Url;
    component.index = index;
    component.parameters = {TemplateParameter::fromText(std::move(suffix))};
    return component;
}

QJsonObject TemplateComponent::toJson() const
{
    QJsonArray parameterArray;
    for (const TemplateParameter &parameter : parameters)
        parameterArray.append(parameter.toJson());
    QJsonObject json;
    switch (type) {
    case Type::Header:
        json.insert(QStringLiteral("type"), QStringLiteral("header"));
        break;
    case Type::Body:
        json.insert(QStringLiteral("type"), QStringLiteral("body"));
        break;
    case Type::Button:
        json.insert(QStringLiteral("type"), QStringLiteral("button"));
        json.insert(QStringLiteral("sub_type"), buttonType == ButtonType::Url
                                                    ? QStringLiteral("url")
                                                    : QStringLiteral("quick_reply"));
        // Meta's examples give the index as a string ("0").
        json.insert(QStringLiteral("index"), QString::number(index));
        break;
    }
    json.insert(QStringLiteral("parameters"), parameterArray);
    return json;
}

QJsonObject TemplateMessage::toJson() const
{
    QJsonObject json{
        {QStringLiteral("name"), name},
        {QStringLiteral("language"), QJsonObject{{QStringLiteral("code"), languageCode}}}};
    QJsonArray componentArray;
    for (const TemplateComponent &component : components) {
        if (!component.parameters.isEmpty())
            componentArray.append(component.toJson());
    }
    if (!componentArray.isEmpty())
        json.insert(QStringLiteral("components"), componentArray);
    return json;
}

} // namespace Wardline::WhatsApp
