#pragma once

#include "console/hubsession.h"
#include "core/permissions.h"
#include "core/result.h"
#include "core/user.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

namespace Wardline::Console {

class HubClient;

/// One site setting as the hub describes it (GET /api/v1/settings).
struct SiteSetting
{
    QString key;          ///< "site/emergency_number", "sla/nurse_minutes", …
    QString value;        ///< the value in force (the default when none was set)
    QString defaultValue; ///< what the hub uses when nothing is set
    QString help;         ///< the hub's own one-line description (English)
};

/// Why a save of settings was refused; \a key names the offending setting when the hub said.
struct SettingsRefusal
{
    QString key;
    QString message;
};

/// One cell of the permission table as the hub describes it (GET /api/v1/permissions).
struct PermissionCell
{
    Core::Role role = Core::Role::Nurse;
    Core::Permission permission = Core::Permission::ReadEvents;
    bool allowed = false;        ///< in force now
    bool defaultAllowed = false; ///< Wardline's default
    bool locked = false;         ///< nobody may change it (the hub says why in lockReason)
    QString lockReason;          ///< the hub's reason (English)
};

/// Why the hub refused a change of the permission table: its stable code ("locked",
/// "inconsistent", "reason_required", …) and its message.
struct PermissionRefusal
{
    QString code;
    QString message;
};

/// The administrators' calls to the hub: staff accounts (/api/v1/users) and the site settings
/// (/api/v1/settings), with their JSON read into typed values. Answers arrive through
/// callbacks on this object's thread, never after it is gone; temporary passwords are handed to
/// the callback only and never logged.
class AdminClient : public QObject
{
    Q_OBJECT
public:
    /// \a hub is not owned and must outlive this client.
    AdminClient(HubClient &hub, HubSession session, QObject *parent = nullptr);

    template<typename T> using Done = std::function<void(Core::Result<T>)>;
    using StatusDone = std::function<void(Core::Status)>;

    /// Every staff account, sorted by user name.
    void users(Done<QList<Core::User>> done);
    /// Creates an account that must change its password at first sign-in; the answer is the
    /// temporary password, to be shown once.
    void createUser(const QString &username, const QString &displayName, Core::Role role,
                    Done<QString> done);
    /// Changes an account's name, role or whether it may sign in.
    void updateUser(qint64 id, const QString &displayName, Core::Role role, bool active,
                    StatusDone done);
    /// A new temporary password (shown once); the account's sessions end.
    void resetPassword(qint64 id, Done<QString> done);
    /// Clears a lockout after too many wrong passwords.
    void unlock(qint64 id, StatusDone done);

    /// The site settings, in the hub's order.
    void settings(Done<QList<SiteSetting>> done);
    /// Saves \a changes (key → value) all or nothing; \a done gets no refusal on success.
    void saveSettings(const QHash<QString, QString> &changes,
                      std::function<void(std::optional<SettingsRefusal>)> done);

    /// The permission table: every role and permission, with defaults and locks.
    void permissionTable(Done<QList<PermissionCell>> done);
    /// Saves \a changes (role, permission, allowed) all or nothing with \a reason (required
    /// when one grants to the administrator's own role); \a done gets no refusal on success.
    void savePermissions(const QList<PermissionCell> &changes, const QString &reason,
                         std::function<void(std::optional<PermissionRefusal>)> done);

private:
    HubClient &m_hub;
    HubSession m_session;
};

} // namespace Wardline::Console
