#include "core/secretkey.h"
#include "store/database.h"
#include "store/sqlcipherdriver.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QDir>
#include <QProcess>
#include <QSqlError>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSqlTableModel>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;
using Store::Database::Create;
using Store::Database::Durability;

class TestSqlCipherDriver : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_counter)); }

    static QSqlDatabase open(const QString &path, const Core::SecretKey &key,
                             Create create = Create::IfMissing,
                             Durability durability = Durability::Full)
    {
        auto db =
            Store::Database::openSqlCipher(QStringLiteral("test"), path, key, create, durability);
        if (!db)
            qWarning("open failed: %s", qPrintable(db.error()));
        return db ? db.value() : QSqlDatabase();
    }

    static void closeAll() { Store::Database::close(QStringLiteral("test")); }

    static QByteArray fileHash(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

    static QString pragma(QSqlDatabase db, const QString &name)
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next())
            return QStringLiteral("<error>");
        return q.value(0).toString();
    }

private Q_SLOTS:
    void init() { closeAll(); }
    void cleanup() { closeAll(); }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QVariant>("expected");

        const QByteArray blob("\x00\x01\xff\xfe binary\x00tail", 16);
        QTest::newRow("int64 max")
            << QStringLiteral("i") << QVariant(std::numeric_limits<qint64>::max())
            << QVariant(qlonglong(std::numeric_limits<qint64>::max()));
        QTest::newRow("int64 min")
            << QStringLiteral("i") << QVariant(std::numeric_limits<qint64>::min())
            << QVariant(qlonglong(std::numeric_limits<qint64>::min()));
        QTest::newRow("int") << QStringLiteral("i") << QVariant(42) << QVariant(qlonglong(42));
        QTest::newRow("bool") << QStringLiteral("i") << QVariant(true) << QVariant(qlonglong(1));
        QTest::newRow("double") << QStringLiteral("r") << QVariant(3.141592653589793)
                                << QVariant(3.141592653589793);
        QTest::newRow("negative double")
            << QStringLiteral("r") << QVariant(-1e-300) << QVariant(-1e-300);
        QTest::newRow("ascii text") << QStringLiteral("t") << QVariant(QStringLiteral("plain"))
                                    << QVariant(QStringLiteral("plain"));
        QTest::newRow("unicode text")
            << QStringLiteral("t") << QVariant(QStringLiteral(u"dolor en el pecho 😟 — 胸痛 ñáéíóú"))
            << QVariant(QStringLiteral(u"dolor en el pecho 😟 — 胸痛 ñáéíóú"));
        QTest::newRow("empty text")
            << QStringLiteral("t") << QVariant(QStringLiteral("")) << QVariant(QStringLiteral(""));
        QTest::newRow("blob with NULs") << QStringLiteral("b") << QVariant(blob) << QVariant(blob);
        QTest::newRow("empty blob")
            << QStringLiteral("b") << QVariant(QByteArray("")) << QVariant(QByteArray(""));
        QTest::newRow("null text")
            << QStringLiteral("t") << QVariant(QMetaType::fromType<QString>()) << QVariant();
        QTest::newRow("null int") << QStringLiteral("i") << QVariant(QMetaType::fromType<int>())
                                  << QVariant();
        QTest::newRow("date time")
            << QStringLiteral("t")
            << QVariant(QDateTime(QDate(2026, 11, 25), QTime(3, 4, 5, 678), Qt::UTC))
            << QVariant(QStringLiteral("2026-11-25T03:04:05.678Z"));
    }

    void roundTrip()
    {
        QFETCH(QString, column);
        QFETCH(QVariant, value);
        QFETCH(QVariant, expected);
        const Core::SecretKey key = Core::SecretKey::generate();
        QSqlDatabase db = open(freshPath(), key);
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("CREATE TABLE v (i INTEGER, r REAL, t TEXT, b BLOB)")),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO v (%1) VALUES (?)").arg(column)));
        q.addBindValue(value);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QCOMPARE(q.numRowsAffected(), 1);

        QVERIFY(q.exec(QStringLiteral("SELECT %1 FROM v").arg(column)));
        QVERIFY(q.next());
        if (expected.isValid()) {
            QVERIFY(!q.isNull(0));
            QCOMPARE(q.value(0).metaType(), expected.metaType());
            QCOMPARE(q.value(0), expected);
        } else {
            QVERIFY(q.isNull(0));
            QVERIFY(q.value(0).isNull());
        }
        QVERIFY(!q.next());
    }

    void namedAndPositionalBindings()
    {
        QSqlDatabase db = open(freshPath(), Core::SecretKey::generate());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE p (a TEXT, b INTEGER, c TEXT)")));
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO p (a, b, c) VALUES (:name, :n, :name)")));
        q.bindValue(QStringLiteral(":n"), 7);
        q.bindValue(QStringLiteral(":name"), QStringLiteral("it's :not a placeholder"));
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QVERIFY(q.prepare(QStringLiteral("SELECT a, b, c, ':x' FROM p WHERE b = ?")));
        q.addBindValue(7);
        QVERIFY(q.exec());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("it's :not a placeholder"));
        QCOMPARE(q.value(1).toLongLong(), 7);
        QCOMPARE(q.value(2).toString(), q.value(0).toString());
        QCOMPARE(q.value(3).toString(), QStringLiteral(":x"));
        QCOMPARE(q.record().fieldName(1), QStringLiteral("b"));

        // Re-executing a prepared statement with new values.
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO p (b) VALUES (?)")));
        for (int i = 0; i < 5; ++i) {
            q.addBindValue(100 + i);
            QVERIFY(q.exec());
            QVERIFY(q.lastInsertId().isValid());
        }
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), sum(b) FROM p WHERE b >= 100")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 5);
        QCOMPARE(q.value(1).toInt(), 510);

        // Wrong number of values is an error, not a silent NULL.
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO p (a, b) VALUES (?, ?)")));
        q.addBindValue(QStringLiteral("only one"));
        QVERIFY(!q.exec());
        QVERIFY(q.lastError().isValid());
    }

    void lastInsertIdAndAffectedRows()
    {
        QSqlDatabase db = open(freshPath(), Core::SecretKey::generate());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO t (x) VALUES (1)")));
        QCOMPARE(q.lastInsertId().toLongLong(), 1);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO t (id, x) VALUES (41, 2)")));
        QCOMPARE(q.lastInsertId().toLongLong(), 41);
        QVERIFY(q.exec(QStringLiteral("UPDATE t SET x = x + 1")));
        QCOMPARE(q.numRowsAffected(), 2);
        QVERIFY(q.exec(QStringLiteral("DELETE FROM t WHERE id = 999")));
        QCOMPARE(q.numRowsAffected(), 0);
    }

    void reusedStatementsStayIndependent()
    {
        const QString path = freshPath();
        const Core::SecretKey key = Core::SecretKey::generate();
        QSqlDatabase db = open(path, key);
        QSqlQuery setup(db);
        QVERIFY(setup.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT)")));
        const QString insert = QStringLiteral("INSERT INTO t (id, s) VALUES (?, ?)");
        for (int i = 1; i <= 3; ++i) {
            QSqlQuery q(db);
            QVERIFY(q.prepare(insert));
            q.addBindValue(i);
            {
                QString text = QStringLiteral("value %1").arg(i);
                q.addBindValue(text);
            }
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        // Two open cursors on the same text each have their own statement.
        const QString select = QStringLiteral("SELECT s FROM t WHERE id >= ? ORDER BY id");
        QSqlQuery a(db), b(db);
        a.setForwardOnly(true);
        b.setForwardOnly(true);
        QVERIFY(a.prepare(select));
        a.addBindValue(1);
        QVERIFY(a.exec());
        QVERIFY(b.prepare(select));
        b.addBindValue(2);
        QVERIFY(b.exec());
        QVERIFY(a.next());
        QVERIFY(b.next());
        QCOMPARE(a.value(0).toString(), QStringLiteral("value 1"));
        QCOMPARE(b.value(0).toString(), QStringLiteral("value 2"));
        QVERIFY(a.next());
        QCOMPARE(a.value(0).toString(), QStringLiteral("value 2"));
        a = QSqlQuery();
        b = QSqlQuery();
        // A bound-parameter count mismatch still fails on a reused statement.
        QSqlQuery c(db);
        QVERIFY(c.prepare(insert));
        c.addBindValue(9);
        QVERIFY(!c.exec());
        // The schema changes under a kept statement: the record follows.
        const QString star = QStringLiteral("SELECT * FROM t WHERE id = ?");
        {
            QSqlQuery d(db);
            QVERIFY(d.prepare(star));
            d.addBindValue(1);
            QVERIFY(d.exec() && d.next());
            QCOMPARE(d.record().count(), 2);
        }
        QVERIFY(setup.exec(QStringLiteral("ALTER TABLE t ADD COLUMN extra INTEGER DEFAULT 7")));
        {
            QSqlQuery d(db);
            QVERIFY(d.prepare(star));
            d.addBindValue(1);
            QVERIFY(d.exec() && d.next());
            QCOMPARE(d.record().count(), 3);
            QCOMPARE(d.record().fieldName(2), QStringLiteral("extra"));
            QCOMPARE(d.value(2).toLongLong(), 7);
        }
        // Kept statements do not stop a clean close (the WAL is checkpointed and removed).
        setup = QSqlQuery();
        c = QSqlQuery();
        db = QSqlDatabase();
        closeAll();
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
        db = open(path, key, Create::No);
        QSqlQuery e(db);
        QVERIFY(e.exec(QStringLiteral("SELECT group_concat(s, ',') FROM t")) && e.next());
        QCOMPARE(e.value(0).toString(), QStringLiteral("value 1,value 2,value 3"));
    }

    void transactions()
    {
        const QString path = freshPath();
        const Core::SecretKey key = Core::SecretKey::generate();
        QSqlDatabase db = open(path, key);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (x INTEGER)")));
        QVERIFY(db.transaction());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO t VALUES (1)")));
        QVERIFY(db.commit());
        QVERIFY(db.transaction());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO t VALUES (2)")));
        QVERIFY(db.rollback());
        q = QSqlQuery();
        db = QSqlDatabase();
        closeAll();
        db = open(path, key, Create::No);
        QSqlQuery r(db);
        QVERIFY(r.exec(QStringLiteral("SELECT group_concat(x) FROM t")));
        QVERIFY(r.next());
        QCOMPARE(r.value(0).toString(), QStringLiteral("1"));
    }

    void errorsCarrySqliteMessageAndCode()
    {
        QSqlDatabase db = open(freshPath(), Core::SecretKey::generate());
        QSqlQuery q(db);
        QVERIFY(!q.exec(QStringLiteral("SELECT * FROM no_such_table")));
        QVERIFY(q.lastError().databaseText().contains(QStringLiteral("no such table")));
        QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("1")); // SQLITE_ERROR
        QCOMPARE(q.lastError().type(), QSqlError::StatementError);

        QVERIFY(q.exec(QStringLiteral("CREATE TABLE u (k TEXT UNIQUE)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO u VALUES ('a')")));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO u VALUES ('a')")));
        QVERIFY(q.lastError().databaseText().contains(QStringLiteral("UNIQUE constraint failed")));
        QCOMPARE(q.lastError().nativeErrorCode(),
                 QStringLiteral("2067")); // SQLITE_CONSTRAINT_UNIQUE

        // Two statements in one query are refused rather than half-run.
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO u VALUES ('b'); DROP TABLE u")));
        QVERIFY(db.tables().contains(QStringLiteral("u")));
    }

    void scrollingAndForwardOnly()
    {
        QSqlDatabase db = open(freshPath(), Core::SecretKey::generate());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE n (x INTEGER)")));
        for (int i = 1; i <= 5; ++i)
            QVERIFY(q.exec(QStringLiteral("INSERT INTO n VALUES (%1)").arg(i)));

        QVERIFY(q.exec(QStringLiteral("SELECT x FROM n ORDER BY x")));
        QVERIFY(q.last());
        QCOMPARE(q.value(0).toInt(), 5);
        QVERIFY(q.seek(1));
        QCOMPARE(q.value(0).toInt(), 2);
        QVERIFY(q.previous());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(!q.seek(9));

        QSqlQuery f(db);
        f.setForwardOnly(true);
        QVERIFY(f.exec(QStringLiteral("SELECT x FROM n ORDER BY x")));
        int sum = 0;
        while (f.next())
            sum += f.value(0).toInt();
        QCOMPARE(sum, 15);

        // Forward-only: last() still gives the last row; going back is refused.
        QVERIFY(f.exec(QStringLiteral("SELECT x, x * 10 FROM n ORDER BY x")));
        QVERIFY(f.next());
        QCOMPARE(f.value(1).toInt(), 10);
        QVERIFY(f.last());
        QCOMPARE(f.value(0).toInt(), 5);
        QCOMPARE(f.value(1).toInt(), 50);
        QVERIFY(!f.previous());
        QVERIFY(f.exec(QStringLiteral("SELECT x FROM n WHERE x = 1")));
        QVERIFY(f.next());
        QVERIFY(f.last()); // the current row is already the last
        QCOMPARE(f.value(0).toInt(), 1);
        QVERIFY(f.exec(QStringLiteral("SELECT x FROM n WHERE x > 100")));
        QVERIFY(!f.last());

        QSqlQuery empty(db);
        QVERIFY(empty.exec(QStringLiteral("SELECT x FROM n WHERE x > 100")));
        QVERIFY(empty.isSelect());
        QVERIFY(!empty.next());
    }

    void tableModelWorks()
    {
        QSqlDatabase db = open(freshPath(), Core::SecretKey::generate());
        QSqlQuery q(db);
        QVERIFY(q.exec(
            QStringLiteral("CREATE TABLE staff (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO staff (name) VALUES ('Ana'), ('Ben')")));
        QCOMPARE(db.record(QStringLiteral("staff")).count(), 2);
        QCOMPARE(db.primaryIndex(QStringLiteral("staff")).fieldName(0), QStringLiteral("id"));

        QSqlTableModel model(nullptr, db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(QStringLiteral("staff"));
        model.setEditStrategy(QSqlTableModel::OnManualSubmit);
        QVERIFY(model.select());
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.setData(model.index(1, 1), QStringLiteral("Beatriz")));
        QVERIFY2(model.submitAll(), qPrintable(model.lastError().text()));
        QVERIFY(q.exec(QStringLiteral("SELECT name FROM staff WHERE id = 2")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Beatriz"));
    }

    void wrongKeyFailsAndChangesNothing()
    {
        const QString path = freshPath();
        const Core::SecretKey key = Core::SecretKey::generate();
        {
            QSqlDatabase db = open(path, key);
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (x)")));
        }
        closeAll();
        const QByteArray before = fileHash(path);
        QVERIFY(!before.isEmpty());

        auto wrong = Store::Database::openSqlCipher(QStringLiteral("test"), path,
                                                    Core::SecretKey::generate(), Create::IfMissing);
        QVERIFY(!wrong);
        QVERIFY2(wrong.error().contains(QStringLiteral("key is wrong")), qPrintable(wrong.error()));
        QVERIFY(!QSqlDatabase::contains(QStringLiteral("test")));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));

        // The right key still opens it, with the table intact.
        QSqlDatabase db = open(path, key, Create::No);
        QVERIFY(db.tables().contains(QStringLiteral("t")));
    }

    void missingFileIsNotCreatedUnlessAsked()
    {
        const QString path = freshPath();
        auto db = Store::Database::openSqlCipher(QStringLiteral("test"), path,
                                                 Core::SecretKey::generate(), Create::No);
        QVERIFY(!db);
        QVERIFY(db.error().contains(QStringLiteral("no database")));
        QVERIFY(!QFile::exists(path));
    }

    void keyMustBeRaw256Bits()
    {
        Store::registerSqlCipherDriver();
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLCIPHER"), QStringLiteral("test"));
        db.setDatabaseName(freshPath());
        db.setConnectOptions(
            QStringLiteral("QSQLCIPHER_KEY=correct horse battery staple;QSQLCIPHER_CREATE"));
        QVERIFY(!db.open());
        QVERIFY(db.lastError().text().contains(QStringLiteral("256-bit")));
        db.setConnectOptions(QStringLiteral("QSQLCIPHER_CREATE"));
        QVERIFY(!db.open());
        QVERIFY(!QFile::exists(db.databaseName()));
    }

    void settingsAreReadBack_data()
    {
        QTest::addColumn<int>("durability");
        QTest::addColumn<QString>("synchronous");
        QTest::newRow("full") << int(Durability::Full) << QStringLiteral("2");
        QTest::newRow("normal") << int(Durability::Normal) << QStringLiteral("1");
    }

    void settingsAreReadBack()
    {
        QFETCH(int, durability);
        QFETCH(QString, synchronous);
        QSqlDatabase db = open(freshPath(), Core::SecretKey::generate(), Create::IfMissing,
                               Durability(durability));
        QVERIFY(db.isOpen());
        QVERIFY(pragma(db, QStringLiteral("cipher_version")).section(u'.', 0, 0).toInt() >= 4);
        QCOMPARE(pragma(db, QStringLiteral("temp_store")), QStringLiteral("2"));
        QCOMPARE(pragma(db, QStringLiteral("secure_delete")), QStringLiteral("1"));
        QCOMPARE(pragma(db, QStringLiteral("cipher_memory_security")), QStringLiteral("1"));
        QCOMPARE(pragma(db, QStringLiteral("journal_mode")), QStringLiteral("wal"));
        QCOMPARE(pragma(db, QStringLiteral("synchronous")), synchronous);
        QCOMPARE(pragma(db, QStringLiteral("foreign_keys")), QStringLiteral("1"));
        QVERIFY(db.connectOptions().isEmpty()); // the key does not linger
    }

    void refusesWhenASettingDoesNotHold()
    {
        // An in-memory database cannot use WAL: the read-back must catch it and refuse.
        auto db = Store::Database::openSqlCipher(QStringLiteral("test"), QStringLiteral(":memory:"),
                                                 Core::SecretKey::generate(), Create::IfMissing);
        QVERIFY(!db);
        QVERIFY2(db.error().contains(QStringLiteral("journal_mode")), qPrintable(db.error()));
    }

    void sqlcipherCliReadsWhatTheDriverWrote()
    {
        const QString path = freshPath();
        const Core::SecretKey key = Core::SecretKey::generate();
        {
            QSqlDatabase db = open(path, key);
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (x TEXT)")));
            QVERIFY(q.prepare(QStringLiteral("INSERT INTO t VALUES (?)")));
            q.addBindValue(QStringLiteral(u"written by the driver ñ"));
            QVERIFY(q.exec());
        }
        closeAll();

        QProcess cli;
        cli.start(QStringLiteral(SQLCIPHER_CLI), {QStringLiteral("-batch"), path});
        QVERIFY(cli.waitForStarted());
        cli.write("PRAGMA key = \"x'" + key.toHex() + "'\";\nSELECT x FROM t;\n");
        cli.closeWriteChannel();
        QVERIFY(cli.waitForFinished());
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral(u"written by the driver ñ")),
                 qPrintable(out + QString::fromUtf8(cli.readAllStandardError())));

        // And without the key the command-line program sees no database at all.
        QProcess nokey;
        nokey.start(QStringLiteral(SQLCIPHER_CLI), {QStringLiteral("-batch"), path});
        QVERIFY(nokey.waitForStarted());
        nokey.write("SELECT x FROM t;\n");
        nokey.closeWriteChannel();
        QVERIFY(nokey.waitForFinished());
        QVERIFY(
            !QString::fromUtf8(nokey.readAllStandardOutput()).contains(QStringLiteral("written")));
        QVERIFY(QString::fromUtf8(nokey.readAllStandardError())
                    .contains(QStringLiteral("not a database")));
    }

    void canaryNeverReachesTheDisk()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("hub.db"));
        const QByteArray canary = "CANARY-" + Core::SecretKey::generate().toHex().left(16);
        const Core::SecretKey key = Core::SecretKey::generate();
        {
            QSqlDatabase db = open(path, key);
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (x TEXT, b BLOB)")));
            QVERIFY(q.prepare(QStringLiteral("INSERT INTO t VALUES (?, ?)")));
            q.addBindValue(QString::fromLatin1(canary));
            q.addBindValue(canary);
            QVERIFY(q.exec());
            // Checked while still open too: WAL and shared-memory files are on disk now.
            const QStringList openFiles = QDir(dir.path()).entryList(QDir::Files);
            QVERIFY(openFiles.contains(QStringLiteral("hub.db-wal")));
            for (const QString &name : openFiles) {
                QFile f(dir.filePath(name));
                QVERIFY(f.open(QIODevice::ReadOnly));
                QVERIFY2(!f.readAll().contains(canary), qPrintable(name));
            }
        }
        closeAll();
        const QStringList files = QDir(dir.path()).entryList(QDir::Files);
        QVERIFY(files.contains(QStringLiteral("hub.db")));
        for (const QString &name : files) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(canary), qPrintable(name));
        }
    }
};

QTEST_GUILESS_MAIN(TestSqlCipherDriver)
#include "tst_sqlcipherdriver.moc"
