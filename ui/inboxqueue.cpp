#include "ui/inboxqueue.h"

namespace Wardline::Ui {

namespace {
bool hasCategory(const Console::ConversationSummary &s, QLatin1StringView category)
{
    return s.category == category;
}
} // namespace

const QList<InboxQueue> &InboxQueues::all()
{
    static const QList<InboxQueue> queues = {
        InboxQueue::Emergency,  InboxQueue::Nurses,       InboxQueue::Refills,
        InboxQueue::LabResults, InboxQueue::Appointments, InboxQueue::Mine,
        InboxQueue::Unassigned, InboxQueue::AllOpen,      InboxQueue::Closed,
    };
    return queues;
}

QString InboxQueues::displayName(InboxQueue queue)
{
    switch (queue) {
    case InboxQueue::Emergency:
        return tr("Emergency");
    case InboxQueue::Nurses:
        //: The queue of conversations triaged for a nurse.
        return tr("Nurses");
    case InboxQueue::Refills:
        //: The queue of prescription refill requests.
        return tr("Refills");
    case InboxQueue::LabResults:
        return tr("Lab results");
    case InboxQueue::Appointments:
        return tr("Appointments");
    case InboxQueue::Mine:
        //: The queue of conversations assigned to the signed-in staff member.
        return tr("Mine");
    case InboxQueue::Unassigned:
        return tr("Unassigned");
    case InboxQueue::AllOpen:
        return tr("All open");
    case InboxQueue::Closed:
        return tr("Closed");
    }
    return {};
}

bool InboxQueues::contains(InboxQueue queue, const Console::ConversationSummary &s, qint64 userId)
{
    if (queue == InboxQueue::Closed)
        return !s.isOpen();
    if (!s.isOpen())
        return false;
    switch (queue) {
    case InboxQueue::Emergency:
        return s.alerting() || hasCategory(s, QLatin1StringView("EMERGENCY"));
    case InboxQueue::Nurses:
        return hasCategory(s, QLatin1StringView("NURSE"));
    case InboxQueue::Refills:
        return hasCategory(s, QLatin1StringView("REFILL"));
    case InboxQueue::LabResults:
        return hasCategory(s, QLatin1StringView("LAB_RESULTS"));
    case InboxQueue::Appointments:
        return hasCategory(s, QLatin1StringView("APPOINTMENT"));
    case InboxQueue::Mine:
        return userId != 0 && s.assigneeId == userId;
    case InboxQueue::Unassigned:
        return s.assigneeId == 0;
    case InboxQueue::AllOpen:
        return true;
    case InboxQueue::Closed:
        break;
    }
    return false;
}

} // namespace Wardline::Ui
