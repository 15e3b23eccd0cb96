#pragma once

// wardline-sim in-process for hub tests: Meta's side on loopback, wired to a hub's data dir.
#include "core/clock.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "sim/inboundinjector.h"
#include "sim/messagelog.h"
#include "sim/simconfig.h"
#include "sim/simserver.h"
#include "sim/simservices.h"
#include "testhub.h"

#include <QSqlQuery>

#include <functional>
#include <memory>
#include <optional>

namespace Wardline::Test {

/// Starts the simulator with signed webhooks to a loopback port reserved for the hub in
/// \a hubDir (each needs the other's address), and points that hub's Graph calls at it.
/// \a tune adjusts the simulator's behaviour first. Nothing when it could not start.
inline std::unique_ptr<Sim::SimServer>
startSimulatorFor(const QString &hubDir, const HubSecrets &secrets,
                  const std::function<void(Sim::SimBehaviour &)> &tune = {},
                  QString *error = nullptr)
{
    const quint16 webhookPort = freeLoopbackPort();
    if (webhookPort == 0)
        return nullptr;
    Sim::SimConfig config;
    config.webhookUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(webhookPort));
    config.appSecret = secrets.appSecret;
    config.accessToken = secrets.accessToken;
    if (tune)
        tune(config.behaviour);
    auto sim = std::make_unique<Sim::SimServer>();
    if (!sim->start(config, error))
        return nullptr;
    pointAtSimulator(hubDir, webhookPort, sim->url(),
                     Sim::SimConfig::DefaultPhoneNumberId.toString(),
                     Sim::SimConfig::DefaultWabaId.toString());
    QSettings(hubDir + QStringLiteral("/hub.conf"), QSettings::IniFormat)
        .setValue(QStringLiteral("whatsapp/app_id"), config.appId);
    return sim;
}

/// Statuses (sent, delivered, read) at once: tests wait on the hub, not on a clock.
inline void instantStatuses(Sim::SimBehaviour &b)
{
    b.statusSentMs = 0;
    b.statusDeliveredMs = 0;
    b.statusReadMs = 0;
}

/// For console tests against a hub that is stopped and started again: statuses and template
/// reviews at once, no pair pacing, and webhook retries every few hundred milliseconds while
/// the hub is down (Meta retries too, only slower).
inline void consoleDrill(Sim::SimBehaviour &b)
{
    instantStatuses(b);
    b.templateReviewMs = 0;
    b.pairIntervalSeconds = 0;
    b.webhookRetryInitialMs = 100;
    b.webhookRetryMaxMs = 500;
}

/// Fixed staff API and event ports, so a restarted hub is where the consoles left it; no
/// pacing per patient (the tests' clocks may be held).
inline void fixConsolePorts(const QString &hubDir)
{
    QSettings conf(hubDir + QStringLiteral("/hub.conf"), QSettings::IniFormat);
    conf.setValue(QStringLiteral("api/listen"),
                  QStringLiteral("127.0.0.1:%1").arg(freeLoopbackPort()));
    conf.setValue(QStringLiteral("api/events_listen"),
                  QStringLiteral("127.0.0.1:%1").arg(freeLoopbackPort()));
    conf.setValue(QStringLiteral("whatsapp/pair_interval_ms"), 0);
}

/// The hub and simulator a console test runs against: a hub made in \a hubDir (administrator
/// "admin" with \a password), plain HTTP on loopback at fixed ports, wardline-sim tuned by
/// \a tune in front of it, the hub running on \a clock. Empty when both started, else why not.
[[nodiscard]] inline QString
startConsoleHub(const QString &hubDir, const QString &password, const Core::Clock &clock,
                HubSecrets &secrets, std::optional<Hub::HubConfig> &config,
                std::unique_ptr<Sim::SimServer> &sim, std::unique_ptr<Hub::HubServer> &hub,
                const std::function<void(Sim::SimBehaviour &)> &tune = consoleDrill)
{
    auto init = Hub::HubInit(hubDir, Core::Clock::system()).run(QStringLiteral("admin"), password);
    if (!init)
        return init.error();
    if (!writeHubSecrets(hubDir, secrets))
        return QStringLiteral("the hub's secrets could not be written");
    listenOnLoopback(hubDir, Tls::Off);
    QString error;
    sim = startSimulatorFor(hubDir, secrets, tune, &error);
    if (!sim)
        return error;
    fixConsolePorts(hubDir);
    auto loaded = Hub::HubConfig::load(hubDir);
    if (!loaded)
        return loaded.error();
    config = std::move(loaded).value();
    hub = std::make_unique<Hub::HubServer>(*config, clock);
    auto started = hub->start();
    return started ? QString() : started.error();
}

/// The first column of the first row \a sql answers on \a db (the hub's); -1 when none.
[[nodiscard]] inline qint64 hubNumber(const QSqlDatabase &db, const QString &sql,
                                      const QVariantList &values = {})
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

/// The newest conversation of the patient WhatsApp knows as \a waId; -1 when there is none.
[[nodiscard]] inline qint64 conversationOf(const QSqlDatabase &db, const QString &waId)
{
    return hubNumber(db,
                     QStringLiteral("SELECT c.id FROM conversations c JOIN patients p ON p.id = "
                                    "c.patient_id WHERE p.wa_id = ? ORDER BY c.id DESC LIMIT 1"),
                     {waId});
}

/// The patient \a name writes \a text from the phone \a from, as the simulator delivers it.
[[nodiscard]] inline bool patientSays(Sim::SimServer &sim, const QString &from, const QString &name,
                                      const QString &text)
{
    return sim.services()
        ->inbound()
        .inject({{QStringLiteral("from"), from},
                 {QStringLiteral("name"), name},
                 {QStringLiteral("text"), text}})
        .ok;
}

/// How many messages the patient \a waId received that contain \a words.
[[nodiscard]] inline int receivedCount(Sim::SimServer &sim, const QString &waId,
                                       const QString &words)
{
    int n = 0;
    for (const Sim::SentMessage &m : sim.services()->log().allSent())
        n += m.waId == waId && m.text.contains(words);
    return n;
}

} // namespace Wardline::Test
