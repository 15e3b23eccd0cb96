// Signing in from the console end to end: a real hub (in-process, TLS with its own
// certificate), the real keychain (gnome-keyring in a private D-Bus session) and the real
// encrypted cache on disk.
#include "console/hubclient.h"
#include "console/inboxstore.h"
#include "console/localcache.h"
#include "console/sessioncontroller.h"
#include "console/syncengine.h"
#include "console/unlockverifier.h"
#include "core/clock.h"
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

    void anUntrustedCertificateStopsBeforeThePasswordIsSent()
    {
        Console::SessionController session(cacheDir(), QStringLiteral("Wardline-test"));
        QSignalSpy failed(&session, &Console::SessionController::signInFailed);
        session.signIn(QUrl(m_hub->apiUrl()), QStringLiteral("admin"), Password);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QVERIFY2(failed.first().first().toString().contains(
                     QStringLiteral("certificate is not trusted")),
                 qPrintable(failed.first().first().toString()));
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
};

QTEST_GUILESS_MAIN(TestSessionController)
#include "tst_sessioncontroller.moc"
