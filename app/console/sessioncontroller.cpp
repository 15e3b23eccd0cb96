#include "console/sessioncontroller.h"

#include "console/cachekeystore.h"
#include "console/hubclient.h"
#include "console/inboxstore.h"
#include "console/localcache.h"
#include "console/logging.h"
#include "console/syncengine.h"
#include "console/unlockverifier.h"
#include "core/clock.h"
#include "core/permissions.h"
#include "core/secretkey.h"
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
    , m_verifier(new UnlockVerifier(this))
{
    connect(m_verifier, &UnlockVerifier::checked, this, [this](bool accepted) {
        m_unlocking = false;
        if (!isSignedIn())
            return; // signed out while Argon2id ran
        if (accepted)
            Q_EMIT unlocked();
        else
            Q_EMIT unlockRejected(tr("The password is wrong."), true);
    });
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
                  [this, password](Core::Result<HubSession> session, HubClient::Failure) {
                      if (!session) {
                          m_busy = false;
                          Q_EMIT signInFailed(session.error());
                          return;
                      }
                      m_session = std::move(session).value();
                      if (m_session.user.mustChangePassword) {
                          // No cache and no verifier yet: both follow the password the user
                          // chooses now, never the temporary one.
                          m_busy = false;
                          m_temporaryPassword = password;
                          Q_EMIT passwordChangeRequired();
                          return;
                      }
                      openCache(password);
                  });
}

void SessionController::changePassword(const QString &newPassword)
{
    if (m_busy || !isSignedIn() || !isChangingPassword())
        return;
    m_busy = true;
    const QString token = m_session.token;
    m_hub->send(
        m_session, "POST", QStringLiteral("/api/v1/session/password"),
        {{QStringLiteral("current"), m_temporaryPassword}, {QStringLiteral("new"), newPassword}},
        this, [this, token, newPassword](const HubReply &reply) {
            if (m_session.token != token)
                return; // signed out meanwhile
            if (!reply.ok()) {
                m_busy = false;
                Q_EMIT passwordChangeFailed(reply.error);
                return;
            }
            Core::SecretKey::wipe(m_temporaryPassword);
            m_temporaryPassword.clear();
            m_session.user.mustChangePassword = false;
            openCache(newPassword); // the offline unlock verifier hashes the new one
        });
}

void SessionController::openCache(const QString &password)
{
    m_keys->obtain(m_session.account(), [this, password](Core::Result<Core::SecretKey> key,
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
        // The verifier of the previous online sign-in unlocks until the new one is hashed.
        m_verifier->setHash(UnlockVerifier::load(cache()));
        m_verifier->store(cache(), password);
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
    m_verifier->setHash({});
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
    m_unlocking = false;
    m_busy = false;
    Core::SecretKey::wipe(m_temporaryPassword);
    m_temporaryPassword.clear();
    const HubSession ended = std::exchange(m_session, HubSession());
    m_hub->signOut(ended, [this] { Q_EMIT signedOut(); });
}

void SessionController::unlock(const QString &password)
{
    if (!isSignedIn() || m_unlocking)
        return;
    m_unlocking = true;
    if (m_verifier->hasHash()) {
        m_verifier->check(password); // offline: the password goes nowhere
        return;
    }
    // No cache, so no verifier: the hub checks the password, as at sign-in.
    const HubSession locked = m_session;
    m_hub->signIn(locked.hub, locked.user.username, password,
                  [this, locked](Core::Result<HubSession> session, HubClient::Failure failure) {
                      m_unlocking = false;
                      if (m_session.token != locked.token)
                          return; // signed out (or in again) meanwhile
                      if (!session) {
                          Q_EMIT unlockRejected(session.error(),
                                                failure == HubClient::Failure::BadCredentials);
                          return;
                      }
                      const HubSession fresh = std::move(session).value();
                      if (fresh.user.id != locked.user.id) {
                          Q_EMIT unlockRejected(tr("The hub answered for another user."), false);
                          return;
                      }
                      // A temporary password (reset while locked) opens nothing until changed,
                      // and that step belongs to the sign-in window.
                      if (fresh.user.mustChangePassword) {
                          Q_EMIT unlockRejected(tr("An administrator reset your password. Sign "
                                                   "out, then sign in with the temporary "
                                                   "password to choose a new one."),
                                                false);
                          return;
                      }
                      m_session.token = fresh.token;
                      m_session.expiresAt = fresh.expiresAt;
                      m_session.idleTimeoutSeconds = fresh.idleTimeoutSeconds;
                      Q_EMIT unlocked();
                  });
}

} // namespace Wardline::Console
