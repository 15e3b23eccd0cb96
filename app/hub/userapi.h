#pragma once

#include "core/result.h"
#include "core/user.h"

#include <QObject>
#include <QSqlDatabase>

#include <functional>
#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Hub {

class StaffApi;

/// Staff accounts on the staff API (administrators), and each user's own password; every
/// change is audited and none of them leaves the site without an administrator:
// clang-format off
///   GET   /api/v1/users                       accounts with role, state, last sign-in, failures
///   POST  /api/v1/users                       {"username", "displayName", "role"} → a temporary password, shown once
///   PATCH /api/v1/users/ID                    {"displayName"?, "role"?, "active"?}
///   POST  /api/v1/users/ID/reset-password     a new temporary password; the user's sessions end
///   POST  /api/v1/users/ID/unlock             clears a lockout after failed sign-ins
///   POST  /api/v1/session/password            {"current", "new"}: the signed-in user's own
// clang-format on
class UserApi : public QObject
{
    Q_OBJECT
public:
    UserApi(QSqlDatabase db, StaffApi &staff, const Core::Clock &clock, QObject *parent = nullptr);

    void addRoutes(QHttpServer &server);

private:
    [[nodiscard]] QHttpServerResponse list(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse create(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse update(qint64 id, const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse resetPassword(qint64 id, const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse unlock(qint64 id, const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse changeOwnPassword(const QHttpServerRequest &request);
    /// Runs \a work in one transaction with an audit entry \a action on user \a id (read after
    /// \a work, which may set it) by \a admin; \a answer makes the reply when it succeeded.
    [[nodiscard]] QHttpServerResponse change(const Core::User &admin,
                                             const QHttpServerRequest &request,
                                             const QString &action, const qint64 &id,
                                             const std::function<Core::Status()> &work,
                                             const std::function<QHttpServerResponse()> &answer);
    struct Account
    {
        Core::User admin; ///< who asks
        Core::User user;  ///< the account it is about
    };
    /// The administrator and the account \a id; otherwise \a denied holds the 401/403/404.
    [[nodiscard]] std::optional<Account> onAccount(qint64 id, const QHttpServerRequest &request,
                                                   QHttpServerResponse *denied);
    /// A random password that passes the site's password rules.
    [[nodiscard]] static QString temporaryPassword(const QString &username);

    QSqlDatabase m_db;
    StaffApi &m_staff;
    const Core::Clock &m_clock;
};

} // namespace Wardline::Hub
