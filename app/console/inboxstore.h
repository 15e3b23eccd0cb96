#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>

#include <optional>

namespace Wardline::Console {

/// One conversation as the inbox shows it: what GET /api/v1/inbox returns for it, kept in the
/// encrypted cache. No message bodies beyond the preview of the last one.
struct ConversationSummary
{
    qint64 id = 0;
    qint64 patientId = 0;
    QString patientName;
    QString phone;        ///< E.164; empty when the role may not see it
    QString language;     ///< "en", "es"
    QString category;     ///< EMERGENCY, NURSE, REFILL, APPOINTMENT, LAB_RESULTS, GENERAL
    QString priority;     ///< P1 … P4
    QString triageReason; ///< the words that decided it
    QString state;        ///< open, closed
    qint64 assigneeId = 0;
    QString assigneeName;
    int unread = 0;
    QDateTime lastInboundAt; ///< the 24-hour window runs from here
    QDateTime lastMessageAt;
    QString preview;          ///< the last message, shortened
    QString previewDirection; ///< in, out, note
    QString slaKind;          ///< refill, lab, nurse, emergency; empty when no timer runs
    QDateTime slaDueAt;
    bool slaBreached = false;
    QDateTime alertAt; ///< set while an emergency waits for a nurse to claim it
    qint64 seq = 0;    ///< the event sequence this summary is current to

    [[nodiscard]] bool isOpen() const { return state == QLatin1String("open"); }
    [[nodiscard]] bool alerting() const { return alertAt.isValid(); }
    /// WhatsApp's 24-hour customer service window at \a now.
    [[nodiscard]] bool windowOpen(const QDateTime &now) const
    {
        return lastInboundAt.isValid() && lastInboundAt.secsTo(now) < 24 * 3600;
    }
    friend bool operator==(const ConversationSummary &, const ConversationSummary &) = default;
};

/// The console's in-memory inbox: every conversation the signed-in user may see, filled from
/// the cache at once and kept current by the sync engine. Item models in ui/ read it and follow
/// its signals; nothing here touches SQL or sockets.
class InboxStore : public QObject
{
    Q_OBJECT
public:
    explicit InboxStore(QObject *parent = nullptr);

    [[nodiscard]] QList<ConversationSummary> conversations() const;
    [[nodiscard]] std::optional<ConversationSummary> find(qint64 id) const;
    [[nodiscard]] qsizetype size() const { return m_byId.size(); }

    /// Adds or replaces one conversation; emits conversationChanged() when anything differs
    /// and emergencyRaised() when it starts alerting.
    void upsert(const ConversationSummary &summary);
    void remove(qint64 id);
    /// Replaces everything (cache load, full resync); emits reset().
    void replaceAll(const QList<ConversationSummary> &all);

Q_SIGNALS:
    void conversationChanged(qint64 id);
    void conversationRemoved(qint64 id);
    void reset();
    /// A conversation began alerting (a new P1): the console sounds and notifies.
    void emergencyRaised(qint64 conversationId);

private:
    QHash<qint64, ConversationSummary> m_byId;
};

} // namespace Wardline::Console
