#pragma once

#include "core/result.h"

#include <QHostAddress>
#include <QString>
#include <QVariant>

namespace Wardline::Hub {

/// One setting of hub.conf: its key ("section/name"), default and what it is for.
struct SettingSpec
{
    const char *key;
    const char *defaultValue;
    const char *help;
};

/// The typed table of every hub.conf key (DESIGN.md §7). Secrets are never values here: the
/// config names the files that hold them.
[[nodiscard]] const QList<SettingSpec> &hubSettings();

/// An address and port, "127.0.0.1:8443" or "[::1]:8443".
struct ListenAddress
{
    QHostAddress host;
    quint16 port = 0;
    [[nodiscard]] static std::optional<ListenAddress> parse(const QString &text);
    [[nodiscard]] bool isLoopback() const { return host.isLoopback(); }
};

/// hub.conf of a data directory, read through QSettings (INI).
class HubConfig
{
public:
    static constexpr const char *FileName = "hub.conf";

    /// Reads DIR/hub.conf; fails on an unknown key or a value that does not parse.
    [[nodiscard]] static Core::Result<HubConfig> load(const QString &dataDir);
    /// Writes DIR/hub.conf with every default and a comment-free, ordered layout.
    [[nodiscard]] static Core::Status writeDefaults(const QString &dataDir);

    [[nodiscard]] QString value(const char *key) const;
    /// A path from the config, relative to the data directory unless absolute; a leading
    /// $CREDENTIALS_DIRECTORY is systemd's credentials directory.
    [[nodiscard]] QString path(const char *key) const;
    /// The embedded database file, or empty when database/url names PostgreSQL.
    [[nodiscard]] QString databaseFile() const;
    [[nodiscard]] const QString &dataDir() const { return m_dataDir; }

private:
    QString m_dataDir;
    QHash<QString, QString> m_values;
};

} // namespace Wardline::Hub
