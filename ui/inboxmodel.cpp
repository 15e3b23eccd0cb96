#include "ui/inboxmodel.h"

#include "core/conversation.h"
#include "ui/inboxformat.h"

#include <QAbstractProxyModel>

#include <algorithm>

namespace Wardline::Ui {

namespace {
int priorityRank(const QString &priority)
{
    const auto p = Core::priorityFromName(priority);
    return p ? int(*p) : int(Core::Priority::P4) + 1;
}
} // namespace

InboxModel::InboxModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void InboxModel::setStore(Console::InboxStore *store)
{
    if (m_store == store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store) {
        connect(m_store, &Console::InboxStore::conversationChanged, this, &InboxModel::onChanged);
        connect(m_store, &Console::InboxStore::conversationRemoved, this, &InboxModel::onRemoved);
        connect(m_store, &Console::InboxStore::reset, this, &InboxModel::reload);
        connect(m_store, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_rows.clear();
            m_rowById.clear();
            endResetModel();
        });
    }
    reload();
}

int InboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Console::ConversationSummary &s = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case PatientNameRole:
        return s.patientName;
    case Qt::ToolTipRole:
        if (const QString words = InboxFormat::triageWords(s.triageReason); !words.isEmpty())
            //: Tooltip on an inbox row; %1 is the triage engine's reason, in the patient's words.
            return tr("Flagged because: %1").arg(words);
        return {};
    case IdRole:
        return s.id;
    case PreviewRole:
        return s.preview;
    case PreviewDirectionRole:
        return s.previewDirection;
    case CategoryRole:
        return s.category;
    case PriorityRole:
        return priorityRank(s.priority);
    case TriageReasonRole:
        return s.triageReason;
    case LastInboundAtRole:
        return s.lastInboundAt;
    case SlaDueAtRole:
        return s.slaDueAt;
    case SlaBreachedRole:
        return s.slaBreached;
    case AssigneeIdRole:
        return s.assigneeId;
    case AssigneeNameRole:
        return s.assigneeName;
    case UnreadRole:
        return s.unread;
    case AlertingRole:
        return s.alerting();
    case OpenRole:
        return s.isOpen();
    default:
        return {};
    }
}

QHash<int, QByteArray> InboxModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "conversationId");
    names.insert(PatientNameRole, "patientName");
    names.insert(PreviewRole, "preview");
    names.insert(PreviewDirectionRole, "previewDirection");
    names.insert(CategoryRole, "category");
    names.insert(PriorityRole, "priority");
    names.insert(TriageReasonRole, "triageReason");
    names.insert(LastInboundAtRole, "lastInboundAt");
    names.insert(SlaDueAtRole, "slaDueAt");
    names.insert(SlaBreachedRole, "slaBreached");
    names.insert(AssigneeIdRole, "assigneeId");
    names.insert(AssigneeNameRole, "assigneeName");
    names.insert(UnreadRole, "unread");
    names.insert(AlertingRole, "alerting");
    names.insert(OpenRole, "open");
    return names;
}

const Console::ConversationSummary &InboxModel::summaryAt(int row) const
{
    return m_rows.at(row);
}

QModelIndex InboxModel::indexOfId(qint64 id) const
{
    const auto it = m_rowById.constFind(id);
    return it == m_rowById.cend() ? QModelIndex() : index(*it);
}

const Console::ConversationSummary *InboxModel::summaryFor(const QModelIndex &index)
{
    QModelIndex i = index;
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(i.model()))
        i = proxy->mapToSource(i);
    const auto *inbox = qobject_cast<const InboxModel *>(i.model());
    if (!inbox || !i.isValid() || i.row() >= inbox->m_rows.size())
        return nullptr;
    return &inbox->m_rows.at(i.row());
}

void InboxModel::onChanged(qint64 id)
{
    const std::optional<Console::ConversationSummary> s = m_store->find(id);
    if (!s) {
        onRemoved(id);
        return;
    }
    const auto it = m_rowById.constFind(id);
    if (it != m_rowById.cend()) {
        const int row = *it;
        m_rows[row] = *s;
        const QModelIndex changed = index(row);
        Q_EMIT dataChanged(changed, changed);
        return;
    }
    // New conversations go to the end; the views sort through InboxFilter.
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(*s);
    m_rowById.insert(id, row);
    endInsertRows();
}

void InboxModel::onRemoved(qint64 id)
{
    const auto it = m_rowById.constFind(id);
    if (it == m_rowById.cend())
        return;
    const int row = *it;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_rowById.remove(id);
    reindexFrom(row);
    endRemoveRows();
}

void InboxModel::reload()
{
    beginResetModel();
    m_rows = m_store ? m_store->conversations() : QList<Console::ConversationSummary>();
    // A stable order, so that a reload shows the same rows in the same places.
    std::sort(m_rows.begin(), m_rows.end(),
              [](const auto &a, const auto &b) { return a.id < b.id; });
    m_rowById.clear();
    reindexFrom(0);
    endResetModel();
}

void InboxModel::reindexFrom(int row)
{
    for (int i = row; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows.at(i).id, i);
}

} // namespace Wardline::Ui
