#pragma once

#include "console/keychain.h"
#include "core/result.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

#include <functional>

class QSslCertificate;

namespace Wardline::Console {

/// Hub certificates that are not signed by an authority this computer trusts (a hospital's
/// self-signed hub) but whose SHA-256 fingerprint someone confirmed once on this workstation,
/// against the one IT gave them. The confirmed fingerprint is kept in the system keychain, per
/// hub address; a different certificate at that address later is refused as a change.
class HubTrust : public QObject
{
    Q_OBJECT
public:
    using PinCallback = std::function<void(QByteArray fingerprint)>;
    using DoneCallback = std::function<void(Core::Status)>;

    explicit HubTrust(QString keychainService, QObject *parent = nullptr);

    /// The certificate's SHA-256 fingerprint, lower-case hex (what is stored and compared).
    [[nodiscard]] static QByteArray fingerprint(const QSslCertificate &certificate);
    /// \a fingerprint as people compare it: upper-case pairs in groups ("AB:12:…"), two lines.
    [[nodiscard]] static QString displayFingerprint(const QByteArray &fingerprint);

    /// The fingerprint confirmed for \a hub; empty when none was (or no keychain answers).
    void confirmed(const QUrl &hub, PinCallback done);
    /// Remembers \a fingerprint as the confirmed certificate of \a hub.
    void confirm(const QUrl &hub, const QByteArray &fingerprint, DoneCallback done);
    /// Forgets what was confirmed for \a hub (IT replaced its certificate).
    void forget(const QUrl &hub, DoneCallback done);

private:
    [[nodiscard]] static QString entryName(const QUrl &hub);

    Keychain m_keychain;
};

} // namespace Wardline::Console
