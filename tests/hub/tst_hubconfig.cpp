#include "hub/hubconfig.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

class TestHubConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listenAddress_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("ipv4 loopback") << QStringLiteral("127.0.0.1:8443") << true << true;
        QTest::newRow("ipv6 loopback") << QStringLiteral("[::1]:8443") << true << true;
        QTest::newRow("any") << QStringLiteral("0.0.0.0:8443") << true << false;
        QTest::newRow("lan") << QStringLiteral("10.1.2.3:1") << true << false;
        QTest::newRow("no port") << QStringLiteral("127.0.0.1") << false << false;
        QTest::newRow("port too big") << QStringLiteral("127.0.0.1:70000") << false << false;
        QTest::newRow("host name") << QStringLiteral("hub.local:8443") << false << false;
    }

    void listenAddress()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(bool, loopback);
        const auto address = Hub::ListenAddress::parse(text);
        QCOMPARE(address.has_value(), valid);
        if (valid)
            QCOMPARE(address->isLoopback(), loopback);
    }

    void defaultsRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(Hub::HubConfig::writeDefaults(dir.path()));
        auto config = Hub::HubConfig::load(dir.path());
        QVERIFY2(config, qPrintable(config.error()));
        QCOMPARE(config->value("whatsapp/api_version"), QStringLiteral("v24.0"));
        QCOMPARE(config->databaseFile(), dir.filePath(QStringLiteral("hub.db")));
        QCOMPARE(config->path("database/key_file"), dir.filePath(QStringLiteral("hub.key")));
    }

    void keyFileCanBeASystemdCredential()
    {
        QTemporaryDir dir;
        QVERIFY(Hub::HubConfig::writeDefaults(dir.path()));
        {
            QSettings conf(dir.filePath(QStringLiteral("hub.conf")), QSettings::IniFormat);
            conf.setValue(QStringLiteral("database/key_file"),
                          QStringLiteral("$CREDENTIALS_DIRECTORY/hub.key"));
        }
        qputenv("CREDENTIALS_DIRECTORY", "/run/credentials/wardline-hub.service");
        auto config = Hub::HubConfig::load(dir.path());
        qunsetenv("CREDENTIALS_DIRECTORY");
        QVERIFY(config);
        QCOMPARE(config->path("database/key_file"),
                 QStringLiteral("/run/credentials/wardline-hub.service/hub.key"));
    }

    void unknownKeyAndBadAddressAreRefused_data()
    {
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<QString>("message");
        QTest::newRow("typo") << QByteArray("[api]\nlisen=127.0.0.1:1\n")
                              << QStringLiteral("unknown setting \"api/lisen\"");
        QTest::newRow("address") << QByteArray("[webhook]\nlisten=everywhere\n")
                                 << QStringLiteral("is not an address:port");
    }

    void unknownKeyAndBadAddressAreRefused()
    {
        QFETCH(QByteArray, extra);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("hub.conf")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(extra);
        f.close();
        auto config = Hub::HubConfig::load(dir.path());
        QVERIFY(!config);
        QVERIFY2(config.error().contains(message), qPrintable(config.error()));
    }

    void missingConfigSaysWhatToRun()
    {
        QTemporaryDir dir;
        auto config = Hub::HubConfig::load(dir.path());
        QVERIFY(!config);
        QVERIFY(config.error().contains(QStringLiteral("init")));
    }
};

QTEST_GUILESS_MAIN(TestHubConfig)
#include "tst_hubconfig.moc"
