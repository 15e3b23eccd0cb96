#pragma once

#include "core/permissions.h"

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

/// The staff API's conversation commands and the event stream consoles sync from. Every
/// request is checked against the permission table and audited (never with message text).
///   GET  /api/v1/events?after=SEQ&limit=N
///   POST /api/v1/conversations/ID/messages  {"idempotencyKey", "text"}
///   POST /api/v1/conversations/ID/notes     {"text"}
///   POST /api/v1/conversations/ID/claim | close | reopen
class ConversationApi : public QObject
{
    Q_OBJECT
public:
    ConversationApi(QSqlDatabase db, StaffApi &staff, const Core::Clock &clock,
                    QObject *parent = nullptr);

    void addRoutes(QHttpServer &server);

private:
    struct Allowed;
    /// The user and the conversation when the user's role has \a permission and may see this
    /// conversation (receptionists: appointments only); otherwise \a denied says why.
    [[nodiscard]] std::optional<Allowed> authorizeOn(qint64 conversationId,
                                                     Core::Permission permission,
                                                     const QHttpServerRequest &request,
                                                     QHttpServerResponse *denied);
    [[nodiscard]] QHttpServerResponse events(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse sendText(qint64 conversationId,
                                               const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse addNote(qint64 conversationId,
                                              const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse setState(qint64 conversationId, const QString &action,
                                               const QHttpServerRequest &request);

    QSqlDatabase m_db;
    StaffApi &m_staff;
    const Core::Clock &m_clock;
};

} // namespace Wardline::Hub
