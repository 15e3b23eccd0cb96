// Runs against a real gnome-keyring in a private D-Bus session (tests/with-keyring).
#include "console/cachekeystore.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Wardline;
using Console::CacheKeyStore;

namespace {
struct Outcome
{
    bool done = false;
    bool ok = false;
    QByteArray key;
    CacheKeyStore::Failure failure = CacheKeyStore::Failure::None;
    QString error;
};

CacheKeyStore::KeyCallback capture(Outcome *o)
{
    return [o](Core::Result<Core::SecretKey> key, CacheKeyStore::Failure failure) {
        o->done = true;
        o->ok = key.ok();
        o->failure = failure;
        if (key)
            o->key = key->bytes();
        else
            o->error = key.error();
    };
}
} // namespace

class TestCacheKeyStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("WARDLINE_KEYRING_SESSION"),
                 "run through tests/with-keyring (ctest does)");
    }

    void obtainCreatesThenReadsTheSameKey()
    {
        CacheKeyStore store(QStringLiteral("Wardline-test"));
        Outcome first;
        store.obtain(QStringLiteral("hub-1/nurse.ana"), capture(&first));
        QTRY_VERIFY_WITH_TIMEOUT(first.done, 20000);
        QVERIFY2(first.ok, qPrintable(first.error));
        QCOMPARE(first.key.size(), 32);

        Outcome second;
        store.obtain(QStringLiteral("hub-1/nurse.ana"), capture(&second));
        QTRY_VERIFY_WITH_TIMEOUT(second.done, 20000);
        QVERIFY(second.ok);
        QCOMPARE(second.key, first.key);

        Outcome other;
        store.obtain(QStringLiteral("hub-1/nurse.ben"), capture(&other));
        QTRY_VERIFY_WITH_TIMEOUT(other.done, 20000);
        QVERIFY(other.ok);
        QVERIFY(other.key != first.key);
    }

    void theKeyIsReallyInTheSecretService()
    {
        CacheKeyStore store(QStringLiteral("Wardline-test"));
        Outcome created;
        store.obtain(QStringLiteral("hub-1/visible"), capture(&created));
        QTRY_VERIFY_WITH_TIMEOUT(created.done, 20000);
        QVERIFY(created.ok);
        // Another Secret Service client (libsecret's secret-tool) finds the entry QtKeychain wrote.
        QProcess tool;
        tool.start(QStringLiteral("secret-tool"),
                   {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                    QStringLiteral("Wardline-test")});
        QVERIFY(tool.waitForFinished(20000));
        const QString listing =
            QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError());
        QVERIFY2(listing.contains(QStringLiteral("cache-key/hub-1/visible")), qPrintable(listing));
    }

    void readMissingIsNotFound()
    {
        CacheKeyStore store(QStringLiteral("Wardline-test"));
        Outcome missing;
        store.read(QStringLiteral("hub-1/nobody"), capture(&missing));
        QTRY_VERIFY_WITH_TIMEOUT(missing.done, 20000);
        QVERIFY(!missing.ok);
        QCOMPARE(missing.failure, CacheKeyStore::Failure::NotFound);
    }

    void removeForgetsTheKey()
    {
        CacheKeyStore store(QStringLiteral("Wardline-test"));
        Outcome created;
        store.obtain(QStringLiteral("hub-1/leaving"), capture(&created));
        QTRY_VERIFY_WITH_TIMEOUT(created.done, 20000);
        QVERIFY(created.ok);

        bool removed = false;
        QString removeError;
        store.remove(QStringLiteral("hub-1/leaving"), [&](Core::Status s) {
            removed = true;
            removeError = s.error();
        });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 20000);
        QVERIFY2(removeError.isEmpty(), qPrintable(removeError));

        Outcome after;
        store.read(QStringLiteral("hub-1/leaving"), capture(&after));
        QTRY_VERIFY_WITH_TIMEOUT(after.done, 20000);
        QCOMPARE(after.failure, CacheKeyStore::Failure::NotFound);

        // A new key after removal is a different key: the old cache cannot be read with it.
        Outcome fresh;
        store.obtain(QStringLiteral("hub-1/leaving"), capture(&fresh));
        QTRY_VERIFY_WITH_TIMEOUT(fresh.done, 20000);
        QVERIFY(fresh.ok);
        QVERIFY(fresh.key != created.key);
    }
};

QTEST_GUILESS_MAIN(TestCacheKeyStore)
#include "tst_cachekeystore.moc"
