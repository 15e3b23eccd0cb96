#include "console/hubtrust.h"

#include "console/cachekeystore.h"
#include "console/logging.h"

#include <QCryptographicHash>
#include <QSslCertificate>
#include <qt6keychain/keychain.h>

namespace Wardline::Console {

HubTrust::HubTrust(QString keychainService, QObject *parent)
    : QObject(parent)
    , m_service(std::move(keychainService))
{
}

QString HubTrust::entryName(const QUrl &hub)
{
    return QStringLiteral("hub-certificate/") + hub.host().toLower() + u':' +
           QString::number(hub.port(443));
}

QByteArray HubTrust::fingerprint(const QSslCertificate &certificate)
{
    return certificate.isNull() ? QByteArray()
                                : certificate.digest(QCryptographicHash::Sha256).toHex();
}

QString HubTrust::displayFingerprint(const QByteArray &fingerprint)
{
    const QString hex = QString::fromLatin1(fingerprint).toUpper();
    QString shown;
    for (qsizetype i = 0; i < hex.size(); i += 2) {
        if (i > 0)
            shown += i == hex.size() / 2 ? u'\n' : u':';
        shown += hex.mid(i, 2);
    }
    return shown;
}

void HubTrust::confirmed(const QUrl &hub, PinCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(entryName(hub));
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        const auto failure = CacheKeyStore::classify(j);
        if (failure != CacheKeyStore::Failure::None && failure != CacheKeyStore::Failure::NotFound)
            qCWarning(lcConsole, "confirmed hub certificates cannot be read from the keychain");
        done(failure == CacheKeyStore::Failure::None
                 ? static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData()
                 : QByteArray());
    });
    job->start();
}

void HubTrust::confirm(const QUrl &hub, const QByteArray &fingerprint, DoneCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(entryName(hub));
    job->setBinaryData(fingerprint);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        const auto failure = CacheKeyStore::classify(j);
        if (failure != CacheKeyStore::Failure::None)
            return done(Core::Status::failure(CacheKeyStore::describe(failure, j->errorString())));
        qCInfo(lcConsole, "a hub certificate was confirmed on this workstation");
        done({});
    });
    job->start();
}

void HubTrust::forget(const QUrl &hub, DoneCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(entryName(hub));
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        const auto failure = CacheKeyStore::classify(j);
        if (failure == CacheKeyStore::Failure::None || failure == CacheKeyStore::Failure::NotFound)
            return done({});
        done(Core::Status::failure(CacheKeyStore::describe(failure, j->errorString())));
    });
    job->start();
}

} // namespace Wardline::Console
