#include "store/eventlog.h"

#include "store/database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Wardline::Store {

EventLog::EventLog(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Core::Result<qint64> EventLog::append(const QString &kind, const QJsonObject &payload,
                                      const QDateTime &at)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO events (at, kind, payload) VALUES (?, ?, ?)"));
    query.addBindValue(at);
    query.addBindValue(kind);
    query.addBindValue(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    if (!query.exec())
        return Core::Result<qint64>::failure(Database::describe(query.lastError()));
    return query.lastInsertId().toLongLong();
}

Core::Result<QList<Event>> EventLog::after(qint64 after, int limit) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT seq, at, kind, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?"));
    query.addBindValue(after);
    query.addBindValue(limit);
    if (!query.exec())
        return Core::Result<QList<Event>>::failure(Database::describe(query.lastError()));
    QList<Event> events;
    while (query.next()) {
        events.append({query.value(0).toLongLong(),
                       QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs),
                       query.value(2).toString(),
                       QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object()});
    }
    return events;
}

qint64 EventLog::lastSeq() const
{
    QSqlQuery query(m_db);
    return query.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM events")) && query.next()
               ? query.value(0).toLongLong()
               : 0;
}

qint64 EventLog::firstSeq() const
{
    QSqlQuery query(m_db);
    return query.exec(QStringLiteral("SELECT coalesce(min(seq), 0) FROM events")) && query.next()
               ? query.value(0).toLongLong()
               : 0;
}

} // namespace Wardline::Store
