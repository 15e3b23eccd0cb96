// The staff API's sign-in and sessions, against a real hub (in-process, real sockets, a real
// encrypted database) with a manual clock for the expiry rules.
#include "core/clock.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "hub/staffapi.h"
#include "testhub.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

namespace {
const QString AdminPassword = QStringLiteral("Ward-line 7 blue heron");

struct Reply
{
    int status = 0;
    QJsonObject json;
    QString errorCode() const
    {
        return json.value(QLatin1StringView("error"))
            .toObject()
            .value(QLatin1StringView("code"))
            .toString();
    }
};
} // namespace

class TestStaffApi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Core::ManualClock m_clock{QDateTime(QDate(2026, 11, 25), QTime(3, 0), Qt::UTC)};
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_server;
    QNetworkAccessManager m_nam;

    Reply call(const QByteArray &verb, const QString &path, const QJsonObject &body = {},
               const QString &token = {})
    {
        QNetworkRequest request(QUrl(m_server->apiUrl() + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
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

    Reply signIn(const QString &user, const QString &password)
    {
        return call("POST", QStringLiteral("/api/v1/session"),
                    {{QStringLiteral("username"), user}, {QStringLiteral("password"), password}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto init = Hub::HubInit(m_dir.path(), m_clock).run(QStringLiteral("admin"), AdminPassword);
        QVERIFY2(init, qPrintable(init.error()));
        QVERIFY(Test::writeHubSecrets(m_dir.path()));
        Test::listenOnLoopback(m_dir.path(), Test::Tls::Off);
        auto config = Hub::HubConfig::load(m_dir.path());
        QVERIFY(config);
        m_config = std::move(config).value();
        m_server = std::make_unique<Hub::HubServer>(*m_config, m_clock);
        auto started = m_server->start();
        QVERIFY2(started, qPrintable(started.error()));
    }

    void cleanupTestCase() { m_server.reset(); }

    void signInGivesASessionThatWorks()
    {
        const Reply r = signIn(QStringLiteral("admin"), AdminPassword);
        QCOMPARE(r.status, 200);
        const QString token = r.json.value(QLatin1StringView("token")).toString();
        QVERIFY(token.size() >= 43);
        QCOMPARE(r.json.value(QLatin1StringView("user"))
                     .toObject()
                     .value(QLatin1StringView("role"))
                     .toString(),
                 QStringLiteral("administrator"));
        QCOMPARE(r.json.value(QLatin1StringView("idleTimeoutSeconds")).toInt(), 30 * 60);
        // The site's idle-lock policy reaches every console at sign-in.
        QCOMPARE(r.json.value(QLatin1StringView("idleLockMinutes")).toInt(), 5);

        const Reply me = call("GET", QStringLiteral("/api/v1/session"), {}, token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(QLatin1StringView("user"))
                     .toObject()
                     .value(QLatin1StringView("username"))
                     .toString(),
                 QStringLiteral("admin"));

        // Only a hash of the token is stored.
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("hub")));
        QVERIFY(q.exec(QStringLiteral("SELECT token_hash FROM sessions")));
        while (q.next())
            QVERIFY(q.value(0).toString() != token);

        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/session"), {}, token).status, 204);
        const Reply after = call("GET", QStringLiteral("/api/v1/session"), {}, token);
        QCOMPARE(after.status, 401);
        QCOMPARE(after.errorCode(), QStringLiteral("not_signed_in"));
    }

    void wrongPasswordAndUnknownUserLookAlike()
    {
        const Reply wrong = signIn(QStringLiteral("admin"), QStringLiteral("not the password"));
        const Reply unknown = signIn(QStringLiteral("nobody"), AdminPassword);
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.errorCode(), QStringLiteral("bad_credentials"));
        QCOMPARE(wrong.json, unknown.json);
        QVERIFY(!wrong.json.contains(QLatin1StringView("token")));
        // A success resets the count of failures.
        QCOMPARE(signIn(QStringLiteral("admin"), AdminPassword).status, 200);
    }

    void malformedRequestsAreRefused_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::newRow("empty") << QJsonObject();
        QTest::newRow("no password")
            << QJsonObject{{QStringLiteral("username"), QStringLiteral("admin")}};
        QTest::newRow("number as password") << QJsonObject{
            {QStringLiteral("username"), QStringLiteral("admin")}, {QStringLiteral("password"), 5}};
    }

    void malformedRequestsAreRefused()
    {
        QFETCH(QJsonObject, body);
        const Reply r = call("POST", QStringLiteral("/api/v1/session"), body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("bad_request"));
    }

    void missingOrForgedTokensAreRefused_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("none") << QString();
        QTest::newRow("forged") << QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    }

    void missingOrForgedTokensAreRefused()
    {
        QFETCH(QString, token);
        const Reply r = call("GET", QStringLiteral("/api/v1/session"), {}, token);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("not_signed_in"));
    }

    void idleSessionsEnd()
    {
        const QString token = signIn(QStringLiteral("admin"), AdminPassword)
                                  .json.value(QLatin1StringView("token"))
                                  .toString();
        m_clock.advance(29 * 60 * 1000);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/session"), {}, token).status, 200); // activity
        m_clock.advance(29 * 60 * 1000);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/session"), {}, token).status, 200);
        m_clock.advance(30 * 60 * 1000);
        const Reply r = call("GET", QStringLiteral("/api/v1/session"), {}, token);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("session_expired"));
    }

    void sessionsEndAfterTwelveHoursWhateverTheActivity()
    {
        const QString token = signIn(QStringLiteral("admin"), AdminPassword)
                                  .json.value(QLatin1StringView("token"))
                                  .toString();
        for (int i = 0; i < 11 * 3; ++i) { // every 20 minutes for 11 hours
            m_clock.advance(20 * 60 * 1000);
            QCOMPARE(call("GET", QStringLiteral("/api/v1/session"), {}, token).status, 200);
        }
        m_clock.advance(60 * 60 * 1000);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/session"), {}, token).errorCode(),
                 QStringLiteral("session_expired"));
    }

    void tooManyWrongPasswordsLockTheAccount()
    {
        for (int i = 1; i < Hub::StaffApi::MaxFailedSignIns; ++i)
            QCOMPARE(signIn(QStringLiteral("admin"), QStringLiteral("guess %1").arg(i)).status,
                     401);
        const Reply locking = signIn(QStringLiteral("admin"), QStringLiteral("last guess"));
        QCOMPARE(locking.status, 423);
        QCOMPARE(locking.errorCode(), QStringLiteral("account_locked"));
        // Even the right password is refused while locked ...
        const Reply locked = signIn(QStringLiteral("admin"), AdminPassword);
        QCOMPARE(locked.status, 423);
        QVERIFY(locked.json.value(QLatin1StringView("error"))
                    .toObject()
                    .value(QLatin1StringView("message"))
                    .toString()
                    .contains(QStringLiteral("administrator")));
        // ... and accepted once the lock has run out.
        m_clock.advance((Hub::StaffApi::LockMinutes + 1) * 60 * 1000);
        QCOMPARE(signIn(QStringLiteral("admin"), AdminPassword).status, 200);
    }

    void signInsAreAudited()
    {
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("hub")));
        QVERIFY(q.exec(QStringLiteral("SELECT action, count(*) FROM audit_log GROUP BY action")));
        QHash<QString, int> counts;
        while (q.next())
            counts.insert(q.value(0).toString(), q.value(1).toInt());
        QVERIFY(counts.value(QStringLiteral("session.sign_in")) >= 4);
        QVERIFY(counts.value(QStringLiteral("session.sign_in_failed")) >= 6);
        QCOMPARE(counts.value(QStringLiteral("session.sign_out")), 1);
    }
};

QTEST_GUILESS_MAIN(TestStaffApi)
#include "tst_staffapi.moc"
