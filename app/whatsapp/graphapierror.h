#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QNetworkReply>
#include <QString>

#include <chrono>
#include <optional>

namespace Wardline::WhatsApp {

/// Why a Graph API call did not give a result: Meta's error object, an HTTP failure without one,
/// a network failure or timeout, an answer Wardline could not read, or input refused before
/// anything was sent. Classified so the outbox knows whether to retry, and worded for staff.
///
/// Error object: Meta, "Graph API — Handling errors",
/// https://developers.facebook.com/docs/graph-api/guides/error-handling ; the Cloud API codes:
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
class GraphApiError
{
    Q_DECLARE_TR_FUNCTIONS(Wardline::WhatsApp::GraphApiError)

public:
    /// What the caller should do about it.
    enum class ErrorClass {
        Retry,          ///< temporary: send again later (back off; see retryAfter())
        NeedsTemplate,  ///< outside the 24-hour window: only an approved template may go
        Permanent,      ///< this request will never succeed as it is; do not retry it
        Credentials,    ///< the token is expired, revoked or lacks a permission: IT must act
        AccountBlocked, ///< the business account or number is restricted: nothing will send
    };

    /// Where the error came from.
    enum class Origin {
        Graph,           ///< Meta answered with an error object
        Http,            ///< an HTTP error status without a readable error object (proxy, 502)
        Network,         ///< no HTTP answer: refused, reset, DNS, TLS …
        Timeout,         ///< no progress for GraphConfig::timeoutMs
        InvalidResponse, ///< a success status with a body Wardline cannot use
        Validation,      ///< refused before sending; nothing went over the network
        Cancelled,       ///< the client was destroyed while the call was pending
    };

    /// Meta's error in \a body (an HTTP answer with status \a httpStatus), or an Http error
    /// when the body has no error object (an HTML 502 from a proxy, say). \a retryAfterHeader
    /// is the raw Retry-After header (RFC 9110 §10.2.3), if any.
    [[nodiscard]] static GraphApiError fromHttp(int httpStatus, const QByteArray &body,
                                                const QByteArray &retryAfterHeader = {});
    /// The `error` member of a Graph answer (the object itself, not the whole body).
    [[nodiscard]] static GraphApiError fromErrorObject(const QJsonObject &error, int httpStatus);
    /// A transport failure reported by QNetworkReply (no HTTP status).
    [[nodiscard]] static GraphApiError fromNetwork(QNetworkReply::NetworkError error,
                                                   const QString &errorString);
    [[nodiscard]] static GraphApiError timeout(int timeoutMs);
    /// A 2xx answer whose body lacks what the call needs; \a what says what, for IT.
    [[nodiscard]] static GraphApiError invalidResponse(int httpStatus, const QString &what);
    /// GraphConfig::problems() are not empty: IT must fix hub.conf; \a problems go to the log.
    [[nodiscard]] static GraphApiError misconfigured(const QString &problems);
    /// Input refused before sending, with the sentence for staff.
    [[nodiscard]] static GraphApiError validation(const QString &staffMessage);
    /// A media URL that failed again after it was fetched afresh (expired, deleted, …).
    [[nodiscard]] static GraphApiError mediaUnavailable(int httpStatus);
    /// This error (Meta's "object does not exist", say) reworded for a media id that no longer
    /// resolves: media from webhooks expires after 7 days. Code and trace id are kept.
    [[nodiscard]] GraphApiError asMediaUnavailable() const;
    /// A media file larger than GraphConfig::maxMediaBytes.
    [[nodiscard]] static GraphApiError mediaTooLarge(qint64 size, qint64 limit);
    /// Downloaded bytes whose SHA-256 differs from the one Meta announced.
    [[nodiscard]] static GraphApiError mediaCorrupted();
    /// The client went away with the call in flight; \a inFlight: the request had been sent.
    [[nodiscard]] static GraphApiError cancelled(bool inFlight);

    /// The class of a Graph error code, for codes Wardline knows; nothing for others.
    [[nodiscard]] static std::optional<ErrorClass> classOfCode(int code);

    [[nodiscard]] Origin origin() const { return m_origin; }
    [[nodiscard]] ErrorClass errorClass() const { return m_class; }
    [[nodiscard]] bool isRetryable() const { return m_class == ErrorClass::Retry; }
    /// 0 when there was no HTTP answer.
    [[nodiscard]] int httpStatus() const { return m_httpStatus; }
    /// Meta's `code`; nothing unless origin() is Graph.
    [[nodiscard]] std::optional<int> code() const { return m_code; }
    [[nodiscard]] std::optional<int> subcode() const { return m_subcode; }
    [[nodiscard]] const QString &type() const { return m_type; }
    /// Meta's `message` ("(#131047) Re-engagement message"); for IT, not for staff.
    [[nodiscard]] const QString &message() const { return m_message; }
    /// `error_data.details`, Meta's most specific explanation; for IT, not for staff.
    [[nodiscard]] const QString &details() const { return m_details; }
    [[nodiscard]] const QString &userTitle() const { return m_userTitle; }
    [[nodiscard]] const QString &userMessage() const { return m_userMessage; }
    /// The id Meta's support asks for.
    [[nodiscard]] const QString &fbtraceId() const { return m_fbtraceId; }
    /// How long to wait before retrying, when Meta said so or the limit is known.
    [[nodiscard]] std::optional<std::chrono::milliseconds> retryAfter() const
    {
        return m_retryAfter;
    }
    /// True when the request may have reached Meta (a timeout or dropped connection after
    /// sending, an unreadable success): before retrying a send, expect a possible duplicate.
    [[nodiscard]] bool outcomeUnknown() const { return m_outcomeUnknown; }

    /// What happened and what to do, in words a nurse understands (translated).
    [[nodiscard]] QString staffMessage() const;
    /// One line for the log and for IT: origin, HTTP status, code, subcode, type, trace id and
    /// Wardline's own wording. Never Meta's free text, which can quote what was sent.
    [[nodiscard]] QString logSummary() const;

private:
    GraphApiError(Origin origin, ErrorClass errorClass, const char *staffText);
    void classify();

    Origin m_origin;
    ErrorClass m_class;
    const char *m_staffText; // QT_TRANSLATE_NOOP source text, translated in staffMessage()
    QString m_staffOverride; // Validation: the sentence SendLimits wrote
    int m_httpStatus = 0;
    std::optional<int> m_code;
    std::optional<int> m_subcode;
    QString m_type;
    QString m_message;
    QString m_details;
    QString m_userTitle;
    QString m_userMessage;
    QString m_fbtraceId;
    QString m_networkError; // QNetworkReply's wording, for logSummary()
    std::optional<std::chrono::milliseconds> m_retryAfter;
    bool m_outcomeUnknown = false;
};

} // namespace Wardline::WhatsApp
