#pragma once

#include "core/result.h"

#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

namespace Wardline::WhatsApp {
class GraphMessage;
struct GraphTemplate;
} // namespace Wardline::WhatsApp

namespace Wardline::Hub {

/// What the hub writes to patients on its own, in their language (English or Spanish): the
/// free-text replies and interactive menus from resources/careflow/replies.json, and the
/// UTILITY templates of resources/careflow/templates.json that it creates on Meta and sends
/// outside the 24-hour window.
class CareMessages
{
public:
    /// The built-in texts (compiled in as resources).
    [[nodiscard]] static const CareMessages &builtIn();

    /// "es" for a Spanish-speaking patient, else "en".
    [[nodiscard]] static QString languageOf(const QString &patientLanguage);
    /// A local date and time as a patient reads them: "Thursday, November 26" / "10:00 AM",
    /// "jueves 26 de noviembre" / "10:00".
    [[nodiscard]] static QString patientDate(const QDateTime &local, const QString &language);
    [[nodiscard]] static QString patientTime(const QDateTime &local, const QString &language);
    /// The reply \a key in \a language (English when missing), with %1… filled from \a args.
    [[nodiscard]] QString reply(const QString &language, const QString &key,
                                const QStringList &args = {}) const;

    [[nodiscard]] Core::Result<WhatsApp::GraphMessage> text(const QString &to,
                                                            const QString &language,
                                                            const QString &key,
                                                            const QStringList &args = {}) const;
    /// The welcome menu: 1 refill, 2 appointment, 3 lab results, 4 nurse, as a list.
    [[nodiscard]] Core::Result<WhatsApp::GraphMessage>
    menu(const QString &to, const QString &language, const QString &emergencyNumber) const;
    /// Pain today, 0–10, as a list (WhatsApp allows ten rows: the last one is "9 or 10").
    [[nodiscard]] Core::Result<WhatsApp::GraphMessage>
    painList(const QString &to, const QString &language, qint64 pathwayId) const;

    /// True when an appointment message asks for another slot in words ("can we move my
    /// appointment", "necesito cambiar mi cita"): replies.json's reschedule_patterns.
    [[nodiscard]] bool asksToReschedule(const QString &text) const;

    /// The hub's default templates, as they are submitted to Meta.
    [[nodiscard]] QList<WhatsApp::GraphTemplate> defaultTemplates() const;
    /// Template \a name in \a language with its body placeholders filled from \a body and its
    /// quick replies carrying \a payloads (one per button, in order).
    [[nodiscard]] Core::Result<WhatsApp::GraphMessage>
    templateMessage(const QString &to, const QString &name, const QString &language,
                    const QStringList &body, const QStringList &payloads = {}) const;

private:
    CareMessages();

    QHash<QString, QJsonObject> m_replies;  ///< by language
    QList<QJsonObject> m_templates;         ///< Meta's shape
    QList<QRegularExpression> m_reschedule; ///< replies.json reschedule_patterns
};

} // namespace Wardline::Hub
