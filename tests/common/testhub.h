#pragma once

// Test helpers for a hub data directory: what IT would set up before `serve`.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTcpServer>
#include <QUrl>

namespace Wardline::Test {

/// Meta's secrets, as a hub reads them.
struct HubSecrets
{
    QByteArray appSecret = "test-app-secret-0123456789abcdef";
    QByteArray accessToken = "test-access-token-EAAG0123456789";
    QByteArray verifyToken = "test-verify-token-42";
};

/// Writes the secrets into DIR/secrets/, each in its own file of mode 0600.
inline bool writeHubSecrets(const QString &hubDir, const HubSecrets &secrets = {})
{
    if (!QDir(hubDir).mkpath(QStringLiteral("secrets")))
        return false;
    const std::pair<const char *, QByteArray> files[] = {{"app_secret", secrets.appSecret},
                                                         {"access_token", secrets.accessToken},
                                                         {"verify_token", secrets.verifyToken}};
    for (const auto &[name, value] : files) {
        QFile f(hubDir + QStringLiteral("/secrets/") + QString::fromLatin1(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(value + '\n') < 0)
            return false;
        f.close();
        if (!f.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
            return false;
    }
    return true;
}

enum class Tls { Off, On };

/// Every listener on a free loopback port; the staff API with or without TLS.
inline void listenOnLoopback(const QString &hubDir, Tls tls)
{
    QSettings conf(hubDir + QStringLiteral("/hub.conf"), QSettings::IniFormat);
    conf.setValue(QStringLiteral("webhook/listen"), QStringLiteral("127.0.0.1:0"));
    conf.setValue(QStringLiteral("api/listen"), QStringLiteral("127.0.0.1:0"));
    conf.setValue(QStringLiteral("api/events_listen"), QStringLiteral("127.0.0.1:0"));
    conf.setValue(QStringLiteral("api/tls"),
                  tls == Tls::On ? QStringLiteral("on") : QStringLiteral("off"));
}

/// A self-signed certificate for 127.0.0.1 at DIR/tls/hub.crt with its key, made by openssl.
inline bool writeTestCertificate(const QString &hubDir)
{
    if (!QDir(hubDir).mkpath(QStringLiteral("tls")))
        return false;
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                   QStringLiteral("-keyout"), hubDir + QStringLiteral("/tls/hub.key.pem"),
                   QStringLiteral("-out"), hubDir + QStringLiteral("/tls/hub.crt")});
    return openssl.waitForFinished(60000) && openssl.exitStatus() == QProcess::NormalExit &&
           openssl.exitCode() == 0;
}

/// A loopback port free at this moment (bound and released), for two servers that each need
/// the other's address before they start.
inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost) ? probe.serverPort() : 0;
}

/// Sends the hub's Graph calls to a simulator and takes its webhooks on \a webhookPort.
inline void pointAtSimulator(const QString &hubDir, quint16 webhookPort, const QUrl &simulator,
                             const QString &phoneNumberId, const QString &wabaId)
{
    QSettings conf(hubDir + QStringLiteral("/hub.conf"), QSettings::IniFormat);
    conf.setValue(QStringLiteral("webhook/listen"),
                  QStringLiteral("127.0.0.1:%1").arg(webhookPort));
    conf.setValue(QStringLiteral("whatsapp/graph_url"), simulator.toString());
    conf.setValue(QStringLiteral("whatsapp/phone_number_id"), phoneNumberId);
    conf.setValue(QStringLiteral("whatsapp/waba_id"), wabaId);
}

} // namespace Wardline::Test
