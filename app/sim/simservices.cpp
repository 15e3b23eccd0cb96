#include "sim/simservices.h"

#include "sim/deliverysimulator.h"
#include "sim/inboundinjector.h"
#include "sim/messagelog.h"
#include "sim/personaplayer.h"
#include "sim/simscheduler.h"
#include "sim/templatestore.h"
#include "sim/webhooksender.h"

namespace Wardline::Sim {

namespace {
[[nodiscard]] WebhookSender::Settings senderSettings(const SimConfig &config)
{
    const SimBehaviour &b = config.behaviour;
    WebhookSender::Settings s;
    s.url = config.webhookUrl;
    s.appSecret = config.appSecret;
    s.wabaId = config.wabaId;
    s.batchMs = b.webhookBatchMs;
    s.batchMax = b.webhookBatchMax;
    s.retryInitialMs = b.webhookRetryInitialMs;
    s.retryMaxMs = b.webhookRetryMaxMs;
    s.retryHours = b.webhookRetryHours;
    s.timeoutMs = b.webhookTimeoutMs;
    return s;
}
} // namespace

SimServices::SimServices(const SimConfig &config, const Core::Clock &clock,
                         Core::ManualClock *manual, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_clock(clock)
    , m_scheduler(std::make_unique<SimScheduler>(clock, manual))
    , m_faults(config.behaviour.faults)
    , m_rateLimiter(clock, config.behaviour.throughputPerSecond,
                    config.behaviour.pairIntervalSeconds, config.behaviour.pairBurst)
    , m_contacts(clock, config.behaviour.numberRewrites, config.behaviour.windowHours)
    , m_media(clock)
    , m_log(std::make_unique<MessageLog>())
    , m_templates(std::make_unique<TemplateStore>(clock))
    , m_webhooks(std::make_unique<WebhookSender>(senderSettings(config), *m_scheduler, m_faults))
{
    m_delivery = std::make_unique<DeliverySimulator>(*this);
    m_inbound = std::make_unique<InboundInjector>(*this);
    m_personas = std::make_unique<PersonaPlayer>(*this);
    m_templates->seedDefaults();
    // Template reviews and other status changes are announced to the hub.
    connect(m_templates.get(), &TemplateStore::statusChanged, this,
            [this](const MessageTemplate &t, const QString &event, const QString &reason) {
                m_webhooks->enqueue(
                    WebhookPayloads::templateStatus(t, event, reason, m_clock.now()));
            });
}

SimServices::~SimServices() = default;

WebhookPayloads::Business SimServices::business() const
{
    return {ContactBook::digitsOf(m_config.displayPhoneNumber), m_config.phoneNumberId,
            m_config.wabaId};
}

} // namespace Wardline::Sim
