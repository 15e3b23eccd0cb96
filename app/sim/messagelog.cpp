#include "sim/messagelog.h"

#include <QJsonArray>

namespace Wardline::Sim {

namespace {
[[nodiscard]] QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}
} // namespace

const SentMessage &MessageLog::addSent(SentMessage message)
{
    m_sentIndex.insert(message.wamid, m_sent.size());
    m_sent.append(std::move(message));
    const SentMessage &stored = m_sent.constLast();
    Q_EMIT messageSent(stored);
    return stored;
}

const SentMessage *MessageLog::sent(const QString &wamid) const
{
    const auto it = m_sentIndex.constFind(wamid);
    return it == m_sentIndex.constEnd() ? nullptr : &m_sent.at(*it);
}

const SentMessage *
MessageLog::latestSent(const QString &waId,
                       const std::function<bool(const SentMessage &)> &matches) const
{
    for (qsizetype i = m_sent.size() - 1; i >= 0; --i) {
        const SentMessage &message = m_sent.at(i);
        if (message.waId == waId && matches(message))
            return &message;
    }
    return nullptr;
}

void MessageLog::setStatus(const QString &wamid, const QString &status, int errorCode)
{
    const auto it = m_sentIndex.constFind(wamid);
    if (it == m_sentIndex.constEnd())
        return;
    SentMessage &message = m_sent[*it];
    message.status = status;
    if (errorCode != 0)
        message.errorCode = errorCode;
}

const ReceivedMessage &MessageLog::addReceived(ReceivedMessage message)
{
    m_receivedIndex.insert(message.wamid, m_received.size());
    m_received.append(std::move(message));
    const ReceivedMessage &stored = m_received.constLast();
    Q_EMIT messageReceived(stored);
    return stored;
}

const ReceivedMessage *MessageLog::received(const QString &wamid) const
{
    const auto it = m_receivedIndex.constFind(wamid);
    return it == m_receivedIndex.constEnd() ? nullptr : &m_received.at(*it);
}

bool MessageLog::markRead(const QString &wamid, const QDateTime &when)
{
    const auto it = m_receivedIndex.constFind(wamid);
    if (it == m_receivedIndex.constEnd())
        return false;
    ReceivedMessage &message = m_received[*it];
    if (!message.readAt.isValid())
        message.readAt = when;
    return true;
}

QJsonObject MessageLog::toJson(const SentMessage &message)
{
    QJsonObject json{
        {QStringLiteral("wamid"), message.wamid},
        {QStringLiteral("to"), message.to},
        {QStringLiteral("wa_id"), message.waId},
        {QStringLiteral("type"), message.type},
        {QStringLiteral("text"), message.text},
        {QStringLiteral("time"), isoTime(message.time)},
        {QStringLiteral("status"), message.status},
        {QStringLiteral("category"), message.category},
        {QStringLiteral("in_window"), message.inWindow},
        {QStringLiteral("content"), message.content},
    };
    if (!message.templateName.isEmpty()) {
        QJsonObject templ{{QStringLiteral("name"), message.templateName},
                          {QStringLiteral("language"), message.templateLanguage},
                          {QStringLiteral("params"), message.templateParams}};
        if (!message.headerParams.isUndefined() && !message.headerParams.isNull())
            templ.insert(QStringLiteral("header_params"), message.headerParams);
        json.insert(QStringLiteral("template"), templ);
    }
    if (!message.options.isEmpty()) {
        QJsonArray options;
        for (const TapOption &option : message.options) {
            options.append(QJsonObject{{QStringLiteral("index"), option.index},
                                       {QStringLiteral("kind"), option.kind},
                                       {QStringLiteral("title"), option.title},
                                       {QStringLiteral("payload"), option.payload}});
        }
        json.insert(QStringLiteral("options"), options);
    }
    if (!message.contextId.isEmpty())
        json.insert(QStringLiteral("context"), message.contextId);
    if (message.errorCode != 0)
        json.insert(QStringLiteral("error_code"), message.errorCode);
    return json;
}

QJsonObject MessageLog::toJson(const ReceivedMessage &message)
{
    QJsonObject json{
        {QStringLiteral("wamid"), message.wamid},
        {QStringLiteral("from"), message.waId},
        {QStringLiteral("name"), message.name},
        {QStringLiteral("type"), message.type},
        {QStringLiteral("text"), message.text},
        {QStringLiteral("time"), isoTime(message.time)},
        {QStringLiteral("read"), message.readAt.isValid()},
    };
    if (message.readAt.isValid())
        json.insert(QStringLiteral("read_at"), isoTime(message.readAt));
    return json;
}

} // namespace Wardline::Sim
