#pragma once

#include "core/result.h"
#include "core/role.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSqlDatabase>

class QSslConfiguration;
class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace Wardline::Hub {

class StaffApi;

/// The live event stream for consoles: one WebSocket per session. The console sends
/// {"token": "...", "after": SEQ}; the hub answers {"type": "ready", "lastSeq": N}, then every
/// event with seq > SEQ in order ({"type": "event", "seq", "kind", "at", "payload"}), and new
/// ones as they are committed. Events are read back from the database, so none is lost or
/// repeated across a dropped connection: the console reconnects with the last seq it applied.
class EventStream : public QObject
{
    Q_OBJECT
public:
    EventStream(QSqlDatabase db, StaffApi &staff, QObject *parent = nullptr);
    ~EventStream() override;

    /// Listens on \a address:port; TLS when \a ssl is given (the staff API's certificate).
    [[nodiscard]] Core::Status listen(const QHostAddress &address, quint16 port,
                                      const QSslConfiguration *ssl);
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QString url() const;
    /// Sends what was committed since the last look (also runs every 200 ms).
    void publish();

private:
    struct Client
    {
        bool ready = false;
        qint64 sentUpTo = 0;
        QString token; ///< checked again before each delivery: a session can end mid-stream
        Core::Role role = Core::Role::Nurse;
    };
    /// False (and the socket closed with the reason) when the session ended or lost the right
    /// to events since it connected.
    [[nodiscard]] bool stillAllowed(QWebSocket *socket, Client &client);
    void accept();
    void received(QWebSocket *socket, const QString &message);
    void sendFrom(QWebSocket *socket, Client &client);

    QSqlDatabase m_db;
    StaffApi &m_staff;
    QWebSocketServer *m_server = nullptr;
    QTimer *m_timer;
    QHash<QWebSocket *, Client> m_clients;
};

} // namespace Wardline::Hub
