#pragma once

#include "ui/inboxqueue.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <array>

namespace Wardline::Ui {

/// Live counts of every inbox queue and of the conversations alerting right now, kept current
/// from the InboxStore's signals (a change adjusts the counts it touches; no recount).
class InboxCounts : public QObject
{
    Q_OBJECT
public:
    explicit InboxCounts(QObject *parent = nullptr);

    void setStore(Console::InboxStore *store);
    /// The signed-in staff member, for the Mine queue.
    void setUserId(qint64 userId);

    [[nodiscard]] int count(InboxQueue queue) const;
    /// Open conversations waiting for a nurse to claim an emergency.
    [[nodiscard]] int alerting() const { return m_alerting; }

Q_SIGNALS:
    /// Any count (or the alerting number) changed.
    void countsChanged();

private:
    static constexpr int QueueCount = int(InboxQueue::Closed) + 1;
    struct Membership
    {
        quint32 queues = 0; ///< bit i: in queue i
        bool alerting = false;
    };

    [[nodiscard]] Membership membershipOf(const Console::ConversationSummary &summary) const;
    void apply(const Membership &membership, int sign);
    void onChanged(qint64 id);
    void onRemoved(qint64 id);
    void recount();

    QPointer<Console::InboxStore> m_store;
    qint64 m_userId = 0;
    QHash<qint64, Membership> m_members;
    std::array<int, QueueCount> m_counts{};
    int m_alerting = 0;
};

} // namespace Wardline::Ui
