#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

QT_BEGIN_NAMESPACE
class QCommandLineParser;
QT_END_NAMESPACE

namespace Wardline::Sim {

/// The probabilities (0 … 1) of the faults the simulator injects on purpose, for tests and for
/// drills that rehearse an outage. All zero by default.
///
/// The dice come from a QRandomGenerator (not libsodium): seeded with \c seed the same run makes
/// the same choices, which is what a test needs; without a seed it is seeded from the system.
/// Nothing secret is derived from it (ids and tokens come from libsodium).
struct FaultSettings
{
    double apiServerError = 0;   ///< a Graph call answers 500 (131000) or 503 (code 2)
    double apiTimeout = 0;       ///< a Graph call is processed but its response is withheld
    double webhookDrop = 0;      ///< a webhook batch is never delivered
    double webhookDuplicate = 0; ///< a delivered batch is delivered once more
    double webhookReorder = 0;   ///< a batch is held back and delivered after the next one
    std::optional<quint32> seed;

    [[nodiscard]] bool any() const
    {
        return apiServerError > 0 || apiTimeout > 0 || webhookDrop > 0 || webhookDuplicate > 0 ||
               webhookReorder > 0;
    }
};

/// How the simulated Cloud API behaves: limits, delays and the other knobs of a drill. The
/// defaults are Meta's published values where Meta publishes one.
struct SimBehaviour
{
    Q_DECLARE_TR_FUNCTIONS(Wardline::Sim::SimBehaviour)

public:
    /// Whether the 24-hour rule answers the send at once (HTTP 400, code 131047) or accepts it
    /// and reports a "failed" status webhook later, as Meta also does.
    enum class WindowCheck { Sync, Async };

    // Throughput: 80 messages per second per business number by default.
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput
    int throughputPerSecond = 80;
    // Pair rate: about one message every 6 seconds to the same user, short bursts tolerated
    // (error 131056). Meta does not publish the burst; 5 is this simulator's choice.
    double pairIntervalSeconds = 6.0;
    int pairBurst = 5;
    // Customer service window: 24 hours from the user's last message.
    int windowHours = 24;
    WindowCheck windowCheck = WindowCheck::Sync;

    // Delays of the status webhooks after a send is accepted, in milliseconds: "sent" after
    // statusSentMs, "delivered" statusDeliveredMs later, "read" statusReadMs after that.
    // A negative value stops the progression at the previous status.
    int statusSentMs = 500;
    int statusDeliveredMs = 1500;
    int statusReadMs = 6000;
    /// "PMP" (per-message pricing, since 1 July 2025) or "CBP" (conversation-based).
    QString pricingModel = QStringLiteral("PMP");

    // Templates: review time after POST message_templates, and the marker that makes the
    // review reject a name ("reject" → REJECTED with templateRejectReason).
    int templateReviewMs = 30000;
    QString templateRejectMarker = QStringLiteral("reject");
    QString templateRejectReason = QStringLiteral("INVALID_FORMAT");

    /// Numbers Meta rewrites: digits as the business sends them → the user's wa_id
    /// (e.g. Brazil's 9th digit). Keys and values are digits only.
    QHash<QString, QString> numberRewrites;
    /// Recipients whose messages are accepted but fail later with 131026 (undeliverable).
    QSet<QString> undeliverable;

    // Webhook delivery: a batch is formed webhookBatchMs after the first due update (0: at the
    // next turn of the event loop) with up to webhookBatchMax updates (Meta batches up to 1,000).
    int webhookBatchMs = 0;
    int webhookBatchMax = 1000;
    // Retries while the receiver fails: first after webhookRetryInitialMs, doubling up to
    // webhookRetryMaxMs, given up after webhookRetryHours (Meta retries for up to 7 days).
    int webhookRetryInitialMs = 1000;
    int webhookRetryMaxMs = 10 * 60 * 1000;
    int webhookRetryHours = 7 * 24;
    int webhookTimeoutMs = 10000;

    FaultSettings faults;

    /// Declares --throughput, --pair-interval, … on \a parser.
    static void addOptions(QCommandLineParser &parser);
    /// Reads them back; nothing, and a sentence for the operator, when one is not valid.
    [[nodiscard]] static std::optional<SimBehaviour> fromParser(const QCommandLineParser &parser,
                                                                QString *error);
};

} // namespace Wardline::Sim
