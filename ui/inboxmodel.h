#pragma once

#include "console/inboxstore.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QPointer>

namespace Wardline::Ui {

/// The conversations of an InboxStore as a list model, one row each, kept current row by row
/// as the store changes (a single change never resets the model, so views keep selection and
/// scroll position). The roles carry the fields the inbox delegate paints.
class InboxModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        PatientNameRole,
        PreviewRole,
        PreviewDirectionRole,
        CategoryRole,     ///< "EMERGENCY", "NURSE", ... (Console::ConversationSummary::category)
        PriorityRole,     ///< int 1 (P1) ... 4 (P4); 5 when unknown, so it sorts last
        TriageReasonRole, ///< the words that decided the category
        LastInboundAtRole,
        SlaDueAtRole,
        SlaBreachedRole,
        AssigneeIdRole,
        AssigneeNameRole,
        UnreadRole,
        AlertingRole,
        OpenRole,
    };
    Q_ENUM(Role)

    explicit InboxModel(QObject *parent = nullptr);

    /// Follows \a store from now on (nullptr: empty). The store must outlive the model or be
    /// destroyed first; either is safe.
    void setStore(Console::InboxStore *store);
    [[nodiscard]] Console::InboxStore *store() const { return m_store; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// The conversation shown in \a row (0 <= row < rowCount()).
    [[nodiscard]] const Console::ConversationSummary &summaryAt(int row) const;
    /// The row of conversation \a id; invalid when the model does not hold it.
    [[nodiscard]] QModelIndex indexOfId(qint64 id) const;
    /// The conversation behind \a index of this model or of any proxy stacked on it;
    /// nullptr when there is none. Valid until the model next changes.
    [[nodiscard]] static const Console::ConversationSummary *summaryFor(const QModelIndex &index);

private:
    void onChanged(qint64 id);
    void onRemoved(qint64 id);
    void reload();
    void reindexFrom(int row);

    QPointer<Console::InboxStore> m_store;
    QList<Console::ConversationSummary> m_rows;
    QHash<qint64, int> m_rowById;
};

} // namespace Wardline::Ui
