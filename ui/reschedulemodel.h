#pragma once

#include "console/appointmentsclient.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace Wardline::Ui {

/// The reschedule queue as a table: patient, phone, current slot, provider, location and how
/// long the patient has waited, longest waiting first (the hub's order).
class RescheduleModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Patient, Phone, Slot, Provider, Location, Waiting, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit RescheduleModel(QObject *parent = nullptr);

    void setRequests(const QList<Console::RescheduleRequest> &requests);
    [[nodiscard]] const QList<Console::RescheduleRequest> &requests() const { return m_requests; }
    /// The request with \a id, or nullptr.
    [[nodiscard]] const Console::RescheduleRequest *find(qint64 id) const;
    [[nodiscard]] int rowOf(qint64 id) const;
    /// The moment the waiting times are counted to.
    void setNow(const QDateTime &now);

    /// "waiting 2 h" since \a since until \a now, in the UI language.
    [[nodiscard]] static QString waitingText(const QDateTime &since, const QDateTime &now);
    /// A slot in this computer's local time: "Thu 3 Dec 2026, 10:00 – 10:30".
    [[nodiscard]] static QString slotText(const QDateTime &start, const QDateTime &end);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

private:
    QList<Console::RescheduleRequest> m_requests;
    QDateTime m_now;
};

} // namespace Wardline::Ui
