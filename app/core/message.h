#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace Wardline::Core {

enum class Direction { Inbound, Outbound };

/// WhatsApp message types (Cloud API "type" field); Unknown keeps what this code does not know.
enum class MessageType {
    Text,
    Image,
    Audio,
    Video,
    Document,
    Sticker,
    Location,
    Contacts,
    Interactive,
    Button,
    Reaction,
    Order,
    System,
    Template,
    Note,
    Unsupported,
    Unknown
};

/// Delivery state of an outbound message. Ordered: a status never moves backwards
/// (a late "delivered" must not undo "read"); Failed is final.
enum class DeliveryStatus { Pending = 0, Sent = 1, Delivered = 2, Read = 3, Failed = 4 };

[[nodiscard]] QString messageTypeName(MessageType type); ///< the Cloud API's name, "text" ...
[[nodiscard]] MessageType messageTypeFromName(QStringView name);
[[nodiscard]] QString deliveryStatusName(DeliveryStatus status);
[[nodiscard]] std::optional<DeliveryStatus> deliveryStatusFromName(QStringView name);
/// The status to keep when \a incoming arrives while \a current is stored.
[[nodiscard]] DeliveryStatus mergeDeliveryStatus(DeliveryStatus current, DeliveryStatus incoming);

/// One message in a conversation, either way. Internal notes are Note messages, never sent.
struct Message
{
    qint64 id = 0;
    qint64 conversationId = 0;
    QString wamid; ///< Meta's message id, unique; empty for notes and unsent messages
    Direction direction = Direction::Inbound;
    MessageType type = MessageType::Text;
    QString body;
    DeliveryStatus status = DeliveryStatus::Pending;
    QDateTime sentAt;    ///< the time Meta gives (inbound) or the time it was accepted (outbound)
    qint64 authorId = 0; ///< staff user for outbound and notes, 0 for the patient or automation
};

} // namespace Wardline::Core
