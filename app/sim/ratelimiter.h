#pragma once

#include "core/clock.h"

#include <QHash>
#include <QString>

namespace Wardline::Sim {

/// The two send limits of the Cloud API as token buckets on the injected clock: the business
/// number's throughput (130429) and the pair rate to one user (131056).
///
/// Throughput: 80 messages/s per number by default
/// (https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput).
/// Pair rate: about one message every 6 seconds to the same user, short bursts tolerated
/// (the same page, "Pair rate limits").
class RateLimiter
{
public:
    enum class Verdict { Allowed, ThroughputExceeded, PairExceeded };

    RateLimiter(const Core::Clock &clock, int perSecond, double pairIntervalSeconds, int pairBurst);

    /// Takes one token from both buckets for a message to \a waId, or none when either is
    /// empty (a refused send costs nothing, as with Meta).
    [[nodiscard]] Verdict admit(const QString &waId);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    // Refills \a bucket at \a perMs up to \a capacity at \a nowMs.
    static void refill(Bucket &bucket, double capacity, double perMs, qint64 nowMs);

    const Core::Clock &m_clock;
    double m_capacity;
    double m_perMs;
    double m_pairCapacity;
    double m_pairPerMs;
    Bucket m_number;
    QHash<QString, Bucket> m_pairs;
};

} // namespace Wardline::Sim
