#pragma once

#include <QHttpServerResponse>
#include <QObject>
#include <QSqlDatabase>

class QHttpServer;
class QHttpServerRequest;

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Hub {

class StaffApi;

/// Staff send an image to a patient:
///   POST /api/v1/conversations/ID/media?idempotencyKey=K
///   the image itself as the body, Content-Type image/jpeg or image/png (at most 5 MB), and an
///   optional caption (≤ 1024 characters) percent-encoded in the X-Wardline-Caption header, so
///   the words stay out of URLs and access logs.
/// The file is kept in the media table and the send joins the outbox in one transaction; the
/// outbox worker uploads it to Meta and sends it (OutboxWorker::MediaPrefix).
class MediaSendApi : public QObject
{
    Q_OBJECT
public:
    /// Meta's limits for images: JPEG or PNG, at most 5 MB ("Supported media types",
    /// https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media).
    static constexpr qint64 MaxImageBytes = 5 * 1024 * 1024;
    static constexpr int MaxCaption = 1024;

    MediaSendApi(QSqlDatabase db, StaffApi &staff, const Core::Clock &clock,
                 QObject *parent = nullptr);

    void addRoutes(QHttpServer &server);

private:
    [[nodiscard]] QHttpServerResponse sendImage(qint64 conversationId,
                                                const QHttpServerRequest &request);

    QSqlDatabase m_db;
    StaffApi &m_staff;
    const Core::Clock &m_clock;
};

} // namespace Wardline::Hub
