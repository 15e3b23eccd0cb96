#include "core/conversation.h"

#include <array>

namespace Wardline::Core {

namespace {
constexpr std::array<std::pair<Category, const char *>, 6> Categories{{
    {Category::Emergency, "EMERGENCY"},
    {Category::Nurse, "NURSE"},
    {Category::Refill, "REFILL"},
    {Category::Appointment, "APPOINTMENT"},
    {Category::LabResults, "LAB_RESULTS"},
    {Category::General, "GENERAL"},
}};
} // namespace

QString categoryName(Category category)
{
    for (const auto &[c, name] : Categories) {
        if (c == category)
            return QString::fromLatin1(name);
    }
    Q_UNREACHABLE();
}

std::optional<Category> categoryFromName(QStringView name)
{
    for (const auto &[c, n] : Categories) {
        if (name.compare(QLatin1StringView(n), Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

QString priorityName(Priority priority)
{
    return QStringLiteral("P%1").arg(int(priority));
}

std::optional<Priority> priorityFromName(QStringView name)
{
    if (name.size() != 2 || name.at(0).toUpper() != u'P')
        return std::nullopt;
    const int n = name.at(1).digitValue();
    if (n < 1 || n > 4)
        return std::nullopt;
    return Priority(n);
}

bool Conversation::serviceWindowOpen(const QDateTime &now) const
{
    return serviceWindowSecondsLeft(now) > 0;
}

qint64 Conversation::serviceWindowSecondsLeft(const QDateTime &now) const
{
    if (!lastInboundAt.isValid())
        return 0;
    const qint64 left = ServiceWindowSeconds - lastInboundAt.secsTo(now);
    return left > 0 ? left : 0;
}

} // namespace Wardline::Core
