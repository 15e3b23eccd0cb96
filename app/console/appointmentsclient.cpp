#include "console/appointmentsclient.h"

#include "console/hubclient.h"
#include "core/crypto.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace Wardline::Console {

namespace {
QDateTime timeOf(const QJsonObject &o, QStringView key)
{
    return QDateTime::fromString(o.value(key).toString(), Qt::ISODateWithMs);
}

QStringList strings(const QJsonArray &array)
{
    QStringList all;
    for (const QJsonValue &v : array) {
        if (const QString s = v.toString(); !s.isEmpty())
            all.append(s);
    }
    return all;
}
} // namespace

RescheduleQueue RescheduleQueue::fromJson(const QJsonObject &body)
{
    RescheduleQueue queue;
    for (const QJsonValue &value : body.value(u"appointments").toArray()) {
        const QJsonObject o = value.toObject();
        RescheduleRequest r;
        r.id = o.value(u"id").toInteger();
        if (r.id <= 0)
            continue;
        r.patientId = o.value(u"patientId").toInteger();
        r.patientName = o.value(u"patientName").toString();
        r.phone = o.value(u"phone").toString();
        r.start = timeOf(o, u"start");
        r.end = timeOf(o, u"end");
        r.provider = o.value(u"provider").toString();
        r.location = o.value(u"location").toString();
        r.changeRequestedAt = timeOf(o, u"changeRequestedAt");
        r.conversationId = o.value(u"conversationId").toInteger();
        r.conversationCategory = o.value(u"conversationCategory").toString();
        r.windowOpen = o.value(u"windowOpen").toBool();
        queue.requests.append(r);
    }
    queue.providers = strings(body.value(u"providers").toArray());
    queue.locations = strings(body.value(u"locations").toArray());
    return queue;
}

AppointmentsClient::AppointmentsClient(HubClient &hub, HubSession session, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_session(std::move(session))
{
}

void AppointmentsClient::refresh()
{
    m_hub.get(m_session, QStringLiteral("/api/v1/appointments"),
              QUrlQuery{{QStringLiteral("queue"), QStringLiteral("reschedule")}}, this,
              [this](const HubReply &reply) {
                  if (!reply.ok())
                      return Q_EMIT failed(0, reply.error);
                  Q_EMIT queueLoaded(RescheduleQueue::fromJson(reply.body));
              });
}

void AppointmentsClient::reschedule(qint64 appointmentId, const QDateTime &start, int minutes,
                                    const QString &provider, const QString &location)
{
    const QString when = start.toOffsetFromUtc(start.offsetFromUtc()).toString(Qt::ISODateWithMs);
    // One key per offer, kept until the hub took it: sending the same offer again after a
    // dropped answer sends the patient one template, not two.
    const QString offer = QStringList{QString::number(appointmentId), when,
                                      QString::number(minutes), provider, location}
                              .join(u'\n');
    QString &key = m_offerKeys[offer];
    if (key.isEmpty())
        key = QStringLiteral("wl-reschedule-") + Core::Crypto::randomToken(16);
    const QJsonObject body{{QStringLiteral("start"), when},
                           {QStringLiteral("durationMinutes"), minutes},
                           {QStringLiteral("provider"), provider},
                           {QStringLiteral("location"), location},
                           {QStringLiteral("idempotencyKey"), key}};
    m_hub.send(m_session, "POST",
               QStringLiteral("/api/v1/appointments/%1/reschedule").arg(appointmentId), body, this,
               [this, appointmentId, offer](const HubReply &reply) {
                   if (!reply.ok())
                       return Q_EMIT failed(appointmentId, reply.error);
                   m_offerKeys.remove(offer);
                   Q_EMIT rescheduled(appointmentId);
               });
}

void AppointmentsClient::setStatus(qint64 appointmentId, const QString &status)
{
    m_hub.send(m_session, "POST",
               QStringLiteral("/api/v1/appointments/%1/status").arg(appointmentId),
               QJsonObject{{QStringLiteral("status"), status}}, this,
               [this, appointmentId, status](const HubReply &reply) {
                   if (!reply.ok())
                       return Q_EMIT failed(appointmentId, reply.error);
                   Q_EMIT statusSet(appointmentId, status);
               });
}

} // namespace Wardline::Console
