#include "console/keychain.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace Wardline::Console {

namespace {
Keychain::Failure classify(const QKeychain::Job *job)
{
    using Failure = Keychain::Failure;
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
} // namespace

Keychain::Keychain(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{
}

void Keychain::read(const QString &entry, Callback done)
{
    run(new QKeychain::ReadPasswordJob(m_service, this), entry, std::move(done));
}

void Keychain::write(const QString &entry, const QByteArray &data, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setBinaryData(data);
    run(job, entry, std::move(done));
}

void Keychain::remove(const QString &entry, Callback done)
{
    run(new QKeychain::DeletePasswordJob(m_service, this), entry,
        [done = std::move(done)](Answer answer) {
            done(answer.failure == Failure::NotFound ? Answer{} : std::move(answer));
        });
}

void Keychain::run(QKeychain::Job *job, const QString &entry, Callback done)
{
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(entry);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        Answer answer;
        answer.failure = classify(j);
        if (answer.failure != Failure::None)
            answer.error = j->errorString();
        else if (const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(j))
            answer.data = read->binaryData();
        done(std::move(answer));
    });
    job->start();
}

QString Keychain::describe(Failure failure, const QString &detail)
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

} // namespace Wardline::Console
