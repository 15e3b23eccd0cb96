#pragma once

#include "sim/simbehaviour.h"

#include <QRandomGenerator>

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

private:
    [[nodiscard]] bool roll(double probability);

    FaultSettings m_settings;
    QRandomGenerator m_random;
};

} // namespace Wardline::Sim
