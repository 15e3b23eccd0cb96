#include "ui/homewindow.h"

#include "ui/inboxwidget.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

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

    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(20, 12, 20, 12);
    headerLayout->addWidget(m_titleLabel);
    headerLayout->addSpacing(16);
    headerLayout->addWidget(m_userLabel, 1);
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
    layout->addWidget(m_inbox, 1);
    layout->addWidget(footer);
    retranslateUi();
}

void HomeWindow::showSession(const QString &name, Core::Role role, const QString &hubAddress,
                             const QString &cacheNote)
{
    m_name = name;
    m_role = role;
    m_hub = hubAddress;
    m_cacheNote = cacheNote;
    retranslateUi();
}

void HomeWindow::setInbox(Console::InboxStore *store, qint64 userId)
{
    m_inbox->setUserId(userId);
    m_inbox->setStore(store);
}

void HomeWindow::retranslateUi()
{
    setWindowTitle(tr("Wardline"));
    //: %1 is the staff member's name, %2 their role ("Nurse", "Administrator", ...).
    m_userLabel->setText(tr("Signed in as %1 · %2").arg(m_name, Core::roleDisplayName(m_role)));
    m_signOutButton->setText(tr("Sign out"));
    m_hubLabel->setText(tr("Hub: %1").arg(m_hub));
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
