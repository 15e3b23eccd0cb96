#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Wardline::WhatsApp {

/// The GET request Meta sends to a webhook URL when it is set up: echo hub.challenge (200, plain
/// text) only when hub.mode is "subscribe" and hub.verify_token is ours; otherwise answer 403.
/// The GET carries no signature.
///
/// Source: Meta, "Create a webhook endpoint — GET requests",
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/create-webhook-endpoint
/// and
/// https://developers.facebook.com/docs/graph-api/webhooks/getting-started#verification-requests
class VerifyHandshake
{
public:
    /// Query parameter names, as Meta sends them.
    static constexpr QStringView ModeParameter{u"hub.mode"};
    static constexpr QStringView VerifyTokenParameter{u"hub.verify_token"};
    static constexpr QStringView ChallengeParameter{u"hub.challenge"};

    /// Longest challenge echoed back. Meta's challenges are short numbers; a cap keeps the
    /// endpoint from reflecting arbitrary amounts of caller-chosen text.
    static constexpr qsizetype MaxChallengeLength = 256;

    /// The text to answer with, or nothing when the request must be refused (403). The token is
    /// compared in constant time; an empty \a expectedToken never matches (fail closed).
    [[nodiscard]] static std::optional<QString> respond(QStringView mode, QStringView verifyToken,
                                                        QStringView challenge,
                                                        QStringView expectedToken);
};

} // namespace Wardline::WhatsApp
