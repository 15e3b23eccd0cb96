#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QObject>
#include <QSqlDatabase>

#include <functional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;

namespace Wardline::Core {
class Clock;
enum class Permission;
} // namespace Wardline::Core

namespace Wardline::Hub {

class StaffApi;

/// The staff API's care queues, each checked against the permission table and audited:
///   GET  /api/v1/appointments?queue=reschedule   patients who asked for another slot
///   POST /api/v1/appointments/ID/status          {"status": noshow|fulfilled|cancelled|booked}
///   POST /api/v1/appointments/ID/reschedule      {"start", "durationMinutes", "provider",
///        "location", "idempotencyKey"}: the new slot, sent to the patient as a template
///   GET  /api/v1/photo-reviews                   wound photos waiting for a clinician
///   GET  /api/v1/photo-reviews?patient=ID        all of one patient's photos, reviewed too
///   POST /api/v1/photo-reviews/ID                {"outcome": expected|clinician|urgent, "note",
///        "markupPng" (optional, base64)}: a marked-up copy is kept as an internal note
///   GET  /api/v1/tasks                           work the hub raised (pain, unanswered steps)
class CareApi : public QObject
{
    Q_OBJECT
public:
    CareApi(QSqlDatabase db, StaffApi &staff, const Core::Clock &clock, QObject *parent = nullptr);

    void addRoutes(QHttpServer &server);

private:
    [[nodiscard]] QHttpServerResponse rescheduleQueue(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse setAppointmentStatus(qint64 id,
                                                           const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse photoReviews(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse reviewPhoto(qint64 id, const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse reschedule(qint64 id, const QHttpServerRequest &request);
    /// Stores \a png as an internal note with a file in the conversation; the file's id.
    [[nodiscard]] Core::Result<qint64> keepMarkup(qint64 reviewId, qint64 conversationId,
                                                  const QByteArray &png, const QString &note,
                                                  qint64 authorId, const QDateTime &now);
    /// The note's payload that ties a marked-up copy to its review.
    [[nodiscard]] static QString markupPayload(qint64 reviewId);
    static constexpr qsizetype MaxMarkupBytes = 4 * 1024 * 1024;
    /// Runs \a work in one transaction: 204 when it succeeded, its reason as 400 when not.
    [[nodiscard]] QHttpServerResponse inTransaction(const std::function<Core::Status()> &work);
    [[nodiscard]] Core::Result<qint64> firstConversation(qint64 patientId);
    [[nodiscard]] QHttpServerResponse tasks(const QHttpServerRequest &request);
    /// The rows of \a sql as {"<queue>": [...]}, for a user with \a permission.
    [[nodiscard]] QHttpServerResponse list(const QHttpServerRequest &request,
                                           Core::Permission permission, const QString &queue,
                                           const QString &sql);

    QSqlDatabase m_db;
    StaffApi &m_staff;
    const Core::Clock &m_clock;
};

} // namespace Wardline::Hub
