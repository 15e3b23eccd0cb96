#include "sim/faultinjector.h"

namespace Wardline::Sim {

FaultInjector::FaultInjector(const FaultSettings &settings)
{
    configure(settings);
}

void FaultInjector::configure(const FaultSettings &settings)
{
    m_settings = settings;
    if (settings.seed)
        m_random.seed(*settings.seed);
    else
        m_random.seed(QRandomGenerator::system()->generate());
}

bool FaultInjector::roll(double probability)
{
    if (probability <= 0)
        return false;
    if (probability >= 1)
        return true;
    return m_random.generateDouble() < probability;
}

} // namespace Wardline::Sim
