#include "console/cachewriter.h"

#include "console/conversationcache.h"
#include "console/localcache.h"
#include "console/logging.h"
#include "core/secretkey.h"
#include "store/database.h"

#include <QAtomicInt>

namespace Wardline::Console {

namespace {
QAtomicInt writers;
}

CacheWriter::CacheWriter(const QString &path, const Core::SecretKey &key, QObject *parent)
    : QObject(parent)
    , m_worker(new QObject)
    , m_connection(QStringLiteral("console-cache-writer-%1").arg(writers.fetchAndAddRelaxed(1)))
{
    m_thread.setObjectName(QStringLiteral("cache writer"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    QByteArray raw = key.bytes();
    auto copy = std::make_shared<Core::SecretKey>(Core::SecretKey::fromRaw(raw));
    // A connection belongs to the thread that opens it: opened (and closed) over there.
    QMetaObject::invokeMethod(
        m_worker,
        [this, path, copy, connection = m_connection] {
            if (auto db = LocalCache::open(connection, path, *copy); !db) {
                qCWarning(lcConsole, "the cache writer could not open the cache: %s",
                          qUtf8Printable(db.error()));
                const QString error = db.error();
                QMetaObject::invokeMethod(this, [this, error] { Q_EMIT failed(error); });
            }
        },
        Qt::QueuedConnection);
}

CacheWriter::~CacheWriter()
{
    QMetaObject::invokeMethod(
        m_worker, [connection = m_connection] { Store::Database::close(connection); },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void CacheWriter::post(std::function<void(const QSqlDatabase &)> job)
{
    m_queued.fetchAndAddRelease(1);
    QMetaObject::invokeMethod(
        m_worker,
        [this, job = std::move(job), connection = m_connection] {
            // Closed (not open) when the cache could not be opened: the job reports a failure.
            job(QSqlDatabase::database(connection, false));
            m_queued.fetchAndAddRelease(-1);
        },
        Qt::QueuedConnection);
}

void CacheWriter::storeConversation(qint64 id, const QJsonObject &answer,
                                    const QDateTime &fetchedAt)
{
    run(
        this,
        [id, answer, fetchedAt](const QSqlDatabase &db) -> Core::Status {
            if (!db.isOpen())
                return Core::Status::failure(QStringLiteral("the cache is not open"));
            Core::Status kept = ConversationCache::store(db, id, answer, fetchedAt);
            if (!kept)
                qCWarning(lcConsole, "a conversation was not kept locally: %s",
                          qUtf8Printable(kept.error()));
            return kept;
        },
        [this, id](const Core::Status &kept) {
            if (kept)
                Q_EMIT stored(id);
            else
                Q_EMIT failed(kept.error());
        });
}

void CacheWriter::flush()
{
    QMetaObject::invokeMethod(
        m_worker, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace Wardline::Console
