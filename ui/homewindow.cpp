#include "ui/homewindow.h"

#include "console/cannedresponses.h"
#include "console/hubclient.h"
#include "console/hubsession.h"
#include "ui/auditdesk.h"
#include "ui/composer.h"
#include "ui/conversationview.h"
#include "ui/inboxmodel.h"
#include "ui/inboxqueue.h"
#include "ui/inboxwidget.h"
#include "ui/lockscreen.h"
#include "ui/photoreviewdesk.h"
#include "ui/rescheduledesk.h"
#include "ui/settingsdesk.h"
#include "ui/shortcuts.h"
#include "ui/shortcutshelp.h"
#include "ui/templatesdesk.h"
#include "ui/usersdesk.h"

#include <QClipboard>
#include <QEvent>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabBar>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace Wardline::Ui {

namespace {
constexpr auto StyleSheet = QLatin1StringView(R"(
Wardline--Ui--HomeWindow { background: #eef2f5; }
QFrame#homeHeader { background: #123a5c; }
QFrame#homeHeader QLabel { color: #ffffff; }
QFrame#homeFooter { background: #f4f6f8; border-top: 1px solid #d3dbe3; }
QLabel#hubLabel { color: #4a5866; }
QLabel#cacheLabel { border-radius: 4px; padding: 2px 8px; }
QLabel#cacheLabel[kind="ok"] { color: #1d5c2e; }
QLabel#cacheLabel[kind="warning"] { color: #5c3d00; background: #fff1c7; border: 1px solid #e6c56b; }
QPushButton#signOutButton {
    color: #ffffff; background: transparent; border: 1px solid #9fb8cf; border-radius: 5px;
    padding: 5px 12px;
}
QPushButton#signOutButton:hover { background: #1a4b74; }
QTabBar#deskTabs::tab {
    color: #d6e2ee; background: transparent; border: none; padding: 6px 14px; margin-right: 2px;
    border-bottom: 3px solid transparent;
}
QTabBar#deskTabs::tab:selected { color: #ffffff; border-bottom: 3px solid #7cc4ff; }
QTabBar#deskTabs::tab:hover:!selected { color: #ffffff; background: #1a4b74; }
)");
} // namespace

HomeWindow::HomeWindow(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(StyleSheet);
    setMinimumSize(900, 560);
    resize(1200, 780);

    auto *header = new QFrame(this);
    header->setObjectName(QStringLiteral("homeHeader"));
    m_titleLabel = new QLabel(QStringLiteral("Wardline"), header); // the product's name
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    if (titleFont.pointSizeF() > 0)
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    m_titleLabel->setFont(titleFont);
    m_userLabel = new QLabel(header);
    m_userLabel->setObjectName(QStringLiteral("userLabel"));
    m_userLabel->setTextFormat(Qt::PlainText);
    m_signOutButton = new QPushButton(header);
    m_signOutButton->setObjectName(QStringLiteral("signOutButton"));
    m_signOutButton->setCursor(Qt::PointingHandCursor);
    connect(m_signOutButton, &QPushButton::clicked, this, &HomeWindow::signOutRequested);

    // The screens this role may use, as tabs in the header.
    m_tabs = new QTabBar(header);
    m_tabs->setObjectName(QStringLiteral("deskTabs"));
    m_tabs->setDrawBase(false);
    m_tabs->setExpanding(false);
    m_tabs->setDocumentMode(true);
    m_tabs->setCursor(Qt::PointingHandCursor);

    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(20, 8, 20, 8);
    headerLayout->addWidget(m_titleLabel);
    headerLayout->addSpacing(16);
    headerLayout->addWidget(m_tabs);
    headerLayout->addSpacing(16);
    headerLayout->addWidget(m_userLabel, 1);
    m_userLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    headerLayout->addWidget(m_signOutButton);

    m_inbox = new InboxWidget(this);
    m_inbox->setObjectName(QStringLiteral("inbox"));
    connect(m_inbox, &InboxWidget::conversationActivated, this, &HomeWindow::conversationActivated);

    auto *footer = new QFrame(this);
    footer->setObjectName(QStringLiteral("homeFooter"));
    m_hubLabel = new QLabel(footer);
    m_hubLabel->setObjectName(QStringLiteral("hubLabel"));
    m_hubLabel->setTextFormat(Qt::PlainText);
    m_cacheLabel = new QLabel(footer);
    m_cacheLabel->setObjectName(QStringLiteral("cacheLabel"));
    m_cacheLabel->setTextFormat(Qt::PlainText);
    m_cacheLabel->setWordWrap(true);
    auto *footerLayout = new QHBoxLayout(footer);
    footerLayout->setContentsMargins(16, 4, 16, 4);
    footerLayout->setSpacing(16);
    footerLayout->addWidget(m_hubLabel);
    footerLayout->addWidget(m_cacheLabel, 1);
    m_cacheLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    // The inbox on the left, the open conversation beside it.
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("homeSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_inbox);
    m_conversation = new ConversationView(splitter);
    splitter->addWidget(m_conversation);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    connect(this, &HomeWindow::conversationActivated, m_conversation,
            &ConversationView::openConversation);
    connect(this, &HomeWindow::claimRequested, m_conversation, &ConversationView::claim);
    connect(this, &HomeWindow::composerFocusRequested, m_conversation,
            &ConversationView::focusComposer);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("homePages"));
    m_inboxPage = splitter;
    m_pages->addWidget(splitter);
    m_desks = {new PhotoReviewDesk, new RescheduleDesk, new TemplatesDesk,
               new UsersDesk,       new SettingsDesk,   new AuditDesk};
    for (Desk *desk : std::as_const(m_desks)) {
        m_pages->addWidget(desk);
        connect(desk, &Desk::conversationRequested, this, [this](qint64 id) {
            if (showDesk(nullptr))
                Q_EMIT conversationActivated(id);
        });
        connect(desk, &Desk::titleChanged, this, [this, desk] {
            for (int i = 0; i < m_tabs->count(); ++i) {
                if (m_tabs->tabData(i).value<QObject *>() == desk)
                    m_tabs->setTabText(i, desk->title());
            }
        });
    }
    connect(m_tabs, &QTabBar::currentChanged, this, [this](int index) {
        if (index < 0)
            return;
        auto *desk = qobject_cast<Desk *>(m_tabs->tabData(index).value<QObject *>());
        m_pages->setCurrentWidget(desk ? static_cast<QWidget *>(desk) : m_inboxPage);
        if (desk)
            desk->activated();
    });
    layout->addWidget(m_pages, 1);
    layout->addWidget(footer);

    // Overlays last, so they stack above the rest.
    m_shortcutsHelp = new ShortcutsHelp(this);
    m_lockScreen = new LockScreen(this);
    connect(m_lockScreen, &LockScreen::unlockRequested, this, &HomeWindow::unlockRequested);
    connect(m_lockScreen, &LockScreen::signOutRequested, this, &HomeWindow::signOutRequested);
    installShortcuts();
    retranslateUi();
}

void HomeWindow::showSession(const QString &name, Core::Role role, const QString &hubAddress,
                             const QString &cacheNote)
{
    if (m_locked)
        unlock(); // a new sign-in starts unlocked
    m_name = name;
    m_role = role;
    // Wardline's defaults until the hub's session says what this user may do.
    m_permissions.clear();
    for (Core::Permission permission : Core::allPermissions()) {
        if (Core::isAllowed(role, permission))
            m_permissions.append(Core::permissionName(permission));
    }
    m_hub = hubAddress;
    m_cacheNote = cacheNote;
    retranslateUi();
    rebuildTabs(false);
}

bool HomeWindow::allows(Core::Permission permission) const
{
    return m_permissions.contains(Core::permissionName(permission));
}

bool HomeWindow::roleSeesInbox() const
{
    return allows(Core::Permission::ReadClinical) || allows(Core::Permission::ReadAppointments);
}

void HomeWindow::rebuildTabs(bool keepCurrent)
{
    // The screen shown stays when it is still allowed (a change of the permission table must
    // not throw the user back to the first tab).
    QObject *current = m_tabs->currentIndex() >= 0
                           ? m_tabs->tabData(m_tabs->currentIndex()).value<QObject *>()
                           : nullptr;
    const bool hadTabs = keepCurrent && m_tabs->count() > 0;
    const QSignalBlocker blocker(m_tabs);
    while (m_tabs->count() > 0)
        m_tabs->removeTab(0);
    if (roleSeesInbox())
        m_tabs->setTabData(m_tabs->addTab(tr("Inbox")), QVariant::fromValue<QObject *>(nullptr));
    for (Desk *desk : std::as_const(m_desks)) {
        if (allows(desk->permission()))
            m_tabs->setTabData(m_tabs->addTab(desk->title()), QVariant::fromValue<QObject *>(desk));
    }
    m_tabs->setVisible(m_tabs->count() > 1);
    int index = 0;
    for (int i = 0; hadTabs && i < m_tabs->count(); ++i) {
        if (m_tabs->tabData(i).value<QObject *>() == current)
            index = i;
    }
    m_tabs->setCurrentIndex(index);
    auto *shown = m_tabs->count() > 0
                      ? qobject_cast<Desk *>(m_tabs->tabData(index).value<QObject *>())
                      : nullptr;
    const bool changed = static_cast<QWidget *>(shown) != m_pages->currentWidget();
    m_pages->setCurrentWidget(shown ? static_cast<QWidget *>(shown) : m_inboxPage);
    if (shown && (changed || !hadTabs))
        shown->activated();
}

bool HomeWindow::showDesk(Desk *desk)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->tabData(i).value<QObject *>() == desk) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void HomeWindow::setHub(Console::HubClient *hub, const Console::HubSession &session)
{
    m_hubClient = hub;
    m_session = session;
    // A signed-in session (online or offline) says what the user may do; the tabs follow it.
    if (!session.token.isEmpty() && session.permissions != m_permissions) {
        m_permissions = session.permissions;
        rebuildTabs(true);
    }
    followCannedResponses();
    for (Desk *desk : std::as_const(m_desks))
        desk->setHub(hub && allows(desk->permission()) ? hub : nullptr, session);
    // The desk already open (an auditor's only one) was shown before it had a hub to ask.
    if (auto *open = qobject_cast<Desk *>(m_pages->currentWidget()); open && hub)
        open->activated();
}

void HomeWindow::hubEvents(const QStringList &kinds)
{
    if (kinds.contains(QStringLiteral("permissions.changed")))
        rereadPermissions();
    if (m_canned && kinds.contains(Console::CannedResponses::changedEvent()))
        m_canned->refresh();
    for (Desk *desk : std::as_const(m_desks)) {
        if (allows(desk->permission()))
            desk->hubEvents(kinds);
    }
}

void HomeWindow::rereadPermissions()
{
    if (!m_hubClient)
        return;
    const QString token = m_session.token;
    m_hubClient->get(m_session, QStringLiteral("/api/v1/session"), {}, this,
                     [this, token](const Console::HubReply &reply) {
                         if (!reply.ok() || !m_hubClient || m_session.token != token)
                             return; // signed out meanwhile, or the hub will say at the next
                         applyPermissions(Console::HubSession::permissionsFrom(
                             reply.body.value(u"permissions").toArray()));
                     });
}

void HomeWindow::applyPermissions(const QStringList &permissions)
{
    if (permissions == m_permissions)
        return;
    const QStringList before = std::exchange(m_permissions, permissions);
    m_session.permissions = permissions;
    for (Desk *desk : std::as_const(m_desks)) {
        const bool had = before.contains(Core::permissionName(desk->permission()));
        const bool has = allows(desk->permission());
        if (had != has)
            desk->setHub(has ? m_hubClient : nullptr, m_session);
    }
    if (before.contains(Core::permissionName(Core::Permission::SendMessage)) !=
        allows(Core::Permission::SendMessage))
        followCannedResponses();
    rebuildTabs(true);
    Q_EMIT permissionsChanged(permissions);
}

void HomeWindow::followCannedResponses()
{
    // Fetched once per session (and when the permission to send arrives), again when an
    // administrator changes them (hubEvents).
    m_conversation->composer()->setCannedResponses(nullptr);
    delete std::exchange(m_canned, nullptr);
    if (m_hubClient && allows(Core::Permission::SendMessage)) {
        m_canned = new Console::CannedResponses(*m_hubClient, m_session, this);
        m_canned->refresh();
        m_conversation->composer()->setCannedResponses(m_canned);
    }
}

void HomeWindow::setInbox(Console::InboxStore *store, qint64 userId)
{
    m_inbox->setUserId(userId);
    m_inbox->setStore(store);
    m_conversation->setInbox(store);
}

void HomeWindow::setConversationClient(Console::ConversationClient *client)
{
    m_conversation->setClient(client);
}

void HomeWindow::installShortcuts()
{
    QListView *list = m_inbox->findChild<QListView *>(QStringLiteral("conversationList"));
    for (const ShortcutDefinition &definition : Shortcuts::all()) {
        if (!definition.installedByHome)
            continue;
        for (const QKeySequence &keys : definition.keys) {
            // Plain letters (J, K) act only in the conversation list, never while typing.
            const bool plainKey = keys[0].keyboardModifiers() == Qt::NoModifier &&
                                  keys[0].key() >= Qt::Key_A && keys[0].key() <= Qt::Key_Z;
            if (plainKey && !list)
                continue;
            auto *shortcut = new QShortcut(keys, plainKey ? static_cast<QWidget *>(list) : this);
            shortcut->setContext(plainKey ? Qt::WidgetShortcut : Qt::WindowShortcut);
            m_shortcuts.append(shortcut);
            connect(shortcut, &QShortcut::activated, this, [this, action = definition.action] {
                switch (action) {
                case ShortcutAction::NextConversation:
                    return stepConversation(1);
                case ShortcutAction::PreviousConversation:
                    return stepConversation(-1);
                case ShortcutAction::NextEmergency:
                    return nextEmergency();
                case ShortcutAction::Claim:
                    return Q_EMIT claimRequested();
                case ShortcutAction::FocusComposer:
                    return Q_EMIT composerFocusRequested();
                case ShortcutAction::Lock:
                    return lock();
                case ShortcutAction::Help:
                    return showShortcuts();
                case ShortcutAction::Send:
                case ShortcutAction::Search:
                    return; // the composer and the inbox handle these
                }
            });
        }
    }
}

void HomeWindow::stepConversation(int step)
{
    auto *list = m_inbox->findChild<QListView *>(QStringLiteral("conversationList"));
    if (!list || !list->model() || list->model()->rowCount() == 0)
        return;
    const int rows = list->model()->rowCount();
    const QModelIndex current = list->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + step, 0, rows - 1)
                                      : (step > 0 ? 0 : rows - 1);
    const QModelIndex next = list->model()->index(row, 0);
    list->setCurrentIndex(next);
    if (const qint64 id = next.data(InboxModel::IdRole).toLongLong())
        Q_EMIT conversationActivated(id);
}

void HomeWindow::nextEmergency()
{
    auto *list = m_inbox->findChild<QListView *>(QStringLiteral("conversationList"));
    if (!list || !list->model())
        return;
    const auto isEmergency = [list](int row) {
        return list->model()->index(row, 0).data(InboxModel::CategoryRole).toString() ==
               QLatin1StringView("EMERGENCY");
    };
    // The next one after the current row in the list shown, round the end; else the queue.
    const int rows = list->model()->rowCount();
    const int from = list->currentIndex().isValid() ? list->currentIndex().row() : -1;
    int found = -1;
    for (int i = 1; i <= rows && found < 0; ++i) {
        const int row = (from + i + rows) % rows;
        if (isEmergency(row))
            found = row;
    }
    if (found < 0) {
        m_inbox->setCurrentQueue(InboxQueue::Emergency);
        if (list->model()->rowCount() == 0)
            return;
        found = 0;
    }
    const QModelIndex index = list->model()->index(found, 0);
    list->setCurrentIndex(index);
    list->setFocus(Qt::ShortcutFocusReason);
    if (const qint64 id = index.data(InboxModel::IdRole).toLongLong())
        Q_EMIT conversationActivated(id);
}

void HomeWindow::showShortcuts()
{
    if (!m_locked)
        m_shortcutsHelp->open();
}

void HomeWindow::lock()
{
    if (m_locked)
        return;
    m_locked = true;
    m_shortcutsHelp->hide();
    // Hidden, not covered: nothing with patient data stays visible or reachable by keyboard.
    m_hiddenByLock.clear();
    const QList<QWidget *> children = findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
    for (QWidget *child : children) {
        if (child == m_lockScreen || child->isWindow() || !child->isVisibleTo(this))
            continue;
        m_hiddenByLock.append(child);
        child->hide();
    }
    for (QShortcut *shortcut : std::as_const(m_shortcuts))
        shortcut->setEnabled(false);
    // The title may name a patient once a conversation is open.
    m_titleBeforeLock = windowTitle();
    setWindowTitle(tr("Wardline — locked"));
    // What the user copied from the console (a patient's message) must not outlive the lock.
    if (QClipboard *clipboard = QGuiApplication::clipboard();
        clipboard && clipboard->ownsClipboard())
        clipboard->clear();
    m_lockScreen->activate(m_name);
    Q_EMIT locked();
}

void HomeWindow::lockToReconnect()
{
    lock();
    m_lockScreen->inform(tr("The hub answers again. Enter your password to reconnect; what you "
                            "wrote offline is then sent."));
}

void HomeWindow::unlock()
{
    if (!m_locked)
        return;
    m_locked = false;
    m_lockScreen->accept();
    m_lockScreen->hide();
    for (QWidget *child : std::as_const(m_hiddenByLock))
        child->show();
    m_hiddenByLock.clear();
    for (QShortcut *shortcut : std::as_const(m_shortcuts))
        shortcut->setEnabled(true);
    setWindowTitle(m_titleBeforeLock);
}

void HomeWindow::rejectUnlock(const QString &message, bool wrongPassword)
{
    m_lockScreen->reject(message, wrongPassword);
}

void HomeWindow::retranslateUi()
{
    setWindowTitle(m_locked ? tr("Wardline — locked") : tr("Wardline"));
    //: %1 is the staff member's name, %2 their role ("Nurse", "Administrator", ...).
    m_userLabel->setText(tr("Signed in as %1 · %2").arg(m_name, Core::roleDisplayName(m_role)));
    m_signOutButton->setText(tr("Sign out"));
    m_hubLabel->setText(tr("Hub: %1").arg(m_hub));
    for (int i = 0; i < m_tabs->count(); ++i) {
        const auto *desk = qobject_cast<Desk *>(m_tabs->tabData(i).value<QObject *>());
        m_tabs->setTabText(i, desk ? desk->title() : tr("Inbox"));
    }
    m_cacheLabel->setText(m_cacheNote.isEmpty()
                              ? tr("Patient data kept on this computer is encrypted with a key "
                                   "held in your system keychain.")
                              : m_cacheNote);
    m_cacheLabel->setProperty("kind", m_cacheNote.isEmpty() ? QStringLiteral("ok")
                                                            : QStringLiteral("warning"));
    m_cacheLabel->style()->unpolish(m_cacheLabel);
    m_cacheLabel->style()->polish(m_cacheLabel);
}

void HomeWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Wardline::Ui
