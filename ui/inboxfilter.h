#pragma once

#include "ui/inboxqueue.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace Wardline::Ui {

class InboxModel;

/// One queue of the inbox over an InboxModel, in the order a nurse works it: alerting
/// emergencies first, then by priority (P1 first), then whoever has waited longest.
/// Search results, when set, replace the queue: they are looked for across the whole inbox.
class InboxFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit InboxFilter(QObject *parent = nullptr);

    /// The source must be an InboxModel.
    void setInboxModel(InboxModel *model);

    void setQueue(InboxQueue queue);
    [[nodiscard]] InboxQueue queue() const { return m_queue; }
    /// The signed-in staff member, for the Mine queue.
    void setUserId(qint64 userId);
    [[nodiscard]] qint64 userId() const { return m_userId; }

    /// Shows only the conversations \a ids (from a search), whatever the queue.
    void setSearchResults(const QList<qint64> &ids);
    void clearSearchResults();
    [[nodiscard]] bool showsSearchResults() const { return m_searching; }

    /// The conversation id at a row of this model; 0 for an invalid index.
    [[nodiscard]] qint64 idAt(const QModelIndex &index) const;

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    InboxModel *m_inbox = nullptr;
    InboxQueue m_queue = InboxQueue::AllOpen;
    qint64 m_userId = 0;
    bool m_searching = false;
    QSet<qint64> m_searchIds;
};

} // namespace Wardline::Ui
