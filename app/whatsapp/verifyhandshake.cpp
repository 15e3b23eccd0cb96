#include "whatsapp/verifyhandshake.h"

#include "core/crypto.h"

namespace Wardline::WhatsApp {

std::optional<QString> VerifyHandshake::respond(QStringView mode, QStringView verifyToken,
                                                QStringView challenge, QStringView expectedToken)
{
    if (expectedToken.isEmpty() || mode != u"subscribe")
        return std::nullopt;
    if (challenge.isEmpty() || challenge.size() > MaxChallengeLength)
        return std::nullopt;
    if (!Core::Crypto::equalConstantTime(verifyToken.toUtf8(), expectedToken.toUtf8()))
        return std::nullopt;
    return challenge.toString();
}

} // namespace Wardline::WhatsApp
