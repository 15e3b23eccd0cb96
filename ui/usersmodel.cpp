#include "ui/usersmodel.h"

#include "core/clock.h"

#include <QColor>
#include <QLocale>

#include <algorithm>

namespace Wardline::Ui {

namespace {
QString localTime(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}
} // namespace

UsersModel::UsersModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(&Core::Clock::system())
{
}

void UsersModel::setUsers(const QList<Core::User> &users)
{
    const bool sameRows =
        users.size() == m_users.size() &&
        std::equal(users.cbegin(), users.cend(), m_users.cbegin(),
                   [](const Core::User &a, const Core::User &b) { return a.id == b.id; });
    if (!sameRows) {
        beginResetModel();
        m_users = users;
        endResetModel();
        return;
    }
    m_users = users;
    if (!m_users.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int UsersModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_users.size(); ++row) {
        if (m_users.at(row).id == id)
            return row;
    }
    return -1;
}

bool UsersModel::isLocked(const Core::User &user) const
{
    return user.lockedUntil.isValid() && user.lockedUntil > m_clock->now();
}

int UsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UsersModel::stateText(const Core::User &user) const
{
    if (!user.active)
        return tr("Deactivated");
    if (isLocked(user))
        return tr("Locked until %1").arg(localTime(user.lockedUntil));
    if (user.mustChangePassword)
        return tr("Waiting for a new password");
    return tr("Active");
}

QVariant UsersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::User &user = m_users.at(index.row());
    switch (role) {
    case IdRole:
        return user.id;
    case LockedRole:
        return isLocked(user);
    case ActiveRole:
        return user.active;
    case SortRole:
        if (index.column() == LastSignInColumn)
            return user.lastSignIn;
        if (index.column() == FailedColumn)
            return user.failedSignIns;
        return data(index, Qt::DisplayRole).toString().toLower();
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case UsernameColumn:
            return user.username;
        case NameColumn:
            return user.displayName;
        case RoleColumn:
            return Core::roleDisplayName(user.role);
        case StateColumn:
            return stateText(user);
        case LastSignInColumn:
            return user.lastSignIn.isValid() ? localTime(user.lastSignIn) : tr("Never");
        case FailedColumn:
            return user.failedSignIns;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ForegroundRole:
        if (!user.active)
            return QColor(0x6b, 0x78, 0x85);
        if (index.column() == StateColumn && isLocked(user))
            return QColor(0x8c, 0x1d, 0x18);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == FailedColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case UsernameColumn:
        return tr("User name");
    case NameColumn:
        return tr("Name");
    case RoleColumn:
        return tr("Role");
    case StateColumn:
        return tr("State");
    case LastSignInColumn:
        return tr("Last sign-in");
    case FailedColumn:
        return tr("Failed attempts");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Wardline::Ui
