// No Secret Service reachable (ctest points the session bus at a socket that does not exist):
// the console must get no key, a message staff understand, and must not fall back to a file.
#include "console/cachekeystore.h"

#include <QDir>
#include <QStandardPaths>
#include <QTest>

using namespace Wardline;
using Console::CacheKeyStore;

class TestNoKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noKeychainMeansNoKeyAndAClearMessage()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString configDir =
            QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
        const QStringList before = QDir(configDir).entryList(QDir::Files);

        CacheKeyStore store(QStringLiteral("Wardline-test"));
        bool done = false;
        bool ok = true;
        QString error;
        CacheKeyStore::Failure failure = CacheKeyStore::Failure::None;
        store.obtain(QStringLiteral("hub-1/nurse.ana"),
                     [&](Core::Result<Core::SecretKey> key, CacheKeyStore::Failure f) {
                         done = true;
                         ok = key.ok();
                         failure = f;
                         error = key.ok() ? QString() : key.error();
                     });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QVERIFY(!ok);
        QVERIFY2(failure == CacheKeyStore::Failure::NoKeychain, qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("No system keychain is available")),
                 qPrintable(error));
        QVERIFY(error.contains(QStringLiteral("keeps no copy of patient data")));
        // The insecure fallback (a QSettings file) stayed off.
        QCOMPARE(QDir(configDir).entryList(QDir::Files), before);
    }
};

QTEST_GUILESS_MAIN(TestNoKeychain)
#include "tst_nokeychain.moc"
