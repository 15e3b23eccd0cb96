#pragma once

#include "core/user.h"

#include <QDateTime>
#include <QUrl>

namespace Wardline::Console {

/// A signed-in staff session with the hub: the opaque token and who it belongs to.
struct HubSession
{
    QUrl hub;
    QString token;
    Core::User user;
    QDateTime expiresAt;
    qint64 idleTimeoutSeconds = 0;
    /// The hub's policy for locking an idle console; 0 when it names none (IdleMonitor's default).
    int idleLockMinutes = 0;
    /// The live event WebSocket ("wss://…"); empty when the hub named none the console may use.
    QUrl eventsUrl;

    /// The keychain account and cache name of this user on this hub.
    [[nodiscard]] QString account() const
    {
        return hub.host() + u':' + QString::number(hub.port(443)) + u'/' + user.username;
    }
};

} // namespace Wardline::Console
