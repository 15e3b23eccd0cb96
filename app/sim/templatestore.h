#pragma once

#include "core/clock.h"
#include "sim/grapherror.h"
#include "sim/messagetemplate.h"

#include <QList>
#include <QObject>

#include <optional>

namespace Wardline::Sim {

/// The message templates of the simulated WhatsApp Business Account and their review
/// lifecycle: PENDING on creation, then APPROVED or REJECTED; PAUSED and DISABLED on demand.
///
/// Creation rules: Meta, "Create and manage templates" and "Template components",
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/overview
/// (name: lower-case letters, digits and underscores, at most 512 characters; body ≤ 1024
/// characters; header text ≤ 60 with one variable; footer ≤ 60; at most 10 buttons).
class TemplateStore : public QObject
{
    Q_OBJECT

public:
    TemplateStore(const Core::Clock &clock, QObject *parent = nullptr);

    /// Adds DefaultTemplates::all(), approved.
    void seedDefaults();

    /// Validates and adds a template from the parameters of POST message_templates; the new
    /// template is PENDING. Nothing, and Meta's error in \a error, when it is refused.
    [[nodiscard]] const MessageTemplate *create(const QJsonObject &params, GraphError *error);
    /// Deletes every language of \a name (only the one with \a id when given); how many.
    qsizetype remove(const QString &name, const QString &id = {});

    [[nodiscard]] const MessageTemplate *find(const QString &name, const QString &language) const;
    [[nodiscard]] const MessageTemplate *findById(const QString &id) const;
    [[nodiscard]] bool hasName(const QString &name) const;
    [[nodiscard]] const QList<MessageTemplate> &all() const { return m_templates; }

    /// Moves the template to \a status (APPROVED, REJECTED, PAUSED, DISABLED, …) and announces
    /// it with statusChanged(); false for an unknown id.
    bool setStatus(const QString &id, const QString &status, const QString &reason);
    /// Announces \a event (FLAGGED, REINSTATED, …) without changing the status.
    void announce(const QString &id, const QString &event, const QString &reason);

Q_SIGNALS:
    /// A status change to announce with a message_template_status_update webhook.
    void statusChanged(const Wardline::Sim::MessageTemplate &messageTemplate, const QString &event,
                       const QString &reason);

private:
    [[nodiscard]] static std::optional<GraphError> checkComponents(const QJsonArray &components,
                                                                   const QString &format);
    MessageTemplate &add(MessageTemplate messageTemplate);

    const Core::Clock &m_clock;
    QList<MessageTemplate> m_templates;
};

} // namespace Wardline::Sim
