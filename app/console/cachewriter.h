#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QThread>

namespace Wardline::Core {
class SecretKey;
}

namespace Wardline::Console {

/// Keeps the conversations the console opens in the encrypted cache on a thread of its own,
/// through its own connection to the same file: a long conversation is thousands of rows, each
/// indexed for search, and with SQLCipher's memory security that takes seconds, which the
/// window must never wait for. Jobs run in the order given; the cache's WAL lets the window's
/// connection read and write meanwhile (a writer waits for the other's lock, never fails).
class CacheWriter : public QObject
{
    Q_OBJECT
public:
    /// Opens \a path (an existing cache, migrated) with \a key on the writer's thread.
    CacheWriter(const QString &path, const Core::SecretKey &key, QObject *parent = nullptr);
    /// Writes what is queued, then closes the connection and the thread.
    ~CacheWriter() override;

    /// Keeps \a answer (GET /api/v1/conversations/ID) of conversation \a id; stored() or
    /// failed() follows on this object's thread.
    void storeConversation(qint64 id, const QJsonObject &answer, const QDateTime &fetchedAt);
    /// Returns once everything queued so far is written (sign-out, tests).
    void flush();

Q_SIGNALS:
    void stored(qint64 conversationId);
    void failed(const QString &message);

private:
    QThread m_thread;
    QObject *m_worker;
    QString m_connection;
};

} // namespace Wardline::Console
