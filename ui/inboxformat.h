#pragma once

#include "console/inboxstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Wardline::Ui {

/// How close a conversation is to its response-time target.
enum class SlaState {
    None,     ///< no timer runs
    OnTime,   ///< more than a quarter of the target (and more than 15 minutes) left
    DueSoon,  ///< within a quarter of the target or 15 minutes of it
    Breached, ///< past the target
};

/// The words and states the inbox shows for a conversation at a given moment, in the current
/// UI language. Pure functions of the summary and \c now, so tests can pin the time.
class InboxFormat
{
    Q_DECLARE_TR_FUNCTIONS(Wardline::Ui::InboxFormat)
public:
    InboxFormat() = delete;

    /// The triage category as staff read it ("Emergency", "Lab results", ...).
    [[nodiscard]] static QString categoryName(const QString &category);
    /// "P1" ... "P4" from InboxModel::PriorityRole's rank; "—" when unknown.
    [[nodiscard]] static QString priorityName(int rank);
    /// How long the patient has waited since their last message: "12 min", "3 h", "2 d".
    [[nodiscard]] static QString waitingTime(const Console::ConversationSummary &summary,
                                             const QDateTime &now);
    [[nodiscard]] static SlaState slaState(const Console::ConversationSummary &summary,
                                           const QDateTime &now);
    /// "Due in 8 min", "Overdue by 2 h"; empty when no timer runs.
    [[nodiscard]] static QString slaText(const Console::ConversationSummary &summary,
                                         const QDateTime &now);
    /// WhatsApp's 24-hour window: "Reply window: 5 h left" or "Reply window closed".
    [[nodiscard]] static QString windowText(const Console::ConversationSummary &summary,
                                            const QDateTime &now);
    /// The same, short, for a narrow row: "5 h left" or "Window closed".
    [[nodiscard]] static QString windowShortText(const Console::ConversationSummary &summary,
                                                 const QDateTime &now);
    /// The assignee's name, or "Unassigned".
    [[nodiscard]] static QString assigneeText(const Console::ConversationSummary &summary);
    /// The patient's own words in the hub's triage reason ("refill: \"refill\", \"tablets\"" →
    /// “refill”, “tablets”), without the engine's English notes; empty when it quotes nothing.
    [[nodiscard]] static QString triageWords(const QString &reason);
};

} // namespace Wardline::Ui
