#pragma once

#include "console/inboxstore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Wardline::Ui {

/// The inbox's queues, in the order the side list shows them.
enum class InboxQueue {
    Emergency,
    Nurses,
    Refills,
    LabResults,
    Appointments,
    Mine,
    Unassigned,
    AllOpen,
    Closed,
};

/// Which conversations belong to which queue, and what the queues are called.
class InboxQueues
{
    Q_DECLARE_TR_FUNCTIONS(Wardline::Ui::InboxQueues)
public:
    InboxQueues() = delete;

    /// Every queue, in display order.
    [[nodiscard]] static const QList<InboxQueue> &all();
    /// The queue's name in the current UI language.
    [[nodiscard]] static QString displayName(InboxQueue queue);
    /// True when \a summary belongs to \a queue for the staff member \a userId.
    /// An open conversation that is alerting is always in the Emergency queue, whatever its
    /// category, so an emergency is never filed out of sight.
    [[nodiscard]] static bool contains(InboxQueue queue,
                                       const Console::ConversationSummary &summary, qint64 userId);
};

} // namespace Wardline::Ui
