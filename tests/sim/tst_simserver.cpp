#include "sim/simconfig.h"
#include "sim/simserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using Wardline::Sim::SimConfig;
using Wardline::Sim::SimServer;

namespace {
const QByteArray Token = QByteArrayLiteral("EAAtest-token-0123456789");
const QString PhoneNumberId = QStringLiteral("106540352242922");

struct Response
{
    bool finished = false;
    int status = 0;
    QJsonObject body;
    QByteArray wwwAuthenticate;
    QByteArray apiVersion;
};
} // namespace

/// SimServer in-process: Meta's shapes for the phone number node, token errors and unknown paths.
class TestSimServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void health();
    void phoneNumber_data();
    void phoneNumber();
    void fields_data();
    void fields();
    void tokenErrors_data();
    void tokenErrors();
    void graphErrors_data();
    void graphErrors();
    void traceIdsDiffer();
    void refusesSecondStart();
    void refusesPortInUse();

private:
    [[nodiscard]] Response get(const QString &path, const QByteArray &authorization)
    {
        return send(QByteArrayLiteral("GET"), path, authorization);
    }
    [[nodiscard]] Response send(const QByteArray &verb, const QString &path,
                                const QByteArray &authorization);
    [[nodiscard]] static SimConfig config();

    SimServer m_server;
    QNetworkAccessManager m_manager;
};

SimConfig TestSimServer::config()
{
    SimConfig config;
    config.listenAddress = QHostAddress(QHostAddress::LocalHost);
    config.listenPort = 0;
    config.webhookUrl = QUrl(QStringLiteral("http://127.0.0.1:9/webhook"));
    config.appSecret = QByteArrayLiteral("app-secret");
    config.accessToken = Token;
    config.phoneNumberId = PhoneNumberId;
    config.apiVersion = QStringLiteral("v21.0");
    return config;
}

Response TestSimServer::send(const QByteArray &verb, const QString &path,
                             const QByteArray &authorization)
{
    QUrl url = m_server.url();
    const qsizetype query = path.indexOf(u'?');
    url.setPath(query < 0 ? path : path.first(query));
    if (query >= 0)
        url.setQuery(path.sliced(query + 1));
    QNetworkRequest request(url);
    if (!authorization.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), authorization);
    std::unique_ptr<QNetworkReply> reply;
    if (verb == "GET") {
        reply.reset(m_manager.get(request));
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        reply.reset(m_manager.sendCustomRequest(request, verb, QByteArrayLiteral("{}")));
    }
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    Response response;
    response.finished = reply->isFinished() || finished.wait(10000);
    if (!response.finished)
        return response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = QJsonDocument::fromJson(reply->readAll()).object();
    response.wwwAuthenticate = reply->rawHeader(QByteArrayLiteral("WWW-Authenticate"));
    response.apiVersion = reply->rawHeader(QByteArrayLiteral("facebook-api-version"));
    return response;
}

void TestSimServer::initTestCase()
{
    // Loopback only: never through a proxy from the environment.
    m_manager.setProxy(QNetworkProxy::NoProxy);
    QString error;
    QVERIFY2(m_server.start(config(), &error), qPrintable(error));
    QVERIFY(m_server.port() != 0);
    QCOMPARE(m_server.url().toString(), QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()));
}

void TestSimServer::health()
{
    const Response response = get(QStringLiteral("/health"), {});
    QVERIFY(response.finished);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body.value(u"status").toString(), QStringLiteral("ok"));
}

void TestSimServer::phoneNumber_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("apiVersion");

    const QByteArray bearer = QByteArrayLiteral("Bearer ") + Token;
    QTest::newRow("configured version")
        << QStringLiteral("/v21.0/%1").arg(PhoneNumberId) << bearer << QByteArrayLiteral("v21.0");
    QTest::newRow("other version")
        << QStringLiteral("/v23.0/%1").arg(PhoneNumberId) << bearer << QByteArrayLiteral("v23.0");
    QTest::newRow("unversioned path")
        << QStringLiteral("/%1").arg(PhoneNumberId) << bearer << QByteArrayLiteral("v21.0");
    QTest::newRow("trailing slash")
        << QStringLiteral("/v21.0/%1/").arg(PhoneNumberId) << bearer << QByteArrayLiteral("v21.0");
    QTest::newRow("scheme is case-insensitive")
        << QStringLiteral("/v21.0/%1").arg(PhoneNumberId)
        << QByteArray(QByteArrayLiteral("bearer ") + Token) << QByteArrayLiteral("v21.0");
    QTest::newRow("token as query parameter")
        << QStringLiteral("/v21.0/%1?access_token=%2").arg(PhoneNumberId, QLatin1StringView(Token))
        << QByteArray() << QByteArrayLiteral("v21.0");
}

void TestSimServer::phoneNumber()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, apiVersion);

    const Response response = get(path, authorization);
    QVERIFY(response.finished);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.apiVersion, apiVersion);
    const QJsonObject &body = response.body;
    // Meta's default fields for GET /{phone-number-id}.
    QCOMPARE(body.value(u"id").toString(), PhoneNumberId);
    QVERIFY(!body.value(u"verified_name").toString().isEmpty());
    QVERIFY(body.value(u"display_phone_number").toString().startsWith(u'+'));
    QCOMPARE(body.value(u"quality_rating").toString(), QStringLiteral("GREEN"));
    QCOMPARE(body.value(u"code_verification_status").toString(), QStringLiteral("VERIFIED"));
    QCOMPARE(body.value(u"platform_type").toString(), QStringLiteral("CLOUD_API"));
    QCOMPARE(body.value(u"throughput").toObject().value(u"level").toString(),
             QStringLiteral("STANDARD"));
    QVERIFY(!body.contains(u"error"));
}

void TestSimServer::fields_data()
{
    QTest::addColumn<QString>("fields");
    QTest::addColumn<QStringList>("keys");

    QTest::newRow("one field") << QStringLiteral("verified_name")
                               << QStringList{QStringLiteral("id"),
                                              QStringLiteral("verified_name")};
    QTest::newRow("non-default field")
        << QStringLiteral("name_status,status")
        << QStringList{QStringLiteral("id"), QStringLiteral("name_status"),
                       QStringLiteral("status")};
    QTest::newRow("sub-selection")
        << QStringLiteral("throughput{level},quality_rating")
        << QStringList{QStringLiteral("id"), QStringLiteral("quality_rating"),
                       QStringLiteral("throughput")};
}

void TestSimServer::fields()
{
    QFETCH(QString, fields);
    QFETCH(QStringList, keys);
    const Response response = get(QStringLiteral("/v21.0/%1?fields=%2").arg(PhoneNumberId, fields),
                                  QByteArrayLiteral("Bearer ") + Token);
    QVERIFY(response.finished);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body.keys(), keys); // QJsonObject keys are sorted
}

void TestSimServer::tokenErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");

    const QString phone = QStringLiteral("/v21.0/%1").arg(PhoneNumberId);
    const QString invalid =
        QStringLiteral("Invalid OAuth access token - Cannot parse access token");
    const QString required =
        QStringLiteral("An access token is required to request this resource.");

    QTest::newRow("wrong token") << phone << QByteArrayLiteral("Bearer EAAwrong") << 401 << 190
                                 << invalid;
    QTest::newRow("token with one byte more")
        << phone << QByteArray(QByteArrayLiteral("Bearer ") + Token + 'x') << 401 << 190 << invalid;
    QTest::newRow("wrong token, unknown object")
        << QStringLiteral("/v21.0/999") << QByteArrayLiteral("Bearer EAAwrong") << 401 << 190
        << invalid;
    QTest::newRow("wrong token in query") << QStringLiteral("%1?access_token=EAAwrong").arg(phone)
                                          << QByteArray() << 401 << 190 << invalid;
    // Meta answers a request without any token with code 104, not 190.
    QTest::newRow("missing token") << phone << QByteArray() << 400 << 104 << required;
    QTest::newRow("other scheme") << phone << QByteArray(QByteArrayLiteral("Basic ") + Token) << 400
                                  << 104 << required;
    QTest::newRow("scheme only") << phone << QByteArrayLiteral("Bearer ") << 400 << 104 << required;
}

void TestSimServer::tokenErrors()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QFETCH(int, code);
    QFETCH(QString, message);

    const Response response = get(path, authorization);
    QVERIFY(response.finished);
    QCOMPARE(response.status, status);
    const QJsonObject error = response.body.value(u"error").toObject();
    QCOMPARE(error.value(u"code").toInt(), code);
    QCOMPARE(error.value(u"type").toString(), QStringLiteral("OAuthException"));
    QCOMPARE(error.value(u"message").toString(), message);
    QVERIFY(!error.value(u"fbtrace_id").toString().isEmpty());
    QVERIFY(!error.contains(u"error_subcode"));
    QVERIFY(response.wwwAuthenticate.startsWith("OAuth \"Facebook Platform\" \"invalid_token\""));
    QVERIFY(!response.body.contains(u"id")); // nothing about the phone number leaks
}

void TestSimServer::graphErrors_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("subcode"); // 0: none
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown id")
        << QByteArrayLiteral("GET") << QStringLiteral("/v21.0/123456789") << 100
        << QStringLiteral("GraphMethodException") << 33
        << QStringLiteral("Unsupported get request. Object with ID '123456789' does not exist, "
                          "cannot be loaded due to missing permissions, or does not support this "
                          "operation. Please read the Graph API documentation at "
                          "https://developers.facebook.com/docs/graph-api");
    QTest::newRow("unknown id with edge")
        << QByteArrayLiteral("GET") << QStringLiteral("/v21.0/123456789/messages") << 100
        << QStringLiteral("GraphMethodException") << 33
        << QStringLiteral("Unsupported get request. Object with ID '123456789' does not exist, "
                          "cannot be loaded due to missing permissions, or does not support this "
                          "operation. Please read the Graph API documentation at "
                          "https://developers.facebook.com/docs/graph-api");
    QTest::newRow("no object") << QByteArrayLiteral("GET") << QStringLiteral("/v21.0/") << 100
                               << QStringLiteral("GraphMethodException") << 0
                               << QStringLiteral("Unsupported get request. Please read the Graph "
                                                 "API documentation at "
                                                 "https://developers.facebook.com/docs/graph-api");
    QTest::newRow("unknown edge")
        << QByteArrayLiteral("GET") << QStringLiteral("/v21.0/%1/nonsense").arg(PhoneNumberId)
        << 100 << QStringLiteral("OAuthException") << 0
        << QStringLiteral("(#100) Tried accessing nonexisting field (nonsense) on node type "
                          "(WhatsAppBusinessPhoneNumber)");
    QTest::newRow("unknown field")
        << QByteArrayLiteral("GET")
        << QStringLiteral("/v21.0/%1?fields=verified_name,favourite_colour").arg(PhoneNumberId)
        << 100 << QStringLiteral("OAuthException") << 0
        << QStringLiteral("(#100) Tried accessing nonexisting field (favourite_colour) on node "
                          "type (WhatsAppBusinessPhoneNumber)");
    QTest::newRow("too deep") << QByteArrayLiteral("GET")
                              << QStringLiteral("/v21.0/%1/a/b").arg(PhoneNumberId) << 2500
                              << QStringLiteral("OAuthException") << 0
                              << QStringLiteral("Unknown path components: /a/b");
    const QString unsupportedPost =
        QStringLiteral("Unsupported post request. Object with ID '%1' does not exist, cannot be "
                       "loaded due to missing permissions, or does not support this operation. "
                       "Please read the Graph API documentation at "
                       "https://developers.facebook.com/docs/graph-api")
            .arg(PhoneNumberId);
    QTest::newRow("post to the node")
        << QByteArrayLiteral("POST") << QStringLiteral("/v21.0/%1").arg(PhoneNumberId) << 100
        << QStringLiteral("GraphMethodException") << 33 << unsupportedPost;
    QTest::newRow("post to an unknown edge")
        << QByteArrayLiteral("POST") << QStringLiteral("/v21.0/%1/nonsense").arg(PhoneNumberId)
        << 100 << QStringLiteral("GraphMethodException") << 33 << unsupportedPost;
}

void TestSimServer::graphErrors()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(int, code);
    QFETCH(QString, type);
    QFETCH(int, subcode);
    QFETCH(QString, message);

    const Response response = send(verb, path, QByteArrayLiteral("Bearer ") + Token);
    QVERIFY(response.finished);
    QCOMPARE(response.status, 400);
    QCOMPARE(response.body.keys(), QStringList{QStringLiteral("error")});
    const QJsonObject error = response.body.value(u"error").toObject();
    QCOMPARE(error.value(u"code").toInt(), code);
    QCOMPARE(error.value(u"type").toString(), type);
    QCOMPARE(error.value(u"error_subcode").toInt(), subcode);
    QCOMPARE(error.contains(u"error_subcode"), subcode != 0);
    QCOMPARE(error.value(u"message").toString(), message);
    QVERIFY(!error.value(u"fbtrace_id").toString().isEmpty());
    QVERIFY(response.wwwAuthenticate.startsWith("OAuth \"Facebook Platform\" \"invalid_request\""));
}

void TestSimServer::traceIdsDiffer()
{
    const Response first = get(QStringLiteral("/v21.0/1"), QByteArrayLiteral("Bearer ") + Token);
    const Response second = get(QStringLiteral("/v21.0/1"), QByteArrayLiteral("Bearer ") + Token);
    QVERIFY(first.finished && second.finished);
    const QString a = first.body.value(u"error").toObject().value(u"fbtrace_id").toString();
    const QString b = second.body.value(u"error").toObject().value(u"fbtrace_id").toString();
    QCOMPARE(a.size(), 23);
    QVERIFY(a != b);
}

void TestSimServer::refusesSecondStart()
{
    QString error;
    QVERIFY(!m_server.start(config(), &error));
    QVERIFY(error.contains(QString::number(m_server.port())));
}

void TestSimServer::refusesPortInUse()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    SimConfig busy = config();
    busy.listenPort = blocker.serverPort();
    SimServer server;
    QString error;
    QVERIFY(!server.start(busy, &error));
    QVERIFY2(error.contains(QStringLiteral("127.0.0.1:%1").arg(blocker.serverPort())),
             qPrintable(error));
    QVERIFY2(error.contains(u"in use"), qPrintable(error));
    QCOMPARE(server.port(), quint16(0));
}

QTEST_GUILESS_MAIN(TestSimServer)
#include "tst_simserver.moc"
