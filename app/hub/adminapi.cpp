#include "hub/adminapi.h"

#include "core/clock.h"
#include "core/permissions.h"
#include "hub/hubconfig.h"
#include "hub/sitesettings.h"
#include "hub/staffapi.h"
#include "hub/templatesync.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/eventlog.h"
#include "whatsapp/graphtemplate.h"

#include <QCryptographicHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>

namespace Wardline::Hub {

using Core::Permission;
using Status = QHttpServerResponse::StatusCode;

namespace {
// The numbers one query returns (ids), in order.
QList<qint64> ids(QSqlDatabase db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    QList<qint64> found;
    if (q.exec()) {
        while (q.next())
            found.append(q.value(0).toLongLong());
    }
    return found;
}

QString placeholders(qsizetype n)
{
    QStringList marks(n, QStringLiteral("?"));
    return marks.join(u',');
}

QVariantList variants(const QList<qint64> &numbers)
{
    QVariantList out;
    out.reserve(numbers.size());
    for (qint64 n : numbers)
        out.append(n);
    return out;
}

// The patients an auditor means by \a term: a record number, a phone number (digits, with or
// without +) or part of a name.
QList<qint64> patientsMatching(QSqlDatabase db, const QString &term)
{
    QString digits = term.trimmed();
    if (digits.startsWith(u'+'))
        digits.remove(0, 1);
    digits.remove(u' ').remove(u'-');
    bool number = false;
    (void)digits.toLongLong(&number);
    if (number && !term.trimmed().startsWith(u'+') && digits.size() < 7)
        return ids(db, QStringLiteral("SELECT id FROM patients WHERE id = ?"),
                   {digits.toLongLong()});
    if (number)
        return ids(db,
                   QStringLiteral("SELECT id FROM patients WHERE wa_id = ? OR phone_e164 = ? OR "
                                  "phone_e164 = ? ORDER BY id LIMIT 50"),
                   {digits, digits, QString(u'+' + digits)});
    const QString like = u'%' + term.trimmed().toLower() + u'%';
    return ids(db,
               QStringLiteral("SELECT id FROM patients WHERE lower(display_name) LIKE ? OR "
                              "lower(profile_name) LIKE ? ORDER BY id LIMIT 50"),
               {like, like});
}

// Every audit subject that is about one of \a patients: the patient, their conversations,
// appointments, wound photos and media files.
QStringList subjectsOf(QSqlDatabase db, const QList<qint64> &patients)
{
    QStringList subjects;
    if (patients.isEmpty())
        return subjects;
    const auto add = [&subjects](const char *kind, const QList<qint64> &numbers) {
        for (qint64 n : numbers)
            subjects.append(QLatin1String(kind) + QString::number(n));
    };
    const QString in = placeholders(patients.size());
    const QVariantList patientIds = variants(patients);
    add("patient:", patients);
    add("appointment:",
        ids(db, QStringLiteral("SELECT id FROM appointments WHERE patient_id IN (%1)").arg(in),
            patientIds));
    const QList<qint64> conversations =
        ids(db, QStringLiteral("SELECT id FROM conversations WHERE patient_id IN (%1)").arg(in),
            patientIds);
    add("conversation:", conversations);
    if (conversations.isEmpty())
        return subjects;
    const QString inConversations = placeholders(conversations.size());
    const QVariantList conversationIds = variants(conversations);
    add("photo:", ids(db,
                      QStringLiteral("SELECT id FROM photo_reviews WHERE conversation_id IN (%1)")
                          .arg(inConversations),
                      conversationIds));
    add("media:", ids(db,
                      QStringLiteral("SELECT m.id FROM media m JOIN messages x ON x.id = "
                                     "m.message_id WHERE x.conversation_id IN (%1)")
                          .arg(inConversations),
                      conversationIds));
    return subjects;
}
} // namespace

AdminApi::AdminApi(QSqlDatabase db, StaffApi &staff, const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_staff(staff)
    , m_clock(clock)
{
}

void AdminApi::addRoutes(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/api/v1/settings"), Method::Get,
                 [this](const QHttpServerRequest &request) { return settings(request); });
    server.route(QStringLiteral("/api/v1/settings"), Method::Put,
                 [this](const QHttpServerRequest &request) { return changeSettings(request); });
    server.route(QStringLiteral("/api/v1/audit"), Method::Get,
                 [this](const QHttpServerRequest &request) { return audit(request); });
    server.route(QStringLiteral("/api/v1/audit/verify"), Method::Get,
                 [this](const QHttpServerRequest &request) { return verifyAudit(request); });
    server.route(QStringLiteral("/api/v1/templates"), Method::Post,
                 [this](const QHttpServerRequest &request) { return submitTemplate(request); });
}

QHttpServerResponse AdminApi::settings(const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    if (!m_staff.authorize(request, Permission::ManageSettings, QStringLiteral("settings"),
                           &denied))
        return denied;
    QJsonArray all;
    QSqlQuery q(m_db);
    for (const SettingSpec &spec : SiteSettings::specs()) {
        q.prepare(QStringLiteral("SELECT value FROM hub_settings WHERE key = ?"));
        q.addBindValue(QLatin1String(spec.key));
        const bool set = q.exec() && q.next();
        all.append(QJsonObject{{QStringLiteral("key"), QLatin1String(spec.key)},
                               {QStringLiteral("value"),
                                set ? q.value(0).toString() : QString::fromUtf8(spec.defaultValue)},
                               {QStringLiteral("default"), QString::fromUtf8(spec.defaultValue)},
                               {QStringLiteral("help"), QString::fromUtf8(spec.help)}});
    }
    return QHttpServerResponse(QJsonObject{{QStringLiteral("settings"), all}});
}

QHttpServerResponse AdminApi::changeSettings(const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto user =
        m_staff.authorize(request, Permission::ManageSettings, QStringLiteral("settings"), &denied);
    if (!user)
        return denied;
    const QJsonObject changes = QJsonDocument::fromJson(request.body()).object();
    if (changes.isEmpty())
        return StaffApi::error(
            Status::BadRequest, QStringLiteral("bad_request"),
            QStringLiteral("Send the settings to change as {\"key\": \"value\"}."));
    if (!m_db.transaction())
        return StaffApi::error(Status::ServiceUnavailable, QStringLiteral("busy"),
                               QStringLiteral("The hub is busy; try again in a moment."));
    // All or nothing: one bad value leaves every setting as it was.
    Core::Status saved;
    QString refusedKey; // named in the answer, so a console shows the error beside its field
    for (auto it = changes.begin(); saved && it != changes.end(); ++it) {
        saved = SiteSettings::set(m_db, it.key(), it.value().toVariant().toString());
        if (!saved)
            refusedKey = it.key();
        if (saved)
            saved = Store::AuditLog(m_db, m_clock)
                        .append(user->username, QStringLiteral("settings.change"),
                                QStringLiteral("setting:") + it.key(), StaffApi::origin(request));
    }
    if (saved) {
        auto e = Store::EventLog(m_db).append(
            QStringLiteral("settings.changed"),
            {{QStringLiteral("keys"), QJsonArray::fromStringList(changes.keys())}}, m_clock.now());
        if (!e)
            saved = Core::Status::failure(e.error());
    }
    if (!saved || !m_db.commit()) {
        (void)m_db.rollback();
        return QHttpServerResponse(
            QJsonObject{{QStringLiteral("error"),
                         QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid_setting")},
                                     {QStringLiteral("message"),
                                      saved ? QStringLiteral("The settings could not be saved.")
                                            : saved.error()},
                                     {QStringLiteral("key"), refusedKey}}}},
            Status::BadRequest);
    }
    return QHttpServerResponse(Status::NoContent);
}

QHttpServerResponse AdminApi::audit(const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto user =
        m_staff.authorize(request, Permission::ViewAudit, QStringLiteral("audit"), &denied);
    if (!user)
        return denied;
    const QUrlQuery query(request.url());
    const auto value = [&query](const char *name) {
        return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    QString where = QStringLiteral("1 = 1");
    QVariantList bound;
    // Filters are exact (actor, action) or a prefix (subject: "patient:12", "conversation:");
    // times are ISO 8601.
    if (const QString actor = value("actor"); !actor.isEmpty()) {
        where += QStringLiteral(" AND actor = ?");
        bound.append(actor);
    }
    if (const QString action = value("action"); !action.isEmpty()) {
        where += QStringLiteral(" AND action = ?");
        bound.append(action);
    }
    if (const QString subject = value("subject"); !subject.isEmpty()) {
        where += QStringLiteral(" AND substr(subject, 1, ?) = ?");
        bound.append(subject.size());
        bound.append(subject);
    }
    // Everything about a patient, found by record number, phone or name: the access report an
    // auditor is asked for ("who opened this patient's records").
    QJsonArray matchedPatients;
    if (const QString patient = value("patient"); !patient.trimmed().isEmpty()) {
        const QList<qint64> patients = patientsMatching(m_db, patient);
        for (qint64 id : patients)
            matchedPatients.append(id);
        const QStringList subjects = subjectsOf(m_db, patients);
        if (subjects.isEmpty()) {
            where += QStringLiteral(" AND 1 = 0");
        } else {
            where += QStringLiteral(" AND subject IN (%1)").arg(placeholders(subjects.size()));
            for (const QString &subject : subjects)
                bound.append(subject);
        }
    }
    for (const char *bound_ : {"from", "to"}) {
        const QString text = value(bound_);
        if (text.isEmpty())
            continue;
        const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!at.isValid())
            return StaffApi::error(Status::BadRequest, QStringLiteral("bad_request"),
                                   QStringLiteral("from and to are ISO 8601 times."));
        where += qstrcmp(bound_, "from") == 0 ? QStringLiteral(" AND at >= ?")
                                              : QStringLiteral(" AND at < ?");
        bound.append(at);
    }
    const int limit = std::clamp(value("limit").isEmpty() ? 200 : value("limit").toInt(), 1, 5000);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, at, actor, action, subject, detail FROM audit_log "
                             "WHERE ") +
              where + QStringLiteral(" ORDER BY id DESC LIMIT %1").arg(limit));
    for (const QVariant &v : std::as_const(bound))
        q.addBindValue(v);
    if (!q.exec())
        return StaffApi::error(Status::InternalServerError, QStringLiteral("storage"),
                               Store::Database::describe(q.lastError()));
    QJsonArray entries;
    while (q.next())
        entries.append(QJsonObject{{QStringLiteral("id"), q.value(0).toLongLong()},
                                   {QStringLiteral("at"), q.value(1).toString()},
                                   {QStringLiteral("actor"), q.value(2).toString()},
                                   {QStringLiteral("action"), q.value(3).toString()},
                                   {QStringLiteral("subject"), q.value(4).toString()},
                                   {QStringLiteral("detail"), q.value(5).toString()}});
    q.finish();
    // Reading the trail is itself on the trail, with the patients looked up.
    const bool byPatient = query.hasQueryItem(QStringLiteral("patient"));
    (void)Store::AuditLog(m_db, m_clock)
        .append(user->username, QStringLiteral("audit.view"), QStringLiteral("audit"),
                StaffApi::origin(
                    request, byPatient ? QJsonObject{{QStringLiteral("patients"), matchedPatients}}
                                       : QJsonObject{}));
    QJsonObject answer{{QStringLiteral("entries"), entries}};
    if (byPatient)
        answer.insert(QStringLiteral("patients"), matchedPatients);
    return QHttpServerResponse(answer);
}

QHttpServerResponse AdminApi::verifyAudit(const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    if (!m_staff.authorize(request, Permission::ViewAudit, QStringLiteral("audit"), &denied))
        return denied;
    const auto verified = Store::AuditLog(m_db, m_clock).verify();
    return QHttpServerResponse(verified
                                   ? QJsonObject{{QStringLiteral("intact"), true},
                                                 {QStringLiteral("entries"), verified.value()}}
                                   : QJsonObject{{QStringLiteral("intact"), false},
                                                 {QStringLiteral("problem"), verified.error()}});
}

QHttpServerResponse AdminApi::submitTemplate(const QHttpServerRequest &request)
{
    QHttpServerResponse denied(Status::Unauthorized);
    const auto user = m_staff.authorize(request, Permission::ManageTemplates,
                                        QStringLiteral("templates"), &denied);
    if (!user)
        return denied;
    QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    body.insert(QStringLiteral("parameter_format"), body.value(u"parameterFormat"));
    // An image heading's example, chosen by the administrator as a file: kept by the hub and
    // uploaded through Meta's Resumable Upload API for its handle when the template is
    // submitted (TemplateSync::ExamplePrefix).
    const QJsonObject headerImage = body.value(u"headerImage").toObject();
    const QByteArray exampleBytes =
        QByteArray::fromBase64(headerImage.value(u"data").toString().toLatin1());
    QString exampleType;
    qsizetype imageHeader = -1;
    if (!headerImage.isEmpty()) {
        if (exampleBytes.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8)))
            exampleType = QStringLiteral("image/png");
        else if (exampleBytes.startsWith(QByteArray("\xff\xd8\xff", 3)))
            exampleType = QStringLiteral("image/jpeg");
        if (exampleType.isEmpty() || exampleBytes.size() > 5 * 1024 * 1024)
            return StaffApi::error(Status::BadRequest, QStringLiteral("bad_example"),
                                   QStringLiteral("The example image must be a JPEG or PNG "
                                                  "picture of at most 5 MB."));
        QJsonArray components = body.value(u"components").toArray();
        for (qsizetype i = 0; i < components.size(); ++i) {
            QJsonObject c = components.at(i).toObject();
            if (c.value(u"type").toString().toUpper() != u"HEADER" ||
                c.value(u"format").toString().toUpper() != u"IMAGE")
                continue;
            // Named for now; the file's own id once it is kept below.
            c.insert(QStringLiteral("example"),
                     QJsonObject{
                         {QStringLiteral("header_handle"),
                          QJsonArray{QString(TemplateSync::ExamplePrefix + QStringLiteral("0"))}}});
            components.replace(i, c);
            imageHeader = i;
        }
        body.insert(QStringLiteral("components"), components);
    }
    // A media heading read back names the hub's kept example: only a template's own example
    // may be named so, never another file of the hub (a patient's photo).
    if (imageHeader < 0) {
        const QJsonArray components = body.value(u"components").toArray();
        for (const QJsonValue &c : components) {
            const QString handle = c.toObject()
                                       .value(u"example")
                                       .toObject()
                                       .value(u"header_handle")
                                       .toArray()
                                       .at(0)
                                       .toString();
            if (!handle.startsWith(TemplateSync::ExamplePrefix))
                continue;
            QSqlQuery known(m_db);
            known.prepare(QStringLiteral("SELECT count(*) FROM templates WHERE components LIKE ?"));
            known.addBindValue(QString(QStringLiteral("%\"") + handle + QStringLiteral("\"%")));
            if (!known.exec() || !known.next() || known.value(0).toInt() == 0)
                return StaffApi::error(Status::BadRequest, QStringLiteral("bad_example"),
                                       QStringLiteral("Choose the example image again."));
        }
    }
    auto definition = WhatsApp::GraphTemplate::fromJson(body);
    if (!definition)
        return StaffApi::error(Status::BadRequest, QStringLiteral("invalid_template"),
                               QStringLiteral("A template needs a name."));
    // The same rules Meta applies, so the administrator hears about them now, not in a day.
    if (const Core::Status valid = definition->checkDefinition(); !valid)
        return StaffApi::error(Status::BadRequest, QStringLiteral("invalid_template"),
                               valid.error());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT status FROM templates WHERE name = ? AND language = ?"));
    q.addBindValue(definition->name);
    q.addBindValue(definition->language);
    if (q.exec() && q.next() && q.value(0).toString() != QLatin1String("REJECTED"))
        return StaffApi::error(Status::Conflict, QStringLiteral("template_exists"),
                               QStringLiteral("This template already exists in this language "
                                              "(%1); add another language or choose a new name.")
                                   .arg(q.value(0).toString()));
    q.finish();
    if (!m_db.transaction())
        return StaffApi::error(Status::ServiceUnavailable, QStringLiteral("busy"),
                               QStringLiteral("The hub is busy; try again in a moment."));
    const QString subject =
        QStringLiteral("template:%1/%2").arg(definition->name, definition->language);
    if (imageHeader >= 0) {
        QSqlQuery keep(m_db);
        keep.prepare(QStringLiteral("INSERT INTO media (mime_type, sha256, size, data, state, "
                                    "fetched_at) VALUES (?, ?, ?, ?, 'stored', ?)"));
        keep.addBindValue(exampleType);
        keep.addBindValue(QString::fromLatin1(
            QCryptographicHash::hash(exampleBytes, QCryptographicHash::Sha256).toHex()));
        keep.addBindValue(exampleBytes.size());
        keep.addBindValue(exampleBytes);
        keep.addBindValue(m_clock.now());
        if (!keep.exec()) {
            (void)m_db.rollback();
            return StaffApi::error(Status::ServiceUnavailable, QStringLiteral("not_saved"),
                                   QStringLiteral("The template could not be saved; try again."));
        }
        QJsonObject header = definition->components.at(imageHeader).toObject();
        header.insert(
            QStringLiteral("example"),
            QJsonObject{{QStringLiteral("header_handle"),
                         QJsonArray{QString(TemplateSync::ExamplePrefix +
                                            QString::number(keep.lastInsertId().toLongLong()))}}});
        definition->components.replace(imageHeader, header);
    }
    Core::Status saved = Store::Database::exec(
        m_db,
        QStringLiteral("INSERT INTO templates (name, language, category, status, components, "
                       "reason, parameter_format, updated_at) VALUES (?, ?, ?, 'SUBMITTING', ?, "
                       "'', ?, ?) ON CONFLICT (name, language) DO UPDATE SET category = "
                       "excluded.category, status = 'SUBMITTING', components = "
                       "excluded.components, reason = '', parameter_format = "
                       "excluded.parameter_format, updated_at = excluded.updated_at"),
        {definition->name, definition->language, definition->category,
         QString::fromUtf8(QJsonDocument(definition->components).toJson(QJsonDocument::Compact)),
         definition->parameterFormat, m_clock.now()});
    if (saved)
        saved = Store::AuditLog(m_db, m_clock)
                    .append(user->username, QStringLiteral("template.submit"), subject,
                            StaffApi::origin(request));
    if (!saved || !m_db.commit()) {
        (void)m_db.rollback();
        return StaffApi::error(Status::ServiceUnavailable, QStringLiteral("not_saved"),
                               QStringLiteral("The template could not be saved; try again."));
    }
    if (m_submitTemplates)
        m_submitTemplates();
    return QHttpServerResponse(
        QJsonObject{{QStringLiteral("status"), QStringLiteral("SUBMITTING")}}, Status::Accepted);
}

} // namespace Wardline::Hub
