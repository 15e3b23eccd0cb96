#pragma once

#include "sim/httpreply.h"

#include <QString>

namespace Wardline::Sim {

class GraphRequest;
class SimServices;

/// GET, POST and DELETE /{waba-id}/message_templates and GET /{template-id}.
///
/// List: {"data":[…],"paging":{"cursors":{"before","after"},"next"?,"previous"?}} with limit
/// (default 25), after/before cursors, fields, and the filters name (contains), status,
/// category and language. Create: → {"id","status":"PENDING","category"}; the review then
/// approves the template (or rejects it when its name contains the configured marker) after
/// the configured delay and announces it with a message_template_status_update webhook.
/// Delete: ?name=… (and hsm_id=… for one language) → {"success":true}.
/// Source: Meta,
/// https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account/message_templates/
class TemplatesEndpoint
{
public:
    explicit TemplatesEndpoint(SimServices &services);

    [[nodiscard]] HttpReply list(const GraphRequest &request);
    [[nodiscard]] HttpReply create(const GraphRequest &request);
    [[nodiscard]] HttpReply remove(const GraphRequest &request);
    [[nodiscard]] HttpReply node(const GraphRequest &request, const QString &templateId);

    /// Schedules the review of a new template.
    void scheduleReview(const QString &templateId);

private:
    SimServices &m_services;
};

} // namespace Wardline::Sim
