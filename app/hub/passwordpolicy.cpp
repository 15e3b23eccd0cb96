#include "hub/passwordpolicy.h"

#include "core/secretkey.h"

#include <pwquality.h>

namespace Wardline::Hub::PasswordPolicy {

QString check(const QString &password, const QString &username)
{
    if (password.size() < MinimumLength)
        return QStringLiteral("The password must have at least %1 characters").arg(MinimumLength);
    pwquality_settings_t *settings = pwquality_default_settings();
    if (!settings)
        return QStringLiteral("The password could not be checked (out of memory)");
    // The system's /etc/security/pwquality.conf, when there is one, tightens the defaults.
    (void)pwquality_read_config(settings, nullptr, nullptr);
    QByteArray utf8 = password.toUtf8();
    const QByteArray user = username.toUtf8();
    void *aux = nullptr;
    const int score = pwquality_check(settings, utf8.constData(), nullptr, user.constData(), &aux);
    Core::SecretKey::wipe(utf8);
    QString reason;
    if (score < 0) {
        char buffer[PWQ_MAX_ERROR_MESSAGE_LEN];
        reason = QStringLiteral("The password is too weak: %1")
                     .arg(QString::fromUtf8(pwquality_strerror(buffer, sizeof buffer, score, aux)));
    }
    pwquality_free_settings(settings);
    return reason;
}

} // namespace Wardline::Hub::PasswordPolicy
