#pragma once

// Test helper: the WhatsApp secrets a hub's data directory needs before `serve` starts, written
// as IT would (files of their own, mode 0600).
#include <QDir>
#include <QFile>

namespace Wardline::Test {

struct HubSecrets
{
    QByteArray appSecret = "test-app-secret-0123456789abcdef";
    QByteArray accessToken = "test-access-token-EAAG0123456789";
    QByteArray verifyToken = "test-verify-token-42";
};

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

} // namespace Wardline::Test
