#include "ui/reschedulemodel.h"

#include <QLocale>

#include <algorithm>

namespace Wardline::Ui {

namespace {
constexpr qint64 Minute = 60;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
} // namespace

RescheduleModel::RescheduleModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_now(QDateTime::currentDateTimeUtc())
{
}

void RescheduleModel::setRequests(const QList<Console::RescheduleRequest> &requests)
{
    beginResetModel();
    m_requests = requests;
    endResetModel();
}

const Console::RescheduleRequest *RescheduleModel::find(qint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_requests.at(row);
}

int RescheduleModel::rowOf(qint64 id) const
{
    for (qsizetype i = 0; i < m_requests.size(); ++i) {
        if (m_requests.at(i).id == id)
            return int(i);
    }
    return -1;
}

void RescheduleModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_requests.isEmpty())
        Q_EMIT dataChanged(index(0, Waiting), index(rowCount() - 1, Waiting),
                           {Qt::DisplayRole, Qt::ToolTipRole});
}

QString RescheduleModel::waitingText(const QDateTime &since, const QDateTime &now)
{
    if (!since.isValid())
        return {};
    const qint64 seconds = std::max<qint64>(0, since.secsTo(now));
    if (seconds < Hour)
        //: How long a patient has waited for a new appointment, in minutes.
        return tr("waiting %n min", nullptr, int(seconds / Minute));
    if (seconds < 2 * Day)
        //: How long a patient has waited for a new appointment, in hours.
        return tr("waiting %n h", nullptr, int(seconds / Hour));
    //: How long a patient has waited for a new appointment, in days.
    return tr("waiting %n d", nullptr, int(seconds / Day));
}

QString RescheduleModel::slotText(const QDateTime &start, const QDateTime &end)
{
    if (!start.isValid())
        return {};
    const QLocale locale;
    const QDateTime from = start.toLocalTime();
    const QString day = locale.toString(from.date(), QLocale::ShortFormat);
    const QString begins = locale.toString(from.time(), QStringLiteral("HH:mm"));
    if (!end.isValid() || end <= start)
        //: An appointment's day and start time, e.g. "12/3/26, 10:00".
        return tr("%1, %2").arg(day, begins);
    const QString ends = locale.toString(end.toLocalTime().time(), QStringLiteral("HH:mm"));
    //: An appointment's day, start and end time, e.g. "12/3/26, 10:00–10:30".
    return tr("%1, %2–%3").arg(day, begins, ends);
}

int RescheduleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_requests.size());
}

int RescheduleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RescheduleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Console::RescheduleRequest &r = m_requests.at(index.row());
    if (role == IdRole)
        return r.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Patient:
        return r.patientName;
    case Phone:
        return r.phone;
    case Slot:
        return slotText(r.start, r.end);
    case Provider:
        return r.provider;
    case Location:
        return r.location;
    case Waiting:
        if (role == Qt::ToolTipRole && r.changeRequestedAt.isValid())
            //: %1 is when the patient asked to change the appointment.
            return tr("Asked for a new time on %1")
                .arg(QLocale().toString(r.changeRequestedAt.toLocalTime(), QLocale::ShortFormat));
        return waitingText(r.changeRequestedAt, m_now);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RescheduleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Patient:
        return tr("Patient");
    case Phone:
        return tr("Phone");
    case Slot:
        return tr("Current appointment");
    case Provider:
        return tr("Provider");
    case Location:
        return tr("Location");
    case Waiting:
        return tr("Waiting");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Wardline::Ui
