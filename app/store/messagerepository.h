#pragma once

#include "core/message.h"
#include "core/result.h"

#include <QDateTime>
#include <QSqlDatabase>

#include <optional>

namespace Wardline::Store {

/// A patient's message as it is recorded.
struct InboundMessage
{
    qint64 conversationId = 0;
    QString wamid;
    QString type;    ///< the Cloud API's type name, kept as sent
    QString body;    ///< what staff read: text, caption, button title, ...
    QString payload; ///< the message's JSON exactly as Meta sent it
    QString replyToWamid;
    QDateTime sentAt;
};

/// Messages and their delivery statuses.
class MessageRepository
{
public:
    explicit MessageRepository(QSqlDatabase db);

    /// Stores \a message once: a redelivered wamid changes nothing and gives nullopt.
    [[nodiscard]] Core::Result<std::optional<qint64>> insertInbound(const InboundMessage &message,
                                                                    const QDateTime &now);
    /// Records a status Meta reported for one of our messages. Each (wamid, status) counts once,
    /// and the message's current status only moves forward (read stays read). Returns whether
    /// this status was new.
    [[nodiscard]] Core::Result<bool> applyStatus(const QString &wamid, const QString &statusName,
                                                 std::optional<Core::DeliveryStatus> status,
                                                 const QDateTime &at, const QString &payload,
                                                 int errorCode = 0, const QString &errorText = {});

private:
    QSqlDatabase m_db;
};

} // namespace Wardline::Store
