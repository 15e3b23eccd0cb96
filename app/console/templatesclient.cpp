#include "console/templatesclient.h"

#include "console/hubclient.h"
#include "console/templatedraft.h"
#include "whatsapp/sendlimits.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace Wardline::Console {

namespace {
QString str(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString();
}

// The "appointment_reminder" of "template/appointment_reminder"; empty for other settings.
QString automationKey(const QString &setting)
{
    return setting.startsWith(TemplatesClient::settingPrefix())
               ? setting.mid(TemplatesClient::settingPrefix().size())
               : QString();
}
} // namespace

QString TemplateRecord::text(QStringView type) const
{
    for (const QJsonValue &value : components) {
        const QJsonObject component = value.toObject();
        if (component.value(QLatin1StringView("type"))
                .toString()
                .compare(type, Qt::CaseInsensitive) == 0)
            return component.value(QLatin1StringView("text")).toString();
    }
    return {};
}

QStringList TemplateRecord::variables() const
{
    const WhatsApp::SendLimits::Placeholders found =
        WhatsApp::SendLimits::placeholders(text(u"BODY"));
    QStringList out;
    for (int n : found.positional)
        out.append(QString::number(n));
    return out + found.named;
}

TemplatesClient::TemplatesClient(HubClient &hub, HubSession session, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_session(std::move(session))
{
    qRegisterMetaType<QList<TemplateRecord>>();
    qRegisterMetaType<QList<TemplateAutomation>>();
}

void TemplatesClient::refresh()
{
    if (m_refreshing) {
        m_refreshAgain = true;
        return;
    }
    m_refreshing = true;
    // Background: a refresh after an event is no activity of the administrator's.
    m_hub.get(m_session, QStringLiteral("/api/v1/templates"), QUrlQuery(), this,
              [this](const HubReply &reply) {
                  m_refreshing = false;
                  if (m_refreshAgain) {
                      m_refreshAgain = false;
                      refresh(); // this answer may already be out of date
                  }
                  if (!reply.ok()) {
                      Q_EMIT failed(reply.error);
                      return;
                  }
                  QList<TemplateRecord> out;
                  const QJsonArray list =
                      reply.body.value(QLatin1StringView("templates")).toArray();
                  for (const QJsonValue &v : list) {
                      const QJsonObject o = v.toObject();
                      TemplateRecord t;
                      t.name = str(o, QLatin1StringView("name"));
                      t.language = str(o, QLatin1StringView("language"));
                      t.category = str(o, QLatin1StringView("category"));
                      t.status = str(o, QLatin1StringView("status"));
                      t.reason = str(o, QLatin1StringView("reason"));
                      t.components = o.value(QLatin1StringView("components")).toArray();
                      t.updatedAt = QDateTime::fromString(str(o, QLatin1StringView("updatedAt")),
                                                          Qt::ISODateWithMs);
                      if (!t.name.isEmpty())
                          out.append(t);
                  }
                  Q_EMIT templatesLoaded(out);
              });
}

void TemplatesClient::submit(const TemplateDraft &draft)
{
    const QString name = draft.name;
    const QString language = draft.language;
    m_hub.send(m_session, "POST", QStringLiteral("/api/v1/templates"), draft.toJson(), this,
               [this, name, language](const HubReply &reply) {
                   if (reply.ok())
                       Q_EMIT submitted(name, language);
                   else
                       Q_EMIT submitFailed(reply.error);
               });
}

void TemplatesClient::loadAutomations()
{
    m_hub.get(m_session, QStringLiteral("/api/v1/settings"), QUrlQuery(), this,
              [this](const HubReply &reply) {
                  if (!reply.ok()) {
                      Q_EMIT failed(reply.error);
                      return;
                  }
                  QList<TemplateAutomation> out;
                  const QJsonArray list = reply.body.value(QLatin1StringView("settings")).toArray();
                  for (const QJsonValue &v : list) {
                      const QJsonObject o = v.toObject();
                      TemplateAutomation a;
                      a.key = automationKey(str(o, QLatin1StringView("key")));
                      if (a.key.isEmpty())
                          continue;
                      a.templateName = str(o, QLatin1StringView("value"));
                      a.defaultName = str(o, QLatin1StringView("default"));
                      a.help = str(o, QLatin1StringView("help"));
                      out.append(a);
                  }
                  Q_EMIT automationsLoaded(out);
              });
}

void TemplatesClient::saveAutomations(const QHash<QString, QString> &templateByKey)
{
    QJsonObject body;
    for (auto it = templateByKey.cbegin(); it != templateByKey.cend(); ++it)
        body.insert(settingPrefix() + it.key(), it.value());
    m_hub.send(m_session, "PUT", QStringLiteral("/api/v1/settings"), body, this,
               [this](const HubReply &reply) {
                   if (reply.ok())
                       Q_EMIT automationsSaved();
                   else
                       Q_EMIT saveFailed(reply.error);
               });
}

} // namespace Wardline::Console
