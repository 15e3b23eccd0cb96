#include "hub/cannedresponseapi.h"

#include "core/clock.h"
#include "core/permissions.h"
#include "hub/hubconfig.h"
#include "hub/sitesettings.h"
#include "hub/staffapi.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/eventlog.h"
#include "whatsapp/sendlimits.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>

namespace Wardline::Hub {

using Core::Permission;
using Status = QHttpServerResponse::StatusCode;

namespace {
constexpr qsizetype TitleMax = 80;

// Which site setting fills each of the site's placeholders.
const QList<std::pair<QString, QString>> &sitePlaceholders()
{
    static const QList<std::pair<QString, QString>> all = {
        {QStringLiteral("site_name"), QStringLiteral("site/location_name")},
        {QStringLiteral("site_address"), QStringLiteral("site/location_address")},
        {QStringLiteral("site_phone"), QStringLiteral("site/phone")},
        {QStringLiteral("emergency_number"), QStringLiteral("site/emergency_number")},
    };
    return all;
}

QHttpServerResponse refusal(Status status, const QString &code, const QString &message,
                            const QString &field)
{
    return QHttpServerResponse(
        QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                          {QStringLiteral("message"), message},
                                                          {QStringLiteral("field"), field}}}},
        status);
}

QHttpServerResponse busy()
{
    return StaffApi::error(Status::ServiceUnavailable, QStringLiteral("busy"),
                           QStringLiteral("The hub is busy; try again in a moment."));
}
} // namespace

CannedResponseApi::CannedResponseApi(QSqlDatabase db, StaffApi &staff, const Core::Clock &clock,
                                     QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_staff(staff)
    , m_clock(clock)
{
}

void CannedResponseApi::addRoutes(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    const QString path = QStringLiteral("/api/v1/canned-responses");
    server.route(path, Method::Get,
                 [this](const QHttpServerRequest &request) { return list(request); });
    server.route(path, Method::Post,
                 [this](const QHttpServerRequest &request) { return create(request); });
    server.route(
        path + QStringLiteral("/<arg>"), Method::Put,
        [this](qint64 id, const QHttpServerRequest &request) { return update(id, request); });
    server.route(
        path + QStringLiteral("/<arg>"), Method::Delete,
        [this](qint64 id, const QHttpServerRequest &request) { return remove(id, request); });
}

const QStringList &CannedResponseApi::placeholders()
{
    static const QStringList all = [] {
        // The patient's and the staff member's are filled by the console that inserts it.
        QStringList names{QStringLiteral("patient_first_name"), QStringLiteral("staff_name")};
        for (const auto &[name, key] : sitePlaceholders())
            names.append(name);
        return names;
    }();
    return all;
}

std::optional<QString> CannedResponseApi::problemWith(const QJsonObject &fields, QString *field)
{
    static const QRegularExpression shortcutForm(QStringLiteral("^/[a-z0-9][a-z0-9_-]{0,31}$"));
    static const QRegularExpression languageForm(QStringLiteral("^[a-z]{2,3}(_[A-Z]{2})?$"));
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z0-9_]+)\\}"));
    const QString shortcut = fields.value(u"shortcut").toString();
    const QString language = fields.value(u"language").toString();
    const QString title = fields.value(u"title").toString().trimmed();
    const QString body = fields.value(u"body").toString();
    if (!shortcutForm.match(shortcut).hasMatch()) {
        *field = QStringLiteral("shortcut");
        return QStringLiteral("A shortcut is / followed by up to 32 lower-case letters, digits, - "
                              "or _, like /directions.");
    }
    if (!languageForm.match(language).hasMatch()) {
        *field = QStringLiteral("language");
        return QStringLiteral("The language is a code like en or es.");
    }
    if (title.isEmpty() || title.size() > TitleMax) {
        *field = QStringLiteral("title");
        return QStringLiteral("Give it a title of at most %1 characters.").arg(TitleMax);
    }
    if (body.trimmed().isEmpty() || body.size() > WhatsApp::SendLimits::TextBodyMax) {
        *field = QStringLiteral("body");
        return QStringLiteral("The text must not be empty, and WhatsApp takes at most %1 "
                              "characters in one message.")
            .arg(WhatsApp::SendLimits::TextBodyMax);
    }
    for (auto it = placeholder.globalMatch(body); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!placeholders().contains(name)) {
            *field = QStringLiteral("body");
            return QStringLiteral("{%1} is not a placeholder Wardline fills; use {%2}.")
                .arg(name, placeholders().join(QStringLiteral("}, {")));
        }
    }
    return std::nullopt;
}

QHash<QString, QString> CannedResponseApi::siteValues() const
{
    QHash<QString, QString> values;
    QSqlQuery q(m_db);
    for (const auto &[name, key] : sitePlaceholders()) {
        QString value;
        q.prepare(QStringLiteral("SELECT value FROM hub_settings WHERE key = ?"));
        q.addBindValue(key);
        if (q.exec() && q.next()) {
            value = q.value(0).toString();
        } else {
            for (const SettingSpec &spec : SiteSettings::specs()) {
                if (key == QLatin1String(spec.key))
                    value = QString::fromUtf8(spec.defaultValue);
            }
        }
        if (!value.trimmed().isEmpty())
            values.insert(name, value.trimmed());
    }
    return values;
}

QHttpServerResponse CannedResponseApi::list(const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    // Staff who write to patients insert them; administrators keep them (and send nothing).
    auto user = m_staff.authenticate(request, &denied);
    if (!user)
        return denied;
    if (!m_staff.permissions().allows(user->role, Permission::SendMessage)) {
        user = m_staff.authorize(request, Permission::ManageSettings,
                                 QStringLiteral("canned_responses"), &denied);
        if (!user)
            return denied;
    }
    const QString language = QUrlQuery(request.url()).queryItemValue(QStringLiteral("language"));
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, shortcut, language, title, body, updated_by, updated_at "
                             "FROM canned_responses WHERE ? = '' OR language = ? "
                             "ORDER BY language, shortcut"));
    q.addBindValue(language);
    q.addBindValue(language);
    if (!q.exec())
        return StaffApi::error(Status::InternalServerError, QStringLiteral("storage"),
                               Store::Database::describe(q.lastError()));
    const QHash<QString, QString> site = siteValues();
    QJsonArray all;
    while (q.next()) {
        const QString body = q.value(4).toString();
        QString text = body;
        // Only the values the site has: an unset one stays visible for the nurse to fill.
        for (auto it = site.cbegin(); it != site.cend(); ++it)
            text.replace(u'{' + it.key() + u'}', it.value());
        all.append(QJsonObject{{QStringLiteral("id"), q.value(0).toLongLong()},
                               {QStringLiteral("shortcut"), q.value(1).toString()},
                               {QStringLiteral("language"), q.value(2).toString()},
                               {QStringLiteral("title"), q.value(3).toString()},
                               {QStringLiteral("body"), body},
                               {QStringLiteral("text"), text},
                               {QStringLiteral("updatedBy"), q.value(5).toString()},
                               {QStringLiteral("updatedAt"), q.value(6).toString()}});
    }
    return QHttpServerResponse(
        QJsonObject{{QStringLiteral("cannedResponses"), all},
                    {QStringLiteral("placeholders"), QJsonArray::fromStringList(placeholders())}});
}

QHttpServerResponse CannedResponseApi::create(const QHttpServerRequest &request)
{
    return save(0, request);
}

QHttpServerResponse CannedResponseApi::update(qint64 id, const QHttpServerRequest &request)
{
    return id > 0 ? save(id, request)
                  : StaffApi::error(Status::NotFound, QStringLiteral("not_found"),
                                    QStringLiteral("This canned response does not exist."));
}

QHttpServerResponse CannedResponseApi::save(qint64 id, const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto user = m_staff.authorize(request, Permission::ManageSettings,
                                        QStringLiteral("canned_responses"), &denied);
    if (!user)
        return denied;
    const QJsonObject fields = QJsonDocument::fromJson(request.body()).object();
    QString field;
    if (const auto problem = problemWith(fields, &field))
        return refusal(Status::BadRequest, QStringLiteral("invalid_canned_response"), *problem,
                       field);
    const QString shortcut = fields.value(u"shortcut").toString();
    const QString language = fields.value(u"language").toString();
    QSqlQuery q(m_db);
    if (id > 0) {
        q.prepare(QStringLiteral("SELECT 1 FROM canned_responses WHERE id = ?"));
        q.addBindValue(id);
        if (!q.exec() || !q.next())
            return StaffApi::error(Status::NotFound, QStringLiteral("not_found"),
                                   QStringLiteral("This canned response no longer exists; "
                                                  "another administrator may have deleted it."));
    }
    q.prepare(QStringLiteral("SELECT id FROM canned_responses WHERE language = ? AND shortcut = ? "
                             "AND id <> ?"));
    q.addBindValue(language);
    q.addBindValue(shortcut);
    q.addBindValue(id);
    if (q.exec() && q.next())
        return refusal(Status::Conflict, QStringLiteral("shortcut_taken"),
                       QStringLiteral("%1 is already the shortcut of another canned response in "
                                      "this language; choose another one.")
                           .arg(shortcut),
                       QStringLiteral("shortcut"));
    q.finish();
    if (!m_db.transaction())
        return busy();
    const QVariantList values{shortcut,
                              language,
                              fields.value(u"title").toString().trimmed(),
                              fields.value(u"body").toString(),
                              user->username,
                              m_clock.now()};
    QSqlQuery write(m_db);
    if (id > 0) {
        write.prepare(QStringLiteral("UPDATE canned_responses SET shortcut = ?, language = ?, "
                                     "title = ?, body = ?, updated_by = ?, updated_at = ? "
                                     "WHERE id = ?"));
    } else {
        write.prepare(QStringLiteral("INSERT INTO canned_responses (shortcut, language, title, "
                                     "body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)"));
    }
    for (const QVariant &v : values)
        write.addBindValue(v);
    if (id > 0)
        write.addBindValue(id);
    bool saved = write.exec();
    const qint64 savedId = id > 0 ? id : write.lastInsertId().toLongLong();
    const QJsonObject what{{QStringLiteral("shortcut"), shortcut},
                           {QStringLiteral("language"), language}};
    saved = saved && Store::AuditLog(m_db, m_clock)
                         .append(user->username,
                                 id > 0 ? QStringLiteral("canned_response.update")
                                        : QStringLiteral("canned_response.create"),
                                 QStringLiteral("canned_response:%1").arg(savedId),
                                 StaffApi::origin(request, what))
                         .ok();
    saved = saved && Store::EventLog(m_db)
                         .append(QStringLiteral("canned_responses.changed"),
                                 {{QStringLiteral("id"), savedId}}, m_clock.now())
                         .ok();
    if (!saved || !m_db.commit()) {
        (void)m_db.rollback();
        return StaffApi::error(Status::ServiceUnavailable, QStringLiteral("not_saved"),
                               QStringLiteral("The canned response could not be saved; try "
                                              "again."));
    }
    return QHttpServerResponse(QJsonObject{{QStringLiteral("id"), savedId}},
                               id > 0 ? Status::Ok : Status::Created);
}

QHttpServerResponse CannedResponseApi::remove(qint64 id, const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto user = m_staff.authorize(request, Permission::ManageSettings,
                                        QStringLiteral("canned_responses"), &denied);
    if (!user)
        return denied;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT shortcut, language FROM canned_responses WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return StaffApi::error(Status::NotFound, QStringLiteral("not_found"),
                               QStringLiteral("This canned response no longer exists."));
    const QJsonObject what{{QStringLiteral("shortcut"), q.value(0).toString()},
                           {QStringLiteral("language"), q.value(1).toString()}};
    q.finish();
    if (!m_db.transaction())
        return busy();
    Core::Status done = Store::Database::exec(
        m_db, QStringLiteral("DELETE FROM canned_responses WHERE id = ?"), {id});
    if (done)
        done = Store::AuditLog(m_db, m_clock)
                   .append(user->username, QStringLiteral("canned_response.delete"),
                           QStringLiteral("canned_response:%1").arg(id),
                           StaffApi::origin(request, what));
    if (done) {
        auto e = Store::EventLog(m_db).append(QStringLiteral("canned_responses.changed"),
                                              {{QStringLiteral("id"), id}}, m_clock.now());
        if (!e)
            done = Core::Status::failure(e.error());
    }
    if (!done || !m_db.commit()) {
        (void)m_db.rollback();
        return StaffApi::error(Status::ServiceUnavailable, QStringLiteral("not_saved"),
                               QStringLiteral("The canned response could not be deleted; try "
                                              "again."));
    }
    return QHttpServerResponse(Status::NoContent);
}

} // namespace Wardline::Hub
