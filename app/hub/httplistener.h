#pragma once

#include "core/result.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <functional>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace Wardline::Hub {

class HttpConnection;

/// One HTTP/1.1 request as received: the body is the exact bytes sent (for signatures).
struct HttpRequest
{
    QByteArray method;
    QByteArray target;                     ///< path and query, as sent
    QHash<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;
    QHostAddress peer;

    [[nodiscard]] QByteArray header(const QByteArray &lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }
};

/// Where a request's answer goes. It may be answered later (after a group commit); when the
/// client went away in the meantime the answer is dropped. Answer exactly once.
class HttpResponder
{
public:
    HttpResponder() = default;
    HttpResponder(HttpConnection *connection, quint64 sequence);

    void respond(int status, const QByteArray &body = {},
                 const QByteArray &contentType = QByteArrayLiteral("application/json"));
    [[nodiscard]] bool isConnected() const { return !m_connection.isNull(); }

private:
    QPointer<HttpConnection> m_connection;
    quint64 m_sequence = 0;
};

/// A small HTTP/1.1 server for Meta's webhooks: bodies are capped before they are read (413),
/// answers may be deferred until the data is durable, keep-alive and pipelined requests are
/// answered in order, and slow or idle clients are dropped.
class HttpListener : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(const HttpRequest &, HttpResponder)>;

    struct Limits
    {
        qint64 maxBody = 3 * 1024 * 1024;
        int maxHeaderBytes = 16 * 1024;
        int headerTimeoutMs = 10000; ///< to receive a whole request once it started
        int idleTimeoutMs = 60000;   ///< a kept-alive connection with nothing to do
    };

    explicit HttpListener(Handler handler, QObject *parent = nullptr);
    ~HttpListener() override;

    void setLimits(const Limits &limits) { m_limits = limits; }
    [[nodiscard]] const Limits &limits() const { return m_limits; }

    [[nodiscard]] Core::Status listen(const QHostAddress &address, quint16 port);
    [[nodiscard]] quint16 port() const;
    /// Stops accepting; requests already received are still answered.
    void stopAccepting();
    [[nodiscard]] int openConnections() const;

private:
    friend class HttpConnection;
    void accept();

    Handler m_handler;
    Limits m_limits;
    QTcpServer *m_server;
};

/// \internal One client connection of an HttpListener.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, HttpListener *listener);

    void respond(quint64 sequence, int status, const QByteArray &body,
                 const QByteArray &contentType);

private:
    void readAvailable();
    [[nodiscard]] bool parseHead(qsizetype headEnd);
    void fail(int status, const QByteArray &message);
    void flushAnswers();
    void armTimer(int ms);

    QTcpSocket *m_socket;
    HttpListener *m_listener;
    QByteArray m_buffer;
    HttpRequest m_request;
    qint64 m_bodyExpected = -1;  ///< -1 while the head is incomplete
    qint64 m_drainRemaining = 0; ///< body bytes of a refused request still to throw away
    bool m_closeAfter = false;
    bool m_failed = false;
    quint64 m_received = 0;               ///< requests handed to the handler
    quint64 m_answering = 0;              ///< the next answer that may be written
    QHash<quint64, QByteArray> m_answers; ///< answers ready but waiting for earlier ones
    QTimer *m_timer;
};

} // namespace Wardline::Hub
