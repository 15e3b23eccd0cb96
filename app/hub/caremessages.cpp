#include "hub/caremessages.h"

#include "whatsapp/graphmessage.h"
#include "whatsapp/graphtemplate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace Wardline::Hub {

namespace {
QJsonObject readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("resource %s is missing from the build", qPrintable(path));
    return QJsonDocument::fromJson(file.readAll()).object();
}
} // namespace

CareMessages::CareMessages()
{
    const QJsonObject replies = readResource(QStringLiteral(":/careflow/replies.json"));
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")})
        m_replies.insert(language, replies.value(language).toObject());
    const QJsonObject patterns = replies.value(u"reschedule_patterns").toObject();
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")}) {
        for (const QJsonValue &p : patterns.value(language).toArray())
            m_reschedule.append(QRegularExpression(
                p.toString(), QRegularExpression::CaseInsensitiveOption |
                                  QRegularExpression::UseUnicodePropertiesOption));
    }
    const QJsonArray templates =
        readResource(QStringLiteral(":/careflow/templates.json")).value(u"templates").toArray();
    for (const QJsonValue &t : templates)
        m_templates.append(t.toObject());
}

const CareMessages &CareMessages::builtIn()
{
    static const CareMessages messages;
    return messages;
}

QString CareMessages::languageOf(const QString &patientLanguage)
{
    return patientLanguage.startsWith(QLatin1String("es"), Qt::CaseInsensitive)
               ? QStringLiteral("es")
               : QStringLiteral("en");
}

QString CareMessages::patientDate(const QDateTime &local, const QString &language)
{
    return language == QLatin1String("es")
               ? QLocale(QLocale::Spanish, QLocale::Spain)
                     .toString(local.date(), QStringLiteral("dddd d 'de' MMMM"))
               : QLocale(QLocale::English, QLocale::UnitedStates)
                     .toString(local.date(), QStringLiteral("dddd, MMMM d"));
}

QString CareMessages::patientTime(const QDateTime &local, const QString &language)
{
    return language == QLatin1String("es") ? local.time().toString(QStringLiteral("HH:mm"))
                                           : QLocale(QLocale::English, QLocale::UnitedStates)
                                                 .toString(local.time(), QStringLiteral("h:mm AP"));
}

QString CareMessages::reply(const QString &language, const QString &key,
                            const QStringList &args) const
{
    QString text = m_replies.value(languageOf(language)).value(key).toString();
    if (text.isEmpty())
        text = m_replies.value(QStringLiteral("en")).value(key).toString();
    for (const QString &arg : args)
        text = text.arg(arg);
    return text;
}

Core::Result<WhatsApp::GraphMessage> CareMessages::text(const QString &to, const QString &language,
                                                        const QString &key,
                                                        const QStringList &args) const
{
    return WhatsApp::GraphMessage::text(to, reply(language, key, args));
}

Core::Result<WhatsApp::GraphMessage> CareMessages::menu(const QString &to, const QString &language,
                                                        const QString &emergencyNumber) const
{
    WhatsApp::ListMessage list;
    list.body = reply(language, QStringLiteral("menu_body"));
    list.footer = reply(language, QStringLiteral("menu_footer"), {emergencyNumber});
    list.buttonLabel = reply(language, QStringLiteral("menu_button"));
    WhatsApp::ListSection section;
    section.title = reply(language, QStringLiteral("menu_section"));
    const char *const rows[] = {"menu_refill", "menu_appointment", "menu_lab", "menu_nurse"};
    for (int i = 0; i < 4; ++i)
        section.rows.append(
            {QStringLiteral("wl:menu:%1").arg(i + 1), reply(language, QLatin1String(rows[i])), {}});
    list.sections = {section};
    return WhatsApp::GraphMessage::list(to, list);
}

Core::Result<WhatsApp::GraphMessage>
CareMessages::painList(const QString &to, const QString &language, qint64 pathwayId) const
{
    WhatsApp::ListMessage list;
    list.body = reply(language, QStringLiteral("pain_body"));
    list.buttonLabel = reply(language, QStringLiteral("pain_button"));
    WhatsApp::ListSection section;
    section.title = reply(language, QStringLiteral("pain_section"));
    for (int score = 0; score <= 8; ++score)
        section.rows.append({QStringLiteral("wl:pain:%1:%2").arg(pathwayId).arg(score),
                             reply(language, QStringLiteral("pain_row"), {QString::number(score)}),
                             {}});
    section.rows.append({QStringLiteral("wl:pain:%1:9").arg(pathwayId),
                         reply(language, QStringLiteral("pain_row_top")),
                         {}});
    list.sections = {section};
    return WhatsApp::GraphMessage::list(to, list);
}

bool CareMessages::asksToReschedule(const QString &text) const
{
    return std::any_of(m_reschedule.cbegin(), m_reschedule.cend(),
                       [&text](const QRegularExpression &p) { return p.match(text).hasMatch(); });
}

QList<WhatsApp::GraphTemplate> CareMessages::defaultTemplates() const
{
    QList<WhatsApp::GraphTemplate> templates;
    for (const QJsonObject &json : m_templates) {
        if (auto t = WhatsApp::GraphTemplate::fromJson(json))
            templates.append(*t);
    }
    return templates;
}

Core::Result<WhatsApp::GraphMessage>
CareMessages::templateMessage(const QString &to, const QString &name, const QString &language,
                              const QStringList &body, const QStringList &payloads) const
{
    const QString code = languageOf(language);
    WhatsApp::TemplateMessage message;
    message.name = name;
    message.languageCode = code;
    for (const QJsonObject &json : m_templates) {
        if (json.value(u"name").toString() == name && json.value(u"language").toString() == code) {
            for (const QJsonValue &c : json.value(u"components").toArray()) {
                if (c.toObject().value(u"type").toString() == QLatin1String("BODY"))
                    message.bodyText = c.toObject().value(u"text").toString();
            }
        }
    }
    QList<WhatsApp::TemplateParameter> parameters;
    for (const QString &value : body)
        parameters.append(WhatsApp::TemplateParameter::fromText(value));
    if (!parameters.isEmpty())
        message.components.append(WhatsApp::TemplateComponent::body(parameters));
    for (int i = 0; i < payloads.size(); ++i)
        message.components.append(WhatsApp::TemplateComponent::quickReply(i, payloads.at(i)));
    return WhatsApp::GraphMessage::templateMessage(to, message);
}

} // namespace Wardline::Hub
