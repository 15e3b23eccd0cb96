#include "ui/auditmodel.h"

namespace Wardline::Ui {

AuditModel::AuditModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AuditModel::setEntries(const QList<Console::AuditEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

QStringList AuditModel::headerTexts() const
{
    QStringList texts;
    for (int c = 0; c < ColumnCount; ++c)
        texts.append(headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    return texts;
}

QList<QStringList> AuditModel::rowTexts() const
{
    QList<QStringList> rows;
    for (int r = 0; r < rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < ColumnCount; ++c)
            row.append(index(r, c).data().toString());
        rows.append(row);
    }
    return rows;
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const Console::AuditEntry &e = m_entries.at(index.row());
    switch (Column(index.column())) {
    case Time:
        // Local time, to the second, in a form that sorts and reads the same in every language.
        return e.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case User:
        return e.actor;
    case Action:
        return e.action;
    case Subject:
        return e.subject;
    case Detail:
        return e.detail;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case User:
        return tr("User");
    case Action:
        return tr("Action");
    case Subject:
        return tr("Record");
    case Detail:
        return tr("Detail");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Wardline::Ui
