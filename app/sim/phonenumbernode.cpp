#include "sim/phonenumbernode.h"

namespace Wardline::Sim {

PhoneNumberNode::PhoneNumberNode(QString id, QString displayPhoneNumber, QString verifiedName)
    : m_id(std::move(id))
    , m_displayPhoneNumber(std::move(displayPhoneNumber))
    , m_verifiedName(std::move(verifiedName))
{
}

QJsonObject PhoneNumberNode::allFields() const
{
    return {
        {QStringLiteral("id"), m_id},
        {QStringLiteral("display_phone_number"), m_displayPhoneNumber},
        {QStringLiteral("verified_name"), m_verifiedName},
        {QStringLiteral("quality_rating"), m_qualityRating},
        {QStringLiteral("code_verification_status"), m_codeVerificationStatus},
        {QStringLiteral("platform_type"), QStringLiteral("CLOUD_API")},
        {QStringLiteral("throughput"), QJsonObject{{QStringLiteral("level"), m_throughputLevel}}},
        {QStringLiteral("name_status"), QStringLiteral("APPROVED")},
        {QStringLiteral("status"), QStringLiteral("CONNECTED")},
        {QStringLiteral("account_mode"), QStringLiteral("LIVE")},
        {QStringLiteral("is_official_business_account"), false},
    };
}

const QStringList &PhoneNumberNode::defaultFields()
{
    static const QStringList fields{
        QStringLiteral("verified_name"),        QStringLiteral("code_verification_status"),
        QStringLiteral("display_phone_number"), QStringLiteral("quality_rating"),
        QStringLiteral("platform_type"),        QStringLiteral("throughput"),
    };
    return fields;
}

} // namespace Wardline::Sim
