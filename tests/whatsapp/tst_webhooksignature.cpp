#include "whatsapp/verifyhandshake.h"
#include "whatsapp/webhooksignature.h"

#include <QTest>

using Wardline::WhatsApp::VerifyHandshake;
using Wardline::WhatsApp::WebhookSignature;
using Verification = WebhookSignature::Verification;

namespace {
// GitHub's published X-Hub-Signature-256 example ("Validating webhook deliveries", testing the
// webhook payload validation): secret "It's a Secret to Everybody", payload "Hello, World!".
// Re-checked with: printf 'Hello, World!' | openssl dgst -sha256 -hmac "It's a Secret to Everybody"
// https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries
const QByteArray GitHubSecret = QByteArrayLiteral("It's a Secret to Everybody");
const QByteArray GitHubPayload = QByteArrayLiteral("Hello, World!");
const QByteArray GitHubSignature =
    QByteArrayLiteral("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
} // namespace

/// WebhookSignature (Meta's X-Hub-Signature-256) and VerifyHandshake (the webhook GET).
class TestWebhookSignature : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sign_data();
    void sign();
    void verify_data();
    void verify();
    void parseHeader_data();
    void parseHeader();
    void handshake_data();
    void handshake();
};

void TestWebhookSignature::sign_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("github published example") << GitHubSecret << GitHubPayload << GitHubSignature;
    // RFC 4231 test case 2 (HMAC-SHA-256): key "Jefe", data "what do ya want for nothing?".
    QTest::newRow("rfc 4231 case 2")
        << QByteArrayLiteral("Jefe") << QByteArrayLiteral("what do ya want for nothing?")
        << QByteArrayLiteral(
               "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

void TestWebhookSignature::sign()
{
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    QCOMPARE(WebhookSignature::sign(secret, body), expected);
}

void TestWebhookSignature::verify_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<Verification>("expected");

    const QByteArray upper = QByteArrayLiteral("sha256=") +
                             GitHubSignature.sliced(QByteArrayView("sha256=").size()).toUpper();
    QByteArray oneByteChanged = GitHubPayload;
    oneByteChanged[oneByteChanged.size() - 1] = '?';
    // Meta signs the unicode-escaped payload; the bytes are what counts, never re-serialised JSON.
    const QByteArray escaped = QByteArrayLiteral(R"({"text":"\u00e4\u00f6\u00e5"})");
    const QByteArray secret = QByteArrayLiteral("app-secret");

    QTest::newRow("github published example")
        << GitHubSecret << GitHubPayload << GitHubSignature << Verification::Valid;
    QTest::newRow("upper-case hex accepted")
        << GitHubSecret << GitHubPayload << upper << Verification::Valid;
    QTest::newRow("signed with another secret")
        << QByteArrayLiteral("It's a Secret to Everybody!") << GitHubPayload << GitHubSignature
        << Verification::Mismatch;
    QTest::newRow("one byte of the body changed")
        << GitHubSecret << oneByteChanged << GitHubSignature << Verification::Mismatch;
    QTest::newRow("body with a byte appended") << GitHubSecret << QByteArray(GitHubPayload + '\n')
                                               << GitHubSignature << Verification::Mismatch;
    QTest::newRow("escaped unicode, own signature")
        << secret << escaped << WebhookSignature::sign(secret, escaped) << Verification::Valid;
    QTest::newRow("escaped unicode vs raw utf-8")
        << secret << QByteArrayLiteral("{\"text\":\"\xc3\xa4\xc3\xb6\xc3\xa5\"}")
        << WebhookSignature::sign(secret, escaped) << Verification::Mismatch;
    QTest::newRow("empty secret never verifies")
        << QByteArray() << GitHubPayload << WebhookSignature::sign(QByteArray(), GitHubPayload)
        << Verification::Mismatch;
    QTest::newRow("empty header") << GitHubSecret << GitHubPayload << QByteArray()
                                  << Verification::Missing;
    QTest::newRow("no prefix") << GitHubSecret << GitHubPayload
                               << GitHubSignature.sliced(QByteArrayView("sha256=").size())
                               << Verification::Malformed;
    QTest::newRow("sha1") << GitHubSecret << GitHubPayload
                          << QByteArrayLiteral("sha1=0123456789abcdef0123456789abcdef01234567")
                          << Verification::Malformed;
    QTest::newRow("short hex") << GitHubSecret << GitHubPayload << GitHubSignature.chopped(2)
                               << Verification::Malformed;
    QTest::newRow("trailing space") << GitHubSecret << GitHubPayload
                                    << QByteArray(GitHubSignature + ' ') << Verification::Malformed;
}

void TestWebhookSignature::verify()
{
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, header);
    QFETCH(Verification, expected);
    QCOMPARE(WebhookSignature::verify(secret, body, header), expected);
}

void TestWebhookSignature::parseHeader_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("valid");

    const QByteArray hex = GitHubSignature.sliced(QByteArrayView("sha256=").size());
    QByteArray nonHex = GitHubSignature;
    nonHex[nonHex.size() - 1] = 'g';

    QTest::newRow("lower-case") << GitHubSignature << true;
    QTest::newRow("upper-case hex") << QByteArray("sha256=" + hex.toUpper()) << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("prefix only") << QByteArrayLiteral("sha256=") << false;
    QTest::newRow("no prefix") << hex << false;
    QTest::newRow("upper-case prefix") << QByteArray("SHA256=" + hex) << false;
    QTest::newRow("sha1 prefix") << QByteArray("sha1=" + hex) << false;
    QTest::newRow("short hex") << GitHubSignature.chopped(1) << false;
    QTest::newRow("long hex") << QByteArray(GitHubSignature + '0') << false;
    QTest::newRow("non-hex digit") << nonHex << false;
    QTest::newRow("leading space") << QByteArray(' ' + GitHubSignature) << false;
    QTest::newRow("trailing space") << QByteArray(GitHubSignature + ' ') << false;
    QTest::newRow("space after prefix") << QByteArray("sha256= " + hex.chopped(1)) << false;
    QTest::newRow("two values") << QByteArray(GitHubSignature + ',' + GitHubSignature) << false;
    QTest::newRow("two values, same length")
        << QByteArray("sha256=" + hex.first(31) + ',' + hex.first(32)) << false;
    QTest::newRow("embedded nul") << QByteArray("sha256=" + hex.chopped(1) + '\0') << false;
}

void TestWebhookSignature::parseHeader()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, valid);
    const std::optional<QByteArray> digest = WebhookSignature::parseHeader(header);
    QCOMPARE(digest.has_value(), valid);
    if (valid) {
        QCOMPARE(digest->size(), 32);
        QCOMPARE(digest->toHex(), header.sliced(QByteArrayView("sha256=").size()).toLower());
    }
}

void TestWebhookSignature::handshake_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("challenge");
    QTest::addColumn<QString>("expectedToken");
    QTest::addColumn<QString>("answer"); // null: refused with 403

    const QString token = QStringLiteral("verify-me-7f3a");
    const QString challenge = QStringLiteral("1158201444");

    QTest::newRow("subscribe with our token")
        << QStringLiteral("subscribe") << token << challenge << token << challenge;
    QTest::newRow("wrong token") << QStringLiteral("subscribe") << QStringLiteral("verify-me-7f3b")
                                 << challenge << token << QString();
    QTest::newRow("token prefix") << QStringLiteral("subscribe") << token.chopped(1) << challenge
                                  << token << QString();
    QTest::newRow("missing token")
        << QStringLiteral("subscribe") << QString() << challenge << token << QString();
    QTest::newRow("other mode") << QStringLiteral("unsubscribe") << token << challenge << token
                                << QString();
    QTest::newRow("mode case matters")
        << QStringLiteral("Subscribe") << token << challenge << token << QString();
    QTest::newRow("missing mode") << QString() << token << challenge << token << QString();
    QTest::newRow("no expected token configured")
        << QStringLiteral("subscribe") << QString() << challenge << QString() << QString();
    QTest::newRow("missing challenge")
        << QStringLiteral("subscribe") << token << QString() << token << QString();
    QTest::newRow("oversized challenge")
        << QStringLiteral("subscribe") << token
        << QString(VerifyHandshake::MaxChallengeLength + 1, u'7') << token << QString();
    QTest::newRow("non-ascii token") << QStringLiteral("subscribe") << QStringLiteral("sécurité")
                                     << challenge << QStringLiteral("sécurité") << challenge;
}

void TestWebhookSignature::handshake()
{
    QFETCH(QString, mode);
    QFETCH(QString, token);
    QFETCH(QString, challenge);
    QFETCH(QString, expectedToken);
    QFETCH(QString, answer);
    const std::optional<QString> response =
        VerifyHandshake::respond(mode, token, challenge, expectedToken);
    QCOMPARE(response.has_value(), !answer.isNull());
    if (response)
        QCOMPARE(*response, answer);
}

QTEST_GUILESS_MAIN(TestWebhookSignature)
#include "tst_webhooksignature.moc"
