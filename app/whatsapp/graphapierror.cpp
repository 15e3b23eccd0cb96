#include "whatsapp/graphapierror.h"

#include <QJsonDocument>
#include <QJsonValue>

#include <array>
#include <span>

namespace Wardline::WhatsApp {

namespace {
using ErrorClass = GraphApiError::ErrorClass;
using namespace std::chrono_literals;

// lupdate reads QT_TRANSLATE_NOOP literally, so no shorter macro around it.
// Staff wording, one per situation. Untranslated source texts; staffMessage() translates.
constexpr const char *RateLimited = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError", "WhatsApp is limiting how fast we send; Wardline will "
                                         "retry.");
constexpr const char *PairRate = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "Several messages went to this patient within a few seconds, and WhatsApp asks us to "
    "pause; Wardline will retry.");
constexpr const char *Temporary = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError", "WhatsApp had a temporary problem; Wardline will retry.");
constexpr const char *Maintenance = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "The hospital's WhatsApp account is under maintenance at WhatsApp; Wardline will "
    "retry.");
constexpr const char *Unreachable = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError", "Wardline could not reach WhatsApp; it will retry.");
constexpr const char *TimedOut = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError", "WhatsApp did not answer in time; Wardline will retry.");
constexpr const char *Cancelled =
    QT_TRANSLATE_NOOP("Wardline::WhatsApp::GraphApiError",
                      "Wardline stopped this request while shutting down; it will be tried again.");
constexpr const char *OutsideWindow = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "The patient's last message was more than 24 hours ago, so only an approved template "
    "can be sent.");
constexpr const char *Undeliverable = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "WhatsApp could not deliver this message: the number may not use WhatsApp, or the "
    "patient may need to update WhatsApp or accept its terms. Reach the patient another "
    "way.");
constexpr const char *UnsupportedType = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "WhatsApp does not support this kind of message. Send it as text or in another "
    "format.");
constexpr const char *InvalidRequest = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "WhatsApp refused this because part of it is missing or not valid. Check it and try again; "
    "if this keeps happening, tell IT.");
constexpr const char *SelfRecipient = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "The message was addressed to the hospital's own WhatsApp number. Check the patient's "
    "number.");
constexpr const char *NotAllowListed = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "This number is not on the test list of the hospital's WhatsApp account, so it cannot "
    "be messaged yet. Tell IT.");
constexpr const char *EcosystemLimit = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "WhatsApp held this message back so the patient does not get too many business "
    "messages. Try again tomorrow, or reach the patient another way.");
constexpr const char *MarketingOptOut =
    QT_TRANSLATE_NOOP("Wardline::WhatsApp::GraphApiError",
                      "The patient has asked not to receive marketing messages from the hospital.");
constexpr const char *Experiment = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "WhatsApp did not deliver this message because the patient's number is part of a "
    "WhatsApp experiment. Reach the patient another way.");
constexpr const char *MediaFetchFailed = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "WhatsApp could not fetch the attached file. Attach it again and send again.");
constexpr const char *MediaRejected = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "WhatsApp could not process the attached file. Check its type and size and attach it "
    "again.");
constexpr const char *TemplateParamCount = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "The template needs a different number of details than were filled in. Check the "
    "template's fields.");
constexpr const char *TemplateMissing = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "This template does not exist in the chosen language or is not approved yet. Choose "
    "another template or language.");
constexpr const char *TemplateTooLong =
    QT_TRANSLATE_NOOP("Wardline::WhatsApp::GraphApiError",
                      "The filled-in template is too long. Shorten the details.");
constexpr const char *TemplatePolicy = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "WhatsApp refused the template text under its content rules. An administrator must "
    "change the template.");
constexpr const char *TemplateFormat = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "A detail filled into the template has the wrong format. Check the fields and send "
    "again.");
constexpr const char *TemplatePaused = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "WhatsApp has paused this template because of low quality. Use another template or "
    "ask an administrator.");
constexpr const char *TemplateDisabled = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "WhatsApp has disabled this template. Use another template or ask an administrator.");
constexpr const char *TemplateOther =
    QT_TRANSLATE_NOOP("Wardline::WhatsApp::GraphApiError",
                      "WhatsApp refused the template. Check the template and its fields, or ask an "
                      "administrator.");
constexpr const char *NumberNotRegistered = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "The hospital's WhatsApp number is not registered with WhatsApp. Tell IT; nothing can "
    "be sent from it until this is fixed.");
constexpr const char *Refused = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "WhatsApp refused the request. Check it and try again; if this keeps happening, tell "
    "IT.");
constexpr const char *NotFound = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "WhatsApp did not find what Wardline asked for. If this keeps happening, tell IT.");
constexpr const char *TokenExpired = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "Wardline's access to WhatsApp has expired or was withdrawn. Tell IT to renew the "
    "access token; messages wait until then.");
constexpr const char *PermissionMissing = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "Wardline is missing a permission on the hospital's WhatsApp account. Tell IT; "
    "messages wait until it is granted.");
constexpr const char *AccountRestricted = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "WhatsApp has restricted the hospital's account, so nothing can be sent. Tell the "
    "administrator, and reach patients another way meanwhile.");
constexpr const char *PaymentProblem = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "WhatsApp stopped sending because of a payment problem on the hospital's account. "
    "Tell the administrator.");
constexpr const char *SpamLimited = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "WhatsApp is limiting this number because patients blocked or reported its messages. "
    "Tell the administrator, and reach patients another way meanwhile.");
constexpr const char *RegistrationProblem = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "The hospital's WhatsApp number has a registration problem. Tell IT; nothing can be "
    "sent from it until this is fixed.");
constexpr const char *Misconfigured = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError", "Wardline's connection to WhatsApp is not set up "
                                         "correctly. Tell IT; messages wait until it is fixed.");
constexpr const char *Unreadable = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "WhatsApp's answer could not be read, so Wardline cannot tell whether this worked. "
    "Check the conversation before trying again.");
constexpr const char *MediaGone = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "The photo or file is no longer available from WhatsApp. Ask the patient to send it "
    "again.");
constexpr const char *MediaTooLarge = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError",
    "The file is larger than Wardline accepts. Ask the patient to send a smaller file.");
constexpr const char *MediaDamaged = QT_TRANSLATE_NOOP(
    "Wardline::WhatsApp::GraphApiError", "The file arrived damaged; Wardline will fetch it again.");

struct CodeRule
{
    int first;
    int last;
    ErrorClass errorClass;
    const char *staffText;
    std::chrono::milliseconds retryAfter; // 0: not known
};

// Meta's error codes, "Error codes",
// https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
// (authorization, throttling, integrity, template and registration tables). First match wins,
// so single codes come before the ranges that contain them.
constexpr std::array CodeRules{
    // Authorization: the token or its permissions; IT must act, retrying cannot help.
    CodeRule{0, 0, ErrorClass::Credentials, TokenExpired, 0ms},          // AuthException
    CodeRule{102, 102, ErrorClass::Credentials, TokenExpired, 0ms},      // API Session
    CodeRule{104, 104, ErrorClass::Credentials, TokenExpired, 0ms},      // token required
    CodeRule{190, 190, ErrorClass::Credentials, TokenExpired, 0ms},      // token expired/invalid
    CodeRule{3, 3, ErrorClass::Credentials, PermissionMissing, 0ms},     // capability
    CodeRule{10, 10, ErrorClass::Credentials, PermissionMissing, 0ms},   // permission denied
    CodeRule{200, 299, ErrorClass::Credentials, PermissionMissing, 0ms}, // API permission
    CodeRule{131005, 131005, ErrorClass::Credentials, PermissionMissing, 0ms}, // access denied
    // Throttling and temporary failures: back off and send again.
    CodeRule{1, 1, ErrorClass::Retry, Temporary, 0ms},             // API Unknown
    CodeRule{2, 2, ErrorClass::Retry, Temporary, 0ms},             // API Service (overloaded)
    CodeRule{4, 4, ErrorClass::Retry, RateLimited, 0ms},           // app call rate
    CodeRule{80007, 80007, ErrorClass::Retry, RateLimited, 0ms},   // WABA rate limit
    CodeRule{130429, 130429, ErrorClass::Retry, RateLimited, 0ms}, // throughput (80 mps)
    // "(Business Account, Consumer Account) pair rate limit hit": roughly one message every
    // 6 seconds to the same user is allowed (error-codes page above; WHATSAPP.md §6).
    CodeRule{131056, 131056, ErrorClass::Retry, PairRate, 6000ms},
    CodeRule{131000, 131000, ErrorClass::Retry, Temporary, 0ms},   // something went wrong
    CodeRule{131016, 131016, ErrorClass::Retry, Temporary, 0ms},   // service unavailable
    CodeRule{131057, 131057, ErrorClass::Retry, Maintenance, 0ms}, // account in maintenance
    // The 24-hour customer service window has closed.
    CodeRule{131047, 131047, ErrorClass::NeedsTemplate, OutsideWindow, 0ms},
    // The account or number is restricted: nothing will send until someone acts.
    CodeRule{368, 368, ErrorClass::AccountBlocked, AccountRestricted, 0ms},       // policy block
    CodeRule{131031, 131031, ErrorClass::AccountBlocked, AccountRestricted, 0ms}, // locked
    CodeRule{131042, 131042, ErrorClass::AccountBlocked, PaymentProblem, 0ms},
    CodeRule{131045, 131045, ErrorClass::AccountBlocked, RegistrationProblem, 0ms},
    CodeRule{131048, 131048, ErrorClass::AccountBlocked, SpamLimited, 0ms}, // spam rate limit
    // This request will never succeed as it is.
    CodeRule{33, 33, ErrorClass::Permanent, InvalidRequest, 0ms},         // parameter value invalid
    CodeRule{100, 100, ErrorClass::Permanent, InvalidRequest, 0ms},       // invalid parameter
    CodeRule{131008, 131008, ErrorClass::Permanent, InvalidRequest, 0ms}, // required missing
    CodeRule{131009, 131009, ErrorClass::Permanent, InvalidRequest, 0ms}, // value not valid
    CodeRule{131021, 131021, ErrorClass::Permanent, SelfRecipient, 0ms},
    CodeRule{131026, 131026, ErrorClass::Permanent, Undeliverable, 0ms},
    CodeRule{131030, 131030, ErrorClass::Permanent, NotAllowListed, 0ms},
    CodeRule{131049, 131049, ErrorClass::Permanent, EcosystemLimit, 0ms},
    CodeRule{131050, 131050, ErrorClass::Permanent, MarketingOptOut, 0ms},
    CodeRule{131051, 131051, ErrorClass::Permanent, UnsupportedType, 0ms},
    CodeRule{131052, 131052, ErrorClass::Permanent, MediaFetchFailed, 0ms},
    CodeRule{131053, 131053, ErrorClass::Permanent, MediaRejected, 0ms},
    CodeRule{130472, 130472, ErrorClass::Permanent, Experiment, 0ms},
    CodeRule{132000, 132000, ErrorClass::Permanent, TemplateParamCount, 0ms},
    CodeRule{132001, 132001, ErrorClass::Permanent, TemplateMissing, 0ms},
    CodeRule{132005, 132005, ErrorClass::Permanent, TemplateTooLong, 0ms},
    CodeRule{132007, 132007, ErrorClass::Permanent, TemplatePolicy, 0ms},
    CodeRule{132008, 132008, ErrorClass::Permanent, TemplateFormat, 0ms},
    CodeRule{132012, 132012, ErrorClass::Permanent, TemplateFormat, 0ms},
    CodeRule{132015, 132015, ErrorClass::Permanent, TemplatePaused, 0ms},
    CodeRule{132016, 132016, ErrorClass::Permanent, TemplateDisabled, 0ms},
    CodeRule{132000, 132999, ErrorClass::Permanent, TemplateOther, 0ms},
    CodeRule{133010, 133010, ErrorClass::Permanent, NumberNotRegistered, 0ms},
    CodeRule{135000, 135000, ErrorClass::Permanent, Refused, 0ms}, // generic user error
};

[[nodiscard]] const CodeRule *ruleFor(int code)
{
    for (const CodeRule &rule : CodeRules) {
        if (code >= rule.first && code <= rule.last)
            return &rule;
    }
    return nullptr;
}

struct StatusRule
{
    ErrorClass errorClass;
    const char *staffText;
};

// For answers without a code Wardline knows: what the HTTP status alone says (RFC 9110 §15).
[[nodiscard]] StatusRule ruleForStatus(int status)
{
    if (status == 429)
        return {ErrorClass::Retry, RateLimited};
    if (status >= 500 && status <= 599)
        return {ErrorClass::Retry, Temporary};
    if (status == 408)
        return {ErrorClass::Retry, TimedOut};
    if (status == 401)
        return {ErrorClass::Credentials, TokenExpired};
    if (status == 403)
        return {ErrorClass::Credentials, PermissionMissing};
    if (status == 404 || status == 410)
        return {ErrorClass::Permanent, NotFound};
    return {ErrorClass::Permanent, Refused};
}

// Graph sends numbers; some gateways relay them as strings ("131056").
[[nodiscard]] std::optional<int> intValue(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toInt();
    if (value.isString()) {
        bool ok = false;
        const int number = value.toString().toInt(&ok);
        if (ok)
            return number;
    }
    return std::nullopt;
}

// Retry-After: delta-seconds only (RFC 9110 §10.2.3). An HTTP-date would need the clock;
// Meta does not send one. Capped at a day so a broken header cannot park the outbox.
[[nodiscard]] std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &header)
{
    const QByteArray trimmed = header.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (!ok || seconds < 0)
        return std::nullopt;
    return std::chrono::milliseconds(std::min<qint64>(seconds, 24 * 3600) * 1000);
}

[[nodiscard]] QLatin1StringView originName(GraphApiError::Origin origin)
{
    switch (origin) {
    case GraphApiError::Origin::Graph:
        return QLatin1StringView("graph");
    case GraphApiError::Origin::Http:
        return QLatin1StringView("http");
    case GraphApiError::Origin::Network:
        return QLatin1StringView("network");
    case GraphApiError::Origin::Timeout:
        return QLatin1StringView("timeout");
    case GraphApiError::Origin::InvalidResponse:
        return QLatin1StringView("invalid-response");
    case GraphApiError::Origin::Validation:
        return QLatin1StringView("validation");
    case GraphApiError::Origin::Cancelled:
        return QLatin1StringView("cancelled");
    }
    return QLatin1StringView("unknown");
}

[[nodiscard]] QLatin1StringView className(ErrorClass errorClass)
{
    switch (errorClass) {
    case ErrorClass::Retry:
        return QLatin1StringView("retry");
    case ErrorClass::NeedsTemplate:
        return QLatin1StringView("needs-template");
    case ErrorClass::Permanent:
        return QLatin1StringView("permanent");
    case ErrorClass::Credentials:
        return QLatin1StringView("credentials");
    case ErrorClass::AccountBlocked:
        return QLatin1StringView("account-blocked");
    }
    return QLatin1StringView("unknown");
}
} // namespace

GraphApiError::GraphApiError(Origin origin, ErrorClass errorClass, const char *staffText)
    : m_origin(origin)
    , m_class(errorClass)
    , m_staffText(staffText)
{
}

std::optional<GraphApiError::ErrorClass> GraphApiError::classOfCode(int code)
{
    if (const CodeRule *rule = ruleFor(code))
        return rule->errorClass;
    return std::nullopt;
}

void GraphApiError::classify()
{
    if (m_code) {
        if (const CodeRule *rule = ruleFor(*m_code)) {
            m_class = rule->errorClass;
            m_staffText = rule->staffText;
            if (!m_retryAfter && rule->retryAfter.count() > 0)
                m_retryAfter = rule->retryAfter;
            return;
        }
    }
    const StatusRule rule = ruleForStatus(m_httpStatus);
    m_class = rule.errorClass;
    m_staffText = rule.staffText;
}

GraphApiError GraphApiError::fromHttp(int httpStatus, const QByteArray &body,
                                      const QByteArray &retryAfterHeader)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonValue error = document.isObject() ? document.object().value(u"error") : QJsonValue();
    GraphApiError result = error.isObject()
                               ? fromErrorObject(error.toObject(), httpStatus)
                               : GraphApiError(Origin::Http, ErrorClass::Permanent, Refused);
    result.m_httpStatus = httpStatus;
    result.m_retryAfter = parseRetryAfter(retryAfterHeader);
    result.classify();
    // A gateway error or timeout can come after Meta took the request.
    if (result.m_origin == Origin::Http && (httpStatus == 502 || httpStatus == 504))
        result.m_outcomeUnknown = true;
    return result;
}

GraphApiError GraphApiError::fromErrorObject(const QJsonObject &error, int httpStatus)
{
    GraphApiError result(Origin::Graph, ErrorClass::Permanent, Refused);
    result.m_httpStatus = httpStatus;
    result.m_code = intValue(error.value(u"code"));
    result.m_subcode = intValue(error.value(u"error_subcode"));
    result.m_type = error.value(u"type").toString();
    result.m_message = error.value(u"message").toString();
    result.m_userTitle = error.value(u"error_user_title").toString();
    result.m_userMessage = error.value(u"error_user_msg").toString();
    result.m_fbtraceId = error.value(u"fbtrace_id").toString();
    // error_data is an object on the Cloud API ({"messaging_product","details"}); older Graph
    // errors carry it as a JSON-encoded string.
    QJsonValue data = error.value(u"error_data");
    if (data.isString()) {
        const QJsonDocument inner = QJsonDocument::fromJson(data.toString().toUtf8());
        if (inner.isObject())
            data = inner.object();
        else
            result.m_details = data.toString();
    }
    if (data.isObject())
        result.m_details = data.toObject().value(u"details").toString();
    result.classify();
    return result;
}

GraphApiError GraphApiError::fromNetwork(QNetworkReply::NetworkError error,
                                         const QString &errorString)
{
    GraphApiError result(Origin::Network, ErrorClass::Retry, Unreachable);
    result.m_networkError = errorString;
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        result.m_outcomeUnknown = false; // nothing reached Meta
        break;
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        // A configuration mistake (a scheme Qt cannot speak): retrying cannot help.
        result.m_class = ErrorClass::Permanent;
        result.m_staffText = Refused;
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::ProxyTimeoutError:
        result.m_origin = Origin::Timeout;
        result.m_staffText = TimedOut;
        result.m_outcomeUnknown = true;
        break;
    default:
        // Reset or closed mid-way, temporary failures: the request may have arrived.
        result.m_outcomeUnknown = true;
        break;
    }
    return result;
}

GraphApiError GraphApiError::timeout(int timeoutMs)
{
    GraphApiError result(Origin::Timeout, ErrorClass::Retry, TimedOut);
    result.m_networkError = QStringLiteral("no progress for %1 ms").arg(timeoutMs);
    result.m_outcomeUnknown = true;
    return result;
}

GraphApiError GraphApiError::invalidResponse(int httpStatus, const QString &what)
{
    // Meta accepted something it answered 2xx to: retrying could do it twice.
    GraphApiError result(Origin::InvalidResponse, ErrorClass::Permanent, Unreadable);
    result.m_httpStatus = httpStatus;
    result.m_networkError = what;
    result.m_outcomeUnknown = true;
    return result;
}

GraphApiError GraphApiError::misconfigured(const QString &problems)
{
    GraphApiError result(Origin::Validation, ErrorClass::Credentials, Misconfigured);
    result.m_networkError = problems;
    return result;
}

GraphApiError GraphApiError::validation(const QString &staffMessage)
{
    GraphApiError result(Origin::Validation, ErrorClass::Permanent, Refused);
    result.m_staffOverride = staffMessage;
    return result;
}

GraphApiError GraphApiError::mediaUnavailable(int httpStatus)
{
    GraphApiError result(Origin::Http, ErrorClass::Permanent, MediaGone);
    result.m_httpStatus = httpStatus;
    return result;
}

GraphApiError GraphApiError::asMediaUnavailable() const
{
    GraphApiError result = *this;
    result.m_class = ErrorClass::Permanent;
    result.m_staffText = MediaGone;
    result.m_retryAfter.reset();
    return result;
}

GraphApiError GraphApiError::mediaTooLarge(qint64 size, qint64 limit)
{
    GraphApiError result(Origin::InvalidResponse, ErrorClass::Permanent, MediaTooLarge);
    result.m_networkError =
        QStringLiteral("media of %1 bytes exceeds the limit of %2 bytes")
            .arg(size < 0 ? QStringLiteral("more than %1").arg(limit) : QString::number(size))
            .arg(limit);
    return result;
}

GraphApiError GraphApiError::mediaCorrupted()
{
    GraphApiError result(Origin::InvalidResponse, ErrorClass::Retry, MediaDamaged);
    result.m_networkError = QStringLiteral("downloaded media does not match its sha256");
    return result;
}

GraphApiError GraphApiError::cancelled(bool inFlight)
{
    GraphApiError result(Origin::Cancelled, ErrorClass::Retry, Cancelled);
    result.m_outcomeUnknown = inFlight;
    return result;
}

QString GraphApiError::staffMessage() const
{
    if (!m_staffOverride.isEmpty())
        return m_staffOverride;
    return QCoreApplication::translate("Wardline::WhatsApp::GraphApiError", m_staffText);
}

QString GraphApiError::logSummary() const
{
    QString line = originName(m_origin) + u' ' + className(m_class);
    if (m_httpStatus != 0)
        line += QStringLiteral(" http=%1").arg(m_httpStatus);
    if (m_code)
        line += QStringLiteral(" code=%1").arg(*m_code);
    if (m_subcode)
        line += QStringLiteral(" subcode=%1").arg(*m_subcode);
    if (!m_type.isEmpty())
        line += QStringLiteral(" type=") + m_type;
    if (!m_fbtraceId.isEmpty())
        line += QStringLiteral(" fbtrace_id=") + m_fbtraceId;
    if (m_retryAfter)
        line += QStringLiteral(" retry_after_ms=%1").arg(m_retryAfter->count());
    if (m_outcomeUnknown)
        line += QStringLiteral(" outcome=unknown");
    if (!m_networkError.isEmpty())
        line += QStringLiteral(" (") + m_networkError + u')';
    // Our own wording only: Meta's message and details can quote the request, and a
    // validation message can quote a button title.
    if (m_staffOverride.isEmpty())
        line += QStringLiteral(": ") + QLatin1StringView(m_staffText);
    return line;
}

} // namespace Wardline::WhatsApp
