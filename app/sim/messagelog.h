#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace Wardline::Sim {

/// Something the patient can tap in a message they received: a template's quick reply, a
/// reply button, a list row.
struct TapOption
{
    int index = 0;
    QString kind;    ///< "quick_reply", "button", "row"
    QString title;   ///< what the patient sees
    QString payload; ///< what comes back (quick reply payload, button or row id)
};

/// A message the business sent and the simulator accepted: what the patient got.
struct SentMessage
{
    QString wamid;
    QString to;          ///< as the business wrote it
    QString waId;        ///< the user it reached
    QString type;        ///< text, template, interactive, image, …
    QString text;        ///< what the patient reads (template rendered, caption, body, …)
    QJsonObject content; ///< the type's object as sent
    QString templateName;
    QString templateLanguage;
    QJsonValue templateParams; ///< body parameters: array (positional) or object (named)
    QJsonValue headerParams;
    QList<TapOption> options;
    QString contextId; ///< the message it quotes
    QString bizOpaque; ///< biz_opaque_callback_data, echoed in statuses
    QString category;  ///< pricing category: service, utility, marketing, authentication
    QString mediaId;   ///< an uploaded media id it uses, if any
    bool inWindow = false;
    QDateTime time;
    QString status{QStringLiteral("accepted")}; ///< accepted, sent, delivered, read, failed
    int errorCode = 0;                          ///< of a failed message
};

/// A message a patient sent (through the control API or a persona).
struct ReceivedMessage
{
    QString wamid;
    QString waId;
    QString name;
    QString type;
    QString text;
    QDateTime time;
    QDateTime readAt; ///< when the business marked it read; invalid until then
};

/// Everything that went through the simulated number, for GET /_sim/sent, personas and
/// reply contexts. Kept in memory for the life of the process.
class MessageLog : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// Records an accepted send; emits messageSent().
    const SentMessage &addSent(SentMessage message);
    [[nodiscard]] const SentMessage *sent(const QString &wamid) const;
    [[nodiscard]] const QList<SentMessage> &allSent() const { return m_sent; }
    /// The newest message to \a waId that \a matches, or nothing.
    [[nodiscard]] const SentMessage *
    latestSent(const QString &waId, const std::function<bool(const SentMessage &)> &matches) const;
    void setStatus(const QString &wamid, const QString &status, int errorCode = 0);

    const ReceivedMessage &addReceived(ReceivedMessage message);
    [[nodiscard]] const ReceivedMessage *received(const QString &wamid) const;
    [[nodiscard]] const QList<ReceivedMessage> &allReceived() const { return m_received; }
    /// Marks an inbound message read; false when it is not one the patient sent.
    [[nodiscard]] bool markRead(const QString &wamid, const QDateTime &when);

    [[nodiscard]] static QJsonObject toJson(const SentMessage &message);
    [[nodiscard]] static QJsonObject toJson(const ReceivedMessage &message);

Q_SIGNALS:
    void messageSent(const Wardline::Sim::SentMessage &message);
    void messageReceived(const Wardline::Sim::ReceivedMessage &message);

private:
    QList<SentMessage> m_sent;
    QHash<QString, qsizetype> m_sentIndex;
    QList<ReceivedMessage> m_received;
    QHash<QString, qsizetype> m_receivedIndex;
};

} // namespace Wardline::Sim
