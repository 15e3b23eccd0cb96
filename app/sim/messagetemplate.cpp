#include "sim/messagetemplate.h"

#include <QRegularExpression>

namespace Wardline::Sim {

QJsonObject MessageTemplate::component(QStringView type) const
{
    for (const QJsonValue &value : components) {
        const QJsonObject object = value.toObject();
        if (object.value(u"type").toString().compare(type, Qt::CaseInsensitive) == 0)
            return object;
    }
    return {};
}

QStringList MessageTemplate::placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}"));
    QStringList names;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        names.append(it.next().captured(1));
    return names;
}

QJsonObject MessageTemplate::toGraph() const
{
    QJsonObject node{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("language"), language},
        {QStringLiteral("category"), category},
        {QStringLiteral("status"), status},
        {QStringLiteral("parameter_format"), parameterFormat},
        {QStringLiteral("components"), components},
        {QStringLiteral("rejected_reason"),
         status == u"REJECTED" ? rejectedReason : QStringLiteral("NONE")},
        {QStringLiteral("quality_score"),
         QJsonObject{{QStringLiteral("score"), QStringLiteral("UNKNOWN")}}},
    };
    return node;
}

const QStringList &MessageTemplate::defaultFields()
{
    static const QStringList fields{
        QStringLiteral("name"),       QStringLiteral("parameter_format"),
        QStringLiteral("components"), QStringLiteral("language"),
        QStringLiteral("status"),     QStringLiteral("category"),
    };
    return fields;
}

} // namespace Wardline::Sim
