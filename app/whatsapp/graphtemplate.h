#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace Wardline::WhatsApp {

/// A message template as the WhatsApp Business Account holds it: what GET
/// /{waba-id}/message_templates lists and what POST /{waba-id}/message_templates creates.
///
/// Source: Meta, "Message templates",
/// https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account/message_templates/
/// and "Template components",
/// https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates/components
struct GraphTemplate
{
    Q_DECLARE_TR_FUNCTIONS(Wardline::WhatsApp::GraphTemplate)

public:
    QString id;              ///< Meta's id; empty before creation
    QString name;            ///< [a-z0-9_]
    QString language;        ///< "en_US", "es" …
    QString category;        ///< MARKETING, UTILITY or AUTHENTICATION
    QString status;          ///< APPROVED, PENDING, REJECTED, PAUSED, DISABLED …; not sent
    QString parameterFormat; ///< POSITIONAL ({{1}}) or NAMED ({{name}}); empty: positional
    QString rejectedReason;  ///< not sent
    QJsonArray components;   ///< HEADER, BODY, FOOTER, BUTTONS, in Meta's shape

    /// The fields Wardline asks for when listing.
    [[nodiscard]] static QString listFields();
    /// Nothing when \a json lacks a name.
    [[nodiscard]] static std::optional<GraphTemplate> fromJson(const QJsonObject &json);
    /// The body of the create request.
    [[nodiscard]] QJsonObject toCreateJson() const;
    /// The `text` of the component of \a type ("BODY", "HEADER", "FOOTER"); empty if none.
    [[nodiscard]] QString componentText(QStringView type) const;

    /// Before creating: name, language, category, component lengths, placeholders numbered
    /// from {{1}} (or named as parameter_format says) and examples for each, as Meta demands.
    [[nodiscard]] Core::Status checkDefinition() const;
};

/// One page of GET /{waba-id}/message_templates.
struct TemplatePage
{
    QList<GraphTemplate> templates;
    QString after; ///< paging.cursors.after
    QUrl next;     ///< paging.next; absent on the last page (Graph API "Paginated results")

    [[nodiscard]] bool hasMore() const { return !next.isEmpty(); }
    [[nodiscard]] static std::optional<TemplatePage> fromJson(const QJsonObject &json);
};

/// Meta's answer to a create: `{"id","status","category"}` (status usually PENDING).
struct CreatedTemplate
{
    QString id;
    QString status;
    QString category;

    [[nodiscard]] static std::optional<CreatedTemplate> fromJson(const QJsonObject &json);
};

} // namespace Wardline::WhatsApp
