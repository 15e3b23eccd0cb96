#pragma once

#include "sim/httpreply.h"

namespace Wardline::Sim {

class GraphRequest;
class SimServices;

/// POST /{version}/{phone-number-id}/messages: sends of every type and mark-as-read, with the
/// Cloud API's rules in Meta's order — the request's shape (100, 132xxx), the customer service
/// window (131047), then the number's throughput (130429) and the pair rate (131056).
///
/// Response: {"messaging_product":"whatsapp","contacts":[{"input","wa_id"}],
/// "messages":[{"id","message_status"?}]} — message_status "accepted" only for templates
/// (Meta, "Send messages — Response syntax",
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages).
/// Mark as read: {"messaging_product":"whatsapp","status":"read","message_id"} → {"success":true}
/// (https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/mark-message-as-read).
class MessagesEndpoint
{
public:
    explicit MessagesEndpoint(SimServices &services);

    [[nodiscard]] HttpReply post(const GraphRequest &request);

private:
    [[nodiscard]] HttpReply markRead(const GraphRequest &request, const QJsonObject &params);

    SimServices &m_services;
};

} // namespace Wardline::Sim
