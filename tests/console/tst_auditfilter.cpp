// What the audit viewer asks the hub for, and which answers it keeps.
#include "console/auditclient.h"

#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using Wardline::Console::AuditEntry;
using Wardline::Console::AuditFilter;

class TestAuditFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theQueryNamesOnlyWhatIsFiltered()
    {
        AuditFilter f;
        f.limit = 50;
        QCOMPARE(f.query().toString(), QStringLiteral("limit=50"));
        f.actor = QStringLiteral("ana.ruiz");
        f.action = QStringLiteral("conversation.open");
        f.subject = QStringLiteral("patient:12");
        // Local times go out in UTC, like the trail's own timestamps.
        f.from = QDateTime(QDate(2026, 11, 2), QTime(8, 0), QTimeZone("America/Chicago"));
        const QUrlQuery q = f.query();
        QCOMPARE(q.queryItemValue(QStringLiteral("actor")), QStringLiteral("ana.ruiz"));
        QCOMPARE(q.queryItemValue(QStringLiteral("action")), QStringLiteral("conversation.open"));
        QCOMPARE(q.queryItemValue(QStringLiteral("subject")), QStringLiteral("patient:12"));
        QCOMPARE(q.queryItemValue(QStringLiteral("from")),
                 QStringLiteral("2026-11-02T14:00:00.000Z"));
        QVERIFY(!q.hasQueryItem(QStringLiteral("to")));
    }

    void matches_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("entry");
        QTest::addColumn<bool>("kept");
        QTest::newRow("no filter") << QString() << QStringLiteral("user:3") << true;
        QTest::newRow("exact") << QStringLiteral("conversation:5")
                               << QStringLiteral("conversation:5") << true;
        // The hub matches a prefix; "conversation:5" is not conversation 51.
        QTest::newRow("longer number")
            << QStringLiteral("conversation:5") << QStringLiteral("conversation:51") << false;
        QTest::newRow("every record of a kind")
            << QStringLiteral("conversation:") << QStringLiteral("conversation:51") << true;
        QTest::newRow("another kind")
            << QStringLiteral("patient:") << QStringLiteral("photo:1") << false;
    }
    void matches()
    {
        QFETCH(QString, subject);
        QFETCH(QString, entry);
        QFETCH(bool, kept);
        AuditFilter f;
        f.subject = subject;
        AuditEntry e;
        e.subject = entry;
        QCOMPARE(f.matches(e), kept);
    }
};

QTEST_GUILESS_MAIN(TestAuditFilter)
#include "tst_auditfilter.moc"
