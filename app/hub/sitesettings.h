#pragma once

#include "core/careplan.h"
#include "core/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QTimeZone>

namespace Wardline::Hub {

struct SettingSpec;

/// The site's own settings, kept in the hub's database (hub_settings) so that administrators
/// change them from a console and every hub of a site sees the same values: the emergency
/// number and its instruction per language, quiet hours, the site's time zone, the LOCATION
/// reply, and the service-level targets of each queue.
struct SiteSettings
{
    QString emergencyNumber = QStringLiteral("911");
    QHash<QString, QString> emergencyText; ///< by language; empty: the built-in text
    QTimeZone zone;                        ///< patients without a zone of their own
    Core::QuietHours quiet;
    QString locationName;
    QString locationAddress;
    double latitude = 0;
    double longitude = 0;
    int refillMinutes = 120;  ///< staff confirm a refill request within this
    int labMinutes = 240;     ///< the patient hears about their lab question within this
    int nurseMinutes = 60;    ///< a nurse answers a P2/P3 question within this
    int emergencyMinutes = 5; ///< a nurse claims an emergency within this

    /// The approved template each automation sends (administrators may choose another one
    /// that takes the same variables); by Core::careSendName().
    QHash<QString, QString> templates;

    [[nodiscard]] bool hasLocation() const { return !locationName.isEmpty(); }
    [[nodiscard]] QString templateFor(Core::CareSend kind) const
    {
        return templates.value(Core::careSendName(kind));
    }

    /// Every site setting with its default and what it is for.
    [[nodiscard]] static const QList<SettingSpec> &specs();
    /// The current values (defaults where nothing was set).
    [[nodiscard]] static Core::Result<SiteSettings> load(QSqlDatabase db);
    /// Checks and stores one value; the error names the key and what it accepts.
    [[nodiscard]] static Core::Status set(QSqlDatabase db, const QString &key,
                                          const QString &value);
};

} // namespace Wardline::Hub
