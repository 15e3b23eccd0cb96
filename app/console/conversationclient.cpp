#include "console/conversationclient.h"

#include "console/cachewriter.h"
#include "console/conversationcache.h"
#include "console/hubclient.h"
#include "console/inboxstore.h"
#include "console/logging.h"
#include "core/clock.h"
#include "core/crypto.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace Wardline::Console {

QString ComposeLimits::imageType(const QByteArray &bytes)
{
    if (bytes.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8)))
        return QStringLiteral("image/png");
    if (bytes.startsWith(QByteArray("\xff\xd8\xff", 3)))
        return QStringLiteral("image/jpeg");
    return {};
}

namespace {
using Kind = MessageItem::Kind;
using Status = MessageItem::Status;

QString str(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString();
}

Status statusFrom(const QString &s)
{
    if (s == QLatin1StringView("sent"))
        return Status::Sent;
    if (s == QLatin1StringView("delivered"))
        return Status::Delivered;
    if (s == QLatin1StringView("read"))
        return Status::Read;
    if (s == QLatin1StringView("failed"))
        return Status::Failed;
    if (s == QLatin1StringView("pending"))
        return Status::Pending;
    return Status::None;
}

// The words of a template as sent: the body's text parameters in order.
QStringList templateValues(const QJsonObject &templ)
{
    QStringList values;
    const QJsonArray components = templ.value(QLatin1StringView("components")).toArray();
    for (const QJsonValue &c : components) {
        const QJsonObject component = c.toObject();
        if (str(component, QLatin1StringView("type"))
                .compare(QLatin1StringView("body"), Qt::CaseInsensitive) != 0)
            continue;
        const QJsonArray parameters = component.value(QLatin1StringView("parameters")).toArray();
        for (const QJsonValue &p : parameters)
            values.append(str(p.toObject(), QLatin1StringView("text")));
    }
    return values;
}

// What sending a failed message again takes: its words, or its template with the same values.
QJsonObject retryBodyFor(const MessageItem &m, const QJsonObject &templ)
{
    if (m.kind == Kind::Text)
        return {{QStringLiteral("text"), m.text}};
    if (m.kind != Kind::Template || templ.isEmpty())
        return {};
    return {{QStringLiteral("name"), str(templ, QLatin1StringView("name"))},
            {QStringLiteral("language"), templ.value(QLatin1StringView("language"))
                                             .toObject()
                                             .value(QLatin1StringView("code"))
                                             .toString()},
            {QStringLiteral("parameters"), QJsonArray::fromStringList(templateValues(templ))}};
}

// Reads a message's kind and words from Meta's message object (inbound) or the hub's record.
void fillFromPayload(MessageItem &m, const QString &type, const QJsonObject &payload)
{
    const QJsonObject content = payload.value(type).toObject();
    if (type == QLatin1StringView("text")) {
        m.kind = Kind::Text;
        if (m.text.isEmpty())
            m.text = str(content, QLatin1StringView("body"));
    } else if (type == QLatin1StringView("image") || type == QLatin1StringView("sticker") ||
               type == QLatin1StringView("video")) {
        m.kind = type == QLatin1StringView("image")   ? Kind::Image
                 : type == QLatin1StringView("video") ? Kind::Video
                                                      : Kind::Sticker;
        if (content.contains(QLatin1StringView("caption")))
            m.text = str(content, QLatin1StringView("caption"));
    } else if (type == QLatin1StringView("document")) {
        m.kind = Kind::Document;
        m.fileName = str(content, QLatin1StringView("filename"));
        if (content.contains(QLatin1StringView("caption")))
            m.text = str(content, QLatin1StringView("caption"));
    } else if (type == QLatin1StringView("audio")) {
        m.kind = Kind::Audio;
    } else if (type == QLatin1StringView("location")) {
        m.kind = Kind::Location;
        m.latitude = content.value(QLatin1StringView("latitude")).toDouble();
        m.longitude = content.value(QLatin1StringView("longitude")).toDouble();
        m.placeName = str(content, QLatin1StringView("name"));
        m.address = str(content, QLatin1StringView("address"));
    } else if (type == QLatin1StringView("reaction")) {
        m.kind = Kind::Reaction;
        m.emoji = str(content, QLatin1StringView("emoji"));
        m.reactedToWamid = str(content, QLatin1StringView("message_id"));
    } else if (type == QLatin1StringView("interactive")) {
        m.kind = Kind::InteractiveReply;
        for (const auto key :
             {QLatin1StringView("button_reply"), QLatin1StringView("list_reply")}) {
            const QJsonObject reply = content.value(key).toObject();
            if (!reply.isEmpty())
                m.text = str(reply, QLatin1StringView("title"));
        }
    } else if (type == QLatin1StringView("button")) {
        m.kind = Kind::ButtonReply;
        m.text = str(content, QLatin1StringView("text"));
        if (m.text.isEmpty())
            m.text = str(content, QLatin1StringView("payload"));
    } else if (type == QLatin1StringView("template")) {
        m.kind = Kind::Template;
        m.templateName = str(content, QLatin1StringView("name"));
    } else {
        m.kind = Kind::System;
    }
    const QString quoted = payload.value(QLatin1StringView("context"))
                               .toObject()
                               .value(QLatin1StringView("id"))
                               .toString();
    if (m.replyToWamid.isEmpty() && !quoted.isEmpty() && m.kind != Kind::Reaction)
        m.replyToWamid = quoted;
}

// A send waiting in the hub's outbox or on this workstation, shown as the patient will see it.
MessageItem pendingItem(const QJsonObject &graphBody, const QString &key, const QString &state)
{
    MessageItem m;
    m.direction = MessageItem::Direction::Out;
    m.status = state == QLatin1StringView("failed") ? Status::Failed : Status::Pending;
    m.pendingState = state;
    m.idempotencyKey = key;
    const QString type = str(graphBody, QLatin1StringView("type"));
    if (type == QLatin1StringView("template")) {
        const QJsonObject templ = graphBody.value(QLatin1StringView("template")).toObject();
        m.kind = Kind::Template;
        m.templateName = str(templ, QLatin1StringView("name"));
        m.text = templateValues(templ).join(QStringLiteral(" · "));
    } else if (type == QLatin1StringView("image")) {
        m.kind = Kind::Image;
        m.text = graphBody.value(QLatin1StringView("image"))
                     .toObject()
                     .value(QLatin1StringView("caption"))
                     .toString();
    } else {
        m.kind = Kind::Text;
        m.text = graphBody.value(QLatin1StringView("text"))
                     .toObject()
                     .value(QLatin1StringView("body"))
                     .toString();
    }
    return m;
}
} // namespace

QString TemplateInfo::render(const QStringList &values) const
{
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{(\\d+)\\}\\}"));
    QString out;
    qsizetype last = 0;
    auto it = placeholder.globalMatch(body);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(body).mid(last, match.capturedStart() - last);
        const int n = match.captured(1).toInt();
        out += n >= 1 && n <= values.size() && !values.at(n - 1).isEmpty() ? values.at(n - 1)
                                                                           : match.captured(0);
        last = match.capturedEnd();
    }
    out += QStringView(body).mid(last);
    return out;
}

ComposeLimits::ParameterProblem ComposeLimits::checkParameter(const QString &value)
{
    if (value.trimmed().isEmpty())
        return ParameterProblem::Empty;
    if (value.contains(u'\n') || value.contains(u'\r') || value.contains(u'\t'))
        return ParameterProblem::NewlineOrTab;
    if (value.contains(QLatin1StringView("     ")))
        return ParameterProblem::TooManySpaces;
    return ParameterProblem::None;
}

ConversationClient::ConversationClient(HubClient &hub, HubSession session, QSqlDatabase cache,
                                       const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_session(std::move(session))
    , m_db(std::move(cache))
    , m_clock(clock)
    , m_retryTimer(new QTimer(this))
{
    qRegisterMetaType<ConversationSnapshot>();
    qRegisterMetaType<TemplateInfo>();
    m_retryTimer->setInterval(5000);
    connect(m_retryTimer, &QTimer::timeout, this, &ConversationClient::deliverKept);
    // Sends kept by an earlier session on this workstation go out as soon as it can.
    if (keptCount() > 0)
        QTimer::singleShot(0, this, &ConversationClient::deliverKept);
}

ConversationClient::~ConversationClient() = default;

void ConversationClient::followInbox(InboxStore *store)
{
    if (!store)
        return;
    connect(store, &InboxStore::conversationChanged, this, [this](qint64 id) {
        if (id == m_currentId)
            refresh();
    });
}

void ConversationClient::setRetryInterval(int milliseconds)
{
    m_retryTimer->setInterval(milliseconds);
}

void ConversationClient::setCacheWriter(CacheWriter *writer)
{
    m_writer = writer;
}

void ConversationClient::open(qint64 id)
{
    if (id == m_currentId)
        return refresh();
    ++m_generation;
    m_currentId = id;
    m_current = {};
    m_lastAnswer = {};
    m_refreshing = false;
    m_refreshAgain = false;
    // What this workstation kept of it shows at once (and is all there is while offline); the
    // hub's answer follows.
    // Read on the cache's worker when there is one (thousands of rows to decrypt); a hub answer
    // that came first is newer and stays.
    const auto show = [this](std::optional<ConversationCache::Cached> cached) {
        if (!cached || !m_lastAnswer.isEmpty())
            return;
        m_lastAnswer = std::move(cached->answer);
        m_lastFetchedAt = cached->fetchedAt;
        parse(m_lastAnswer);
        Q_EMIT conversationLoaded(m_current);
    };
    if (m_writer) {
        const quint64 generation = m_generation;
        m_writer->run(
            this, [id](const QSqlDatabase &db) { return ConversationCache::load(db, id); },
            [this, generation, show](std::optional<ConversationCache::Cached> cached) {
                if (generation == m_generation)
                    show(std::move(cached));
            });
    } else if (m_db.isOpen()) {
        show(ConversationCache::load(m_db, id));
    }
    refresh();
}

void ConversationClient::close()
{
    ++m_generation;
    m_currentId = 0;
    m_current = {};
    m_lastAnswer = {};
}

void ConversationClient::refresh()
{
    if (m_currentId == 0)
        return;
    if (m_refreshing) { // one fetch at a time; a change during it asks for one more
        m_refreshAgain = true;
        return;
    }
    m_refreshing = true;
    const quint64 generation = m_generation;
    // Opening a conversation is the staff member at work, not background sync.
    m_hub.send(m_session, "GET", QStringLiteral("/api/v1/conversations/%1").arg(m_currentId), {},
               this, [this, generation](const HubReply &reply) {
                   if (generation != m_generation)
                       return;
                   m_refreshing = false;
                   if (!reply.ok()) {
                       Q_EMIT loadFailed(reply.error);
                   } else {
                       m_lastAnswer = reply.body;
                       m_lastFetchedAt = m_clock.now();
                       parse(m_lastAnswer);
                       Q_EMIT conversationLoaded(m_current);
                       if (m_writer) {
                           m_writer->storeConversation(m_currentId, m_lastAnswer, m_lastFetchedAt);
                       } else if (m_db.isOpen()) {
                           if (auto kept = ConversationCache::store(m_db, m_currentId, m_lastAnswer,
                                                                    m_lastFetchedAt);
                               !kept)
                               qCWarning(lcConsole, "the conversation was not kept locally: %s",
                                         qUtf8Printable(kept.error()));
                       }
                   }
                   if (std::exchange(m_refreshAgain, false))
                       refresh();
               });
}

void ConversationClient::parse(const QJsonObject &answer)
{
    ConversationSnapshot c;
    c.id = answer.value(QLatin1StringView("id")).toInteger();
    c.state = str(answer, QLatin1StringView("state"));
    c.category = str(answer, QLatin1StringView("category"));
    c.windowSecondsLeft = answer.value(QLatin1StringView("windowSecondsLeft")).toInteger();
    c.fetchedAt = m_lastFetchedAt;
    c.patient = PatientSummary::fromJson(answer.value(QLatin1StringView("patient")).toObject());
    QHash<QString, QString> wordsByWamid;
    const QJsonArray messages = answer.value(QLatin1StringView("messages")).toArray();
    for (const QJsonValue &v : messages) {
        const QJsonObject o = v.toObject();
        MessageItem m;
        m.id = o.value(QLatin1StringView("id")).toInteger();
        m.wamid = str(o, QLatin1StringView("wamid"));
        const QString direction = str(o, QLatin1StringView("direction"));
        m.direction = direction == QLatin1StringView("out")    ? MessageItem::Direction::Out
                      : direction == QLatin1StringView("note") ? MessageItem::Direction::Note
                                                               : MessageItem::Direction::In;
        m.status = statusFrom(str(o, QLatin1StringView("status")));
        m.text = str(o, QLatin1StringView("body"));
        m.errorCode = o.value(QLatin1StringView("errorCode")).toInt();
        m.errorText = str(o, QLatin1StringView("errorText"));
        m.sentAt = QDateTime::fromString(str(o, QLatin1StringView("sentAt")), Qt::ISODate);
        m.mediaId = o.value(QLatin1StringView("mediaId")).toInteger();
        m.replyToWamid = str(o, QLatin1StringView("replyToWamid"));
        m.authorName = str(o, QLatin1StringView("authorName"));
        m.triageReason = str(o, QLatin1StringView("triageReason"));
        const QString type = str(o, QLatin1StringView("type"));
        fillFromPayload(m, type, o.value(QLatin1StringView("payload")).toObject());
        if (m.direction == MessageItem::Direction::Note) {
            // A note that carries a file (a marked-up wound photo) is shown as that image.
            if (!(m.mediaId && type == QLatin1StringView("image")))
                m.kind = Kind::Note;
            m.status = Status::None;
        }
        if (m.direction == MessageItem::Direction::In) {
            m.status = Status::None;
            if (!m.triageReason.isEmpty())
                c.triageReason = m.triageReason;
        }
        if (m.status == Status::Failed)
            m.retryBody = retryBodyFor(
                m, o.value(QLatin1StringView("payload")).toObject().value(type).toObject());
        if (!m.wamid.isEmpty())
            wordsByWamid.insert(m.wamid, m.text);
        c.messages.append(m);
    }
    for (MessageItem &m : c.messages) {
        if (!m.replyToWamid.isEmpty())
            m.quotedText = wordsByWamid.value(m.replyToWamid);
        if (!m.reactedToWamid.isEmpty())
            m.reactedToText = wordsByWamid.value(m.reactedToWamid);
    }
    QSet<QString> atHub;
    const QJsonArray pending = answer.value(QLatin1StringView("pending")).toArray();
    for (const QJsonValue &v : pending) {
        const QJsonObject o = v.toObject();
        MessageItem m = pendingItem(o.value(QLatin1StringView("payload")).toObject(),
                                    str(o, QLatin1StringView("idempotencyKey")),
                                    str(o, QLatin1StringView("state")));
        m.errorCode = o.value(QLatin1StringView("errorCode")).toInt();
        m.errorText = str(o, QLatin1StringView("errorText"));
        m.sentAt = QDateTime::fromString(str(o, QLatin1StringView("queuedAt")), Qt::ISODate);
        if (m.status == Status::Failed)
            m.retryBody = retryBodyFor(m, o.value(QLatin1StringView("payload"))
                                              .toObject()
                                              .value(QLatin1StringView("template"))
                                              .toObject());
        atHub.insert(m.idempotencyKey);
        if (m.kind == Kind::Image)
            m.imageBytes = m_localImages.value(m.idempotencyKey).second;
        c.messages.append(m);
    }
    // What this workstation still keeps, unless the hub already has it.
    const QList<Kept> kept = keptSends();
    for (const Kept &k : kept) {
        if (k.conversationId != c.id || atHub.contains(k.key))
            continue;
        MessageItem m;
        m.direction = k.kind == QLatin1StringView("note") ? MessageItem::Direction::Note
                                                          : MessageItem::Direction::Out;
        m.kind = k.kind == QLatin1StringView("note")       ? Kind::Note
                 : k.kind == QLatin1StringView("template") ? Kind::Template
                 : k.kind == QLatin1StringView("image")    ? Kind::Image
                                                           : Kind::Text;
        m.status = Status::Pending;
        m.pendingState = QStringLiteral("offline");
        m.idempotencyKey = k.key;
        m.sentAt = k.createdAt;
        m.text = m.kind == Kind::Template ? k.body.value(QLatin1StringView("parameters"))
                                                .toVariant()
                                                .toStringList()
                                                .join(QStringLiteral(" · "))
                                          : str(k.body, QLatin1StringView("text"));
        if (m.kind == Kind::Image) {
            m.text = str(k.body, QLatin1StringView("caption"));
            m.imageBytes =
                QByteArray::fromBase64(str(k.body, QLatin1StringView("data")).toLatin1());
        }
        m.templateName = str(k.body, QLatin1StringView("name"));
        c.messages.append(m);
    }
    // A picture sent from here that is no longer pending in this conversation is the hub's
    // file now (or was refused): its copy in memory is not needed any more.
    for (auto it = m_localImages.begin(); it != m_localImages.end();) {
        const bool stillPending = atHub.contains(it.key()) ||
                                  std::any_of(kept.cbegin(), kept.cend(),
                                              [&it](const Kept &k) { return k.key == it.key(); });
        if (it->first == c.id && !stillPending)
            it = m_localImages.erase(it);
        else
            ++it;
    }
    m_current = std::move(c);
}

void ConversationClient::sendText(const QString &text)
{
    enqueue(m_currentId, QStringLiteral("text"), {{QStringLiteral("text"), text}});
}

void ConversationClient::sendTemplate(const QString &name, const QString &language,
                                      const QStringList &values)
{
    enqueue(m_currentId, QStringLiteral("template"),
            {{QStringLiteral("name"), name},
             {QStringLiteral("language"), language},
             {QStringLiteral("parameters"), QJsonArray::fromStringList(values)}});
}

void ConversationClient::sendImage(const QByteArray &bytes, const QString &caption)
{
    const QString type = ComposeLimits::imageType(bytes);
    if (type.isEmpty() || bytes.size() > ComposeLimits::ImageMaxBytes ||
        caption.size() > ComposeLimits::CaptionMax) {
        Q_EMIT actionFailed(tr("WhatsApp takes JPEG and PNG pictures of at most 5 MB, with a "
                               "caption of at most 1,024 characters."),
                            false);
        return;
    }
    // The file travels in the kept send itself, so a send kept while the hub is unreachable
    // survives a restart of the console (the cache is encrypted like everything in it).
    enqueue(m_currentId, QStringLiteral("image"),
            {{QStringLiteral("caption"), caption},
             {QStringLiteral("mimeType"), type},
             {QStringLiteral("data"), QString::fromLatin1(bytes.toBase64())}});
}

void ConversationClient::addNote(const QString &text)
{
    enqueue(m_currentId, QStringLiteral("note"), {{QStringLiteral("text"), text}});
}

void ConversationClient::retry(const MessageItem &failed)
{
    if (failed.retryBody.isEmpty())
        return;
    // A new message with a new key: the failed one stays in the record as failed. A template
    // goes again as a template, so it may be sent outside the 24-hour window too.
    enqueue(m_currentId,
            failed.kind == MessageItem::Kind::Template ? QStringLiteral("template")
                                                       : QStringLiteral("text"),
            failed.retryBody);
}

void ConversationClient::enqueue(qint64 conversationId, const QString &kind, QJsonObject body)
{
    if (conversationId == 0)
        return;
    Kept kept;
    kept.key = QStringLiteral("wl-console-") + Core::Crypto::randomToken(24);
    kept.conversationId = conversationId;
    kept.kind = kind;
    body.insert(QStringLiteral("idempotencyKey"), kept.key);
    kept.body = body;
    kept.createdAt = m_clock.now().toUTC();
    if (kind == QLatin1StringView("image"))
        m_localImages.insert(
            kept.key, {conversationId, QByteArray::fromBase64(
                                           str(kept.body, QLatin1StringView("data")).toLatin1())});
    // Written down before it is sent: a crash or a lost answer leaves it to be sent again
    // with the same key, never lost and never doubled. On the cache's worker when there is
    // one, so the window never waits behind a long write; sent once it is kept.
    const auto sendOnceKept = [this, kept](bool stored) {
        if (!stored)
            m_memoryKept.insert(kept.key, kept);
        deliver(kept);
    };
    if (m_writer) {
        m_writer->run(
            this, [kept](const QSqlDatabase &db) { return keep(db, kept); }, sendOnceKept);
        return;
    }
    sendOnceKept(m_db.isValid() && m_db.isOpen() && keep(m_db, kept));
}

bool ConversationClient::keep(const QSqlDatabase &db, const Kept &kept)
{
    if (!db.isOpen())
        return false;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO outbox (key, conversation_id, kind, body, "
                             "created_at) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(kept.key);
    q.addBindValue(kept.conversationId);
    q.addBindValue(kept.kind);
    q.addBindValue(QString::fromUtf8(QJsonDocument(kept.body).toJson(QJsonDocument::Compact)));
    q.addBindValue(kept.createdAt.toString(Qt::ISODateWithMs));
    if (q.exec())
        return true;
    qCWarning(lcConsole, "a send could not be kept in the cache: %s",
              qPrintable(q.lastError().text()));
    return false;
}

QString ConversationClient::pathFor(const Kept &kept)
{
    const QString segment = kept.kind == QLatin1StringView("note") ? QStringLiteral("notes")
                            : kept.kind == QLatin1StringView("template")
                                ? QStringLiteral("templates")
                            : kept.kind == QLatin1StringView("image") ? QStringLiteral("media")
                                                                      : QStringLiteral("messages");
    return QStringLiteral("/api/v1/conversations/%1/%2").arg(kept.conversationId).arg(segment);
}

void ConversationClient::deliver(const Kept &kept)
{
    if (m_inFlight.contains(kept.key))
        return;
    m_inFlight.insert(kept.key);
    auto answered = [this, kept](const HubReply &reply) {
        m_inFlight.remove(kept.key);
        if (reply.status == 0) {
            // The hub is unreachable: kept, and tried again later with the same key.
            if (!m_retryTimer->isActive())
                m_retryTimer->start();
            Q_EMIT keptOffline(reply.error);
            // Shown at once as kept here: the hub cannot be asked for the record.
            if (kept.conversationId == m_currentId && !m_lastAnswer.isEmpty()) {
                parse(m_lastAnswer);
                Q_EMIT conversationLoaded(m_current);
            }
            return;
        }
        forget(kept.key);
        if (reply.ok()) {
            Q_EMIT sent(kept.key);
        } else {
            // Refused for good (window closed, too long, no permission): keeping it
            // would only be refused again. The staff member is told why, and the words
            // come back as the draft when there is none.
            const QString words = str(kept.body, QLatin1StringView("text"));
            if (!words.isEmpty() && draft(kept.conversationId).isEmpty())
                saveDraft(kept.conversationId, words);
            const QString code = reply.body.value(QLatin1StringView("error"))
                                     .toObject()
                                     .value(QLatin1StringView("code"))
                                     .toString();
            Q_EMIT actionFailed(reply.error, code == QLatin1StringView("needs_template"));
        }
        if (kept.conversationId == m_currentId)
            refresh();
    };
    if (kept.kind == QLatin1StringView("image")) {
        // The picture is the body; its caption travels percent-encoded in a header, so the
        // words never appear in a URL (POST /api/v1/conversations/ID/media).
        const QUrlQuery query{{QStringLiteral("idempotencyKey"), kept.key}};
        m_hub.upload(m_session, pathFor(kept), query,
                     QByteArray::fromBase64(str(kept.body, QLatin1StringView("data")).toLatin1()),
                     str(kept.body, QLatin1StringView("mimeType")).toLatin1(),
                     {{QByteArrayLiteral("X-Wardline-Caption"),
                       QUrl::toPercentEncoding(str(kept.body, QLatin1StringView("caption")))}},
                     this, answered);
        return;
    }
    m_hub.send(m_session, "POST", pathFor(kept), kept.body, this, answered);
}

void ConversationClient::forget(const QString &key)
{
    m_memoryKept.remove(key);
    const auto drop = [key](const QSqlDatabase &db) {
        if (!db.isOpen())
            return false;
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM outbox WHERE key = ?"));
        q.addBindValue(key);
        if (q.exec())
            return true;
        qCWarning(lcConsole, "a delivered send stayed in the cache: %s",
                  qPrintable(q.lastError().text()));
        return false;
    };
    if (m_writer)
        m_writer->run(this, drop, [](bool) {});
    else if (m_db.isValid())
        (void)drop(m_db);
    if (keptCount() == 0)
        m_retryTimer->stop();
}

QList<ConversationClient::Kept> ConversationClient::keptSends() const
{
    QList<Kept> out = m_memoryKept.values();
    if (!m_db.isValid() || !m_db.isOpen())
        return out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT key, conversation_id, kind, body, created_at FROM outbox "
                               "ORDER BY created_at, key")))
        return out;
    while (q.next()) {
        Kept k;
        k.key = q.value(0).toString();
        k.conversationId = q.value(1).toLongLong();
        k.kind = q.value(2).toString();
        k.body = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        k.createdAt = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
        out.append(k);
    }
    return out;
}

int ConversationClient::keptCount() const
{
    return int(keptSends().size());
}

void ConversationClient::deliverKept()
{
    const QList<Kept> kept = keptSends();
    if (kept.isEmpty())
        m_retryTimer->stop();
    for (const Kept &k : kept)
        deliver(k);
}

void ConversationClient::action(const QString &name)
{
    if (m_currentId == 0)
        return;
    const qint64 id = m_currentId;
    m_hub.send(m_session, "POST", QStringLiteral("/api/v1/conversations/%1/%2").arg(id).arg(name),
               {}, this, [this, id](const HubReply &reply) {
                   if (!reply.ok())
                       Q_EMIT actionFailed(reply.error, false);
                   if (id == m_currentId)
                       refresh();
               });
}

void ConversationClient::claim()
{
    action(QStringLiteral("claim"));
}

void ConversationClient::closeConversation()
{
    action(QStringLiteral("close"));
}

void ConversationClient::reopen()
{
    action(QStringLiteral("reopen"));
}

void ConversationClient::markRead()
{
    if (m_currentId == 0)
        return;
    // Quietly: a read receipt that does not reach the hub is sent with the next one.
    m_hub.send(m_session, "POST", QStringLiteral("/api/v1/conversations/%1/read").arg(m_currentId),
               {}, this, [](const HubReply &) {});
}

void ConversationClient::loadTemplates(const QString &language)
{
    // get() would mark this as background sync; choosing a template is the staff member's act.
    // Every language is asked for and filtered here: send() takes no query.
    m_hub.send(
        m_session, "GET", QStringLiteral("/api/v1/templates"), {}, this,
        [this, language](const HubReply &reply) {
            if (!reply.ok()) {
                Q_EMIT actionFailed(reply.error, false);
                return;
            }
            static const QRegularExpression placeholder(QStringLiteral("\\{\\{(\\d+)\\}\\}"));
            QList<TemplateInfo> out;
            const QJsonArray list = reply.body.value(QLatin1StringView("templates")).toArray();
            for (const QJsonValue &v : list) {
                const QJsonObject o = v.toObject();
                TemplateInfo t;
                t.name = str(o, QLatin1StringView("name"));
                t.language = str(o, QLatin1StringView("language"));
                t.category = str(o, QLatin1StringView("category"));
                t.status = str(o, QLatin1StringView("status"));
                if (!language.isEmpty() && t.language != language)
                    continue;
                const QJsonArray components = o.value(QLatin1StringView("components")).toArray();
                for (const QJsonValue &cv : components) {
                    const QJsonObject c = cv.toObject();
                    const QString type = str(c, QLatin1StringView("type")).toUpper();
                    if (type == QLatin1StringView("HEADER") &&
                        str(c, QLatin1StringView("format")).toUpper() != QLatin1StringView("IMAGE"))
                        t.header = str(c, QLatin1StringView("text"));
                    else if (type == QLatin1StringView("BODY"))
                        t.body = str(c, QLatin1StringView("text"));
                    else if (type == QLatin1StringView("FOOTER"))
                        t.footer = str(c, QLatin1StringView("text"));
                    else if (type == QLatin1StringView("BUTTONS")) {
                        const QJsonArray buttons = c.value(QLatin1StringView("buttons")).toArray();
                        for (const QJsonValue &b : buttons)
                            t.buttons.append(str(b.toObject(), QLatin1StringView("text")));
                    }
                }
                auto it = placeholder.globalMatch(t.body);
                while (it.hasNext())
                    t.variableCount = std::max(t.variableCount, it.next().captured(1).toInt());
                out.append(t);
            }
            Q_EMIT templatesLoaded(out);
        });
}

void ConversationClient::loadMedia(qint64 mediaId)
{
    m_hub.fetch(m_session, QStringLiteral("/api/v1/media/%1").arg(mediaId), this,
                [this, mediaId](const HubReply &reply) {
                    if (reply.ok())
                        Q_EMIT mediaLoaded(mediaId, reply.data);
                });
}

QString ConversationClient::draft(qint64 conversationId) const
{
    // A draft on its way to the worker is the newest one.
    if (const auto pending = m_pendingDrafts.constFind(conversationId);
        pending != m_pendingDrafts.cend())
        return pending->text;
    if (!m_db.isValid() || !m_db.isOpen())
        return {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT body FROM drafts WHERE conversation_id = ?"));
    q.addBindValue(conversationId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

void ConversationClient::saveDraft(qint64 conversationId, const QString &text)
{
    if (!m_db.isValid() || !m_db.isOpen() || conversationId == 0)
        return;
    const QString at = m_clock.now().toUTC().toString(Qt::ISODate);
    const auto write = [conversationId, text, at](const QSqlDatabase &db) {
        if (!db.isOpen())
            return false;
        QSqlQuery q(db);
        if (text.isEmpty()) {
            q.prepare(QStringLiteral("DELETE FROM drafts WHERE conversation_id = ?"));
            q.addBindValue(conversationId);
        } else {
            q.prepare(QStringLiteral("INSERT INTO drafts (conversation_id, body, updated_at) "
                                     "VALUES (?, ?, ?) ON CONFLICT (conversation_id) DO UPDATE "
                                     "SET body = excluded.body, updated_at = excluded.updated_at"));
            q.addBindValue(conversationId);
            q.addBindValue(text);
            q.addBindValue(at);
        }
        if (q.exec())
            return true;
        qCWarning(lcConsole, "a draft was not kept: %s", qPrintable(q.lastError().text()));
        return false;
    };
    if (!m_writer) {
        (void)write(m_db);
        return;
    }
    // Every keystroke may save: the worker writes them in order, and the window reads the
    // newest from memory until the last one is written.
    PendingDraft &pending = m_pendingDrafts[conversationId];
    pending.text = text;
    const quint64 number = ++pending.number;
    m_writer->run(this, write, [this, conversationId, number](bool) {
        const auto it = m_pendingDrafts.constFind(conversationId);
        if (it != m_pendingDrafts.cend() && it->number == number)
            m_pendingDrafts.remove(conversationId);
    });
}

} // namespace Wardline::Console
