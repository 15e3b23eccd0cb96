#include "ui/cannedresponsepicker.h"

#include "ui/language.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <algorithm>

namespace Wardline::Ui {

namespace {
constexpr int IndexRole = Qt::UserRole + 1;
constexpr int PreviewLength = 110;

bool matches(const Console::CannedResponse &r, const QString &filter)
{
    if (filter.isEmpty() || filter == QLatin1String("/"))
        return true;
    if (r.shortcut.startsWith(filter, Qt::CaseInsensitive))
        return true;
    // "/lab res" finds "Lab results by phone" too, "/re" not "Directions": staff remember titles
    // better than shortcuts.
    const QStringList words =
        filter.mid(filter.startsWith(u'/') ? 1 : 0)
            .split(QRegularExpression(QStringLiteral("[\\s_-]+")), Qt::SkipEmptyParts);
    // Each word typed starts a word of the title.
    const QStringList titleWords =
        r.title.split(QRegularExpression(QStringLiteral("\\W+")), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const bool found =
            std::any_of(titleWords.cbegin(), titleWords.cend(), [&word](const QString &titleWord) {
                return titleWord.startsWith(word, Qt::CaseInsensitive);
            });
        if (!found)
            return false;
    }
    return !words.isEmpty();
}
} // namespace

CannedResponsePicker::CannedResponsePicker(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("cannedResponsePicker"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral(
        "QFrame#cannedResponsePicker { background: #ffffff; border: 1px solid #9fb3c8; "
        "border-radius: 6px; }"
        "QLabel#cannedHeading { color: #52616f; }"
        "QListWidget#cannedList { border: none; }"
        "QListWidget#cannedList::item { padding: 4px 6px; border-bottom: 1px solid #eef1f4; }"
        "QListWidget#cannedList::item:selected { background: #d6e8fa; color: #111b21; }"));
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("cannedHeading"));
    m_heading->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("cannedList"));
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->installEventFilter(this);
    connect(m_list, &QListWidget::itemActivated, this, [this] { chooseCurrent(); });
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("cannedEmpty"));
    m_empty->setWordWrap(true);
    m_empty->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);
    layout->addWidget(m_heading);
    layout->addWidget(m_list);
    layout->addWidget(m_empty);
    retranslateUi();
}

void CannedResponsePicker::setResponses(const QList<Console::CannedResponse> &responses,
                                        const QString &language)
{
    m_responses = responses;
    m_language = language;
    retranslateUi();
    m_list->clear(); // a new list starts at its first row
    rebuild();
}

void CannedResponsePicker::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    rebuild();
}

void CannedResponsePicker::rebuild()
{
    const std::optional<Console::CannedResponse> before = current();
    m_list->clear();
    // Shortcuts that start with what was typed first, then titles with its words.
    QList<int> order;
    for (int i = 0; i < m_responses.size(); ++i) {
        if (m_responses.at(i).shortcut.startsWith(m_filter, Qt::CaseInsensitive))
            order.append(i);
    }
    for (int i = 0; i < m_responses.size(); ++i) {
        if (!order.contains(i) && matches(m_responses.at(i), m_filter))
            order.append(i);
    }
    for (int i : std::as_const(order)) {
        const Console::CannedResponse &r = m_responses.at(i);
        QString preview = r.text.simplified();
        if (preview.size() > PreviewLength)
            preview = preview.left(PreviewLength - 1) + QStringLiteral("…");
        auto *item = new QListWidgetItem(
            r.shortcut + QStringLiteral("   ") + r.title + u'\n' + preview, m_list);
        item->setData(IndexRole, i);
        item->setToolTip(r.text);
        if (before && before->id == r.id)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    // As tall as its rows, up to a few: the reply box stays in view below it.
    int height = 2 * m_list->frameWidth();
    for (int row = 0; row < m_list->count(); ++row)
        height += m_list->sizeHintForRow(row);
    m_list->setFixedHeight(std::clamp(height, 60, 220));
    const bool none = m_list->count() == 0;
    m_list->setVisible(!none);
    m_empty->setVisible(none);
}

QList<Console::CannedResponse> CannedResponsePicker::shown() const
{
    QList<Console::CannedResponse> out;
    for (int row = 0; row < m_list->count(); ++row)
        out.append(m_responses.at(m_list->item(row)->data(IndexRole).toInt()));
    return out;
}

void CannedResponsePicker::moveSelection(int step)
{
    const int count = m_list->count();
    if (count == 0)
        return;
    const int row = m_list->currentRow();
    m_list->setCurrentRow(row < 0 ? 0 : ((row + step) % count + count) % count);
}

std::optional<Console::CannedResponse> CannedResponsePicker::current() const
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return std::nullopt;
    const int i = item->data(IndexRole).toInt();
    if (i < 0 || i >= m_responses.size())
        return std::nullopt;
    return m_responses.at(i);
}

void CannedResponsePicker::chooseCurrent()
{
    if (const auto r = current())
        Q_EMIT chosen(*r);
}

void CannedResponsePicker::focusList()
{
    m_list->setFocus(Qt::PopupFocusReason);
}

bool CannedResponsePicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            Q_EMIT dismissed();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            chooseCurrent();
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void CannedResponsePicker::retranslateUi()
{
    const QString language = Language::nativeName(m_language);
    //: %1 is a language's own name ("Español"). Above the list of saved replies.
    m_heading->setText(language.isEmpty()
                           ? tr("Canned responses: ↑ ↓ to choose, Enter to insert, Esc to close")
                           : tr("Canned responses in %1: ↑ ↓ to choose, Enter to insert, Esc to "
                                "close")
                                 .arg(language));
    m_empty->setText(m_responses.isEmpty()
                         ? tr("There are no canned responses in the patient's language. An "
                              "administrator can add them in Site settings.")
                         : tr("No canned response matches. Keep typing, or press Esc."));
}

void CannedResponsePicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

} // namespace Wardline::Ui
