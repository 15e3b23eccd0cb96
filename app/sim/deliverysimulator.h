#pragma once

#include "sim/grapherror.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

namespace Wardline::Sim {

class SimServices;
struct SentMessage;

/// Plays the patient's phone for messages the business sent: the status webhooks sent →
/// delivered → read after the configured delays, or "failed" with errors[] when the message
/// cannot be delivered. A status never goes backwards; a reply from the patient reads
/// everything delivered to them so far.
///
/// Status payload: Meta, "Webhooks reference — messages — status",
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status
/// (conversation and pricing; per-message pricing "PMP" since 1 July 2025 with pricing.type).
class DeliverySimulator : public QObject
{
    Q_OBJECT

public:
    explicit DeliverySimulator(SimServices &services, QObject *parent = nullptr);

    /// Starts the status progression of an accepted message; with \a failure it fails instead.
    void track(const SentMessage &message, const std::optional<GraphError> &failure);
    /// The patient \a waId wrote: what was delivered to them is read now.
    void patientReplied(const QString &waId);

private:
    enum class Stage { Accepted = 0, Sent, Delivered, Read, Failed };

    void advanceTo(const QString &wamid, Stage stage);
    void fail(const QString &wamid, const GraphError &error);
    [[nodiscard]] QJsonObject statusObject(const SentMessage &message, Stage stage) const;

    SimServices &m_services;
    QHash<QString, Stage> m_stages;
};

} // namespace Wardline::Sim
