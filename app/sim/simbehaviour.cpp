#include "sim/simbehaviour.h"

#include "sim/contactbook.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace Wardline::Sim {

namespace {
const QString ThroughputOption = QStringLiteral("throughput");
const QString PairIntervalOption = QStringLiteral("pair-interval");
const QString PairBurstOption = QStringLiteral("pair-burst");
const QString WindowHoursOption = QStringLiteral("window-hours");
const QString WindowCheckOption = QStringLiteral("window-check");
const QString StatusDelaysOption = QStringLiteral("status-delays");
const QString PricingModelOption = QStringLiteral("pricing-model");
const QString TemplateReviewOption = QStringLiteral("template-review-seconds");
const QString RejectMarkerOption = QStringLiteral("template-reject-marker");
const QString RewriteOption = QStringLiteral("rewrite");
const QString UndeliverableOption = QStringLiteral("undeliverable");
const QString BatchMsOption = QStringLiteral("webhook-batch-ms");
const QString RetryInitialOption = QStringLiteral("webhook-retry-initial-ms");
const QString RetryMaxOption = QStringLiteral("webhook-retry-max-ms");
const QString RetryHoursOption = QStringLiteral("webhook-retry-hours");
const QString WebhookTimeoutOption = QStringLiteral("webhook-timeout-ms");
const QString FaultApi5xxOption = QStringLiteral("fault-api-5xx");
const QString FaultApiTimeoutOption = QStringLiteral("fault-api-timeout");
const QString FaultDropOption = QStringLiteral("fault-webhook-drop");
const QString FaultDuplicateOption = QStringLiteral("fault-webhook-duplicate");
const QString FaultReorderOption = QStringLiteral("fault-webhook-reorder");
const QString FaultSeedOption = QStringLiteral("fault-seed");

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

// Reads an integer option within [minimum, maximum] into *target when it is set.
[[nodiscard]] bool readInt(const QCommandLineParser &parser, const QString &option, int minimum,
                           int maximum, int *target, QString *error)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < minimum || value > maximum) {
        setError(error, SimBehaviour::tr("--%1 \"%2\" is not a whole number from %3 to %4.")
                            .arg(option, parser.value(option))
                            .arg(minimum)
                            .arg(maximum));
        return false;
    }
    *target = value;
    return true;
}

[[nodiscard]] bool readProbability(const QCommandLineParser &parser, const QString &option,
                                   double *target, QString *error)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const double value = parser.value(option).toDouble(&ok);
    if (!ok || value < 0 || value > 1) {
        setError(error, SimBehaviour::tr("--%1 \"%2\" is not a probability from 0 to 1, e.g. "
                                         "0.1 for one time in ten.")
                            .arg(option, parser.value(option)));
        return false;
    }
    *target = value;
    return true;
}
} // namespace

void SimBehaviour::addOptions(QCommandLineParser &parser)
{
    const SimBehaviour d;
    parser.addOption({ThroughputOption,
                      tr("Messages per second the business number may send (default %1, Meta's "
                         "standard throughput); beyond it sends fail with 130429.")
                          .arg(d.throughputPerSecond),
                      tr("n")});
    parser.addOption({PairIntervalOption,
                      tr("Seconds between messages to the same patient (default %1); faster "
                         "sends beyond the burst fail with 131056.")
                          .arg(d.pairIntervalSeconds),
                      tr("seconds")});
    parser.addOption(
        {PairBurstOption,
         tr("Messages to one patient allowed back to back (default %1).").arg(d.pairBurst),
         tr("n")});
    parser.addOption(
        {WindowHoursOption,
         tr("Length of the customer service window (default %1 hours).").arg(d.windowHours),
         tr("hours")});
    parser.addOption({WindowCheckOption,
                      tr("How a free-form send outside the window fails: \"sync\" (HTTP 400, code "
                         "131047; default) or \"async\" (accepted, then a failed status)."),
                      tr("sync|async")});
    parser.addOption(
        {StatusDelaysOption,
         tr("Milliseconds before the sent, delivered and read status webhooks (default "
            "%1,%2,%3; -1 stops the progression there).")
             .arg(d.statusSentMs)
             .arg(d.statusDeliveredMs)
             .arg(d.statusReadMs),
         tr("sent,delivered,read")});
    parser.addOption({PricingModelOption,
                      tr("pricing_model of status webhooks: PMP (default) or CBP."), tr("model")});
    parser.addOption({TemplateReviewOption,
                      tr("Seconds until a new template is approved or rejected (default %1).")
                          .arg(d.templateReviewMs / 1000),
                      tr("seconds")});
    parser.addOption({RejectMarkerOption,
                      tr("New templates whose name contains this word are rejected (default "
                         "\"%1\").")
                          .arg(d.templateRejectMarker),
                      tr("word")});
    parser.addOption({RewriteOption,
                      tr("A number Meta rewrites: the digits the hub sends = the patient's wa_id, "
                         "e.g. 551187654321=5511987654321. Repeatable."),
                      tr("input=wa_id")});
    parser.addOption({UndeliverableOption,
                      tr("A patient number whose messages fail after acceptance (131026). "
                         "Repeatable."),
                      tr("phone")});
    parser.addOption({BatchMsOption,
                      tr("Milliseconds to collect webhook updates into one POST (default 0)."),
                      tr("ms")});
    parser.addOption({RetryInitialOption,
                      tr("First webhook retry after a failed delivery (default %1 ms); doubles "
                         "each time.")
                          .arg(d.webhookRetryInitialMs),
                      tr("ms")});
    parser.addOption(
        {RetryMaxOption,
         tr("Longest pause between webhook retries (default %1 ms).").arg(d.webhookRetryMaxMs),
         tr("ms")});
    parser.addOption({RetryHoursOption,
                      tr("Give a webhook up after this many hours of failures (default %1).")
                          .arg(d.webhookRetryHours),
                      tr("hours")});
    parser.addOption({WebhookTimeoutOption,
                      tr("How long the hub may take to answer a webhook (default %1 ms).")
                          .arg(d.webhookTimeoutMs),
                      tr("ms")});
    parser.addOption({FaultApi5xxOption,
                      tr("Probability that a Graph API call fails with a 5xx error."), tr("p")});
    parser.addOption({FaultApiTimeoutOption,
                      tr("Probability that a Graph API call is processed but never answered."),
                      tr("p")});
    parser.addOption(
        {FaultDropOption, tr("Probability that a webhook is never delivered."), tr("p")});
    parser.addOption(
        {FaultDuplicateOption, tr("Probability that a webhook is delivered twice."), tr("p")});
    parser.addOption({FaultReorderOption,
                      tr("Probability that a webhook is delivered after the next one."), tr("p")});
    parser.addOption(
        {FaultSeedOption, tr("Seed of the fault dice, for a repeatable run."), tr("n")});
}

std::optional<SimBehaviour> SimBehaviour::fromParser(const QCommandLineParser &parser,
                                                     QString *error)
{
    SimBehaviour b;
    if (!readInt(parser, ThroughputOption, 1, 100000, &b.throughputPerSecond, error) ||
        !readInt(parser, PairBurstOption, 1, 100000, &b.pairBurst, error) ||
        !readInt(parser, WindowHoursOption, 1, 24 * 365, &b.windowHours, error) ||
        !readInt(parser, BatchMsOption, 0, 3600000, &b.webhookBatchMs, error) ||
        !readInt(parser, RetryInitialOption, 0, 86400000, &b.webhookRetryInitialMs, error) ||
        !readInt(parser, RetryMaxOption, 0, 86400000, &b.webhookRetryMaxMs, error) ||
        !readInt(parser, RetryHoursOption, 0, 24 * 365, &b.webhookRetryHours, error) ||
        !readInt(parser, WebhookTimeoutOption, 100, 600000, &b.webhookTimeoutMs, error)) {
        return std::nullopt;
    }
    if (parser.isSet(PairIntervalOption)) {
        bool ok = false;
        b.pairIntervalSeconds = parser.value(PairIntervalOption).toDouble(&ok);
        if (!ok || b.pairIntervalSeconds < 0 || b.pairIntervalSeconds > 3600) {
            setError(error, tr("--%1 \"%2\" is not a number of seconds from 0 to 3600.")
                                .arg(PairIntervalOption, parser.value(PairIntervalOption)));
            return std::nullopt;
        }
    }
    if (parser.isSet(WindowCheckOption)) {
        const QString check = parser.value(WindowCheckOption).toLower();
        if (check == u"sync") {
            b.windowCheck = WindowCheck::Sync;
        } else if (check == u"async") {
            b.windowCheck = WindowCheck::Async;
        } else {
            setError(error, tr("--%1 must be \"sync\" or \"async\".").arg(WindowCheckOption));
            return std::nullopt;
        }
    }
    if (parser.isSet(StatusDelaysOption)) {
        const QStringList parts = parser.value(StatusDelaysOption).split(u',');
        bool ok = parts.size() == 3;
        int values[3] = {0, 0, 0};
        for (qsizetype i = 0; ok && i < 3; ++i) {
            values[i] = parts.at(i).trimmed().toInt(&ok);
            ok = ok && values[i] >= -1 && values[i] <= 86400000;
        }
        if (!ok) {
            setError(error, tr("--%1 \"%2\" is not three delays in milliseconds, e.g. "
                               "500,1500,6000.")
                                .arg(StatusDelaysOption, parser.value(StatusDelaysOption)));
            return std::nullopt;
        }
        b.statusSentMs = values[0];
        b.statusDeliveredMs = values[1];
        b.statusReadMs = values[2];
    }
    if (parser.isSet(PricingModelOption)) {
        b.pricingModel = parser.value(PricingModelOption).toUpper();
        if (b.pricingModel != u"PMP" && b.pricingModel != u"CBP") {
            setError(error, tr("--%1 must be PMP or CBP.").arg(PricingModelOption));
            return std::nullopt;
        }
    }
    if (parser.isSet(TemplateReviewOption)) {
        bool ok = false;
        const double seconds = parser.value(TemplateReviewOption).toDouble(&ok);
        if (!ok || seconds < 0 || seconds > 7 * 86400) {
            setError(error, tr("--%1 \"%2\" is not a number of seconds.")
                                .arg(TemplateReviewOption, parser.value(TemplateReviewOption)));
            return std::nullopt;
        }
        b.templateReviewMs = int(seconds * 1000);
    }
    if (parser.isSet(RejectMarkerOption))
        b.templateRejectMarker = parser.value(RejectMarkerOption).toLower();
    for (const QString &rewrite : parser.values(RewriteOption)) {
        const qsizetype eq = rewrite.indexOf(u'=');
        const QString input = eq > 0 ? ContactBook::digitsOf(rewrite.first(eq)) : QString();
        const QString waId = eq > 0 ? ContactBook::digitsOf(rewrite.sliced(eq + 1)) : QString();
        if (input.isEmpty() || waId.isEmpty()) {
            setError(error, tr("--%1 \"%2\" is not two numbers as input=wa_id, e.g. "
                               "551187654321=5511987654321.")
                                .arg(RewriteOption, rewrite));
            return std::nullopt;
        }
        b.numberRewrites.insert(input, waId);
    }
    for (const QString &phone : parser.values(UndeliverableOption)) {
        const QString digits = ContactBook::digitsOf(phone);
        if (digits.isEmpty()) {
            setError(error,
                     tr("--%1 \"%2\" is not a phone number.").arg(UndeliverableOption, phone));
            return std::nullopt;
        }
        b.undeliverable.insert(digits);
    }
    if (!readProbability(parser, FaultApi5xxOption, &b.faults.apiServerError, error) ||
        !readProbability(parser, FaultApiTimeoutOption, &b.faults.apiTimeout, error) ||
        !readProbability(parser, FaultDropOption, &b.faults.webhookDrop, error) ||
        !readProbability(parser, FaultDuplicateOption, &b.faults.webhookDuplicate, error) ||
        !readProbability(parser, FaultReorderOption, &b.faults.webhookReorder, error)) {
        return std::nullopt;
    }
    if (parser.isSet(FaultSeedOption)) {
        bool ok = false;
        const uint seed = parser.value(FaultSeedOption).toUInt(&ok);
        if (!ok) {
            setError(error, tr("--%1 \"%2\" is not a whole number.")
                                .arg(FaultSeedOption, parser.value(FaultSeedOption)));
            return std::nullopt;
        }
        b.faults.seed = seed;
    }
    return b;
}

} // namespace Wardline::Sim
