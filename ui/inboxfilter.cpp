#include "ui/inboxfilter.h"

#include "ui/inboxmodel.h"

namespace Wardline::Ui {

InboxFilter::InboxFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    sort(0, Qt::AscendingOrder);
}

void InboxFilter::setInboxModel(InboxModel *model)
{
    m_inbox = model;
    setSourceModel(model);
    sort(0, Qt::AscendingOrder);
}

void InboxFilter::setQueue(InboxQueue queue)
{
    if (m_queue == queue)
        return;
    m_queue = queue;
    invalidateFilter();
}

void InboxFilter::setUserId(qint64 userId)
{
    if (m_userId == userId)
        return;
    m_userId = userId;
    invalidateFilter();
}

void InboxFilter::setSearchResults(const QList<qint64> &ids)
{
    m_searching = true;
    m_searchIds = QSet<qint64>(ids.cbegin(), ids.cend());
    invalidateFilter();
}

void InboxFilter::clearSearchResults()
{
    if (!m_searching)
        return;
    m_searching = false;
    m_searchIds.clear();
    invalidateFilter();
}

qint64 InboxFilter::idAt(const QModelIndex &index) const
{
    return index.isValid() ? index.data(InboxModel::IdRole).toLongLong() : 0;
}

bool InboxFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_inbox || sourceParent.isValid())
        return false;
    const Console::ConversationSummary &s = m_inbox->summaryAt(sourceRow);
    if (m_searching)
        return m_searchIds.contains(s.id);
    return InboxQueues::contains(m_queue, s, m_userId);
}

bool InboxFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const Console::ConversationSummary &a = m_inbox->summaryAt(left.row());
    const Console::ConversationSummary &b = m_inbox->summaryAt(right.row());
    // An emergency nobody has claimed yet outranks everything, even an older P1.
    if (a.alerting() != b.alerting())
        return a.alerting();
    const int pa = left.data(InboxModel::PriorityRole).toInt();
    const int pb = right.data(InboxModel::PriorityRole).toInt();
    if (pa != pb)
        return pa < pb;
    // Longest waiting first; a conversation without an inbound message has not waited.
    if (a.lastInboundAt.isValid() != b.lastInboundAt.isValid())
        return a.lastInboundAt.isValid();
    if (a.lastInboundAt != b.lastInboundAt)
        return a.lastInboundAt < b.lastInboundAt;
    return a.id < b.id;
}

} // namespace Wardline::Ui
