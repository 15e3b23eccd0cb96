#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Wardline::Sim {

/// The business phone number the simulator plays, as the Graph node
/// WhatsAppBusinessPhoneNumber that GET /{version}/{phone-number-id} returns.
///
/// Source: Meta, "WhatsApp Business Account Phone Number API",
/// https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account-to-number-current-status/
/// (throughput and platform_type added 12 September 2023, Cloud API changelog).
class PhoneNumberNode
{
public:
    static constexpr QStringView NodeType{u"WhatsAppBusinessPhoneNumber"};

    PhoneNumberNode(QString id, QString displayPhoneNumber, QString verifiedName);

    [[nodiscard]] const QString &id() const { return m_id; }

    /// Every field the simulator knows, by Graph name.
    [[nodiscard]] QJsonObject allFields() const;
    /// The fields Meta returns when the request names none.
    [[nodiscard]] static const QStringList &defaultFields();

private:
    QString m_id;
    QString m_displayPhoneNumber;
    QString m_verifiedName;
    QString m_qualityRating{QStringLiteral("GREEN")};
    QString m_codeVerificationStatus{QStringLiteral("VERIFIED")};
    QString m_throughputLevel{QStringLiteral("STANDARD")}; // 80 messages/s, Meta's default
};

} // namespace Wardline::Sim
