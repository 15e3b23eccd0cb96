#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>

namespace Wardline::Store {

/// One change consoles sync from.
struct Event
{
    qint64 seq = 0;
    QDateTime at;
    QString kind;
    QJsonObject payload;
};

/// The hub's append-only event log: one sequence number per change, never reused. Consoles
/// ask for "events after SEQ" and apply them idempotently.
class EventLog
{
public:
    explicit EventLog(QSqlDatabase db);

    /// Appends inside the caller's transaction; returns the new sequence number.
    [[nodiscard]] Core::Result<qint64> append(const QString &kind, const QJsonObject &payload,
                                              const QDateTime &at);
    /// Up to \a limit events with seq > \a after, oldest first.
    [[nodiscard]] Core::Result<QList<Event>> after(qint64 after, int limit) const;
    [[nodiscard]] qint64 lastSeq() const;
    /// The oldest event still kept (0 when there is none): a console further behind refills.
    [[nodiscard]] qint64 firstSeq() const;

private:
    QSqlDatabase m_db;
};

} // namespace Wardline::Store
