#include "hub/mediasendapi.h"

#include "core/clock.h"
#include "core/conversation.h"
#include "hub/logging.h"
#include "hub/outboxworker.h"
#include "hub/staffapi.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/eventlog.h"
#include "whatsapp/graphmessage.h"

#include <QCryptographicHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

namespace Wardline::Hub {

using Core::Permission;
using Status = QHttpServerResponse::StatusCode;

namespace {
// What the bytes really are: a file named .png that is something else is refused here rather
// than by Meta after the upload.
QString imageTypeOf(const QByteArray &bytes)
{
    static const QByteArray png("\x89PNG\r\n\x1a\n", 8);
    if (bytes.startsWith(png))
        return QStringLiteral("image/png");
    if (bytes.startsWith(QByteArray("\xff\xd8\xff", 3)))
        return QStringLiteral("image/jpeg");
    return {};
}
} // namespace

MediaSendApi::MediaSendApi(QSqlDatabase db, StaffApi &staff, const Core::Clock &clock,
                           QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_staff(staff)
    , m_clock(clock)
{
}

void MediaSendApi::addRoutes(QHttpServer &server)
{
    server.route(
        QStringLiteral("/api/v1/conversations/<arg>/media"), QHttpServerRequest::Method::Post,
        [this](qint64 id, const QHttpServerRequest &request) { return sendImage(id, request); });
}

QHttpServerResponse MediaSendApi::sendImage(qint64 conversationId,
                                            const QHttpServerRequest &request)
{
    const QString subject = QStringLiteral("conversation:%1").arg(conversationId);
    QHttpServerResponse denied(Status::Unauthorized);
    const auto user = m_staff.authorize(request, Permission::SendMessage, subject, &denied);
    if (!user)
        return denied;
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT c.category, p.wa_id, c.last_inbound_at FROM conversations c JOIN "
                       "patients p ON p.id = c.patient_id WHERE c.id = ?"));
    q.addBindValue(conversationId);
    if (!q.exec() || !q.next())
        return StaffApi::error(Status::NotFound, QStringLiteral("not_found"),
                               QStringLiteral("There is no such conversation."));
    const QString category = q.value(0).toString();
    const QString waId = q.value(1).toString();
    Core::Conversation window;
    window.lastInboundAt = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
    q.finish();
    const Permission visibility = category == QLatin1StringView("APPOINTMENT")
                                      ? Permission::ReadAppointments
                                      : Permission::ReadClinical;
    if (!m_staff.authorize(request, visibility, subject, &denied))
        return denied;

    const QString key = QUrlQuery(request.url()).queryItemValue(QStringLiteral("idempotencyKey"));
    if (key.size() < 16 || key.size() > 128)
        return StaffApi::error(Status::BadRequest, QStringLiteral("bad_request"),
                               QStringLiteral("Send an idempotencyKey of 16 to 128 characters."));
    const QString caption =
        QUrl::fromPercentEncoding(request.value(QByteArrayLiteral("X-Wardline-Caption")));
    if (caption.size() > MaxCaption)
        return StaffApi::error(Status::BadRequest, QStringLiteral("caption_too_long"),
                               QStringLiteral("A caption can be at most 1,024 characters."));
    const QByteArray bytes = request.body();
    if (bytes.size() > MaxImageBytes)
        return StaffApi::error(Status::PayloadTooLarge, QStringLiteral("too_large"),
                               QStringLiteral("WhatsApp takes images of at most 5 MB; make the "
                                              "picture smaller and send it again."));
    const QString declared = QString::fromLatin1(request.value(QByteArrayLiteral("Content-Type")))
                                 .section(u';', 0, 0)
                                 .trimmed()
                                 .toLower();
    const QString actual = imageTypeOf(bytes);
    if (bytes.isEmpty() || actual.isEmpty() || declared != actual)
        return StaffApi::error(Status::BadRequest, QStringLiteral("unsupported_type"),
                               QStringLiteral("WhatsApp takes JPEG and PNG pictures only; save "
                                              "the picture as one of those and send it again."));
    // Free-form, like text: only inside the 24-hour window.
    const QDateTime now = m_clock.now();
    if (!window.serviceWindowOpen(now))
        return StaffApi::error(
            Status::Conflict, QStringLiteral("needs_template"),
            QStringLiteral("The patient's last message was more than 24 hours ago, so only an "
                           "approved template can be sent."));

    if (!m_db.transaction())
        return StaffApi::error(Status::ServiceUnavailable, QStringLiteral("busy"),
                               QStringLiteral("The hub is busy; try again in a moment."));
    auto fail = [this](const QString &why) {
        (void)m_db.rollback();
        qCWarning(lcHub, "an image send was not queued: %s", qUtf8Printable(why));
        return StaffApi::error(Status::InternalServerError, QStringLiteral("storage"),
                               QStringLiteral("The picture could not be queued; try again."));
    };
    // A retry after a lost answer: the picture is queued already, under the same key.
    q.prepare(QStringLiteral("SELECT id FROM outbox WHERE idempotency_key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return fail(Store::Database::describe(q.lastError()));
    if (q.next()) {
        const qint64 existing = q.value(0).toLongLong();
        q.finish();
        (void)m_db.rollback();
        return QHttpServerResponse(QJsonObject{{QStringLiteral("outboxId"), existing},
                                               {QStringLiteral("duplicate"), true}},
                                   Status::Accepted);
    }
    q.finish();
    // Kept like an inbound file (encrypted with the database); linked to its message once Meta
    // accepts the send (OutboxRepository::markSent).
    q.prepare(QStringLiteral("INSERT INTO media (mime_type, sha256, size, data, state, "
                             "fetched_at) VALUES (?, ?, ?, ?, 'stored', ?)"));
    q.addBindValue(actual);
    q.addBindValue(
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    q.addBindValue(bytes.size());
    q.addBindValue(bytes);
    q.addBindValue(now);
    if (!q.exec())
        return fail(Store::Database::describe(q.lastError()));
    const qint64 mediaId = q.lastInsertId().toLongLong();
    q.finish();

    WhatsApp::MediaMessage image;
    image.kind = WhatsApp::MediaKind::Image;
    image.mediaId = OutboxWorker::MediaPrefix + QString::number(mediaId);
    image.caption = caption;
    auto message = WhatsApp::GraphMessage::media(waId, image);
    if (!message) {
        (void)m_db.rollback();
        return StaffApi::error(Status::BadRequest, QStringLiteral("invalid_message"),
                               message.error());
    }
    bool created = false;
    auto outboxId =
        OutboxWorker::enqueue(m_db, key, conversationId, std::move(message).value(), now, &created);
    if (!outboxId)
        return fail(outboxId.error());
    // Staff answered: the queue's service-level timer is met.
    q.prepare(QStringLiteral("UPDATE conversations SET sla_kind = NULL, sla_due_at = NULL, "
                             "alert_at = NULL WHERE id = ?"));
    q.addBindValue(conversationId);
    if (!q.exec())
        return fail(Store::Database::describe(q.lastError()));
    q.finish();
    auto event = Store::EventLog(m_db).append(QStringLiteral("message.queued"),
                                              {{QStringLiteral("conversationId"), conversationId},
                                               {QStringLiteral("outboxId"), outboxId.value()}},
                                              now);
    if (!event)
        return fail(event.error());
    if (auto s = Store::AuditLog(m_db, m_clock)
                     .append(user->username, QStringLiteral("message.send"), subject,
                             StaffApi::origin(request, {{QStringLiteral("media"), mediaId}}));
        !s)
        return fail(s.error());
    if (!m_db.commit())
        return fail(Store::Database::describe(m_db.lastError()));
    return QHttpServerResponse(QJsonObject{{QStringLiteral("outboxId"), outboxId.value()},
                                           {QStringLiteral("mediaId"), mediaId},
                                           {QStringLiteral("duplicate"), false}},
                               Status::Accepted);
}

} // namespace Wardline::Hub
