#pragma once

#include "ui/inboxqueue.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Ui {

class EmergencyNotifier;
class InboxCounts;
class InboxDelegate;
class InboxFilter;
class InboxModel;

/// The triaged inbox: the queues with live counts on the left, the chosen queue's
/// conversations on the right (most urgent first), a search field and an offline banner.
/// While any emergency waits to be claimed the Emergency queue flashes; each new one also
/// sounds and raises a desktop notification that carries no patient data.
class InboxWidget : public QWidget
{
    Q_OBJECT
public:
    explicit InboxWidget(QWidget *parent = nullptr);
    ~InboxWidget() override;

    /// Shows \a store (nullptr: nothing). Not owned; it may be destroyed before this widget.
    void setStore(Console::InboxStore *store);
    /// The signed-in staff member, for the Mine queue.
    void setUserId(qint64 userId);
    /// The clock waiting times and targets are measured against (nullptr: the system clock).
    void setClock(const Core::Clock *clock);
    /// Replaces how emergencies are announced (default: DesktopNotifier).
    void setNotifier(std::unique_ptr<EmergencyNotifier> notifier);
    /// How fast the Emergency queue flashes, in milliseconds.
    void setFlashInterval(int milliseconds);

    [[nodiscard]] bool isEmergencyFlashing() const;
    [[nodiscard]] InboxQueue currentQueue() const;
    void setCurrentQueue(InboxQueue queue);
    /// The conversation under the cursor in the list; 0 when none.
    [[nodiscard]] qint64 currentConversationId() const;

public Q_SLOTS:
    /// Shows the conversations a search found (in inbox order), in place of the queue. The
    /// answer to \a query is dropped when the search field no longer asks it (left with
    /// Escape, or a new search typed while the cache was still looking).
    void showSearchResults(const QList<qint64> &ids, const QString &query = {});
    /// Leaves the search results and shows the chosen queue again.
    void clearSearch();
    /// Shows or hides the banner that says the hub cannot be reached; \a message replaces
    /// the standard text when not empty.
    void setOffline(bool offline, const QString &message = {});
    /// One step of the Emergency queue's flashing (the flash timer calls it).
    void flashTick();
    /// Repaints times and targets (a timer calls it every 30 seconds).
    void refreshTimes();

Q_SIGNALS:
    /// The user asked to search for \a query (Enter in the search field).
    void searchRequested(const QString &query);
    /// The user opened a conversation (Enter or double-click).
    void conversationActivated(qint64 id);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void updateQueueItems();
    void updateFlashing();
    void updateEmptyState();
    void updateSearchLabel();
    void onQueueRowChanged(int row);
    void onEmergencyRaised(qint64 id);
    void submitSearch();
    void keepACurrentRow();

    InboxModel *m_model = nullptr;
    InboxFilter *m_filter = nullptr;
    InboxCounts *m_counts = nullptr;
    InboxDelegate *m_delegate = nullptr;
    std::unique_ptr<EmergencyNotifier> m_notifier;

    QLabel *m_offlineBanner = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QLabel *m_queuesLabel = nullptr;
    QListWidget *m_queueList = nullptr;
    QLabel *m_listTitle = nullptr;
    QPushButton *m_backToQueueButton = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QListView *m_conversationList = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QTimer *m_flashTimer = nullptr;
    QTimer *m_clockTimer = nullptr;

    QString m_offlineMessage;
    bool m_flashOn = false;
};

} // namespace Wardline::Ui
