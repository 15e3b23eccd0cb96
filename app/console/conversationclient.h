#pragma once

#include "console/hubsession.h"
#include "console/patientsummary.h"
#include "core/clock.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSqlDatabase>

#include <functional>
#include <utility>

class QTimer;

namespace Wardline::Console {

class CacheWriter;
class HubClient;
class InboxStore;
struct HubReply;

/// One message of an open conversation, as the conversation screen shows it.
struct MessageItem
{
    enum class Kind {
        Text,
        Image,
        Document,
        Audio,
        Video,
        Sticker,
        Location,
        Reaction,
        InteractiveReply, ///< the patient tapped a list row or reply button
        ButtonReply,      ///< the patient tapped a template's quick-reply button
        Template,
        Note,   ///< internal, never sent to the patient
        System, ///< anything Wardline cannot show as such (unsupported, contacts …)
    };
    enum class Direction { In, Out, Note };
    enum class Status { None, Pending, Sent, Delivered, Read, Failed };

    qint64 id = 0; ///< the hub's message id; 0 for a send not yet accepted by Meta
    QString wamid;
    Kind kind = Kind::Text;
    Direction direction = Direction::In;
    Status status = Status::None;
    QString text;     ///< body, caption, what was tapped, a template's rendered words
    QString fileName; ///< documents
    qint64 mediaId = 0;
    double latitude = 0;
    double longitude = 0;
    QString placeName;
    QString address;
    QString emoji;          ///< reactions; empty when the patient removed one
    QString reactedToWamid; ///< reactions
    QString reactedToText;  ///< the words of the message reacted to, when known
    QString replyToWamid;   ///< a quoted reply
    QString quotedText;     ///< the quoted message's words, when it is in this conversation
    QString templateName;   ///< templates
    QString authorName;     ///< staff who wrote it (outbound and notes)
    QString triageReason;   ///< inbound
    int errorCode = 0;      ///< Meta's code of a failed message
    QString errorText;      ///< Meta's reason of a failed message
    QDateTime sentAt;
    /// Sends not yet accepted by Meta: the hub's outbox state (queued, sending, uncertain,
    /// failed) or "offline" when still kept on this workstation.
    QString pendingState;
    QString idempotencyKey;
    QJsonObject retryBody; ///< for a failed send: what to send again
    /// An image this workstation sends that Meta has not accepted yet: its bytes, to show
    /// (the hub links the file to the message once it is sent).
    QByteArray imageBytes;

    [[nodiscard]] bool isPending() const { return !pendingState.isEmpty(); }
};

/// A conversation as GET /api/v1/conversations/ID gives it, plus this workstation's unsent
/// sends.
struct ConversationSnapshot
{
    qint64 id = 0;
    QString state; ///< open, closed
    QString category;
    qint64 windowSecondsLeft = 0; ///< WhatsApp's 24-hour window, at fetchedAt
    QDateTime fetchedAt;
    QString triageReason;        ///< why the conversation was flagged (its latest triaged message)
    PatientSummary patient;      ///< who it is with; what is coming up (the patient panel)
    QList<MessageItem> messages; ///< oldest first, pending sends last
};

/// An approved WhatsApp template the composer may send.
struct TemplateInfo
{
    QString name;
    QString language;
    QString category;
    QString status;
    QString header; ///< a TEXT header; empty for none or a media header
    QString body;   ///< with its {{1}} … placeholders
    QString footer;
    QStringList buttons;
    int variableCount = 0; ///< the highest {{n}} in the body

    /// The body with \a values in place of {{1}}, {{2}} … (a missing value stays a placeholder).
    [[nodiscard]] QString render(const QStringList &values) const;
};

/// Meta's limits on what staff type (WHATSAPP.md §3, §5), checked before a send.
namespace ComposeLimits {
inline constexpr int TextMax = 4096;
enum class ParameterProblem { None, Empty, NewlineOrTab, TooManySpaces };
inline constexpr int TemplateBodyMax = 1024;
/// WhatsApp's images: JPEG or PNG, at most 5 MB, a caption of at most 1024 characters
/// (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media).
inline constexpr qint64 ImageMaxBytes = 5 * 1024 * 1024;
inline constexpr int CaptionMax = 1024;
/// "image/png" or "image/jpeg" from the file's first bytes; empty for anything else.
[[nodiscard]] QString imageType(const QByteArray &bytes);
/// A template parameter must not be empty, hold a newline or tab, or more than four spaces
/// in a row: Meta refuses such a parameter when the template is sent.
[[nodiscard]] ParameterProblem checkParameter(const QString &value);
} // namespace ComposeLimits

/// The open conversation of the conversation screen: fetched from the hub and fetched again
/// when its inbox summary changes, and the staff member's actions on it. Every send carries a
/// fresh idempotency key and is first written to the encrypted cache; when the hub cannot be
/// reached it stays there and is delivered once the hub is back, with the same key, so the
/// patient never gets it twice. Drafts are kept per conversation in the same cache.
class ConversationClient : public QObject
{
    Q_OBJECT
public:
    /// \a cache may be invalid (no keychain): then nothing is kept while offline.
    ConversationClient(HubClient &hub, HubSession session, QSqlDatabase cache,
                       const Core::Clock &clock, QObject *parent = nullptr);
    ~ConversationClient() override;

    /// Refetches the open conversation whenever \a store says it changed (not owned).
    void followInbox(InboxStore *store);
    /// How long to wait before trying the hub again with sends kept offline.
    void setRetryInterval(int milliseconds);
    /// Keeps opened conversations in the cache through \a writer's thread (not owned; nullptr:
    /// written here, on the caller's thread).
    void setCacheWriter(CacheWriter *writer);

    [[nodiscard]] qint64 currentId() const { return m_currentId; }
    [[nodiscard]] const ConversationSnapshot &current() const { return m_current; }
    [[nodiscard]] const HubSession &session() const { return m_session; }

    /// Opens conversation \a id: conversationLoaded() follows (the hub audits the opening).
    void open(qint64 id);
    void refresh();
    void close();

    /// Free text inside the 24-hour window.
    void sendText(const QString &text);
    /// An approved template; allowed outside the window.
    void sendTemplate(const QString &name, const QString &language, const QStringList &values);
    /// An image (JPEG or PNG, ComposeLimits) with an optional caption, inside the window; kept
    /// on this workstation like text while the hub cannot be reached.
    void sendImage(const QByteArray &bytes, const QString &caption);
    /// An internal note: kept in the record, never sent to the patient.
    void addNote(const QString &text);
    /// Sends a failed message's words again, as a new message.
    void retry(const MessageItem &failed);
    void claim();
    void closeConversation();
    void reopen();
    /// Marks the patient's messages read (the hub also sends WhatsApp's read receipt).
    void markRead();

    /// The templates in \a language (empty: every language); templatesLoaded() follows.
    void loadTemplates(const QString &language);
    /// The file of media \a mediaId, in memory only; mediaLoaded() follows.
    void loadMedia(qint64 mediaId);

    [[nodiscard]] QString draft(qint64 conversationId) const;
    void saveDraft(qint64 conversationId, const QString &text);

    /// Sends kept on this workstation, of every conversation.
    [[nodiscard]] int keptCount() const;

public Q_SLOTS:
    /// Tries the hub again with every send kept offline (also done by a timer while any wait).
    void deliverKept();

Q_SIGNALS:
    void conversationLoaded(const Wardline::Console::ConversationSnapshot &conversation);
    /// Opening or refreshing failed; \a message is for staff.
    void loadFailed(const QString &message);
    /// The hub refused a send or an action; \a message is for staff. \a needsTemplate: the
    /// 24-hour window has closed.
    void actionFailed(const QString &message, bool needsTemplate);
    /// A send was accepted by the hub (queued for Meta) or recorded (notes).
    void sent(const QString &idempotencyKey);
    /// A send is kept on this workstation until the hub can be reached.
    void keptOffline(const QString &reason);
    void templatesLoaded(const QList<Wardline::Console::TemplateInfo> &templates);
    void mediaLoaded(qint64 mediaId, const QByteArray &bytes);

private:
    struct Kept
    {
        QString key;
        qint64 conversationId = 0;
        QString kind; // text, template, note, image
        QJsonObject body;
        QDateTime createdAt;
    };

    void enqueue(qint64 conversationId, const QString &kind, QJsonObject body);
    void deliver(const Kept &kept);
    /// Writes \a kept into the cache's outbox (on whichever thread owns \a db).
    [[nodiscard]] static bool keep(const QSqlDatabase &db, const Kept &kept);
    void forget(const QString &key);
    void action(const QString &name);
    [[nodiscard]] QList<Kept> keptSends() const;
    [[nodiscard]] static QString pathFor(const Kept &kept);
    void parse(const QJsonObject &answer);

    HubClient &m_hub;
    HubSession m_session;
    QSqlDatabase m_db;
    QPointer<CacheWriter> m_writer;
    const Core::Clock &m_clock;
    QTimer *m_retryTimer;
    qint64 m_currentId = 0;
    quint64 m_generation = 0; // answers for a conversation no longer open are dropped
    ConversationSnapshot m_current;
    QJsonObject m_lastAnswer; // the hub's last answer, shown again with sends kept offline
    QDateTime m_lastFetchedAt;
    QHash<QString, Kept> m_memoryKept; // without a cache: kept until this session ends
    struct PendingDraft
    {
        QString text;
        quint64 number = 0; ///< the latest save of this conversation's draft
    };
    QHash<qint64, PendingDraft> m_pendingDrafts; ///< saved, not yet written by the worker
    QSet<QString> m_inFlight;
    // Images sent from here, by key, with their conversation: shown while still pending.
    QHash<QString, std::pair<qint64, QByteArray>> m_localImages;
    bool m_refreshing = false;
    bool m_refreshAgain = false;
};

} // namespace Wardline::Console

Q_DECLARE_METATYPE(Wardline::Console::ConversationSnapshot)
Q_DECLARE_METATYPE(Wardline::Console::TemplateInfo)
