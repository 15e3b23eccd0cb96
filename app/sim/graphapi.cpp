#include "sim/graphapi.h"

#include "core/crypto.h"
#include "sim/grapherror.h"
#include "sim/graphrequest.h"
#include "sim/logging.h"
#include "sim/mediastore.h"
#include "sim/simservices.h"
#include "sim/templatestore.h"

#include <QHttpServerRequest>
#include <QJsonArray>

namespace Wardline::Sim {

namespace {
using Method = QHttpServerRequest::Method;
const QString BusinessAccountNode = QStringLiteral("WhatsAppBusinessAccount");

// "/a/b" for the components after the object id.
[[nodiscard]] QString extraPath(const QStringList &components)
{
    return QStringLiteral("/") + components.sliced(1).join(u'/');
}
} // namespace

GraphApi::GraphApi(SimServices &services)
    : m_services(services)
    , m_phoneNumber(services.config().phoneNumberId, services.config().displayPhoneNumber,
                    services.config().verifiedName)
    , m_messages(services)
    , m_media(services)
    , m_templates(services)
{
}

HttpReply GraphApi::handle(const QHttpServerRequest &raw)
{
    const GraphRequest request = GraphRequest::parse(raw, m_services.config().apiVersion);
    // Meta checks the token before it looks at the path.
    if (!request.accessToken())
        return HttpReply::graphError(GraphError::accessTokenRequired(), request.version());
    if (!isAuthorized(request))
        return HttpReply::graphError(GraphError::invalidAccessToken(), request.version());

    FaultInjector &faults = m_services.faults();
    if (faults.apiServerError()) {
        qCInfo(lcSim) << "fault injection: a Graph call answers with a server error";
        return HttpReply::graphError(faults.coin() ? GraphError::somethingWentWrong()
                                                   : GraphError::serviceUnavailable(),
                                     request.version());
    }
    const bool withhold = faults.apiTimeout();
    HttpReply reply = dispatch(request);
    qCDebug(lcSim).noquote() << request.methodName().toUpper() << request.path() << "->"
                             << reply.status;
    if (withhold) {
        // Processed, as Meta may well have done, but the answer never comes.
        qCInfo(lcSim) << "fault injection: a Graph call's response is withheld";
        return HttpReply::withhold();
    }
    return reply;
}

HttpReply GraphApi::dispatch(const GraphRequest &request)
{
    const QStringList &components = request.components();
    const QString &version = request.version();
    if (components.isEmpty())
        return HttpReply::graphError(GraphError::unsupportedRequest(request.methodName(), {}),
                                     version);
    const QString &objectId = components.constFirst();
    if (objectId == m_services.config().phoneNumberId)
        return phoneNumber(request);
    if (objectId == m_services.config().wabaId)
        return businessAccount(request);
    // The Resumable Upload API, for the example files of template review.
    if (objectId == m_services.config().appId && components.size() == 2 &&
        components.at(1) == u"uploads" && request.method() == Method::Post)
        return m_media.openUpload(request);
    if (objectId.startsWith(u"upload:") && components.size() == 1 &&
        (request.method() == Method::Post || request.method() == Method::Get))
        return m_media.continueUpload(request, objectId);
    if (components.size() > 1) {
        if (m_services.media().find(objectId) || m_services.templates().findById(objectId)) {
            return HttpReply::graphError(GraphError::unknownPathComponents(extraPath(components)),
                                         version);
        }
        return HttpReply::graphError(GraphError::unsupportedRequest(request.methodName(), objectId),
                                     version);
    }
    if (m_services.media().find(objectId)) {
        if (request.method() == Method::Get)
            return m_media.retrieve(request, objectId);
        if (request.method() == Method::Delete)
            return m_media.remove(request, objectId);
    }
    if (m_services.templates().findById(objectId) && request.method() == Method::Get)
        return m_templates.node(request, objectId);
    return HttpReply::graphError(GraphError::unsupportedRequest(request.methodName(), objectId),
                                 version);
}

HttpReply GraphApi::phoneNumber(const GraphRequest &request)
{
    const QStringList &components = request.components();
    const QString &version = request.version();
    const QString &objectId = components.constFirst();
    if (components.size() == 1) {
        if (request.method() != Method::Get)
            return HttpReply::graphError(
                GraphError::unsupportedRequest(request.methodName(), objectId), version);
        QString unknown;
        const std::optional<QJsonObject> body = request.selectFields(
            m_phoneNumber.allFields(), PhoneNumberNode::defaultFields(), &unknown);
        if (!body) {
            return HttpReply::graphError(
                GraphError::nonexistingField(unknown, PhoneNumberNode::NodeType), version);
        }
        return HttpReply::graph(*body, version);
    }
    if (components.size() == 2) {
        const QString &edge = components.at(1);
        if (request.method() == Method::Post && edge == u"messages")
            return m_messages.post(request);
        if (request.method() == Method::Post && edge == u"media")
            return m_media.upload(request);
        // Reading an edge the node lacks is a missing field to Graph; writing is unsupported.
        if (request.method() != Method::Get)
            return HttpReply::graphError(
                GraphError::unsupportedRequest(request.methodName(), objectId), version);
        return HttpReply::graphError(GraphError::nonexistingField(edge, PhoneNumberNode::NodeType),
                                     version);
    }
    return HttpReply::graphError(GraphError::unknownPathComponents(extraPath(components)), version);
}

HttpReply GraphApi::businessAccount(const GraphRequest &request)
{
    const QStringList &components = request.components();
    const QString &version = request.version();
    const QString &objectId = components.constFirst();
    const SimConfig &config = m_services.config();
    if (components.size() == 1) {
        if (request.method() != Method::Get)
            return HttpReply::graphError(
                GraphError::unsupportedRequest(request.methodName(), objectId), version);
        const QJsonObject all{
            {QStringLiteral("id"), config.wabaId},
            {QStringLiteral("name"), config.verifiedName},
            {QStringLiteral("currency"), QStringLiteral("USD")},
            {QStringLiteral("timezone_id"), QStringLiteral("1")},
            {QStringLiteral("message_template_namespace"),
             QStringLiteral("wardline_sim_%1").arg(config.wabaId.right(6))},
            {QStringLiteral("account_review_status"), QStringLiteral("APPROVED")},
        };
        QString unknown;
        const std::optional<QJsonObject> body = request.selectFields(
            all,
            {QStringLiteral("name"), QStringLiteral("currency"), QStringLiteral("timezone_id"),
             QStringLiteral("message_template_namespace")},
            &unknown);
        if (!body)
            return HttpReply::graphError(GraphError::nonexistingField(unknown, BusinessAccountNode),
                                         version);
        return HttpReply::graph(*body, version);
    }
    if (components.size() == 2) {
        const QString &edge = components.at(1);
        if (edge == u"message_templates") {
            switch (request.method()) {
            case Method::Get:
                return m_templates.list(request);
            case Method::Post:
                return m_templates.create(request);
            case Method::Delete:
                return m_templates.remove(request);
            default:
                break;
            }
        } else if (edge == u"phone_numbers" && request.method() == Method::Get) {
            QString unknown;
            const std::optional<QJsonObject> number = request.selectFields(
                m_phoneNumber.allFields(), PhoneNumberNode::defaultFields(), &unknown);
            if (!number) {
                return HttpReply::graphError(
                    GraphError::nonexistingField(unknown, PhoneNumberNode::NodeType), version);
            }
            return HttpReply::graph({{QStringLiteral("data"), QJsonArray{*number}}}, version);
        } else if (edge == u"subscribed_apps") {
            // The hub's app is always subscribed: webhooks go to --webhook.
            if (request.method() == Method::Post || request.method() == Method::Delete)
                return HttpReply::graph({{QStringLiteral("success"), true}}, version);
            if (request.method() == Method::Get) {
                const QJsonObject app{
                    {QStringLiteral("whatsapp_business_api_data"),
                     QJsonObject{{QStringLiteral("id"), QStringLiteral("1000000000000001")},
                                 {QStringLiteral("name"), QStringLiteral("Wardline")}}}};
                return HttpReply::graph({{QStringLiteral("data"), QJsonArray{app}}}, version);
            }
        }
        if (request.method() != Method::Get)
            return HttpReply::graphError(
                GraphError::unsupportedRequest(request.methodName(), objectId), version);
        return HttpReply::graphError(GraphError::nonexistingField(edge, BusinessAccountNode),
                                     version);
    }
    return HttpReply::graphError(GraphError::unknownPathComponents(extraPath(components)), version);
}

bool GraphApi::isAuthorized(const GraphRequest &request) const
{
    return request.accessToken() &&
           Core::Crypto::equalConstantTime(*request.accessToken(), m_services.config().accessToken);
}

} // namespace Wardline::Sim
