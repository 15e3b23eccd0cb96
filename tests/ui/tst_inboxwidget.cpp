#include "core/clock.h"
#include "inboxfixtures.h"
#include "ui/emergencynotifier.h"
#include "ui/homewindow.h"
#include "ui/inboxmodel.h"
#include "ui/inboxwidget.h"
#include "ui/language.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Wardline;
using Console::ConversationSummary;
using InboxFixtures::conversation;
using Ui::InboxQueue;

namespace {
constexpr qint64 Me = 7;
// The roles of the queue list's items (ui/inboxwidget.cpp).
constexpr int CountRole = Qt::UserRole + 1;
constexpr int AlertingRole = Qt::UserRole + 2;
constexpr int FlashRole = Qt::UserRole + 3;

/// Records what would have been announced, instead of beeping and notifying.
class RecordingNotifier : public Ui::EmergencyNotifier
{
public:
    void playSound() override { ++sounds; }
    void notify(const QString &message) override { messages.append(message); }

    int sounds = 0;
    QStringList messages;
};

ConversationSummary alertingEmergency(qint64 id)
{
    ConversationSummary s = conversation(id, "EMERGENCY", "P1", 0);
    s.alertAt = InboxFixtures::now();
    return s;
}
} // namespace

/// Drives the real inbox widget over a real InboxStore.
class TestInboxWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<Console::InboxStore>();
        m_store->upsert(conversation(1, "NURSE", "P2", 30));
        m_store->upsert(conversation(2, "REFILL", "P3", 200));
        m_store->upsert(conversation(3, "LAB_RESULTS", "P3", 60));
        m_store->upsert(conversation(4, "APPOINTMENT", "P4", 400));
        m_store->upsert(conversation(5, "GENERAL", "P4", 5));
        m_widget = std::make_unique<Ui::InboxWidget>();
        auto notifier = std::make_unique<RecordingNotifier>();
        m_notifier = notifier.get();
        m_widget->setNotifier(std::move(notifier));
        m_widget->setClock(&m_clock);
        m_widget->setUserId(Me);
        m_widget->setStore(m_store.get());
        m_widget->resize(1000, 640);
        m_widget->show();
        // The pictures are drawn on a plain X server too (./dev screenshots), where no window
        // manager makes a window active; every check wants the keyboard.
        if (qstrcmp(QTest::currentTestFunction(), "screenshot") == 0)
            QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
        else
            QVERIFY(QTest::qWaitForWindowActive(m_widget.get()));
        m_queues = m_widget->findChild<QListWidget *>(QStringLiteral("queueList"));
        m_list = m_widget->findChild<QListView *>(QStringLiteral("conversationList"));
        QVERIFY(m_queues && m_list);
    }

    void cleanup()
    {
        m_widget.reset();
        m_store.reset();
        QVERIFY(Ui::Language::apply(QStringLiteral("en")));
    }

    void showsTheQueuesWithCounts()
    {
        QCOMPARE(m_queues->count(), 9);
        QCOMPARE(m_widget->currentQueue(), InboxQueue::AllOpen);
        QCOMPARE(m_list->model()->rowCount(), 5);
        QCOMPARE(emergencyItem()->text(), QStringLiteral("Emergency"));
        QCOMPARE(emergencyItem()->data(CountRole).toInt(), 0);
        QCOMPARE(queueItem(InboxQueue::Unassigned)->data(CountRole).toInt(), 5);
        QVERIFY(!m_widget->isEmergencyFlashing());
        // The longest-waiting of the highest priority comes first.
        QCOMPARE(idAt(0), 1);
    }

    void emergencyGoesOnTopFlashesAndNotifies()
    {
        m_store->upsert(alertingEmergency(20));
        QCOMPARE(idAt(0), 20);
        QVERIFY(m_widget->isEmergencyFlashing());
        QVERIFY(emergencyItem()->data(AlertingRole).toBool());
        QCOMPARE(emergencyItem()->data(CountRole).toInt(), 1);

        const bool phase = emergencyItem()->data(FlashRole).toBool();
        m_widget->flashTick();
        QCOMPARE(emergencyItem()->data(FlashRole).toBool(), !phase);
        m_widget->flashTick();
        QCOMPARE(emergencyItem()->data(FlashRole).toBool(), phase);

        QCOMPARE(m_notifier->sounds, 1);
        QCOMPARE(m_notifier->messages, QStringList{QStringLiteral("New emergency message")});
        // Nothing about any patient in the notification.
        const QList<ConversationSummary> all = m_store->conversations();
        for (const ConversationSummary &s : all) {
            QVERIFY(!m_notifier->messages.constFirst().contains(s.patientName));
            QVERIFY(!m_notifier->messages.constFirst().contains(s.preview));
        }
    }

    void claimingStopsTheFlashing()
    {
        ConversationSummary s = alertingEmergency(20);
        m_store->upsert(s);
        m_store->upsert(alertingEmergency(21));
        QCOMPARE(m_notifier->messages.size(), 2);

        s.alertAt = {};
        s.assigneeId = Me;
        s.assigneeName = QStringLiteral("Nurse One");
        m_store->upsert(s);
        QVERIFY2(m_widget->isEmergencyFlashing(), "another emergency still waits");

        ConversationSummary other = *m_store->find(21);
        other.alertAt = {};
        other.assigneeId = 8;
        m_store->upsert(other);
        QVERIFY(!m_widget->isEmergencyFlashing());
        QVERIFY(!emergencyItem()->data(AlertingRole).toBool());
        QVERIFY(!emergencyItem()->data(FlashRole).toBool());
        m_widget->flashTick(); // a late tick changes nothing
        QVERIFY(!emergencyItem()->data(FlashRole).toBool());
        QCOMPARE(emergencyItem()->data(CountRole).toInt(), 2);
        QCOMPARE(queueItem(InboxQueue::Mine)->data(CountRole).toInt(), 1);
        QCOMPARE(m_notifier->messages.size(), 2);
    }

    void theFlashTimerToggles()
    {
        m_widget->setFlashInterval(5);
        m_store->upsert(alertingEmergency(20));
        const bool phase = emergencyItem()->data(FlashRole).toBool();
        QTRY_COMPARE(emergencyItem()->data(FlashRole).toBool(), !phase);
        QTRY_COMPARE(emergencyItem()->data(FlashRole).toBool(), phase);
    }

    void selectionSurvivesUpdates()
    {
        m_list->setCurrentIndex(m_list->model()->index(2, 0));
        const qint64 selected = m_widget->currentConversationId();
        QVERIFY(selected != 0);
        m_store->upsert(alertingEmergency(20));
        ConversationSummary s = *m_store->find(selected);
        s.unread = 3;
        m_store->upsert(s);
        m_store->remove(selected == 4 ? 5 : 4);
        QCOMPARE(m_widget->currentConversationId(), selected);
    }

    void keyboardSwitchesQueues()
    {
        m_queues->setFocus();
        QTRY_VERIFY(m_queues->hasFocus());
        QTest::keyClick(m_queues, Qt::Key_Up);
        QCOMPARE(m_widget->currentQueue(), InboxQueue::Unassigned);
        QTest::keyClick(m_queues, Qt::Key_Home);
        QCOMPARE(m_widget->currentQueue(), InboxQueue::Emergency);
        QCOMPARE(m_list->model()->rowCount(), 0);
        auto *empty = m_widget->findChild<QLabel *>(QStringLiteral("emptyLabel"));
        QVERIFY(empty && empty->isVisible());
        QTest::keyClick(m_queues, Qt::Key_Down);
        QTest::keyClick(m_queues, Qt::Key_Down);
        QCOMPARE(m_widget->currentQueue(), InboxQueue::Refills);
        QCOMPARE(m_list->model()->rowCount(), 1);
        QCOMPARE(idAt(0), 2);
        QVERIFY(m_list->isVisible());

        // Ctrl+<n> opens the n-th queue from anywhere in the inbox.
        QTest::keyClick(m_queues, Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(m_widget->currentQueue(), InboxQueue::LabResults);
        QCOMPARE(idAt(0), 3);
    }

    void enterOpensTheConversation()
    {
        QSignalSpy activated(m_widget.get(), &Ui::InboxWidget::conversationActivated);
        m_list->setFocus();
        m_list->setCurrentIndex(m_list->model()->index(1, 0));
        QTest::keyClick(m_list, Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.constFirst().constFirst().toLongLong(), idAt(1));
    }

    void searchAsksAndShowsResults()
    {
        QSignalSpy requested(m_widget.get(), &Ui::InboxWidget::searchRequested);
        auto *search = m_widget->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        auto *title = m_widget->findChild<QLabel *>(QStringLiteral("listTitle"));
        QVERIFY(search && title);
        QTest::keyClick(m_widget.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("  refill "));
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.constFirst().constFirst().toString(), QStringLiteral("refill"));

        m_widget->showSearchResults({2, 4, 99});
        QCOMPARE(m_list->model()->rowCount(), 2);
        QCOMPARE(title->text(), QStringLiteral("Search results: 2 conversations"));
        m_widget->showSearchResults({});
        QCOMPARE(m_list->model()->rowCount(), 0);
        QCOMPARE(m_widget->findChild<QLabel *>(QStringLiteral("emptyLabel"))->text(),
                 QStringLiteral("No conversation matches the search."));

        QTest::keyClick(search, Qt::Key_Escape);
        QVERIFY(search->text().isEmpty());
        QCOMPARE(m_list->model()->rowCount(), 5);
        QCOMPARE(title->text(), QStringLiteral("All open · 5 conversations"));

        // An answer that arrives after the search was left changes nothing.
        m_widget->showSearchResults({2}, QStringLiteral("refill"));
        QCOMPARE(m_list->model()->rowCount(), 5);
        // Nor one for a query the field no longer holds.
        QTest::keyClicks(search, QStringLiteral("lab"));
        QTest::keyClick(search, Qt::Key_Return);
        m_widget->showSearchResults({2}, QStringLiteral("refill"));
        QCOMPARE(m_list->model()->rowCount(), 5);
        m_widget->showSearchResults({2, 4}, QStringLiteral("lab"));
        QCOMPARE(m_list->model()->rowCount(), 2);
        QTest::keyClick(search, Qt::Key_Escape);
    }

    void offlineBanner()
    {
        auto *banner = m_widget->findChild<QLabel *>(QStringLiteral("offlineBanner"));
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());
        m_widget->setOffline(true);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().startsWith(QStringLiteral("Offline")));
        m_widget->setOffline(true, QStringLiteral("Reconnecting to the hub…"));
        QCOMPARE(banner->text(), QStringLiteral("Reconnecting to the hub…"));
        m_widget->setOffline(false);
        QVERIFY(!banner->isVisible());
    }

    void followsTheLanguage()
    {
        QVERIFY(Ui::Language::apply(QStringLiteral("es")));
        QTRY_COMPARE(emergencyItem()->text(), QStringLiteral("Emergencias"));
        QCOMPARE(queueItem(InboxQueue::LabResults)->text(),
                 QStringLiteral("Resultados de laboratorio"));
        QCOMPARE(m_widget->findChild<QLabel *>(QStringLiteral("listTitle"))->text(),
                 QStringLiteral("Todas las abiertas · 5 conversaciones"));
        // The side list grows to fit the longer names.
        QFont bold = m_queues->font();
        bold.setBold(true);
        QVERIFY(m_queues->width() >
                QFontMetrics(bold).horizontalAdvance(QStringLiteral("Resultados de laboratorio")));

        m_store->upsert(alertingEmergency(20));
        QCOMPARE(m_notifier->messages, QStringList{QStringLiteral("Nuevo mensaje de emergencia")});
    }

    void storeMayGoFirst()
    {
        m_store->upsert(alertingEmergency(20));
        m_store.reset();
        QCOMPARE(m_list->model()->rowCount(), 0);
        QVERIFY(!m_widget->isEmergencyFlashing());
    }

    // Not a check: renders the inbox for docs/screenshots when WARDLINE_SCREENSHOT_DIR is set.
    void screenshot_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("offline");
        QTest::addColumn<InboxQueue>("queue");
        QTest::newRow("en") << QStringLiteral("en") << QSize(1200, 720) << false
                            << InboxQueue::AllOpen;
        QTest::newRow("es") << QStringLiteral("es") << QSize(1200, 720) << false
                            << InboxQueue::AllOpen;
        // The smallest window, the longer language, the banner and the Emergency queue.
        QTest::newRow("es-small-offline")
            << QStringLiteral("es") << QSize(900, 560) << true << InboxQueue::Emergency;
    }

    void screenshot()
    {
        QFETCH(QString, language);
        QFETCH(QSize, size);
        QFETCH(bool, offline);
        QFETCH(InboxQueue, queue);
        const QString dir = qEnvironmentVariable("WARDLINE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("WARDLINE_SCREENSHOT_DIR is not set");
        QVERIFY(Ui::Language::apply(language));
        Console::InboxStore store;
        Ui::HomeWindow home;
        auto *inbox = home.inbox();
        inbox->setNotifier(std::make_unique<RecordingNotifier>());
        inbox->setClock(&m_clock);
        home.showSession(QStringLiteral("Ana Ruiz"), Core::Role::Nurse,
                         QStringLiteral("https://hub.hospital.local:8443"), {});
        home.setInbox(&store, 30);
        for (const ConversationSummary &s : InboxFixtures::demoInbox(30))
            store.upsert(s);
        inbox->setOffline(offline);
        inbox->setCurrentQueue(queue);
        if (offline)
            inbox->flashTick(); // the other phase of the flashing
        home.resize(size);
        home.show();
        QVERIFY(QTest::qWaitForWindowExposed(&home));
        auto *list = home.findChild<QListView *>(QStringLiteral("conversationList"));
        if (queue == InboxQueue::AllOpen)
            list->setCurrentIndex(list->model()->index(2, 0));
        QCoreApplication::processEvents();
        const QString name =
            QStringLiteral("inbox-%1.png").arg(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(home.grab().save(QDir(dir).filePath(name)));
    }

private:
    QListWidgetItem *queueItem(InboxQueue queue) const
    {
        return m_queues->item(int(Ui::InboxQueues::all().indexOf(queue)));
    }
    QListWidgetItem *emergencyItem() const { return queueItem(InboxQueue::Emergency); }
    qint64 idAt(int row) const
    {
        return m_list->model()->index(row, 0).data(Ui::InboxModel::IdRole).toLongLong();
    }

    Core::ManualClock m_clock{InboxFixtures::now()};
    std::unique_ptr<Console::InboxStore> m_store;
    std::unique_ptr<Ui::InboxWidget> m_widget;
    RecordingNotifier *m_notifier = nullptr;
    QListWidget *m_queues = nullptr;
    QListView *m_list = nullptr;
};

QTEST_MAIN(TestInboxWidget)
#include "tst_inboxwidget.moc"
