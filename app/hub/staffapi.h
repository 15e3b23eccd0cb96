#pragma once

#include "core/permissions.h"
#include "core/user.h"
#include "hub/permissiontable.h"

#include <QHttpServerResponse>
#include <QJsonObject>
#include <QObject>
#include <QSqlDatabase>

class QHttpServer;
class QHttpServerRequest;

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Store {
struct Event;
}

namespace Wardline::Hub {

class HubConfig;

/// The staff API's sessions: sign-in (Argon2id), the current
/// session, sign-out, and the bearer-token check every other route uses. Errors are JSON
/// objects {"error": {"code": stable-code, "message": text for staff}}.
class StaffApi : public QObject
{
    Q_OBJECT
public:
    /// A sign-in is refused for LockMinutes after this many failures in a row.
    static constexpr int MaxFailedSignIns = 5;
    static constexpr int LockMinutes = 15;

    StaffApi(QSqlDatabase db, const HubConfig &config, const Core::Clock &clock,
             QObject *parent = nullptr);

    /// Where consoles open the live event WebSocket; told to them at sign-in.
    void setEventsUrl(const QString &url) { m_eventsUrl = url; }
    void addRoutes(QHttpServer &server);
    /// What each role may do now (defaults and the administrators' changes).
    [[nodiscard]] const PermissionTable &permissions() const { return m_permissions; }

    /// Why a token was refused: a stable code and a message for staff.
    struct Denial
    {
        QString code;
        QString message;
    };
    /// Which conversations a role may see, read once from the permission table for a page of
    /// events (not once per event).
    struct Visibility
    {
        bool clinical = false;
        bool appointments = false;
    };
    [[nodiscard]] Visibility visibilityOf(Core::Role role) const;
    /// Whether a console seeing \a visible may receive an event with \a payload: one about a
    /// conversation it may not see (a clinical one for a receptionist) is shown only as
    /// "hidden", so the sequence numbers stay gap-free for the console.
    [[nodiscard]] bool mayReceive(const Visibility &visible, const QJsonObject &payload) const;
    /// \a event as a console seeing \a visible receives it (hidden when it may not).
    [[nodiscard]] QJsonObject eventFor(const Visibility &visible, const Store::Event &event) const;

    /// Whether a request counts as the staff member's activity (it extends the idle timeout)
    /// or is the console syncing by itself (header X-Wardline-Background: 1; it does not).
    enum class Activity { Staff, Background };
    [[nodiscard]] std::optional<Core::User> authenticateToken(const QString &token, Denial *denial,
                                                              Activity activity = Activity::Staff);

    /// The user behind the request's bearer token; otherwise \a denied holds the 401 to send.
    [[nodiscard]] std::optional<Core::User> authenticate(const QHttpServerRequest &request,
                                                         QHttpServerResponse *denied);
    /// The signed-in user when their role has \a permission; otherwise \a denied holds the
    /// 401 or the 403, and a refusal is written to the audit trail with \a subject.
    [[nodiscard]] std::optional<Core::User> authorize(const QHttpServerRequest &request,
                                                      Core::Permission permission,
                                                      const QString &subject,
                                                      QHttpServerResponse *denied);

    /// An audit detail: \a extra plus where the request came from ({"from": "10.1.2.3"}).
    [[nodiscard]] static QString origin(const QHttpServerRequest &request,
                                        const QJsonObject &extra = {});

    [[nodiscard]] static QHttpServerResponse error(QHttpServerResponse::StatusCode status,
                                                   const QString &code, const QString &message);

private:
    [[nodiscard]] QHttpServerResponse signIn(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse finishSignIn(const std::optional<Core::User> &user,
                                                   bool passwordOk, const QString &from);
    [[nodiscard]] QHttpServerResponse currentSession(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse signOut(const QHttpServerRequest &request);
    [[nodiscard]] static QJsonObject userJson(const Core::User &user);

    QSqlDatabase m_db;
    PermissionTable m_permissions;
    const Core::Clock &m_clock;
    qint64 m_idleSeconds;
    int m_idleLockMinutes; ///< the consoles lock their screen after this long without input
    QString m_eventsUrl;
    qint64 m_absoluteSeconds;
    QByteArray m_decoyHash; // verified for unknown names, so timing does not reveal them
};

} // namespace Wardline::Hub
