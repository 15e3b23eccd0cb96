#include "ui/inboxdelegate.h"

#include "core/clock.h"
#include "ui/inboxformat.h"
#include "ui/inboxmodel.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <initializer_list>

namespace Wardline::Ui {

namespace {
constexpr int Pad = 10;
constexpr int StripeWidth = 6;
constexpr int Gap = 8;
constexpr int DotArea = 16;
constexpr int ChipPadding = 6;
constexpr int LineSpacing = 4;

// Every text colour below keeps at least 4.5:1 contrast on its background (WCAG AA).
const QColor Text(0x1b, 0x27, 0x33);
const QColor SecondaryText(0x4a, 0x58, 0x66);
const QColor RowBackground(0xff, 0xff, 0xff);
const QColor HoverBackground(0xf3, 0xf7, 0xfa);
const QColor SelectedBackground(0xdc, 0xeb, 0xf8);
const QColor SelectedBorder(0x1f, 0x6f, 0xb2);
const QColor AlertBackground(0xfd, 0xe4, 0xe1);
const QColor AlertSelectedBackground(0xf9, 0xd2, 0xcd);
const QColor AlertRed(0xb3, 0x26, 0x1e);
const QColor Separator(0xe1, 0xe7, 0xed);
const QColor UnreadDot(0x1f, 0x6f, 0xb2);
const QColor WindowClosed(0x8a, 0x4b, 0x00);

struct Colours
{
    QColor background;
    QColor text;
};

Colours categoryColours(const QString &category)
{
    if (category == QLatin1StringView("EMERGENCY"))
        return {AlertRed, Qt::white};
    if (category == QLatin1StringView("NURSE"))
        return {QColor(0xe0, 0xee, 0xfa), QColor(0x0b, 0x4a, 0x6f)};
    if (category == QLatin1StringView("REFILL"))
        return {QColor(0xe3, 0xf3, 0xe7), QColor(0x1d, 0x5c, 0x2e)};
    if (category == QLatin1StringView("LAB_RESULTS"))
        return {QColor(0xee, 0xe6, 0xfa), QColor(0x4a, 0x2a, 0x7a)};
    if (category == QLatin1StringView("APPOINTMENT"))
        return {QColor(0xff, 0xf0, 0xcc), QColor(0x6b, 0x4a, 0x00)};
    return {QColor(0xeb, 0xee, 0xf1), QColor(0x37, 0x43, 0x4f)};
}

Colours priorityColours(int rank)
{
    switch (rank) {
    case 1:
        return {QColor(0x8c, 0x1d, 0x18), Qt::white};
    case 2:
        return {QColor(0xfd, 0xe1, 0xcc), QColor(0x7a, 0x33, 0x00)};
    case 3:
        return {QColor(0xe4, 0xec, 0xf4), QColor(0x2e, 0x4a, 0x63)};
    default:
        return {QColor(0xee, 0xf0, 0xf2), QColor(0x4a, 0x58, 0x66)};
    }
}

Colours slaColours(SlaState state)
{
    switch (state) {
    case SlaState::Breached:
        return {AlertRed, Qt::white};
    case SlaState::DueSoon:
        return {QColor(0xff, 0xe7, 0xa8), QColor(0x5c, 0x3d, 0x00)};
    case SlaState::OnTime:
        return {QColor(0xe3, 0xf3, 0xe7), QColor(0x1d, 0x5c, 0x2e)};
    case SlaState::None:
        break;
    }
    return {Qt::transparent, SecondaryText};
}

QColor stripeColour(SlaState state, bool alerting)
{
    if (alerting || state == SlaState::Breached)
        return AlertRed;
    if (state == SlaState::DueSoon)
        return QColor(0xd9, 0x8e, 0x00);
    if (state == SlaState::OnTime)
        return QColor(0x3f, 0x8f, 0x55);
    return Qt::transparent;
}

QFont chipFont(const QFont &base)
{
    QFont f = base;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 0.85);
    else
        f.setPixelSize(std::max(8, f.pixelSize() * 85 / 100));
    f.setBold(true);
    return f;
}

int chipWidth(const QFontMetrics &fm, const QString &text)
{
    return fm.horizontalAdvance(text) + 2 * ChipPadding;
}

// Draws \a text in a rounded chip whose right edge is \a right; returns the chip's left edge.
int drawChip(QPainter *p, const QFont &font, const QString &text, const Colours &c, int right,
             const QRect &line)
{
    const QFontMetrics fm(font);
    const int width = chipWidth(fm, text);
    const int height = fm.height() + 2;
    const QRect chip(right - width, line.center().y() - height / 2 + 1, width, height);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(Qt::NoPen);
    p->setBrush(c.background);
    p->drawRoundedRect(chip, 4, 4);
    p->setFont(font);
    p->setPen(c.text);
    p->drawText(chip, Qt::AlignCenter, text);
    p->restore();
    return chip.left();
}

// Draws \a text elided to fit between \a left and \a right, aligned right; returns its left edge.
int drawRightText(QPainter *p, const QFont &font, const QColor &colour, const QString &text,
                  int left, int right, const QRect &line)
{
    const QFontMetrics fm(font);
    const QString shown = fm.elidedText(text, Qt::ElideRight, std::max(0, right - left));
    const int width = fm.horizontalAdvance(shown);
    p->setFont(font);
    p->setPen(colour);
    p->drawText(QRect(right - width, line.top(), width, line.height()),
                Qt::AlignVCenter | Qt::AlignRight | Qt::TextSingleLine, shown);
    return right - width;
}

// The widest pair of category and priority badges in the current language.
int badgeColumnWidth(const QFontMetrics &chipMetrics)
{
    int widest = 0;
    for (const char *category :
         {"EMERGENCY", "NURSE", "REFILL", "APPOINTMENT", "LAB_RESULTS", "GENERAL"}) {
        widest =
            std::max(widest, chipWidth(chipMetrics,
                                       InboxFormat::categoryName(QString::fromLatin1(category))));
    }
    return widest + 4 + chipWidth(chipMetrics, InboxFormat::priorityName(4));
}

// The widest target text the right-hand column has to hold in the current language.
int rightColumnWidth(const QFontMetrics &chipMetrics, const QFontMetrics &metrics,
                     const QDateTime &now)
{
    Console::ConversationSummary sample;
    sample.slaDueAt = now.addSecs(-59 * 60);
    int widest = chipWidth(chipMetrics, InboxFormat::slaText(sample, now));
    sample.slaDueAt = now.addSecs(59 * 60);
    widest = std::max(widest, chipWidth(chipMetrics, InboxFormat::slaText(sample, now)));
    sample.lastInboundAt = now.addSecs(-59 * 60);
    widest = std::max(widest, metrics.horizontalAdvance(InboxFormat::waitingTime(sample, now)));
    return widest;
}
} // namespace

InboxDelegate::InboxDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void InboxDelegate::setClock(const Core::Clock *clock)
{
    m_clock = clock;
}

QSize InboxDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    const QFontMetrics chips(chipFont(option.font));
    const int line = std::max(fm.height(), chips.height() + 2);
    return {fm.averageCharWidth() * 60, 2 * Pad + 2 * line + LineSpacing};
}

void InboxDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    const Console::ConversationSummary *s = InboxModel::summaryFor(index);
    if (!s) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QDateTime now = (m_clock ? *m_clock : Core::Clock::system()).now();
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool hovered = option.state.testFlag(QStyle::State_MouseOver);
    const bool alerting = s->isOpen() && s->alerting();
    const bool unread = s->unread > 0;
    const SlaState sla = s->isOpen() ? InboxFormat::slaState(*s, now) : SlaState::None;
    const QRect r = option.rect;

    painter->save();
    painter->setClipRect(r);

    QColor background = RowBackground;
    if (alerting)
        background = selected ? AlertSelectedBackground : AlertBackground;
    else if (selected)
        background = SelectedBackground;
    else if (hovered)
        background = HoverBackground;
    painter->fillRect(r, background);
    painter->fillRect(QRect(r.left(), r.bottom(), r.width(), 1), Separator);
    if (alerting || selected) {
        painter->setPen(QPen(alerting ? AlertRed : SelectedBorder, 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(r.adjusted(1, 1, -1, -1));
    }
    painter->fillRect(QRect(r.left(), r.top(), StripeWidth, r.height()),
                      stripeColour(sla, alerting));

    const QFont base = option.font;
    QFont nameFont = base;
    nameFont.setBold(unread || alerting);
    const QFont chips = chipFont(base);
    const QFontMetrics fm(base);
    const QFontMetrics chipMetrics(chips);
    const int lineHeight = std::max(fm.height(), chipMetrics.height() + 2);
    const QRect content = r.adjusted(StripeWidth + Pad, Pad, -Pad, -Pad);
    const QRect line1(content.left(), content.top(), content.width(), lineHeight);
    const QRect line2(content.left(), line1.bottom() + 1 + LineSpacing, content.width(),
                      lineHeight);
    const int rightWidth = rightColumnWidth(chipMetrics, fm, now);
    const int columnLeft = content.right() - rightWidth;
    const int textLeft = content.left() + DotArea;

    // The unread mark: a dot, and the name in bold.
    if (unread) {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(UnreadDot);
        painter->drawEllipse(QPoint(content.left() + 4, line1.center().y() + 1), 4, 4);
        painter->restore();
    }

    QFont small = base;
    if (small.pointSizeF() > 0)
        small.setPointSizeF(small.pointSizeF() * 0.92);

    // Line 1: name ... reply window, category, priority | waiting time.
    QFont waitFont = base;
    waitFont.setBold(true);
    drawRightText(painter, waitFont, s->isOpen() ? Text : SecondaryText,
                  InboxFormat::waitingTime(*s, now), columnLeft, content.right(), line1);
    const int priority = index.data(InboxModel::PriorityRole).toInt();
    int chipsLeft = drawChip(painter, chips, InboxFormat::priorityName(priority),
                             priorityColours(priority), columnLeft - Gap, line1);
    chipsLeft = drawChip(painter, chips, InboxFormat::categoryName(s->category),
                         categoryColours(s->category), chipsLeft - 4, line1);
    // Whatever the category, the text to the left of the badges lines up from row to row.
    chipsLeft = std::min(chipsLeft, columnLeft - Gap - badgeColumnWidth(chipMetrics));
    // The name comes first; the reply window takes what is left beside it.
    const QFontMetrics nameMetrics(nameFont);
    const int nameSpace = std::max(0, chipsLeft - Gap - textLeft);
    const int nameWidth = std::min(nameMetrics.horizontalAdvance(s->patientName), nameSpace);
    painter->setFont(nameFont);
    painter->setPen(s->isOpen() ? Text : SecondaryText);
    painter->drawText(QRect(textLeft, line1.top(), nameWidth, line1.height()),
                      Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
                      nameMetrics.elidedText(s->patientName, Qt::ElideRight, nameSpace));
    if (s->isOpen()) {
        const bool windowOpen = s->windowOpen(now);
        QFont windowFont = small;
        windowFont.setItalic(!windowOpen);
        const int left = textLeft + nameWidth + 2 * Gap;
        const int right = chipsLeft - 2 * Gap;
        QString window = InboxFormat::windowText(*s, now);
        if (QFontMetrics(windowFont).horizontalAdvance(window) > right - left)
            window = InboxFormat::windowShortText(*s, now);
        drawRightText(painter, windowFont, windowOpen ? SecondaryText : WindowClosed, window, left,
                      right, line1);
    }

    // Line 2: preview ... assignee | response-time target.
    if (sla != SlaState::None)
        drawChip(painter, chips, InboxFormat::slaText(*s, now), slaColours(sla), content.right(),
                 line2);
    const int metaRight = columnLeft - Gap;
    const int metaLimit = textLeft + (metaRight - textLeft) * 3 / 5; // the preview keeps 60 %
    int metaLeft = metaRight;
    if (alerting) {
        //: On an emergency row that no nurse has taken yet.
        metaLeft =
            drawChip(painter, chips, tr("Not claimed"), {AlertRed, Qt::white}, metaLeft, line2);
    } else if (s->isOpen()) {
        QFont assigneeFont = small;
        assigneeFont.setBold(s->assigneeId != 0);
        metaLeft = drawRightText(painter, assigneeFont, s->assigneeId ? Text : SecondaryText,
                                 InboxFormat::assigneeText(*s), metaLimit, metaLeft, line2);
    }
    QFont previewFont = base;
    previewFont.setItalic(!s->previewDirection.isEmpty() &&
                          s->previewDirection != QLatin1StringView("in"));
    const int previewWidth = std::max(0, metaLeft - Gap - textLeft);
    painter->setFont(previewFont);
    painter->setPen(unread ? Text : SecondaryText);
    QString preview = s->preview;
    preview.replace(u'\n', u' ');
    painter->drawText(QRect(textLeft, line2.top(), previewWidth, line2.height()),
                      Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
                      QFontMetrics(previewFont).elidedText(preview, Qt::ElideRight, previewWidth));

    painter->restore();
}

} // namespace Wardline::Ui
