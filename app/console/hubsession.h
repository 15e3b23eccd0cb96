#pragma once

#include "core/permissions.h"
#include "core/user.h"

#include <QDateTime>
#include <QJsonArray>
#include <QStringList>
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
    /// What the hub lets this user do now ("send_message", …): the site's table, which
    /// administrators may have changed from Core's defaults.
    QStringList permissions;

    /// Whether the hub lets this user do \a permission (the hub checks again on every request).
    [[nodiscard]] bool allows(Core::Permission permission) const
    {
        return permissions.contains(Core::permissionName(permission));
    }
    /// Reads the "permissions" list of a sign-in or GET /api/v1/session answer.
    [[nodiscard]] static QStringList permissionsFrom(const QJsonArray &names)
    {
        QStringList list;
        for (const QJsonValue &name : names)
            list.append(name.toString());
        return list;
    }

    /// The keychain account and cache name of this user on this hub.
    [[nodiscard]] QString account() const
    {
        return hub.host() + u':' + QString::number(hub.port(443)) + u'/' + user.username;
    }
};

} // namespace Wardline::Console
