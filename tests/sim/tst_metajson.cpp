#include "sim/metajson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using Wardline::Sim::MetaJson;

/// MetaJson: the bytes Meta signs — non-ASCII as lower-case \uXXXX, "/" as "\/".
class TestMetaJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escape_data();
    void escape();
    void roundTrips_data();
    void roundTrips();
};

void TestMetaJson::escape_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");

    // Meta's own example: "äöå should be escaped to \u00e4\u00f6\u00e5"
    // (https://developers.facebook.com/docs/messenger-platform/webhooks#validate-payloads).
    QTest::newRow("meta's example")
        << QStringLiteral("äöå") << QByteArrayLiteral("\\u00e4\\u00f6\\u00e5");
    QTest::newRow("n with tilde") << QStringLiteral("Núñez")
                                  << QByteArrayLiteral("N\\u00fa\\u00f1ez");
    // U+1F600 is the surrogate pair D83D DE00.
    QTest::newRow("emoji") << QStringLiteral("ok \U0001F600")
                           << QByteArrayLiteral("ok \\ud83d\\ude00");
    QTest::newRow("thumbs up") << QStringLiteral("\U0001F44D")
                               << QByteArrayLiteral("\\ud83d\\udc4d");
    QTest::newRow("euro and en dash")
        << QStringLiteral("€5–6") << QByteArrayLiteral("\\u20ac5\\u20136");
    QTest::newRow("slash") << QStringLiteral("image/jpeg") << QByteArrayLiteral("image\\/jpeg");
    QTest::newRow("url") << QStringLiteral("https://x.test/a?b=c&d")
                         << QByteArrayLiteral("https:\\/\\/x.test\\/a?b=c&d");
    QTest::newRow("backslash then slash")
        << QStringLiteral("a\\/b") << QByteArrayLiteral("a\\\\\\/b");
    QTest::newRow("quote and newline")
        << QStringLiteral("say \"hi\"\n") << QByteArrayLiteral("say \\\"hi\\\"\\n");
    QTest::newRow("ascii unchanged")
        << QStringLiteral("Call 911 now.") << QByteArrayLiteral("Call 911 now.");
    QTest::newRow("arabic") << QStringLiteral("مرحبا")
                            << QByteArrayLiteral("\\u0645\\u0631\\u062d\\u0628\\u0627");
}

void TestMetaJson::escape()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    const QByteArray bytes = MetaJson::serialize({{QStringLiteral("t"), text}});
    QCOMPARE(bytes, QByteArray("{\"t\":\"" + expected + "\"}"));
    for (const char c : bytes)
        QVERIFY(static_cast<unsigned char>(c) < 0x80); // ASCII only on the wire
}

void TestMetaJson::roundTrips_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("mixed") << QStringLiteral("Hola ñ 😀 / \\ \" \t é 中文 \U0001F3E5");
    QTest::newRow("empty") << QString();
}

void TestMetaJson::roundTrips()
{
    QFETCH(QString, text);
    const QJsonObject object{{QStringLiteral("a/b"), text}, {QStringLiteral("n"), 1.5}};
    const QByteArray bytes = MetaJson::serialize(object);
    QCOMPARE(QJsonDocument::fromJson(bytes).object(), object);
}

QTEST_GUILESS_MAIN(TestMetaJson)
#include "tst_metajson.moc"
