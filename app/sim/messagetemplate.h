#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Wardline::Sim {

/// One message template of the WhatsApp Business Account, as the Graph node
/// WhatsAppBusinessHSM holds it.
///
/// Fields: Meta, "WhatsApp Business Account — message_templates",
/// https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account/message_templates/
struct MessageTemplate
{
    QString id;
    QString name;
    QString language; ///< "en", "en_US", "es", …
    QString category; ///< UTILITY, MARKETING, AUTHENTICATION
    QString status;   ///< APPROVED, PENDING, REJECTED, PAUSED, DISABLED
    QString parameterFormat{QStringLiteral("POSITIONAL")}; ///< or NAMED
    QString rejectedReason{QStringLiteral("NONE")};
    QJsonArray components; ///< HEADER, BODY, FOOTER, BUTTONS as Meta lists them
    QDateTime created;

    /// The component of \a type ("BODY", …; case-insensitive), or an empty object.
    [[nodiscard]] QJsonObject component(QStringView type) const;
    /// The placeholders of \a text in order of appearance: "1", "2" or "patient_name", ….
    [[nodiscard]] static QStringList placeholders(const QString &text);
    /// Every field of the node, by Graph name.
    [[nodiscard]] QJsonObject toGraph() const;
    /// The fields Meta returns when the request names none.
    [[nodiscard]] static const QStringList &defaultFields();
};

} // namespace Wardline::Sim
