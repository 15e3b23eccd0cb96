#include "inboxfixtures.h"
#include "ui/inboxcounts.h"
#include "ui/inboxfilter.h"
#include "ui/inboxformat.h"
#include "ui/inboxmodel.h"
#include "ui/language.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace Wardline;
using namespace Qt::Literals::StringLiterals;
using Console::ConversationSummary;
using InboxFixtures::conversation;
using Ui::InboxQueue;

namespace {
constexpr qint64 Me = 7;
constexpr qint64 Colleague = 8;

QList<qint64> idsInOrder(const QAbstractItemModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(Ui::InboxModel::IdRole).toLongLong());
    return ids;
}

QList<qint64> sorted(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

// One conversation of each kind the queues tell apart.
QList<ConversationSummary> mixedInbox()
{
    QList<ConversationSummary> all;
    ConversationSummary emergency = conversation(1, "EMERGENCY", "P1", 5);
    emergency.alertAt = InboxFixtures::now().addSecs(-300);
    all.append(emergency);
    ConversationSummary nurse = conversation(2, "NURSE", "P2", 30);
    nurse.assigneeId = Me;
    nurse.assigneeName = QStringLiteral("Nurse One");
    all.append(nurse);
    all.append(conversation(3, "REFILL", "P3", 120));
    ConversationSummary lab = conversation(4, "LAB_RESULTS", "P3", 90);
    lab.assigneeId = Colleague;
    all.append(lab);
    all.append(conversation(5, "APPOINTMENT", "P4", 600));
    all.append(conversation(6, "GENERAL", "P4", 15));
    ConversationSummary closed = conversation(7, "NURSE", "P2", 3000);
    closed.state = QStringLiteral("closed");
    closed.assigneeId = Me;
    all.append(closed);
    // A chat triaged as NURSE that began alerting is still an emergency to be seen.
    ConversationSummary escalated = conversation(8, "NURSE", "P1", 2);
    escalated.alertAt = InboxFixtures::now();
    all.append(escalated);
    return all;
}
} // namespace

/// The inbox's item models: the row-per-conversation model, the queue filter and the counts.
class TestInboxModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { QVERIFY(Ui::Language::apply(QStringLiteral("en"))); }

    void modelPassesTheTester()
    {
        Console::InboxStore store;
        Ui::InboxModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(&store);
        for (const ConversationSummary &s : mixedInbox())
            store.upsert(s);
        QCOMPARE(model.rowCount(), 8);
        ConversationSummary changed = *store.find(3);
        changed.unread = 4;
        store.upsert(changed);
        store.remove(2);
        store.remove(99);
        store.replaceAll(mixedInbox().mid(0, 3));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.indexOfId(2).data(Ui::InboxModel::PatientNameRole).toString(),
                 QStringLiteral("Test Patient 2"));
        QVERIFY(!model.indexOfId(5).isValid());
    }

    void filterPassesTheTester()
    {
        Console::InboxStore store;
        Ui::InboxModel model;
        Ui::InboxFilter filter;
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setInboxModel(&model);
        filter.setUserId(Me);
        model.setStore(&store);
        for (const ConversationSummary &s : mixedInbox())
            store.upsert(s);
        for (InboxQueue queue : Ui::InboxQueues::all()) {
            filter.setQueue(queue);
            ConversationSummary s = *store.find(6);
            s.priority =
                s.priority == QLatin1StringView("P1") ? QStringLiteral("P4") : QStringLiteral("P1");
            store.upsert(s);
        }
        filter.setSearchResults({3, 5, 42});
        QCOMPARE(filter.rowCount(), 2);
        store.remove(3);
        QCOMPARE(filter.rowCount(), 1);
        filter.clearSearchResults();
        store.replaceAll({});
        QCOMPARE(filter.rowCount(), 0);
    }

    void sortsAlertingThenPriorityThenLongestWaiting()
    {
        Console::InboxStore store;
        Ui::InboxModel model;
        Ui::InboxFilter filter;
        filter.setInboxModel(&model);
        model.setStore(&store);
        store.upsert(conversation(10, "GENERAL", "P4", 500));
        store.upsert(conversation(11, "NURSE", "P2", 10));
        store.upsert(conversation(12, "NURSE", "P2", 45));
        store.upsert(conversation(13, "EMERGENCY", "P1", 1));
        store.upsert(conversation(14, "REFILL", "P3", 300));
        store.upsert(conversation(15, "EMERGENCY", "P1", 20));
        QCOMPARE(idsInOrder(filter), (QList<qint64>{15, 13, 12, 11, 14, 10}));

        // A new alerting emergency goes above every other row, even an older P1.
        ConversationSummary alert = conversation(16, "EMERGENCY", "P1", 0);
        alert.alertAt = InboxFixtures::now();
        store.upsert(alert);
        QCOMPARE(idsInOrder(filter).first(), 16);
        // Once claimed it takes its place among the P1s by waiting time.
        alert.alertAt = {};
        alert.assigneeId = Me;
        store.upsert(alert);
        QCOMPARE(idsInOrder(filter), (QList<qint64>{15, 13, 16, 12, 11, 14, 10}));
        // Raising a priority moves the row up at once.
        ConversationSummary raised = *store.find(10);
        raised.priority = QStringLiteral("P2");
        store.upsert(raised);
        QCOMPARE(idsInOrder(filter), (QList<qint64>{15, 13, 16, 10, 12, 11, 14}));
    }

    void queueFilterAndCount_data()
    {
        QTest::addColumn<InboxQueue>("queue");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("emergency") << InboxQueue::Emergency << QList<qint64>{1, 8};
        QTest::newRow("nurses") << InboxQueue::Nurses << QList<qint64>{2, 8};
        QTest::newRow("refills") << InboxQueue::Refills << QList<qint64>{3};
        QTest::newRow("lab results") << InboxQueue::LabResults << QList<qint64>{4};
        QTest::newRow("appointments") << InboxQueue::Appointments << QList<qint64>{5};
        QTest::newRow("mine") << InboxQueue::Mine << QList<qint64>{2};
        QTest::newRow("unassigned") << InboxQueue::Unassigned << QList<qint64>{1, 3, 5, 6, 8};
        QTest::newRow("all open") << InboxQueue::AllOpen << QList<qint64>{1, 2, 3, 4, 5, 6, 8};
        QTest::newRow("closed") << InboxQueue::Closed << QList<qint64>{7};
    }

    void queueFilterAndCount()
    {
        QFETCH(InboxQueue, queue);
        QFETCH(QList<qint64>, expected);
        Console::InboxStore store;
        Ui::InboxModel model;
        Ui::InboxFilter filter;
        Ui::InboxCounts counts;
        filter.setInboxModel(&model);
        filter.setUserId(Me);
        counts.setUserId(Me);
        model.setStore(&store);
        counts.setStore(&store);
        for (const ConversationSummary &s : mixedInbox())
            store.upsert(s);
        filter.setQueue(queue);
        QCOMPARE(sorted(idsInOrder(filter)), expected);
        QCOMPARE(counts.count(queue), expected.size());
        QCOMPARE(counts.alerting(), 2);

        // The same numbers after a full reload.
        store.replaceAll(mixedInbox());
        QCOMPARE(counts.count(queue), expected.size());
        QCOMPARE(sorted(idsInOrder(filter)), expected);
    }

    void countsFollowEachChange()
    {
        Console::InboxStore store;
        Ui::InboxCounts counts;
        counts.setUserId(Me);
        counts.setStore(&store);
        QSignalSpy changed(&counts, &Ui::InboxCounts::countsChanged);
        for (const ConversationSummary &s : mixedInbox())
            store.upsert(s);
        QCOMPARE(changed.count(), 8);
        QCOMPARE(counts.count(InboxQueue::AllOpen), 7);

        // Claiming the emergency: out of Unassigned, into Mine, no longer alerting.
        ConversationSummary claimed = *store.find(1);
        claimed.alertAt = {};
        claimed.assigneeId = Me;
        store.upsert(claimed);
        QCOMPARE(counts.alerting(), 1);
        QCOMPARE(counts.count(InboxQueue::Mine), 2);
        QCOMPARE(counts.count(InboxQueue::Unassigned), 4);
        QCOMPARE(counts.count(InboxQueue::Emergency), 2);

        // A change that moves no count says nothing.
        changed.clear();
        ConversationSummary read = *store.find(3);
        read.unread = 0;
        store.upsert(read);
        QCOMPARE(changed.count(), 0);

        // Closing and removing.
        ConversationSummary closing = *store.find(3);
        closing.state = QStringLiteral("closed");
        store.upsert(closing);
        QCOMPARE(counts.count(InboxQueue::Refills), 0);
        QCOMPARE(counts.count(InboxQueue::Closed), 2);
        store.remove(8);
        QCOMPARE(counts.alerting(), 0);
        QCOMPARE(counts.count(InboxQueue::Emergency), 1);
        QCOMPARE(counts.count(InboxQueue::AllOpen), 5);

        // Another user id recounts Mine.
        counts.setUserId(Colleague);
        QCOMPARE(counts.count(InboxQueue::Mine), 1);
    }

    void incrementalUpdatesKeepSelection()
    {
        Console::InboxStore store;
        for (const ConversationSummary &s : mixedInbox())
            store.upsert(s);
        Ui::InboxModel model;
        Ui::InboxFilter filter;
        filter.setInboxModel(&model);
        model.setStore(&store);
        QItemSelectionModel selection(&filter);
        QSignalSpy sourceResets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy proxyResets(&filter, &QAbstractItemModel::modelReset);

        const QModelIndex refill = filter.mapFromSource(model.indexOfId(3));
        QVERIFY(refill.isValid());
        selection.setCurrentIndex(refill, QItemSelectionModel::ClearAndSelect);
        const auto selectedId = [&] { return filter.idAt(selection.currentIndex()); };

        store.upsert(conversation(20, "EMERGENCY", "P1", 1)); // a row above it
        QCOMPARE(selectedId(), 3);
        ConversationSummary s = *store.find(3);
        s.preview = QStringLiteral("Another message");
        s.unread = 2;
        store.upsert(s); // the selected row itself changes
        QCOMPARE(selectedId(), 3);
        s.priority = QStringLiteral("P1");
        store.upsert(s); // and moves
        QCOMPARE(selectedId(), 3);
        store.remove(1); // a row above it goes
        store.remove(6); // and one below
        QCOMPARE(selectedId(), 3);
        QCOMPARE(selection.selectedIndexes().size(), 1);
        QCOMPARE(filter.idAt(selection.selectedIndexes().constFirst()), 3);
        QCOMPARE(model.indexOfId(3).data(Ui::InboxModel::PreviewRole).toString(),
                 QStringLiteral("Another message"));
        QCOMPARE(sourceResets.count(), 0);
        QCOMPARE(proxyResets.count(), 0);
    }

    void searchResultsReplaceTheQueue()
    {
        Console::InboxStore store;
        Ui::InboxModel model;
        Ui::InboxFilter filter;
        filter.setInboxModel(&model);
        model.setStore(&store);
        for (const ConversationSummary &s : mixedInbox())
            store.upsert(s);
        filter.setQueue(InboxQueue::Refills);
        filter.setSearchResults({7, 5, 1});
        QVERIFY(filter.showsSearchResults());
        // Across every queue, closed ones included, in inbox order.
        QCOMPARE(idsInOrder(filter), (QList<qint64>{1, 7, 5}));
        filter.clearSearchResults();
        QCOMPARE(idsInOrder(filter), (QList<qint64>{3}));
    }

    void slaState_data()
    {
        QTest::addColumn<int>("targetMinutes"); // from the last inbound message; 0: no timer
        QTest::addColumn<int>("minutesWaited");
        QTest::addColumn<bool>("breachedFlag");
        QTest::addColumn<Ui::SlaState>("expected");
        QTest::addColumn<QString>("text");
        QTest::newRow("no timer") << 0 << 30 << false << Ui::SlaState::None << QString();
        QTest::newRow("four-hour target, fresh")
            << 240 << 10 << false << Ui::SlaState::OnTime << QStringLiteral("Due in 3 h");
        QTest::newRow("four-hour target, 61 min left")
            << 240 << 179 << false << Ui::SlaState::OnTime << QStringLiteral("Due in 1 h");
        QTest::newRow("four-hour target, last quarter")
            << 240 << 181 << false << Ui::SlaState::DueSoon << QStringLiteral("Due in 59 min");
        QTest::newRow("ten-minute target, within 15 min")
            << 10 << 1 << false << Ui::SlaState::DueSoon << QStringLiteral("Due in 9 min");
        QTest::newRow("one-hour target, 16 min left")
            << 60 << 44 << false << Ui::SlaState::OnTime << QStringLiteral("Due in 16 min");
        QTest::newRow("one-hour target, 15 min left")
            << 60 << 45 << false << Ui::SlaState::DueSoon << QStringLiteral("Due in 15 min");
        QTest::newRow("past the target")
            << 60 << 65 << false << Ui::SlaState::Breached << QStringLiteral("Overdue by 5 min");
        QTest::newRow("long past the target")
            << 60 << 200 << false << Ui::SlaState::Breached << QStringLiteral("Overdue by 2 h");
        QTest::newRow("hub says breached")
            << 60 << 20 << true << Ui::SlaState::Breached << QStringLiteral("Overdue");
    }

    void slaState()
    {
        QFETCH(int, targetMinutes);
        QFETCH(int, minutesWaited);
        QFETCH(bool, breachedFlag);
        QFETCH(Ui::SlaState, expected);
        QFETCH(QString, text);
        ConversationSummary s = conversation(1, "NURSE", "P2", minutesWaited);
        if (targetMinutes > 0) {
            s.slaKind = QStringLiteral("nurse");
            s.slaDueAt = s.lastInboundAt.addSecs(60LL * targetMinutes);
        }
        s.slaBreached = breachedFlag;
        QCOMPARE(Ui::InboxFormat::slaState(s, InboxFixtures::now()), expected);
        QCOMPARE(Ui::InboxFormat::slaText(s, InboxFixtures::now()), text);
    }

    void timesInWords_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("minutesWaited");
        QTest::addColumn<QString>("waiting");
        QTest::addColumn<QString>("window");
        QTest::newRow("en, seconds") << u"en"_s << 0 << u"now"_s << u"Reply window: 24 h left"_s;
        QTest::newRow("en, one minute")
            << u"en"_s << 1 << u"1 min"_s << u"Reply window: 23 h left"_s;
        QTest::newRow("en, minutes")
            << u"en"_s << 12 << u"12 min"_s << u"Reply window: 23 h left"_s;
        QTest::newRow("en, hours") << u"en"_s << 180 << u"3 h"_s << u"Reply window: 21 h left"_s;
        QTest::newRow("en, last hour")
            << u"en"_s << 23 * 60 + 20 << u"23 h"_s << u"Reply window: 40 min left"_s;
        QTest::newRow("en, days") << u"en"_s << 3 * 24 * 60 << u"3 d"_s << u"Reply window closed"_s;
        QTest::newRow("es, minutes")
            << u"es"_s << 12 << u"12 min"_s << u"Ventana de respuesta: quedan 23 h"_s;
        QTest::newRow("es, one hour")
            << u"es"_s << 60 << u"1 h"_s << u"Ventana de respuesta: quedan 23 h"_s;
        QTest::newRow("es, last minutes")
            << u"es"_s << 23 * 60 + 59 << u"23 h"_s << u"Ventana de respuesta: queda 1 min"_s;
        QTest::newRow("es, days") << u"es"_s << 2 * 24 * 60 << u"2 d"_s
                                  << u"Ventana de respuesta cerrada"_s;
    }

    void timesInWords()
    {
        QFETCH(QString, language);
        QFETCH(int, minutesWaited);
        QFETCH(QString, waiting);
        QFETCH(QString, window);
        QVERIFY(Ui::Language::apply(language));
        const ConversationSummary s = conversation(1, "NURSE", "P2", minutesWaited);
        QCOMPARE(Ui::InboxFormat::waitingTime(s, InboxFixtures::now()), waiting);
        QCOMPARE(Ui::InboxFormat::windowText(s, InboxFixtures::now()), window);
    }

    void triageShowsThePatientsWordsOnly_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("shown");
        // The three shapes of reason the hub's triage writes (core/triage.cpp).
        QTest::newRow("phrases") << u"refill: \"out of pills\", \"refill\""_s
                                 << u"\u201Cout of pills\u201D, \u201Crefill\u201D"_s;
        QTest::newRow("keyword") << u"appointment: keyword CHANGE \"change\""_s
                                 << u"\u201Cchange\u201D"_s;
        QTest::newRow("emergency, uncounted words left out")
            << u"emergency: \"chest pain\" (chest pain), \"can't breathe\" (breathing); not "
               "counted: \"no fever\" (negated)"_s
            << u"\u201Cchest pain\u201D, \u201Ccan't breathe\u201D"_s;
        QTest::newRow("nothing quoted") << u"general: no triage words found"_s << QString();
    }

    void triageShowsThePatientsWordsOnly()
    {
        QFETCH(QString, reason);
        QFETCH(QString, shown);
        QCOMPARE(Ui::InboxFormat::triageWords(reason), shown);
    }

    void categoriesInTheUserLanguage()
    {
        QCOMPARE(Ui::InboxFormat::categoryName(QStringLiteral("LAB_RESULTS")),
                 QStringLiteral("Lab results"));
        QCOMPARE(Ui::InboxFormat::categoryName(QStringLiteral("SOMETHING_NEW")),
                 QStringLiteral("Other"));
        QVERIFY(Ui::Language::apply(QStringLiteral("es")));
        QCOMPARE(Ui::InboxFormat::categoryName(QStringLiteral("EMERGENCY")),
                 QStringLiteral("Emergencia"));
        QCOMPARE(Ui::InboxQueues::displayName(InboxQueue::Unassigned),
                 QStringLiteral("Sin asignar"));
    }
};

QTEST_MAIN(TestInboxModel)
#include "tst_inboxmodel.moc"
