#include "console/adminclient.h"

#include "console/hubclient.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace Wardline::Console {

using Core::Result;
using Core::Status;

namespace {
QDateTime timeFrom(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODate);
}

Core::User userFrom(const QJsonObject &json)
{
    Core::User u;
    u.id = json.value(u"id").toInteger();
    u.username = json.value(u"username").toString();
    u.displayName = json.value(u"displayName").toString();
    u.role = Core::roleFromName(json.value(u"role").toString()).value_or(Core::Role::Nurse);
    u.active = json.value(u"active").toBool();
    u.mustChangePassword = json.value(u"mustChangePassword").toBool();
    u.failedSignIns = json.value(u"failedSignIns").toInt();
    u.lockedUntil = timeFrom(json.value(u"lockedUntil"));
    u.lastSignIn = timeFrom(json.value(u"lastSignIn"));
    u.createdAt = timeFrom(json.value(u"createdAt"));
    return u;
}

QString userPath(qint64 id, const QString &action = {})
{
    QString path = QStringLiteral("/api/v1/users/%1").arg(id);
    if (!action.isEmpty())
        path += u'/' + action;
    return path;
}
} // namespace

AdminClient::AdminClient(HubClient &hub, HubSession session, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_session(std::move(session))
{
}

void AdminClient::users(Done<QList<Core::User>> done)
{
    // A desk the administrator is looking at: it counts as their activity.
    m_hub.send(m_session, "GET", QStringLiteral("/api/v1/users"), {}, this,
               [done = std::move(done)](const HubReply &reply) {
                   if (!reply.ok())
                       return done(Result<QList<Core::User>>::failure(reply.error));
                   QList<Core::User> all;
                   const QJsonArray users = reply.body.value(u"users").toArray();
                   for (const QJsonValue &u : users)
                       all.append(userFrom(u.toObject()));
                   done(std::move(all));
               });
}

void AdminClient::createUser(const QString &username, const QString &displayName, Core::Role role,
                             Done<QString> done)
{
    m_hub.send(m_session, "POST", QStringLiteral("/api/v1/users"),
               {{QStringLiteral("username"), username},
                {QStringLiteral("displayName"), displayName},
                {QStringLiteral("role"), Core::roleName(role)}},
               this, [done = std::move(done)](const HubReply &reply) {
                   const QString password = reply.body.value(u"temporaryPassword").toString();
                   if (!reply.ok() || password.isEmpty())
                       return done(Result<QString>::failure(reply.error));
                   done(password);
               });
}

void AdminClient::updateUser(qint64 id, const QString &displayName, Core::Role role, bool active,
                             StatusDone done)
{
    m_hub.send(m_session, "PATCH", userPath(id),
               {{QStringLiteral("displayName"), displayName},
                {QStringLiteral("role"), Core::roleName(role)},
                {QStringLiteral("active"), active}},
               this, [done = std::move(done)](const HubReply &reply) {
                   done(reply.ok() ? Status() : Status::failure(reply.error));
               });
}

void AdminClient::resetPassword(qint64 id, Done<QString> done)
{
    m_hub.send(m_session, "POST", userPath(id, QStringLiteral("reset-password")), {}, this,
               [done = std::move(done)](const HubReply &reply) {
                   const QString password = reply.body.value(u"temporaryPassword").toString();
                   if (!reply.ok() || password.isEmpty())
                       return done(Result<QString>::failure(reply.error));
                   done(password);
               });
}

void AdminClient::unlock(qint64 id, StatusDone done)
{
    m_hub.send(m_session, "POST", userPath(id, QStringLiteral("unlock")), {}, this,
               [done = std::move(done)](const HubReply &reply) {
                   done(reply.ok() ? Status() : Status::failure(reply.error));
               });
}

void AdminClient::settings(Done<QList<SiteSetting>> done)
{
    m_hub.send(m_session, "GET", QStringLiteral("/api/v1/settings"), {}, this,
               [done = std::move(done)](const HubReply &reply) {
                   if (!reply.ok())
                       return done(Result<QList<SiteSetting>>::failure(reply.error));
                   QList<SiteSetting> all;
                   const QJsonArray settings = reply.body.value(u"settings").toArray();
                   for (const QJsonValue &v : settings) {
                       const QJsonObject s = v.toObject();
                       all.append({s.value(u"key").toString(), s.value(u"value").toString(),
                                   s.value(u"default").toString(), s.value(u"help").toString()});
                   }
                   done(std::move(all));
               });
}

void AdminClient::saveSettings(const QHash<QString, QString> &changes,
                               std::function<void(std::optional<SettingsRefusal>)> done)
{
    QJsonObject body;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it)
        body.insert(it.key(), it.value());
    m_hub.send(
        m_session, "PUT", QStringLiteral("/api/v1/settings"), body, this,
        [done = std::move(done)](const HubReply &reply) {
            if (reply.ok())
                return done(std::nullopt);
            done(SettingsRefusal{reply.body.value(u"error").toObject().value(u"key").toString(),
                                 reply.error});
        });
}

void AdminClient::permissionTable(Done<QList<PermissionCell>> done)
{
    m_hub.get(m_session, QStringLiteral("/api/v1/permissions"), {}, this,
              [done = std::move(done)](const HubReply &reply) {
                  if (!reply.ok())
                      return done(Core::Result<QList<PermissionCell>>::failure(reply.error));
                  QList<PermissionCell> cells;
                  for (const QJsonValue &value : reply.body.value(u"cells").toArray()) {
                      const QJsonObject o = value.toObject();
                      const auto role = Core::roleFromName(o.value(u"role").toString());
                      const auto permission =
                          Core::permissionFromName(o.value(u"permission").toString());
                      if (!role || !permission)
                          continue; // a newer hub's permission this console cannot show
                      cells.append({*role, *permission, o.value(u"allowed").toBool(),
                                    o.value(u"default").toBool(), o.value(u"locked").toBool(),
                                    o.value(u"lockReason").toString()});
                  }
                  done(std::move(cells));
              });
}

void AdminClient::savePermissions(const QList<PermissionCell> &changes, const QString &reason,
                                  std::function<void(std::optional<PermissionRefusal>)> done)
{
    QJsonArray list;
    for (const PermissionCell &c : changes)
        list.append(QJsonObject{{QStringLiteral("role"), Core::roleName(c.role)},
                                {QStringLiteral("permission"), Core::permissionName(c.permission)},
                                {QStringLiteral("allowed"), c.allowed}});
    QJsonObject body{{QStringLiteral("changes"), list}};
    if (!reason.trimmed().isEmpty())
        body.insert(QStringLiteral("reason"), reason.trimmed());
    m_hub.send(
        m_session, "PUT", QStringLiteral("/api/v1/permissions"), body, this,
        [done = std::move(done)](const HubReply &reply) {
            if (reply.ok())
                return done(std::nullopt);
            done(PermissionRefusal{reply.body.value(u"error").toObject().value(u"code").toString(),
                                   reply.error});
        });
}

} // namespace Wardline::Console
