// Signing in from the console end to end: a real hub (in-process, TLS with its own
// certificate), the real keychain (gnome-keyring in a private D-Bus session) and the real
// encrypted cache on disk.
#include "console/hubclient.h"
#include "console/hubtrust.h"
#include "console/inboxstore.h"
#include "console/localcache.h"
#include "console/sessioncontroller.h"
#include "console/syncengine.h"
#include "console/unlockverifier.h"
#include "core/clock.h"
#include "core/permissions.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "testhub.h"

#include <QDir>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

namespace {
const QString Password = QStringLiteral("Ward-line 7 blue heron");
}

class TestSessionController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    QString m_cert;

    QString cacheDir() const { return m_dir.filePath(QStringLiteral("console-cache")); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("WARDLINE_KEYRING_SESSION"),
                 "run through tests/with-keyring");
        const QString hubDir = m_dir.filePath(QStringLiteral("hub"));
        auto init =
            Hub::HubInit(hubDir, Core::Clock::system()).run(QStringLiteral("admin"), Password);
        QVERIFY2(init, qPrintable(init.error()));
        QVERIFY(Test::writeHubSecrets(hubDir));
        QVERIFY(Test::writeTestCertificate(hubDir));
        Test::listenOnLoopback(hubDir, Test::Tls::On);
        m_cert = hubDir + QStringLiteral("/tls/hub.crt");
        auto config = Hub::HubConfig::load(hubDir);
        QVERIFY(config);
        m_config = std::move(config).value();
        m_hub = std::make_unique<Hub::HubServer>(*m_config, Core::Clock::system());
        auto started = m_hub->start();
        QVERIFY2(started, qPrintable(started.error()));
    }

    void cleanupTestCase() { m_hub.reset(); }

    void signInOpensTheEncryptedCache()
    {
        Console::SessionController session(cacheDir(), QStringLiteral("Wardline-test"));
        session.hub().setExtraCaCertificates(QSslCertificate::fromPath(m_cert));
        QSignalSpy signedIn(&session, &Console::SessionController::signedIn);
        QSignalSpy failed(&session, &Console::SessionController::signInFailed);
        session.signIn(QUrl(m_hub->apiUrl()), QStringLiteral("admin"), Password);
        QTRY_VERIFY_WITH_TIMEOUT(signedIn.count() + failed.count() > 0, 30000);
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QCOMPARE(signedIn.first().first().toString(), QString()); // no note: the cache is open
        QVERIFY(session.isSignedIn());
        QCOMPARE(session.session().user.role, Core::Role::Administrator);
        // What the hub lets this user do, from its own table.
        QVERIFY(session.session().allows(Core::Permission::ManageUsers));
        QVERIFY(!session.session().allows(Core::Permission::SendMessage));
        QVERIFY(session.cache().isOpen());
        const QString cacheFile =
            Console::LocalCache::pathFor(cacheDir(), session.session().account());
        QVERIFY(QFile::exists(cacheFile));
        QVERIFY(!cacheFile.contains(QStringLiteral("admin")));

        // The session keeps its inbox in sync; the live stream is TLS with the same trust.
        QCOMPARE(session.session().eventsUrl.scheme(), QStringLiteral("wss"));
        QVERIFY(session.sync());
        QTRY_VERIFY_WITH_TIMEOUT(session.sync()->isLive(), 20000);

        QSignalSpy signedOut(&session, &Console::SessionController::signedOut);
        session.signOut();
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.count(), 1, 20000);
        QVERIFY(!session.isSignedIn());
        QVERIFY(!session.cache().isValid());
        QVERIFY(!session.sync());
        QCOMPARE(session.inbox()->size(), 0);
    }

    void unlocksOfflineAgainstTheCachedVerifier()
    {
        Console::SessionController session(cacheDir(), QStringLiteral("Wardline-test"));
        session.hub().setExtraCaCertificates(QSslCertificate::fromPath(m_cert));
        QSignalSpy signedIn(&session, &Console::SessionController::signedIn);
        QSignalSpy stored(&session.unlockVerifier(), &Console::UnlockVerifier::stored);
        session.signIn(QUrl(m_hub->apiUrl()), QStringLiteral("admin"), Password);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, 20000);
        QCOMPARE(stored.first().first().toBool(), true);
        const QByteArray kept = Console::UnlockVerifier::load(session.cache());
        QVERIFY(kept.startsWith("$argon2id$"));

        // No trust in the hub any more: only the offline check can answer.
        session.hub().setExtraCaCertificates({});
        QSignalSpy unlocked(&session, &Console::SessionController::unlocked);
        QSignalSpy rejected(&session, &Console::SessionController::unlockRejected);
        session.unlock(QStringLiteral("not the password"));
        QTRY_COMPARE_WITH_TIMEOUT(rejected.count(), 1, 20000);
        QCOMPARE(rejected.first().at(1).toBool(), true);
        session.unlock(Password);
        QTRY_COMPARE_WITH_TIMEOUT(unlocked.count(), 1, 20000);
        QCOMPARE(rejected.count(), 1);

        QSignalSpy signedOut(&session, &Console::SessionController::signedOut);
        session.signOut();
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.count(), 1, 20000);
        QVERIFY(!session.unlockVerifier().hasHash());
    }

    void wrongPasswordIsSaidPlainly()
    {
        Console::SessionController session(cacheDir(), QStringLiteral("Wardline-test"));
        session.hub().setExtraCaCertificates(QSslCertificate::fromPath(m_cert));
        QSignalSpy failed(&session, &Console::SessionController::signInFailed);
        session.signIn(QUrl(m_hub->apiUrl()), QStringLiteral("admin"), QStringLiteral("wrong one"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QCOMPARE(failed.first().first().toString(),
                 QStringLiteral("The user name or password is wrong."));
        QVERIFY(!session.isSignedIn());
    }

    void anUntrustedCertificateIsConfirmedOnceByItsFingerprint()
    {
        const QUrl hub(m_hub->apiUrl());
        const QByteArray expected =
            Console::HubTrust::fingerprint(QSslCertificate::fromPath(m_cert).value(0));
        {
            Console::SessionController session(cacheDir(), QStringLiteral("Wardline-test-pin"));
            QSignalSpy unconfirmed(&session, &Console::SessionController::certificateUnconfirmed);
            QSignalSpy failed(&session, &Console::SessionController::signInFailed);
            session.signIn(hub, QStringLiteral("admin"), Password);
            QTRY_COMPARE_WITH_TIMEOUT(unconfirmed.count(), 1, 20000);
            QVERIFY(failed.isEmpty());
            QVERIFY(!session.isSignedIn());
            // What staff compare with the fingerprint IT gave them: the certificate's own.
            QCOMPARE(unconfirmed.first().at(1).toString(),
                     Console::HubTrust::displayFingerprint(expected));
            QVERIFY(unconfirmed.first().at(0).toString().contains(
                QStringLiteral("did not send your password")));

            QSignalSpy confirmed(&session, &Console::SessionController::certificateConfirmed);
            session.confirmCertificate(hub);
            QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 1, 20000);
            QSignalSpy signedIn(&session, &Console::SessionController::signedIn);
            session.signIn(hub, QStringLiteral("admin"), Password);
            QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 30000);
            QVERIFY(failed.isEmpty());
            // The live event stream trusts the confirmed certificate too.
            QVERIFY(session.sync());
            QTRY_VERIFY_WITH_TIMEOUT(session.sync()->isLive(), 20000);
            session.signOut();
        }
        // Kept in the keychain: the next sign-in on this computer asks nothing.
        Console::SessionController again(cacheDir(), QStringLiteral("Wardline-test-pin"));
        QSignalSpy unconfirmed(&again, &Console::SessionController::certificateUnconfirmed);
        QSignalSpy signedIn(&again, &Console::SessionController::signedIn);
        again.signIn(hub, QStringLiteral("admin"), Password);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 30000);
        QVERIFY(unconfirmed.isEmpty());
        again.signOut();
    }

    void aChangedCertificateIsRefused()
    {
        const QUrl hub(m_hub->apiUrl());
        Console::HubTrust trust(QStringLiteral("Wardline-test-changed"));
        bool stored = false;
        trust.confirm(hub, QByteArray(64, 'a'),
                      [&stored](const Core::Status &s) { stored = s.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(stored, 20000);

        Console::SessionController session(cacheDir(), QStringLiteral("Wardline-test-changed"));
        QSignalSpy unconfirmed(&session, &Console::SessionController::certificateUnconfirmed);
        QSignalSpy failed(&session, &Console::SessionController::signInFailed);
        session.signIn(hub, QStringLiteral("admin"), Password);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QVERIFY(unconfirmed.isEmpty()); // no button to click past a change
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("has changed")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(!session.isSignedIn());
    }

    void anUnreachableHubIsSaidPlainly()
    {
        // A port that was free a moment ago and has nobody listening now.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        Console::SessionController session(cacheDir(), QStringLiteral("Wardline-test"));
        QSignalSpy failed(&session, &Console::SessionController::signInFailed);
        session.signIn(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)),
                       QStringLiteral("admin"), Password);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("cannot be reached")),
                 qPrintable(failed.first().first().toString()));
    }

    // Last: it stops the hub and starts it again.
    void signsInOfflineWhileTheHubIsDownThenReconnects()
    {
        const QUrl hub(m_hub->apiUrl());
        Core::ManualClock clock(QDateTime::currentDateTimeUtc());
        Console::SessionController session(cacheDir(), QStringLiteral("Wardline-test"));
        session.setClock(clock);
        session.setProbeInterval(50);
        session.hub().setExtraCaCertificates(QSslCertificate::fromPath(m_cert));
        QSignalSpy signedIn(&session, &Console::SessionController::signedIn);
        QSignalSpy failed(&session, &Console::SessionController::signInFailed);
        QSignalSpy signedOut(&session, &Console::SessionController::signedOut);
        QSignalSpy stored(&session.unlockVerifier(), &Console::UnlockVerifier::stored);
        session.signIn(hub, QStringLiteral("admin"), Password);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, 20000);
        const qint64 userId = session.session().user.id;
        session.signOut();
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.count(), 1, 20000);

        m_hub.reset(); // the hub goes down
        session.signIn(hub, QStringLiteral("admin"), QStringLiteral("not the password"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QCOMPARE(failed.last().first().toString(),
                 QStringLiteral("The user name or password is wrong."));
        QVERIFY(!session.isSignedIn());

        session.signIn(hub, QStringLiteral("admin"), Password);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 2, 20000);
        QVERIFY2(signedIn.last().first().toString().startsWith(QStringLiteral("Offline:")),
                 qPrintable(signedIn.last().first().toString()));
        QVERIFY(session.isOffline());
        QCOMPARE(session.session().user.id, userId);
        QCOMPARE(session.session().user.role, Core::Role::Administrator);
        // The permissions of the last online sign-in, so the same tabs open offline.
        QVERIFY(session.session().allows(Core::Permission::ManageUsers));
        QVERIFY(!session.session().allows(Core::Permission::SendMessage));
        QVERIFY(session.cache().isOpen());
        session.signOut();
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.count(), 2, 20000);

        // Offline sign-in is limited in time after the last online one.
        clock.advance(qint64(Console::SessionController::OfflineSignInHours) * 3600 * 1000 + 1);
        session.signIn(hub, QStringLiteral("admin"), Password);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 20000);
        QVERIFY2(failed.last().first().toString().contains(QStringLiteral("more than 12 hours")),
                 qPrintable(failed.last().first().toString()));
        QVERIFY(!session.isSignedIn());
        QVERIFY(!session.cache().isOpen());

        clock.set(QDateTime::currentDateTimeUtc());
        session.signIn(hub, QStringLiteral("admin"), Password);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 3, 20000);
        QVERIFY(session.isOffline());

        // The hub comes back: the session says so, and the password signs in online again.
        QSignalSpy reachable(&session, &Console::SessionController::hubReachable);
        {
            // Back at the address the console knows.
            QSettings conf(m_dir.filePath(QStringLiteral("hub/hub.conf")), QSettings::IniFormat);
            conf.setValue(QStringLiteral("api/listen"),
                          QStringLiteral("127.0.0.1:%1").arg(hub.port()));
        }
        auto config = Hub::HubConfig::load(m_dir.filePath(QStringLiteral("hub")));
        QVERIFY(config);
        m_config = std::move(config).value();
        m_hub = std::make_unique<Hub::HubServer>(*m_config, Core::Clock::system());
        auto started = m_hub->start();
        QVERIFY2(started, qPrintable(started.error()));
        QTRY_COMPARE_WITH_TIMEOUT(reachable.count(), 1, 20000);
        QSignalSpy unlocked(&session, &Console::SessionController::unlocked);
        session.unlock(Password);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 4, 30000);
        QCOMPARE(signedIn.last().first().toString(), QString());
        QVERIFY(!session.isOffline());
        QVERIFY(!session.session().token.isEmpty());
        QCOMPARE(unlocked.count(), 1);
        session.signOut();
    }
};

QTEST_GUILESS_MAIN(TestSessionController)
#include "tst_sessioncontroller.moc"
