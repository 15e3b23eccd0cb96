#include "console/hubclient.h"

#include "console/hubtrust.h"
#include "console/logging.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace Wardline::Console {

using Core::Result;

namespace {
QUrl endpoint(const QUrl &hub, const QString &path)
{
    QUrl url = hub;
    url.setPath(path);
    return url;
}

// The sign-in answer's "eventsUrl". A hub listening on every interface names itself 0.0.0.0
// or ::, which is no address to connect to: the host the console already reached is. A
// plain ws:// next to an https:// hub is refused, so the token never travels in the clear.
QUrl eventsUrlFrom(const QString &text, const QUrl &hub)
{
    QUrl events(text, QUrl::StrictMode);
    const bool secure = events.scheme() == QLatin1StringView("wss");
    if (!events.isValid() || events.host().isEmpty() ||
        (!secure && events.scheme() != QLatin1StringView("ws")))
        return {};
    if (!secure && hub.scheme() == QLatin1StringView("https")) {
        qCWarning(lcConsole, "the hub offered its event stream without TLS; not used");
        return {};
    }
    const QHostAddress host(events.host());
    if (host == QHostAddress(QHostAddress::AnyIPv4) || host == QHostAddress(QHostAddress::AnyIPv6))
        events.setHost(hub.host());
    return events;
}
} // namespace

HubClient::HubClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setTransferTimeout(15000);
}

void HubClient::setExtraCaCertificates(const QList<QSslCertificate> &certificates)
{
    m_extraCa = certificates;
}

void HubClient::setConfirmedFingerprint(const QByteArray &fingerprint)
{
    m_confirmed = fingerprint;
}

bool HubClient::acceptsConfirmed(const QSslCertificate &peer) const
{
    return !m_confirmed.isEmpty() && HubTrust::fingerprint(peer) == m_confirmed;
}

QNetworkReply *HubClient::watchTls(QNetworkReply *reply)
{
    m_refused = QSslCertificate();
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (peer.isNull() && !errors.isEmpty())
            peer = errors.first().certificate();
        // Exactly the certificate confirmed for this hub, whatever else is wrong with it
        // (self-signed, unknown authority, a name IT did not put in it).
        if (acceptsConfirmed(peer))
            reply->ignoreSslErrors();
        else
            m_refused = peer;
    });
    return reply;
}

QSslConfiguration HubClient::sslConfiguration() const
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!m_extraCa.isEmpty())
        ssl.addCaCertificates(m_extraCa);
    return ssl;
}

QNetworkRequest HubClient::request(const QUrl &url, const QString &token) const
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    if (!m_extraCa.isEmpty())
        request.setSslConfiguration(sslConfiguration());
    return request;
}

QString HubClient::describeNetworkFailure(QNetworkReply *reply, Failure *failure) const
{
    const QString host = reply->url().host();
    switch (reply->error()) {
    case QNetworkReply::SslHandshakeFailedError:
        if (!m_confirmed.isEmpty() && !m_refused.isNull()) {
            *failure = Failure::CertificateChanged;
            return tr("The hub's security certificate has changed since it was confirmed on this "
                      "computer, so Wardline did not send your password. Someone may be "
                      "pretending to be the hub. Do not continue: call IT.");
        }
        *failure = Failure::Certificate;
        if (!m_refused.isNull())
            return tr("The hub's security certificate is not signed by an authority this "
                      "computer trusts, so Wardline did not send your password. Compare its "
                      "fingerprint with the one IT gave you before you trust it.");
        return tr("The hub's security certificate is not trusted, so Wardline did not send your "
                  "password. Do not continue: call IT and tell them the hub's certificate was "
                  "refused.");
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::UnknownNetworkError:
        *failure = Failure::Unreachable;
        return tr("The hub at %1 cannot be reached. Check the address and your network; if it "
                  "is right, the hub may be down: call IT.")
            .arg(host);
    default:
        *failure = Failure::Hub;
        return tr("The hub at %1 answered with an error (%2). Try again; if it persists, call IT.")
            .arg(host, reply->errorString());
    }
}

void HubClient::signIn(const QUrl &hub, const QString &username, const QString &password,
                       SignInCallback done)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("username"), username},
                                                      {QStringLiteral("password"), password}})
                                .toJson(QJsonDocument::Compact);
    QNetworkReply *reply =
        watchTls(m_nam->post(request(endpoint(hub, QStringLiteral("/api/v1/session"))), body));
    connect(reply, &QNetworkReply::finished, this, [this, reply, hub, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        const QString code = json.value(QLatin1StringView("error"))
                                 .toObject()
                                 .value(QLatin1StringView("code"))
                                 .toString();
        auto fail = [&done](const QString &message, Failure failure) {
            done(Result<HubSession>::failure(message), failure);
        };
        if (status == 0) {
            Failure failure = Failure::Hub;
            const QString message = describeNetworkFailure(reply, &failure);
            fail(message, failure);
            return;
        }
        if (code == QLatin1StringView("bad_credentials"))
            return fail(tr("The user name or password is wrong."), Failure::BadCredentials);
        if (code == QLatin1StringView("account_locked"))
            return fail(tr("This account is locked after too many wrong passwords. Wait 15 "
                           "minutes, or ask an administrator to unlock it."),
                        Failure::Locked);
        if (code == QLatin1StringView("account_disabled"))
            return fail(tr("This account is deactivated. Ask an administrator."),
                        Failure::Disabled);
        const QJsonObject user = json.value(QLatin1StringView("user")).toObject();
        const auto role = Core::roleFromName(user.value(QLatin1StringView("role")).toString());
        const QString token = json.value(QLatin1StringView("token")).toString();
        if (status != 200 || token.isEmpty() || !role) {
            Failure failure = Failure::Hub;
            const QString message = reply->error() != QNetworkReply::NoError
                                        ? describeNetworkFailure(reply, &failure)
                                        : tr("The hub at %1 gave an answer Wardline does not "
                                             "understand. Is this the right address?")
                                              .arg(hub.host());
            return fail(message, failure);
        }
        HubSession session;
        session.hub = hub;
        session.token = token;
        session.user.id = user.value(QLatin1StringView("id")).toInteger();
        session.user.username = user.value(QLatin1StringView("username")).toString();
        session.user.displayName = user.value(QLatin1StringView("displayName")).toString();
        session.user.role = *role;
        session.user.mustChangePassword =
            user.value(QLatin1StringView("mustChangePassword")).toBool();
        session.expiresAt = QDateTime::fromString(
            json.value(QLatin1StringView("expiresAt")).toString(), Qt::ISODate);
        session.idleTimeoutSeconds =
            json.value(QLatin1StringView("idleTimeoutSeconds")).toInteger();
        // Absent until the hub's policy names one; the console then locks after 5 minutes.
        session.idleLockMinutes = json.value(QLatin1StringView("idleLockMinutes")).toInt();
        session.eventsUrl =
            eventsUrlFrom(json.value(QLatin1StringView("eventsUrl")).toString(), hub);
        session.permissions =
            HubSession::permissionsFrom(json.value(QLatin1StringView("permissions")).toArray());
        qCInfo(lcConsole, "signed in to the hub");
        done(std::move(session), Failure::None);
    });
}

void HubClient::signOut(const HubSession &session, std::function<void()> done)
{
    QNetworkReply *reply = watchTls(m_nam->deleteResource(
        request(endpoint(session.hub, QStringLiteral("/api/v1/session")), session.token)));
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        done();
    });
}

QNetworkReply *HubClient::get(const HubSession &session, const QString &path,
                              const QUrlQuery &query, const QObject *context, ReplyCallback done)
{
    QUrl url = endpoint(session.hub, path);
    url.setQuery(query);
    QNetworkRequest background = request(url, session.token);
    // The console syncing by itself is not the staff member at work: the hub does not extend
    // the session's idle timeout for it.
    background.setRawHeader("X-Wardline-Background", "1");
    QNetworkReply *reply = watchTls(m_nam->get(background));
    answer(reply, context, std::move(done), false);
    return reply;
}

QNetworkReply *HubClient::send(const HubSession &session, const QByteArray &verb,
                               const QString &path, const QJsonObject &body, const QObject *context,
                               ReplyCallback done)
{
    QNetworkReply *reply =
        watchTls(m_nam->sendCustomRequest(request(endpoint(session.hub, path), session.token), verb,
                                          QJsonDocument(body).toJson(QJsonDocument::Compact)));
    answer(reply, context, std::move(done), false);
    return reply;
}

QNetworkReply *HubClient::upload(const HubSession &session, const QString &path,
                                 const QUrlQuery &query, const QByteArray &bytes,
                                 const QByteArray &contentType,
                                 const QList<std::pair<QByteArray, QByteArray>> &headers,
                                 const QObject *context, ReplyCallback done)
{
    QUrl url = endpoint(session.hub, path);
    url.setQuery(query);
    QNetworkRequest post = request(url, session.token);
    post.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromLatin1(contentType));
    for (const auto &[name, value] : headers)
        post.setRawHeader(name, value);
    QNetworkReply *reply = watchTls(m_nam->post(post, bytes));
    answer(reply, context, std::move(done), false);
    return reply;
}

QNetworkReply *HubClient::fetch(const HubSession &session, const QString &path,
                                const QObject *context, ReplyCallback done)
{
    QNetworkReply *reply =
        watchTls(m_nam->get(request(endpoint(session.hub, path), session.token)));
    answer(reply, context, std::move(done), true);
    return reply;
}

void HubClient::answer(QNetworkReply *reply, const QObject *context, ReplyCallback done,
                       bool keepBytes)
{
    connect(reply, &QNetworkReply::finished, context,
            [this, reply, keepBytes, done = std::move(done)] {
                reply->deleteLater();
                HubReply answer;
                answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (reply->isOpen()) { // an aborted reply has nothing to read
                    const QByteArray bytes = reply->readAll();
                    if (keepBytes && answer.ok())
                        answer.data = bytes;
                    else
                        answer.body = QJsonDocument::fromJson(bytes).object();
                }
                if (answer.status == 0) {
                    Failure failure = Failure::Hub;
                    answer.error = describeNetworkFailure(reply, &failure);
                } else if (!answer.ok()) {
                    // The hub's own message is written for staff (StaffApi::error).
                    answer.error = answer.body.value(QLatin1StringView("error"))
                                       .toObject()
                                       .value(QLatin1StringView("message"))
                                       .toString();
                    if (answer.error.isEmpty())
                        answer.error = tr("The hub answered with an error (%1). Try again; if it "
                                          "persists, call IT.")
                                           .arg(answer.status);
                }
                done(answer);
            });
}

} // namespace Wardline::Console
