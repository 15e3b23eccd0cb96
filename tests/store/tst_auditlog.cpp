#include "core/clock.h"
#include "core/secretkey.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/hubschema.h"
#include "store/migrator.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

class TestAuditLog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QSqlDatabase m_db;
    Core::ManualClock m_clock{QDateTime(QDate(2026, 11, 25), QTime(3, 0), Qt::UTC)};

private Q_SLOTS:
    void init()
    {
        static int n = 0;
        auto db = Store::Database::openSqlCipher(
            QStringLiteral("audit"), m_dir.filePath(QStringLiteral("a%1.db").arg(++n)),
            Core::SecretKey::generate(), Store::Database::Create::IfMissing);
        QVERIFY(db);
        m_db = db.value();
        QVERIFY(Store::Migrator(m_db, Store::hubMigrations()).migrate());
        Store::AuditLog log(m_db, m_clock);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(log.append(QStringLiteral("admin"), QStringLiteral("user.create"),
                               QStringLiteral("user:%1").arg(i)));
            m_clock.advance(1000);
        }
    }

    void cleanup()
    {
        m_db = QSqlDatabase();
        Store::Database::close(QStringLiteral("audit"));
    }

    void intactTrailVerifies()
    {
        auto verified = Store::AuditLog(m_db, m_clock).verify();
        QVERIFY2(verified, qPrintable(verified.error()));
        QCOMPARE(verified.value(), 5);
    }

    void tampering_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");
        QTest::newRow("edited actor")
            << QStringLiteral("UPDATE audit_log SET actor = 'x' WHERE id = 3")
            << QStringLiteral("entry 3");
        QTest::newRow("edited time")
            << QStringLiteral("UPDATE audit_log SET at = '2020-01-01' WHERE id = 2")
            << QStringLiteral("entry 2");
        QTest::newRow("deleted entry") << QStringLiteral("DELETE FROM audit_log WHERE id = 4")
                                       << QStringLiteral("entry 4 is missing");
        QTest::newRow("rehashed entry")
            << QStringLiteral("UPDATE audit_log SET action = 'y', hash = 'ab' WHERE id = 1")
            << QStringLiteral("entry 1");
    }

    void tampering()
    {
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        QSqlQuery q(m_db);
        QVERIFY(q.exec(sql));
        auto verified = Store::AuditLog(m_db, m_clock).verify();
        QVERIFY(!verified);
        QVERIFY2(verified.error().contains(expected), qPrintable(verified.error()));
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
