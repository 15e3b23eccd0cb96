#include "hub/sitesettings.h"

#include "hub/hubconfig.h"
#include "store/database.h"
#include "whatsapp/sendlimits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace Wardline::Hub {

namespace {
std::optional<QTime> clockTime(const QString &text)
{
    const QTime t = QTime::fromString(text, QStringLiteral("HH:mm"));
    return t.isValid() ? std::optional(t) : std::nullopt;
}

// Why a value is refused, or nothing when it is fine.
std::optional<QString> check(const QString &key, const QString &value)
{
    if (key.startsWith(QLatin1String("template/"))) {
        static const QRegularExpression name(QStringLiteral("^[a-z0-9_]{1,512}$"));
        if (!name.match(value).hasMatch())
            return QStringLiteral("%1 is a template name: lower-case letters, digits and _")
                .arg(key);
    } else if (key == QLatin1String("site/idle_lock_minutes") && value.isEmpty()) {
        return std::nullopt; // hub.conf's [policy] idle_lock_minutes decides
    } else if (key.endsWith(QLatin1String("_minutes"))) {
        bool ok = false;
        const int minutes = value.toInt(&ok);
        if (!ok || minutes < 1 || minutes > 7 * 24 * 60)
            return QStringLiteral("%1 is a number of minutes from 1 to 10080").arg(key);
    } else if (key == QLatin1String("site/quiet_start") || key == QLatin1String("site/quiet_end")) {
        if (!clockTime(value))
            return QStringLiteral("%1 is a time of day like 21:00").arg(key);
    } else if (key == QLatin1String("site/time_zone")) {
        if (!value.isEmpty() && !QTimeZone(value.toUtf8()).isValid())
            return QStringLiteral("%1: \"%2\" is not a time zone (e.g. America/Chicago)")
                .arg(key, value);
    } else if (key == QLatin1String("site/location_latitude") ||
               key == QLatin1String("site/location_longitude")) {
        bool ok = false;
        const double degrees = value.toDouble(&ok);
        const double limit = key.endsWith(QLatin1String("latitude")) ? 90 : 180;
        if (!ok || degrees < -limit || degrees > limit)
            return QStringLiteral("%1 is in degrees, from %2 to %3")
                .arg(key)
                .arg(-limit)
                .arg(limit);
    } else if (key == QLatin1String("site/emergency_number")) {
        static const QRegularExpression dialable(QStringLiteral("^[0-9+*#]{2,15}$"));
        if (!dialable.match(value).hasMatch())
            return QStringLiteral("%1 is a number to dial, like 911 or 112").arg(key);
    } else if (key.startsWith(QLatin1String("site/emergency_text_"))) {
        if (!value.isEmpty() && !value.contains(QLatin1String("%1")))
            // One arg() pass, so the "%1" it inserts stays as written.
            return QStringLiteral("%1 must contain %2 where the emergency number goes")
                .arg(key, QStringLiteral("%1"));
    }
    return std::nullopt;
}
// The body variables ("1", "2" … or names) of template \a name as the hub holds it; nothing
// when the hub does not know the template (yet: it may be named before Meta approved it, and
// the scheduler then skips its sends with that reason).
std::optional<QStringList> bodyVariables(QSqlDatabase db, const QString &name)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT components FROM templates WHERE name = ? AND components "
                             "IS NOT NULL AND components <> '' ORDER BY language LIMIT 1"));
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const QJsonArray components = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).array();
    for (const QJsonValue &value : components) {
        const QJsonObject component = value.toObject();
        if (component.value(u"type").toString().compare(u"BODY", Qt::CaseInsensitive) != 0)
            continue;
        const auto found = WhatsApp::SendLimits::placeholders(component.value(u"text").toString());
        QStringList variables;
        for (int n : found.positional)
            variables.append(QString::number(n));
        return variables + found.named;
    }
    return std::nullopt;
}

// An automation fills its template's variables by number, as many as its built-in template
// takes: another template must take the same ones, or every send of it would be refused.
std::optional<QString> checkTemplateFits(QSqlDatabase db, const SettingSpec &spec,
                                         const QString &value)
{
    const QString builtIn = QString::fromUtf8(spec.defaultValue);
    if (value == builtIn)
        return std::nullopt;
    const auto wanted = bodyVariables(db, builtIn);
    const auto offered = bodyVariables(db, value);
    if (!wanted || !offered || *wanted == *offered)
        return std::nullopt;
    return QStringLiteral("%1: template %2 takes the values {{%3}}, but this automation fills "
                          "{{%4}} (%5)")
        .arg(QLatin1String(spec.key), value, offered->join(QStringLiteral("}}, {{")),
             wanted->join(QStringLiteral("}}, {{")), QString::fromUtf8(spec.help));
}
} // namespace

const QList<SettingSpec> &SiteSettings::specs()
{
    static const QList<SettingSpec> specs = {
        {"site/emergency_number", "911", "the number patients are told to call in an emergency"},
        {"site/emergency_text_en", "",
         "the English emergency instruction (%1 is the number); empty: the built-in text"},
        {"site/emergency_text_es", "", "the same in Spanish"},
        {"site/time_zone", "", "the site's time zone, e.g. America/Chicago; empty: the system's"},
        {"site/quiet_start", "21:00", "no automated non-urgent message from this time"},
        {"site/quiet_end", "08:00", "... until this time (site or patient local time)"},
        {"site/location_name", "", "the LOCATION reply: the place's name"},
        {"site/location_address", "", "the LOCATION reply: its address"},
        {"site/phone", "",
         "the phone number patients are given ({site_phone} in canned responses)"},
        {"site/location_latitude", "0", "the LOCATION reply: latitude"},
        {"site/location_longitude", "0", "the LOCATION reply: longitude"},
        {"site/idle_lock_minutes", "",
         "a console locks its screen after this many minutes without input (from its next "
         "sign-in); empty: hub.conf [policy] idle_lock_minutes"},
        {"sla/refill_minutes", "120", "refill requests confirmed within this"},
        {"sla/lab_minutes", "240", "lab-result questions answered within this"},
        {"sla/nurse_minutes", "60", "nurse questions answered within this"},
        {"sla/emergency_minutes", "5", "an emergency claimed by a nurse within this"},
        {"template/appointment_reminder", "wardline_appointment_reminder",
         "the day-before reminder (variables: name, date, time, provider, place, preparation)"},
        {"template/appointment_confirm", "wardline_appointment_confirm",
         "the confirmation request (name, time, provider; buttons Confirm, Change)"},
        {"template/appointment_followup", "wardline_visit_followup", "after the visit (name)"},
        {"template/medication_dose", "wardline_medication_reminder",
         "a dose reminder (name, medication; buttons Taken, Skipped)"},
        {"template/pathway_checkin", "wardline_postop_checkin", "post-op day 1 (name)"},
        {"template/pathway_photo", "wardline_postop_photo", "post-op day 3 photo request (name)"},
        {"template/pathway_pain", "wardline_postop_pain", "post-op day 7 pain score (name)"},
        {"template/pathway_followup", "wardline_postop_followup",
         "post-op day 14 follow-up booking (name)"},
        {"template/pathway_nudge", "wardline_step_reminder", "an unanswered step (name)"},
        {"template/emergency_instruction", "wardline_emergency_instruction",
         "the emergency instruction when the patient's 24-hour window closed before the hub "
         "could answer (name, emergency number)"},
    };
    return specs;
}

Core::Result<SiteSettings> SiteSettings::load(QSqlDatabase db)
{
    QHash<QString, QString> values;
    for (const SettingSpec &spec : specs())
        values.insert(QLatin1String(spec.key), QString::fromUtf8(spec.defaultValue));
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT key, value FROM hub_settings WHERE key LIKE 'site/%' OR "
                               "key LIKE 'sla/%' OR key LIKE 'template/%'")))
        return Core::Result<SiteSettings>::failure(Store::Database::describe(q.lastError()));
    while (q.next())
        values.insert(q.value(0).toString(), q.value(1).toString());

    SiteSettings s;
    s.emergencyNumber = values.value(QStringLiteral("site/emergency_number"));
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")}) {
        const QString text = values.value(QStringLiteral("site/emergency_text_") + language);
        if (!text.isEmpty())
            s.emergencyText.insert(language, text);
    }
    const QString zone = values.value(QStringLiteral("site/time_zone"));
    s.zone = zone.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(zone.toUtf8());
    s.quiet.start =
        clockTime(values.value(QStringLiteral("site/quiet_start"))).value_or(s.quiet.start);
    s.quiet.end = clockTime(values.value(QStringLiteral("site/quiet_end"))).value_or(s.quiet.end);
    s.locationName = values.value(QStringLiteral("site/location_name"));
    s.locationAddress = values.value(QStringLiteral("site/location_address"));
    s.latitude = values.value(QStringLiteral("site/location_latitude")).toDouble();
    s.longitude = values.value(QStringLiteral("site/location_longitude")).toDouble();
    s.refillMinutes = values.value(QStringLiteral("sla/refill_minutes")).toInt();
    s.labMinutes = values.value(QStringLiteral("sla/lab_minutes")).toInt();
    s.nurseMinutes = values.value(QStringLiteral("sla/nurse_minutes")).toInt();
    s.emergencyMinutes = values.value(QStringLiteral("sla/emergency_minutes")).toInt();
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (it.key().startsWith(QLatin1String("template/")))
            s.templates.insert(it.key().mid(9), it.value());
    }
    return s;
}

Core::Status SiteSettings::set(QSqlDatabase db, const QString &key, const QString &value)
{
    const auto spec = std::find_if(specs().cbegin(), specs().cend(), [&key](const SettingSpec &s) {
        return key == QLatin1String(s.key);
    });
    const bool known = spec != specs().cend();
    if (!known)
        return Core::Status::failure(
            QStringLiteral("\"%1\" is not a site setting; 'wardline-hub settings' lists them")
                .arg(key));
    if (auto problem = check(key, value))
        return Core::Status::failure(*problem);
    if (key.startsWith(QLatin1String("template/"))) {
        if (auto problem = checkTemplateFits(db, *spec, value))
            return Core::Status::failure(*problem);
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO hub_settings (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return Core::Status::failure(Store::Database::describe(q.lastError()));
    return {};
}

} // namespace Wardline::Hub
