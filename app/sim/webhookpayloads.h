#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Wardline::Sim {

struct Contact;
struct MessageTemplate;

/// One change for the hub: the value of a webhook "changes" item and what it is about.
struct WebhookUpdate
{
    QString field; ///< "messages" or "message_template_status_update"
    QJsonObject value;
    QDateTime time;
    QString kind;  ///< message, status, template — for the delivery log
    QString ref;   ///< the wamid or template id it concerns — for the delivery log
    QString state; ///< the status or template event, when there is one
};

/// Builds the bodies of Meta's webhooks for the WhatsApp Business Account object.
///
/// Shapes: Meta, "Webhooks reference — messages" (messages and statuses),
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
/// and "message_template_status_update",
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update
class WebhookPayloads
{
public:
    /// The business number as webhooks name it (metadata).
    struct Business
    {
        QString displayPhoneNumber; ///< digits only, as in metadata.display_phone_number
        QString phoneNumberId;
        QString wabaId;
    };

    /// A message from \a contact: contacts[] with the profile and messages[] with \a message.
    /// \a withPhone false leaves the phone number out (a username user known only by BSUID).
    [[nodiscard]] static WebhookUpdate inboundMessage(const Business &business,
                                                      const Contact &contact,
                                                      const QJsonObject &message, bool withPhone,
                                                      const QDateTime &time);
    /// A status of an outbound message (statuses[] only, no contacts).
    [[nodiscard]] static WebhookUpdate status(const Business &business, const QJsonObject &status,
                                              const QDateTime &time);
    /// A template review result or other status change.
    [[nodiscard]] static WebhookUpdate templateStatus(const MessageTemplate &messageTemplate,
                                                      const QString &event, const QString &reason,
                                                      const QDateTime &time);

    /// The envelope of a batch: {"object":"whatsapp_business_account","entry":[…]} with one
    /// entry per field (template entries carry "time") and one change per update.
    [[nodiscard]] static QJsonObject envelope(const QString &wabaId,
                                              const QList<WebhookUpdate> &updates);
};

} // namespace Wardline::Sim
