#pragma once

#include "whatsapp/graphconfig.h"
#include "whatsapp/graphmessage.h"
#include "whatsapp/graphresponses.h"
#include "whatsapp/graphresult.h"
#include "whatsapp/graphtemplate.h"
#include "whatsapp/sendcontent.h"
#include "whatsapp/sendtemplate.h"

#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkProxy;
class QNetworkReply;
QT_END_NAMESPACE

namespace Wardline::WhatsApp {

/// The hub's side of Meta's Graph API: send messages, mark them read, upload and download
/// media, list, create and delete templates. Fully asynchronous.
///
/// Every call delivers exactly one result — the value or a GraphApiError — to its callback,
/// always later from the event loop, never from inside the call (input that fails SendLimits
/// is refused without a network request, but still through the callback). The callback runs
/// in the client's thread and is skipped when \a context has been destroyed, as a connection
/// to a destroyed receiver is. Destroying the client ends pending calls with a Cancelled error.
/// Every request carries the bearer token; none is logged, nor is any message content.
class GraphClient : public QObject
{
    Q_OBJECT

public:
    template<typename T> using Callback = std::function<void(GraphResult<T>)>;

    explicit GraphClient(GraphConfig config, QObject *parent = nullptr);
    ~GraphClient() override;

    [[nodiscard]] const GraphConfig &config() const { return m_config; }
    /// A renewed token (IT replaced the token file); used from the next request on.
    void setAccessToken(const QByteArray &token);
    /// The proxy for every request; loopback tests pass QNetworkProxy::NoProxy.
    void setProxy(const QNetworkProxy &proxy);
    /// Requests on the wire plus results waiting to be delivered.
    [[nodiscard]] qsizetype pendingCalls() const;

    // --- Messages: POST /{phone-number-id}/messages --------------------------------------

    /// Sends a message built (and checked) earlier, e.g. one the outbox kept.
    void send(const GraphMessage &message, QObject *context, Callback<SentMessage> done);
    /// Free text; \a replyToMessageId, when not empty, quotes that message.
    void sendText(const QString &to, const QString &body, bool previewUrl,
                  const QString &replyToMessageId, QObject *context, Callback<SentMessage> done);
    void sendTemplate(const QString &to, const TemplateMessage &message, QObject *context,
                      Callback<SentMessage> done);
    void sendReplyButtons(const QString &to, const ReplyButtonsMessage &message, QObject *context,
                          Callback<SentMessage> done);
    void sendList(const QString &to, const ListMessage &message, QObject *context,
                  Callback<SentMessage> done);
    void sendMedia(const QString &to, const MediaMessage &message, QObject *context,
                   Callback<SentMessage> done);
    void sendLocation(const QString &to, const LocationMessage &message, QObject *context,
                      Callback<SentMessage> done);
    /// An empty \a emoji takes an earlier reaction back.
    void sendReaction(const QString &to, const QString &messageId, const QString &emoji,
                      QObject *context, Callback<SentMessage> done);
    /// Blue ticks for an incoming message: {"status":"read","message_id":…}.
    void markAsRead(const QString &messageId, QObject *context, Callback<GraphDone> done);

    // --- Media ------------------------------------------------------------------------------

    /// POST /{phone-number-id}/media (multipart); delivers the new media id.
    void uploadMedia(const QByteArray &data, const QString &fileName, const QString &mimeType,
                     QObject *context, Callback<QString> done);
    /// A template's example file for Meta's review, through the Resumable Upload API
    /// (https://developers.facebook.com/docs/graph-api/guides/upload): POST /{\a appId}/uploads
    /// opens a session, the bytes follow with file_offset 0; delivers the file handle that
    /// example.header_handle names.
    void uploadForReview(const QString &appId, const QByteArray &data, const QString &fileName,
                         const QString &mimeType, QObject *context, Callback<QString> done);
    /// GET /{media-id}: the short-lived download URL, type, size and digest.
    void mediaInfo(const QString &mediaId, QObject *context, Callback<MediaInfo> done);
    /// GET /{media-id}, then the URL with the bearer token. When the URL answers 401, 403, 404
    /// or 410 (it lives about five minutes) or the bytes do not match the announced digest,
    /// fetches a fresh URL once and tries again. Checked against GraphConfig::maxMediaBytes.
    void downloadMedia(const QString &mediaId, QObject *context, Callback<MediaFile> done);
    /// The same from a URL fetched earlier (mediaInfo()); an expired one is renewed once.
    void downloadMedia(const MediaInfo &info, QObject *context, Callback<MediaFile> done);

    // --- Templates: /{waba-id}/message_templates --------------------------------------------

    /// Every template, following paging.cursors.after until paging.next is absent.
    void listTemplates(QObject *context, Callback<QList<GraphTemplate>> done);
    /// One page: from the start when \a after is empty, else after that cursor.
    void listTemplatePage(const QString &after, int limit, QObject *context,
                          Callback<TemplatePage> done);
    /// Submits \a definition for review (GraphTemplate::checkDefinition() first).
    void createTemplate(const GraphTemplate &definition, QObject *context,
                        Callback<CreatedTemplate> done);
    /// DELETE ?name=…: every language of the template.
    void deleteTemplate(const QString &name, QObject *context, Callback<GraphDone> done);

    /// Pages listTemplates() follows at most; a WABA holds a few hundred templates at most.
    static constexpr int MaxTemplatePages = 200;
    static constexpr int TemplatePageSize = 100;

private:
    struct RawReply;
    struct Request;
    struct Pending;
    struct TemplateCollection;
    using RawHandler = std::function<void(RawReply)>;

    void start(Request request, RawHandler handler);
    void finish(QNetworkReply *reply);
    void defer(std::function<void()> job);
    void flushDeferred();
    [[nodiscard]] GraphResult<QJsonObject> jsonResult(const RawReply &raw) const;
    [[nodiscard]] GraphApiError errorOf(const RawReply &raw) const;
    [[nodiscard]] QString configProblems(bool needsWaba) const;
    [[nodiscard]] QUrl templatesUrl(const QString &after, int limit) const;
    [[nodiscard]] bool mayCarryToken(const QUrl &mediaUrl) const;

    void postMessage(const QJsonObject &body,
                     std::function<void(GraphResult<QJsonObject>, int)> then);
    void sendBuilt(Core::Result<GraphMessage> message, QObject *context,
                   Callback<SentMessage> done);
    void fetchMediaInfo(const QString &mediaId, std::function<void(GraphResult<MediaInfo>)> then);
    void fetchMedia(const QString &mediaId, int attempt,
                    std::function<void(GraphResult<MediaFile>)> then);
    void downloadFrom(const MediaInfo &info, int attempt,
                      std::function<void(GraphResult<MediaFile>)> then);
    void fetchTemplatePage(const QUrl &url, std::function<void(GraphResult<TemplatePage>)> then);
    void collectTemplates(const QUrl &url, std::shared_ptr<TemplateCollection> collection,
                          std::function<void(GraphResult<QList<GraphTemplate>>)> then);

    GraphConfig m_config;
    QNetworkAccessManager m_network;
    QHash<QNetworkReply *, std::shared_ptr<Pending>> m_pending;
    QList<std::function<void()>> m_deferred;
    bool m_closing = false;
};

} // namespace Wardline::WhatsApp
