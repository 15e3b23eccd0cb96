#pragma once

#include "console/hubsession.h"
#include "core/result.h"

#include <QJsonObject>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QUrlQuery;

namespace Wardline::Console {

/// One answer of the staff API to a signed-in request.
struct HubReply
{
    int status = 0;   ///< the HTTP status; 0 when the hub could not be reached
    QJsonObject body; ///< the JSON answer (an error object on failure)
    QString error;    ///< for staff, when status is not 2xx
    QByteArray data;  ///< the raw answer (a media file's bytes); only for fetch()
    [[nodiscard]] bool ok() const { return status >= 200 && status < 300; }
};

/// The console's HTTPS connection to the hub's staff API. Answers arrive through callbacks
/// on this object's thread; every message is written for staff, in the UI language.
class HubClient : public QObject
{
    Q_OBJECT
public:
    enum class Failure {
        None,
        BadCredentials,
        Locked,
        Disabled,
        Unreachable,
        Certificate,        ///< not trusted and not confirmed: refusedCertificate() names it
        CertificateChanged, ///< another certificate than the one confirmed on this computer
        Hub
    };
    using SignInCallback = std::function<void(Core::Result<HubSession>, Failure)>;
    using ReplyCallback = std::function<void(const HubReply &)>;

    explicit HubClient(QObject *parent = nullptr);

    /// Certificates to trust besides the system's (a hospital's own CA, or the hub's own).
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates);
    /// The SHA-256 fingerprint (HubTrust::fingerprint) of a hub certificate someone confirmed
    /// on this computer: accepted even though no trusted authority signed it. Empty: none.
    void setConfirmedFingerprint(const QByteArray &fingerprint);
    [[nodiscard]] const QByteArray &confirmedFingerprint() const { return m_confirmed; }
    /// Whether \a peer, refused by the system's trust, is the confirmed certificate.
    [[nodiscard]] bool acceptsConfirmed(const QSslCertificate &peer) const;
    /// The last certificate refused (null when none): what to show for confirming it.
    [[nodiscard]] const QSslCertificate &refusedCertificate() const { return m_refused; }

    void signIn(const QUrl &hub, const QString &username, const QString &password,
                SignInCallback done);
    /// Ends the session on the hub; \a done runs whether or not the hub answered.
    void signOut(const HubSession &session, std::function<void()> done);

    /// GET \a path?\a query as \a session. \a done runs unless \a context is gone first; the
    /// reply is returned so the caller can abort it (\a done then sees status 0).
    QNetworkReply *get(const HubSession &session, const QString &path, const QUrlQuery &query,
                       const QObject *context, ReplyCallback done);
    /// \a verb \a path with a JSON \a body as \a session, on the staff member's own behalf
    /// (it counts as activity for the session's idle timeout, unlike get()).
    QNetworkReply *send(const HubSession &session, const QByteArray &verb, const QString &path,
                        const QJsonObject &body, const QObject *context, ReplyCallback done);
    /// POST \a path?\a query with \a bytes as the body (a file staff send, of type
    /// \a contentType) and the extra \a headers, as \a session, on the staff member's behalf.
    QNetworkReply *upload(const HubSession &session, const QString &path, const QUrlQuery &query,
                          const QByteArray &bytes, const QByteArray &contentType,
                          const QList<std::pair<QByteArray, QByteArray>> &headers,
                          const QObject *context, ReplyCallback done);
    /// GET \a path as \a session for a file: the bytes arrive in HubReply::data, in memory only.
    QNetworkReply *fetch(const HubSession &session, const QString &path, const QObject *context,
                         ReplyCallback done);
    /// The TLS trust of every call, for the hub's other connections (the event WebSocket).
    [[nodiscard]] QSslConfiguration sslConfiguration() const;

private:
    [[nodiscard]] QNetworkRequest request(const QUrl &url, const QString &token = {}) const;
    /// Accepts the confirmed certificate on \a reply, remembers any other one refused.
    QNetworkReply *watchTls(QNetworkReply *reply);
    void answer(QNetworkReply *reply, const QObject *context, ReplyCallback done, bool keepBytes);
    [[nodiscard]] QString describeNetworkFailure(QNetworkReply *reply, Failure *failure) const;

    QNetworkAccessManager *m_nam;
    QList<QSslCertificate> m_extraCa;
    QByteArray m_confirmed;
    QSslCertificate m_refused;
};

} // namespace Wardline::Console
