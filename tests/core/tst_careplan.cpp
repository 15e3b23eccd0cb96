// The care plan rules (core/careplan.h): when each automated message is due, in the patient's
// local time, across daylight-saving changes and the site's quiet hours.
#include "core/careplan.h"

#include <QTest>

using namespace Wardline::Core;

namespace {
const QTimeZone NewYork("America/New_York");

QDateTime local(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), NewYork);
}

const PlannedSend *find(const QList<PlannedSend> &plan, CareSend kind)
{
    for (const PlannedSend &p : plan) {
        if (p.kind == kind)
            return &p;
    }
    return nullptr;
}
} // namespace

class TestCarePlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quietHours_data()
    {
        QTest::addColumn<QDateTime>("at");
        QTest::addColumn<QDateTime>("allowed");
        QTest::newRow("midday is fine") << local(2026, 12, 1, 12) << local(2026, 12, 1, 12);
        QTest::newRow("late evening waits for the morning")
            << local(2026, 12, 1, 22, 30) << local(2026, 12, 2, 8);
        QTest::newRow("small hours wait until eight")
            << local(2026, 12, 2, 3) << local(2026, 12, 2, 8);
        QTest::newRow("eight o'clock itself is allowed")
            << local(2026, 12, 2, 8) << local(2026, 12, 2, 8);
        QTest::newRow("nine in the evening is quiet")
            << local(2026, 12, 1, 21) << local(2026, 12, 2, 8);
    }
    void quietHours()
    {
        QFETCH(QDateTime, at);
        QFETCH(QDateTime, allowed);
        QCOMPARE(QuietHours().nextAllowed(at.toUTC(), NewYork), allowed.toUTC());
    }

    void appointmentPlanForABookedVisit()
    {
        const AppointmentTimes visit{7, local(2026, 12, 3, 10, 30), local(2026, 12, 3, 11),
                                     QStringLiteral("booked")};
        const QList<PlannedSend> plan = planAppointment(visit, NewYork, QuietHours());
        QCOMPARE(plan.size(), 3);
        QCOMPARE(find(plan, CareSend::AppointmentReminder)->due,
                 local(2026, 12, 2, 10, 30).toUTC());
        QCOMPARE(find(plan, CareSend::AppointmentConfirm)->due, local(2026, 12, 3, 8, 30).toUTC());
        QCOMPARE(find(plan, CareSend::AppointmentFollowUp)->due, local(2026, 12, 3, 13).toUTC());
        // Deterministic keys: evaluating the rules again gives the same sends.
        QCOMPARE(planAppointment(visit, NewYork, QuietHours()).constFirst().key,
                 plan.constFirst().key);
    }

    void confirmedNoShowAndRescheduled()
    {
        AppointmentTimes visit{7, local(2026, 12, 3, 10, 30), {}, QStringLiteral("confirmed")};
        QVERIFY(!find(planAppointment(visit, NewYork, QuietHours()), CareSend::AppointmentConfirm));
        visit.status = QStringLiteral("noshow");
        QVERIFY(planAppointment(visit, NewYork, QuietHours()).isEmpty());
        visit.status = QStringLiteral("fulfilled");
        const QList<PlannedSend> after = planAppointment(visit, NewYork, QuietHours());
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.constFirst().kind, CareSend::AppointmentFollowUp);
        // A new slot is a new set of reminders.
        visit.status = QStringLiteral("booked");
        const QString before = planAppointment(visit, NewYork, QuietHours()).constFirst().key;
        visit.start = visit.start.addDays(2);
        QVERIFY(planAppointment(visit, NewYork, QuietHours()).constFirst().key != before);
    }

    void anEarlyConfirmationRequestWaitsForTheMorningOrIsDropped()
    {
        // 2 h before a 9:00 visit is 7:00, inside quiet hours until 8:00; still useful until
        // 8:30, so it goes at 8:00.
        const AppointmentTimes nine{1, local(2026, 12, 3, 9), {}, QStringLiteral("booked")};
        const PlannedSend *confirm =
            find(planAppointment(nine, NewYork, QuietHours()), CareSend::AppointmentConfirm);
        QCOMPARE(confirm->due, local(2026, 12, 3, 8).toUTC());
        QVERIFY(confirm->due < confirm->usefulUntil);
        // Before an 8:15 visit it could only go at 8:00, after its usefulness (7:45).
        const AppointmentTimes early{2, local(2026, 12, 3, 8, 15), {}, QStringLiteral("booked")};
        confirm = find(planAppointment(early, NewYork, QuietHours()), CareSend::AppointmentConfirm);
        QVERIFY(confirm->due > confirm->usefulUntil);
    }

    void medicationDosesKeepTheirLocalTimeAcrossDaylightSaving()
    {
        // Clocks go back on 1 November 2026 and forward on 8 March 2026 in New York.
        MedicationTimes schedule{3, {QTime(8, 0), QTime(20, 0)}, QDate(2026, 10, 30), {}};
        const QList<PlannedSend> autumn =
            planMedication(schedule, NewYork, local(2026, 10, 31, 0), local(2026, 11, 2, 23));
        QCOMPARE(autumn.size(), 6);
        for (const PlannedSend &dose : autumn) {
            const QTime wall = dose.due.toTimeZone(NewYork).time();
            QVERIFY2(wall == QTime(8, 0) || wall == QTime(20, 0), qPrintable(dose.key));
        }
        // 8:00 is 12:00 UTC before the change and 13:00 UTC after it.
        QCOMPARE(autumn.at(0).due.time(), QTime(12, 0));
        QCOMPARE(autumn.at(2).due.time(), QTime(13, 0));
        QCOMPARE(autumn.at(0).key, QStringLiteral("dose:3:2026-10-31T08:00"));
    }

    void aDoseInTheSpringGapMovesPastIt()
    {
        MedicationTimes schedule{4, {QTime(2, 30)}, QDate(2026, 3, 7), QDate(2026, 3, 9)};
        const QList<PlannedSend> doses =
            planMedication(schedule, NewYork, local(2026, 3, 6, 0), local(2026, 3, 10, 0));
        QCOMPARE(doses.size(), 3);
        QCOMPARE(doses.at(1).due.toTimeZone(NewYork).time(), QTime(3, 0));
        QCOMPARE(doses.at(1).key, QStringLiteral("dose:4:2026-03-08T02:30"));
        // An ambiguous autumn time happens once: the first 1:30.
        MedicationTimes fold{5, {QTime(1, 30)}, QDate(2026, 11, 1), QDate(2026, 11, 1)};
        const QList<PlannedSend> once =
            planMedication(fold, NewYork, local(2026, 10, 31, 0), local(2026, 11, 2, 0));
        QCOMPARE(once.size(), 1);
    }

    void postOpStepsOnDays1_3_7_14()
    {
        const QList<PlannedSend> plan = planPathway(9, QDate(2026, 10, 25), NewYork, QuietHours());
        QCOMPARE(plan.size(), 4);
        QCOMPARE(plan.at(0).day, 1);
        QCOMPARE(plan.at(1).kind, CareSend::PathwayPhoto);
        QCOMPARE(plan.at(1).due, local(2026, 10, 28, 10).toUTC());
        QCOMPARE(plan.at(2).due, local(2026, 11, 1, 10).toUTC()); // the day clocks go back
        QCOMPARE(plan.at(3).due, local(2026, 11, 8, 10).toUTC());
        QCOMPARE(plan.at(3).key, QStringLiteral("path:9:day14"));
    }
};

QTEST_GUILESS_MAIN(TestCarePlan)
#include "tst_careplan.moc"
