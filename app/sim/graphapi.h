#pragma once

#include "sim/httpreply.h"
#include "sim/mediaendpoint.h"
#include "sim/messagesendpoint.h"
#include "sim/phonenumbernode.h"
#include "sim/templatesendpoint.h"

QT_BEGIN_NAMESPACE
class QHttpServerRequest;
QT_END_NAMESPACE

namespace Wardline::Sim {

class GraphRequest;
class SimServices;

/// The Graph API side of the simulator: checks the access token, injects the configured API
/// faults, resolves the object id of /{version}/{object-id}/{edge} and hands the request to
/// the node or edge — the business phone number (messages, media), the WhatsApp Business
/// Account (message_templates, phone_numbers, subscribed_apps), media and templates.
class GraphApi
{
public:
    explicit GraphApi(SimServices &services);

    [[nodiscard]] HttpReply handle(const QHttpServerRequest &request);
    [[nodiscard]] MediaEndpoint &media() { return m_media; }

private:
    [[nodiscard]] HttpReply dispatch(const GraphRequest &request);
    [[nodiscard]] HttpReply phoneNumber(const GraphRequest &request);
    [[nodiscard]] HttpReply businessAccount(const GraphRequest &request);
    [[nodiscard]] bool isAuthorized(const GraphRequest &request) const;

    SimServices &m_services;
    PhoneNumberNode m_phoneNumber;
    MessagesEndpoint m_messages;
    MediaEndpoint m_media;
    TemplatesEndpoint m_templates;
};

} // namespace Wardline::Sim
