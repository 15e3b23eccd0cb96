#include "whatsapp/graphclient.h"

#include "whatsapp/logging.h"
#include "whatsapp/sendlimits.h"

#include <QCryptographicHash>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QUrlQuery>

#include <algorithm>

namespace Wardline::WhatsApp {

namespace {
// Graph answers are small JSON documents; a template list page is the largest. Anything far
// beyond is not Meta.
constexpr qint64 MaxJsonBytes = 16 * 1024 * 1024;

/// Wraps a caller's callback: skipped once the context is gone, logs failures without content.
template<typename T> class Completion
{
public:
    Completion(QObject *context, GraphClient::Callback<T> callback, const char *operation)
        : m_context(context)
        , m_hasContext(context != nullptr)
        , m_callback(std::move(callback))
        , m_operation(operation)
    {
    }

    void operator()(GraphResult<T> result) const
    {
        if (!result.ok()) {
            const GraphApiError &error = result.error();
            if (error.origin() == GraphApiError::Origin::Validation &&
                error.errorClass() != GraphApiError::ErrorClass::Credentials) {
                qCDebug(lcWhatsApp).noquote()
                    << m_operation << "refused before sending:" << error.logSummary();
            } else {
                qCInfo(lcWhatsApp).noquote() << m_operation << "failed:" << error.logSummary();
            }
        }
        if (m_hasContext && !m_context)
            return;
        if (m_callback)
            m_callback(std::move(result));
    }

private:
    QPointer<QObject> m_context;
    bool m_hasContext;
    GraphClient::Callback<T> m_callback;
    const char *m_operation;
};

[[nodiscard]] bool isSuccess(const QJsonObject &json)
{
    return json.value(u"success").toBool(false);
}

// Graph ids are strings; accept numbers too rather than lose an id.
[[nodiscard]] QString idOf(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(qint64(value.toDouble()));
    return value.toString();
}

// A file name for the multipart header: no quotes, backslashes, line breaks or directories.
[[nodiscard]] QByteArray safeFileName(const QString &fileName)
{
    QString name = fileName.section(u'/', -1).section(u'\\', -1);
    QString safe;
    for (const QChar c : std::as_const(name)) {
        if (c == u'"' || c == u'\\' || c.category() == QChar::Other_Control)
            safe.append(u'_');
        else
            safe.append(c);
    }
    if (safe.trimmed().isEmpty())
        safe = QStringLiteral("file");
    return safe.toUtf8();
}
} // namespace

struct GraphClient::RawReply
{
    int status = 0; ///< HTTP status; 0 without an HTTP answer
    QByteArray body;
    QByteArray retryAfter;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    bool timedOut = false;
    bool tooLarge = false;
    bool cancelled = false;
    bool inFlight = false; ///< cancelled after the request was handed to the network
};

struct GraphClient::Request
{
    enum class Verb { Get, Post, Delete };
    Verb verb = Verb::Get;
    QUrl url;
    QByteArray body;                                  ///< JSON, for Post without multipart
    QByteArray contentType{"application/json"};       ///< of \a body
    QList<std::pair<QByteArray, QByteArray>> headers; ///< more, such as file_offset
    QHttpMultiPart *multipart = nullptr;
    qint64 maxBytes = MaxJsonBytes;
    bool download = false; ///< a media file: any content type, same-origin redirects only
};

struct GraphClient::Pending
{
    RawHandler handler;
    qint64 maxBytes = MaxJsonBytes;
    bool tooLarge = false;
};

struct GraphClient::TemplateCollection
{
    QList<GraphTemplate> templates;
    QSet<QString> cursors;
    int pages = 0;
};

GraphClient::GraphClient(GraphConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

GraphClient::~GraphClient()
{
    m_closing = true;
    while (!m_pending.isEmpty()) {
        const auto it = m_pending.begin();
        QNetworkReply *reply = it.key();
        const std::shared_ptr<Pending> pending = it.value();
        m_pending.erase(it);
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        delete reply;
        RawReply raw;
        raw.cancelled = true;
        raw.inFlight = true;
        pending->handler(std::move(raw));
    }
    flushDeferred();
}

void GraphClient::setAccessToken(const QByteArray &token)
{
    m_config.accessToken = token;
}

void GraphClient::setProxy(const QNetworkProxy &proxy)
{
    m_network.setProxy(proxy);
}

qsizetype GraphClient::pendingCalls() const
{
    return m_pending.size() + m_deferred.size();
}

// --- Plumbing -----------------------------------------------------------------------------------

void GraphClient::start(Request request, RawHandler handler)
{
    if (m_closing) {
        RawReply raw;
        raw.cancelled = true;
        handler(std::move(raw));
        return;
    }
    QNetworkRequest network(request.url);
    // RFC 6750 §2.1. The token goes only where the request goes: Graph, or a media URL that
    // mayCarryToken() accepted.
    network.setRawHeader(QByteArrayLiteral("Authorization"),
                         QByteArrayLiteral("Bearer ") + m_config.accessToken);
    network.setRawHeader(QByteArrayLiteral("Accept"), request.download
                                                          ? QByteArrayLiteral("*/*")
                                                          : QByteArrayLiteral("application/json"));
    network.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("Wardline/" WARDLINE_VERSION));
    // Inactivity, not total time: a large download that keeps moving is not cut off.
    network.setTransferTimeout(m_config.timeoutMs);
    network.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         request.download ? QNetworkRequest::SameOriginRedirectPolicy
                                          : QNetworkRequest::ManualRedirectPolicy);
    network.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    network.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // No cookies either way: nothing but the token identifies Wardline to Meta.
    network.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    network.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);

    for (const auto &[name, value] : std::as_const(request.headers))
        network.setRawHeader(name, value);

    QNetworkReply *reply = nullptr;
    switch (request.verb) {
    case Request::Verb::Get:
        reply = m_network.get(network);
        break;
    case Request::Verb::Post:
        if (request.multipart) {
            reply = m_network.post(network, request.multipart);
            request.multipart->setParent(reply);
        } else {
            network.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
            reply = m_network.post(network, request.body);
        }
        break;
    case Request::Verb::Delete:
        reply = m_network.deleteResource(network);
        break;
    }

    auto pending = std::make_shared<Pending>();
    pending->handler = std::move(handler);
    pending->maxBytes = request.maxBytes;
    m_pending.insert(reply, pending);
    connect(reply, &QNetworkReply::downloadProgress, this,
            [this, reply](qint64 received, qint64 total) {
                const auto it = m_pending.constFind(reply);
                if (it == m_pending.constEnd())
                    return;
                if (received > (*it)->maxBytes || total > (*it)->maxBytes) {
                    (*it)->tooLarge = true;
                    reply->abort(); // finishes at once, through finish()
                }
            });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
}

void GraphClient::finish(QNetworkReply *reply)
{
    const auto it = m_pending.find(reply);
    if (it == m_pending.end())
        return;
    const std::shared_ptr<Pending> pending = it.value();
    m_pending.erase(it);
    reply->deleteLater();

    RawReply raw;
    raw.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    raw.error = reply->error();
    raw.errorString = reply->errorString();
    raw.retryAfter = reply->rawHeader(QByteArrayLiteral("Retry-After"));
    raw.tooLarge = pending->tooLarge;
    // The transfer timeout aborts the reply (OperationCanceledError); the client itself aborts
    // only for tooLarge and in its destructor, which disconnects first.
    raw.timedOut = !raw.tooLarge && (raw.error == QNetworkReply::OperationCanceledError ||
                                     raw.error == QNetworkReply::TimeoutError);
    if (!raw.tooLarge && !raw.timedOut)
        raw.body = reply->readAll();
    pending->handler(std::move(raw));
}

void GraphClient::defer(std::function<void()> job)
{
    if (m_closing) {
        job();
        return;
    }
    m_deferred.append(std::move(job));
    if (m_deferred.size() == 1)
        QMetaObject::invokeMethod(this, &GraphClient::flushDeferred, Qt::QueuedConnection);
}

void GraphClient::flushDeferred()
{
    const QList<std::function<void()>> jobs = std::exchange(m_deferred, {});
    for (const std::function<void()> &job : jobs)
        job();
}

GraphApiError GraphClient::errorOf(const RawReply &raw) const
{
    if (raw.cancelled)
        return GraphApiError::cancelled(raw.inFlight);
    if (raw.timedOut)
        return GraphApiError::timeout(m_config.timeoutMs);
    if (raw.tooLarge)
        return GraphApiError::invalidResponse(raw.status, QStringLiteral("answer too large"));
    if (raw.status == 0)
        return GraphApiError::fromNetwork(raw.error, raw.errorString);
    return GraphApiError::fromHttp(raw.status, raw.body, raw.retryAfter);
}

GraphResult<QJsonObject> GraphClient::jsonResult(const RawReply &raw) const
{
    if (raw.cancelled || raw.timedOut || raw.tooLarge || raw.status < 200 || raw.status > 299)
        return errorOf(raw);
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(raw.body, &parseError);
    if (!document.isObject())
        return GraphApiError::invalidResponse(raw.status, QStringLiteral("not a JSON object"));
    const QJsonObject json = document.object();
    // Graph can put an error in a 200 answer (batch-style); never mistake it for success.
    if (json.value(u"error").isObject())
        return GraphApiError::fromErrorObject(json.value(u"error").toObject(), raw.status);
    return json;
}

QString GraphClient::configProblems(bool needsWaba) const
{
    QStringList problems = m_config.problems();
    if (needsWaba && m_config.wabaId.isEmpty())
        problems.append(tr("The WhatsApp Business Account ID (waba_id) is not set."));
    return problems.join(u' ');
}

QUrl GraphClient::templatesUrl(const QString &after, int limit) const
{
    QUrl url = m_config.endpoint({m_config.wabaId, QStringLiteral("message_templates")});
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("fields"), GraphTemplate::listFields());
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (!after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), after);
    url.setQuery(query);
    return url;
}

bool GraphClient::mayCarryToken(const QUrl &mediaUrl) const
{
    // Meta's media URLs are https (lookaside.fbsbx.com). Plain http only to the configured
    // Graph host itself, which is how the simulator serves them on loopback.
    if (mediaUrl.scheme() == u"https" && !mediaUrl.host().isEmpty())
        return true;
    return m_config.isSameOrigin(mediaUrl);
}

// --- Messages -----------------------------------------------------------------------------------

void GraphClient::postMessage(const QJsonObject &body,
                              std::function<void(GraphResult<QJsonObject>, int)> then)
{
    Request request;
    request.verb = Request::Verb::Post;
    request.url = m_config.endpoint({m_config.phoneNumberId, QStringLiteral("messages")});
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    start(std::move(request),
          [this, then = std::move(then)](RawReply raw) { then(jsonResult(raw), raw.status); });
}

void GraphClient::send(const GraphMessage &message, QObject *context, Callback<SentMessage> done)
{
    const Completion<SentMessage> completion(context, std::move(done), "send message");
    if (const QString problems = configProblems(false); !problems.isEmpty()) {
        defer([completion, problems] { completion(GraphApiError::misconfigured(problems)); });
        return;
    }
    postMessage(message.toJson(), [completion](GraphResult<QJsonObject> json, int status) {
        if (!json.ok())
            return completion(json.error());
        std::optional<SentMessage> sent = SentMessage::fromJson(json.value());
        if (!sent) {
            return completion(
                GraphApiError::invalidResponse(status, QStringLiteral("no messages[0].id")));
        }
        completion(std::move(*sent));
    });
}

void GraphClient::sendBuilt(Core::Result<GraphMessage> message, QObject *context,
                            Callback<SentMessage> done)
{
    if (!message.ok()) {
        const Completion<SentMessage> completion(context, std::move(done), "send message");
        defer([completion, error = message.error()] {
            completion(GraphApiError::validation(error));
        });
        return;
    }
    send(message.value(), context, std::move(done));
}

void GraphClient::sendText(const QString &to, const QString &body, bool previewUrl,
                           const QString &replyToMessageId, QObject *context,
                           Callback<SentMessage> done)
{
    Core::Result<GraphMessage> message = GraphMessage::text(to, body, previewUrl);
    if (message.ok() && !replyToMessageId.isEmpty()) {
        if (const Core::Status status = message->setReplyTo(replyToMessageId); !status.ok())
            message = Core::Result<GraphMessage>::failure(status.error());
    }
    sendBuilt(std::move(message), context, std::move(done));
}

void GraphClient::sendTemplate(const QString &to, const TemplateMessage &message, QObject *context,
                               Callback<SentMessage> done)
{
    sendBuilt(GraphMessage::templateMessage(to, message), context, std::move(done));
}

void GraphClient::sendReplyButtons(const QString &to, const ReplyButtonsMessage &message,
                                   QObject *context, Callback<SentMessage> done)
{
    sendBuilt(GraphMessage::replyButtons(to, message), context, std::move(done));
}

void GraphClient::sendList(const QString &to, const ListMessage &message, QObject *context,
                           Callback<SentMessage> done)
{
    sendBuilt(GraphMessage::list(to, message), context, std::move(done));
}

void GraphClient::sendMedia(const QString &to, const MediaMessage &message, QObject *context,
                            Callback<SentMessage> done)
{
    sendBuilt(GraphMessage::media(to, message), context, std::move(done));
}

void GraphClient::sendLocation(const QString &to, const LocationMessage &message, QObject *context,
                               Callback<SentMessage> done)
{
    sendBuilt(GraphMessage::location(to, message), context, std::move(done));
}

void GraphClient::sendReaction(const QString &to, const QString &messageId, const QString &emoji,
                               QObject *context, Callback<SentMessage> done)
{
    sendBuilt(GraphMessage::reaction(to, messageId, emoji), context, std::move(done));
}

void GraphClient::markAsRead(const QString &messageId, QObject *context, Callback<GraphDone> done)
{
    const Completion<GraphDone> completion(context, std::move(done), "mark as read");
    if (const QString problems = configProblems(false); !problems.isEmpty()) {
        defer([completion, problems] { completion(GraphApiError::misconfigured(problems)); });
        return;
    }
    if (const Core::Status status = SendLimits::checkMessageId(messageId); !status.ok()) {
        defer(
            [completion, error = status.error()] { completion(GraphApiError::validation(error)); });
        return;
    }
    // Meta, "Mark messages as read",
    // https://developers.facebook.com/docs/whatsapp/cloud-api/guides/mark-message-as-read
    const QJsonObject body{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                           {QStringLiteral("status"), QStringLiteral("read")},
                           {QStringLiteral("message_id"), messageId}};
    postMessage(body, [completion](GraphResult<QJsonObject> json, int status) {
        if (!json.ok())
            return completion(json.error());
        if (!isSuccess(json.value()))
            return completion(GraphApiError::invalidResponse(status, QStringLiteral("no success")));
        completion(GraphDone{});
    });
}

// --- Media --------------------------------------------------------------------------------------

void GraphClient::uploadForReview(const QString &appId, const QByteArray &data,
                                  const QString &fileName, const QString &mimeType,
                                  QObject *context, Callback<QString> done)
{
    const Completion<QString> completion(context, std::move(done), "upload an example file");
    if (const QString problems = configProblems(false); !problems.isEmpty() || appId.isEmpty()) {
        const QString why =
            appId.isEmpty() ? QStringLiteral("no Meta app id (whatsapp/app_id)") : problems;
        defer([completion, why] { completion(GraphApiError::misconfigured(why)); });
        return;
    }
    Request open;
    open.verb = Request::Verb::Post;
    open.url = m_config.endpoint({appId, QStringLiteral("uploads")});
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("file_length"), QString::number(data.size()));
    query.addQueryItem(QStringLiteral("file_type"), mimeType);
    query.addQueryItem(QStringLiteral("file_name"), QString::fromUtf8(safeFileName(fileName)));
    open.url.setQuery(query);
    start(std::move(open), [this, completion, data, mimeType](RawReply raw) {
        GraphResult<QJsonObject> json = jsonResult(raw);
        if (!json.ok())
            return completion(json.error());
        const QString session = json.value().value(u"id").toString();
        if (!session.startsWith(u"upload:"))
            return completion(
                GraphApiError::invalidResponse(raw.status, QStringLiteral("no upload session")));
        Request bytes;
        bytes.verb = Request::Verb::Post;
        bytes.url = m_config.endpoint({session});
        bytes.body = data;
        bytes.contentType = mimeType.toUtf8();
        bytes.headers = {{QByteArrayLiteral("file_offset"), QByteArrayLiteral("0")}};
        start(std::move(bytes), [this, completion](RawReply sent) {
            GraphResult<QJsonObject> answer = jsonResult(sent);
            if (!answer.ok())
                return completion(answer.error());
            const QString handle = answer.value().value(u"h").toString();
            if (handle.isEmpty())
                return completion(
                    GraphApiError::invalidResponse(sent.status, QStringLiteral("no file handle")));
            completion(handle);
        });
    });
}

void GraphClient::uploadMedia(const QByteArray &data, const QString &fileName,
                              const QString &mimeType, QObject *context, Callback<QString> done)
{
    const Completion<QString> completion(context, std::move(done), "upload media");
    if (const QString problems = configProblems(false); !problems.isEmpty()) {
        defer([completion, problems] { completion(GraphApiError::misconfigured(problems)); });
        return;
    }
    if (const Core::Status status = SendLimits::checkUpload(mimeType, data.size()); !status.ok()) {
        defer(
            [completion, error = status.error()] { completion(GraphApiError::validation(error)); });
        return;
    }
    // Meta, "Upload media": multipart/form-data with messaging_product, type and file,
    // https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media
    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    const auto field = [multipart](const QByteArray &name, const QByteArray &value) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QByteArray(QByteArrayLiteral("form-data; name=\"") + name + '"'));
        part.setBody(value);
        multipart->append(part);
    };
    field(QByteArrayLiteral("messaging_product"), QByteArrayLiteral("whatsapp"));
    field(QByteArrayLiteral("type"), mimeType.toUtf8());
    QHttpPart file;
    file.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QByteArray(QByteArrayLiteral("form-data; name=\"file\"; filename=\"") +
                              safeFileName(fileName) + '"'));
    file.setHeader(QNetworkRequest::ContentTypeHeader, mimeType.toUtf8());
    file.setBody(data);
    multipart->append(file);

    Request request;
    request.verb = Request::Verb::Post;
    request.url = m_config.endpoint({m_config.phoneNumberId, QStringLiteral("media")});
    request.multipart = multipart;
    start(std::move(request), [this, completion](RawReply raw) {
        GraphResult<QJsonObject> json = jsonResult(raw);
        if (!json.ok())
            return completion(json.error());
        const QString id = idOf(json.value().value(u"id"));
        if (id.isEmpty())
            return completion(GraphApiError::invalidResponse(raw.status, QStringLiteral("no id")));
        completion(id);
    });
}

void GraphClient::fetchMediaInfo(const QString &mediaId,
                                 std::function<void(GraphResult<MediaInfo>)> then)
{
    Request request;
    request.url = m_config.endpoint({mediaId});
    // Meta only answers when the media belongs to this business number.
    request.url.setQuery(QUrlQuery{{QStringLiteral("phone_number_id"), m_config.phoneNumberId}});
    start(std::move(request), [this, mediaId, then = std::move(then)](RawReply raw) {
        GraphResult<QJsonObject> json = jsonResult(raw);
        if (!json.ok())
            return then(json.error());
        std::optional<MediaInfo> info = MediaInfo::fromJson(json.value());
        if (!info)
            return then(GraphApiError::invalidResponse(raw.status, QStringLiteral("no url")));
        if (info->id.isEmpty())
            info->id = mediaId;
        then(std::move(*info));
    });
}

void GraphClient::mediaInfo(const QString &mediaId, QObject *context, Callback<MediaInfo> done)
{
    const Completion<MediaInfo> completion(context, std::move(done), "media info");
    if (const QString problems = configProblems(false); !problems.isEmpty()) {
        defer([completion, problems] { completion(GraphApiError::misconfigured(problems)); });
        return;
    }
    if (!GraphConfig::isObjectId(mediaId)) {
        defer([completion] {
            completion(GraphApiError::validation(tr("The attachment's ID is not valid.")));
        });
        return;
    }
    fetchMediaInfo(mediaId, completion);
}

void GraphClient::downloadMedia(const QString &mediaId, QObject *context, Callback<MediaFile> done)
{
    const Completion<MediaFile> completion(context, std::move(done), "download media");
    if (const QString problems = configProblems(false); !problems.isEmpty()) {
        defer([completion, problems] { completion(GraphApiError::misconfigured(problems)); });
        return;
    }
    if (!GraphConfig::isObjectId(mediaId)) {
        defer([completion] {
            completion(GraphApiError::validation(tr("The attachment's ID is not valid.")));
        });
        return;
    }
    fetchMedia(mediaId, 0, completion);
}

void GraphClient::downloadMedia(const MediaInfo &info, QObject *context, Callback<MediaFile> done)
{
    const Completion<MediaFile> completion(context, std::move(done), "download media");
    if (const QString problems = configProblems(false); !problems.isEmpty()) {
        defer([completion, problems] { completion(GraphApiError::misconfigured(problems)); });
        return;
    }
    if (!GraphConfig::isObjectId(info.id) || info.url.isEmpty()) {
        defer([completion] {
            completion(GraphApiError::validation(tr("The attachment's ID is not valid.")));
        });
        return;
    }
    // Through defer(): a refusal inside downloadFrom() must not reach the caller synchronously.
    defer([this, info, completion] { downloadFrom(info, 0, completion); });
}

void GraphClient::fetchMedia(const QString &mediaId, int attempt,
                             std::function<void(GraphResult<MediaFile>)> then)
{
    fetchMediaInfo(mediaId, [this, attempt, then = std::move(then)](GraphResult<MediaInfo> info) {
        if (!info.ok()) {
            // "Object does not exist" (100, subcode 33): the media id expired or was deleted.
            const GraphApiError &error = info.error();
            if (error.code() == 100 && error.subcode() == 33)
                return then(error.asMediaUnavailable());
            return then(error);
        }
        downloadFrom(info.value(), attempt, then);
    });
}

void GraphClient::downloadFrom(const MediaInfo &info, int attempt,
                               std::function<void(GraphResult<MediaFile>)> then)
{
    if (!mayCarryToken(info.url)) {
        return then(GraphApiError::invalidResponse(
            200, QStringLiteral("media URL is neither https nor the Graph host")));
    }
    if (info.fileSize > m_config.maxMediaBytes)
        return then(GraphApiError::mediaTooLarge(info.fileSize, m_config.maxMediaBytes));

    Request request;
    request.url = info.url;
    request.maxBytes = m_config.maxMediaBytes;
    request.download = true;
    start(std::move(request), [this, info, attempt, then = std::move(then)](RawReply raw) {
        if (raw.tooLarge)
            return then(GraphApiError::mediaTooLarge(-1, m_config.maxMediaBytes));
        // The URL lives about five minutes (Meta, "Download media"); an expired one answers
        // 401/403/404. Fetch a fresh one once; a second failure means the media is gone.
        const bool expired =
            raw.status == 401 || raw.status == 403 || raw.status == 404 || raw.status == 410;
        if (expired) {
            if (attempt == 0)
                return fetchMedia(info.id, attempt + 1, then);
            return then(GraphApiError::mediaUnavailable(raw.status));
        }
        if (raw.cancelled || raw.timedOut || raw.status < 200 || raw.status > 299)
            return then(errorOf(raw));
        const bool sizeMatches = info.fileSize < 0 || info.fileSize == raw.body.size();
        const std::optional<QByteArray> digest = info.sha256Digest();
        const bool digestMatches =
            !digest || *digest == QCryptographicHash::hash(raw.body, QCryptographicHash::Sha256);
        if (!sizeMatches || !digestMatches) {
            if (attempt == 0)
                return fetchMedia(info.id, attempt + 1, then);
            return then(GraphApiError::mediaCorrupted());
        }
        then(MediaFile{info, raw.body});
    });
}

// --- Templates ----------------------------------------------------------------------------------

void GraphClient::fetchTemplatePage(const QUrl &url,
                                    std::function<void(GraphResult<TemplatePage>)> then)
{
    Request request;
    request.url = url;
    start(std::move(request), [this, then = std::move(then)](RawReply raw) {
        GraphResult<QJsonObject> json = jsonResult(raw);
        if (!json.ok())
            return then(json.error());
        std::optional<TemplatePage> page = TemplatePage::fromJson(json.value());
        if (!page)
            return then(GraphApiError::invalidResponse(raw.status, QStringLiteral("no data")));
        then(std::move(*page));
    });
}

void GraphClient::listTemplatePage(const QString &after, int limit, QObject *context,
                                   Callback<TemplatePage> done)
{
    const Completion<TemplatePage> completion(context, std::move(done), "list templates");
    if (const QString problems = configProblems(true); !problems.isEmpty()) {
        defer([completion, problems] { completion(GraphApiError::misconfigured(problems)); });
        return;
    }
    fetchTemplatePage(templatesUrl(after, std::clamp(limit, 1, TemplatePageSize)), completion);
}

void GraphClient::listTemplates(QObject *context, Callback<QList<GraphTemplate>> done)
{
    const Completion<QList<GraphTemplate>> completion(context, std::move(done), "list templates");
    if (const QString problems = configProblems(true); !problems.isEmpty()) {
        defer([completion, problems] { completion(GraphApiError::misconfigured(problems)); });
        return;
    }
    collectTemplates(templatesUrl({}, TemplatePageSize), std::make_shared<TemplateCollection>(),
                     completion);
}

void GraphClient::collectTemplates(const QUrl &url, std::shared_ptr<TemplateCollection> collection,
                                   std::function<void(GraphResult<QList<GraphTemplate>>)> then)
{
    fetchTemplatePage(url, [this, collection, then](GraphResult<TemplatePage> page) {
        if (!page.ok())
            return then(page.error());
        collection->templates.append(page.value().templates);
        ++collection->pages;
        // Graph API "Paginated results": no `next` means this was the last page.
        if (!page.value().hasMore())
            return then(std::move(collection->templates));
        if (collection->pages >= MaxTemplatePages) {
            return then(GraphApiError::invalidResponse(200, QStringLiteral("too many pages")));
        }
        const QString &after = page.value().after;
        if (!after.isEmpty()) {
            if (collection->cursors.contains(after)) {
                return then(
                    GraphApiError::invalidResponse(200, QStringLiteral("paging cursor repeats")));
            }
            collection->cursors.insert(after);
            return collectTemplates(templatesUrl(after, TemplatePageSize), collection, then);
        }
        // No cursor, only `next`: follow it, but never send the token to another host.
        if (!m_config.isSameOrigin(page.value().next)) {
            return then(GraphApiError::invalidResponse(
                200, QStringLiteral("paging.next points to another host")));
        }
        const QString key = page.value().next.toString();
        if (collection->cursors.contains(key))
            return then(GraphApiError::invalidResponse(200, QStringLiteral("paging repeats")));
        collection->cursors.insert(key);
        collectTemplates(page.value().next, collection, then);
    });
}

void GraphClient::createTemplate(const GraphTemplate &definition, QObject *context,
                                 Callback<CreatedTemplate> done)
{
    const Completion<CreatedTemplate> completion(context, std::move(done), "create template");
    if (const QString problems = configProblems(true); !problems.isEmpty()) {
        defer([completion, problems] { completion(GraphApiError::misconfigured(problems)); });
        return;
    }
    if (const Core::Status status = definition.checkDefinition(); !status.ok()) {
        defer(
            [completion, error = status.error()] { completion(GraphApiError::validation(error)); });
        return;
    }
    Request request;
    request.verb = Request::Verb::Post;
    request.url = m_config.endpoint({m_config.wabaId, QStringLiteral("message_templates")});
    request.body = QJsonDocument(definition.toCreateJson()).toJson(QJsonDocument::Compact);
    start(std::move(request), [this, completion](RawReply raw) {
        GraphResult<QJsonObject> json = jsonResult(raw);
        if (!json.ok())
            return completion(json.error());
        QJsonObject answer = json.value();
        answer.insert(QStringLiteral("id"), idOf(answer.value(u"id")));
        std::optional<CreatedTemplate> created = CreatedTemplate::fromJson(answer);
        if (!created)
            return completion(GraphApiError::invalidResponse(raw.status, QStringLiteral("no id")));
        completion(std::move(*created));
    });
}

void GraphClient::deleteTemplate(const QString &name, QObject *context, Callback<GraphDone> done)
{
    const Completion<GraphDone> completion(context, std::move(done), "delete template");
    if (const QString problems = configProblems(true); !problems.isEmpty()) {
        defer([completion, problems] { completion(GraphApiError::misconfigured(problems)); });
        return;
    }
    if (!SendLimits::isTemplateName(name)) {
        defer([completion] {
            completion(GraphApiError::validation(
                tr("The template name may contain only lower-case letters, digits and "
                   "underscores.")));
        });
        return;
    }
    Request request;
    request.verb = Request::Verb::Delete;
    request.url = m_config.endpoint({m_config.wabaId, QStringLiteral("message_templates")});
    request.url.setQuery(QUrlQuery{{QStringLiteral("name"), name}});
    start(std::move(request), [this, completion](RawReply raw) {
        GraphResult<QJsonObject> json = jsonResult(raw);
        if (!json.ok())
            return completion(json.error());
        if (!isSuccess(json.value()))
            return completion(
                GraphApiError::invalidResponse(raw.status, QStringLiteral("no success")));
        completion(GraphDone{});
    });
}

} // namespace Wardline::WhatsApp
