#include "console/conversationcache.h"

#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Wardline::Console::ConversationCache {

namespace {
QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// What a message is found by: its text, and the words Meta's payload carries beside it (a
// caption, a document's name, the title of the list row or button the patient tapped).
void collectWords(const QJsonObject &o, int depth, QString *words)
{
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it.value().isObject() && depth < 3) {
            collectWords(it.value().toObject(), depth + 1, words);
        } else if (it.value().isString()) {
            const QString key = it.key();
            const QString value = it.value().toString();
            if ((key == u"caption" || key == u"title" || key == u"filename" || key == u"name" ||
                 key == u"address") &&
                !words->contains(value))
                *words += u' ' + value;
        }
    }
}

QString wordsOf(const QJsonObject &message)
{
    QString words = message.value(u"body").toString();
    collectWords(message.value(u"payload").toObject(), 0, &words);
    return words.trimmed();
}

Core::Status failed(const QSqlQuery &q, QSqlDatabase db)
{
    const QString error =
        Store::Database::describe(q.lastError().isValid() ? q.lastError() : db.lastError());
    db.rollback();
    return Core::Status::failure(error);
}
} // namespace

Core::Status store(const QSqlDatabase &cache, qint64 id, const QJsonObject &answer,
                   const QDateTime &fetchedAt)
{
    QSqlDatabase db = cache;
    if (!db.transaction())
        return Core::Status::failure(Store::Database::describe(db.lastError()));
    QJsonObject details = answer;
    details.remove(QStringLiteral("messages"));
    QSqlQuery q(db);
    bool ok = q.prepare(QStringLiteral(
        "INSERT INTO conversation_details (conversation_id, answer, fetched_at) VALUES (?, ?, ?) "
        "ON CONFLICT (conversation_id) DO UPDATE SET answer = excluded.answer, "
        "fetched_at = excluded.fetched_at"));
    q.addBindValue(id);
    q.addBindValue(compact(details));
    q.addBindValue(fetchedAt.toUTC().toString(Qt::ISODateWithMs));
    ok = ok && q.exec();
    // A refresh repeats every message; only what changed (a tick, a new one) is written.
    ok = ok && q.prepare(QStringLiteral(
                   "INSERT INTO messages (id, conversation_id, words, payload) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT (id) DO UPDATE SET words = excluded.words, "
                   "payload = excluded.payload WHERE payload <> excluded.payload"));
    const QJsonArray messages = answer.value(u"messages").toArray();
    for (const QJsonValue &v : messages) {
        const QJsonObject m = v.toObject();
        q.addBindValue(m.value(u"id").toInteger());
        q.addBindValue(id);
        q.addBindValue(wordsOf(m));
        q.addBindValue(compact(m));
        ok = ok && q.exec();
    }
    if (!ok || !db.commit())
        return failed(q, db);
    return {};
}

std::optional<Cached> load(const QSqlDatabase &cache, qint64 id)
{
    QSqlQuery q(cache);
    q.prepare(QStringLiteral(
        "SELECT answer, fetched_at FROM conversation_details WHERE conversation_id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    Cached c;
    c.answer = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    c.fetchedAt = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    q.prepare(QStringLiteral("SELECT payload FROM messages WHERE conversation_id = ? ORDER BY id"));
    q.addBindValue(id);
    if (!q.exec())
        return std::nullopt;
    QJsonArray messages;
    while (q.next())
        messages.append(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
    c.answer.insert(QStringLiteral("messages"), messages);
    return c;
}

QList<qint64> search(const QSqlDatabase &cache, const QString &match, int limit)
{
    QList<qint64> ids;
    QSqlQuery q(cache);
    // The newest matching messages first, as many as it takes to name \a limit conversations:
    // a common word matches tens of thousands.
    // The matching rowids as FTS5 lists them (asking it for them newest first, with prefix
    // terms, took seconds), then the newest of those messages.
    q.prepare(QStringLiteral("SELECT conversation_id FROM messages WHERE id IN (SELECT rowid "
                             "FROM messages_fts WHERE messages_fts MATCH ?) ORDER BY id DESC "
                             "LIMIT ?"));
    q.addBindValue(match);
    q.addBindValue(limit * 20);
    q.setForwardOnly(true);
    if (q.exec()) {
        while (q.next() && ids.size() < limit) {
            const qint64 id = q.value(0).toLongLong();
            if (!ids.contains(id))
                ids.append(id);
        }
    }
    return ids;
}

Core::Status forget(const QSqlDatabase &cache, const QList<qint64> &ids)
{
    QSqlQuery q(cache);
    for (const char *sql : {"DELETE FROM conversations WHERE id = ?",
                            "DELETE FROM messages WHERE conversation_id = ?",
                            "DELETE FROM conversation_details WHERE conversation_id = ?"}) {
        if (!q.prepare(QString::fromLatin1(sql)))
            return Core::Status::failure(Store::Database::describe(q.lastError()));
        for (qint64 id : ids) {
            q.addBindValue(id);
            if (!q.exec())
                return Core::Status::failure(Store::Database::describe(q.lastError()));
        }
    }
    return {};
}

} // namespace Wardline::Console::ConversationCache
