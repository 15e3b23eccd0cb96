#pragma once

#include "core/result.h"
#include "whatsapp/sendcontent.h"
#include "whatsapp/sendtemplate.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Wardline::WhatsApp {

/// One message ready for POST /{phone-number-id}/messages, built only from input SendLimits
/// accepted; the outbox can keep toJson() and send it again after a restart.
///
/// Shapes: Meta, "Messages reference",
/// https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages
class GraphMessage
{
    Q_DECLARE_TR_FUNCTIONS(Wardline::WhatsApp::GraphMessage)

public:
    /// Free text; \a previewUrl lets WhatsApp show a preview of the first link.
    [[nodiscard]] static Core::Result<GraphMessage> text(const QString &to, const QString &body,
                                                         bool previewUrl = false);
    [[nodiscard]] static Core::Result<GraphMessage> templateMessage(const QString &to,
                                                                    const TemplateMessage &message);
    [[nodiscard]] static Core::Result<GraphMessage>
    replyButtons(const QString &to, const ReplyButtonsMessage &message);
    [[nodiscard]] static Core::Result<GraphMessage> list(const QString &to,
                                                         const ListMessage &message);
    [[nodiscard]] static Core::Result<GraphMessage> media(const QString &to,
                                                          const MediaMessage &message);
    [[nodiscard]] static Core::Result<GraphMessage> location(const QString &to,
                                                             const LocationMessage &message);
    /// A reaction to \a messageId; an empty \a emoji takes an earlier reaction back.
    [[nodiscard]] static Core::Result<GraphMessage>
    reaction(const QString &to, const QString &messageId, const QString &emoji);

    /// Quotes \a messageId (context.message_id), as a reply does in the app.
    [[nodiscard]] Core::Status setReplyTo(const QString &messageId);
    /// biz_opaque_callback_data: echoed in this message's status webhooks (≤ 512 characters).
    [[nodiscard]] Core::Status setCallbackData(const QString &data);

    /// The recipient as sent: digits with the country code.
    [[nodiscard]] QString recipient() const;
    /// "text", "template", "interactive", "image", …
    [[nodiscard]] QString type() const;
    /// The request body.
    [[nodiscard]] const QJsonObject &toJson() const { return m_json; }

    /// A body the outbox stored from toJson(), read back; nothing when it does not have the
    /// shape of one (messaging_product, a valid recipient, a type and its object).
    [[nodiscard]] static std::optional<GraphMessage> fromJson(const QJsonObject &json);

private:
    GraphMessage(const QString &to, const QString &type, const QJsonValue &content);

    QJsonObject m_json;
};

} // namespace Wardline::WhatsApp
