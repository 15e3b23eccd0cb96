#include "hub/staffapi.h"

#include "core/clock.h"
#include "core/crypto.h"
#include "core/secretkey.h"
#include "hub/hubconfig.h"
#include "hub/logging.h"
#include "store/auditlog.h"
#include "store/eventlog.h"
#include "store/sessionrepository.h"
#include "store/userrepository.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace Wardline::Hub {

using Status = QHttpServerResponse::StatusCode;

namespace {
QString bearerToken(const QHttpServerRequest &request)
{
    const QByteArray header = request.value("Authorization");
    if (!header.startsWith("Bearer "))
        return {};
    return QString::fromLatin1(header.mid(7).trimmed());
}
} // namespace

StaffApi::StaffApi(QSqlDatabase db, const HubConfig &config, const Core::Clock &clock,
                   QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_permissions(m_db)
    , m_clock(clock)
    , m_idleSeconds(config.value("policy/session_idle_minutes").toLongLong() * 60)
    , m_idleLockMinutes(config.value("policy/idle_lock_minutes").toInt())
    , m_absoluteSeconds(config.value("policy/session_hours").toLongLong() * 3600)
    , m_decoyHash(Core::Crypto::hashPassword(Core::Crypto::randomToken()))
{
}

QHttpServerResponse StaffApi::error(Status status, const QString &code, const QString &message)
{
    return QHttpServerResponse(
        QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                          {QStringLiteral("message"), message}}}},
        status);
}

QString StaffApi::origin(const QHttpServerRequest &request, const QJsonObject &extra)
{
    QJsonObject detail = extra;
    detail.insert(QStringLiteral("from"), request.remoteAddress().toString());
    return QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
}

QJsonObject StaffApi::userJson(const Core::User &user)
{
    return {{QStringLiteral("id"), user.id},
            {QStringLiteral("username"), user.username},
            {QStringLiteral("displayName"), user.displayName},
            {QStringLiteral("role"), Core::roleName(user.role)},
            {QStringLiteral("mustChangePassword"), user.mustChangePassword}};
}

void StaffApi::addRoutes(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/session"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) { return signIn(request); });
    server.route(QStringLiteral("/api/v1/session"), QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &request) { return currentSession(request); });
    server.route(QStringLiteral("/api/v1/session"), QHttpServerRequest::Method::Delete,
                 [this](const QHttpServerRequest &request) { return signOut(request); });
}

QHttpServerResponse StaffApi::signIn(const QHttpServerRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QString username = body.value(QLatin1StringView("username")).toString().trimmed();
    QString password = body.value(QLatin1StringView("password")).toString();
    if (username.isEmpty() || password.isEmpty())
        return error(Status::BadRequest, QStringLiteral("bad_request"),
                     QStringLiteral("Send a JSON object with \"username\" and \"password\"."));

    Store::UserRepository users(m_db, m_clock);
    const std::optional<Core::User> user = users.findByName(username);
    if (user && user->lockedUntil.isValid() && user->lockedUntil > m_clock.now())
        return error(
            Status::Locked, QStringLiteral("account_locked"),
            QStringLiteral("This account is locked after too many wrong passwords. Try again "
                           "after %1 UTC, or ask an administrator to unlock it.")
                .arg(user->lockedUntil.toUTC().toString(QStringLiteral("HH:mm"))));
    const QByteArray hash = user ? users.passwordHash(user->id) : m_decoyHash;

    // Argon2id costs ~0.1 s by design. Qt 6.4's QHttpServer crashes when a route's QFuture
    // completes after the handler returned (its continuation outlives the request), so the check
    // runs here: sign-ins are rare and each costs one bounded stall of the staff API.
    const bool ok = Core::Crypto::verifyPassword(password, hash);
    Core::SecretKey::wipe(password);
    return finishSignIn(user, ok, origin(request));
}

QHttpServerResponse StaffApi::finishSignIn(const std::optional<Core::User> &user, bool passwordOk,
                                           const QString &from)
{
    Store::UserRepository users(m_db, m_clock);
    Store::AuditLog audit(m_db, m_clock);
    const QDateTime now = m_clock.now();
    const QString wrong = QStringLiteral("The user name or password is wrong.");
    if (!user || !passwordOk) {
        if (user && m_db.transaction()) {
            auto count = users.recordFailedSignIn(user->id, MaxFailedSignIns,
                                                  now.addSecs(qint64(LockMinutes) * 60));
            const bool audited =
                audit
                    .append(user->username, QStringLiteral("session.sign_in_failed"),
                            QStringLiteral("user:%1").arg(user->id), from)
                    .ok();
            if (!count || !audited || !m_db.commit())
                (void)m_db.rollback();
            if (count && count.value() >= MaxFailedSignIns)
                return error(Status::Locked, QStringLiteral("account_locked"),
                             QStringLiteral("Too many wrong passwords: this account is locked for "
                                            "%1 minutes. An administrator can unlock it sooner.")
                                 .arg(LockMinutes));
        }
        return error(Status::Unauthorized, QStringLiteral("bad_credentials"), wrong);
    }
    if (!user->active)
        return error(Status::Forbidden, QStringLiteral("account_disabled"),
                     QStringLiteral("This account is deactivated. Ask an administrator."));

    const QString token = Core::Crypto::randomToken();
    Store::StoredSession session;
    session.tokenHash = Store::SessionRepository::hashToken(token);
    session.userId = user->id;
    session.createdAt = now;
    session.lastSeenAt = now;
    session.expiresAt = now.addSecs(m_absoluteSeconds);
    Store::SessionRepository sessions(m_db);
    if (!m_db.transaction())
        return error(Status::ServiceUnavailable, QStringLiteral("busy"),
                     QStringLiteral("The hub is busy; try again in a moment."));
    auto created = sessions.create(session);
    auto signedIn = created ? users.recordSignIn(user->id) : created;
    auto audited = signedIn ? audit.append(user->username, QStringLiteral("session.sign_in"),
                                           QStringLiteral("user:%1").arg(user->id), from)
                            : signedIn;
    if (!audited || !m_db.commit()) {
        (void)m_db.rollback();
        qCWarning(lcHub, "sign-in could not be recorded: %s", qUtf8Printable(audited.error()));
        return error(Status::InternalServerError, QStringLiteral("storage"),
                     QStringLiteral("The hub could not record the sign-in; try again."));
    }
    // Administrators may set the idle lock from a console (site settings); hub.conf otherwise.
    int idleLockMinutes = m_idleLockMinutes;
    QSqlQuery setting(m_db);
    if (setting.exec(QStringLiteral("SELECT value FROM hub_settings WHERE key = "
                                    "'site/idle_lock_minutes'")) &&
        setting.next()) {
        bool ok = false;
        const int minutes = setting.value(0).toString().toInt(&ok);
        if (ok && minutes > 0)
            idleLockMinutes = minutes;
    }
    return QHttpServerResponse(
        QJsonObject{{QStringLiteral("token"), token},
                    {QStringLiteral("expiresAt"), session.expiresAt.toString(Qt::ISODate)},
                    {QStringLiteral("idleTimeoutSeconds"), m_idleSeconds},
                    {QStringLiteral("idleLockMinutes"), idleLockMinutes},
                    {QStringLiteral("eventsUrl"), m_eventsUrl},
                    {QStringLiteral("user"), userJson(*user)},
                    {QStringLiteral("permissions"),
                     QJsonArray::fromStringList(m_permissions.namesFor(user->role))}});
}

StaffApi::Visibility StaffApi::visibilityOf(Core::Role role) const
{
    return {m_permissions.allows(role, Core::Permission::ReadClinical),
            m_permissions.allows(role, Core::Permission::ReadAppointments)};
}

bool StaffApi::mayReceive(const Visibility &visible, const QJsonObject &payload) const
{
    const qint64 conversationId = payload.value(u"conversationId").toInteger();
    if (conversationId == 0 || (visible.clinical && visible.appointments))
        return true;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT category FROM conversations WHERE id = ?"));
    q.addBindValue(conversationId);
    if (!q.exec() || !q.next())
        return false;
    return q.value(0).toString() == QLatin1String("APPOINTMENT") ? visible.appointments
                                                                 : visible.clinical;
}

QJsonObject StaffApi::eventFor(const Visibility &visibility, const Store::Event &e) const
{
    const bool visible = mayReceive(visibility, e.payload);
    return {{QStringLiteral("seq"), e.seq},
            {QStringLiteral("at"), e.at.toString(Qt::ISODateWithMs)},
            {QStringLiteral("kind"), visible ? e.kind : QStringLiteral("hidden")},
            {QStringLiteral("payload"), visible ? e.payload : QJsonObject()}};
}

std::optional<Core::User> StaffApi::authenticateToken(const QString &token, Denial *denial,
                                                      Activity activity)
{
    const QByteArray hash = Store::SessionRepository::hashToken(token);
    Store::SessionRepository sessions(m_db);
    const auto session = token.isEmpty() ? std::nullopt : sessions.find(hash);
    if (!session) {
        *denial = {QStringLiteral("not_signed_in"), QStringLiteral("Please sign in.")};
        return std::nullopt;
    }
    const QDateTime now = m_clock.now();
    if (now >= session->expiresAt || session->lastSeenAt.secsTo(now) >= m_idleSeconds) {
        (void)sessions.remove(hash);
        *denial = {QStringLiteral("session_expired"),
                   QStringLiteral("Your session has ended. Please sign in again.")};
        return std::nullopt;
    }
    auto user = Store::UserRepository(m_db, m_clock).findById(session->userId);
    if (!user || !user->active) {
        (void)sessions.remove(hash);
        *denial = {QStringLiteral("account_disabled"),
                   QStringLiteral("This account is deactivated. Ask an administrator.")};
        return std::nullopt;
    }
    if (activity == Activity::Staff)
        (void)sessions.touch(hash, now);
    return user;
}

std::optional<Core::User> StaffApi::authenticate(const QHttpServerRequest &request,
                                                 QHttpServerResponse *denied)
{
    Denial denial;
    // A console keeping its cache current in the background is not the person at the desk:
    // those requests must not keep an unattended session alive.
    const Activity activity = request.value(QByteArrayLiteral("X-Wardline-Background")) == "1"
                                  ? Activity::Background
                                  : Activity::Staff;
    auto user = authenticateToken(bearerToken(request), &denial, activity);
    if (!user)
        *denied = error(Status::Unauthorized, denial.code, denial.message);
    return user;
}

std::optional<Core::User> StaffApi::authorize(const QHttpServerRequest &request,
                                              Core::Permission permission, const QString &subject,
                                              QHttpServerResponse *denied)
{
    auto user = authenticate(request, denied);
    if (!user)
        return user;
    // A temporary password opens nothing but the change of password.
    if (user->mustChangePassword) {
        *denied = error(Status::Forbidden, QStringLiteral("password_change_required"),
                        QStringLiteral("Choose a new password before you continue."));
        return std::nullopt;
    }
    if (m_permissions.allows(user->role, permission))
        return user;
    // Refusals are audited: a pattern of them is what a privacy officer looks for.
    (void)Store::AuditLog(m_db, m_clock)
        .append(
            user->username, QStringLiteral("access.denied"), subject,
            origin(request, {{QStringLiteral("permission"), Core::permissionName(permission)}}));
    *denied = error(
        Status::Forbidden, QStringLiteral("forbidden"),
        QStringLiteral("Your role (%1) does not allow this.").arg(Core::roleName(user->role)));
    return std::nullopt;
}

QHttpServerResponse StaffApi::currentSession(const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto user = authenticate(request, &denied);
    if (!user)
        return denied;
    return QHttpServerResponse(
        QJsonObject{{QStringLiteral("user"), userJson(*user)},
                    {QStringLiteral("permissions"),
                     QJsonArray::fromStringList(m_permissions.namesFor(user->role))}});
}

QHttpServerResponse StaffApi::signOut(const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto user = authenticate(request, &denied);
    if (!user)
        return denied;
    const QByteArray hash = Store::SessionRepository::hashToken(bearerToken(request));
    if (m_db.transaction()) {
        const bool ok = Store::SessionRepository(m_db).remove(hash).ok() &&
                        Store::AuditLog(m_db, m_clock)
                            .append(user->username, QStringLiteral("session.sign_out"),
                                    QStringLiteral("user:%1").arg(user->id), origin(request))
                            .ok();
        if (!ok || !m_db.commit())
            (void)m_db.rollback();
    }
    return QHttpServerResponse(Status::NoContent);
}

} // namespace Wardline::Hub
