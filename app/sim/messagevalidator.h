#pragma once

#include "sim/grapherror.h"
#include "sim/messagelog.h"

#include <QJsonObject>

#include <optional>

namespace Wardline::Sim {

class TemplateStore;

/// Checks the body of POST /{phone-number-id}/messages the way the Cloud API does and fills
/// in what the patient will receive.
///
/// Types and limits: Meta, "Send messages" and the pages of each type under
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/ —
/// text body ≤ 4096 characters; media by id or link, caption ≤ 1024 (none on audio and
/// sticker); reply buttons: 1–3, title ≤ 20, id ≤ 256, body ≤ 1024, footer ≤ 60, header text
/// ≤ 60; lists: button ≤ 20, ≤ 10 sections, ≤ 10 rows in all, section title ≤ 24, row id
/// ≤ 200, row title ≤ 24, description ≤ 72, body ≤ 4096, header text only; templates by
/// TemplateRenderer. Violations are code 100 "Invalid parameter" with error_data.details.
class MessageValidator
{
public:
    /// Fills \a draft (type, text, content, template fields, options, context, category) from
    /// \a body; Meta's error when the body is refused. The recipient is not checked here.
    [[nodiscard]] static std::optional<GraphError>
    validate(const QJsonObject &body, const TemplateStore &templates, SentMessage *draft);

    /// Characters as Meta counts them (code points, so an emoji is one).
    [[nodiscard]] static qsizetype length(const QString &text);
};

} // namespace Wardline::Sim
