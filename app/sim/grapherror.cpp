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
    return {{QStringLiteral("error"), error}};
}

QString GraphError::newTraceId()
{
    // 17 random bytes are 23 base64url characters, the length of Meta's trace ids.
    return Core::Crypto::randomToken(17);
}

} // namespace Wardline::Sim
