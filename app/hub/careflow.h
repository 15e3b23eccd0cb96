#pragma once

#include "core/result.h"
#include "hub/sitesettings.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QVariantList>

#include <optional>

namespace Wardline::Core {
class TriageEngine;
struct TriageResult;
} // namespace Wardline::Core
namespace Wardline::WhatsApp {
class GraphMessage;
}

namespace Wardline::Hub {

class CareMessages;

/// A patient message as the care workflows need it, just stored by the webhook receiver.
struct PatientMessage
{
    qint64 patientId = 0;
    qint64 conversationId = 0;
    qint64 messageId = 0;
    bool firstContact = false; ///< this message opened the conversation
    QString type;              ///< text, image, button, interactive, …
    QString text;              ///< what the patient wrote, or the title of what they tapped
    QString replyId;           ///< a quick reply's payload or a list row's id ("wl:…" are ours)
};

/// What a patient's record says for automated messages.
struct PatientContact
{
    qint64 id = 0;
    QString to;       ///< wa_id, or the phone number's digits for a patient who never wrote
    QString language; ///< "en" or "es"
    QString name;
    QString greeting; ///< how templates address the patient: the first name, or a stand-in
    bool optedOut = false;
    QString timeZone;
};

/// Puts one automated message in the outbox under \a key (deterministic, so it goes at most
/// once) and tells the consoles; call inside the transaction of the change that sends it.
[[nodiscard]] Core::Status queueAutomated(QSqlDatabase db, const QString &key,
                                          qint64 conversationId,
                                          Core::Result<WhatsApp::GraphMessage> message,
                                          const QDateTime &now);
/// The patient's contact details, or the reason there are none.
[[nodiscard]] Core::Result<PatientContact> loadPatientContact(QSqlDatabase db, qint64 patientId);

/// The hub's answer to every patient message, inside the transaction that stores it: triage
/// (category, priority, the reason), the emergency instruction at once, the menu on first
/// contact, the queue and its service-level timer, and the keywords and buttons of the
/// automated workflows (CONFIRM, CHANGE, LOCATION, HELP, STOP, START, Taken/Skipped, pain
/// scores, wound photos). Nothing automated goes to a patient who opted out, except the
/// emergency instruction and the confirmation of STOP/START themselves.
class CareFlow
{
public:
    CareFlow(QSqlDatabase db, const Core::TriageEngine &triage);

    /// Re-reads the site settings (emergency number, SLA targets, …); once per commit.
    [[nodiscard]] Core::Status refreshSettings();
    [[nodiscard]] Core::Status handle(const PatientMessage &message, const QDateTime &now);

private:
    struct Context;
    [[nodiscard]] Core::Status handleOurReply(Context &c, const QString &replyId);
    [[nodiscard]] Core::Status handleKeyword(Context &c, const Core::TriageResult &triage);
    /// Moves the conversation up to \a category / \a priority, starts the queue's timer and
    /// acknowledges the request, unless the caller sends a more specific reply itself.
    [[nodiscard]] Core::Status routeToQueue(Context &c, const QString &category,
                                            const QString &priority, const QString &reason,
                                            bool acknowledge = true);
    [[nodiscard]] Core::Status emergency(Context &c, const QString &reason);
    [[nodiscard]] Core::Status appointmentAnswer(Context &c, bool change, qint64 appointmentId);
    [[nodiscard]] Core::Status doseAnswer(Context &c, bool taken, const QString &doseKey);
    [[nodiscard]] Core::Status painAnswer(Context &c, qint64 pathwayId, int score);
    [[nodiscard]] Core::Status photoReceived(Context &c, qint64 pathwayId, int day);
    [[nodiscard]] Core::Status setOptIn(Context &c, bool optIn);
    [[nodiscard]] Core::Status answerPathwayStep(Context &c, qint64 pathwayId, int day,
                                                 const QString &answer);
    [[nodiscard]] Core::Status raiseTask(Context &c, const QString &kind, const QString &subject);
    [[nodiscard]] Core::Status event(Context &c, const QString &kind, QJsonObject payload);
    /// An automated reply; dropped silently for an opted-out patient unless \a always.
    [[nodiscard]] Core::Status send(Context &c, const QString &what,
                                    Core::Result<WhatsApp::GraphMessage> message,
                                    bool always = false);
    [[nodiscard]] Core::Status exec(const QString &sql, const QVariantList &values,
                                    int *changed = nullptr);
    /// The first row of \a sql with \a id bound, or nothing when there is none.
    [[nodiscard]] Core::Result<std::optional<QVariantList>> firstRow(const QString &sql, qint64 id);

    QSqlDatabase m_db;
    const Core::TriageEngine &m_triage;
    const CareMessages &m_messages;
    SiteSettings m_site;
};

} // namespace Wardline::Hub
