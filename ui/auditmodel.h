#pragma once

#include "console/auditclient.h"

#include <QAbstractTableModel>

namespace Wardline::Ui {

/// Audit entries as a table, newest first: time (local), user, action, subject, detail.
class AuditModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, User, Action, Subject, Detail, ColumnCount };

    explicit AuditModel(QObject *parent = nullptr);

    void setEntries(const QList<Console::AuditEntry> &entries);
    [[nodiscard]] const QList<Console::AuditEntry> &entries() const { return m_entries; }

    /// The column titles and every row as shown, for a CSV export.
    [[nodiscard]] QStringList headerTexts() const;
    [[nodiscard]] QList<QStringList> rowTexts() const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

private:
    QList<Console::AuditEntry> m_entries;
};

} // namespace Wardline::Ui
