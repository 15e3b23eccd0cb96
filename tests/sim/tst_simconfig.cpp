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
    void behaviourOptions();
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

void TestSimConfig::behaviourOptions()
{
    QString error;
    const std::optional<SimConfig> config =
        SimConfig::fromArguments(arguments({QStringLiteral("--waba-id"),
                                            QStringLiteral("102290129340399"),
                                            QStringLiteral("--clock"),
                                            QStringLiteral("manual"),
                                            QStringLiteral("--start-time"),
                                            QStringLiteral("2026-03-02T03:00:00Z"),
                                            QStringLiteral("--throughput"),
                                            QStringLiteral("20"),
                                            QStringLiteral("--pair-interval"),
                                            QStringLiteral("1.5"),
                                            QStringLiteral("--pair-burst"),
                                            QStringLiteral("2"),
                                            QStringLiteral("--window-hours"),
                                            QStringLiteral("72"),
                                            QStringLiteral("--window-check"),
                                            QStringLiteral("async"),
                                            QStringLiteral("--status-delays"),
                                            QStringLiteral("0,10,-1"),
                                            QStringLiteral("--pricing-model"),
                                            QStringLiteral("cbp"),
                                            QStringLiteral("--template-review-seconds"),
                                            QStringLiteral("2.5"),
                                            QStringLiteral("--template-reject-marker"),
                                            QStringLiteral("NOPE"),
                                            QStringLiteral("--rewrite"),
                                            QStringLiteral("+55 11 8765-4321=5511987654321"),
                                            QStringLiteral("--rewrite"),
                                            QStringLiteral("5215512345678=525512345678"),
                                            QStringLiteral("--undeliverable"),
                                            QStringLiteral("+1 202 555 0199"),
                                            QStringLiteral("--webhook-batch-ms"),
                                            QStringLiteral("250"),
                                            QStringLiteral("--webhook-retry-initial-ms"),
                                            QStringLiteral("100"),
                                            QStringLiteral("--webhook-retry-max-ms"),
                                            QStringLiteral("5000"),
                                            QStringLiteral("--webhook-retry-hours"),
                                            QStringLiteral("1"),
                                            QStringLiteral("--fault-api-5xx"),
                                            QStringLiteral("0.1"),
                                            QStringLiteral("--fault-api-timeout"),
                                            QStringLiteral("0.05"),
                                            QStringLiteral("--fault-webhook-drop"),
                                            QStringLiteral("0.2"),
                                            QStringLiteral("--fault-webhook-duplicate"),
                                            QStringLiteral("0.3"),
                                            QStringLiteral("--fault-webhook-reorder"),
                                            QStringLiteral("1"),
                                            QStringLiteral("--fault-seed"),
                                            QStringLiteral("42")}),
                                 &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->wabaId, QStringLiteral("102290129340399"));
    QVERIFY(config->manualClock);
    QCOMPARE(config->clockStart, QDateTime(QDate(2026, 3, 2), QTime(3, 0), Qt::UTC));
    const Wardline::Sim::SimBehaviour &b = config->behaviour;
    QCOMPARE(b.throughputPerSecond, 20);
    QCOMPARE(b.pairIntervalSeconds, 1.5);
    QCOMPARE(b.pairBurst, 2);
    QCOMPARE(b.windowHours, 72);
    QCOMPARE(b.windowCheck, Wardline::Sim::SimBehaviour::WindowCheck::Async);
    QCOMPARE(b.statusSentMs, 0);
    QCOMPARE(b.statusDeliveredMs, 10);
    QCOMPARE(b.statusReadMs, -1);
    QCOMPARE(b.pricingModel, QStringLiteral("CBP"));
    QCOMPARE(b.templateReviewMs, 2500);
    QCOMPARE(b.templateRejectMarker, QStringLiteral("nope"));
    QCOMPARE(b.numberRewrites.value(QStringLiteral("551187654321")),
             QStringLiteral("5511987654321"));
    QCOMPARE(b.numberRewrites.size(), 2);
    QVERIFY(b.undeliverable.contains(QStringLiteral("12025550199")));
    QCOMPARE(b.webhookBatchMs, 250);
    QCOMPARE(b.webhookRetryInitialMs, 100);
    QCOMPARE(b.webhookRetryMaxMs, 5000);
    QCOMPARE(b.webhookRetryHours, 1);
    QCOMPARE(b.faults.apiServerError, 0.1);
    QCOMPARE(b.faults.apiTimeout, 0.05);
    QCOMPARE(b.faults.webhookDrop, 0.2);
    QCOMPARE(b.faults.webhookDuplicate, 0.3);
    QCOMPARE(b.faults.webhookReorder, 1.0);
    QCOMPARE(b.faults.seed, std::optional<quint32>(42));

    // Defaults: Meta's numbers.
    const std::optional<SimConfig> defaults = SimConfig::fromArguments(arguments(), &error);
    QVERIFY2(defaults, qPrintable(error));
    QCOMPARE(defaults->wabaId, SimConfig::DefaultWabaId.toString());
    QVERIFY(!defaults->manualClock);
    QCOMPARE(defaults->behaviour.throughputPerSecond, 80);
    QCOMPARE(defaults->behaviour.pairIntervalSeconds, 6.0);
    QCOMPARE(defaults->behaviour.windowHours, 24);
    QCOMPARE(defaults->behaviour.windowCheck, Wardline::Sim::SimBehaviour::WindowCheck::Sync);
    QCOMPARE(defaults->behaviour.pricingModel, QStringLiteral("PMP"));
    QVERIFY(!defaults->behaviour.faults.any());
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
    QTest::newRow("waba id not numeric")
        << arguments({QStringLiteral("--waba-id"), QStringLiteral("waba")})
        << QStringLiteral("--waba-id \"waba\"");
    QTest::newRow("waba id equals phone number id")
        << arguments({QStringLiteral("--waba-id"), SimConfig::DefaultPhoneNumberId.toString()})
        << QStringLiteral("must differ");
    QTest::newRow("unknown clock")
        << arguments({QStringLiteral("--clock"), QStringLiteral("sundial")})
        << QStringLiteral("--clock must be");
    QTest::newRow("start time without manual clock")
        << arguments({QStringLiteral("--start-time"), QStringLiteral("2026-03-02T03:00:00Z")})
        << QStringLiteral("--start-time needs --clock manual");
    QTest::newRow("bad start time")
        << arguments({QStringLiteral("--clock"), QStringLiteral("manual"),
                      QStringLiteral("--start-time"), QStringLiteral("3 a.m.")})
        << QStringLiteral("--start-time \"3 a.m.\"");
    QTest::newRow("throughput zero")
        << arguments({QStringLiteral("--throughput"), QStringLiteral("0")})
        << QStringLiteral("--throughput \"0\"");
    QTest::newRow("window check") << arguments({QStringLiteral("--window-check"),
                                                QStringLiteral("later")})
                                  << QStringLiteral("--window-check must be");
    QTest::newRow("two status delays")
        << arguments({QStringLiteral("--status-delays"), QStringLiteral("1,2")})
        << QStringLiteral("--status-delays \"1,2\"");
    QTest::newRow("pricing model")
        << arguments({QStringLiteral("--pricing-model"), QStringLiteral("free")})
        << QStringLiteral("PMP or CBP");
    QTest::newRow("rewrite without wa_id")
        << arguments({QStringLiteral("--rewrite"), QStringLiteral("551187654321")})
        << QStringLiteral("--rewrite \"551187654321\"");
    QTest::newRow("probability above one")
        << arguments({QStringLiteral("--fault-webhook-drop"), QStringLiteral("1.5")})
        << QStringLiteral("--fault-webhook-drop \"1.5\" is not a probability");
    QTest::newRow("seed not a number")
        << arguments({QStringLiteral("--fault-seed"), QStringLiteral("abc")})
        << QStringLiteral("--fault-seed \"abc\"");
    QTest::newRow("personas not a directory")
        << arguments({QStringLiteral("--personas"), QStringLiteral("/nonexistent/personas")})
        << QStringLiteral("is not a directory");
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
