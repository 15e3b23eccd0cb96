#include "store/keyfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Wardline;

class TestKeyFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static mode_t modeOf(const QString &path)
    {
        struct stat st = {};
        ::stat(QFile::encodeName(path).constData(), &st);
        return st.st_mode & 07777;
    }

private Q_SLOTS:
    void createThenRead()
    {
        const QString path = m_dir.filePath(QStringLiteral("create.key"));
        ::umask(0); // even with a permissive umask the file must be private
        auto created = Store::KeyFile::create(path);
        ::umask(022);
        QVERIFY2(created, qPrintable(created.error()));
        QCOMPARE(modeOf(path), mode_t(0600));
        QCOMPARE(QFileInfo(path).size(), 65);
        auto read = Store::KeyFile::read(path);
        QVERIFY2(read, qPrintable(read.error()));
        QCOMPARE(read->bytes(), created->bytes());
        QCOMPARE(read->bytes().size(), 32);

        auto second = Store::KeyFile::create(m_dir.filePath(QStringLiteral("other.key")));
        QVERIFY(second);
        QVERIFY(second->bytes() != created->bytes());
    }

    void existingFileIsNeverOverwritten()
    {
        const QString path = m_dir.filePath(QStringLiteral("existing.key"));
        QVERIFY(Store::KeyFile::create(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        auto again = Store::KeyFile::create(path);
        QVERIFY(!again);
        QVERIFY(again.error().contains(QStringLiteral("already exists")));
        f.seek(0);
        QCOMPARE(f.readAll(), before);
    }

    void permissions_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("0600") << 0600 << true;
        QTest::newRow("0400 (systemd credential)") << 0400 << true;
        QTest::newRow("0644 world-readable") << 0644 << false;
        QTest::newRow("0640 group-readable") << 0640 << false;
        QTest::newRow("0604 other-readable") << 0604 << false;
        QTest::newRow("0620 group-writable") << 0620 << false;
    }

    void permissions()
    {
        QFETCH(int, mode);
        QFETCH(bool, accepted);
        const QString path = m_dir.filePath(QStringLiteral("perm%1.key").arg(mode, 0, 8));
        QVERIFY(Store::KeyFile::create(path));
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(mode)), 0);
        auto read = Store::KeyFile::read(path);
        QCOMPARE(bool(read), accepted);
        if (!accepted) {
            QVERIFY2(read.error().contains(QStringLiteral("others read")),
                     qPrintable(read.error()));
            QVERIFY(read.error().contains(QStringLiteral("chmod 600")));
        }
    }

    void malformedContentIsRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        const QString notAKey = QStringLiteral("256-bit");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("is empty");
        QTest::newRow("short") << QByteArray(63, 'a') << notAKey;
        QTest::newRow("long") << QByteArray(66, 'a') << notAKey;
        QTest::newRow("not hex") << QByteArray(64, 'g') << notAKey;
        QTest::newRow("passphrase") << QByteArray("correct horse battery staple") << notAKey;
    }

    void malformedContentIsRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        const QString path = m_dir.filePath(
            QStringLiteral("bad-%1.key").arg(QString::fromLatin1(QTest::currentDataTag())));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        auto read = Store::KeyFile::read(path);
        QVERIFY(!read);
        QVERIFY2(read.error().contains(reason), qPrintable(read.error()));
    }

    void symlinkAndMissingAreRefused()
    {
        const QString target = m_dir.filePath(QStringLiteral("target.key"));
        QVERIFY(Store::KeyFile::create(target));
        const QString link = m_dir.filePath(QStringLiteral("link.key"));
        QVERIFY(QFile::link(target, link));
        QVERIFY(!Store::KeyFile::read(link));
        auto missing = Store::KeyFile::read(m_dir.filePath(QStringLiteral("missing.key")));
        QVERIFY(!missing);
        QVERIFY(missing.error().contains(QStringLiteral("Unable to open")));
    }
};

QTEST_GUILESS_MAIN(TestKeyFile)
#include "tst_keyfile.moc"
