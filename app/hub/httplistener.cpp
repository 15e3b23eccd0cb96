#include "hub/httplistener.h"

#include "hub/logging.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace Wardline::Hub {

namespace {
QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large"; // RFC 9110 §15.5.14
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray errorBody(const QByteArray &code, const QByteArray &message)
{
    return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
}
} // namespace

HttpResponder::HttpResponder(HttpConnection *connection, quint64 sequence)
    : m_connection(connection)
    , m_sequence(sequence)
{
}

void HttpResponder::respond(int status, const QByteArray &body, const QByteArray &contentType)
{
    if (m_connection)
        m_connection->respond(m_sequence, status, body, contentType);
}

HttpListener::HttpListener(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpListener::accept);
}

HttpListener::~HttpListener() = default;

Core::Status HttpListener::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server->listen(address, port))
        return Core::Status::failure(m_server->errorString());
    return {};
}

quint16 HttpListener::port() const
{
    return m_server->serverPort();
}

void HttpListener::stopAccepting()
{
    m_server->close();
}

int HttpListener::openConnections() const
{
    return int(findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly).size());
}

void HttpListener::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection())
        new HttpConnection(socket, this);
}

HttpConnection::HttpConnection(QTcpSocket *socket, HttpListener *listener)
    : QObject(listener)
    , m_socket(socket)
    , m_listener(listener)
    , m_timer(new QTimer(this))
{
    socket->setParent(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_answering < m_received)
            return; // an answer is on its way (e.g. waiting for a commit): keep the line open
        if (m_failed) {
            m_socket->disconnectFromHost();
            return;
        }
        if (!m_buffer.isEmpty() || m_bodyExpected >= 0)
            fail(408, "The request did not arrive in time.");
        else
            m_socket->disconnectFromHost();
    });
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readAvailable);
    connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    armTimer(m_listener->limits().headerTimeoutMs);
}

void HttpConnection::armTimer(int ms)
{
    m_timer->start(ms);
}

void HttpConnection::fail(int status, const QByteArray &message)
{
    if (m_failed)
        return;
    m_failed = true;
    m_closeAfter = true;
    m_buffer.clear();
    const QByteArray code = status == 413 ? "too_large" : status == 408 ? "timeout" : "bad_request";
    respond(m_received++, status, errorBody(code, message), "application/json");
}

bool HttpConnection::parseHead(qsizetype headEnd)
{
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        fail(400, "Malformed request line.");
        return false;
    }
    m_request = HttpRequest();
    m_request.method = requestLine.at(0);
    m_request.target = requestLine.at(1);
    m_request.peer = m_socket->peerAddress();
    const bool http10 = requestLine.at(2) == "HTTP/1.0";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail(400, "Malformed header line.");
            return false;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length" && m_request.headers.contains(name) &&
            m_request.headers.value(name) != value) {
            fail(400, "Conflicting Content-Length headers.");
            return false;
        }
        m_request.headers.insert(name, value);
    }
    if (m_request.headers.contains("transfer-encoding")) {
        fail(501, "Chunked request bodies are not accepted; send Content-Length.");
        return false;
    }
    const QByteArray connection = m_request.header("connection").toLower();
    if (connection == "close" || (http10 && connection != "keep-alive"))
        m_closeAfter = true;

    qint64 length = 0;
    if (m_request.headers.contains("content-length")) {
        bool ok = false;
        const QByteArray text = m_request.header("content-length");
        length = text.toLongLong(&ok);
        if (!ok || length < 0 || text.startsWith('+')) {
            fail(400, "Content-Length is not a number.");
            return false;
        }
    } else if (m_request.method == "POST" || m_request.method == "PUT") {
        fail(411, "Content-Length is required.");
        return false;
    }
    // The cap is applied before a byte of the body is read (or hashed).
    if (length > m_listener->limits().maxBody) {
        // Answered at once; what the client still sends is read and thrown away (never kept),
        // so it sees the answer instead of a reset connection.
        m_drainRemaining = length;
        fail(413, "The body is larger than this hub accepts (webhook/max_body).");
        return false;
    }
    m_bodyExpected = length;
    return true;
}

void HttpConnection::readAvailable()
{
    if (m_failed) {
        m_drainRemaining -= m_socket->readAll().size(); // discarded, never kept
        if (m_drainRemaining <= 0 && m_answering == m_received)
            m_socket->disconnectFromHost();
        return;
    }
    m_buffer += m_socket->readAll();
    while (!m_failed) {
        if (m_bodyExpected < 0) {
            if (m_closeAfter)
                return; // "Connection: close": nothing after that request is read
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                if (m_buffer.size() > m_listener->limits().maxHeaderBytes)
                    fail(431, "The request head is too large.");
                return;
            }
            if (headEnd > m_listener->limits().maxHeaderBytes) {
                fail(431, "The request head is too large.");
                return;
            }
            if (!parseHead(headEnd))
                return;
            m_buffer.remove(0, headEnd + 4);
            armTimer(m_listener->limits().headerTimeoutMs);
        }
        if (m_buffer.size() < m_bodyExpected)
            return;
        m_request.body = m_buffer.left(m_bodyExpected);
        m_buffer.remove(0, m_bodyExpected);
        m_bodyExpected = -1;
        const HttpRequest request = std::move(m_request);
        m_request = HttpRequest();
        m_listener->m_handler(request, HttpResponder(this, m_received++));
        if (m_buffer.isEmpty())
            break;
    }
}

void HttpConnection::respond(quint64 sequence, int status, const QByteArray &body,
                             const QByteArray &contentType)
{
    if (sequence < m_answering || m_answers.contains(sequence))
        return; // answered already
    const bool last = m_closeAfter && sequence + 1 == m_received;
    QByteArray answer = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
                        "\r\nContent-Length: " + QByteArray::number(body.size());
    if (!body.isEmpty())
        answer += "\r\nContent-Type: " + contentType;
    answer += last ? "\r\nConnection: close\r\n\r\n" : "\r\n\r\n";
    answer += body;
    m_answers.insert(sequence, answer);
    flushAnswers();
}

void HttpConnection::flushAnswers()
{
    while (m_answers.contains(m_answering)) {
        m_socket->write(m_answers.take(m_answering));
        ++m_answering;
    }
    if (m_answering == m_received) {
        if (m_closeAfter) {
            if (m_drainRemaining <= 0)
                m_socket->disconnectFromHost();
            else
                armTimer(m_listener->limits().headerTimeoutMs); // stop draining at some point
            return;
        }
        armTimer(m_buffer.isEmpty() ? m_listener->limits().idleTimeoutMs
                                    : m_listener->limits().headerTimeoutMs);
    }
}

} // namespace Wardline::Hub
