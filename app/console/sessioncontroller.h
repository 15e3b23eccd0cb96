#pragma once

#include "console/hubsession.h"

#include <QObject>
#include <QSqlDatabase>

#include <optional>

class QTimer;

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Console {

class CacheKeyStore;
class CacheWriter;
class HubClient;
class HubTrust;
class InboxStore;
class SyncEngine;
class UnlockVerifier;

/// Signing in as a whole: the hub checks the password, then this workstation's encrypted cache
/// for that user is opened with its key from the system keychain. Without a keychain the
/// session still works, online only, and says so. A hub certificate no trusted authority signed
/// can be confirmed once by its fingerprint (HubTrust). When the hub cannot be reached, a user
/// who signed in online here within OfflineSignInHours may sign in offline against the cache's
/// verifier: the cached inbox, read only for the hub, until the hub answers again.
class SessionController : public QObject
{
    Q_OBJECT
public:
    /// \a cacheDir holds the per-user cache files; \a keychainService names the keychain entries.
    SessionController(QString cacheDir, QString keychainService = QStringLiteral("Wardline"),
                      QObject *parent = nullptr);
    ~SessionController() override;

    /// How long after the last online sign-in on this computer an offline one is allowed (and
    /// how long it lasts at most): the hub's longest session.
    static constexpr int OfflineSignInHours = 12;
    /// How often an offline session asks whether the hub answers again.
    void setProbeInterval(int ms);
    /// The clock for the offline limits (tests move it); not owned, outlives this object.
    void setClock(const Core::Clock &clock) { m_clock = &clock; }

    [[nodiscard]] HubClient &hub() { return *m_hub; }
    [[nodiscard]] bool isSignedIn() const { return !m_session.token.isEmpty() || m_offline; }
    /// Signed in against this computer's copy while the hub could not be reached: nothing is
    /// sent to the hub until the user signs in online again (hubReachable()).
    [[nodiscard]] bool isOffline() const { return m_offline; }
    [[nodiscard]] const HubSession &session() const { return m_session; }
    /// The hub changed what this user may do (GET /api/v1/session read after a
    /// permissions.changed event); later uses of session() see it.
    void setPermissions(const QStringList &permissions) { m_session.permissions = permissions; }
    /// The open cache, or an invalid database when this session keeps none.
    [[nodiscard]] QSqlDatabase cache() const;
    /// The signed-in user's inbox; empty while signed out.
    [[nodiscard]] InboxStore *inbox() const { return m_inbox; }
    /// The sync of the open cache, or null when this session keeps no cache.
    [[nodiscard]] SyncEngine *sync() const { return m_sync; }
    /// The open cache's writer thread (opened conversations), or null without a cache.
    [[nodiscard]] CacheWriter *cacheWriter() const { return m_writer; }

    void signIn(const QUrl &hub, const QString &username, const QString &password);
    /// Trusts the hub certificate refused at the last sign-in (certificateUnconfirmed()) from
    /// now on, on this computer; certificateConfirmed() or signInFailed() follows.
    void confirmCertificate(const QUrl &hub);
    /// After passwordChangeRequired(): replaces the temporary password with \a newPassword on
    /// the hub, then finishes signing in with it (cache, unlock verifier, sync). Answers with
    /// signedIn() or passwordChangeFailed().
    void changePassword(const QString &newPassword);
    /// Whether the hub accepted a temporary password that must be changed before anything else.
    [[nodiscard]] bool isChangingPassword() const { return !m_temporaryPassword.isEmpty(); }
    void signOut();
    /// Checks the signed-in user's \a password to unlock the locked console: against the
    /// cache's offline verifier when there is one, else by signing in to the hub again as the
    /// same user (the new token replaces the old). An offline session signs in to the hub when
    /// it answers (signedIn() again, now online), else checks the verifier. Answers with
    /// unlocked() or unlockRejected().
    void unlock(const QString &password);
    /// The offline unlock check; it has a hash once the cache keeps one.
    [[nodiscard]] UnlockVerifier &unlockVerifier() { return *m_verifier; }

Q_SIGNALS:
    /// \a cacheNote is empty when the encrypted cache is open, else why there is none.
    void signedIn(const QString &cacheNote);
    void signInFailed(const QString &message);
    /// The hub's certificate is not signed by an authority this computer trusts; nothing was
    /// sent. \a fingerprint (grouped hex) can be compared and confirmed with confirmCertificate().
    void certificateUnconfirmed(const QString &message, const QString &fingerprint);
    void certificateConfirmed();
    /// An offline session: the hub answers again. Signing in online (unlock()) reconnects.
    void hubReachable();
    /// The password was a temporary one (new account, or reset by an administrator): the hub
    /// answers nothing but a change of password (403 password_change_required) until
    /// changePassword() succeeds; signOut() gives up.
    void passwordChangeRequired();
    /// The hub refused the new password; \a message says why, for staff.
    void passwordChangeFailed(const QString &message);
    void signedOut();
    void unlocked();
    /// \a wrongPassword: the password was checked and is wrong (the lock screen counts these).
    void unlockRejected(const QString &message, bool wrongPassword);

private:
    void openCache(const QString &password);
    void closeCache();
    void signInOffline(const QUrl &hub, const QString &username, const QString &password,
                       const QString &unreachable);
    void offlineChecked(bool accepted);
    void probeHub();
    void reconnect(const QString &password);

    QString m_cacheDir;
    HubClient *m_hub;
    CacheKeyStore *m_keys;
    HubTrust *m_trust;
    InboxStore *m_inbox;
    UnlockVerifier *m_verifier;
    SyncEngine *m_sync = nullptr;
    CacheWriter *m_writer = nullptr;
    HubSession m_session;
    bool m_cacheOpen = false;
    bool m_busy = false;
    bool m_unlocking = false;
    bool m_offline = false;
    QByteArray m_refusedFingerprint;
    /// An offline sign-in waiting for the verifier: who, and the hub's message for refusal.
    struct OfflineAttempt
    {
        HubSession session;
        QString unreachable;
        QString note;
    };
    std::optional<OfflineAttempt> m_offlineAttempt;
    QTimer *m_probe;
    QTimer *m_offlineExpiry;
    const Core::Clock *m_clock;
    /// Kept only between a sign-in with a temporary password and its change ("current").
    QString m_temporaryPassword;
};

} // namespace Wardline::Console
