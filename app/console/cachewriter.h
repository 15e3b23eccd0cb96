#pragma once

#include <QAtomicInt>
#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QThread>

#include <functional>
#include <memory>
#include <type_traits>

namespace Wardline::Core {
class SecretKey;
}

namespace Wardline::Console {

/// The encrypted cache's worker: one thread with its own connection to the cache file, where
/// every read and write the console does while staff work runs (the inbox load, sync batches,
/// search, kept conversations). With SQLCipher's memory security a long conversation or a
/// large inbox takes seconds, which the window must never wait for. Jobs run one at a time in
/// the order given, so writes are serialised and a result never overtakes an earlier one; the
/// cache's WAL lets the window's connection read and write meanwhile (a writer waits for the
/// other's lock, never fails).
class CacheWriter : public QObject
{
    Q_OBJECT
public:
    /// Opens \a path (an existing cache, migrated) with \a key on the worker's thread.
    CacheWriter(const QString &path, const Core::SecretKey &key, QObject *parent = nullptr);
    /// Runs what is queued, then closes the connection and the thread.
    ~CacheWriter() override;

    /// Keeps \a answer (GET /api/v1/conversations/ID) of conversation \a id; stored() or
    /// failed() follows on this object's thread.
    void storeConversation(qint64 id, const QJsonObject &answer, const QDateTime &fetchedAt);
    /// Returns once everything queued so far has run (sign-out, tests).
    void flush();
    /// Jobs queued or running: what the cache is busy with (tests, diagnosis).
    [[nodiscard]] int queuedJobs() const { return m_queued.loadAcquire(); }

    /// Runs \a job(const QSqlDatabase &) on the worker's thread after everything queued so far;
    /// \a done(result) follows on this object's thread, unless \a context is gone by then. The
    /// job gets a closed database when the cache could not be opened. Jobs capture plain data
    /// by value: they may run after the object that asked is gone.
    template<typename Job, typename Done> void run(QObject *context, Job job, Done done)
    {
        using Result = std::invoke_result_t<Job &, const QSqlDatabase &>;
        post([this, guard = QPointer<QObject>(context), job = std::move(job),
              done = std::move(done)](const QSqlDatabase &db) mutable {
            auto result = std::make_shared<Result>(job(db));
            // Queued to this object, which outlives every job (its destructor waits for them).
            QMetaObject::invokeMethod(
                this,
                [guard, done, result]() mutable {
                    if (guard)
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
        });
    }

Q_SIGNALS:
    void stored(qint64 conversationId);
    void failed(const QString &message);

private:
    void post(std::function<void(const QSqlDatabase &)> job);

    QThread m_thread;
    QObject *m_worker;
    QAtomicInt m_queued;
    QString m_connection;
};

} // namespace Wardline::Console
