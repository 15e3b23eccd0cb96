#include "console/localcache.h"
#include "core/secretkey.h"
#include "store/database.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

class TestLocalCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { Store::Database::close(QStringLiteral("cache")); }

    void fileNameRevealsNoUser()
    {
        const QString path =
            Console::LocalCache::pathFor(QStringLiteral("/c"), QStringLiteral("hub-1/nurse.ana"));
        QVERIFY(!path.contains(QStringLiteral("nurse")));
        QVERIFY(path.startsWith(QStringLiteral("/c/")));
        QVERIFY(path != Console::LocalCache::pathFor(QStringLiteral("/c"),
                                                     QStringLiteral("hub-1/nurse.ben")));
    }

    void opensMigratesAndKeepsData()
    {
        QTemporaryDir dir;
        const QString path = Console::LocalCache::pathFor(dir.filePath(QStringLiteral("cache")),
                                                          QStringLiteral("u"));
        const Core::SecretKey key = Core::SecretKey::generate();
        {
            auto db = Console::LocalCache::open(QStringLiteral("cache"), path, key);
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery q(db.value());
            QVERIFY(q.exec(
                QStringLiteral("INSERT INTO drafts VALUES (7, 'draft text', '2026-11-25')")));
        }
        Store::Database::close(QStringLiteral("cache"));
        QCOMPARE(QFile::permissions(path) & (QFile::ReadOther | QFile::ReadGroup),
                 QFile::Permissions());
        bool reset = true;
        auto db = Console::LocalCache::open(QStringLiteral("cache"), path, key, &reset);
        QVERIFY(db);
        QVERIFY(!reset);
        QSqlQuery q(db.value());
        QVERIFY(q.exec(QStringLiteral("SELECT body FROM drafts WHERE conversation_id = 7")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("draft text"));
    }

    void aLostKeyMeansAFreshCache()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.cache"));
        {
            auto db = Console::LocalCache::open(QStringLiteral("cache"), path,
                                                Core::SecretKey::generate());
            QVERIFY(db);
            QSqlQuery q(db.value());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO drafts VALUES (1, 'old', '2026-11-25')")));
        }
        Store::Database::close(QStringLiteral("cache"));
        bool reset = false;
        auto db = Console::LocalCache::open(QStringLiteral("cache"), path,
                                            Core::SecretKey::generate(), &reset);
        QVERIFY2(db, qPrintable(db.error()));
        QVERIFY(reset);
        QSqlQuery q(db.value());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM drafts")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLocalCache)
#include "tst_localcache.moc"
