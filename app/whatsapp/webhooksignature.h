#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>

#include <optional>

namespace Wardline::WhatsApp {

/// The X-Hub-Signature-256 header Meta puts on every webhook POST: HMAC-SHA256 of the raw body
/// bytes, keyed with the app secret, as "sha256=<64 hex digits>".
///
/// Source: Meta, "Webhooks — Getting started — Validating payloads",
/// https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads
/// and "Create a webhook endpoint",
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/create-webhook-endpoint
class WebhookSignature
{
    Q_GADGET

public:
    /// The outcome of checking one delivery; only Valid may be processed.
    enum class Verification {
        Valid,     ///< the header matches the body
        Missing,   ///< no header (or an empty one): fail closed
        Malformed, ///< not exactly "sha256=" followed by 64 hex digits
        Mismatch,  ///< well formed, but signed with another secret or over other bytes
    };
    Q_ENUM(Verification)

    /// The header name as Meta sends it (HTTP header names compare case-insensitively).
    static constexpr QByteArrayView HeaderName{"X-Hub-Signature-256"};

    /// The 32-byte digest in a header value, or nothing when the value is not exactly
    /// "sha256=" and 64 hex digits (either case); no spaces, lists or other algorithms.
    [[nodiscard]] static std::optional<QByteArray> parseHeader(QByteArrayView header);

    /// The header value Meta would send for \a body: "sha256=" and lower-case hex.
    [[nodiscard]] static QByteArray sign(QByteArrayView secret, QByteArrayView body);

    /// Checks \a header against \a body exactly as received, in constant time.
    /// An empty \a secret never verifies: anyone can compute an HMAC with an empty key.
    [[nodiscard]] static Verification verify(QByteArrayView secret, QByteArrayView body,
                                             QByteArrayView header);

private:
    [[nodiscard]] static QByteArray digest(QByteArrayView secret, QByteArrayView body);
};

} // namespace Wardline::WhatsApp
