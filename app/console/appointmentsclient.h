#pragma once

#include "console/hubsession.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>

namespace Wardline::Console {

class HubClient;

/// One appointment whose patient asked to change it, as the reschedule queue shows it.
struct RescheduleRequest
{
    qint64 id = 0;
    qint64 patientId = 0;
    QString patientName;
    QString phone; ///< E.164; empty when Meta gave only a business-scoped user id
    QDateTime start;
    QDateTime end;
    QString provider;
    QString location;
    QDateTime changeRequestedAt; ///< since when the patient waits
    qint64 conversationId = 0;   ///< where the new slot is sent; 0 when there is none yet
    QString conversationCategory;
    bool windowOpen = false; ///< the patient wrote in the last 24 hours: free text is possible

    [[nodiscard]] int durationMinutes() const
    {
        const qint64 minutes = start.isValid() && end > start ? start.secsTo(end) / 60 : 30;
        return int(minutes);
    }
};

/// GET /api/v1/appointments?queue=reschedule: who waits, and the choices staff already use.
struct RescheduleQueue
{
    QList<RescheduleRequest> requests; ///< longest waiting first
    QStringList providers;
    QStringList locations;

    /// Reads the hub's answer; rows without an id are skipped.
    [[nodiscard]] static RescheduleQueue fromJson(const QJsonObject &body);
};

/// The receptionists' calls about appointments: the reschedule queue, a new slot, a status.
/// Answers come back as signals on this object's thread.
class AppointmentsClient : public QObject
{
    Q_OBJECT
public:
    /// \a hub is not owned and must outlive this client.
    AppointmentsClient(HubClient &hub, HubSession session, QObject *parent = nullptr);

    /// Asks for the queue again; queueLoaded() or failed().
    void refresh();
    /// Offers the patient \a start (with its offset) for \a minutes with \a provider at
    /// \a location: the hub books it and sends the approved reschedule template.
    void reschedule(qint64 appointmentId, const QDateTime &start, int minutes,
                    const QString &provider, const QString &location);
    /// Marks the appointment "booked" (keeps the current slot) or "cancelled".
    void setStatus(qint64 appointmentId, const QString &status);

Q_SIGNALS:
    void queueLoaded(const Wardline::Console::RescheduleQueue &queue);
    /// The hub booked the new slot and queued the template to the patient.
    void rescheduled(qint64 appointmentId);
    void statusSet(qint64 appointmentId, const QString &status);
    /// Something did not happen; \a message is for staff. \a appointmentId 0: the queue.
    void failed(qint64 appointmentId, const QString &message);

private:
    HubClient &m_hub;
    HubSession m_session;
    QHash<QString, QString> m_offerKeys; ///< idempotency key of each offer not yet accepted
};

} // namespace Wardline::Console
