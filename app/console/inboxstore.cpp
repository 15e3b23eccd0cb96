#include "console/inboxstore.h"

namespace Wardline::Console {

InboxStore::InboxStore(QObject *parent)
    : QObject(parent)
{
}

QList<ConversationSummary> InboxStore::conversations() const
{
    return m_byId.values();
}

std::optional<ConversationSummary> InboxStore::find(qint64 id) const
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.cend() ? std::nullopt : std::optional(*it);
}

void InboxStore::upsert(const ConversationSummary &summary)
{
    const auto it = m_byId.constFind(summary.id);
    const bool wasAlerting = it != m_byId.cend() && it->alerting();
    if (it != m_byId.cend() && *it == summary)
        return;
    m_byId.insert(summary.id, summary);
    Q_EMIT conversationChanged(summary.id);
    if (summary.alerting() && !wasAlerting)
        Q_EMIT emergencyRaised(summary.id);
}

void InboxStore::remove(qint64 id)
{
    if (m_byId.remove(id))
        Q_EMIT conversationRemoved(id);
}

void InboxStore::replaceAll(const QList<ConversationSummary> &all)
{
    m_byId.clear();
    for (const ConversationSummary &s : all)
        m_byId.insert(s.id, s);
    Q_EMIT reset();
}

} // namespace Wardline::Console
