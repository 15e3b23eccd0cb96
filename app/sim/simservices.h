#pragma once

#include "core/clock.h"
#include "sim/contactbook.h"
#include "sim/faultinjector.h"
#include "sim/mediastore.h"
#include "sim/ratelimiter.h"
#include "sim/simconfig.h"
#include "sim/webhookpayloads.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace Wardline::Sim {

class DeliverySimulator;
class InboundInjector;
class MessageLog;
class PersonaPlayer;
class SimScheduler;
class TemplateStore;
class WebhookSender;

/// The simulated platform behind the HTTP front: its clock and scheduler, users, messages,
/// templates, media, webhooks and personas. One per running simulator; endpoints share it.
class SimServices : public QObject
{
    Q_OBJECT

public:
    /// \a manual is \a clock itself when the simulator runs on a manual clock, else null.
    SimServices(const SimConfig &config, const Core::Clock &clock, Core::ManualClock *manual,
                QObject *parent = nullptr);
    ~SimServices() override;

    [[nodiscard]] const SimConfig &config() const { return m_config; }
    [[nodiscard]] const Core::Clock &clock() const { return m_clock; }
    [[nodiscard]] SimScheduler &scheduler() { return *m_scheduler; }
    [[nodiscard]] FaultInjector &faults() { return m_faults; }
    [[nodiscard]] RateLimiter &rateLimiter() { return m_rateLimiter; }
    [[nodiscard]] ContactBook &contacts() { return m_contacts; }
    [[nodiscard]] MessageLog &log() { return *m_log; }
    [[nodiscard]] TemplateStore &templates() { return *m_templates; }
    [[nodiscard]] MediaStore &media() { return m_media; }
    [[nodiscard]] WebhookSender &webhooks() { return *m_webhooks; }
    [[nodiscard]] DeliverySimulator &delivery() { return *m_delivery; }
    [[nodiscard]] InboundInjector &inbound() { return *m_inbound; }
    [[nodiscard]] PersonaPlayer &personas() { return *m_personas; }

    /// The business number and account as webhooks name them.
    [[nodiscard]] WebhookPayloads::Business business() const;
    /// Where clients reach the simulator (media download URLs point there).
    [[nodiscard]] const QUrl &publicUrl() const { return m_publicUrl; }
    void setPublicUrl(const QUrl &url) { m_publicUrl = url; }

private:
    SimConfig m_config;
    const Core::Clock &m_clock;
    std::unique_ptr<SimScheduler> m_scheduler;
    FaultInjector m_faults;
    RateLimiter m_rateLimiter;
    ContactBook m_contacts;
    MediaStore m_media;
    std::unique_ptr<MessageLog> m_log;
    std::unique_ptr<TemplateStore> m_templates;
    std::unique_ptr<WebhookSender> m_webhooks;
    std::unique_ptr<DeliverySimulator> m_delivery;
    std::unique_ptr<InboundInjector> m_inbound;
    std::unique_ptr<PersonaPlayer> m_personas;
    QUrl m_publicUrl;
};

} // namespace Wardline::Sim
