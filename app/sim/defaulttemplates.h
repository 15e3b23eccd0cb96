#pragma once

#include "sim/messagetemplate.h"

#include <QList>

namespace Wardline::Sim {

/// The approved templates a fresh simulator starts with: the hospital's utility messages
/// (reminders, refills, results, post-operative photos, rescheduling, emergency advice).
class DefaultTemplates
{
public:
    /// The templates, APPROVED, without ids (the store assigns them).
    [[nodiscard]] static QList<MessageTemplate> all();
};

} // namespace Wardline::Sim
