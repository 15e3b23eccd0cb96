#pragma once

#include "console/hubsession.h"

#include <QObject>
#include <QSqlDatabase>

namespace Wardline::Console {

class CacheKeyStore;
class HubClient;
class InboxStore;
class SyncEngine;

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
    void signOut();

Q_SIGNALS:
    /// \a cacheNote is empty when the encrypted cache is open, else why there is none.
    void signedIn(const QString &cacheNote);
    void signInFailed(const QString &message);
    void signedOut();

private:
    void openCache();
    void closeCache();

    QString m_cacheDir;
    HubClient *m_hub;
    CacheKeyStore *m_keys;
    InboxStore *m_inbox;
    SyncEngine *m_sync = nullptr;
    HubSession m_session;
    bool m_cacheOpen = false;
    bool m_busy = false;
};

} // namespace Wardline::Console
