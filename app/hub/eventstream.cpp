#include "hub/eventstream.h"

#include "core/permissions.h"
#include "hub/logging.h"
#include "hub/staffapi.h"
#include "store/eventlog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace Wardline::Hub {

namespace {
QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

constexpr int PageSize = 500;
} // namespace

EventStream::EventStream(QSqlDatabase db, StaffApi &staff, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_staff(staff)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &EventStream::publish);
}

EventStream::~EventStream()
{
    for (auto it = m_clients.keyBegin(); it != m_clients.keyEnd(); ++it)
        (*it)->abort();
}

Core::Status EventStream::listen(const QHostAddress &address, quint16 port,
                                 const QSslConfiguration *ssl)
{
    m_server = new QWebSocketServer(
        QStringLiteral("wardline-hub"),
        ssl ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode, this);
    if (ssl)
        m_server->setSslConfiguration(*ssl);
    if (!m_server->listen(address, port))
        return Core::Status::failure(m_server->errorString());
    connect(m_server, &QWebSocketServer::newConnection, this, &EventStream::accept);
    m_timer->start(200);
    return {};
}

quint16 EventStream::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString EventStream::url() const
{
    return m_server ? m_server->serverUrl().toString() : QString();
}

void EventStream::accept()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        m_clients.insert(socket, Client());
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &message) { received(socket, message); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_clients.remove(socket);
            socket->deleteLater();
        });
    }
}

void EventStream::received(QWebSocket *socket, const QString &message)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end() || it->ready)
        return; // after the first message the stream only talks
    const QJsonObject hello = QJsonDocument::fromJson(message.toUtf8()).object();
    StaffApi::Denial denial;
    const auto user =
        m_staff.authenticateToken(hello.value(QLatin1StringView("token")).toString(), &denial);
    if (user && !m_staff.permissions().allows(user->role, Core::Permission::ReadEvents))
        denial = {QStringLiteral("forbidden"),
                  QStringLiteral("Your role does not receive events.")};
    if (!user || !denial.code.isEmpty()) {
        socket->sendTextMessage(json({{QStringLiteral("type"), QStringLiteral("error")},
                                      {QStringLiteral("code"), denial.code},
                                      {QStringLiteral("message"), denial.message}}));
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, denial.code);
        return;
    }
    it->ready = true;
    it->token = hello.value(QLatin1StringView("token")).toString();
    it->role = user->role;
    it->sentUpTo = std::max<qint64>(0, hello.value(QLatin1StringView("after")).toInteger());
    socket->sendTextMessage(json({{QStringLiteral("type"), QStringLiteral("ready")},
                                  {QStringLiteral("lastSeq"), Store::EventLog(m_db).lastSeq()}}));
    sendFrom(socket, *it);
}

void EventStream::sendFrom(QWebSocket *socket, Client &client)
{
    Store::EventLog log(m_db);
    while (true) {
        auto page = log.after(client.sentUpTo, PageSize);
        if (!page || page->isEmpty())
            return;
        const StaffApi::Visibility visible = m_staff.visibilityOf(client.role);
        for (const Store::Event &e : std::as_const(page.value())) {
            QJsonObject message = m_staff.eventFor(visible, e);
            message.insert(QStringLiteral("type"), QStringLiteral("event"));
            socket->sendTextMessage(json(message));
            client.sentUpTo = e.seq;
        }
        if (page->size() < PageSize)
            return;
    }
}

bool EventStream::stillAllowed(QWebSocket *socket, Client &client)
{
    StaffApi::Denial denial;
    const auto user =
        m_staff.authenticateToken(client.token, &denial, StaffApi::Activity::Background);
    if (user && !m_staff.permissions().allows(user->role, Core::Permission::ReadEvents))
        denial = {QStringLiteral("forbidden"),
                  QStringLiteral("Your role does not receive events.")};
    if (user && denial.code.isEmpty()) {
        client.role = user->role; // a role change applies from the next event on
        return true;
    }
    client.ready = false;
    socket->sendTextMessage(json({{QStringLiteral("type"), QStringLiteral("error")},
                                  {QStringLiteral("code"), denial.code},
                                  {QStringLiteral("message"), denial.message}}));
    socket->close(QWebSocketProtocol::CloseCodePolicyViolated, denial.code);
    return false;
}

void EventStream::publish()
{
    if (m_clients.isEmpty())
        return;
    const qint64 last = Store::EventLog(m_db).lastSeq();
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        if (it->ready && it->sentUpTo < last && stillAllowed(it.key(), it.value()))
            sendFrom(it.key(), it.value());
    }
}

} // namespace Wardline::Hub
