#pragma once

#include "sim/grapherror.h"
#include "sim/messagelog.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace Wardline::Sim {

class TemplateStore;

/// A template send as the patient will see it.
struct RenderedTemplate
{
    QString name;
    QString language;
    QString category; ///< pricing category, lower case ("utility")
    QString text;     ///< header, body and footer with the parameters filled in
    QJsonValue bodyParams;
    QJsonValue headerParams;
    QList<TapOption> options;
    QString mediaId; ///< an uploaded media id used by the header, if any
};

/// Checks the "template" object of a send against the account's templates, the way the Cloud
/// API does, and renders it.
///
/// Request shape:
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/template-messages
/// Errors: 132001 (no approved template in that language, HTTP 404), 132015 paused,
/// 132016 disabled, 132000 parameter count, 132012 parameter format, 132005 hydrated text too
/// long, 131008 missing button parameter, 100 for malformed parameters.
class TemplateRenderer
{
public:
    [[nodiscard]] static std::optional<GraphError>
    render(const TemplateStore &store, const QJsonObject &request, RenderedTemplate *out);
};

} // namespace Wardline::Sim
