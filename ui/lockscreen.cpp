#include "ui/lockscreen.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Wardline::Ui {

namespace {
constexpr int CardWidth = 440;
constexpr int CardMargin = 28;

// A wrapped label inside the fixed-width card gets the height its text needs at that width
// (a layout centring the card would otherwise give it the one-line height of its size hint).
void fitHeight(QLabel *label)
{
    label->setMinimumHeight(label->heightForWidth(CardWidth - 2 * CardMargin));
}

// Opaque on purpose: nothing of the window behind may show through.
constexpr auto StyleSheet = QLatin1StringView(R"(
Wardline--Ui--LockScreen { background: #123a5c; }
QFrame#lockCard { background: #ffffff; border-radius: 10px; }
QLabel#lockTitle { color: #123a5c; }
QLabel#lockUser { color: #4a5866; }
QLabel#lockError {
    color: #8a1c1c; background: #fdecec; border: 1px solid #e8b4b4; border-radius: 4px;
    padding: 6px 8px;
}
QLabel#lockError[tone="info"] { color: #123a5c; background: #e8f1fa; border-color: #b3cde6; }
QLineEdit#lockPassword { padding: 6px 8px; border: 1px solid #b8c4cf; border-radius: 5px; }
QPushButton { padding: 6px 16px; border-radius: 5px; }
QPushButton#lockUnlock { color: #ffffff; background: #1d6fb8; border: 1px solid #1d6fb8; }
QPushButton#lockUnlock:disabled { background: #8fb4d6; border-color: #8fb4d6; }
QPushButton#lockSignOut { color: #123a5c; background: #ffffff; border: 1px solid #b8c4cf; }
)");
} // namespace

LockScreen::LockScreen(QWidget *window)
    : QWidget(window)
{
    setObjectName(QStringLiteral("lockScreen"));
    setAttribute(Qt::WA_StyledBackground);
    setAutoFillBackground(true);
    setStyleSheet(StyleSheet);

    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("lockCard"));
    card->setFixedWidth(CardWidth);
    m_titleLabel = new QLabel(card);
    m_titleLabel->setObjectName(QStringLiteral("lockTitle"));
    m_titleLabel->setWordWrap(true);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    if (titleFont.pointSizeF() > 0)
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_titleLabel->setFont(titleFont);
    m_userLabel = new QLabel(card);
    m_userLabel->setObjectName(QStringLiteral("lockUser"));
    m_userLabel->setTextFormat(Qt::PlainText);
    m_password = new QLineEdit(card);
    m_password->setObjectName(QStringLiteral("lockPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_errorLabel = new QLabel(card);
    m_errorLabel->setObjectName(QStringLiteral("lockError"));
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    m_unlockButton = new QPushButton(card);
    m_unlockButton->setObjectName(QStringLiteral("lockUnlock"));
    m_unlockButton->setDefault(true);
    m_signOutButton = new QPushButton(card);
    m_signOutButton->setObjectName(QStringLiteral("lockSignOut"));

    connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::submit);
    connect(m_unlockButton, &QPushButton::clicked, this, &LockScreen::submit);
    connect(m_signOutButton, &QPushButton::clicked, this, &LockScreen::signOutRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_signOutButton);
    buttons->addStretch(1);
    buttons->addWidget(m_unlockButton);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(CardMargin, 24, CardMargin, 24);
    cardLayout->setSpacing(12);
    cardLayout->addWidget(m_titleLabel);
    cardLayout->addWidget(m_userLabel);
    cardLayout->addWidget(m_password);
    cardLayout->addWidget(m_errorLabel);
    cardLayout->addLayout(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(card, 0, Qt::AlignHCenter);
    layout->addStretch(3);

    window->installEventFilter(this);
    setGeometry(window->rect());
    hide();
    retranslateUi();
}

void LockScreen::activate(const QString &userName)
{
    m_userName = userName;
    m_wrongAttempts = 0;
    m_password->clear();
    showError(QString());
    setBusy(false);
    retranslateUi();
    setGeometry(parentWidget()->rect());
    show();
    raise();
    m_password->setFocus(Qt::OtherFocusReason);
}

void LockScreen::accept()
{
    m_password->clear();
    showError(QString());
    setBusy(false);
}

void LockScreen::reject(const QString &message, bool wrongPassword)
{
    setBusy(false);
    m_password->clear();
    m_password->setFocus(Qt::OtherFocusReason);
    if (!wrongPassword) {
        showError(message);
        return;
    }
    ++m_wrongAttempts;
    if (m_wrongAttempts >= MaxAttempts) {
        showError(QString());
        Q_EMIT signOutRequested();
        return;
    }
    showError(tr("The password is wrong. After %n more wrong attempt(s) you will be signed out.",
                 nullptr, MaxAttempts - m_wrongAttempts));
}

void LockScreen::submit()
{
    if (m_busy || m_password->text().isEmpty())
        return;
    setBusy(true);
    Q_EMIT unlockRequested(m_password->text());
}

void LockScreen::setBusy(bool busy)
{
    m_busy = busy;
    m_password->setEnabled(!busy);
    m_unlockButton->setEnabled(!busy);
    m_unlockButton->setText(busy ? tr("Checking…") : tr("Unlock"));
}

void LockScreen::inform(const QString &message)
{
    showError(message, Tone::Info);
}

void LockScreen::showError(const QString &message, Tone tone)
{
    // The same place as errors, in calm colours: news, not a fault.
    m_errorLabel->setProperty("tone", tone == Tone::Info ? QStringLiteral("info")
                                                         : QStringLiteral("error"));
    m_errorLabel->style()->unpolish(m_errorLabel);
    m_errorLabel->style()->polish(m_errorLabel);
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
    fitHeight(m_errorLabel);
}

bool LockScreen::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void LockScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LockScreen::retranslateUi()
{
    m_titleLabel->setText(tr("Locked — enter your password to continue"));
    fitHeight(m_titleLabel);
    //: %1 is the signed-in staff member's name.
    m_userLabel->setText(tr("Signed in as %1").arg(m_userName));
    m_password->setPlaceholderText(tr("Password"));
    m_unlockButton->setText(m_busy ? tr("Checking…") : tr("Unlock"));
    m_signOutButton->setText(tr("Sign out"));
}

} // namespace Wardline::Ui
