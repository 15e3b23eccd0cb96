#pragma once

#include "core/user.h"

#include <QAbstractTableModel>
#include <QList>

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Ui {

/// The hub's staff accounts as a table: user name, name, role, state (active, locked,
/// deactivated, waiting for a first password), last sign-in and failed attempts.
class UsersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        UsernameColumn,
        NameColumn,
        RoleColumn,
        StateColumn,
        LastSignInColumn,
        FailedColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, ///< the account's id (qint64)
        LockedRole,                ///< bool: sign-in refused until lockedUntil
        ActiveRole,                ///< bool
        SortRole,                  ///< what the column sorts by (times and counts as such)
    };

    explicit UsersModel(QObject *parent = nullptr);

    /// What "now" is for "locked until" (tests move it); \a clock must outlive the model.
    void setClock(const Core::Clock *clock) { m_clock = clock; }

    /// Replaces every row; rows of accounts still there keep their place when the order did not
    /// change, so a view keeps its selection.
    void setUsers(const QList<Core::User> &users);
    [[nodiscard]] const QList<Core::User> &users() const { return m_users; }
    /// The account in \a row (0 <= row < rowCount()).
    [[nodiscard]] const Core::User &userAt(int row) const { return m_users.at(row); }
    /// The row of account \a id, or -1.
    [[nodiscard]] int rowOf(qint64 id) const;
    /// Whether \a user's sign-in is refused now after too many wrong passwords.
    [[nodiscard]] bool isLocked(const Core::User &user) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QString stateText(const Core::User &user) const;

    QList<Core::User> m_users;
    const Core::Clock *m_clock;
};

} // namespace Wardline::Ui
