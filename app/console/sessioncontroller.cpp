#include "console/sessioncontroller.h"

#include "console/cachekeystore.h"
#include "console/cachewriter.h"
#include "console/hubclient.h"
#include "console/hubtrust.h"
#include "console/inboxstore.h"
#include "console/localcache.h"
#include "console/logging.h"
#include "console/syncengine.h"
#include "console/unlockverifier.h"
#include "core/clock.h"
#include "core/permissions.h"
#include "core/secretkey.h"
#include "store/database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimer>
#include <QUrlQuery>

namespace Wardline::Console {

namespace {
const QString CacheConnection = QStringLiteral("console-cache");
// Who signed in online here last, so that an offline sign-in knows the user without the hub.
const QString OfflineProfileKey = QStringLiteral("offline_profile");
constexpr int DefaultProbeMs = 15000;

QString profileJson(const HubSession &session, const QDateTime &now)
{
    const QJsonObject profile{
        {QStringLiteral("id"), session.user.id},
        {QStringLiteral("username"), session.user.username},
        {QStringLiteral("displayName"), session.user.displayName},
        {QStringLiteral("role"), Core::roleName(session.user.role)},
        {QStringLiteral("idleLockMinutes"), session.idleLockMinutes},
        {QStringLiteral("permissions"), QJsonArray::fromStringList(session.permissions)},
        {QStringLiteral("signedInAt"), now.toUTC().toString(Qt::ISODate)}};
    return QString::fromUtf8(QJsonDocument(profile).toJson(QJsonDocument::Compact));
}
} // namespace

SessionController::SessionController(QString cacheDir, QString keychainService, QObject *parent)
    : QObject(parent)
    , m_cacheDir(std::move(cacheDir))
    , m_hub(new HubClient(this))
    , m_keys(new CacheKeyStore(keychainService, this))
    , m_trust(new HubTrust(keychainService, this))
    , m_inbox(new InboxStore(this))
    , m_verifier(new UnlockVerifier(this))
    , m_probe(new QTimer(this))
    , m_offlineExpiry(new QTimer(this))
    , m_clock(&Core::Clock::system())
{
    m_probe->setInterval(DefaultProbeMs);
    connect(m_probe, &QTimer::timeout, this, &SessionController::probeHub);
    m_offlineExpiry->setSingleShot(true);
    connect(m_offlineExpiry, &QTimer::timeout, this, &SessionController::signOut);
    connect(m_verifier, &UnlockVerifier::checked, this, [this](bool accepted) {
        if (m_offlineAttempt)
            return offlineChecked(accepted);
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

void SessionController::setProbeInterval(int ms)
{
    m_probe->setInterval(ms);
}

void SessionController::signIn(const QUrl &hub, const QString &username, const QString &password)
{
    if (m_busy || isSignedIn())
        return;
    m_busy = true;
    m_trust->confirmed(hub, [this, hub, username, password](const QByteArray &fingerprint) {
        m_hub->setConfirmedFingerprint(fingerprint);
        m_hub->signIn(
            hub, username, password,
            [this, hub, username, password](Core::Result<HubSession> session,
                                            HubClient::Failure failure) {
                if (session) {
                    m_session = std::move(session).value();
                    if (m_session.user.mustChangePassword) {
                        // No cache and no verifier yet: both follow the password the user
                        // chooses now, never the temporary one.
                        m_busy = false;
                        m_temporaryPassword = password;
                        Q_EMIT passwordChangeRequired();
                        return;
                    }
                    return openCache(password);
                }
                if (failure == HubClient::Failure::Unreachable)
                    return signInOffline(hub, username, password, session.error());
                m_busy = false;
                if (failure == HubClient::Failure::Certificate &&
                    !m_hub->refusedCertificate().isNull()) {
                    m_refusedFingerprint = HubTrust::fingerprint(m_hub->refusedCertificate());
                    Q_EMIT certificateUnconfirmed(
                        session.error(), HubTrust::displayFingerprint(m_refusedFingerprint));
                    return;
                }
                Q_EMIT signInFailed(session.error());
            });
    });
}

void SessionController::confirmCertificate(const QUrl &hub)
{
    if (m_refusedFingerprint.isEmpty() || m_busy)
        return;
    m_busy = true;
    m_trust->confirm(hub, std::exchange(m_refusedFingerprint, {}),
                     [this](const Core::Status &stored) {
                         m_busy = false;
                         if (!stored)
                             Q_EMIT signInFailed(stored.error());
                         else
                             Q_EMIT certificateConfirmed();
                     });
}

void SessionController::signInOffline(const QUrl &hub, const QString &username,
                                      const QString &password, const QString &unreachable)
{
    OfflineAttempt attempt;
    attempt.session.hub = hub;
    attempt.session.user.username = username;
    attempt.unreachable = unreachable;
    const QString account = attempt.session.account();
    const QString path = LocalCache::pathFor(m_cacheDir, account);
    if (!QFile::exists(path)) {
        m_busy = false;
        return Q_EMIT signInFailed(unreachable); // never signed in here: nothing to offer
    }
    // read(), not obtain(): offline, a missing key must not become a new, empty cache.
    m_keys->read(account, [this, attempt = std::move(attempt), path, password](
                              Core::Result<Core::SecretKey> key, CacheKeyStore::Failure) mutable {
        const auto refuse = [this](const QString &message) {
            closeCache();
            m_busy = false;
            Q_EMIT signInFailed(message);
        };
        if (!key)
            return refuse(attempt.unreachable);
        bool reset = false;
        if (!LocalCache::open(CacheConnection, path, key.value(), &reset))
            return refuse(attempt.unreachable);
        m_cacheOpen = true;
        m_writer = new CacheWriter(path, key.value(), this);
        const QJsonObject profile =
            QJsonDocument::fromJson(LocalCache::readMeta(cache(), OfflineProfileKey).toUtf8())
                .object();
        const QByteArray hash = UnlockVerifier::load(cache());
        const auto role = Core::roleFromName(profile.value(u"role").toString());
        const QDateTime online =
            QDateTime::fromString(profile.value(u"signedInAt").toString(), Qt::ISODate);
        if (reset || hash.isEmpty() || !role || !online.isValid() ||
            profile.value(u"username").toString() != attempt.session.user.username)
            return refuse(attempt.unreachable);
        const QDateTime until = online.addSecs(qint64(OfflineSignInHours) * 3600);
        if (m_clock->now() >= until) {
            //: %1 is why the hub cannot be reached.
            return refuse(tr("%1\n\nYour last online sign-in on this computer was more than %2 "
                             "hours ago, so Wardline cannot let you in offline.")
                              .arg(attempt.unreachable)
                              .arg(OfflineSignInHours));
        }
        attempt.session.user.id = profile.value(u"id").toInteger();
        attempt.session.user.displayName = profile.value(u"displayName").toString();
        attempt.session.user.role = *role;
        attempt.session.idleLockMinutes = profile.value(u"idleLockMinutes").toInt();
        attempt.session.permissions =
            HubSession::permissionsFrom(profile.value(u"permissions").toArray());
        attempt.session.expiresAt = until;
        //: Shown all through an offline session. %1 is when the offline session ends.
        attempt.note =
            tr("Offline: the hub cannot be reached. You are reading this computer's "
               "copy; what you send is kept here and delivered when you sign in to "
               "the hub again. The offline session ends at %1.")
                .arg(QLocale().toString(until.toLocalTime().time(), QStringLiteral("HH:mm")));
        m_offlineAttempt = std::move(attempt);
        m_verifier->setHash(hash);
        m_verifier->check(password); // offlineChecked() follows
    });
}

void SessionController::offlineChecked(bool accepted)
{
    OfflineAttempt attempt = std::move(*m_offlineAttempt);
    m_offlineAttempt.reset();
    m_busy = false;
    if (!accepted) {
        closeCache();
        return Q_EMIT signInFailed(tr("The user name or password is wrong."));
    }
    qCInfo(lcConsole, "signed in offline against the local copy");
    m_session = std::move(attempt.session);
    m_offline = true;
    m_offlineExpiry->start(int(std::max<qint64>(0, m_clock->now().msecsTo(m_session.expiresAt))));
    m_probe->start();
    if (m_session.allows(Core::Permission::ReadEvents)) {
        m_sync = new SyncEngine(*m_writer, *m_inbox, *m_hub, m_session, *m_clock, this);
        m_sync->showCache();
    }
    Q_EMIT signedIn(attempt.note);
}

void SessionController::probeHub()
{
    HubSession anonymous;
    anonymous.hub = m_session.hub;
    m_hub->get(anonymous, QStringLiteral("/api/v1/health"), {}, this,
               [this](const HubReply &reply) {
                   if (!m_offline || !reply.ok() || !m_probe->isActive())
                       return;
                   m_probe->stop();
                   qCInfo(lcConsole, "the hub answers again");
                   Q_EMIT hubReachable();
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
        m_writer = new CacheWriter(LocalCache::pathFor(m_cacheDir, m_session.account()),
                                   key.value(), this);
        // The verifier of the previous online sign-in unlocks until the new one is hashed.
        m_verifier->setHash(UnlockVerifier::load(cache()));
        m_verifier->store(cache(), password);
        if (!LocalCache::writeMeta(cache(), OfflineProfileKey,
                                   profileJson(m_session, m_clock->now())))
            qCWarning(lcConsole, "offline sign-in will not be possible: the profile was not kept");
        // Roles without events (auditors) have no inbox to keep.
        if (m_session.allows(Core::Permission::ReadEvents)) {
            m_sync = new SyncEngine(*m_writer, *m_inbox, *m_hub, m_session, *m_clock, this);
            m_sync->start(); // the cached inbox follows from the worker (cacheShown())
        }
        Q_EMIT signedIn(QString());
    });
}

void SessionController::closeCache()
{
    // The engine holds a handle on the cache: it goes first, or the connection stays in use.
    delete std::exchange(m_sync, nullptr);
    delete std::exchange(m_writer, nullptr); // writes what is queued, then closes

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
    m_probe->stop();
    m_offlineExpiry->stop();
    if (std::exchange(m_offline, false)) {
        m_session = {};
        return Q_EMIT signedOut(); // the hub holds no session to end
    }
    const HubSession ended = std::exchange(m_session, HubSession());
    m_hub->signOut(ended, [this] { Q_EMIT signedOut(); });
}

void SessionController::unlock(const QString &password)
{
    if (!isSignedIn() || m_unlocking)
        return;
    m_unlocking = true;
    if (m_offline)
        return reconnect(password);
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

// An offline session unlocking: sign in to the hub as the same user; the session starts again
// online (signedIn(), a fresh sync that delivers what was kept). Still unreachable: the
// verifier decides, as for any offline unlock.
void SessionController::reconnect(const QString &password)
{
    const HubSession offline = m_session;
    m_hub->signIn(
        offline.hub, offline.user.username, password,
        [this, offline, password](Core::Result<HubSession> session, HubClient::Failure failure) {
            if (!m_offline || m_session.user.username != offline.user.username)
                return; // signed out meanwhile
            if (failure == HubClient::Failure::Unreachable) {
                m_probe->start();
                return m_verifier->check(password);
            }
            m_unlocking = false;
            if (!session)
                return Q_EMIT unlockRejected(session.error(),
                                             failure == HubClient::Failure::BadCredentials);
            if (session.value().user.id != offline.user.id) {
                Q_EMIT unlockRejected(tr("The hub answered for another user."), false);
                return;
            }
            if (session.value().user.mustChangePassword) {
                Q_EMIT unlockRejected(tr("An administrator reset your password. Sign out, then "
                                         "sign in with the temporary password to choose a new "
                                         "one."),
                                      false);
                return;
            }
            closeCache();
            m_probe->stop();
            m_offlineExpiry->stop();
            m_offline = false;
            m_session = std::move(session).value();
            m_busy = true;
            openCache(password);
            Q_EMIT unlocked();
        });
}

} // namespace Wardline::Console
