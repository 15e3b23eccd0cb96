#include "ui/shortcutshelp.h"

#include "ui/shortcuts.h"

#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace Wardline::Ui {

namespace {
constexpr auto StyleSheet = QLatin1StringView(R"(
QFrame#shortcutsCard { background: #ffffff; border-radius: 10px; }
QLabel#shortcutsTitle { color: #123a5c; }
QLabel[role="keys"] {
    color: #123a5c; background: #eef2f5; border: 1px solid #c9d3dc; border-radius: 4px;
    padding: 2px 8px; font-family: monospace;
}
QLabel[role="where"] { color: #6a7885; }
QPushButton#shortcutsClose {
    color: #123a5c; background: #ffffff; border: 1px solid #b8c4cf; border-radius: 5px;
    padding: 5px 16px;
}
)");
} // namespace

ShortcutsHelp::ShortcutsHelp(QWidget *window)
    : QWidget(window)
{
    setObjectName(QStringLiteral("shortcutsHelp"));
    setStyleSheet(StyleSheet);
    setFocusPolicy(Qt::StrongFocus);

    m_card = new QFrame(this);
    m_card->setObjectName(QStringLiteral("shortcutsCard"));
    m_titleLabel = new QLabel(m_card);
    m_titleLabel->setObjectName(QStringLiteral("shortcutsTitle"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    if (titleFont.pointSizeF() > 0)
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_titleLabel->setFont(titleFont);
    m_rows = new QGridLayout;
    m_rows->setHorizontalSpacing(16);
    m_rows->setVerticalSpacing(8);
    m_closeButton = new QPushButton(m_card);
    m_closeButton->setObjectName(QStringLiteral("shortcutsClose"));
    connect(m_closeButton, &QPushButton::clicked, this, &QWidget::hide);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_closeButton);
    auto *cardLayout = new QVBoxLayout(m_card);
    cardLayout->setContentsMargins(28, 22, 28, 22);
    cardLayout->setSpacing(16);
    cardLayout->addWidget(m_titleLabel);
    cardLayout->addLayout(m_rows);
    cardLayout->addLayout(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_card, 0, Qt::AlignHCenter);
    layout->addStretch(1);

    window->installEventFilter(this);
    setGeometry(window->rect());
    hide();
    retranslateUi();
}

void ShortcutsHelp::open()
{
    setGeometry(parentWidget()->rect());
    show();
    raise();
    setFocus(Qt::ShortcutFocusReason);
}

void ShortcutsHelp::retranslateUi()
{
    m_titleLabel->setText(tr("Keyboard shortcuts"));
    m_closeButton->setText(tr("Close"));
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int row = 0;
    for (const ShortcutDefinition &definition : Shortcuts::all()) {
        auto *keys = new QLabel(Shortcuts::keysText(definition), m_card);
        keys->setProperty("role", QStringLiteral("keys"));
        keys->setTextFormat(Qt::PlainText);
        auto *description = new QLabel(Shortcuts::translate(definition.description), m_card);
        description->setTextFormat(Qt::PlainText);
        auto *where = new QLabel(Shortcuts::translate(definition.where), m_card);
        where->setProperty("role", QStringLiteral("where"));
        where->setTextFormat(Qt::PlainText);
        m_rows->addWidget(keys, row, 0, Qt::AlignLeft | Qt::AlignVCenter);
        m_rows->addWidget(description, row, 1);
        m_rows->addWidget(where, row, 2);
        ++row;
    }
}

bool ShortcutsHelp::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void ShortcutsHelp::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ShortcutsHelp::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_F1) {
        hide();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ShortcutsHelp::mousePressEvent(QMouseEvent *event)
{
    // A click beside the card closes it, as with any overlay.
    if (!m_card->geometry().contains(event->position().toPoint()))
        hide();
    QWidget::mousePressEvent(event);
}

void ShortcutsHelp::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(10, 30, 48, 170));
}

} // namespace Wardline::Ui
