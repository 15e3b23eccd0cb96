#include "ui/inboxwidget.h"

#include "core/clock.h"
#include "ui/emergencynotifier.h"
#include "ui/inboxcounts.h"
#include "ui/inboxdelegate.h"
#include "ui/inboxfilter.h"
#include "ui/inboxmodel.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace Wardline::Ui {

namespace {
constexpr int QueueRole = Qt::UserRole;
constexpr int CountRole = Qt::UserRole + 1;
constexpr int AlertingRole = Qt::UserRole + 2;
constexpr int FlashRole = Qt::UserRole + 3;
constexpr int DefaultFlashMs = 600;
constexpr int ClockRefreshMs = 30 * 1000;

constexpr auto StyleSheet = QLatin1StringView(R"(
QLabel#offlineBanner {
    color: #5c3d00; background: #fff1c7; border-bottom: 1px solid #e6c56b; padding: 8px 16px;
}
QWidget#inboxTopBar { background: #ffffff; border-bottom: 1px solid #d3dbe3; }
QLineEdit#searchEdit {
    color: #1b2733; background: #ffffff; border: 1px solid #aab7c4; border-radius: 5px;
    padding: 6px 8px;
}
QLineEdit#searchEdit:focus { border: 2px solid #1f6fb2; padding: 5px 7px; }
QWidget#queuePanel { background: #f4f6f8; border-right: 1px solid #d3dbe3; }
QLabel#queuesLabel, QLabel#listTitle { color: #22313f; font-weight: 600; }
QListWidget#queueList { background: transparent; border: none; outline: none; }
QListView#conversationList { background: #ffffff; border: none; outline: none; }
QLabel#emptyLabel { color: #4a5866; background: #ffffff; padding: 24px; }
QPushButton#backToQueueButton {
    color: #1f6fb2; background: transparent; border: 1px solid #9fb8cf; border-radius: 5px;
    padding: 4px 10px;
}
QPushButton#backToQueueButton:hover { background: #e8f3fb; }
)");

/// Paints a queue: its name, a count pill, and the alert state of the Emergency queue.
class QueueDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {120, QFontMetrics(option.font).height() + 18};
    }

    void paint(QPainter *p, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const QRect r = option.rect.adjusted(6, 2, -6, -2);
        const bool selected = option.state.testFlag(QStyle::State_Selected);
        const bool hovered = option.state.testFlag(QStyle::State_MouseOver);
        const bool alerting = index.data(AlertingRole).toBool();
        const bool flash = index.data(FlashRole).toBool();
        const int count = index.data(CountRole).toInt();

        QColor background = Qt::transparent;
        QColor text(0x22, 0x31, 0x3f);
        QColor pillBackground(0xdd, 0xe4, 0xea);
        QColor pillText(0x22, 0x31, 0x3f);
        if (selected) {
            background = QColor(0x1f, 0x6f, 0xb2);
            text = Qt::white;
            pillBackground = Qt::white;
            pillText = QColor(0x1a, 0x5f, 0x99);
        } else if (hovered) {
            background = QColor(0xe4, 0xeb, 0xf1);
        }
        if (alerting) {
            // Two states that both stand out; the flashing is the difference between them.
            background = flash ? QColor(0xb3, 0x26, 0x1e) : QColor(0xfd, 0xe4, 0xe1);
            text = flash ? QColor(Qt::white) : QColor(0x8c, 0x1d, 0x18);
            pillBackground = flash ? QColor(Qt::white) : QColor(0xb3, 0x26, 0x1e);
            pillText = flash ? QColor(0xb3, 0x26, 0x1e) : QColor(Qt::white);
        }

        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        p->setPen(Qt::NoPen);
        p->setBrush(background);
        p->drawRoundedRect(r, 5, 5);
        if (alerting) {
            p->setPen(QPen(QColor(0xb3, 0x26, 0x1e), 2));
            p->setBrush(Qt::NoBrush);
            p->drawRoundedRect(QRectF(r).adjusted(1, 1, -1, -1), 5, 5);
        }
        if (selected && alerting) {
            p->setPen(Qt::NoPen);
            p->setBrush(QColor(0x12, 0x3a, 0x5c));
            p->drawRoundedRect(QRect(r.left(), r.top(), 5, r.height()), 2, 2);
        }

        QFont font = option.font;
        font.setBold(selected || alerting);
        const QFontMetrics fm(font);
        int left = r.left() + 12;
        if (alerting) {
            // A warning sign, so the state does not rest on colour alone.
            const int h = fm.ascent();
            const int top = r.center().y() - h / 2;
            QPainterPath triangle;
            triangle.moveTo(left + h / 2.0, top);
            triangle.lineTo(left + h, top + h);
            triangle.lineTo(left, top + h);
            triangle.closeSubpath();
            p->setPen(Qt::NoPen);
            p->setBrush(text);
            p->drawPath(triangle);
            p->setPen(background == Qt::transparent ? QColor(Qt::white) : background);
            QFont mark = font;
            mark.setPixelSize(std::max(6, h * 2 / 3));
            p->setFont(mark);
            p->drawText(QRect(left, top + h / 4, h, h * 3 / 4), Qt::AlignCenter,
                        QStringLiteral("!"));
            left += h + 6;
        }

        QFont pillFont = font;
        pillFont.setBold(true);
        const QFontMetrics pm(pillFont);
        const QString number = QString::number(count);
        const int pillWidth = std::max(pm.horizontalAdvance(number) + 14, pm.height() + 6);
        const QRect pill(r.right() - 8 - pillWidth, r.center().y() - pm.height() / 2 - 1, pillWidth,
                         pm.height() + 2);
        p->setPen(Qt::NoPen);
        p->setBrush(pillBackground);
        p->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        p->setFont(pillFont);
        p->setPen(pillText);
        p->drawText(pill, Qt::AlignCenter, number);

        p->setFont(font);
        p->setPen(text);
        const QRect name(left, r.top(), pill.left() - 8 - left, r.height());
        p->drawText(
            name, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
            fm.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, name.width()));
        p->restore();
    }
};
} // namespace

InboxWidget::InboxWidget(QWidget *parent)
    : QWidget(parent)
    , m_model(new InboxModel(this))
    , m_filter(new InboxFilter(this))
    , m_counts(new InboxCounts(this))
    , m_delegate(new InboxDelegate(this))
    , m_notifier(std::make_unique<DesktopNotifier>())
{
    m_filter->setInboxModel(m_model);
    buildUi();
    retranslateUi();
    updateQueueItems();
    updateEmptyState();
}

InboxWidget::~InboxWidget() = default;

void InboxWidget::buildUi()
{
    setStyleSheet(StyleSheet);

    m_offlineBanner = new QLabel(this);
    m_offlineBanner->setObjectName(QStringLiteral("offlineBanner"));
    m_offlineBanner->setTextFormat(Qt::PlainText);
    m_offlineBanner->setWordWrap(true);
    m_offlineBanner->hide();

    auto *topBar = new QWidget(this);
    topBar->setObjectName(QStringLiteral("inboxTopBar"));
    topBar->setAttribute(Qt::WA_StyledBackground);
    m_searchEdit = new QLineEdit(topBar);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->installEventFilter(this);
    connect(m_searchEdit, &QLineEdit::returnPressed, this, &InboxWidget::submitSearch);
    connect(m_searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.trimmed().isEmpty())
            clearSearch();
    });
    auto *topLayout = new QHBoxLayout(topBar);
    topLayout->setContentsMargins(12, 10, 12, 10);
    topLayout->addWidget(m_searchEdit);

    auto *queuePanel = new QWidget(this);
    queuePanel->setObjectName(QStringLiteral("queuePanel"));
    queuePanel->setAttribute(Qt::WA_StyledBackground);
    m_queuesLabel = new QLabel(queuePanel);
    m_queuesLabel->setObjectName(QStringLiteral("queuesLabel"));
    m_queueList = new QListWidget(queuePanel);
    m_queueList->setObjectName(QStringLiteral("queueList"));
    m_queueList->setItemDelegate(new QueueDelegate(m_queueList));
    m_queueList->setMouseTracking(true);
    m_queueList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_queuesLabel->setBuddy(m_queueList);
    for (InboxQueue queue : InboxQueues::all()) {
        auto *item = new QListWidgetItem(m_queueList);
        item->setData(QueueRole, int(queue));
    }
    auto *queueLayout = new QVBoxLayout(queuePanel);
    queueLayout->setContentsMargins(6, 12, 6, 6);
    queueLayout->setSpacing(6);
    queueLayout->addWidget(m_queuesLabel);
    queueLayout->addWidget(m_queueList, 1);
    m_queuesLabel->setContentsMargins(8, 0, 0, 0);

    m_listTitle = new QLabel(this);
    m_listTitle->setObjectName(QStringLiteral("listTitle"));
    m_listTitle->setTextFormat(Qt::PlainText);
    m_backToQueueButton = new QPushButton(this);
    m_backToQueueButton->setObjectName(QStringLiteral("backToQueueButton"));
    m_backToQueueButton->setCursor(Qt::PointingHandCursor);
    m_backToQueueButton->hide();
    connect(m_backToQueueButton, &QPushButton::clicked, this, [this] {
        m_searchEdit->clear();
        clearSearch();
    });

    m_conversationList = new QListView(this);
    m_conversationList->setObjectName(QStringLiteral("conversationList"));
    m_conversationList->setModel(m_filter);
    m_conversationList->setItemDelegate(m_delegate);
    m_conversationList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_conversationList->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_conversationList->setUniformItemSizes(true);
    m_conversationList->setMouseTracking(true);
    m_conversationList->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_conversationList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_conversationList, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) {
                if (const qint64 id = m_filter->idAt(index))
                    Q_EMIT conversationActivated(id);
            });
    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_emptyLabel->setWordWrap(true);
    m_listStack = new QStackedWidget(this);
    m_listStack->addWidget(m_conversationList);
    m_listStack->addWidget(m_emptyLabel);

    auto *titleRow = new QHBoxLayout;
    titleRow->setContentsMargins(14, 10, 12, 8);
    titleRow->addWidget(m_listTitle, 1);
    titleRow->addWidget(m_backToQueueButton);
    auto *listLayout = new QVBoxLayout;
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(0);
    listLayout->addLayout(titleRow);
    listLayout->addWidget(m_listStack, 1);

    auto *body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    body->addWidget(queuePanel);
    body->addLayout(listLayout, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_offlineBanner);
    layout->addWidget(topBar);
    layout->addLayout(body, 1);

    setTabOrder(m_searchEdit, m_queueList);
    setTabOrder(m_queueList, m_conversationList);

    connect(m_queueList, &QListWidget::currentRowChanged, this, &InboxWidget::onQueueRowChanged);
    m_queueList->setCurrentRow(int(InboxQueues::all().indexOf(InboxQueue::AllOpen)));

    connect(m_counts, &InboxCounts::countsChanged, this, [this] {
        updateQueueItems();
        updateFlashing();
        updateSearchLabel();
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &InboxWidget::updateEmptyState);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &InboxWidget::updateEmptyState);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &InboxWidget::updateEmptyState);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &InboxWidget::updateEmptyState);

    m_flashTimer = new QTimer(this);
    m_flashTimer->setInterval(DefaultFlashMs);
    connect(m_flashTimer, &QTimer::timeout, this, &InboxWidget::flashTick);
    m_clockTimer = new QTimer(this);
    m_clockTimer->setInterval(ClockRefreshMs);
    connect(m_clockTimer, &QTimer::timeout, this, &InboxWidget::refreshTimes);
    m_clockTimer->start();

    // Ctrl+F searches; Ctrl+1 ... Ctrl+9 open the queues in the order they are listed.
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_searchEdit->setFocus(Qt::ShortcutFocusReason);
        m_searchEdit->selectAll();
    });
    const QList<InboxQueue> &queues = InboxQueues::all();
    for (int i = 0; i < std::min<int>(9, int(queues.size())); ++i) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, i] {
            m_queueList->setCurrentRow(i);
            m_queueList->setFocus(Qt::ShortcutFocusReason);
        });
    }
}

void InboxWidget::retranslateUi()
{
    m_searchEdit->setPlaceholderText(tr("Search patients and messages (Ctrl+F)"));
    //: Heading above the list of inbox queues.
    m_queuesLabel->setText(tr("&Queues"));
    m_backToQueueButton->setText(tr("Back to the queue"));
    m_offlineBanner->setText(
        m_offlineMessage.isEmpty()
            ? tr("Offline: the hub cannot be reached. You are seeing the copy kept on this "
                 "computer; new messages appear when the connection is back.")
            : m_offlineMessage);
    m_conversationList->setAccessibleName(tr("Conversations"));
    updateQueueItems();
    updateSearchLabel();
    updateEmptyState();

    // The queue names decide how wide the side list must be (Spanish ones are longer).
    QFont bold = m_queueList->font();
    bold.setBold(true);
    const QFontMetrics fm(bold);
    int widest = 0;
    for (InboxQueue queue : InboxQueues::all())
        widest = std::max(widest, fm.horizontalAdvance(InboxQueues::displayName(queue)));
    const int extra = fm.ascent() + 6 /* warning sign */ +
                      fm.horizontalAdvance(QStringLiteral("999")) + 14 /* pill */ + 12 + 8 + 8 +
                      12 /* paddings */;
    m_queueList->setFixedWidth(widest + extra);
    m_conversationList->viewport()->update();
}

void InboxWidget::updateQueueItems()
{
    const QList<InboxQueue> &queues = InboxQueues::all();
    for (int row = 0; row < m_queueList->count(); ++row) {
        QListWidgetItem *item = m_queueList->item(row);
        const auto queue = queues.at(row);
        const int count = m_counts->count(queue);
        const bool alerting = queue == InboxQueue::Emergency && m_counts->alerting() > 0;
        item->setText(InboxQueues::displayName(queue));
        item->setData(CountRole, count);
        item->setData(AlertingRole, alerting);
        item->setData(FlashRole, alerting && m_flashOn);
        if (alerting)
            item->setToolTip(tr("%n emergency conversation(s) waiting to be claimed", nullptr,
                                m_counts->alerting()));
        else
            item->setToolTip(tr("%n conversation(s)", nullptr, count));
    }
}

void InboxWidget::updateFlashing()
{
    const bool alerting = m_counts->alerting() > 0;
    if (alerting && !m_flashTimer->isActive()) {
        m_flashOn = true;
        m_flashTimer->start();
    } else if (!alerting && m_flashTimer->isActive()) {
        m_flashTimer->stop();
        m_flashOn = false;
    }
    updateQueueItems();
}

void InboxWidget::flashTick()
{
    if (m_counts->alerting() == 0)
        return;
    m_flashOn = !m_flashOn;
    updateQueueItems();
}

void InboxWidget::refreshTimes()
{
    m_conversationList->viewport()->update();
}

void InboxWidget::updateEmptyState()
{
    const bool empty = m_filter->rowCount() == 0;
    if (m_filter->showsSearchResults())
        m_emptyLabel->setText(tr("No conversation matches the search."));
    else if (currentQueue() == InboxQueue::Emergency)
        m_emptyLabel->setText(tr("No emergencies are waiting."));
    else
        m_emptyLabel->setText(tr("No conversations in this queue."));
    const bool listHadFocus = m_conversationList->hasFocus();
    m_listStack->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyLabel)
                                        : m_conversationList);
    if (!empty) {
        keepACurrentRow();
        if (listHadFocus)
            m_conversationList->setFocus();
    }
}

void InboxWidget::updateSearchLabel()
{
    if (m_filter->showsSearchResults()) {
        m_listTitle->setText(
            tr("Search results: %n conversation(s)", nullptr, m_filter->rowCount()));
        m_backToQueueButton->show();
    } else {
        const InboxQueue queue = currentQueue();
        //: Title above the conversation list; %1 is the queue's name.
        m_listTitle->setText(tr("%1 · %n conversation(s)", nullptr, m_counts->count(queue))
                                 .arg(InboxQueues::displayName(queue)));
        m_backToQueueButton->hide();
    }
}

void InboxWidget::keepACurrentRow()
{
    if (m_conversationList->currentIndex().isValid() || m_filter->rowCount() == 0)
        return;
    m_conversationList->selectionModel()->setCurrentIndex(m_filter->index(0, 0),
                                                          QItemSelectionModel::ClearAndSelect);
}

void InboxWidget::setStore(Console::InboxStore *store)
{
    if (m_model->store() && m_model->store() != store)
        disconnect(m_model->store(), nullptr, this, nullptr);
    m_model->setStore(store);
    m_counts->setStore(store);
    if (store)
        connect(store, &Console::InboxStore::emergencyRaised, this, &InboxWidget::onEmergencyRaised,
                Qt::UniqueConnection);
}

void InboxWidget::setUserId(qint64 userId)
{
    m_filter->setUserId(userId);
    m_counts->setUserId(userId);
}

void InboxWidget::setClock(const Core::Clock *clock)
{
    m_delegate->setClock(clock);
    refreshTimes();
}

void InboxWidget::setNotifier(std::unique_ptr<EmergencyNotifier> notifier)
{
    m_notifier = notifier ? std::move(notifier) : std::make_unique<DesktopNotifier>();
}

void InboxWidget::setFlashInterval(int milliseconds)
{
    m_flashTimer->setInterval(milliseconds);
}

bool InboxWidget::isEmergencyFlashing() const
{
    return m_flashTimer->isActive();
}

InboxQueue InboxWidget::currentQueue() const
{
    return m_filter->queue();
}

void InboxWidget::setCurrentQueue(InboxQueue queue)
{
    m_queueList->setCurrentRow(int(InboxQueues::all().indexOf(queue)));
}

qint64 InboxWidget::currentConversationId() const
{
    return m_filter->idAt(m_conversationList->currentIndex());
}

void InboxWidget::showSearchResults(const QList<qint64> &ids, const QString &query)
{
    if (!query.isEmpty() && query != m_searchEdit->text().trimmed())
        return;
    m_filter->setSearchResults(ids);
    updateSearchLabel();
    updateEmptyState();
}

void InboxWidget::clearSearch()
{
    if (!m_filter->showsSearchResults())
        return;
    m_filter->clearSearchResults();
    updateSearchLabel();
    updateEmptyState();
}

void InboxWidget::setOffline(bool offline, const QString &message)
{
    m_offlineMessage = message;
    retranslateUi();
    m_offlineBanner->setVisible(offline);
}

void InboxWidget::onQueueRowChanged(int row)
{
    if (row < 0 || row >= InboxQueues::all().size())
        return;
    m_filter->setQueue(InboxQueues::all().at(row));
    updateSearchLabel();
    updateEmptyState();
}

void InboxWidget::onEmergencyRaised(qint64)
{
    // Deliberately no patient data: notifications show on locked and shared screens.
    m_notifier->playSound();
    m_notifier->notify(tr("New emergency message"));
    QApplication::alert(window());
}

void InboxWidget::submitSearch()
{
    const QString query = m_searchEdit->text().trimmed();
    if (query.isEmpty()) {
        clearSearch();
        return;
    }
    Q_EMIT searchRequested(query);
}

bool InboxWidget::eventFilter(QObject *watched, QEvent *event)
{
    // Escape in the search field leaves the search, as in every other search field.
    if (watched == m_searchEdit && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape &&
        !m_searchEdit->text().isEmpty()) {
        m_searchEdit->clear();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void InboxWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Wardline::Ui
