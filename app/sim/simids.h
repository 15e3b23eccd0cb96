#pragma once

#include <QString>
#include <QStringView>

namespace Wardline::Sim {

/// Identifiers shaped like Meta's, from libsodium's random generator.
class SimIds
{
public:
    enum class Direction { Inbound, Outbound };

    /// A message id: "wamid." and base64 of a small binary record that names the user's number
    /// and a random 16-byte id, as Meta's wamids do (e.g. "wamid.HBgLMTY1MDM4Nzk0MzkVAgAS…").
    [[nodiscard]] static QString wamid(QStringView waId, Direction direction);
    /// A numeric Graph object id of \a digits digits (media, templates), no leading zero.
    [[nodiscard]] static QString numericId(int digits = 16);
    /// A conversation id: 32 lower-case hex digits.
    [[nodiscard]] static QString conversationId();
    /// A business-scoped user id: ISO country, ".", 15–20 digits ("US.13491208655302741918").
    [[nodiscard]] static QString businessScopedUserId(QStringView country);
    /// An opaque URL-safe token of \a bytes random bytes.
    [[nodiscard]] static QString token(int bytes = 24);
};

} // namespace Wardline::Sim
