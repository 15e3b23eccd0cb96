#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>

namespace Wardline::Sim {

/// One Graph API error as Meta returns it: the HTTP status and the body
/// {"error":{"message","type","code","error_subcode"?,"error_data"?,"error_user_title"?,
/// "error_user_msg"?,"fbtrace_id"}}; the same error can also be reported in a webhook's
/// errors[] as {code,title,message,error_data:{details},href}.
///
/// Shape: Meta, "Graph API — Handling errors",
/// https://developers.facebook.com/docs/graph-api/guides/error-handling ; codes, titles and
/// HTTP statuses of the Cloud API (the table "Error codes"):
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

    /// "(#100) The parameter \a name is required." (HTTP 400).
    [[nodiscard]] static GraphError missingParameter(QStringView name);
    /// "(#100) Invalid parameter" with \a details in error_data (HTTP 400).
    [[nodiscard]] static GraphError invalidParameter(const QString &details);
    /// 131008 Required parameter is missing (HTTP 400).
    [[nodiscard]] static GraphError requiredParameterMissing(const QString &details);
    /// 131047 Re-engagement message: free-form outside the customer service window.
    [[nodiscard]] static GraphError reEngagement();
    /// 130429 Rate limit hit: the number's throughput is exhausted.
    [[nodiscard]] static GraphError throughputLimit();
    /// 131056 (Business Account, Consumer Account) pair rate limit hit.
    [[nodiscard]] static GraphError pairRateLimit();
    /// 131026 Message undeliverable (reported in a failed status).
    [[nodiscard]] static GraphError undeliverable();
    /// 131053 Media upload error.
    [[nodiscard]] static GraphError mediaUploadError(const QString &details);
    /// 132000 Number of parameters does not match the expected number of params.
    [[nodiscard]] static GraphError templateParamCount(const QString &details);
    /// 132001 Template name does not exist in the translation (HTTP 404).
    [[nodiscard]] static GraphError templateMissing(QStringView name, QStringView language);
    /// 132005 Translated text too long.
    [[nodiscard]] static GraphError templateHydratedTooLong(const QString &details);
    /// 132012 Parameter format does not match format in the created template.
    [[nodiscard]] static GraphError templateParamFormat(const QString &details);
    /// 132015 Template is paused.
    [[nodiscard]] static GraphError templatePaused(QStringView name);
    /// 132016 Template is disabled.
    [[nodiscard]] static GraphError templateDisabled(QStringView name);
    /// 131000 Something went wrong (HTTP 500).
    [[nodiscard]] static GraphError somethingWentWrong();
    /// Graph's code 2, "Service temporarily unavailable" (HTTP 503), transient.
    [[nodiscard]] static GraphError serviceUnavailable();

    /// The same error with error_user_title and error_user_msg, as template calls carry them.
    [[nodiscard]] GraphError withUserMessage(QString title, QString message) const;

    [[nodiscard]] int httpStatus() const { return m_httpStatus; }
    [[nodiscard]] const QString &type() const { return m_type; }
    [[nodiscard]] int code() const { return m_code; }
    [[nodiscard]] std::optional<int> subcode() const { return m_subcode; }
    [[nodiscard]] const QString &message() const { return m_message; }
    /// The code's title in Meta's table ("Re-engagement message"); the message when none.
    [[nodiscard]] QString title() const { return m_title.isEmpty() ? m_message : m_title; }
    [[nodiscard]] const QString &details() const { return m_details; }
    /// True for the token errors, which Meta marks "invalid_token" in WWW-Authenticate.
    [[nodiscard]] bool isTokenError() const { return m_code == 104 || m_code == 190; }

    /// The response body, with a fresh support trace id.
    [[nodiscard]] QJsonObject toJson(const QString &fbtraceId) const;
    /// The error as a webhook errors[] entry (statuses[].errors, messages[].errors).
    [[nodiscard]] QJsonObject toWebhookError() const;
    /// A random trace id shaped like Meta's (23 URL-safe characters).
    [[nodiscard]] static QString newTraceId();

private:
    // A Cloud API error: "(#code) title" with details, HTTP 400 unless said otherwise.
    [[nodiscard]] static GraphError whatsApp(int code, const QString &title, const QString &details,
                                             int httpStatus = 400);

    int m_httpStatus;
    QString m_type;
    int m_code;
    QString m_message;
    std::optional<int> m_subcode;
    QString m_title;
    QString m_details;
    QString m_userTitle;
    QString m_userMessage;
    bool m_transient = false;
};

} // namespace Wardline::Sim
