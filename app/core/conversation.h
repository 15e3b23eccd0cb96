#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace Wardline::Core {

/// Triage categories (DESIGN.md §7).
enum class Category { Emergency, Nurse, Refill, Appointment, LabResults, General };
/// P1 (now) ... P4 (routine).
enum class Priority { P1 = 1, P2, P3, P4 };

enum class ConversationState { Open, Closed };

[[nodiscard]] QString categoryName(Category category); ///< "EMERGENCY", "LAB_RESULTS", ...
[[nodiscard]] std::optional<Category> categoryFromName(QStringView name);
[[nodiscard]] QString priorityName(Priority priority); ///< "P1" ... "P4"
[[nodiscard]] std::optional<Priority> priorityFromName(QStringView name);

/// One thread with one patient on one of the hospital's numbers.
struct Conversation
{
    /// Meta allows free-form replies only this long after the patient's last message.
    static constexpr qint64 ServiceWindowSeconds = 24 * 60 * 60;

    qint64 id = 0;
    qint64 patientId = 0;
    ConversationState state = ConversationState::Open;
    Category category = Category::General;
    Priority priority = Priority::P4;
    qint64 assigneeId = 0; ///< 0 when unassigned
    QDateTime lastInboundAt;

    /// True when a free-form message may be sent at \a now (WhatsApp's 24-hour rule).
    [[nodiscard]] bool serviceWindowOpen(const QDateTime &now) const;
    /// Seconds of the window left at \a now, 0 when closed.
    [[nodiscard]] qint64 serviceWindowSecondsLeft(const QDateTime &now) const;
};

} // namespace Wardline::Core
