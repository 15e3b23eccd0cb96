#include "console/sessioncontroller.h"

#include "console/cachekeystore.h"
#include "console/hubclient.h"
#include "console/inboxstore.h"
#include "console/localcache.h"
#include "console/logging.h"
#include "console/syncengine.h"
#include "core/clock.h"
#include "core/permissions.h"
#include "store/database.h"

namespace Wardline::Console {

namespace {
const QString CacheConnection = QStringLiteral("console-cache");
}

SessionController::SessionController(QString cacheDir, QString keychainService, QObject *parent)
    : QObject(parent)
    , m_cacheDir(std::move(cacheDir))
    , m_hub(new HubClient(this))
    , m_keys(new CacheKeyStore(std::move(keychainService), this))
    , m_inbox(new InboxStore(this))
{
}

SessionController::~SessionController()
{
    closeCache();
}

QSqlDatabase SessionController::cache() const
{
    return m_cacheOpen ? QSqlDatabase::database(CacheConnection, false) : QSqlDatabase();
}

void SessionController::signIn(const QUrl &hub, const QString &username, const QString &password)
{
    if (m_busy)
        return;
    m_busy = true;
    m_hub->signIn(hub, username, password,
                  [this](Core::Result<HubSession> session, HubClient::Failure) {
                      if (!session) {
                          m_busy = false;
                          Q_EMIT signInFailed(session.error());
                          return;
                      }
                      m_session = std::move(session).value();
                      openCache();
                  });
}

void SessionController::openCache()
{
    m_keys->obtain(m_session.account(), [this](Core::Result<Core::SecretKey> key,
                                               CacheKeyStore::Failure) {
        m_busy = false;
        if (!key) {
            // The hub holds the record: without a key the console works online, with no copy.
            qCWarning(lcConsole, "no local cache for this session: keychain unavailable");
            Q_EMIT signedIn(key.error());
            return;
        }
        bool reset = false;
        auto db =
            LocalCache::open(CacheConnection, LocalCache::pathFor(m_cacheDir, m_session.account()),
                             key.value(), &reset);
        if (!db) {
            Q_EMIT signedIn(tr("The local copy could not be opened (%1); Wardline works online "
                               "only for this session.")
                                .arg(db.error()));
            return;
        }
        m_cacheOpen = true;
        // Roles without events (auditors) have no inbox to keep.
        if (Core::isAllowed(m_session.user.role, Core::Permission::ReadEvents)) {
            m_sync =
                new SyncEngine(cache(), *m_inbox, *m_hub, m_session, Core::Clock::system(), this);
            m_sync->start(); // the cached inbox is shown before signedIn() is heard
        }
        Q_EMIT signedIn(QString());
    });
}

void SessionController::closeCache()
{
    // The engine holds a handle on the cache: it goes first, or the connection stays in use.
    delete std::exchange(m_sync, nullptr);
    m_inbox->replaceAll({});
    if (!m_cacheOpen)
        return;
    m_cacheOpen = false;
    Store::Database::close(CacheConnection);
}

void SessionController::signOut()
{
    if (!isSignedIn())
        return;
    closeCache();
    const HubSession ended = std::exchange(m_session, HubSession());
    m_hub->signOut(ended, [this] { Q_EMIT signedOut(); });
}

} // namespace Wardline::Console
