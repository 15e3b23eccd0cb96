#pragma once

#include "sim/simbehaviour.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Wardline::Sim {

/// Decides, with the configured probabilities, when the simulator misbehaves on purpose.
///
/// A QRandomGenerator seeded from FaultSettings::seed (repeatable runs for tests) or from the
/// system's entropy; see FaultSettings for why not libsodium.
class FaultInjector
{
public:
    explicit FaultInjector(const FaultSettings &settings);

    [[nodiscard]] const FaultSettings &settings() const { return m_settings; }
    /// Replaces the probabilities (and reseeds when \a settings has a seed).
    void configure(const FaultSettings &settings);

    [[nodiscard]] bool apiServerError() { return roll(m_settings.apiServerError); }
    [[nodiscard]] bool apiTimeout() { return roll(m_settings.apiTimeout); }
    [[nodiscard]] bool dropWebhook() { return roll(m_settings.webhookDrop); }
    [[nodiscard]] bool duplicateWebhook() { return roll(m_settings.webhookDuplicate); }
    [[nodiscard]] bool reorderWebhook() { return roll(m_settings.webhookReorder); }
    /// A coin for choices within a fault (which 5xx error).
    [[nodiscard]] bool coin() { return roll(0.5); }

    /// The next \a count sends (POST /messages) answer 503 whatever the probabilities say, so
    /// a drill or a test can fail exactly the send after a media upload went through.
    void failNextSends(int count) { m_forcedSendErrors = std::max(0, count); }
    /// Whether this send is one of those; counts it down.
    [[nodiscard]] bool takeForcedSendError()
    {
        if (m_forcedSendErrors == 0)
            return false;
        --m_forcedSendErrors;
        return true;
    }

private:
    [[nodiscard]] bool roll(double probability);

    FaultSettings m_settings;
    QRandomGenerator m_random;
    int m_forcedSendErrors = 0;
};

} // namespace Wardline::Sim
