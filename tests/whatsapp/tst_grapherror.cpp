#include "whatsapp/graphapierror.h"

#include <QTest>

using Wardline::WhatsApp::GraphApiError;
using ErrorClass = GraphApiError::ErrorClass;
using Origin = GraphApiError::Origin;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(GraphApiError::ErrorClass)
Q_DECLARE_METATYPE(GraphApiError::Origin)

namespace {
// The shape of Meta's error body ("Graph API — Handling errors"; Cloud API "Error codes"),
// written for these tests.
[[nodiscard]] QByteArray metaError(int code, const QString &message)
{
    return QStringLiteral(R"({"error":{"message":"%1","type":"OAuthException","code":%2,)"
                          R"("error_data":{"messaging_product":"whatsapp","details":"d"},)"
                          R"("fbtrace_id":"AbCdEfGhIjKlMnOpQrStUvW"}})")
        .arg(message)
        .arg(code)
        .toUtf8();
}
} // namespace

/// GraphApiError: Meta's error objects, HTTP and network failures, their class and wording.
class TestGraphError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classification_data();
    void classification();
    void unknownCodeFallsBackToStatus_data();
    void unknownCodeFallsBackToStatus();
    void parsesMetaErrorObject();
    void parsesStringCodesAndEncodedErrorData();
    void errorInsideNonErrorStatus();
    void nonJsonGatewayError_data();
    void nonJsonGatewayError();
    void retryAfter_data();
    void retryAfter();
    void timeout();
    void network_data();
    void network();
    void invalidResponse();
    void validation();
    void misconfigured();
    void mediaErrors();
    void cancelled();
    void logSummaryHasNoMetaText();
};

void TestGraphError::classification_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<ErrorClass>("errorClass");

    // Throttling and temporary failures.
    QTest::newRow("130429 throughput") << 130429 << 400 << ErrorClass::Retry;
    QTest::newRow("131056 pair rate") << 131056 << 400 << ErrorClass::Retry;
    QTest::newRow("131000 something went wrong") << 131000 << 500 << ErrorClass::Retry;
    QTest::newRow("131016 service unavailable") << 131016 << 500 << ErrorClass::Retry;
    QTest::newRow("131057 maintenance") << 131057 << 500 << ErrorClass::Retry;
    QTest::newRow("1 API unknown") << 1 << 400 << ErrorClass::Retry;
    QTest::newRow("2 API service") << 2 << 503 << ErrorClass::Retry;
    QTest::newRow("4 app rate limit") << 4 << 400 << ErrorClass::Retry;
    QTest::newRow("80007 WABA rate limit") << 80007 << 400 << ErrorClass::Retry;
    // The 24-hour window.
    QTest::newRow("131047 re-engagement") << 131047 << 400 << ErrorClass::NeedsTemplate;
    // Permanent for this request.
    QTest::newRow("131026 undeliverable") << 131026 << 400 << ErrorClass::Permanent;
    QTest::newRow("131051 unsupported type") << 131051 << 400 << ErrorClass::Permanent;
    QTest::newRow("100 invalid parameter") << 100 << 400 << ErrorClass::Permanent;
    QTest::newRow("33 parameter value") << 33 << 400 << ErrorClass::Permanent;
    QTest::newRow("131008 required parameter missing") << 131008 << 400 << ErrorClass::Permanent;
    QTest::newRow("131009 parameter value not valid") << 131009 << 400 << ErrorClass::Permanent;
    QTest::newRow("131021 recipient is sender") << 131021 << 400 << ErrorClass::Permanent;
    QTest::newRow("131030 not in allowed list") << 131030 << 400 << ErrorClass::Permanent;
    QTest::newRow("131049 ecosystem limit") << 131049 << 400 << ErrorClass::Permanent;
    QTest::newRow("131050 marketing opt-out") << 131050 << 400 << ErrorClass::Permanent;
    QTest::newRow("131052 media download") << 131052 << 400 << ErrorClass::Permanent;
    QTest::newRow("131053 media upload") << 131053 << 400 << ErrorClass::Permanent;
    QTest::newRow("130472 experiment") << 130472 << 400 << ErrorClass::Permanent;
    QTest::newRow("132000 parameter count") << 132000 << 400 << ErrorClass::Permanent;
    QTest::newRow("132001 template missing") << 132001 << 404 << ErrorClass::Permanent;
    QTest::newRow("132005 translated text too long") << 132005 << 400 << ErrorClass::Permanent;
    QTest::newRow("132007 format policy") << 132007 << 400 << ErrorClass::Permanent;
    QTest::newRow("132008 parameter format") << 132008 << 400 << ErrorClass::Permanent;
    QTest::newRow("132012 parameter format mismatch") << 132012 << 400 << ErrorClass::Permanent;
    QTest::newRow("132015 template paused") << 132015 << 400 << ErrorClass::Permanent;
    QTest::newRow("132016 template disabled") << 132016 << 400 << ErrorClass::Permanent;
    QTest::newRow("132069 flow throttled (132xxx)") << 132069 << 400 << ErrorClass::Permanent;
    QTest::newRow("133010 not registered") << 133010 << 400 << ErrorClass::Permanent;
    QTest::newRow("135000 generic") << 135000 << 400 << ErrorClass::Permanent;
    // The token and its permissions.
    QTest::newRow("190 token expired") << 190 << 401 << ErrorClass::Credentials;
    QTest::newRow("0 auth exception") << 0 << 401 << ErrorClass::Credentials;
    QTest::newRow("104 token required") << 104 << 400 << ErrorClass::Credentials;
    QTest::newRow("10 permission denied") << 10 << 403 << ErrorClass::Credentials;
    QTest::newRow("3 capability") << 3 << 500 << ErrorClass::Credentials;
    QTest::newRow("200 API permission") << 200 << 403 << ErrorClass::Credentials;
    QTest::newRow("299 API permission") << 299 << 403 << ErrorClass::Credentials;
    QTest::newRow("131005 access denied") << 131005 << 403 << ErrorClass::Credentials;
    // The account.
    QTest::newRow("368 temporarily blocked") << 368 << 403 << ErrorClass::AccountBlocked;
    QTest::newRow("131031 account locked") << 131031 << 403 << ErrorClass::AccountBlocked;
    QTest::newRow("131042 payment") << 131042 << 400 << ErrorClass::AccountBlocked;
    QTest::newRow("131045 registration") << 131045 << 400 << ErrorClass::AccountBlocked;
    QTest::newRow("131048 spam rate limit") << 131048 << 400 << ErrorClass::AccountBlocked;
}

void TestGraphError::classification()
{
    QFETCH(int, code);
    QFETCH(int, httpStatus);
    QFETCH(ErrorClass, errorClass);

    QCOMPARE(GraphApiError::classOfCode(code), std::optional<ErrorClass>(errorClass));
    const GraphApiError error =
        GraphApiError::fromHttp(httpStatus, metaError(code, QStringLiteral("(#%1) t").arg(code)));
    QCOMPARE(error.origin(), Origin::Graph);
    QCOMPARE(error.code(), std::optional<int>(code));
    QCOMPARE(error.httpStatus(), httpStatus);
    QCOMPARE(error.errorClass(), errorClass);
    QCOMPARE(error.isRetryable(), errorClass == ErrorClass::Retry);
    QVERIFY(!error.staffMessage().isEmpty());
    // Staff wording never leaks Meta's codes or jargon.
    QVERIFY2(!error.staffMessage().contains(QString::number(code)) || code < 10,
             qPrintable(error.staffMessage()));
    QVERIFY(!error.staffMessage().contains(u"OAuth"));
}

void TestGraphError::unknownCodeFallsBackToStatus_data()
{
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<ErrorClass>("errorClass");

    QTest::newRow("400") << 400 << ErrorClass::Permanent;
    QTest::newRow("401") << 401 << ErrorClass::Credentials;
    QTest::newRow("403") << 403 << ErrorClass::Credentials;
    QTest::newRow("404") << 404 << ErrorClass::Permanent;
    QTest::newRow("429") << 429 << ErrorClass::Retry;
    QTest::newRow("500") << 500 << ErrorClass::Retry;
    QTest::newRow("503") << 503 << ErrorClass::Retry;
}

void TestGraphError::unknownCodeFallsBackToStatus()
{
    QFETCH(int, httpStatus);
    QFETCH(ErrorClass, errorClass);
    QVERIFY(!GraphApiError::classOfCode(987654));
    const GraphApiError error = GraphApiError::fromHttp(httpStatus, metaError(987654, {}));
    QCOMPARE(error.code(), std::optional<int>(987654));
    QCOMPARE(error.errorClass(), errorClass);
    QVERIFY(!error.staffMessage().isEmpty());
}

void TestGraphError::parsesMetaErrorObject()
{
    const QByteArray body = QByteArrayLiteral(R"({"error":{
        "message":"(#131047) Re-engagement message",
        "type":"OAuthException",
        "code":131047,
        "error_subcode":2494010,
        "error_data":{"messaging_product":"whatsapp",
                      "details":"More than 24 hours since the customer last replied."},
        "error_user_title":"Outside the window",
        "error_user_msg":"Use a template.",
        "fbtrace_id":"A1b2C3d4E5f6G7h8I9j0K1l"}})");
    const GraphApiError error = GraphApiError::fromHttp(400, body);
    QCOMPARE(error.origin(), Origin::Graph);
    QCOMPARE(error.httpStatus(), 400);
    QCOMPARE(error.code(), std::optional<int>(131047));
    QCOMPARE(error.subcode(), std::optional<int>(2494010));
    QCOMPARE(error.type(), QStringLiteral("OAuthException"));
    QCOMPARE(error.message(), QStringLiteral("(#131047) Re-engagement message"));
    QCOMPARE(error.details(),
             QStringLiteral("More than 24 hours since the customer last replied."));
    QCOMPARE(error.userTitle(), QStringLiteral("Outside the window"));
    QCOMPARE(error.userMessage(), QStringLiteral("Use a template."));
    QCOMPARE(error.fbtraceId(), QStringLiteral("A1b2C3d4E5f6G7h8I9j0K1l"));
    QCOMPARE(error.errorClass(), ErrorClass::NeedsTemplate);
    QCOMPARE(error.staffMessage(),
             QStringLiteral("The patient's last message was more than 24 hours ago, so only an "
                            "approved template can be sent."));
    QVERIFY(!error.outcomeUnknown());
    QVERIFY(!error.retryAfter());
}

void TestGraphError::parsesStringCodesAndEncodedErrorData()
{
    // Some gateways relay codes as strings; older Graph errors encode error_data as a string.
    const QByteArray body = QByteArrayLiteral(
        R"({"error":{"message":"(#131056) pair rate limit hit","type":"OAuthException",)"
        R"("code":"131056","error_subcode":"2494075",)"
        R"("error_data":"{\"messaging_product\":\"whatsapp\",\"details\":\"Too many to one user\"}",)"
        R"("fbtrace_id":"X"}})");
    const GraphApiError error = GraphApiError::fromHttp(400, body);
    QCOMPARE(error.code(), std::optional<int>(131056));
    QCOMPARE(error.subcode(), std::optional<int>(2494075));
    QCOMPARE(error.details(), QStringLiteral("Too many to one user"));
    QCOMPARE(error.errorClass(), ErrorClass::Retry);
    // Pair rate: about one message per 6 s to the same user.
    QCOMPARE(error.retryAfter(), std::optional<std::chrono::milliseconds>(6000ms));

    const GraphApiError plain = GraphApiError::fromErrorObject(
        QJsonObject{{QStringLiteral("code"), 100},
                    {QStringLiteral("error_data"), QStringLiteral("not json")}},
        400);
    QCOMPARE(plain.details(), QStringLiteral("not json"));
    QCOMPARE(plain.errorClass(), ErrorClass::Permanent);
}

void TestGraphError::errorInsideNonErrorStatus()
{
    const GraphApiError error = GraphApiError::fromErrorObject(
        QJsonObject{{QStringLiteral("code"), 130429},
                    {QStringLiteral("message"), QStringLiteral("(#130429) Rate limit hit")}},
        200);
    QCOMPARE(error.httpStatus(), 200);
    QCOMPARE(error.errorClass(), ErrorClass::Retry);
    QCOMPARE(error.staffMessage(),
             QStringLiteral("WhatsApp is limiting how fast we send; Wardline will retry."));
}

void TestGraphError::nonJsonGatewayError_data()
{
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ErrorClass>("errorClass");
    QTest::addColumn<bool>("outcomeUnknown");

    QTest::newRow("502 html") << 502
                              << QByteArrayLiteral(
                                     "<html><body><h1>502 Bad Gateway</h1></body></html>")
                              << ErrorClass::Retry << true;
    QTest::newRow("503 empty") << 503 << QByteArray() << ErrorClass::Retry << false;
    QTest::newRow("504 text") << 504 << QByteArrayLiteral("upstream timed out") << ErrorClass::Retry
                              << true;
    QTest::newRow("400 json without error")
        << 400 << QByteArrayLiteral(R"({"ok":false})") << ErrorClass::Permanent << false;
    QTest::newRow("401 plain") << 401 << QByteArrayLiteral("Unauthorized")
                               << ErrorClass::Credentials << false;
    QTest::newRow("429 plain") << 429 << QByteArrayLiteral("slow down") << ErrorClass::Retry
                               << false;
    QTest::newRow("truncated json")
        << 500 << QByteArrayLiteral(R"({"error":{"code":1)") << ErrorClass::Retry << false;
}

void TestGraphError::nonJsonGatewayError()
{
    QFETCH(int, httpStatus);
    QFETCH(QByteArray, body);
    QFETCH(ErrorClass, errorClass);
    QFETCH(bool, outcomeUnknown);
    const GraphApiError error = GraphApiError::fromHttp(httpStatus, body);
    QCOMPARE(error.origin(), Origin::Http);
    QCOMPARE(error.httpStatus(), httpStatus);
    QVERIFY(!error.code());
    QVERIFY(error.fbtraceId().isEmpty());
    QCOMPARE(error.errorClass(), errorClass);
    QCOMPARE(error.outcomeUnknown(), outcomeUnknown);
    QVERIFY(!error.staffMessage().isEmpty());
}

void TestGraphError::retryAfter_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("milliseconds"); // -1: none

    QTest::newRow("none") << QByteArray() << qint64(-1);
    QTest::newRow("30 seconds") << QByteArrayLiteral("30") << qint64(30000);
    QTest::newRow("padded") << QByteArrayLiteral(" 5 ") << qint64(5000);
    QTest::newRow("zero") << QByteArrayLiteral("0") << qint64(0);
    QTest::newRow("capped at a day") << QByteArrayLiteral("999999") << qint64(86400000);
    QTest::newRow("negative") << QByteArrayLiteral("-3") << qint64(-1);
    QTest::newRow("http date is ignored")
        << QByteArrayLiteral("Wed, 21 Oct 2026 07:28:00 GMT") << qint64(-1);
}

void TestGraphError::retryAfter()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, milliseconds);
    const GraphApiError error = GraphApiError::fromHttp(429, metaError(130429, {}), header);
    QCOMPARE(error.errorClass(), ErrorClass::Retry);
    if (milliseconds < 0)
        QVERIFY(!error.retryAfter());
    else
        QCOMPARE(error.retryAfter()->count(), milliseconds);
}

void TestGraphError::timeout()
{
    const GraphApiError error = GraphApiError::timeout(30000);
    QCOMPARE(error.origin(), Origin::Timeout);
    QCOMPARE(error.errorClass(), ErrorClass::Retry);
    QCOMPARE(error.httpStatus(), 0);
    QVERIFY(error.outcomeUnknown());
    QVERIFY(!error.staffMessage().isEmpty());
    QVERIFY(error.logSummary().startsWith(u"timeout retry"));
}

void TestGraphError::network_data()
{
    QTest::addColumn<QNetworkReply::NetworkError>("networkError");
    QTest::addColumn<Origin>("origin");
    QTest::addColumn<ErrorClass>("errorClass");
    QTest::addColumn<bool>("outcomeUnknown");

    QTest::newRow("refused") << QNetworkReply::ConnectionRefusedError << Origin::Network
                             << ErrorClass::Retry << false;
    QTest::newRow("host not found")
        << QNetworkReply::HostNotFoundError << Origin::Network << ErrorClass::Retry << false;
    QTest::newRow("TLS handshake")
        << QNetworkReply::SslHandshakeFailedError << Origin::Network << ErrorClass::Retry << false;
    QTest::newRow("closed mid-way")
        << QNetworkReply::RemoteHostClosedError << Origin::Network << ErrorClass::Retry << true;
    QTest::newRow("temporary failure") << QNetworkReply::TemporaryNetworkFailureError
                                       << Origin::Network << ErrorClass::Retry << true;
    QTest::newRow("timed out") << QNetworkReply::TimeoutError << Origin::Timeout
                               << ErrorClass::Retry << true;
    QTest::newRow("transfer timeout")
        << QNetworkReply::OperationCanceledError << Origin::Timeout << ErrorClass::Retry << true;
    QTest::newRow("unknown scheme")
        << QNetworkReply::ProtocolUnknownError << Origin::Network << ErrorClass::Permanent << false;
}

void TestGraphError::network()
{
    QFETCH(QNetworkReply::NetworkError, networkError);
    QFETCH(Origin, origin);
    QFETCH(ErrorClass, errorClass);
    QFETCH(bool, outcomeUnknown);
    const GraphApiError error = GraphApiError::fromNetwork(networkError, QStringLiteral("x"));
    QCOMPARE(error.origin(), origin);
    QCOMPARE(error.errorClass(), errorClass);
    QCOMPARE(error.outcomeUnknown(), outcomeUnknown);
    QCOMPARE(error.httpStatus(), 0);
    QVERIFY(!error.code());
    QVERIFY(!error.staffMessage().isEmpty());
}

void TestGraphError::invalidResponse()
{
    const GraphApiError error =
        GraphApiError::invalidResponse(200, QStringLiteral("no messages[0].id"));
    QCOMPARE(error.origin(), Origin::InvalidResponse);
    // Meta answered 2xx: retrying could send twice, so it is not retried automatically.
    QCOMPARE(error.errorClass(), ErrorClass::Permanent);
    QVERIFY(error.outcomeUnknown());
    QVERIFY(error.logSummary().contains(u"no messages[0].id"));
}

void TestGraphError::validation()
{
    const QString sentence = QStringLiteral("The button “Ja, gerne!!!!!!!!!!!” is too long.");
    const GraphApiError error = GraphApiError::validation(sentence);
    QCOMPARE(error.origin(), Origin::Validation);
    QCOMPARE(error.errorClass(), ErrorClass::Permanent);
    QCOMPARE(error.staffMessage(), sentence);
    QVERIFY(!error.outcomeUnknown());
    // The sentence can quote what staff typed: never in the log.
    QVERIFY(!error.logSummary().contains(u"gerne"));
}

void TestGraphError::misconfigured()
{
    const GraphApiError error =
        GraphApiError::misconfigured(QStringLiteral("The phone number ID is missing."));
    QCOMPARE(error.origin(), Origin::Validation);
    QCOMPARE(error.errorClass(), ErrorClass::Credentials);
    QVERIFY(error.staffMessage().contains(u"IT"));
    QVERIFY(error.logSummary().contains(u"phone number ID"));
}

void TestGraphError::mediaErrors()
{
    QCOMPARE(GraphApiError::mediaUnavailable(404).errorClass(), ErrorClass::Permanent);
    QCOMPARE(GraphApiError::mediaUnavailable(404).httpStatus(), 404);
    QCOMPARE(GraphApiError::mediaTooLarge(200'000'000, 100'000'000).errorClass(),
             ErrorClass::Permanent);
    QVERIFY(GraphApiError::mediaTooLarge(-1, 10).logSummary().contains(u"more than 10"));
    QCOMPARE(GraphApiError::mediaCorrupted().errorClass(), ErrorClass::Retry);
    for (const GraphApiError &error :
         {GraphApiError::mediaUnavailable(410), GraphApiError::mediaTooLarge(2, 1),
          GraphApiError::mediaCorrupted()}) {
        QVERIFY(!error.staffMessage().isEmpty());
    }
}

void TestGraphError::cancelled()
{
    QCOMPARE(GraphApiError::cancelled(true).origin(), Origin::Cancelled);
    QCOMPARE(GraphApiError::cancelled(true).errorClass(), ErrorClass::Retry);
    QVERIFY(GraphApiError::cancelled(true).outcomeUnknown());
    QVERIFY(!GraphApiError::cancelled(false).outcomeUnknown());
}

void TestGraphError::logSummaryHasNoMetaText()
{
    const QByteArray body = QByteArrayLiteral(
        R"({"error":{"message":"(#100) Param text['body'] is 'Mrs Patient Name'",)"
        R"("type":"OAuthException","code":100,"error_subcode":33,)"
        R"("error_data":{"details":"value 'Mrs Patient Name' invalid"},)"
        R"("error_user_msg":"Mrs Patient Name","fbtrace_id":"TRACE123"}})");
    const GraphApiError error = GraphApiError::fromHttp(400, body);
    const QString line = error.logSummary();
    QVERIFY2(!line.contains(u"Patient"), qPrintable(line));
    QVERIFY(line.contains(u"code=100"));
    QVERIFY(line.contains(u"subcode=33"));
    QVERIFY(line.contains(u"http=400"));
    QVERIFY(line.contains(u"fbtrace_id=TRACE123"));
    QVERIFY(line.contains(u"permanent"));
}

QTEST_GUILESS_MAIN(TestGraphError)
#include "tst_grapherror.moc"
