#pragma once

#include "console/hubsession.h"
#include "core/result.h"

#include <QObject>
#include <QSslCertificate>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace Wardline::Console {

/// The console's HTTPS connection to the hub's staff API. Answers arrive through callbacks
/// on this object's thread; every message is written for staff, in the UI language.
class HubClient : public QObject
{
    Q_OBJECT
public:
    enum class Failure { None, BadCredentials, Locked, Disabled, Unreachable, Certificate, Hub };
    using SignInCallback = std::function<void(Core::Result<HubSession>, Failure)>;

    explicit HubClient(QObject *parent = nullptr);

    /// Certificates to trust besides the system's (a hospital's own CA, or the hub's own).
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates);

    void signIn(const QUrl &hub, const QString &username, const QString &password,
                SignInCallback done);
    /// Ends the session on the hub; \a done runs whether or not the hub answered.
    void signOut(const HubSession &session, std::function<void()> done);

private:
    [[nodiscard]] QNetworkRequest request(const QUrl &url, const QString &token = {}) const;
    [[nodiscard]] static QString describeNetworkFailure(QNetworkReply *reply, Failure *failure);

    QNetworkAccessManager *m_nam;
    QList<QSslCertificate> m_extraCa;
};

} // namespace Wardline::Console
