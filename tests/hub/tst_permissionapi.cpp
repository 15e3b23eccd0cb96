// The editable permission table on a real hub (in-process, real sockets, real encrypted
// database): a change is enforced at the next request, locked cells and inconsistent tables are
// refused, an administrator widening their own role must say why, and every change is audited.
#include "core/clock.h"
#include "core/crypto.h"
#include "hub/hubconfig.h"
#include "hub/hubdatabase.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "hub/permissiontable.h"
#include "store/database.h"
#include "store/userrepository.h"
#include "testhub.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

namespace {
const QString Password = QStringLiteral("Ward-line 7 blue heron");

struct Reply
{
    int status = 0;
    QJsonObject json;
    [[nodiscard]] QString errorCode() const
    {
        return json.value(u"error").toObject().value(u"code").toString();
    }
    [[nodiscard]] QString errorMessage() const
    {
        return json.value(u"error").toObject().value(u"message").toString();
    }
};

QJsonObject cell(const QString &role, const QString &permission, bool allowed)
{
    return {{QStringLiteral("role"), role},
            {QStringLiteral("permission"), permission},
            {QStringLiteral("allowed"), allowed}};
}
} // namespace

class TestPermissionApi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    QNetworkAccessManager m_nam;
    QHash<QString, QString> m_tokens; // role name → session token

    Reply call(const QByteArray &verb, const QString &path, const QString &role,
               const QJsonObject &body = {})
    {
        QNetworkRequest request(QUrl(m_hub->apiUrl() + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!role.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_tokens.value(role).toLatin1());
        QNetworkReply *reply = m_nam.sendCustomRequest(
            request, verb, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(20000))
            return {};
        Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                QJsonDocument::fromJson(reply->readAll()).object()};
        reply->deleteLater();
        return r;
    }

    Reply put(const QJsonArray &changes, const QString &reason = {})
    {
        QJsonObject body{{QStringLiteral("changes"), changes}};
        if (!reason.isEmpty())
            body.insert(QStringLiteral("reason"), reason);
        return call("PUT", QStringLiteral("/api/v1/permissions"), QStringLiteral("administrator"),
                    body);
    }

    /// The table's cell as GET /api/v1/permissions answers it.
    QJsonObject cellOf(const QString &role, const QString &permission)
    {
        const Reply r =
            call("GET", QStringLiteral("/api/v1/permissions"), QStringLiteral("administrator"));
        for (const QJsonValue &c : r.json.value(u"cells").toArray()) {
            const QJsonObject o = c.toObject();
            if (o.value(u"role").toString() == role &&
                o.value(u"permission").toString() == permission)
                return o;
        }
        return {};
    }

    QStringList sessionPermissions(const QString &role)
    {
        QStringList names;
        for (const QJsonValue &v : call("GET", QStringLiteral("/api/v1/session"), role)
                                       .json.value(u"permissions")
                                       .toArray())
            names.append(v.toString());
        return names;
    }

    /// The newest audit entry with \a action: its subject and detail.
    std::pair<QString, QJsonObject> lastAudit(const QString &action)
    {
        QSqlQuery q(m_hub->database());
        q.prepare(QStringLiteral(
            "SELECT subject, detail FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1"));
        q.addBindValue(action);
        if (!q.exec() || !q.next())
            return {};
        return {q.value(0).toString(),
                QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object()};
    }

    QJsonObject lastEvent(const QString &kind)
    {
        QSqlQuery q(m_hub->database());
        q.prepare(
            QStringLiteral("SELECT payload FROM events WHERE kind = ? ORDER BY seq DESC LIMIT 1"));
        q.addBindValue(kind);
        if (!q.exec() || !q.next())
            return {};
        return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto init = Hub::HubInit(m_dir.path(), Core::Clock::system())
                        .run(QStringLiteral("admin"), Password);
        QVERIFY2(init, qPrintable(init.error()));
        QVERIFY(Test::writeHubSecrets(m_dir.path()));
        Test::listenOnLoopback(m_dir.path(), Test::Tls::Off);
        auto config = Hub::HubConfig::load(m_dir.path());
        QVERIFY(config);
        m_config = std::move(config).value();
        m_hub = std::make_unique<Hub::HubServer>(*m_config, Core::Clock::system());
        auto started = m_hub->start();
        QVERIFY2(started, qPrintable(started.error()));

        Store::UserRepository users(m_hub->database(), Core::Clock::system());
        for (Core::Role role : Core::allRoles()) {
            const QString name = Core::roleName(role);
            const QString user = role == Core::Role::Administrator ? QStringLiteral("admin")
                                                                   : QStringLiteral("u-") + name;
            if (role != Core::Role::Administrator)
                QVERIFY(users.create(user, role, Core::Crypto::hashPassword(Password)));
            const Reply r =
                call("POST", QStringLiteral("/api/v1/session"), {},
                     {{QStringLiteral("username"), user}, {QStringLiteral("password"), Password}});
            QCOMPARE(r.status, 200);
            m_tokens.insert(name, r.json.value(u"token").toString());
        }
    }

    void cleanupTestCase() { m_hub.reset(); }

    void theTableShowsDefaultsAndLocks()
    {
        const Reply r =
            call("GET", QStringLiteral("/api/v1/permissions"), QStringLiteral("administrator"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"cells").toArray().size(), 5 * 15);
        const QJsonObject users =
            cellOf(QStringLiteral("administrator"), QStringLiteral("manage_users"));
        QVERIFY(users.value(u"allowed").toBool());
        QVERIFY(users.value(u"locked").toBool());
        QVERIFY(!users.value(u"lockReason").toString().isEmpty());
        const QJsonObject send = cellOf(QStringLiteral("nurse"), QStringLiteral("send_message"));
        QVERIFY(send.value(u"allowed").toBool());
        QVERIFY(send.value(u"default").toBool());
        QVERIFY(!send.value(u"locked").toBool());
        // Only administrators see or change it.
        QCOMPARE(call("GET", QStringLiteral("/api/v1/permissions"), QStringLiteral("nurse")).status,
                 403);
        QCOMPARE(call("PUT", QStringLiteral("/api/v1/permissions"), QStringLiteral("nurse"),
                      {{QStringLiteral("changes"),
                        QJsonArray{
                            cell(QStringLiteral("nurse"), QStringLiteral("manage_users"), true)}}})
                     .status,
                 403);
        // The session names what the user may do.
        QVERIFY(
            sessionPermissions(QStringLiteral("nurse")).contains(QStringLiteral("send_message")));
        QVERIFY(
            !sessionPermissions(QStringLiteral("nurse")).contains(QStringLiteral("manage_users")));
    }

    void aRevokedPermissionIsRefusedAtOnce()
    {
        const QString queue = QStringLiteral("/api/v1/appointments?queue=reschedule");
        QCOMPARE(call("GET", queue, QStringLiteral("receptionist")).status, 200);

        const Reply revoked = put(
            {cell(QStringLiteral("receptionist"), QStringLiteral("manage_appointments"), false)});
        QCOMPARE(revoked.status, 200);
        QCOMPARE(call("GET", queue, QStringLiteral("receptionist")).status, 403);
        QVERIFY(!sessionPermissions(QStringLiteral("receptionist"))
                     .contains(QStringLiteral("manage_appointments")));
        const QJsonObject shown =
            cellOf(QStringLiteral("receptionist"), QStringLiteral("manage_appointments"));
        QVERIFY(!shown.value(u"allowed").toBool());
        QVERIFY(shown.value(u"default").toBool());

        const auto [subject, detail] = lastAudit(QStringLiteral("permission.revoke"));
        QCOMPARE(subject, QStringLiteral("permission:receptionist/manage_appointments"));
        QCOMPARE(detail.value(u"role").toString(), QStringLiteral("receptionist"));
        QCOMPARE(detail.value(u"permission").toString(), QStringLiteral("manage_appointments"));
        QVERIFY(detail.contains(u"from"));
        const QJsonObject event = lastEvent(QStringLiteral("permissions.changed"));
        QCOMPARE(
            event.value(u"changes").toArray().first().toObject(),
            cell(QStringLiteral("receptionist"), QStringLiteral("manage_appointments"), false));

        QCOMPARE(
            put({cell(QStringLiteral("receptionist"), QStringLiteral("manage_appointments"), true)})
                .status,
            200);
        QCOMPARE(call("GET", queue, QStringLiteral("receptionist")).status, 200);
        QCOMPARE(lastAudit(QStringLiteral("permission.grant")).first,
                 QStringLiteral("permission:receptionist/manage_appointments"));
    }

    void lockedAndInconsistentChangesAreRefused_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("permission");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("code");
        QTest::newRow("administrators keep users") << "administrator"
                                                   << "manage_users" << false << "locked";
        QTest::newRow("administrators keep settings") << "administrator"
                                                      << "manage_settings" << false << "locked";
        QTest::newRow("auditors keep the trail") << "auditor"
                                                 << "view_audit" << false << "locked";
        QTest::newRow("auditors read nothing clinical") << "auditor"
                                                        << "read_clinical" << true << "locked";
        QTest::newRow("auditors send nothing") << "auditor"
                                               << "send_message" << true << "locked";
        QTest::newRow("auditors see no photos") << "auditor"
                                                << "view_media" << true << "locked";
        QTest::newRow("clinical needs events") << "nurse"
                                               << "read_events" << false << "inconsistent";
        QTest::newRow("appointments need events") << "auditor"
                                                  << "read_appointments" << true << "inconsistent";
    }

    void lockedAndInconsistentChangesAreRefused()
    {
        QFETCH(QString, role);
        QFETCH(QString, permission);
        QFETCH(bool, allowed);
        QFETCH(QString, code);
        // All or nothing: the acceptable change sent with it is not kept either.
        const Reply r = put({cell(QStringLiteral("physician"), QStringLiteral("add_note"), false),
                             cell(role, permission, allowed)},
                            QStringLiteral("test"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), code);
        QVERIFY(!r.errorMessage().isEmpty());
        QCOMPARE(cellOf(role, permission).value(u"allowed").toBool(), !allowed);
        QVERIFY(cellOf(QStringLiteral("physician"), QStringLiteral("add_note"))
                    .value(u"allowed")
                    .toBool());
    }

    void aSelfGrantNeedsAReasonAndIsAuditedAsSuch()
    {
        const QJsonArray grant{
            cell(QStringLiteral("administrator"), QStringLiteral("read_clinical"), true),
            cell(QStringLiteral("administrator"), QStringLiteral("view_media"), true)};
        const Reply silent = put(grant);
        QCOMPARE(silent.status, 400);
        QCOMPARE(silent.errorCode(), QStringLiteral("reason_required"));
        QVERIFY(!sessionPermissions(QStringLiteral("administrator"))
                     .contains(QStringLiteral("view_media")));

        const QString why = QStringLiteral("covering the night shift audit of wound photos");
        QCOMPARE(put(grant, why).status, 200);
        QVERIFY(sessionPermissions(QStringLiteral("administrator"))
                    .contains(QStringLiteral("view_media")));
        const auto [subject, detail] = lastAudit(QStringLiteral("permission.self_grant"));
        QCOMPARE(subject, QStringLiteral("permission:administrator/view_media"));
        QCOMPARE(detail.value(u"reason").toString(), why);
        const QJsonObject event = lastEvent(QStringLiteral("permissions.changed"));
        QVERIFY(event.value(u"selfGrant").toBool());
        QCOMPARE(event.value(u"by").toString(), QStringLiteral("admin"));

        // Taking it back needs no reason (it narrows the role) and is an ordinary revoke.
        QCOMPARE(put({cell(QStringLiteral("administrator"), QStringLiteral("read_clinical"), false),
                      cell(QStringLiteral("administrator"), QStringLiteral("view_media"), false)})
                     .status,
                 200);
        QVERIFY(!sessionPermissions(QStringLiteral("administrator"))
                     .contains(QStringLiteral("view_media")));
        QCOMPARE(lastAudit(QStringLiteral("permission.revoke")).first,
                 QStringLiteral("permission:administrator/view_media"));
    }

    void aChangeByAnotherHubOnTheSameDatabaseAppliesAtOnce()
    {
        // A second hub cannot serve the same embedded file (hub.lock), so this one writes
        // through its own connection exactly what its PermissionApi would.
        checkTwoConnections();
        Store::Database::close(QStringLiteral("other-hub"));
    }

private:
    void checkTwoConnections()
    {
        auto other = Hub::openHubDatabase(*m_config, QStringLiteral("other-hub"));
        QVERIFY2(other, qPrintable(other.error()));
        const Hub::PermissionTable otherTable(other.value());
        QCOMPARE(call("GET", QStringLiteral("/api/v1/audit"), QStringLiteral("auditor")).status,
                 200);
        QVERIFY(otherTable.allows(Core::Role::Auditor, Core::Permission::ExportPatient));

        QSqlQuery q(other.value());
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO permission_overrides (role, permission, allowed, changed_by, changed_at) "
            "VALUES ('administrator', 'view_audit', 0, 'admin', '2026-11-26T05:00:00Z')")));
        QCOMPARE(
            call("GET", QStringLiteral("/api/v1/audit"), QStringLiteral("administrator")).status,
            403);

        // And the other way: what this hub saves, the other reads at its next check.
        QCOMPARE(put({cell(QStringLiteral("auditor"), QStringLiteral("export_patient"), false),
                      cell(QStringLiteral("administrator"), QStringLiteral("view_audit"), true)},
                     QStringLiteral("restore the default"))
                     .status,
                 200);
        QVERIFY(!otherTable.allows(Core::Role::Auditor, Core::Permission::ExportPatient));
        QVERIFY(otherTable.allows(Core::Role::Administrator, Core::Permission::ViewAudit));
        QCOMPARE(
            call("GET", QStringLiteral("/api/v1/audit"), QStringLiteral("administrator")).status,
            200);
    }
};

QTEST_GUILESS_MAIN(TestPermissionApi)
#include "tst_permissionapi.moc"
