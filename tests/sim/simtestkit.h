#pragma once

#include "core/clock.h"
#include "sim/simconfig.h"
#include "sim/simserver.h"

#include <QByteArray>
#include <QHttpServer>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <memory>

namespace SimTest {

/// One POST the webhook receiver got, with the bytes exactly as received.
struct Delivery
{
    QByteArray body;
    QByteArray signature256;
    QByteArray signature1;
    QByteArray contentType;
    int answeredWith = 0;
    [[nodiscard]] QJsonObject json() const;
    /// Every changes[].value of every entry, in order.
    [[nodiscard]] QList<QJsonObject> values() const;
};

/// The hub's side in miniature: an HTTP server that records webhook deliveries and can be
/// told to fail the next N of them.
class WebhookReceiver : public QObject
{
    Q_OBJECT

public:
    WebhookReceiver();
    [[nodiscard]] bool listen();
    [[nodiscard]] QUrl url() const;
    /// Answers the next \a count deliveries with \a status (500 by default).
    void failNext(int count, int status = 500);
    /// Stops listening: deliveries then fail with "connection refused".
    void close();
    [[nodiscard]] bool reopen();

    [[nodiscard]] const QList<Delivery> &deliveries() const { return m_deliveries; }
    /// Deliveries answered 2xx.
    [[nodiscard]] QList<Delivery> accepted() const;
    /// Values of accepted deliveries that carry statuses[], in order: "<status>:<wamid>".
    [[nodiscard]] QStringList statusEvents() const;
    /// Inbound messages[] of accepted deliveries, in order.
    [[nodiscard]] QList<QJsonObject> inboundMessages() const;
    void clear() { m_deliveries.clear(); }

private:
    std::unique_ptr<QHttpServer> m_http;
    quint16 m_port = 0;
    QList<Delivery> m_deliveries;
    int m_failures = 0;
    int m_failStatus = 500;
};

/// An HTTP response in a test.
struct Response
{
    bool finished = false;
    int status = 0;
    QByteArray raw;
    QJsonObject body;
    QByteArray contentType;
    [[nodiscard]] QJsonObject error() const { return body.value(u"error").toObject(); }
    [[nodiscard]] int errorCode() const { return error().value(u"code").toInt(); }
};

/// A simulator in-process on port 0 with a webhook receiver, for one test class.
class SimFixture
{
public:
    static const QByteArray Token;
    static const QByteArray Secret;
    static const QString PhoneNumberId;
    static const QString WabaId;
    static const QString Version;

    /// A configuration for tests: loopback, port 0, no delays, retries after 1 s.
    [[nodiscard]] static Wardline::Sim::SimConfig config(const QUrl &webhook);

    /// Starts the simulator on a manual clock (default) or the system clock.
    [[nodiscard]] bool start(const Wardline::Sim::SimConfig &config, bool manualClock = true);

    [[nodiscard]] Wardline::Sim::SimServer &server() { return *m_server; }
    [[nodiscard]] Wardline::Core::ManualClock &clock() { return m_clock; }
    [[nodiscard]] WebhookReceiver &receiver() { return m_receiver; }
    [[nodiscard]] QUrl url(const QString &path) const;

    [[nodiscard]] Response graph(const QByteArray &verb, const QString &path,
                                 const QJsonObject &body = {}, const QByteArray &token = Token);
    [[nodiscard]] Response send(const QJsonObject &message);
    [[nodiscard]] Response control(const QByteArray &verb, const QString &path,
                                   const QJsonObject &body = {});
    [[nodiscard]] Response raw(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                               const QList<QPair<QByteArray, QByteArray>> &headers,
                               int timeoutMs = 10000);
    /// A patient's text through /_sim/inbound; the wamid.
    [[nodiscard]] QString say(const QString &from, const QString &text,
                              const QString &name = QStringLiteral("Test Patient"));
    /// Waits until every queued webhook has been delivered (or abandoned).
    [[nodiscard]] bool settle(int timeoutMs = 10000);
    /// Waits until the newest webhook batch failed its \a attempts-th attempt and waits for
    /// the retry (so advancing the clock now reaches it).
    [[nodiscard]] bool waitForRetry(int attempts, int timeoutMs = 10000);
    /// The newest entry of GET /_sim/webhooks.
    [[nodiscard]] QJsonObject lastBatch();

private:
    Wardline::Core::ManualClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(3, 0), Qt::UTC)};
    std::unique_ptr<Wardline::Sim::SimServer> m_server;
    WebhookReceiver m_receiver;
    QNetworkAccessManager m_network;
};

/// A text message body for POST messages.
[[nodiscard]] QJsonObject textMessage(const QString &to, const QString &body);
/// A template message body for POST messages with positional body parameters.
[[nodiscard]] QJsonObject templateMessage(const QString &to, const QString &name,
                                          const QString &language, const QStringList &params);

} // namespace SimTest
