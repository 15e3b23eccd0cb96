#pragma once

#include "console/hubsession.h"

#include <QObject>
#include <QSqlDatabase>

namespace Wardline::Console {

class CacheKeyStore;
class HubClient;
class InboxStore;
class SyncEngine;
class UnlockVerifier;

/// Signing in as a whole: the hub checks the password, then this workstation's encrypted cache
/// for that user is opened with its key from the system keychain. Without a keychain the
/// session still works, online only, and says so.
class SessionController : public QObject
{
    Q_OBJECT
public:
    /// \a cacheDir holds the per-user cache files; \a keychainService names the keychain entries.
    SessionController(QString cacheDir, QString keychainService = QStringLiteral("Wardline"),
                      QObject *parent = nullptr);
    ~SessionController() override;

    [[nodiscard]] HubClient &hub() { return *m_hub; }
    [[nodiscard]] bool isSignedIn() const { return !m_session.token.isEmpty(); }
    [[nodiscard]] const HubSession &session() const { return m_session; }
    /// The open cache, or an invalid database when this session keeps none.
    [[nodiscard]] QSqlDatabase cache() const;
    /// The signed-in user's inbox; empty while signed out.
    [[nodiscard]] InboxStore *inbox() const { return m_inbox; }
    /// The sync of the open cache, or null when this session keeps no cache.
    [[nodiscard]] SyncEngine *sync() const { return m_sync; }

    void signIn(const QUrl &hub, const QString &username, const QString &password);
    /// After passwordChangeRequired(): replaces the temporary password with \a newPassword on
    /// the hub, then finishes signing in with it (cache, unlock verifier, sync). Answers with
    /// signedIn() or passwordChangeFailed().
    void changePassword(const QString &newPassword);
    /// Whether the hub accepted a temporary password that must be changed before anything else.
    [[nodiscard]] bool isChangingPassword() const { return !m_temporaryPassword.isEmpty(); }
    void signOut();
    /// Checks the signed-in user's \a password to unlock the locked console: against the
    /// cache's offline verifier when there is one, else by signing in to the hub again as the
    /// same user (the new token replaces the old). Answers with unlocked() or unlockRejected().
    void unlock(const QString &password);
    /// The offline unlock check; it has a hash once the cache keeps one.
    [[nodiscard]] UnlockVerifier &unlockVerifier() { return *m_verifier; }

Q_SIGNALS:
    /// \a cacheNote is empty when the encrypted cache is open, else why there is none.
    void signedIn(const QString &cacheNote);
    void signInFailed(const QString &message);
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

    QString m_cacheDir;
    HubClient *m_hub;
    CacheKeyStore *m_keys;
    InboxStore *m_inbox;
    UnlockVerifier *m_verifier;
    SyncEngine *m_sync = nullptr;
    HubSession m_session;
    bool m_cacheOpen = false;
    bool m_busy = false;
    bool m_unlocking = false;
    /// Kept only between a sign-in with a temporary password and its change ("current").
    QString m_temporaryPassword;
};

} // namespace Wardline::Console
