#include "console/cachekeystore.h"

#include "console/logging.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace Wardline::Console {

using Core::Result;
using Core::SecretKey;

CacheKeyStore::CacheKeyStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{
}

QString CacheKeyStore::entryName(const QString &account)
{
    return QStringLiteral("cache-key/") + account;
}

CacheKeyStore::Failure CacheKeyStore::classify(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoError:
        return Failure::None;
    case QKeychain::EntryNotFound:
        return Failure::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Failure::NoKeychain;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Failure::Denied;
    default:
        // libsecret reports a missing Secret Service (no D-Bus session, no daemon) as OtherError
        // with GLib's message: "Could not connect: ...", "Failed to execute child process
        // "dbus-launch"...", or one naming org.freedesktop.secrets or its object paths when the
        // daemon runs without a login keyring.
        for (const char *marker : {"Could not connect", "freedesktop", "D-Bus", "dbus"}) {
            if (job->errorString().contains(QLatin1StringView(marker), Qt::CaseInsensitive))
                return Failure::NoKeychain;
        }
        return Failure::Other;
    }
}

QString CacheKeyStore::describe(Failure failure, const QString &detail)
{
    switch (failure) {
    case Failure::None:
        return {};
    case Failure::NotFound:
        return QCoreApplication::translate(
            "Wardline::CacheKeyStore",
            "This computer holds no key for your local copy; it will be downloaded again.");
    case Failure::NoKeychain:
        return QCoreApplication::translate(
            "Wardline::CacheKeyStore",
            "No system keychain is available, so Wardline keeps no copy of patient data on this "
            "computer and works online only. Ask IT to enable the keyring for your account.");
    case Failure::Denied:
        return QCoreApplication::translate(
            "Wardline::CacheKeyStore",
            "The system keychain refused access, so Wardline keeps no copy of patient data on "
            "this computer. Unlock the keyring and sign in again.");
    case Failure::Other:
        break;
    }
    return QCoreApplication::translate("Wardline::CacheKeyStore",
                                       "The system keychain failed (%1), so Wardline keeps no "
                                       "copy of patient data on this computer.")
        .arg(detail);
}

void CacheKeyStore::read(const QString &account, KeyCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(entryName(account));
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(j);
        const Failure failure = classify(readJob);
        if (failure != Failure::None) {
            done(Result<SecretKey>::failure(describe(failure, readJob->errorString())), failure);
            return;
        }
        QByteArray raw = readJob->binaryData();
        SecretKey key = SecretKey::fromRaw(raw);
        if (!key.isValid()) {
            done(Result<SecretKey>::failure(
                     describe(Failure::Other, QStringLiteral("bad key size"))),
                 Failure::Other);
            return;
        }
        done(std::move(key), Failure::None);
    });
    job->start();
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
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(entryName(account));
    job->setBinaryData(key->bytes());
    connect(job, &QKeychain::Job::finished, this, [key, done = std::move(done)](QKeychain::Job *j) {
        const Failure failure = classify(j);
        if (failure != Failure::None) {
            done(Result<SecretKey>::failure(describe(failure, j->errorString())), failure);
            return;
        }
        qCInfo(lcConsole, "created a new cache key in the system keychain");
        done(std::move(*key), Failure::None);
    });
    job->start();
}

void CacheKeyStore::remove(const QString &account, DoneCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(entryName(account));
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        const Failure failure = classify(j);
        if (failure == Failure::None || failure == Failure::NotFound)
            done({});
        else
            done(Core::Status::failure(describe(failure, j->errorString())));
    });
    job->start();
}

} // namespace Wardline::Console
