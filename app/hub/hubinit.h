#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Hub {

/// `wardline-hub --data-dir DIR init`: creates DIR (0700), hub.conf, the 0600 key file, the
/// encrypted database at the newest schema, and the first administrator. Never overwrites an
/// existing database or key; on failure removes only what it created.
class HubInit
{
public:
    struct Report
    {
        QString databaseFile;
        QString keyFile;
        QString configFile;
        QString cipherVersion;
        int schemaVersion = 0;
    };

    HubInit(QString dataDir, const Core::Clock &clock);

    [[nodiscard]] Core::Result<Report> run(const QString &adminName, const QString &password);

private:
    [[nodiscard]] Core::Status populate(QSqlDatabase db, const QString &adminName,
                                        const QString &password, Report *report);

    QString m_dataDir;
    const Core::Clock &m_clock;
};

} // namespace Wardline::Hub
