#include "console/cannedresponses.h"

#include "console/hubclient.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrlQuery>

namespace Wardline::Console {

namespace {
QString primary(const QString &language)
{
    return language.section(u'_', 0, 0).section(u'-', 0, 0).toLower();
}

std::optional<CannedRefusal> refusalOf(const HubReply &reply)
{
    if (reply.ok())
        return std::nullopt;
    return CannedRefusal{reply.body.value(u"error").toObject().value(u"field").toString(),
                         reply.error};
}
} // namespace

CannedResponses::CannedResponses(HubClient &hub, HubSession session, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_session(std::move(session))
{
}

bool CannedResponses::isShortcut(const QString &shortcut)
{
    // The hub's rule (CannedResponseApi::problemWith).
    static const QRegularExpression form(QStringLiteral("^/[a-z0-9][a-z0-9_-]{0,31}$"));
    return form.match(shortcut).hasMatch();
}

QStringList CannedResponses::placeholders()
{
    return {QStringLiteral("patient_first_name"), QStringLiteral("staff_name"),
            QStringLiteral("site_name"),          QStringLiteral("site_address"),
            QStringLiteral("site_phone"),         QStringLiteral("emergency_number")};
}

QStringList CannedResponses::unknownPlaceholders(const QString &body)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z0-9_]+)\\}"));
    QStringList unknown;
    const QStringList known = placeholders();
    for (auto it = placeholder.globalMatch(body); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!known.contains(name) && !unknown.contains(name))
            unknown.append(name);
    }
    return unknown;
}

QString CannedResponses::fill(QString text, const QHash<QString, QString> &values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!it.value().trimmed().isEmpty())
            text.replace(u'{' + it.key() + u'}', it.value().trimmed());
    }
    return text;
}

QString CannedResponses::staffName() const
{
    return m_session.user.displayName.isEmpty() ? m_session.user.username
                                                : m_session.user.displayName;
}

void CannedResponses::refresh()
{
    if (m_refreshing) {
        m_refreshAgain = true;
        return;
    }
    m_refreshing = true;
    m_hub.get(m_session, QStringLiteral("/api/v1/canned-responses"), QUrlQuery(), this,
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
                  QList<CannedResponse> all;
                  const QJsonArray list = reply.body.value(u"cannedResponses").toArray();
                  for (const QJsonValue &v : list) {
                      const QJsonObject o = v.toObject();
                      CannedResponse r;
                      r.id = o.value(u"id").toInteger();
                      r.shortcut = o.value(u"shortcut").toString();
                      r.language = o.value(u"language").toString();
                      r.title = o.value(u"title").toString();
                      r.body = o.value(u"body").toString();
                      r.text = o.value(u"text").toString(r.body);
                      if (r.id > 0)
                          all.append(r);
                  }
                  m_all = all;
                  m_loaded = true;
                  Q_EMIT changed();
              });
}

QList<CannedResponse> CannedResponses::inLanguage(const QString &language) const
{
    QList<CannedResponse> out;
    for (const CannedResponse &r : m_all) {
        if (primary(r.language) == primary(language))
            out.append(r);
    }
    std::sort(out.begin(), out.end(), [](const CannedResponse &a, const CannedResponse &b) {
        return a.shortcut < b.shortcut;
    });
    return out;
}

void CannedResponses::save(const CannedResponse &response,
                           std::function<void(std::optional<CannedRefusal>)> done)
{
    const QJsonObject body{{QStringLiteral("shortcut"), response.shortcut},
                           {QStringLiteral("language"), response.language},
                           {QStringLiteral("title"), response.title},
                           {QStringLiteral("body"), response.body}};
    const QString path = QStringLiteral("/api/v1/canned-responses");
    m_hub.send(m_session, response.id > 0 ? "PUT" : "POST",
               response.id > 0 ? path + u'/' + QString::number(response.id) : path, body, this,
               [this, done = std::move(done)](const HubReply &reply) {
                   if (reply.ok())
                       refresh();
                   done(refusalOf(reply));
               });
}

void CannedResponses::remove(qint64 id, std::function<void(std::optional<CannedRefusal>)> done)
{
    m_hub.send(m_session, "DELETE", QStringLiteral("/api/v1/canned-responses/%1").arg(id), {}, this,
               [this, done = std::move(done)](const HubReply &reply) {
                   if (reply.ok())
                       refresh();
                   done(refusalOf(reply));
               });
}

} // namespace Wardline::Console
