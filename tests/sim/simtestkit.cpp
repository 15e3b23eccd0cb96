#include "simtestkit.h"

#include "sim/simservices.h"
#include "sim/webhooksender.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

namespace SimTest {

using namespace Wardline;

const QByteArray SimFixture::Token = QByteArrayLiteral("EAAtest-token-0123456789");
const QByteArray SimFixture::Secret = QByteArrayLiteral("app-secret-for-tests");
const QString SimFixture::PhoneNumberId = QStringLiteral("106540352242922");
const QString SimFixture::WabaId = QStringLiteral("102290129340398");
const QString SimFixture::Version = QStringLiteral("v23.0");

QJsonObject Delivery::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QList<QJsonObject> Delivery::values() const
{
    QList<QJsonObject> values;
    for (const QJsonValue &entry : json().value(u"entry").toArray()) {
        for (const QJsonValue &change : entry.toObject().value(u"changes").toArray())
            values.append(change.toObject().value(u"value").toObject());
    }
    return values;
}

WebhookReceiver::WebhookReceiver() = default;

bool WebhookReceiver::listen()
{
    m_http = std::make_unique<QHttpServer>();
    m_http->route(QStringLiteral("/webhook"), [this](const QHttpServerRequest &request) {
        Delivery d;
        d.body = request.body();
        d.signature256 = request.value(QByteArrayLiteral("x-hub-signature-256"));
        d.signature1 = request.value(QByteArrayLiteral("x-hub-signature"));
        d.contentType = request.value(QByteArrayLiteral("content-type"));
        int status = 200;
        if (m_failures > 0) {
            --m_failures;
            status = m_failStatus;
        }
        d.answeredWith = status;
        m_deliveries.append(d);
        return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok"),
                                   QHttpServerResponse::StatusCode(status));
    });
    auto tcp = std::make_unique<QTcpServer>();
    if (!tcp->listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = tcp->serverPort();
    tcp->setParent(m_http.get());
    m_http->bind(tcp.release());
    return true;
}

QUrl WebhookReceiver::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(m_port));
}

void WebhookReceiver::failNext(int count, int status)
{
    m_failures = count;
    m_failStatus = status;
}

void WebhookReceiver::close()
{
    m_http.reset();
}

bool WebhookReceiver::reopen()
{
    return listen(); // the same port again
}

QList<Delivery> WebhookReceiver::accepted() const
{
    QList<Delivery> ok;
    for (const Delivery &d : m_deliveries) {
        if (d.answeredWith >= 200 && d.answeredWith < 300)
            ok.append(d);
    }
    return ok;
}

QStringList WebhookReceiver::statusEvents() const
{
    QStringList events;
    for (const Delivery &d : accepted()) {
        for (const QJsonObject &value : d.values()) {
            for (const QJsonValue &status : value.value(u"statuses").toArray()) {
                const QJsonObject s = status.toObject();
                events.append(s.value(u"status").toString() + u':' + s.value(u"id").toString());
            }
        }
    }
    return events;
}

QList<QJsonObject> WebhookReceiver::inboundMessages() const
{
    QList<QJsonObject> messages;
    for (const Delivery &d : accepted()) {
        for (const QJsonObject &value : d.values()) {
            for (const QJsonValue &message : value.value(u"messages").toArray())
                messages.append(message.toObject());
        }
    }
    return messages;
}

Sim::SimConfig SimFixture::config(const QUrl &webhook)
{
    Sim::SimConfig config;
    config.listenAddress = QHostAddress(QHostAddress::LocalHost);
    config.listenPort = 0;
    config.webhookUrl = webhook;
    config.appSecret = Secret;
    config.accessToken = Token;
    config.phoneNumberId = PhoneNumberId;
    config.wabaId = WabaId;
    config.apiVersion = Version;
    config.behaviour.statusSentMs = 0;
    config.behaviour.statusDeliveredMs = 0;
    config.behaviour.statusReadMs = 0;
    config.behaviour.templateReviewMs = 0;
    config.behaviour.webhookRetryInitialMs = 1000;
    config.behaviour.webhookRetryMaxMs = 60000;
    config.behaviour.faults.seed = 7;
    return config;
}

bool SimFixture::start(const Sim::SimConfig &config, bool manualClock)
{
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_server = std::make_unique<Sim::SimServer>();
    if (manualClock)
        m_server->useClock(m_clock);
    QString error;
    if (!m_server->start(config, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return true;
}

QUrl SimFixture::url(const QString &path) const
{
    QUrl url = m_server->url();
    const qsizetype query = path.indexOf(u'?');
    url.setPath(query < 0 ? path : path.first(query));
    if (query >= 0)
        url.setQuery(path.sliced(query + 1));
    return url;
}

Response SimFixture::raw(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                         const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    request.setTransferTimeout(timeoutMs);
    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    Response response;
    response.finished = reply->isFinished() || finished.wait(timeoutMs + 1000);
    if (!response.finished)
        return response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.raw = reply->readAll();
    response.body = QJsonDocument::fromJson(response.raw).object();
    response.contentType = reply->rawHeader(QByteArrayLiteral("Content-Type"));
    return response;
}

Response SimFixture::graph(const QByteArray &verb, const QString &path, const QJsonObject &body,
                           const QByteArray &token)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!token.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token});
    QByteArray bytes;
    if (verb != "GET" && verb != "DELETE") {
        headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    return raw(verb, url(QStringLiteral("/%1/%2").arg(Version, path)), bytes, headers);
}

Response SimFixture::send(const QJsonObject &message)
{
    return graph(QByteArrayLiteral("POST"), PhoneNumberId + QStringLiteral("/messages"), message);
}

Response SimFixture::control(const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray bytes;
    if (verb == "POST") {
        headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    return raw(verb, url(QStringLiteral("/_sim/") + path), bytes, headers);
}

QString SimFixture::say(const QString &from, const QString &text, const QString &name)
{
    const Response r = control(QByteArrayLiteral("POST"), QStringLiteral("inbound"),
                               {{QStringLiteral("from"), from},
                                {QStringLiteral("name"), name},
                                {QStringLiteral("text"), text}});
    return r.body.value(u"wamid").toString();
}

bool SimFixture::settle(int timeoutMs)
{
    Sim::WebhookSender &sender = m_server->services()->webhooks();
    return QTest::qWaitFor([&sender] { return sender.outstanding() == 0; }, timeoutMs);
}

QJsonObject SimFixture::lastBatch()
{
    return control(QByteArrayLiteral("GET"), QStringLiteral("webhooks"))
        .body.value(u"data")
        .toArray()
        .last()
        .toObject();
}

bool SimFixture::waitForRetry(int attempts, int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            const QJsonObject batch = lastBatch();
            return batch.value(u"state").toString() == u"retrying" &&
                   batch.value(u"attempts").toArray().size() == attempts;
        },
        timeoutMs);
}

QJsonObject textMessage(const QString &to, const QString &body)
{
    return {{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
            {QStringLiteral("recipient_type"), QStringLiteral("individual")},
            {QStringLiteral("to"), to},
            {QStringLiteral("type"), QStringLiteral("text")},
            {QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), body}}}};
}

QJsonObject templateMessage(const QString &to, const QString &name, const QString &language,
                            const QStringList &params)
{
    QJsonArray parameters;
    for (const QString &p : params)
        parameters.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                      {QStringLiteral("text"), p}});
    QJsonArray components;
    if (!params.isEmpty())
        components.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("body")},
                                      {QStringLiteral("parameters"), parameters}});
    return {
        {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
        {QStringLiteral("to"), to},
        {QStringLiteral("type"), QStringLiteral("template")},
        {QStringLiteral("template"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("language"), QJsonObject{{QStringLiteral("code"), language}}},
                     {QStringLiteral("components"), components}}}};
}

} // namespace SimTest
