#include "hub/hubconfig.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace Wardline::Hub {

const QList<SettingSpec> &hubSettings()
{
    static const QList<SettingSpec> specs = {
        {"whatsapp/graph_url", "https://graph.facebook.com",
         "Graph API base URL (or wardline-sim's)"},
        {"whatsapp/api_version", "v24.0", "Graph API version, e.g. v24.0"},
        {"whatsapp/phone_number_id", "", "the WhatsApp Business phone number id"},
        {"whatsapp/waba_id", "", "the WhatsApp Business Account id"},
        {"whatsapp/app_id", "", "the Meta app id (template example images are uploaded to it)"},
        {"whatsapp/app_secret_file", "secrets/app_secret", "file holding the Meta app secret"},
        {"whatsapp/access_token_file", "secrets/access_token", "file holding the access token"},
        {"whatsapp/verify_token_file", "secrets/verify_token",
         "file holding the webhook verify token"},
        {"whatsapp/send_rate", "80", "messages per second to Meta at most (Meta's default)"},
        {"whatsapp/pair_interval_ms", "6000", "least time between two messages to one patient"},
        {"whatsapp/timeout_ms", "30000",
         "a request to Meta that stalls this long has an unknown outcome"},
        {"whatsapp/retry_base_ms", "1000",
         "first retry delay; doubles with each attempt (jittered)"},
        {"whatsapp/uncertain_grace_ms", "600000",
         "wait this long for a status before resending an unknown outcome"},
        {"webhook/listen", "127.0.0.1:8080", "address Meta's webhooks arrive on"},
        {"webhook/max_body", "3145728", "largest webhook body accepted, in bytes"},
        {"api/listen", "127.0.0.1:8443", "address the consoles connect to"},
        {"api/events_listen", "127.0.0.1:8444", "address of the consoles' live event WebSocket"},
        {"api/tls", "on", "on, or off (accepted only for a loopback address)"},
        {"api/tls_cert", "tls/hub.crt", "PEM certificate for the staff API"},
        {"api/tls_key", "tls/hub.key.pem", "PEM private key for the staff API"},
        {"database/url", "sqlcipher:hub.db", "sqlcipher:FILE or postgresql://..."},
        {"database/key_file", "hub.key", "the database key (0600, or a systemd credential)"},
        {"policy/idle_lock_minutes", "5", "console locks after this many idle minutes"},
        {"policy/session_hours", "12", "a staff session ends after this many hours"},
        {"policy/session_idle_minutes", "30", "a staff session ends after this long unused"},
        {"policy/retention_months", "84", "how long patient messages are kept"},
        {"care/scheduler_seconds", "30",
         "how often reminders, pathways and SLA timers are checked"},
        {"care/triage_lexicons", "",
         "triage lexicon files (comma-separated) to use instead of the built-in ones"},
    };
    return specs;
}

std::optional<ListenAddress> ListenAddress::parse(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    ListenAddress address;
    if (!ok || port > 65535 || !address.host.setAddress(host))
        return std::nullopt;
    address.port = quint16(port);
    return address;
}

Core::Result<HubConfig> HubConfig::load(const QString &dataDir)
{
    const QString file = QDir(dataDir).filePath(QString::fromLatin1(FileName));
    if (!QFileInfo::exists(file))
        return Core::Result<HubConfig>::failure(
            QStringLiteral("%1 does not exist; run 'wardline-hub --data-dir %2 init' first")
                .arg(file, dataDir));
    QSettings settings(file, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return Core::Result<HubConfig>::failure(QStringLiteral("%1 cannot be parsed").arg(file));
    HubConfig config;
    config.m_dataDir = QDir(dataDir).absolutePath();
    // systemd hands credentials (LoadCredential=) over in $CREDENTIALS_DIRECTORY.
    const auto credentials = QLatin1StringView("$CREDENTIALS_DIRECTORY");
    for (const SettingSpec &spec : hubSettings()) {
        const QString key = QString::fromLatin1(spec.key);
        QString value = settings.value(key, QString::fromUtf8(spec.defaultValue)).toString();
        if (value.startsWith(credentials))
            value.replace(0, credentials.size(), qEnvironmentVariable("CREDENTIALS_DIRECTORY"));
        config.m_values.insert(key, value);
    }
    const QStringList keys = settings.allKeys();
    for (const QString &key : keys) {
        if (!config.m_values.contains(key))
            return Core::Result<HubConfig>::failure(
                QStringLiteral("%1: unknown setting \"%2\"").arg(file, key));
    }
    for (const char *key : {"webhook/listen", "api/listen"}) {
        if (!ListenAddress::parse(config.value(key)))
            return Core::Result<HubConfig>::failure(
                QStringLiteral("%1: %2 = \"%3\" is not an address:port")
                    .arg(file, QString::fromLatin1(key), config.value(key)));
    }
    return config;
}

Core::Status HubConfig::writeDefaults(const QString &dataDir)
{
    const QString file = QDir(dataDir).filePath(QString::fromLatin1(FileName));
    QSettings settings(file, QSettings::IniFormat);
    for (const SettingSpec &spec : hubSettings())
        settings.setValue(QString::fromLatin1(spec.key), QString::fromUtf8(spec.defaultValue));
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return Core::Status::failure(QStringLiteral("Unable to write %1").arg(file));
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
    return {};
}

QString HubConfig::value(const char *key) const
{
    return m_values.value(QString::fromLatin1(key));
}

QString HubConfig::path(const char *key) const
{
    const QString v = value(key);
    return v.isEmpty() ? v : QDir(m_dataDir).absoluteFilePath(v);
}

QString HubConfig::databaseFile() const
{
    const QString url = value("database/url");
    if (!url.startsWith(QLatin1StringView("sqlcipher:")))
        return {};
    return QDir(m_dataDir).absoluteFilePath(url.mid(int(qstrlen("sqlcipher:"))));
}

} // namespace Wardline::Hub
