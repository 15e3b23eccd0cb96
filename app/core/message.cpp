#include "core/message.h"

#include <array>

namespace Wardline::Core {

namespace {
constexpr std::array<std::pair<MessageType, const char *>, 17> Types{{
    {MessageType::Text, "text"},
    {MessageType::Image, "image"},
    {MessageType::Audio, "audio"},
    {MessageType::Video, "video"},
    {MessageType::Document, "document"},
    {MessageType::Sticker, "sticker"},
    {MessageType::Location, "location"},
    {MessageType::Contacts, "contacts"},
    {MessageType::Interactive, "interactive"},
    {MessageType::Button, "button"},
    {MessageType::Reaction, "reaction"},
    {MessageType::Order, "order"},
    {MessageType::System, "system"},
    {MessageType::Template, "template"},
    {MessageType::Note, "note"},
    {MessageType::Unsupported, "unsupported"},
    {MessageType::Unknown, "unknown"},
}};

constexpr std::array<std::pair<DeliveryStatus, const char *>, 5> Statuses{{
    {DeliveryStatus::Pending, "pending"},
    {DeliveryStatus::Sent, "sent"},
    {DeliveryStatus::Delivered, "delivered"},
    {DeliveryStatus::Read, "read"},
    {DeliveryStatus::Failed, "failed"},
}};
} // namespace

QString messageTypeName(MessageType type)
{
    for (const auto &[t, name] : Types) {
        if (t == type)
            return QString::fromLatin1(name);
    }
    Q_UNREACHABLE();
}

MessageType messageTypeFromName(QStringView name)
{
    for (const auto &[t, n] : Types) {
        if (name == QLatin1StringView(n))
            return t;
    }
    return MessageType::Unknown;
}

QString deliveryStatusName(DeliveryStatus status)
{
    for (const auto &[s, name] : Statuses) {
        if (s == status)
            return QString::fromLatin1(name);
    }
    Q_UNREACHABLE();
}

std::optional<DeliveryStatus> deliveryStatusFromName(QStringView name)
{
    for (const auto &[s, n] : Statuses) {
        if (name == QLatin1StringView(n))
            return s;
    }
    return std::nullopt;
}

DeliveryStatus mergeDeliveryStatus(DeliveryStatus current, DeliveryStatus incoming)
{
    // Meta may deliver "failed" after "sent"; "read" may arrive before "delivered".
    if (current == DeliveryStatus::Failed)
        return current;
    return int(incoming) > int(current) ? incoming : current;
}

} // namespace Wardline::Core
