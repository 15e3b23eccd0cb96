#include "ui/inboxformat.h"

#include "core/conversation.h"

#include <algorithm>

namespace Wardline::Ui {

namespace {
constexpr qint64 Minute = 60;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 DueSoonFloor = 15 * Minute;

int roundUp(qint64 seconds, qint64 unit)
{
    return int((seconds + unit - 1) / unit);
}
} // namespace

QString InboxFormat::categoryName(const QString &category)
{
    const std::optional<Core::Category> c = Core::categoryFromName(category);
    if (!c)
        return tr("Other");
    switch (*c) {
    case Core::Category::Emergency:
        return tr("Emergency");
    case Core::Category::Nurse:
        //: Triage category: the patient needs a nurse.
        return tr("Nurse");
    case Core::Category::Refill:
        //: Triage category: a prescription refill request.
        return tr("Refill");
    case Core::Category::Appointment:
        return tr("Appointment");
    case Core::Category::LabResults:
        return tr("Lab results");
    case Core::Category::General:
        return tr("General");
    }
    return tr("Other");
}

QString InboxFormat::priorityName(int rank)
{
    if (rank < 1 || rank > 4)
        return QStringLiteral("—");
    //: A triage priority: P1 (now) ... P4 (routine).
    return tr("P%1").arg(rank);
}

QString InboxFormat::waitingTime(const Console::ConversationSummary &s, const QDateTime &now)
{
    if (!s.lastInboundAt.isValid())
        return {};
    const qint64 seconds = std::max<qint64>(0, s.lastInboundAt.secsTo(now));
    if (seconds < Minute)
        //: Waiting time of a patient who wrote less than a minute ago.
        return tr("now");
    if (seconds < Hour)
        //: Waiting time, minutes; keep it short.
        return tr("%n min", nullptr, int(seconds / Minute));
    if (seconds < 2 * Day)
        //: Waiting time, hours; keep it short.
        return tr("%n h", nullptr, int(seconds / Hour));
    //: Waiting time, days; keep it short.
    return tr("%n d", nullptr, int(seconds / Day));
}

SlaState InboxFormat::slaState(const Console::ConversationSummary &s, const QDateTime &now)
{
    if (s.slaBreached)
        return SlaState::Breached;
    if (!s.slaDueAt.isValid())
        return SlaState::None;
    const qint64 left = now.secsTo(s.slaDueAt);
    if (left <= 0)
        return SlaState::Breached;
    qint64 target = 0;
    if (s.lastInboundAt.isValid())
        target = std::max<qint64>(0, s.lastInboundAt.secsTo(s.slaDueAt));
    const qint64 soon = std::max(target / 4, DueSoonFloor);
    return left <= soon ? SlaState::DueSoon : SlaState::OnTime;
}

QString InboxFormat::slaText(const Console::ConversationSummary &s, const QDateTime &now)
{
    const SlaState state = slaState(s, now);
    if (state == SlaState::None)
        return {};
    if (state == SlaState::Breached) {
        if (!s.slaDueAt.isValid() || now.secsTo(s.slaDueAt) > 0)
            //: The response-time target of this conversation has passed.
            return tr("Overdue");
        const qint64 late = s.slaDueAt.secsTo(now);
        if (late < Hour)
            return tr("Overdue by %n min", nullptr, std::max(1, int(late / Minute)));
        return tr("Overdue by %n h", nullptr, int(late / Hour));
    }
    const qint64 left = now.secsTo(s.slaDueAt);
    if (left <= Hour)
        //: Time left to answer within the response-time target.
        return tr("Due in %n min", nullptr, roundUp(left, Minute));
    //: Time left to answer within the response-time target.
    return tr("Due in %n h", nullptr, int(left / Hour));
}

QString InboxFormat::windowText(const Console::ConversationSummary &s, const QDateTime &now)
{
    if (!s.windowOpen(now))
        //: WhatsApp's 24-hour window has closed: only approved templates can be sent.
        return tr("Reply window closed");
    const qint64 left =
        now.secsTo(s.lastInboundAt.addSecs(Core::Conversation::ServiceWindowSeconds));
    if (left < Hour)
        //: WhatsApp's 24-hour window: free-form replies are possible for this long.
        return tr("Reply window: %n min left", nullptr, std::max(1, int(left / Minute)));
    //: WhatsApp's 24-hour window: free-form replies are possible for this long.
    return tr("Reply window: %n h left", nullptr, int(left / Hour));
}

QString InboxFormat::windowShortText(const Console::ConversationSummary &s, const QDateTime &now)
{
    if (!s.windowOpen(now))
        //: Short form of "Reply window closed", for a narrow inbox row.
        return tr("Window closed");
    const qint64 left =
        now.secsTo(s.lastInboundAt.addSecs(Core::Conversation::ServiceWindowSeconds));
    if (left < Hour)
        //: Short form of "Reply window: %n min left", for a narrow inbox row.
        return tr("%n min left", nullptr, std::max(1, int(left / Minute)));
    //: Short form of "Reply window: %n h left", for a narrow inbox row.
    return tr("%n h left", nullptr, int(left / Hour));
}

QString InboxFormat::assigneeText(const Console::ConversationSummary &s)
{
    if (s.assigneeId == 0)
        return tr("Unassigned");
    if (s.assigneeName.isEmpty())
        //: The conversation is assigned to a staff member whose name this user cannot see.
        return tr("Assigned");
    return s.assigneeName;
}

QString InboxFormat::triageWords(const QString &reason)
{
    // The engine quotes what decided it; what it did not count comes after "; not counted".
    const QString counted = reason.section(QStringLiteral("; not counted"), 0, 0);
    QStringList words;
    for (qsizetype open = counted.indexOf(u'"'); open >= 0;) {
        const qsizetype close = counted.indexOf(u'"', open + 1);
        if (close < 0)
            break;
        const QString quoted = counted.mid(open + 1, close - open - 1);
        if (!quoted.isEmpty() && !words.contains(quoted))
            words.append(quoted);
        open = counted.indexOf(u'"', close + 1);
    }
    if (words.isEmpty())
        return {};
    for (QString &w : words)
        w = QString(QChar(0x201C) + w + QChar(0x201D));
    return words.join(QStringLiteral(", "));
}

} // namespace Wardline::Ui
