#pragma once

#include "console/keychain.h"
#include "core/result.h"
#include "core/secretkey.h"

#include <QObject>

#include <functional>

namespace Wardline::Console {

/// The console cache's key, kept in the OS keychain (Secret Service, KWallet, macOS Keychain,
/// Windows Credential Manager) through QtKeychain, never in a file: without a keychain there is
/// no cache. Every call answers through its callback on this object's thread.
class CacheKeyStore : public QObject
{
    Q_OBJECT
public:
    using Failure = Keychain::Failure;

    using KeyCallback = std::function<void(Core::Result<Core::SecretKey>, Failure)>;
    using DoneCallback = std::function<void(Core::Status)>;

    explicit CacheKeyStore(QString service = QStringLiteral("Wardline"), QObject *parent = nullptr);

    /// The key of \a account; when there is none, a new random key is made and stored first.
    void obtain(const QString &account, KeyCallback done);
    /// The key of \a account, or NotFound.
    void read(const QString &account, KeyCallback done);
    /// Forgets the key of \a account (its cache becomes unreadable and will be re-synced).
    void remove(const QString &account, DoneCallback done);

private:
    void store(const QString &account, KeyCallback done);
    [[nodiscard]] static QString entryName(const QString &account);

    Keychain m_keychain;
};

} // namespace Wardline::Console
