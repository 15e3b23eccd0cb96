#include "console/hubtrust.h"

#include "console/logging.h"

#include <QCryptographicHash>
#include <QSslCertificate>

namespace Wardline::Console {

HubTrust::HubTrust(QString keychainService, QObject *parent)
    : QObject(parent)
    , m_keychain(std::move(keychainService))
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
    m_keychain.read(entryName(hub), [done = std::move(done)](Keychain::Answer a) {
        if (a.failure != Keychain::Failure::None && a.failure != Keychain::Failure::NotFound)
            qCWarning(lcConsole, "confirmed hub certificates cannot be read from the keychain");
        done(a.data);
    });
}

void HubTrust::confirm(const QUrl &hub, const QByteArray &fingerprint, DoneCallback done)
{
    m_keychain.write(entryName(hub), fingerprint, [done = std::move(done)](Keychain::Answer a) {
        if (a.failure != Keychain::Failure::None)
            return done(Core::Status::failure(Keychain::describe(a.failure, a.error)));
        qCInfo(lcConsole, "a hub certificate was confirmed on this workstation");
        done({});
    });
}

void HubTrust::forget(const QUrl &hub, DoneCallback done)
{
    m_keychain.remove(entryName(hub), [done = std::move(done)](Keychain::Answer a) {
        done(a.failure == Keychain::Failure::None
                 ? Core::Status{}
                 : Core::Status::failure(Keychain::describe(a.failure, a.error)));
    });
}

} // namespace Wardline::Console
