#pragma once

#include "console/adminclient.h"
#include "core/permissions.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Wardline::Ui {

/// The permission table as a grid: one row per permission, one column per role, a check where
/// the role has it, and a tooltip that says what the permission allows. Until the hub's table
/// is set it shows Wardline's defaults, read-only; then every cell the hub does not lock can be
/// checked or unchecked, and changed cells stay marked until saved or discarded.
class PermissionsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit PermissionsModel(QObject *parent = nullptr);

    /// Every permission, in the order the grid shows them.
    [[nodiscard]] static const QList<Core::Permission> &permissions();
    [[nodiscard]] Core::Permission permissionAt(int row) const { return permissions().at(row); }
    [[nodiscard]] Core::Role roleAt(int column) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    /// Shows the hub's table (editable) and forgets unsaved changes.
    void setCells(const QList<Console::PermissionCell> &cells);
    /// Back to the defaults, read-only (signed out).
    void clear();
    [[nodiscard]] bool isEditable() const { return !m_cells.isEmpty(); }
    /// The cells changed here and not saved yet, with their new value.
    [[nodiscard]] QList<Console::PermissionCell> pendingChanges() const;
    [[nodiscard]] bool hasPendingChanges() const { return !m_pending.isEmpty(); }
    /// Whether an unsaved change gives \a role a permission it does not have now.
    [[nodiscard]] bool grantsTo(Core::Role role) const;
    void discardChanges();
    /// Why a locked cell cannot change, in the UI language.
    [[nodiscard]] static QString lockText(Core::Role role, Core::Permission permission);

    /// The permission as staff read it ("Send messages to patients"), in the UI language.
    [[nodiscard]] static QString displayName(Core::Permission permission);
    /// What it allows, for the tooltip.
    [[nodiscard]] static QString description(Core::Permission permission);

Q_SIGNALS:
    /// A cell was changed, a change undone, saved or discarded.
    void pendingChangesChanged();

private:
    [[nodiscard]] int slot(const QModelIndex &index) const
    {
        return index.row() * columnCount() + index.column();
    }
    [[nodiscard]] bool allowedAt(const QModelIndex &index) const;

    QList<Console::PermissionCell> m_cells; ///< row-major like the grid; empty: defaults
    QHash<int, bool> m_pending;             ///< slot → the value chosen here
};

} // namespace Wardline::Ui
