#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace Wardline::Console {

/// Conversations as they were last opened, in the encrypted cache (cache schema v4): the hub's
/// answer without its messages, and one row per message with its words in a full-text index.
/// A conversation opens from here at once, reads while the hub is down, and its messages are
/// found by the inbox's search.
namespace ConversationCache {

/// A conversation read back: the hub's answer as it was (messages included, oldest first).
struct Cached
{
    QJsonObject answer;
    QDateTime fetchedAt;
};

/// Keeps \a answer (GET /api/v1/conversations/ID) of conversation \a id, fetched at
/// \a fetchedAt, in one transaction. Messages already kept unchanged are not written again.
[[nodiscard]] Core::Status store(const QSqlDatabase &cache, qint64 id, const QJsonObject &answer,
                                 const QDateTime &fetchedAt);
/// The conversation \a id as last kept; nullopt when it never was.
[[nodiscard]] std::optional<Cached> load(const QSqlDatabase &cache, qint64 id);
/// Conversations with a message matching the FTS5 query \a match (already made safe), the
/// most recent message first.
[[nodiscard]] QList<qint64> search(const QSqlDatabase &cache, const QString &match, int limit);
/// Forgets conversations \a ids with everything kept of them (their summary, their answer,
/// their messages and the messages' index entries), inside the caller's transaction.
[[nodiscard]] Core::Status forget(const QSqlDatabase &cache, const QList<qint64> &ids);

} // namespace ConversationCache
} // namespace Wardline::Console
