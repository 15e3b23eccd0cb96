#include "sim/ratelimiter.h"

#include <algorithm>

namespace Wardline::Sim {

namespace {
// A whole token, forgiving the rounding of refills (1/6000 per ms × 6000 ms may fall short).
constexpr double OneToken = 1.0 - 1e-9;
} // namespace

RateLimiter::RateLimiter(const Core::Clock &clock, int perSecond, double pairIntervalSeconds,
                         int pairBurst)
    : m_clock(clock)
    , m_capacity(std::max(1, perSecond))
    , m_perMs(std::max(1, perSecond) / 1000.0)
    , m_pairCapacity(std::max(1, pairBurst))
    // An interval of 0 disables the pair limit: refill faster than anyone can send.
    , m_pairPerMs(pairIntervalSeconds > 0 ? 1.0 / (pairIntervalSeconds * 1000.0) : 1e9)
{
    m_number.tokens = m_capacity;
    m_number.updatedMs = clock.now().toMSecsSinceEpoch();
}

void RateLimiter::refill(Bucket &bucket, double capacity, double perMs, qint64 nowMs)
{
    const qint64 elapsed = std::max<qint64>(0, nowMs - bucket.updatedMs);
    bucket.tokens = std::min(capacity, bucket.tokens + double(elapsed) * perMs);
    bucket.updatedMs = nowMs;
}

RateLimiter::Verdict RateLimiter::admit(const QString &waId)
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    refill(m_number, m_capacity, m_perMs, now);
    auto pair = m_pairs.find(waId);
    if (pair == m_pairs.end())
        pair = m_pairs.insert(waId, Bucket{m_pairCapacity, now});
    refill(*pair, m_pairCapacity, m_pairPerMs, now);

    if (m_number.tokens < OneToken)
        return Verdict::ThroughputExceeded;
    if (pair->tokens < OneToken)
        return Verdict::PairExceeded;
    m_number.tokens = std::max(0.0, m_number.tokens - 1.0);
    pair->tokens = std::max(0.0, pair->tokens - 1.0);
    return Verdict::Allowed;
}

} // namespace Wardline::Sim
