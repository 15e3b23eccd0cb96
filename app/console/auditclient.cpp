#include "console/auditclient.h"

#include "console/hubclient.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace Wardline::Console {

QUrlQuery AuditFilter::query() const
{
    QUrlQuery q;
    if (!actor.isEmpty())
        q.addQueryItem(QStringLiteral("actor"), actor);
    if (!action.isEmpty())
        q.addQueryItem(QStringLiteral("action"), action);
    if (!subject.isEmpty())
        q.addQueryItem(QStringLiteral("subject"), subject);
    if (!patient.isEmpty())
        q.addQueryItem(QStringLiteral("patient"), patient);
    // The trail's times are UTC ISO 8601 text: compare like with like.
    if (from.isValid())
        q.addQueryItem(QStringLiteral("from"), from.toUTC().toString(Qt::ISODateWithMs));
    if (to.isValid())
        q.addQueryItem(QStringLiteral("to"), to.toUTC().toString(Qt::ISODateWithMs));
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return q;
}

bool AuditFilter::matches(const AuditEntry &entry) const
{
    if (subject.isEmpty() || subject.endsWith(u':'))
        return entry.subject.startsWith(subject);
    return entry.subject == subject;
}

AuditClient::AuditClient(HubClient &hub, HubSession session, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_session(std::move(session))
{
}

QList<AuditEntry> AuditClient::entriesFromJson(const QJsonObject &body)
{
    QList<AuditEntry> entries;
    for (const QJsonValue &value : body.value(u"entries").toArray()) {
        const QJsonObject o = value.toObject();
        AuditEntry e;
        e.id = o.value(u"id").toInteger();
        e.at = QDateTime::fromString(o.value(u"at").toString(), Qt::ISODateWithMs);
        e.actor = o.value(u"actor").toString();
        e.action = o.value(u"action").toString();
        e.subject = o.value(u"subject").toString();
        e.detail = o.value(u"detail").toString();
        entries.append(e);
    }
    return entries;
}

void AuditClient::search(const AuditFilter &filter)
{
    const quint64 search = ++m_searches;
    m_hub.get(m_session, QStringLiteral("/api/v1/audit"), filter.query(), this,
              [this, search, filter](const HubReply &reply) {
                  if (search != m_searches)
                      return; // a newer search is on its way
                  if (!reply.ok())
                      return Q_EMIT failed(reply.error);
                  QList<AuditEntry> entries = entriesFromJson(reply.body);
                  entries.removeIf([&filter](const AuditEntry &e) { return !filter.matches(e); });
                  Q_EMIT entriesLoaded(entries);
              });
}

void AuditClient::verify()
{
    m_hub.get(m_session, QStringLiteral("/api/v1/audit/verify"), {}, this,
              [this](const HubReply &reply) {
                  if (!reply.ok())
                      return Q_EMIT failed(reply.error);
                  AuditVerification result;
                  result.intact = reply.body.value(u"intact").toBool();
                  result.entries = reply.body.value(u"entries").toInteger();
                  result.problem = reply.body.value(u"problem").toString();
                  Q_EMIT verified(result);
              });
}

} // namespace Wardline::Console
