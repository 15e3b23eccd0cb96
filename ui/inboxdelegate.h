#pragma once

#include <QStyledItemDelegate>

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Ui {

/// Paints one inbox row: who, what they last wrote, why and how urgent, how long they have
/// waited, the response-time target, who has it, unread state and WhatsApp's reply window.
/// An emergency that nobody has claimed is painted red until a nurse takes it. Every colour
/// comes with words, so nothing depends on telling colours apart.
class InboxDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit InboxDelegate(QObject *parent = nullptr);

    /// The clock times are measured against (nullptr: the system clock). Not owned.
    void setClock(const Core::Clock *clock);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const override;

private:
    const Core::Clock *m_clock = nullptr;
};

} // namespace Wardline::Ui
