#include "console/localcache.h"
#include "console/unlockverifier.h"
#include "core/crypto.h"
#include "core/secretkey.h"
#include "store/database.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;
using Console::UnlockVerifier;

class TestUnlockVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(Core::Crypto::selfTest()); }
    void cleanup() { Store::Database::close(QStringLiteral("cache")); }

    void keepsAHashInTheCacheAndChecksOnAWorker()
    {
        QTemporaryDir dir;
        const Core::SecretKey key = Core::SecretKey::generate();
        const QString path = Console::LocalCache::pathFor(dir.path(), QStringLiteral("u"));
        auto db = Console::LocalCache::open(QStringLiteral("cache"), path, key);
        QVERIFY2(db, qPrintable(db.error()));
        QVERIFY(UnlockVerifier::load(db.value()).isEmpty());

        UnlockVerifier verifier;
        QSignalSpy stored(&verifier, &UnlockVerifier::stored);
        verifier.store(db.value(), QStringLiteral("correct horse battery"));
        QTRY_COMPARE(stored.count(), 1);
        QCOMPARE(stored.at(0).at(0).toBool(), true);
        const QByteArray hash = UnlockVerifier::load(db.value());
        QVERIFY(hash.startsWith("$argon2id$"));
        QVERIFY(!hash.contains("correct")); // a hash, never the password
        QCOMPARE(verifier.hash(), hash);

        UnlockVerifier reopened;
        reopened.setHash(hash);
        QSignalSpy checked(&reopened, &UnlockVerifier::checked);
        reopened.check(QStringLiteral("correct horse batterY"));
        QVERIFY(reopened.isChecking());
        QTRY_COMPARE(checked.count(), 1);
        QCOMPARE(checked.at(0).at(0).toBool(), false);
        reopened.check(QStringLiteral("correct horse battery"));
        QTRY_COMPARE(checked.count(), 2);
        QCOMPARE(checked.at(1).at(0).toBool(), true);
    }

    void keepsNothingWhenTheCacheClosedMeanwhile()
    {
        QTemporaryDir dir;
        const QString path = Console::LocalCache::pathFor(dir.path(), QStringLiteral("u"));
        const Core::SecretKey key = Core::SecretKey::generate();
        UnlockVerifier verifier;
        QSignalSpy stored(&verifier, &UnlockVerifier::stored);
        {
            auto db = Console::LocalCache::open(QStringLiteral("cache"), path, key);
            QVERIFY2(db, qPrintable(db.error()));
            verifier.store(db.value(), QStringLiteral("secret words"));
        }
        Store::Database::close(QStringLiteral("cache")); // signed out while Argon2id runs
        QTRY_COMPARE(stored.count(), 1);
        QCOMPARE(stored.at(0).at(0).toBool(), false);
        QVERIFY(!verifier.hasHash());
    }

    void withoutAHashNothingUnlocks()
    {
        UnlockVerifier verifier;
        QSignalSpy checked(&verifier, &UnlockVerifier::checked);
        verifier.check(QString());
        QCOMPARE(checked.count(), 1);
        QCOMPARE(checked.at(0).at(0).toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestUnlockVerifier)
#include "tst_unlockverifier.moc"
