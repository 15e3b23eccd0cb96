// Canned responses on the staff API, against a real hub (in-process, real sockets, a real
// encrypted database): who may read and keep them, the rules a response must follow, and the
// audit trail and event every change leaves.
#include "core/clock.h"
#include "core/crypto.h"
#include "core/role.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
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
    QString errorCode() const { return json.value(u"error").toObject().value(u"code").toString(); }
    QString errorField() const
    {
        return json.value(u"error").toObject().value(u"field").toString();
    }
    QJsonArray responses() const { return json.value(u"cannedResponses").toArray(); }
};

QJsonObject response(const QString &shortcut, const QString &language, const QString &title,
                     const QString &body)
{
    return {{QStringLiteral("shortcut"), shortcut},
            {QStringLiteral("language"), language},
            {QStringLiteral("title"), title},
            {QStringLiteral("body"), body}};
}
} // namespace

class TestCannedResponseApi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Core::ManualClock m_clock{QDateTime(QDate(2026, 11, 25), QTime(3, 0), Qt::UTC)};
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_server;
    QNetworkAccessManager m_nam;
    QString m_admin;
    QString m_nurse;
    QString m_auditor;

    Reply call(const QByteArray &verb, const QString &path, const QString &token,
               const QJsonObject &body = {})
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
    QString signIn(const QString &user)
    {
        return call("POST", QStringLiteral("/api/v1/session"), {},
                    {{QStringLiteral("username"), user}, {QStringLiteral("password"), Password}})
            .json.value(u"token")
            .toString();
    }
    qint64 count(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery q(m_server->database());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }
    qint64 audited(const QString &actor, const QString &action, const QString &subject) const
    {
        return count(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = ? AND action = "
                                    "? AND subject = ?"),
                     {actor, action, subject});
    }
    qint64 changeEvents() const
    {
        return count(QStringLiteral("SELECT count(*) FROM events WHERE kind = "
                                    "'canned_responses.changed'"));
    }
    static QJsonObject byShortcut(const QJsonArray &all, const QString &shortcut,
                                  const QString &language)
    {
        for (const QJsonValue &v : all) {
            const QJsonObject o = v.toObject();
            if (o.value(u"shortcut").toString() == shortcut &&
                o.value(u"language").toString() == language)
                return o;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto init = Hub::HubInit(m_dir.path(), m_clock).run(QStringLiteral("admin"), Password);
        QVERIFY2(init, qPrintable(init.error()));
        QVERIFY(Test::writeHubSecrets(m_dir.path()));
        Test::listenOnLoopback(m_dir.path(), Test::Tls::Off);
        auto config = Hub::HubConfig::load(m_dir.path());
        QVERIFY(config);
        m_config = std::move(config).value();
        m_server = std::make_unique<Hub::HubServer>(*m_config, m_clock);
        auto started = m_server->start();
        QVERIFY2(started, qPrintable(started.error()));
        Store::UserRepository users(m_server->database(), m_clock);
        QVERIFY(users.create(QStringLiteral("nurse.canned"), Core::Role::Nurse,
                             Core::Crypto::hashPassword(Password)));
        QVERIFY(users.create(QStringLiteral("auditor.canned"), Core::Role::Auditor,
                             Core::Crypto::hashPassword(Password)));
        m_admin = signIn(QStringLiteral("admin"));
        m_nurse = signIn(QStringLiteral("nurse.canned"));
        m_auditor = signIn(QStringLiteral("auditor.canned"));
        QVERIFY(!m_admin.isEmpty() && !m_nurse.isEmpty() && !m_auditor.isEmpty());
    }

    void cleanupTestCase() { m_server.reset(); }

    void aNewSiteHasDefaultsInEnglishAndSpanish()
    {
        const Reply es =
            call("GET", QStringLiteral("/api/v1/canned-responses?language=es"), m_nurse);
        QCOMPARE(es.status, 200);
        QVERIFY(es.responses().size() >= 4);
        for (const QJsonValue &v : es.responses())
            QCOMPARE(v.toObject().value(u"language").toString(), QStringLiteral("es"));
        const QJsonObject directions =
            byShortcut(es.responses(), QStringLiteral("/directions"), QStringLiteral("es"));
        QVERIFY(directions.value(u"body").toString().contains(u"{patient_first_name}"));
        const Reply all = call("GET", QStringLiteral("/api/v1/canned-responses"), m_nurse);
        QCOMPARE(all.status, 200);
        QVERIFY(
            !byShortcut(all.responses(), QStringLiteral("/labs"), QStringLiteral("en")).isEmpty());
        QVERIFY(all.json.value(u"placeholders").toArray().contains(u"site_phone"_qs));
    }

    void theSitesValuesAreFilledInByTheHub()
    {
        QCOMPARE(call("PUT", QStringLiteral("/api/v1/settings"), m_admin,
                      {{QStringLiteral("site/phone"), QStringLiteral("+1 555 0100 999")}})
                     .status,
                 204);
        const Reply en =
            call("GET", QStringLiteral("/api/v1/canned-responses?language=en"), m_nurse);
        const QJsonObject labs =
            byShortcut(en.responses(), QStringLiteral("/labs"), QStringLiteral("en"));
        QVERIFY(labs.value(u"text").toString().contains(u"call +1 555 0100 999"));
        QVERIFY(labs.value(u"body").toString().contains(u"{site_phone}"));
        // The patient's name is the console's to fill; an unset site value stays visible.
        QVERIFY(labs.value(u"text").toString().contains(u"{patient_first_name}"));
        const QJsonObject directions =
            byShortcut(en.responses(), QStringLiteral("/directions"), QStringLiteral("en"));
        QVERIFY(directions.value(u"text").toString().contains(u"{site_name}"));
    }

    void anAdministratorAddsOneAndItIsAudited()
    {
        const qint64 events = changeEvents();
        const Reply created = call(
            "POST", QStringLiteral("/api/v1/canned-responses"), m_admin,
            response(QStringLiteral("/fasting"), QStringLiteral("en"),
                     QStringLiteral("Fasting before a blood test"),
                     QStringLiteral("Hello {patient_first_name}, please do not eat for 8 hours "
                                    "before your blood test.")));
        QCOMPARE(created.status, 201);
        const qint64 id = created.json.value(u"id").toInteger();
        QVERIFY(id > 0);
        const QString subject = QStringLiteral("canned_response:%1").arg(id);
        QCOMPARE(
            audited(QStringLiteral("admin"), QStringLiteral("canned_response.create"), subject), 1);
        QCOMPARE(changeEvents(), events + 1);
        const Reply en =
            call("GET", QStringLiteral("/api/v1/canned-responses?language=en"), m_nurse);
        QCOMPARE(byShortcut(en.responses(), QStringLiteral("/fasting"), QStringLiteral("en"))
                     .value(u"title")
                     .toString(),
                 QStringLiteral("Fasting before a blood test"));

        // The same shortcut in the same language is refused, in another language it is not.
        const Reply twice =
            call("POST", QStringLiteral("/api/v1/canned-responses"), m_admin,
                 response(QStringLiteral("/fasting"), QStringLiteral("en"), QStringLiteral("Again"),
                          QStringLiteral("Another text.")));
        QCOMPARE(twice.status, 409);
        QCOMPARE(twice.errorCode(), QStringLiteral("shortcut_taken"));
        QCOMPARE(twice.errorField(), QStringLiteral("shortcut"));
        QCOMPARE(
            call("POST", QStringLiteral("/api/v1/canned-responses"), m_admin,
                 response(QStringLiteral("/fasting"), QStringLiteral("es"), QStringLiteral("Ayuno"),
                          QStringLiteral("Por favor, no coma nada durante 8 horas.")))
                .status,
            201);

        // Edited, then deleted: each audited and announced.
        const Reply edited = call(
            "PUT", QStringLiteral("/api/v1/canned-responses/%1").arg(id), m_admin,
            response(QStringLiteral("/fasting"), QStringLiteral("en"), QStringLiteral("Fasting"),
                     QStringLiteral("Please do not eat for 12 hours before the test.")));
        QCOMPARE(edited.status, 200);
        QCOMPARE(
            audited(QStringLiteral("admin"), QStringLiteral("canned_response.update"), subject), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM canned_responses WHERE id = ? AND "
                                      "body LIKE '%12 hours%'"),
                       {id}),
                 1);
        QCOMPARE(
            call("DELETE", QStringLiteral("/api/v1/canned-responses/%1").arg(id), m_admin).status,
            204);
        QCOMPARE(
            audited(QStringLiteral("admin"), QStringLiteral("canned_response.delete"), subject), 1);
        QCOMPARE(changeEvents(), events + 4);
        QCOMPARE(
            call("DELETE", QStringLiteral("/api/v1/canned-responses/%1").arg(id), m_admin).status,
            404);
        QCOMPARE(call("PUT", QStringLiteral("/api/v1/canned-responses/%1").arg(id), m_admin,
                      response(QStringLiteral("/fasting"), QStringLiteral("en"),
                               QStringLiteral("Fasting"), QStringLiteral("Gone.")))
                     .status,
                 404);
    }

    void whatIsNotAResponseIsRefused_data()
    {
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<QString>("field");
        const QString ok = QStringLiteral("Hello {patient_first_name}.");
        QTest::newRow("no slash") << response(QStringLiteral("directions"), QStringLiteral("en"),
                                              QStringLiteral("T"), ok)
                                  << QStringLiteral("shortcut");
        QTest::newRow("space") << response(QStringLiteral("/two words"), QStringLiteral("en"),
                                           QStringLiteral("T"), ok)
                               << QStringLiteral("shortcut");
        QTest::newRow("capitals") << response(QStringLiteral("/Directions"), QStringLiteral("en"),
                                              QStringLiteral("T"), ok)
                                  << QStringLiteral("shortcut");
        QTest::newRow("language") << response(QStringLiteral("/x"), QStringLiteral("English"),
                                              QStringLiteral("T"), ok)
                                  << QStringLiteral("language");
        QTest::newRow("no title") << response(QStringLiteral("/x"), QStringLiteral("en"),
                                              QStringLiteral("  "), ok)
                                  << QStringLiteral("title");
        QTest::newRow("empty") << response(QStringLiteral("/x"), QStringLiteral("en"),
                                           QStringLiteral("T"), QStringLiteral(" \n"))
                               << QStringLiteral("body");
        // WhatsApp's limit for one text message (SendLimits::TextBodyMax).
        QTest::newRow("too long") << response(QStringLiteral("/x"), QStringLiteral("en"),
                                              QStringLiteral("T"), QString(4097, u'a'))
                                  << QStringLiteral("body");
        QTest::newRow("unknown placeholder")
            << response(QStringLiteral("/x"), QStringLiteral("en"), QStringLiteral("T"),
                        QStringLiteral("Hello {first_name}."))
            << QStringLiteral("body");
    }

    void whatIsNotAResponseIsRefused()
    {
        QFETCH(QJsonObject, fields);
        QFETCH(QString, field);
        const Reply r = call("POST", QStringLiteral("/api/v1/canned-responses"), m_admin, fields);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), field);
        QVERIFY(!r.json.value(u"error").toObject().value(u"message").toString().isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM canned_responses WHERE shortcut = "
                                      "'/x'")),
                 0);
        // The longest WhatsApp takes is accepted.
        if (qstrcmp(QTest::currentDataTag(), "too long") == 0)
            QCOMPARE(call("POST", QStringLiteral("/api/v1/canned-responses"), m_admin,
                          response(QStringLiteral("/longest"), QStringLiteral("en"),
                                   QStringLiteral("T"), QString(4096, u'a')))
                         .status,
                     201);
    }

    void aNurseMayReadButNotChangeThem()
    {
        const qint64 before = count(QStringLiteral("SELECT count(*) FROM canned_responses"));
        const Reply created =
            call("POST", QStringLiteral("/api/v1/canned-responses"), m_nurse,
                 response(QStringLiteral("/mine"), QStringLiteral("en"), QStringLiteral("Mine"),
                          QStringLiteral("My own text.")));
        QCOMPARE(created.status, 403);
        QCOMPARE(created.errorCode(), QStringLiteral("forbidden"));
        const qint64 seeded = count(QStringLiteral("SELECT min(id) FROM canned_responses"));
        QCOMPARE(call("PUT", QStringLiteral("/api/v1/canned-responses/%1").arg(seeded), m_nurse,
                      response(QStringLiteral("/mine"), QStringLiteral("en"),
                               QStringLiteral("Mine"), QStringLiteral("My own text.")))
                     .status,
                 403);
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/canned-responses/%1").arg(seeded), m_nurse)
                     .status,
                 403);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM canned_responses")), before);
        QCOMPARE(audited(QStringLiteral("nurse.canned"), QStringLiteral("access.denied"),
                         QStringLiteral("canned_responses")),
                 3);
        // An auditor sends nothing and keeps nothing: not even a read.
        QCOMPARE(call("GET", QStringLiteral("/api/v1/canned-responses"), m_auditor).status, 403);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/canned-responses"), QString()).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestCannedResponseApi)
#include "tst_cannedresponseapi.moc"
