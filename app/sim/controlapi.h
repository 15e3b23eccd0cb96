#pragma once

#include "sim/httpreply.h"

#include <QCoreApplication>
#include <QStringList>
#include <QStringView>

QT_BEGIN_NAMESPACE
class QHttpServerRequest;
QT_END_NAMESPACE

namespace Wardline::Sim {

class SimServices;

/// The simulator's own API under /_sim/, for trainers, drills, `wardline-sim say|play` and the
/// tests. It takes no Graph token and answers only requests from this machine (loopback).
///
///   POST /_sim/inbound                   a patient's message (see InboundInjector) →
///   {"wamid","wa_id"} GET  /_sim/inbound[?from=PHONE]      what patients sent, with read receipts
///   GET  /_sim/sent[?to=PHONE]           what patients got: every accepted outbound message
///   GET  /_sim/webhooks                  the webhook delivery log: batches, attempts, outcomes
///   GET  /_sim/clock                     {"now","manual"}
///   POST /_sim/advance {"seconds"}       moves a manual clock (409 on the system clock)
///   GET  /_sim/personas                  {"data":[personas],"runs":[runs],"problems":[…]}
///   POST /_sim/personas/{name}/play      {"phone"?,"name"?} → {"run","persona","wa_id"}
///   GET  /_sim/runs/{id}                 one persona run
///   POST /_sim/templates/{name}/status   {"status","language"?,"reason"?} → the template
///   POST /_sim/faults                    {"api_5xx","api_timeout","webhook_drop",
///                                          "webhook_duplicate","webhook_reorder","seed"}
class ControlApi
{
    Q_DECLARE_TR_FUNCTIONS(Wardline::Sim::ControlApi)

public:
    static constexpr QStringView Prefix{u"/_sim/"};

    explicit ControlApi(SimServices &services);

    [[nodiscard]] HttpReply handle(const QHttpServerRequest &request);

private:
    [[nodiscard]] HttpReply inbound(const QJsonObject &body);
    [[nodiscard]] HttpReply received(const QString &from);
    [[nodiscard]] HttpReply sent(const QString &to);
    [[nodiscard]] HttpReply advance(const QJsonObject &body);
    [[nodiscard]] HttpReply clock();
    [[nodiscard]] HttpReply play(const QString &name, const QJsonObject &body);
    [[nodiscard]] HttpReply templateStatus(const QString &name, const QJsonObject &body);
    [[nodiscard]] HttpReply faults(const QJsonObject &body);

    SimServices &m_services;
};

} // namespace Wardline::Sim
