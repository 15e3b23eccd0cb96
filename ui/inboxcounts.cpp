#include "ui/inboxcounts.h"

namespace Wardline::Ui {

InboxCounts::InboxCounts(QObject *parent)
    : QObject(parent)
{
}

void InboxCounts::setStore(Console::InboxStore *store)
{
    if (m_store == store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store) {
        connect(m_store, &Console::InboxStore::conversationChanged, this, &InboxCounts::onChanged);
        connect(m_store, &Console::InboxStore::conversationRemoved, this, &InboxCounts::onRemoved);
        connect(m_store, &Console::InboxStore::reset, this, &InboxCounts::recount);
        connect(m_store, &QObject::destroyed, this, [this] {
            m_members.clear();
            m_counts.fill(0);
            m_alerting = 0;
            Q_EMIT countsChanged();
        });
    }
    recount();
}

void InboxCounts::setUserId(qint64 userId)
{
    if (m_userId == userId)
        return;
    m_userId = userId;
    recount();
}

int InboxCounts::count(InboxQueue queue) const
{
    return m_counts.at(std::size_t(queue));
}

InboxCounts::Membership InboxCounts::membershipOf(const Console::ConversationSummary &s) const
{
    Membership m;
    for (InboxQueue queue : InboxQueues::all()) {
        if (InboxQueues::contains(queue, s, m_userId))
            m.queues |= 1u << unsigned(queue);
    }
    m.alerting = s.isOpen() && s.alerting();
    return m;
}

void InboxCounts::apply(const Membership &m, int sign)
{
    for (int i = 0; i < QueueCount; ++i) {
        if (m.queues & (1u << unsigned(i)))
            m_counts[std::size_t(i)] += sign;
    }
    if (m.alerting)
        m_alerting += sign;
}

void InboxCounts::onChanged(qint64 id)
{
    const std::optional<Console::ConversationSummary> s = m_store->find(id);
    if (!s) {
        onRemoved(id);
        return;
    }
    const Membership now = membershipOf(*s);
    const auto it = m_members.find(id);
    if (it != m_members.end()) {
        if (it->queues == now.queues && it->alerting == now.alerting)
            return;
        apply(*it, -1);
        *it = now;
    } else {
        m_members.insert(id, now);
    }
    apply(now, +1);
    Q_EMIT countsChanged();
}

void InboxCounts::onRemoved(qint64 id)
{
    const auto it = m_members.find(id);
    if (it == m_members.end())
        return;
    apply(*it, -1);
    m_members.erase(it);
    Q_EMIT countsChanged();
}

void InboxCounts::recount()
{
    m_members.clear();
    m_counts.fill(0);
    m_alerting = 0;
    if (m_store) {
        const QList<Console::ConversationSummary> all = m_store->conversations();
        for (const Console::ConversationSummary &s : all) {
            const Membership m = membershipOf(s);
            m_members.insert(s.id, m);
            apply(m, +1);
        }
    }
    Q_EMIT countsChanged();
}

} // namespace Wardline::Ui
