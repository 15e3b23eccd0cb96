#include "console/idlemonitor.h"
#include "core/clock.h"

#include <QEvent>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Wardline;
using Console::IdleMonitor;

class TestIdleMonitor : public QObject
{
    Q_OBJECT

    static QDateTime start()
    {
        return QDateTime(QDate(2026, 3, 10), QTime(8, 0), QTimeZone::utc());
    }
    static constexpr qint64 Minute = 60 * 1000;

private Q_SLOTS:
    void locksOnlyAfterTheIdleMinutes_data()
    {
        QTest::addColumn<int>("policyMinutes");
        QTest::addColumn<int>("expectedMinutes");
        QTest::newRow("policy") << 10 << 10;
        QTest::newRow("none-named") << 0 << IdleMonitor::DefaultIdleMinutes;
        QTest::newRow("nonsense") << -3 << IdleMonitor::DefaultIdleMinutes;
    }

    void locksOnlyAfterTheIdleMinutes()
    {
        QFETCH(int, policyMinutes);
        QFETCH(int, expectedMinutes);
        Core::ManualClock clock(start());
        IdleMonitor monitor(clock);
        monitor.setIdleMinutes(policyMinutes);
        QCOMPARE(monitor.idleMinutes(), expectedMinutes);
        QSignalSpy locks(&monitor, &IdleMonitor::lockRequested);
        monitor.start();

        clock.advance(expectedMinutes * Minute - 1000);
        monitor.check();
        QCOMPARE(locks.count(), 0);
        QVERIFY(!monitor.isLocked());

        clock.advance(1000);
        monitor.check();
        QCOMPARE(locks.count(), 1);
        QCOMPARE(locks.at(0).at(0).value<IdleMonitor::Reason>(), IdleMonitor::Reason::Idle);
        QVERIFY(monitor.isLocked());

        // Locked once: later checks do not ask again.
        clock.advance(10 * Minute);
        monitor.check();
        QCOMPARE(locks.count(), 1);
    }

    void activityStartsTheIdleTimeAgain()
    {
        Core::ManualClock clock(start());
        IdleMonitor monitor(clock);
        QSignalSpy locks(&monitor, &IdleMonitor::lockRequested);
        monitor.start();
        clock.advance(4 * Minute);
        monitor.noteActivity();
        clock.advance(4 * Minute);
        monitor.check();
        QCOMPARE(locks.count(), 0);
        clock.advance(1 * Minute);
        monitor.check();
        QCOMPARE(locks.count(), 1);
    }

    void inputEventsCountAsActivity()
    {
        Core::ManualClock clock(start());
        IdleMonitor monitor(clock);
        QObject target;
        target.installEventFilter(&monitor);
        QSignalSpy locks(&monitor, &IdleMonitor::lockRequested);
        monitor.start();
        clock.advance(4 * Minute);
        QEvent key(QEvent::KeyPress);
        QCoreApplication::sendEvent(&target, &key);
        clock.advance(4 * Minute);
        QEvent paint(QEvent::UpdateRequest); // not input: does not count
        QCoreApplication::sendEvent(&target, &paint);
        monitor.check();
        QCOMPARE(locks.count(), 0);
        clock.advance(1 * Minute);
        monitor.check();
        QCOMPARE(locks.count(), 1);
    }

    void aSuspendLocksAtTheFirstCheckAfterResume()
    {
        Core::ManualClock clock(start());
        IdleMonitor monitor(clock);
        QSignalSpy locks(&monitor, &IdleMonitor::lockRequested);
        monitor.start();
        clock.advance(30 * 1000);
        monitor.check();
        QCOMPARE(locks.count(), 0);
        // The lid was closed for two hours: no timer fired meanwhile, one check on resume.
        clock.advance(2 * 60 * Minute);
        monitor.check();
        QCOMPARE(locks.count(), 1);
        QCOMPARE(locks.at(0).at(0).value<IdleMonitor::Reason>(), IdleMonitor::Reason::Idle);
    }

    void theTimerChecks()
    {
        Core::ManualClock clock(start());
        IdleMonitor monitor(clock);
        monitor.setCheckInterval(1);
        QSignalSpy locks(&monitor, &IdleMonitor::lockRequested);
        monitor.start();
        clock.advance(6 * Minute);
        QTRY_COMPARE(locks.count(), 1);
    }

    void locksOnDemandAndUnlocks()
    {
        Core::ManualClock clock(start());
        IdleMonitor monitor(clock);
        QSignalSpy locks(&monitor, &IdleMonitor::lockRequested);
        monitor.lockNow(); // signed out: nothing to lock
        QCOMPARE(locks.count(), 0);
        monitor.start();
        monitor.lockNow();
        QCOMPARE(locks.count(), 1);
        QCOMPARE(locks.at(0).at(0).value<IdleMonitor::Reason>(), IdleMonitor::Reason::Manual);
        monitor.lockNow();
        QCOMPARE(locks.count(), 1);

        // Typing the password behind the lock is no activity; unlocking starts a fresh count.
        clock.advance(20 * Minute);
        monitor.noteActivity();
        monitor.unlocked();
        QVERIFY(!monitor.isLocked());
        clock.advance(4 * Minute);
        monitor.check();
        QCOMPARE(locks.count(), 1);
        clock.advance(1 * Minute);
        monitor.check();
        QCOMPARE(locks.count(), 2);

        monitor.stop();
        clock.advance(60 * Minute);
        monitor.check();
        QCOMPARE(locks.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestIdleMonitor)
#include "tst_idlemonitor.moc"
