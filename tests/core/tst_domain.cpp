#include "core/clock.h"
#include "core/conversation.h"
#include "core/message.h"
#include "core/patient.h"
#include "core/role.h"

#include <QTest>

using namespace Wardline::Core;

class TestDomain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rolesRoundTrip()
    {
        for (Role role : allRoles()) {
            QCOMPARE(roleFromName(roleName(role)), std::optional<Role>(role));
            QVERIFY(!roleDisplayName(role).isEmpty());
        }
        QCOMPARE(roleFromName(u"Administrator"), std::optional<Role>(Role::Administrator));
        QVERIFY(!roleFromName(u"janitor"));
        QVERIFY(!roleFromName(u""));
    }

    void categoriesAndPriorities()
    {
        QCOMPARE(categoryName(Category::LabResults), QStringLiteral("LAB_RESULTS"));
        QCOMPARE(categoryFromName(u"emergency"), std::optional<Category>(Category::Emergency));
        QVERIFY(!categoryFromName(u"URGENT"));
        QCOMPARE(priorityName(Priority::P1), QStringLiteral("P1"));
        QCOMPARE(priorityFromName(u"p3"), std::optional<Priority>(Priority::P3));
        QVERIFY(!priorityFromName(u"P5"));
        QVERIFY(!priorityFromName(u"P"));
    }

    void serviceWindow_data()
    {
        QTest::addColumn<qint64>("secondsSinceLastInbound");
        QTest::addColumn<bool>("open");
        QTest::addColumn<qint64>("left");
        QTest::newRow("just now") << qint64(0) << true << qint64(86400);
        QTest::newRow("23h59m59s") << qint64(86399) << true << qint64(1);
        QTest::newRow("exactly 24h") << qint64(86400) << false << qint64(0);
        QTest::newRow("two days") << qint64(172800) << false << qint64(0);
    }

    void serviceWindow()
    {
        QFETCH(qint64, secondsSinceLastInbound);
        QFETCH(bool, open);
        QFETCH(qint64, left);
        ManualClock clock(QDateTime(QDate(2026, 11, 25), QTime(3, 0), Qt::UTC));
        Conversation c;
        c.lastInboundAt = clock.now();
        clock.advance(secondsSinceLastInbound * 1000);
        QCOMPARE(c.serviceWindowOpen(clock.now()), open);
        QCOMPARE(c.serviceWindowSecondsLeft(clock.now()), left);
    }

    void noInboundMeansClosedWindow()
    {
        Conversation c;
        QVERIFY(!c.serviceWindowOpen(QDateTime::currentDateTimeUtc()));
    }

    void deliveryStatusNeverMovesBackwards_data()
    {
        QTest::addColumn<int>("current");
        QTest::addColumn<int>("incoming");
        QTest::addColumn<int>("kept");
        using S = DeliveryStatus;
        QTest::newRow("sent then delivered")
            << int(S::Sent) << int(S::Delivered) << int(S::Delivered);
        QTest::newRow("read then late delivered")
            << int(S::Read) << int(S::Delivered) << int(S::Read);
        QTest::newRow("read before delivered") << int(S::Sent) << int(S::Read) << int(S::Read);
        QTest::newRow("failed after sent") << int(S::Sent) << int(S::Failed) << int(S::Failed);
        QTest::newRow("failed is final") << int(S::Failed) << int(S::Read) << int(S::Failed);
        QTest::newRow("duplicate") << int(S::Delivered) << int(S::Delivered) << int(S::Delivered);
    }

    void deliveryStatusNeverMovesBackwards()
    {
        QFETCH(int, current);
        QFETCH(int, incoming);
        QFETCH(int, kept);
        QCOMPARE(int(mergeDeliveryStatus(DeliveryStatus(current), DeliveryStatus(incoming))), kept);
    }

    void messageTypesRoundTripAndUnknownIsKept()
    {
        for (const char *name : {"text", "image", "audio", "interactive", "reaction", "system"})
            QCOMPARE(messageTypeName(messageTypeFromName(QString::fromLatin1(name))),
                     QString::fromLatin1(name));
        QCOMPARE(messageTypeFromName(u"hologram"), MessageType::Unknown);
        QCOMPARE(deliveryStatusFromName(u"read"),
                 std::optional<DeliveryStatus>(DeliveryStatus::Read));
        QVERIFY(!deliveryStatusFromName(u"seen"));
    }

    void patientNameForStaff()
    {
        Patient p;
        p.profileName = QStringLiteral("Mari 🌸");
        QCOMPARE(p.nameForStaff(), QStringLiteral("Mari 🌸"));
        p.displayName = QStringLiteral("María López");
        QCOMPARE(p.nameForStaff(), QStringLiteral("María López"));
    }
};

QTEST_GUILESS_MAIN(TestDomain)
#include "tst_domain.moc"
