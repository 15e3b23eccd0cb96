#pragma once

#include "core/permissions.h"

#include <QAbstractTableModel>
#include <QList>

namespace Wardline::Ui {

/// The permission table (Core::isAllowed, the one the hub enforces) as a read-only grid: one
/// row per permission, one column per role, a check where the role has it, and a tooltip that
/// says what the permission allows.
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

    /// The permission as staff read it ("Send messages to patients"), in the UI language.
    [[nodiscard]] static QString displayName(Core::Permission permission);
    /// What it allows, for the tooltip.
    [[nodiscard]] static QString description(Core::Permission permission);
};

} // namespace Wardline::Ui
