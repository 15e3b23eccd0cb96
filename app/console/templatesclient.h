#pragma once

#include "console/hubsession.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Wardline::Console {

class HubClient;
class TemplateDraft;

/// One template (one language version) as the hub keeps it, with Meta's review status.
struct TemplateRecord
{
    QString name;
    QString language;
    QString category; ///< MARKETING, UTILITY, AUTHENTICATION
    /// APPROVED, PENDING, REJECTED, PAUSED, DISABLED, or SUBMITTING while the hub sends it.
    QString status;
    QString reason; ///< Meta's reason for a rejection or pause; empty otherwise
    QJsonArray components;
    QDateTime updatedAt;

    /// The `text` of the component of \a type ("BODY", "HEADER", "FOOTER").
    [[nodiscard]] QString text(QStringView type) const;
    /// The body's variables in order ("1", "2" … or names), each once.
    [[nodiscard]] QStringList variables() const;
    [[nodiscard]] bool isApproved() const { return status == QLatin1StringView("APPROVED"); }
};

/// An automation of the hub (a reminder, a pathway step …) and the template it sends: the
/// site setting `template/<key>` of GET /api/v1/settings.
struct TemplateAutomation
{
    QString key; ///< "appointment_reminder" (the setting is "template/" + key)
    QString templateName;
    QString defaultName; ///< the built-in template
    QString help;        ///< the hub's description, in English, with the variables it fills
};

/// The templates desk's calls to the hub: the templates with their review status, submitting
/// a new one (or a new language version), and which template each automation sends.
/// Answers arrive as signals; messages are for staff.
class TemplatesClient : public QObject
{
    Q_OBJECT
public:
    TemplatesClient(HubClient &hub, HubSession session, QObject *parent = nullptr);

    /// Every template in every language and status; templatesLoaded() or failed() follows.
    void refresh();
    /// Submits \a draft for Meta's review; submitted() or submitFailed() follows.
    void submit(const TemplateDraft &draft);
    /// The automations' templates; automationsLoaded() or failed() follows.
    void loadAutomations();
    /// Saves the template of each automation in \a templateByKey (all or nothing);
    /// automationsSaved() or saveFailed() follows.
    void saveAutomations(const QHash<QString, QString> &templateByKey);

    [[nodiscard]] static QString settingPrefix() { return QStringLiteral("template/"); }

Q_SIGNALS:
    void templatesLoaded(const QList<Wardline::Console::TemplateRecord> &templates);
    void submitted(const QString &name, const QString &language);
    void submitFailed(const QString &message);
    void automationsLoaded(const QList<Wardline::Console::TemplateAutomation> &automations);
    void automationsSaved();
    /// The hub refused the automations' templates; \a message says why.
    void saveFailed(const QString &message);
    void failed(const QString &message);

private:
    HubClient &m_hub;
    HubSession m_session;
    // One listing at a time, and one more when asked meanwhile: answers of parallel requests
    // can arrive out of order, and an older list must never replace a newer one.
    bool m_refreshing = false;
    bool m_refreshAgain = false;
};

} // namespace Wardline::Console
