#include "console/cachekeystore.h"

#include "console/logging.h"

namespace Wardline::Console {

using Core::Result;
using Core::SecretKey;

CacheKeyStore::CacheKeyStore(QString service, QObject *parent)
    : QObject(parent)
    , m_keychain(std::move(service))
{
}

QString CacheKeyStore::entryName(const QString &account)
{
    return QStringLiteral("cache-key/") + account;
}

void CacheKeyStore::read(const QString &account, KeyCallback done)
{
    m_keychain.read(entryName(account), [done = std::move(done)](Keychain::Answer a) {
        if (a.failure != Failure::None) {
            done(Result<SecretKey>::failure(Keychain::describe(a.failure, a.error)), a.failure);
            return;
        }
        SecretKey key = SecretKey::fromRaw(a.data);
        if (!key.isValid()) {
            done(Result<SecretKey>::failure(
                     Keychain::describe(Failure::Other, QStringLiteral("bad key size"))),
                 Failure::Other);
            return;
        }
        done(std::move(key), Failure::None);
    });
}

void CacheKeyStore::obtain(const QString &account, KeyCallback done)
{
    read(account, [this, account, done = std::move(done)](Result<SecretKey> key, Failure failure) {
        if (failure == Failure::NotFound) {
            store(account, done);
            return;
        }
        done(std::move(key), failure);
    });
}

void CacheKeyStore::store(const QString &account, KeyCallback done)
{
    auto key = std::make_shared<SecretKey>(SecretKey::generate());
    m_keychain.write(
        entryName(account), key->bytes(), [key, done = std::move(done)](Keychain::Answer a) {
            if (a.failure != Failure::None) {
                done(Result<SecretKey>::failure(Keychain::describe(a.failure, a.error)), a.failure);
                return;
            }
            qCInfo(lcConsole, "created a new cache key in the system keychain");
            done(std::move(*key), Failure::None);
        });
}

void CacheKeyStore::remove(const QString &account, DoneCallback done)
{
    m_keychain.remove(entryName(account), [done = std::move(done)](Keychain::Answer a) {
        done(a.failure == Failure::None
                 ? Core::Status{}
                 : Core::Status::failure(Keychain::describe(a.failure, a.error)));
    });
}

} // namespace Wardline::Console
