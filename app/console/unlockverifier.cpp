#include "console/unlockverifier.h"

#include "console/localcache.h"
#include "console/logging.h"
#include "core/crypto.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace Wardline::Console {

namespace {
const QString MetaKey = QStringLiteral("unlock_verifier");
} // namespace

UnlockVerifier::UnlockVerifier(QObject *parent)
    : QObject(parent)
{
}

UnlockVerifier::~UnlockVerifier() = default;

void UnlockVerifier::check(const QString &password)
{
    if (m_checking)
        return;
    if (m_hash.isEmpty()) {
        Q_EMIT checked(false);
        return;
    }
    m_checking = true;
    auto *watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_checking = false;
        Q_EMIT checked(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(
        [password, hash = m_hash] { return Core::Crypto::verifyPassword(password, hash); }));
}

void UnlockVerifier::store(const QSqlDatabase &cache, const QString &password)
{
    const quint64 generation = ++m_storeGeneration;
    const QString connection = cache.connectionName();
    auto *watcher = new QFutureWatcher<QByteArray>(this);
    connect(watcher, &QFutureWatcher<QByteArray>::finished, this,
            [this, watcher, generation, connection] {
                watcher->deleteLater();
                if (generation != m_storeGeneration)
                    return; // a later sign-in replaced this one
                const QByteArray hash = watcher->result();
                // The cache may have closed while Argon2id ran (signed out): keep nothing then.
                const QSqlDatabase db = QSqlDatabase::database(connection, false);
                if (hash.isEmpty() || !db.isOpen()) {
                    Q_EMIT stored(false);
                    return;
                }
                const Core::Status saved = save(db, hash);
                if (!saved)
                    qCWarning(lcConsole, "the offline unlock verifier could not be kept");
                else
                    m_hash = hash;
                Q_EMIT stored(saved.ok());
            });
    watcher->setFuture(
        QtConcurrent::run([password] { return Core::Crypto::hashPassword(password); }));
}

QByteArray UnlockVerifier::load(const QSqlDatabase &cache)
{
    return LocalCache::readMeta(cache, MetaKey).toLatin1();
}

Core::Status UnlockVerifier::save(const QSqlDatabase &cache, const QByteArray &encodedHash)
{
    return LocalCache::writeMeta(cache, MetaKey, QString::fromLatin1(encodedHash));
}

} // namespace Wardline::Console
