#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QObject>
#include <QSqlDatabase>

namespace Wardline::Console {

/// Unlocks a locked console without the hub: an Argon2id hash of the user's password, made at
/// the last online sign-in and kept in the encrypted cache (cache_meta "unlock_verifier"). The
/// password is never stored or sent anywhere. Hashing and checking run on a worker thread
/// (Argon2id takes about 0.1 s); the answers arrive by signal on this object's thread.
class UnlockVerifier : public QObject
{
    Q_OBJECT
public:
    explicit UnlockVerifier(QObject *parent = nullptr);
    ~UnlockVerifier() override;

    /// The hash to check against (libsodium's encoded form); empty: no offline unlock.
    void setHash(const QByteArray &encodedHash) { m_hash = encodedHash; }
    [[nodiscard]] const QByteArray &hash() const { return m_hash; }
    [[nodiscard]] bool hasHash() const { return !m_hash.isEmpty(); }

    /// Checks \a password on a worker; checked() tells the outcome. One check at a time:
    /// a check asked for while one runs is ignored.
    void check(const QString &password);
    [[nodiscard]] bool isChecking() const { return m_checking; }

    /// Hashes \a password on a worker, then keeps the hash here and writes it to \a cache
    /// (when still open); stored() follows.
    void store(const QSqlDatabase &cache, const QString &password);

    /// The verifier kept in \a cache; empty when there is none.
    [[nodiscard]] static QByteArray load(const QSqlDatabase &cache);
    [[nodiscard]] static Core::Status save(const QSqlDatabase &cache,
                                           const QByteArray &encodedHash);

Q_SIGNALS:
    void checked(bool accepted);
    void stored(bool ok);

private:
    QByteArray m_hash;
    bool m_checking = false;
    quint64 m_storeGeneration = 0;
};

} // namespace Wardline::Console
