#include "console/photoreviewclient.h"

#include "console/hubclient.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace Wardline::Console {

namespace {
QDateTime time(const QJsonObject &row, QLatin1StringView key)
{
    return QDateTime::fromString(row.value(key).toString(), Qt::ISODateWithMs);
}
} // namespace

QString PhotoReview::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Expected:
        return QStringLiteral("expected");
    case Outcome::Clinician:
        return QStringLiteral("clinician");
    case Outcome::Urgent:
        return QStringLiteral("urgent");
    case Outcome::None:
        break;
    }
    return {};
}

PhotoReview::Outcome PhotoReview::outcomeFromName(const QString &name)
{
    for (Outcome o : {Outcome::Expected, Outcome::Clinician, Outcome::Urgent}) {
        if (outcomeName(o) == name)
            return o;
    }
    return Outcome::None;
}

PhotoReviewClient::PhotoReviewClient(HubClient &hub, const HubSession &session, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_session(session)
{
}

QList<PhotoReview> PhotoReviewClient::parse(const QJsonArray &rows)
{
    QList<PhotoReview> out;
    out.reserve(rows.size());
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        PhotoReview p;
        p.id = row.value(u"id").toInteger();
        p.conversationId = row.value(u"conversationId").toInteger();
        p.messageId = row.value(u"messageId").toInteger();
        p.mediaId = row.value(u"mediaId").toInteger();
        p.mediaState = row.value(u"mediaState").toString();
        p.patientId = row.value(u"patientId").toInteger();
        p.patientName = row.value(u"patientName").toString();
        p.priority = row.value(u"priority").toString();
        p.pathwayDay = row.value(u"pathwayDay").isDouble() ? row.value(u"pathwayDay").toInt() : -1;
        p.receivedAt = time(row, QLatin1StringView("receivedAt"));
        p.reviewed = row.value(u"state").toString() == QLatin1StringView("reviewed");
        p.outcome = PhotoReview::outcomeFromName(row.value(u"outcome").toString());
        p.note = row.value(u"note").toString();
        p.reviewer = row.value(u"reviewer").toString();
        p.reviewedAt = time(row, QLatin1StringView("reviewedAt"));
        p.markupMediaId = row.value(u"markupMediaId").toInteger();
        if (p.id > 0)
            out.append(p);
    }
    return out;
}

void PhotoReviewClient::refreshQueue()
{
    if (m_fetching) {
        m_again = true;
        return;
    }
    m_fetching = true;
    m_hub.get(m_session, QStringLiteral("/api/v1/photo-reviews"), QUrlQuery(), this,
              [this](const HubReply &reply) { queueAnswered(reply); });
}

void PhotoReviewClient::queueAnswered(const HubReply &reply)
{
    m_fetching = false;
    if (m_again) { // what changed meanwhile may not be in this answer
        m_again = false;
        refreshQueue();
        return;
    }
    if (!reply.ok()) {
        Q_EMIT queueFailed(reply.error);
        return;
    }
    m_queue = parse(reply.body.value(u"photos").toArray());
    Q_EMIT queueChanged();
}

void PhotoReviewClient::loadHistory(qint64 patientId)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("patient"), QString::number(patientId));
    m_hub.get(m_session, QStringLiteral("/api/v1/photo-reviews"), query, this,
              [this, patientId](const HubReply &reply) {
                  if (reply.ok())
                      Q_EMIT historyLoaded(patientId, parse(reply.body.value(u"photos").toArray()));
                  else
                      Q_EMIT historyFailed(patientId, reply.error);
              });
}

void PhotoReviewClient::loadImage(qint64 mediaId)
{
    m_hub.fetch(m_session, QStringLiteral("/api/v1/media/%1").arg(mediaId), this,
                [this, mediaId](const HubReply &reply) {
                    if (reply.ok())
                        Q_EMIT imageLoaded(mediaId, reply.data);
                    else
                        Q_EMIT imageFailed(mediaId, reply.error);
                });
}

void PhotoReviewClient::review(qint64 id, PhotoReview::Outcome outcome, const QString &note,
                               const QByteArray &markupPng)
{
    QJsonObject body{{QStringLiteral("outcome"), PhotoReview::outcomeName(outcome)},
                     {QStringLiteral("note"), note}};
    if (!markupPng.isEmpty())
        body.insert(QStringLiteral("markupPng"), QString::fromLatin1(markupPng.toBase64()));
    m_hub.send(m_session, "POST", QStringLiteral("/api/v1/photo-reviews/%1").arg(id), body, this,
               [this, id, outcome](const HubReply &reply) {
                   if (!reply.ok()) {
                       Q_EMIT reviewFailed(id, reply.error);
                       return;
                   }
                   // Gone from this console now; the event tells every other one.
                   const auto before = m_queue.size();
                   m_queue.removeIf([id](const PhotoReview &p) { return p.id == id; });
                   Q_EMIT reviewed(id, outcome);
                   if (m_queue.size() != before)
                       Q_EMIT queueChanged();
                   refreshQueue();
               });
}

} // namespace Wardline::Console
