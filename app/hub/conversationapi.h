#pragma once

#include "core/permissions.h"
#include "core/result.h"
#include "core/user.h"

#include <QHttpServerResponse>
#include <QObject>
#include <QSqlDatabase>

#include <functional>

class QHttpServer;
class QHttpServerRequest;

namespace Wardline::Core {
class Clock;
}
namespace Wardline::WhatsApp {
class GraphMessage;
}

namespace Wardline::Hub {

class StaffApi;

/// The staff API's conversation commands and the event stream consoles sync from. Every
/// request is checked against the permission table and audited (never with message text).
// clang-format off
///   GET  /api/v1/events?after=SEQ&limit=N
///   GET  /api/v1/inbox, /api/v1/inbox/ID          summaries the role may see (not "opening")
///   GET  /api/v1/conversations/ID                 messages and pending sends; audited
///   GET  /api/v1/templates?language=L             approved templates (all for administrators)
///   POST /api/v1/conversations/ID/messages        {"idempotencyKey", "text"}
///   POST /api/v1/conversations/ID/templates       {"idempotencyKey", "name", "language", "parameters"}
///   POST /api/v1/conversations/ID/notes           {"text"}
///   POST /api/v1/conversations/ID/transfer        {"userId"}
///   POST /api/v1/conversations/ID/claim | close | reopen | read
///   GET  /api/v1/media/ID                         viewing is audited
// clang-format on
class ConversationApi : public QObject
{
    Q_OBJECT
public:
    ConversationApi(QSqlDatabase db, StaffApi &staff, const Core::Clock &clock,
                    QObject *parent = nullptr);

    void addRoutes(QHttpServer &server);
    /// Called with the newest patient message's wamid when staff mark a conversation read, so
    /// the patient sees blue ticks (Graph API: {"status": "read"}).
    void setReadReceipts(std::function<void(const QString &wamid)> send)
    {
        m_readReceipt = std::move(send);
    }

private:
    struct Allowed;
    /// The user and the conversation when the user's role has \a permission and may see this
    /// conversation (receptionists: appointments only); otherwise \a denied says why.
    [[nodiscard]] std::optional<Allowed> authorizeOn(qint64 conversationId,
                                                     Core::Permission permission,
                                                     const QHttpServerRequest &request,
                                                     QHttpServerResponse *denied);
    [[nodiscard]] QHttpServerResponse events(const QHttpServerRequest &request);
    /// The inbox rows the user's role may see (all open and recently closed, or \a one).
    [[nodiscard]] QHttpServerResponse inbox(const QHttpServerRequest &request, qint64 one);
    /// The templates a composer may send (APPROVED), or all of them for administrators.
    [[nodiscard]] QHttpServerResponse templates(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse sendText(qint64 conversationId,
                                               const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse addNote(qint64 conversationId,
                                              const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse open(qint64 conversationId,
                                           const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse sendTemplate(qint64 conversationId,
                                                   const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse transfer(qint64 conversationId,
                                               const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse media(qint64 mediaId, const QHttpServerRequest &request);
    /// Queues \a message under the request's idempotency key and records it (event, audit).
    [[nodiscard]] QHttpServerResponse queue(qint64 conversationId, const QString &key,
                                            const Core::User &user,
                                            const QHttpServerRequest &request,
                                            Core::Result<WhatsApp::GraphMessage> message);
    /// Runs \a sql with \a values, then appends the event \a eventKind and an audit entry of the
    /// same name, all in one transaction. False when nothing was saved.
    [[nodiscard]] bool change(const QString &sql, const QVariantList &values,
                              const QString &eventKind, const QJsonObject &eventPayload,
                              const Core::User &user, const QString &subject, const QString &detail,
                              qint64 *insertedId = nullptr);
    [[nodiscard]] QHttpServerResponse setState(qint64 conversationId, const QString &action,
                                               const QHttpServerRequest &request);

    QSqlDatabase m_db;
    StaffApi &m_staff;
    const Core::Clock &m_clock;
    std::function<void(const QString &)> m_readReceipt;
};

} // namespace Wardline::Hub
