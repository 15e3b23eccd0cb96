#include "core/secretkey.h"
#include "store/database.h"
#include "store/hubschema.h"
#include "store/migrator.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;
using Store::Migration;
using Store::Migrator;

namespace {
const QString Connection = QStringLiteral("migrations");

QList<Migration> sampleMigrations()
{
    return {
        {1,
         QStringLiteral("patients"),
         {QStringLiteral("CREATE TABLE patients (id INTEGER PRIMARY KEY, name TEXT)")}},
        {2,
         QStringLiteral("patient language"),
         {QStringLiteral("ALTER TABLE patients ADD COLUMN language TEXT NOT NULL DEFAULT 'en'")}},
        {3,
         QStringLiteral("appointments"),
         {QStringLiteral("CREATE TABLE appointments (id INTEGER PRIMARY KEY, patient_id INTEGER "
                         "REFERENCES patients(id), at TEXT)"),
          QStringLiteral("CREATE INDEX appointments_at ON appointments (at)")}},
    };
}

// The schema as SQLite records it, for comparing two databases.
QStringList schemaOf(QSqlDatabase db)
{
    QSqlQuery q(db);
    QStringList out;
    if (q.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_schema WHERE name NOT IN "
                              "('schema_migrations', 'sqlite_sequence') ORDER BY type, name"))) {
        while (q.next())
            out << q.value(0).toString() + u' ' + q.value(1).toString() + u' ' +
                       q.value(2).toString();
    }
    return out;
}
} // namespace

class TestMigrator : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QSqlDatabase openFresh(const QString &connection = Connection)
    {
        auto db = Store::Database::openSqlCipher(
            connection, m_dir.filePath(QStringLiteral("m%1.db").arg(++m_n)),
            Core::SecretKey::generate(), Store::Database::Create::IfMissing);
        return db ? db.value() : QSqlDatabase();
    }

private Q_SLOTS:
    void cleanup()
    {
        Store::Database::close(Connection);
        Store::Database::close(QStringLiteral("reference"));
    }

    void freshDatabaseReachesLatest()
    {
        QSqlDatabase db = openFresh();
        Migrator m(db, sampleMigrations());
        QCOMPARE(m.currentVersion(), 0);
        auto reached = m.migrate();
        QVERIFY2(reached, qPrintable(reached.error()));
        QCOMPARE(reached.value(), 3);
        QVERIFY(db.tables().contains(QStringLiteral("appointments")));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM schema_migrations")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 3);
        // Running again is a no-op.
        auto again = m.migrate();
        QVERIFY(again);
        QCOMPARE(again.value(), 3);
    }

    void upgradesFromEachEarlierVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < 3; ++v)
            QTest::addRow("from version %d", v) << v;
    }

    void upgradesFromEachEarlierVersion()
    {
        QFETCH(int, from);
        QSqlDatabase db = openFresh();
        Migrator m(db, sampleMigrations());
        QVERIFY(m.migrate(from));
        QCOMPARE(m.currentVersion(), from);
        QSqlQuery q(db);
        if (from >= 1)
            QVERIFY(q.exec(QStringLiteral("INSERT INTO patients (id, name) VALUES (1, 'kept')")));
        q.finish();
        auto reached = m.migrate();
        QVERIFY2(reached, qPrintable(reached.error()));
        QCOMPARE(reached.value(), 3);
        if (from >= 1) {
            QVERIFY(q.exec(QStringLiteral("SELECT name, language FROM patients WHERE id = 1")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("kept"));
            QCOMPARE(q.value(1).toString(), QStringLiteral("en"));
        }
        // Same schema as a database built in one go.
        QSqlDatabase reference = openFresh(QStringLiteral("reference"));
        QVERIFY(Migrator(reference, sampleMigrations()).migrate());
        QCOMPARE(schemaOf(db), schemaOf(reference));
    }

    void hubAndCacheSchemasUpgradeFromEveryVersion_data()
    {
        QTest::addColumn<bool>("hub");
        QTest::addColumn<int>("from");
        for (int v = 0; v < Store::hubMigrations().constLast().version; ++v)
            QTest::addRow("hub from %d", v) << true << v;
        for (int v = 0; v < Store::cacheMigrations().constLast().version; ++v)
            QTest::addRow("cache from %d", v) << false << v;
    }

    void hubAndCacheSchemasUpgradeFromEveryVersion()
    {
        QFETCH(bool, hub);
        QFETCH(int, from);
        const auto migrations = hub ? Store::hubMigrations() : Store::cacheMigrations();
        QSqlDatabase db = openFresh();
        Migrator m(db, migrations);
        QVERIFY(m.migrate(from));
        auto reached = m.migrate();
        QVERIFY2(reached, qPrintable(reached.error()));
        QCOMPARE(reached.value(), migrations.constLast().version);
        QSqlDatabase reference = openFresh(QStringLiteral("reference"));
        QVERIFY(Migrator(reference, migrations).migrate());
        QCOMPARE(schemaOf(db), schemaOf(reference));
    }

    void failingMigrationLeavesPreviousSchema()
    {
        QSqlDatabase db = openFresh();
        QVERIFY(Migrator(db, sampleMigrations()).migrate(2));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO patients (id, name) VALUES (1, 'kept')")));
        const QStringList before = schemaOf(db);

        QList<Migration> broken = sampleMigrations();
        broken[2].statements = {
            QStringLiteral("CREATE TABLE appointments (id INTEGER PRIMARY KEY)"),
            QStringLiteral("DROP TABLE patients"),
            QStringLiteral("CREATE INDEX oops ON no_such_table (x)"),
        };
        Migrator m(db, broken);
        auto reached = m.migrate();
        QVERIFY(!reached);
        QVERIFY2(reached.error().contains(QStringLiteral("Migration 3")),
                 qPrintable(reached.error()));
        QVERIFY(reached.error().contains(QStringLiteral("rolled back")));
        QVERIFY(reached.error().contains(QStringLiteral("no_such_table")));
        QCOMPARE(m.currentVersion(), 2);
        QCOMPARE(schemaOf(db), before);
        QVERIFY(q.exec(QStringLiteral("SELECT name FROM patients WHERE id = 1")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("kept"));
    }

    void newerDatabaseIsRefused()
    {
        QSqlDatabase db = openFresh();
        QVERIFY(Migrator(db, sampleMigrations()).migrate());
        const QStringList before = schemaOf(db);
        Migrator older(db, sampleMigrations().mid(0, 2));
        auto reached = older.migrate();
        QVERIFY(!reached);
        QVERIFY2(reached.error().contains(QStringLiteral("newer than this program")),
                 qPrintable(reached.error()));
        QVERIFY(reached.error().contains(QStringLiteral("version 3")));
        QCOMPARE(schemaOf(db), before);
        QCOMPARE(older.currentVersion(), 3);
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
