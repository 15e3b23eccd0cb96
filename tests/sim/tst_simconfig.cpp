#include "sim/simconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using Wardline::Sim::SimConfig;

/// SimConfig: wardline-sim's command line and secret files.
class TestSimConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parseListen_data();
    void parseListen();
    void fromArguments();
    void refuses_data();
    void refuses();

private:
    [[nodiscard]] QString writeFile(const QString &name, const QByteArray &content);
    [[nodiscard]] QStringList arguments(const QStringList &extra = {}) const;

    QTemporaryDir m_dir;
    QString m_secretFile;
    QString m_tokenFile;
};

QString TestSimConfig::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

QStringList TestSimConfig::arguments(const QStringList &extra) const
{
    QStringList args{QStringLiteral("wardline-sim"),
                     QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--webhook"),
                     QStringLiteral("http://127.0.0.1:8443/webhook"),
                     QStringLiteral("--app-secret-file"),
                     m_secretFile,
                     QStringLiteral("--access-token-file"),
                     m_tokenFile};
    // Later options win in QCommandLineParser::value(), so extras override the defaults above.
    return args + extra;
}

void TestSimConfig::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_secretFile = writeFile(QStringLiteral("app-secret"), QByteArrayLiteral("  s3cret\n"));
    m_tokenFile = writeFile(QStringLiteral("access-token"), QByteArrayLiteral("EAAtoken\r\n"));
    QVERIFY(!m_secretFile.isEmpty() && !m_tokenFile.isEmpty());
}

void TestSimConfig::parseListen_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");

    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:8090") << true << QStringLiteral("127.0.0.1")
                          << 8090;
    QTest::newRow("port 0") << QStringLiteral("127.0.0.1:0") << true << QStringLiteral("127.0.0.1")
                            << 0;
    QTest::newRow("ipv6") << QStringLiteral("[::1]:8090") << true << QStringLiteral("::1") << 8090;
    QTest::newRow("localhost") << QStringLiteral("localhost:65535") << true
                               << QStringLiteral("127.0.0.1") << 65535;
    QTest::newRow("port too big") << QStringLiteral("127.0.0.1:65536") << false << QString() << 0;
    QTest::newRow("no port") << QStringLiteral("127.0.0.1") << false << QString() << 0;
    QTest::newRow("empty port") << QStringLiteral("127.0.0.1:") << false << QString() << 0;
    QTest::newRow("no host") << QStringLiteral(":8090") << false << QString() << 0;
    QTest::newRow("signed port") << QStringLiteral("127.0.0.1:+80") << false << QString() << 0;
    QTest::newRow("host name") << QStringLiteral("example.org:80") << false << QString() << 0;
    QTest::newRow("bare ipv6") << QStringLiteral("::1:8090") << false << QString() << 0;
}

void TestSimConfig::parseListen()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, address);
    QFETCH(int, port);

    QHostAddress parsedAddress;
    quint16 parsedPort = 1;
    QString error;
    QCOMPARE(SimConfig::parseListen(text, &parsedAddress, &parsedPort, &error), valid);
    if (valid) {
        QCOMPARE(parsedAddress, QHostAddress(address));
        QCOMPARE(int(parsedPort), port);
    } else {
        QVERIFY(error.contains(text));
    }
}

void TestSimConfig::fromArguments()
{
    QString error;
    const std::optional<SimConfig> config = SimConfig::fromArguments(
        arguments({QStringLiteral("--phone-number-id"), QStringLiteral("106540352242922"),
                   QStringLiteral("--api-version"), QStringLiteral("v23.0")}),
        &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->listenAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(config->listenPort, quint16(0));
    QCOMPARE(config->webhookUrl, QUrl(QStringLiteral("http://127.0.0.1:8443/webhook")));
    QCOMPARE(config->appSecret, QByteArrayLiteral("s3cret")); // trimmed
    QCOMPARE(config->accessToken, QByteArrayLiteral("EAAtoken"));
    QCOMPARE(config->phoneNumberId, QStringLiteral("106540352242922"));
    QCOMPARE(config->apiVersion, QStringLiteral("v23.0"));

    const std::optional<SimConfig> defaults = SimConfig::fromArguments(arguments(), &error);
    QVERIFY2(defaults, qPrintable(error));
    QCOMPARE(defaults->apiVersion, SimConfig::DefaultApiVersion.toString());
    QCOMPARE(defaults->phoneNumberId, SimConfig::DefaultPhoneNumberId.toString());
}

void TestSimConfig::refuses_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("reason");

    const QString empty = writeFile(QStringLiteral("empty"), QByteArrayLiteral(" \n\t\n"));
    const QString missing = m_dir.filePath(QStringLiteral("missing"));
    const QString big =
        writeFile(QStringLiteral("big"), QByteArray(SimConfig::MaxSecretFileSize + 1, 'x'));

    QStringList noListen = arguments();
    noListen.remove(1, 2);
    QTest::newRow("no --listen") << noListen << QStringLiteral("--listen is required");
    QStringList noToken = arguments();
    noToken.remove(7, 2);
    QTest::newRow("no --access-token-file")
        << noToken << QStringLiteral("--access-token-file is required");
    QTest::newRow("missing secret file")
        << arguments({QStringLiteral("--app-secret-file"), missing})
        << QStringLiteral("--app-secret-file (%1) does not exist").arg(missing);
    QTest::newRow("missing token file")
        << arguments({QStringLiteral("--access-token-file"), missing})
        << QStringLiteral("--access-token-file (%1) does not exist").arg(missing);
    QTest::newRow("empty token file")
        << arguments({QStringLiteral("--access-token-file"), empty})
        << QStringLiteral("--access-token-file (%1) is empty").arg(empty);
    QTest::newRow("oversized secret file") << arguments({QStringLiteral("--app-secret-file"), big})
                                           << QStringLiteral("is larger than");
    QTest::newRow("bad listen") << arguments({QStringLiteral("--listen"), QStringLiteral("8090")})
                                << QStringLiteral("--listen \"8090\"");
    QTest::newRow("webhook not http")
        << arguments({QStringLiteral("--webhook"), QStringLiteral("ftp://127.0.0.1/hook")})
        << QStringLiteral("--webhook \"ftp://127.0.0.1/hook\"");
    QTest::newRow("webhook without host")
        << arguments({QStringLiteral("--webhook"), QStringLiteral("http:///hook")})
        << QStringLiteral("--webhook");
    QTest::newRow("phone number id not numeric")
        << arguments({QStringLiteral("--phone-number-id"), QStringLiteral("12ab")})
        << QStringLiteral("--phone-number-id \"12ab\"");
    QTest::newRow("api version without v")
        << arguments({QStringLiteral("--api-version"), QStringLiteral("21.0")})
        << QStringLiteral("--api-version \"21.0\"");
    QTest::newRow("api version without minor")
        << arguments({QStringLiteral("--api-version"), QStringLiteral("v21")})
        << QStringLiteral("--api-version \"v21\"");
    QTest::newRow("positional argument")
        << arguments({QStringLiteral("serve")}) << QStringLiteral("unexpected argument \"serve\"");
    QTest::newRow("unknown option")
        << arguments({QStringLiteral("--frobnicate")}) << QStringLiteral("frobnicate");
}

void TestSimConfig::refuses()
{
    QFETCH(QStringList, args);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!SimConfig::fromArguments(args, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestSimConfig)
#include "tst_simconfig.moc"
