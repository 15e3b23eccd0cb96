#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>

namespace Wardline::Sim {

/// One Graph API error as Meta returns it: the HTTP status and the body
/// {"error":{"message","type","code","error_subcode"?,"fbtrace_id"}}.
///
/// Shape: Meta, "Graph API — Handling errors",
/// https://developers.facebook.com/docs/graph-api/guides/error-handling ; codes and HTTP statuses
/// of the Cloud API:
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
class GraphError
{
public:
    GraphError(int httpStatus, QString type, int code, QString message,
               std::optional<int> subcode = std::nullopt);

    /// No access token at all (code 104, HTTP 400).
    [[nodiscard]] static GraphError accessTokenRequired();
    /// A token that is not the one configured (code 190, HTTP 401; the Cloud API error table
    /// lists 190 as 401 Unauthorized).
    [[nodiscard]] static GraphError invalidAccessToken();
    /// An object ID that does not exist or does not support \a method ("get", "post", …):
    /// code 100, subcode 33, GraphMethodException, HTTP 400. Without an ID (a bare "/v21.0/"),
    /// the same error without the object sentence and without a subcode.
    [[nodiscard]] static GraphError unsupportedRequest(QStringView method, QStringView objectId);
    /// A field or edge the node type does not have: code 100, HTTP 400.
    [[nodiscard]] static GraphError nonexistingField(QStringView field, QStringView nodeType);
    /// A path with more components than Graph understands: code 2500, HTTP 400.
    [[nodiscard]] static GraphError unknownPathComponents(QStringView path);

    [[nodiscard]] int httpStatus() const { return m_httpStatus; }
    [[nodiscard]] const QString &type() const { return m_type; }
    [[nodiscard]] int code() const { return m_code; }
    [[nodiscard]] std::optional<int> subcode() const { return m_subcode; }
    [[nodiscard]] const QString &message() const { return m_message; }
    /// True for the token errors, which Meta marks "invalid_token" in WWW-Authenticate.
    [[nodiscard]] bool isTokenError() const { return m_code == 104 || m_code == 190; }

    /// The response body, with a fresh support trace id.
    [[nodiscard]] QJsonObject toJson(const QString &fbtraceId) const;
    /// A random trace id shaped like Meta's (23 URL-safe characters).
    [[nodiscard]] static QString newTraceId();

private:
    int m_httpStatus;
    QString m_type;
    int m_code;
    QString m_message;
    std::optional<int> m_subcode;
};

} // namespace Wardline::Sim
