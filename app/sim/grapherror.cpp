#include "sim/grapherror.h"

#include "core/crypto.h"

namespace Wardline::Sim {

namespace {
const QString OAuthException = QStringLiteral("OAuthException");
const QString GraphMethodException = QStringLiteral("GraphMethodException");
constexpr int BadRequest = 400;
constexpr int Unauthorized = 401;
} // namespace

GraphError::GraphError(int httpStatus, QString type, int code, QString message,
                       std::optional<int> subcode)
    : m_httpStatus(httpStatus)
    , m_type(std::move(type))
    , m_code(code)
    , m_message(std::move(message))
    , m_subcode(subcode)
{
}

GraphError GraphError::accessTokenRequired()
{
    return {BadRequest, OAuthException, 104,
            QStringLiteral("An access token is required to request this resource.")};
}

GraphError GraphError::invalidAccessToken()
{
    return {Unauthorized, OAuthException, 190,
            QStringLiteral("Invalid OAuth access token - Cannot parse access token")};
}

GraphError GraphError::unsupportedRequest(QStringView method, QStringView objectId)
{
    const QString docs = QStringLiteral("Please read the Graph API documentation at "
                                        "https://developers.facebook.com/docs/graph-api");
    if (objectId.isEmpty()) {
        return {BadRequest, GraphMethodException, 100,
                QStringLiteral("Unsupported %1 request. %2").arg(method, docs)};
    }
    // Subcode 33: "This object does not exist or does not support this action".
    return {BadRequest, GraphMethodException, 100,
            QStringLiteral("Unsupported %1 request. Object with ID '%2' does not exist, cannot be "
                           "loaded due to missing permissions, or does not support this "
                           "operation. %3")
                .arg(method, objectId, docs),
            33};
}

GraphError GraphError::nonexistingField(QStringView field, QStringView nodeType)
{
    return {BadRequest, OAuthException, 100,
            QStringLiteral("(#100) Tried accessing nonexisting field (%1) on node type (%2)")
                .arg(field, nodeType)};
}

GraphError GraphError::unknownPathComponents(QStringView path)
{
    return {BadRequest, OAuthException, 2500,
            QStringLiteral("Unknown path components: %1").arg(path)};
}

GraphError GraphError::missingParameter(QStringView name)
{
    return {BadRequest, OAuthException, 100,
            QStringLiteral("(#100) The parameter %1 is required.").arg(name)};
}

GraphError GraphError::invalidParameter(const QString &details)
{
    GraphError error{BadRequest, OAuthException, 100, QStringLiteral("(#100) Invalid parameter")};
    error.m_title = QStringLiteral("Invalid parameter");
    error.m_details = details;
    return error;
}

GraphError GraphError::whatsApp(int code, const QString &title, const QString &details,
                                int httpStatus)
{
    GraphError error{httpStatus, OAuthException, code,
                     QStringLiteral("(#%1) %2").arg(code).arg(title)};
    error.m_title = title;
    error.m_details = details;
    return error;
}

GraphError GraphError::requiredParameterMissing(const QString &details)
{
    return whatsApp(131008, QStringLiteral("Required parameter is missing"), details);
}

GraphError GraphError::reEngagement()
{
    return whatsApp(131047, QStringLiteral("Re-engagement message"),
                    QStringLiteral("Message failed to send because more than 24 hours have passed "
                                   "since the customer last replied to this number."));
}

GraphError GraphError::throughputLimit()
{
    return whatsApp(130429, QStringLiteral("Rate limit hit"),
                    QStringLiteral("Cloud API message throughput has been reached."));
}

GraphError GraphError::pairRateLimit()
{
    return whatsApp(131056,
                    QStringLiteral("(Business Account, Consumer Account) pair rate limit hit"),
                    QStringLiteral("Message failed to send because there were too many messages "
                                   "sent from this phone number to the same phone number in a "
                                   "short period of time."));
}

GraphError GraphError::undeliverable()
{
    return whatsApp(131026, QStringLiteral("Message undeliverable"),
                    QStringLiteral("Message Undeliverable."));
}

GraphError GraphError::mediaUploadError(const QString &details)
{
    return whatsApp(131053, QStringLiteral("Media upload error"), details);
}

GraphError GraphError::templateParamCount(const QString &details)
{
    return whatsApp(132000,
                    QStringLiteral("Number of parameters does not match the expected number of "
                                   "params"),
                    details);
}

GraphError GraphError::templateMissing(QStringView name, QStringView language)
{
    // The error table lists 132001 with HTTP 404 Not Found.
    return whatsApp(132001, QStringLiteral("Template name does not exist in the translation"),
                    QStringLiteral("template name (%1) does not exist in %2").arg(name, language),
                    404);
}

GraphError GraphError::templateHydratedTooLong(const QString &details)
{
    return whatsApp(132005, QStringLiteral("Translated text too long"), details);
}

GraphError GraphError::templateParamFormat(const QString &details)
{
    return whatsApp(132012,
                    QStringLiteral("Parameter format does not match format in the created "
                                   "template"),
                    details);
}

GraphError GraphError::templatePaused(QStringView name)
{
    return whatsApp(132015, QStringLiteral("Template is paused"),
                    QStringLiteral("Template %1 is paused due to low quality so it cannot be sent "
                                   "in a template message.")
                        .arg(name));
}

GraphError GraphError::templateDisabled(QStringView name)
{
    return whatsApp(132016, QStringLiteral("Template is disabled"),
                    QStringLiteral("Template %1 has been paused too many times due to low quality "
                                   "and is now permanently disabled.")
                        .arg(name));
}

GraphError GraphError::somethingWentWrong()
{
    return whatsApp(131000, QStringLiteral("Something went wrong"),
                    QStringLiteral("Message failed to send due to an unknown error."), 500);
}

GraphError GraphError::serviceUnavailable()
{
    GraphError error{503, OAuthException, 2,
                     QStringLiteral("An unexpected error has occurred. Please retry your request "
                                    "later.")};
    error.m_title = QStringLiteral("Service temporarily unavailable");
    error.m_transient = true;
    return error;
}

GraphError GraphError::withUserMessage(QString title, QString message) const
{
    GraphError copy = *this;
    copy.m_userTitle = std::move(title);
    copy.m_userMessage = std::move(message);
    return copy;
}

QJsonObject GraphError::toJson(const QString &fbtraceId) const
{
    QJsonObject error{
        {QStringLiteral("message"), m_message},
        {QStringLiteral("type"), m_type},
        {QStringLiteral("code"), m_code},
        {QStringLiteral("fbtrace_id"), fbtraceId},
    };
    if (m_subcode)
        error.insert(QStringLiteral("error_subcode"), *m_subcode);
    if (!m_details.isEmpty()) {
        error.insert(QStringLiteral("error_data"),
                     QJsonObject{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                                 {QStringLiteral("details"), m_details}});
    }
    if (!m_userTitle.isEmpty())
        error.insert(QStringLiteral("error_user_title"), m_userTitle);
    if (!m_userMessage.isEmpty())
        error.insert(QStringLiteral("error_user_msg"), m_userMessage);
    if (m_transient)
        error.insert(QStringLiteral("is_transient"), true);
    return {{QStringLiteral("error"), error}};
}

QJsonObject GraphError::toWebhookError() const
{
    // As in statuses[].errors of the messages webhook
    // (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status).
    return {
        {QStringLiteral("code"), m_code},
        {QStringLiteral("title"), title()},
        {QStringLiteral("message"), title()},
        {QStringLiteral("error_data"), QJsonObject{{QStringLiteral("details"), m_details}}},
        {QStringLiteral("href"),
         QStringLiteral("https://developers.facebook.com/docs/whatsapp/cloud-api/support/"
                        "error-codes/")},
    };
}

QString GraphError::newTraceId()
{
    // 17 random bytes are 23 base64url characters, the length of Meta's trace ids.
    return Core::Crypto::randomToken(17);
}

} // namespace Wardline::Sim
