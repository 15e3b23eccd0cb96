#include "hub/webhookreceiver.h"

#include "core/clock.h"
#include "hub/careflow.h"
#include "hub/logging.h"
#include "hub/outboxworker.h"
#include "store/conversationrepository.h"
#include "store/database.h"
#include "store/eventlog.h"
#include "store/messagerepository.h"
#include "store/outboxrepository.h"
#include "store/patientrepository.h"
#include "whatsapp/verifyhandshake.h"
#include "whatsapp/webhookparser.h"
#include "whatsapp/webhooksignature.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUrlQuery>

namespace Wardline::Hub {

using namespace WhatsApp;

struct WebhookReceiver::Pending
{
    WebhookBatch batch;
    QByteArray bodyHash;
    HttpResponder responder;
};

namespace {
QByteArray errorJson(const char *code, const char *message)
{
    return QByteArray("{\"error\":{\"code\":\"") + code + "\",\"message\":\"" + message + "\"}}";
}

// What staff read for a message; the full JSON is kept beside it.
QString displayBody(const WebhookMessage &m)
{
    if (!m.text.isEmpty())
        return m.text;
    if (m.media)
        return m.media->caption;
    if (m.interactive)
        return m.interactive->title.isEmpty() ? m.interactive->flowBody : m.interactive->title;
    if (m.button)
        return m.button->text;
    if (m.reaction)
        return m.reaction->emoji;
    if (m.location) {
        const QString place = m.location->name.isEmpty() ? m.location->address : m.location->name;
        return place.isEmpty() ? QStringLiteral("%1, %2")
                                     .arg(m.location->latitude, 0, 'f', 6)
                                     .arg(m.location->longitude, 0, 'f', 6)
                               : place;
    }
    if (!m.sharedContacts.isEmpty())
        return m.sharedContacts.constFirst().formattedName;
    if (m.order)
        return m.order->text;
    if (m.system)
        return m.system->body;
    return {};
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
} // namespace

WebhookReceiver::WebhookReceiver(QSqlDatabase db, QByteArray appSecret, QString verifyToken,
                                 const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_appSecret(std::move(appSecret))
    , m_verifyToken(std::move(verifyToken))
    , m_clock(clock)
{
}

WebhookReceiver::~WebhookReceiver()
{
    // Whatever was received but not yet committed is committed now (SIGTERM drains).
    if (!m_pending.isEmpty())
        flush();
}

void WebhookReceiver::handle(const HttpRequest &request, HttpResponder responder)
{
    const qsizetype queryStart = request.target.indexOf('?');
    const QByteArray path = queryStart < 0 ? request.target : request.target.left(queryStart);
    if (path != "/webhook") {
        responder.respond(404, errorJson("not_found", "The webhook path is /webhook."));
        return;
    }
    if (request.method == "GET") {
        handshake(request, responder);
        return;
    }
    if (request.method != "POST") {
        responder.respond(405, errorJson("method", "Only GET and POST."));
        return;
    }
    const auto verification =
        WebhookSignature::verify(m_appSecret, request.body, request.header("x-hub-signature-256"));
    if (verification != WebhookSignature::Verification::Valid) {
        qCWarning(lcHub, "webhook refused: bad or missing signature from %s",
                  qPrintable(request.peer.toString()));
        responder.respond(401, errorJson("signature", "X-Hub-Signature-256 does not match."));
        return;
    }
    WebhookParseResult parsed = WebhookParser::parse(request.body);
    if (!parsed) {
        qCWarning(lcHub, "webhook refused: %s", qUtf8Printable(parsed.error()));
        responder.respond(400, errorJson("malformed", "The body is not a WhatsApp webhook."));
        return;
    }
    for (const WebhookProblem &problem : parsed->problems)
        qCWarning(lcHub, "webhook item skipped: %s", qUtf8Printable(problem.toString()));
    m_pending.append({std::move(parsed).value(),
                      QCryptographicHash::hash(request.body, QCryptographicHash::Sha256).toHex(),
                      responder});
    if (!m_flushScheduled) {
        // Everything that arrives before the event loop comes round again joins this commit.
        m_flushScheduled = true;
        QTimer::singleShot(0, this, &WebhookReceiver::flush);
    }
}

void WebhookReceiver::handshake(const HttpRequest &request, HttpResponder responder)
{
    const QUrlQuery query(QString::fromUtf8(request.target.mid(request.target.indexOf('?') + 1)));
    const auto value = [&query](QStringView name) {
        return query.queryItemValue(name.toString(), QUrl::FullyDecoded);
    };
    const auto challenge = VerifyHandshake::respond(
        value(VerifyHandshake::ModeParameter), value(VerifyHandshake::VerifyTokenParameter),
        value(VerifyHandshake::ChallengeParameter), m_verifyToken);
    if (!challenge) {
        responder.respond(403, errorJson("verify_token", "The verify token does not match."));
        return;
    }
    responder.respond(200, challenge->toUtf8(), "text/plain");
}

void WebhookReceiver::flush()
{
    m_flushScheduled = false;
    if (m_pending.isEmpty())
        return;
    const QList<Pending> group = std::exchange(m_pending, {});
    QList<qint64> newMessages;
    QString error;
    if (auto refreshed = m_careFlow ? m_careFlow->refreshSettings() : Core::Status(); !refreshed) {
        error = refreshed.error();
    } else if (!m_db.transaction()) {
        error = Store::Database::describe(m_db.lastError());
    } else {
        for (const Pending &delivery : group) {
            if (auto stored = store(delivery, &newMessages); !stored) {
                error = stored.error();
                break;
            }
        }
        if (error.isEmpty() && !m_db.commit())
            error = Store::Database::describe(m_db.lastError());
        if (!error.isEmpty())
            (void)m_db.rollback();
    }
    if (!error.isEmpty()) {
        // Nothing of this group is acknowledged: Meta delivers it again later.
        qCCritical(lcHub, "webhook commit failed, answering 503 to %lld deliveries: %s",
                   qlonglong(group.size()), qUtf8Printable(error));
        for (const Pending &delivery : group)
            HttpResponder(delivery.responder)
                .respond(503, errorJson("storage", "Not stored; deliver again later."));
        return;
    }
    ++m_commits;
    m_deliveries += group.size();
    for (const Pending &delivery : group)
        HttpResponder(delivery.responder).respond(200);
    if (!newMessages.isEmpty())
        Q_EMIT messagesStored(newMessages);
}

Core::Status WebhookReceiver::store(const Pending &delivery, QList<qint64> *newMessages)
{
    const QDateTime now = m_clock.now();
    Store::PatientRepository patients(m_db);
    Store::ConversationRepository conversations(m_db);
    Store::MessageRepository messages(m_db);
    Store::EventLog events(m_db);
    auto fail = [](const QString &error) { return Core::Status::failure(error); };

    for (const WebhookEntry &entry : delivery.batch.entries) {
        for (const WebhookChange &change : entry.changes) {
            for (const WebhookMessage &message : change.messages) {
                const WebhookContact *contact = change.contactFor(message);
                Store::PatientIdentity identity;
                identity.waId = message.from.isEmpty() && contact ? contact->waId : message.from;
                identity.userId = !message.fromUserId.isEmpty() ? message.fromUserId
                                  : contact                     ? contact->userId
                                                                : QString();
                identity.profileName = contact ? contact->profileName : QString();
                auto patient = patients.resolve(identity, now);
                if (!patient)
                    return fail(patient.error());
                if (message.system && !message.system->newWaId.isEmpty()) {
                    if (auto s = patients.addWaId(patient.value(), message.system->newWaId, now);
                        !s)
                        return s;
                }
                bool opened = false;
                auto conversation = conversations.openFor(
                    patient.value(), change.metadata.phoneNumberId, now, &opened);
                if (!conversation)
                    return fail(conversation.error());
                Store::InboundMessage record;
                record.conversationId = conversation.value();
                record.wamid = message.id;
                record.type = message.typeName;
                record.body = displayBody(message);
                record.payload = compact(message.raw);
                record.replyToWamid = message.context ? message.context->id : QString();
                record.sentAt = message.timestamp.isValid() ? message.timestamp : now;
                auto inserted = messages.insertInbound(record, now);
                if (!inserted)
                    return fail(inserted.error());
                if (!inserted.value())
                    continue; // a redelivery: already recorded
                const qint64 messageId = *inserted.value();
                if (auto s = conversations.recordInbound(conversation.value(), record.sentAt); !s)
                    return s;
                if (message.media && !message.media->id.isEmpty()) {
                    // Fetched right after this commit: Meta's media ids expire.
                    QSqlQuery media(m_db);
                    media.prepare(QStringLiteral(
                        "INSERT INTO media (message_id, meta_media_id, mime_type, sha256) "
                        "VALUES (?, ?, ?, ?) ON CONFLICT (meta_media_id) DO NOTHING"));
                    media.addBindValue(messageId);
                    media.addBindValue(message.media->id);
                    media.addBindValue(message.media->mimeType);
                    media.addBindValue(message.media->sha256);
                    if (!media.exec())
                        return fail(Store::Database::describe(media.lastError()));
                }
                if (opened) {
                    auto e =
                        events.append(QStringLiteral("conversation.opened"),
                                      {{QStringLiteral("conversationId"), conversation.value()},
                                       {QStringLiteral("patientId"), patient.value()}},
                                      now);
                    if (!e)
                        return fail(e.error());
                }
                auto e = events.append(QStringLiteral("message.received"),
                                       {{QStringLiteral("conversationId"), conversation.value()},
                                        {QStringLiteral("messageId"), messageId}},
                                       now);
                if (!e)
                    return fail(e.error());
                if (m_careFlow) {
                    PatientMessage incoming;
                    incoming.patientId = patient.value();
                    incoming.conversationId = conversation.value();
                    incoming.messageId = messageId;
                    incoming.firstContact = opened;
                    incoming.type = message.typeName;
                    incoming.text = record.body;
                    incoming.replyId = message.button        ? message.button->payload
                                       : message.interactive ? message.interactive->id
                                                             : QString();
                    if (auto s = m_careFlow->handle(incoming, now); !s)
                        return s;
                }
                newMessages->append(messageId);
            }
            if (change.templateStatus) {
                if (auto s = storeTemplateStatus(*change.templateStatus, now); !s)
                    return s;
            }
            for (const WebhookStatus &status : change.statuses) {
                // A status for one of our sends names its outbox row: an uncertain send (timeout,
                // crash) is settled here instead of being sent twice.
                if (status.bizOpaqueCallbackData.startsWith(OutboxWorker::CallbackPrefix)) {
                    auto settled = Store::OutboxRepository(m_db).reconcile(
                        status.bizOpaqueCallbackData.mid(OutboxWorker::CallbackPrefix.size()),
                        status.id, now);
                    if (!settled)
                        return fail(settled.error());
                    if (settled.value()) {
                        // As when the send's own answer arrives: consoles follow the outbox row.
                        auto e = events.append(
                            QStringLiteral("message.sent"),
                            {{QStringLiteral("outboxId"), settled.value()->id},
                             {QStringLiteral("conversationId"), settled.value()->conversationId},
                             {QStringLiteral("code"), 0}},
                            now);
                        if (!e)
                            return fail(e.error());
                    }
                }
                const WebhookError *error =
                    status.errors.isEmpty() ? nullptr : &status.errors.first();
                auto applied = messages.applyStatus(
                    status.id, status.statusName, status.status,
                    status.timestamp.isValid() ? status.timestamp : now, compact(status.raw),
                    error ? int(error->code) : 0, error ? error->title : QString());
                if (!applied)
                    return fail(applied.error());
                if (applied.value()) {
                    auto e = events.append(QStringLiteral("message.status"),
                                           {{QStringLiteral("wamid"), status.id},
                                            {QStringLiteral("status"), status.statusName}},
                                           now);
                    if (!e)
                        return fail(e.error());
                }
            }
        }
    }
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO webhook_deliveries (received_at, body_sha256, "
                                 "messages, statuses, problems) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(now);
    query.addBindValue(QString::fromLatin1(delivery.bodyHash));
    query.addBindValue(delivery.batch.messageCount());
    query.addBindValue(delivery.batch.statusCount());
    query.addBindValue(delivery.batch.problems.size());
    if (!query.exec())
        return fail(Store::Database::describe(query.lastError()));
    return {};
}

Core::Status WebhookReceiver::storeTemplateStatus(const WebhookTemplateStatus &status,
                                                  const QDateTime &now)
{
    // Meta's review result: what the scheduler and the composers may send from now on.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO templates (meta_id, name, language, category, status, reason, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name, language) DO UPDATE SET status = "
        "excluded.status, reason = excluded.reason, meta_id = coalesce(excluded.meta_id, "
        "templates.meta_id), updated_at = excluded.updated_at"));
    const QString reason = status.reason == QLatin1String("NONE") ? QString() : status.reason;
    for (const QVariant &v :
         {QVariant(status.templateId.isEmpty() ? QVariant() : status.templateId),
          QVariant(status.name), QVariant(status.language), QVariant(status.category),
          QVariant(status.event), QVariant(reason), QVariant(now)})
        q.addBindValue(v);
    if (!q.exec())
        return Core::Status::failure(Store::Database::describe(q.lastError()));
    auto e = Store::EventLog(m_db).append(QStringLiteral("template.status"),
                                          {{QStringLiteral("name"), status.name},
                                           {QStringLiteral("language"), status.language},
                                           {QStringLiteral("status"), status.event}},
                                          now);
    return e ? Core::Status() : Core::Status::failure(e.error());
}

} // namespace Wardline::Hub
