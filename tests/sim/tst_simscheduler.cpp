#include "core/clock.h"
#include "sim/ratelimiter.h"
#include "sim/simscheduler.h"

#include <QTest>

using Wardline::Core::ManualClock;
using Wardline::Sim::RateLimiter;
using Wardline::Sim::SimScheduler;

namespace {
QDateTime start()
{
    return QDateTime(QDate(2026, 3, 2), QTime(3, 0), Qt::UTC);
}
} // namespace

/// SimScheduler and RateLimiter on a manual clock: nothing waits for wall-clock time.
class TestSimScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void advanceRunsDueTasksAtTheirTime();
    void zeroDelayRunsOnTheNextTurn();
    void cancelAndContext();
    void systemClockFires();
    void throughputBucket();
    void pairBucket_data();
    void pairBucket();
};

void TestSimScheduler::advanceRunsDueTasksAtTheirTime()
{
    ManualClock clock(start());
    SimScheduler scheduler(clock, &clock);
    QStringList seen;
    QObject context;
    scheduler.schedule(3000, &context,
                       [&] { seen << QStringLiteral("c@%1").arg(clock.now().time().second()); });
    scheduler.schedule(1000, &context,
                       [&] { seen << QStringLiteral("a@%1").arg(clock.now().time().second()); });
    scheduler.schedule(1000, &context, [&] {
        seen << QStringLiteral("b@%1").arg(clock.now().time().second());
        // scheduled while running, due within the same advance
        scheduler.schedule(500, &context,
                           [&] { seen << QStringLiteral("d@%1").arg(clock.now().time().msec()); });
    });
    QVERIFY(scheduler.advance(999));
    QVERIFY(seen.isEmpty());
    QVERIFY(scheduler.advance(1));
    QCOMPARE(seen, (QStringList{QStringLiteral("a@1"), QStringLiteral("b@1")}));
    QVERIFY(scheduler.advance(5000));
    QCOMPARE(seen, (QStringList{QStringLiteral("a@1"), QStringLiteral("b@1"),
                                QStringLiteral("d@500"), QStringLiteral("c@3")}));
    QCOMPARE(clock.now(), start().addMSecs(6000));
    QCOMPARE(scheduler.pendingCount(), 0);
}

void TestSimScheduler::zeroDelayRunsOnTheNextTurn()
{
    ManualClock clock(start());
    SimScheduler scheduler(clock, &clock);
    QObject context;
    bool ran = false;
    scheduler.schedule(0, &context, [&] { ran = true; });
    QVERIFY(!ran); // never inside the call that scheduled it
    QTRY_VERIFY(ran);
    QCOMPARE(clock.now(), start()); // the clock did not move
}

void TestSimScheduler::cancelAndContext()
{
    ManualClock clock(start());
    SimScheduler scheduler(clock, &clock);
    int runs = 0;
    QObject keep;
    auto gone = std::make_unique<QObject>();
    const auto id = scheduler.schedule(10, &keep, [&] { ++runs; });
    scheduler.schedule(10, gone.get(), [&] { ++runs; });
    scheduler.schedule(20, &keep, [&] { runs += 10; });
    scheduler.cancel(id);
    gone.reset();
    QVERIFY(scheduler.advance(100));
    QCOMPARE(runs, 10);
}

void TestSimScheduler::systemClockFires()
{
    SimScheduler scheduler(Wardline::Core::Clock::system(), nullptr);
    QObject context;
    bool ran = false;
    scheduler.schedule(5, &context, [&] { ran = true; });
    QVERIFY(!scheduler.advance(1000)); // only a manual clock moves
    QTRY_VERIFY(ran);
}

void TestSimScheduler::throughputBucket()
{
    ManualClock clock(start());
    RateLimiter limiter(clock, 80, 0, 1);
    for (int i = 0; i < 80; ++i)
        QCOMPARE(limiter.admit(QString::number(i)), RateLimiter::Verdict::Allowed);
    QCOMPARE(limiter.admit(QStringLiteral("x")), RateLimiter::Verdict::ThroughputExceeded);
    clock.advance(25); // 80/s: two tokens in 25 ms
    QCOMPARE(limiter.admit(QStringLiteral("y")), RateLimiter::Verdict::Allowed);
    QCOMPARE(limiter.admit(QStringLiteral("z")), RateLimiter::Verdict::Allowed);
    QCOMPARE(limiter.admit(QStringLiteral("w")), RateLimiter::Verdict::ThroughputExceeded);
}

void TestSimScheduler::pairBucket_data()
{
    QTest::addColumn<int>("burst");
    QTest::addColumn<double>("interval");
    QTest::newRow("meta's 6 s, burst 5") << 5 << 6.0;
    QTest::newRow("no burst") << 1 << 6.0;
    QTest::newRow("1 s") << 3 << 1.0;
}

void TestSimScheduler::pairBucket()
{
    QFETCH(int, burst);
    QFETCH(double, interval);
    ManualClock clock(start());
    RateLimiter limiter(clock, 80, interval, burst);
    const QString patient = QStringLiteral("12025550134");
    for (int i = 0; i < burst; ++i)
        QCOMPARE(limiter.admit(patient), RateLimiter::Verdict::Allowed);
    QCOMPARE(limiter.admit(patient), RateLimiter::Verdict::PairExceeded);
    // Another patient is not affected.
    QCOMPARE(limiter.admit(QStringLiteral("12025550135")), RateLimiter::Verdict::Allowed);
    clock.advance(qint64(interval * 1000) - 1);
    QCOMPARE(limiter.admit(patient), RateLimiter::Verdict::PairExceeded);
    clock.advance(1);
    QCOMPARE(limiter.admit(patient), RateLimiter::Verdict::Allowed);
    QCOMPARE(limiter.admit(patient), RateLimiter::Verdict::PairExceeded);
}

QTEST_GUILESS_MAIN(TestSimScheduler)
#include "tst_simscheduler.moc"
