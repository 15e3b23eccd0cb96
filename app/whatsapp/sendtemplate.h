#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace Wardline::WhatsApp {

/// One value filled into an approved template: text, currency, date, a header's media, or a
/// quick-reply payload. Named templates (parameter_format NAMED) give each value its name.
///
/// Source: Meta, "Messages reference — template / parameters objects",
/// https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages
struct TemplateParameter
{
    enum class Type { Text, Currency, DateTime, Image, Document, Video, Payload };

    Type type = Type::Text;
    QString name;          ///< `parameter_name` ({{name}}); empty for positional ({{1}})
    QString text;          ///< Text: the value; Currency/DateTime: fallback_value; Payload
    QString currencyCode;  ///< ISO 4217, Currency only
    qint64 amount1000 = 0; ///< the amount × 1000, Currency only
    QString mediaId;       ///< Image/Document/Video: an uploaded media id, or
    QUrl mediaLink;        ///< a public https link
    QString fileName;      ///< Document only

    [[nodiscard]] static TemplateParameter fromText(QString value, QString name = {});
    [[nodiscard]] static TemplateParameter currency(QString fallback, QString code,
                                                    qint64 amount1000, QString name = {});
    [[nodiscard]] static TemplateParameter dateTime(QString fallback, QString name = {});
    /// \a type is Image, Document or Video; give \a mediaId or \a link.
    [[nodiscard]] static TemplateParameter media(Type type, QString mediaId, QUrl link = {},
                                                 QString fileName = {});
    [[nodiscard]] static TemplateParameter payload(QString payload);

    /// True for the kinds that fill a {{…}} placeholder in text.
    [[nodiscard]] bool fillsPlaceholder() const
    {
        return type == Type::Text || type == Type::Currency || type == Type::DateTime;
    }
    [[nodiscard]] QJsonObject toJson() const;
};

/// The parameters for one part of a template: its header, its body, or one of its buttons.
struct TemplateComponent
{
    enum class Type { Header, Body, Button };
    enum class ButtonType { QuickReply, Url };

    Type type = Type::Body;
    ButtonType buttonType = ButtonType::QuickReply; ///< Button only
    int index = 0;                                  ///< Button only: its position, 0–9
    QList<TemplateParameter> parameters;

    [[nodiscard]] static TemplateComponent header(QList<TemplateParameter> parameters);
    [[nodiscard]] static TemplateComponent body(QList<TemplateParameter> parameters);
    /// The payload that comes back in the `button` webhook when the patient taps it.
    [[nodiscard]] static TemplateComponent quickReply(int index, QString payload);
    /// The variable end of a dynamic URL button ("https://…/{{1}}").
    [[nodiscard]] static TemplateComponent urlButton(int index, QString suffix);

    [[nodiscard]] QJsonObject toJson() const;
};

/// An approved template to send, with the values for its placeholders.
struct TemplateMessage
{
    QString name;         ///< [a-z0-9_], as approved
    QString languageCode; ///< as approved, e.g. "en_US", "es"
    QList<TemplateComponent> components;
    /// Optional, not sent: the approved BODY (and text HEADER) as the hub stores them. When set,
    /// SendLimits checks the placeholders against the parameters before anything is sent.
    QString bodyText;
    QString headerText;

    /// The `template` object of the send request.
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace Wardline::WhatsApp
