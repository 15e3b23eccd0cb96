// wardline-hub init, serve, user add and audit verify, run as IT would run them: the real
// binary, a real data directory, the password on standard input.
#include "core/secretkey.h"
#include "store/database.h"
#include "store/keyfile.h"
#include "testhub.h"
#include "whatsapp/webhooksignature.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Wardline;

namespace {
const QString GoodPassword = QStringLiteral("Ward-line 7 blue heron");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};
} // namespace

class TestHubInit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_hub;

    Run hub(const QStringList &args, const QByteArray &stdinText = {})
    {
        QProcess p;
        p.start(m_hub, args);
        if (!p.waitForStarted())
            return {};
        p.write(stdinText);
        p.closeWriteChannel();
        p.waitForFinished(60000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QString newDir() const
    {
        static int n = 0;
        return m_tmp.filePath(QStringLiteral("hub%1").arg(++n));
    }

    /// A data directory made by `init`, with Meta's secrets and loopback listeners.
    QString servableHub(Test::Tls tls)
    {
        const QString dir = newDir();
        const Run init =
            hub({QStringLiteral("--data-dir"), dir, QStringLiteral("init")}, GoodPassword.toUtf8());
        if (init.exitCode != 0 || !Test::writeHubSecrets(dir) ||
            (tls == Test::Tls::On && !Test::writeTestCertificate(dir)))
            return {};
        Test::listenOnLoopback(dir, tls);
        return dir;
    }

    struct Urls
    {
        QString api;
        QString webhooks;
    };

    /// Starts `serve` and waits for the addresses it prints.
    Urls serve(QProcess &process, const QString &dir)
    {
        process.start(m_hub, {QStringLiteral("--data-dir"), dir, QStringLiteral("serve")});
        QString printed;
        const QRegularExpression pattern(
            QStringLiteral("staff API at (\\S+)\\s+webhooks at (\\S+)"));
        QRegularExpressionMatch m;
        (void)QTest::qWaitFor(
            [&] {
                printed += QString::fromUtf8(process.readAllStandardOutput());
                m = pattern.match(printed);
                return m.hasMatch() || process.state() == QProcess::NotRunning;
            },
            20000);
        return m.hasMatch() ? Urls{m.captured(1), m.captured(2)} : Urls{};
    }

    static mode_t modeOf(const QString &path)
    {
        struct stat st = {};
        ::stat(QFile::encodeName(path).constData(), &st);
        return st.st_mode & 07777;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_hub = qEnvironmentVariable("WARDLINE_BIN_DIR") + QStringLiteral("/wardline-hub");
        QVERIFY2(QFile::exists(m_hub), qPrintable(m_hub));
    }

    void version()
    {
        const Run r = hub({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("wardline-hub " WARDLINE_VERSION)));
    }

    void initCreatesEverything()
    {
        const QString dir = newDir();
        const Run r = hub({QStringLiteral("--data-dir"), dir, QStringLiteral("init")},
                          GoodPassword.toUtf8() + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("administrator 'admin' created")));
        QVERIFY(!r.out.contains(GoodPassword));
        QCOMPARE(modeOf(dir), mode_t(0700));
        QCOMPARE(modeOf(dir + QStringLiteral("/hub.key")), mode_t(0600));
        QVERIFY(QFile::exists(dir + QStringLiteral("/hub.db")));

        QSettings conf(dir + QStringLiteral("/hub.conf"), QSettings::IniFormat);
        QCOMPARE(conf.value(QStringLiteral("database/url")).toString(),
                 QStringLiteral("sqlcipher:hub.db"));
        QVERIFY(conf.contains(QStringLiteral("whatsapp/app_secret_file")));
        // No secret values in the config: only the names of the files that hold them.
        const QStringList keys = conf.allKeys();
        for (const QString &key : keys) {
            if (key.contains(QStringLiteral("secret")) || key.contains(QStringLiteral("token")))
                QVERIFY2(key.endsWith(QStringLiteral("_file")), qPrintable(key));
        }

        // The database opens with the key from the key file, holds one administrator whose
        // password is an Argon2id hash, and its audit trail verifies.
        auto key = Store::KeyFile::read(dir + QStringLiteral("/hub.key"));
        QVERIFY(key);
        {
            auto db = Store::Database::openSqlCipher(QStringLiteral("check"),
                                                     dir + QStringLiteral("/hub.db"), key.value());
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery q(db.value());
            QVERIFY(q.exec(QStringLiteral("SELECT username, role, password_hash FROM users")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("admin"));
            QCOMPARE(q.value(1).toString(), QStringLiteral("administrator"));
            QVERIFY(q.value(2).toString().startsWith(QStringLiteral("$argon2id$")));
            QVERIFY(!q.next());
        }
        Store::Database::close(QStringLiteral("check"));

        const Run verify = hub(
            {QStringLiteral("--data-dir"), dir, QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.err));
        QVERIFY(verify.out.contains(QStringLiteral("intact (2 entries)")));

        // The password never reaches the disk in the clear, and neither does the user name.
        const QStringList files = QDir(dir).entryList(QDir::Files);
        for (const QString &name : files) {
            QFile f(dir + u'/' + name);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(GoodPassword.toUtf8()), qPrintable(name));
            if (name.startsWith(QStringLiteral("hub.db")))
                QVERIFY2(!bytes.contains("argon2id"), qPrintable(name));
        }
    }

    void initRefusesAnExistingHub()
    {
        const QString dir = newDir();
        QCOMPARE(
            hub({QStringLiteral("--data-dir"), dir, QStringLiteral("init")}, GoodPassword.toUtf8())
                .exitCode,
            0);
        QFile db(dir + QStringLiteral("/hub.db"));
        QVERIFY(db.open(QIODevice::ReadOnly));
        const QByteArray before = db.readAll();
        const QByteArray keyBefore = [&] {
            QFile k(dir + QStringLiteral("/hub.key"));
            return k.open(QIODevice::ReadOnly) ? k.readAll() : QByteArray();
        }();

        const Run again =
            hub({QStringLiteral("--data-dir"), dir, QStringLiteral("init")}, GoodPassword.toUtf8());
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("already holds a Wardline hub")),
                 qPrintable(again.err));
        db.seek(0);
        QCOMPARE(db.readAll(), before);
        QFile k(dir + QStringLiteral("/hub.key"));
        QVERIFY(k.open(QIODevice::ReadOnly));
        QCOMPARE(k.readAll(), keyBefore);
    }

    void initRefusesADatabaseAlone()
    {
        // Only a database left behind (key lost elsewhere): still never replaced.
        const QString dir = newDir();
        QVERIFY(QDir().mkpath(dir));
        QFile stray(dir + QStringLiteral("/hub.db"));
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.write("not empty");
        stray.close();
        const Run r =
            hub({QStringLiteral("--data-dir"), dir, QStringLiteral("init")}, GoodPassword.toUtf8());
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("hub.db exists")));
        QVERIFY(!QFile::exists(dir + QStringLiteral("/hub.key")));
        QVERIFY(!QFile::exists(dir + QStringLiteral("/hub.conf")));
    }

    void initRefusesAWeakPassword_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QByteArray("\n") << QStringLiteral("at least 12");
        QTest::newRow("short") << QByteArray("abc123\n") << QStringLiteral("at least 12");
        QTest::newRow("systematic") << QByteArray("abcdefghijkl\n") << QStringLiteral("too weak");
        QTest::newRow("contains the user name")
            << QByteArray("admin12345678\n") << QStringLiteral("user name");
        QTest::newRow("repeated") << QByteArray("111111111111\n") << QStringLiteral("too weak");
    }

    void initRefusesAWeakPassword()
    {
        QFETCH(QByteArray, password);
        QFETCH(QString, reason);
        const QString dir = newDir();
        const Run r = hub({QStringLiteral("--data-dir"), dir, QStringLiteral("init")}, password);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(reason), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir + QStringLiteral("/hub.db")));
    }

    void serveRefusesAWorldReadableKey()
    {
        const QString dir = newDir();
        QCOMPARE(
            hub({QStringLiteral("--data-dir"), dir, QStringLiteral("init")}, GoodPassword.toUtf8())
                .exitCode,
            0);
        QVERIFY(QFile::setPermissions(dir + QStringLiteral("/hub.key"),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        const Run r = hub({QStringLiteral("--data-dir"), dir, QStringLiteral("serve")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("let others read it")), qPrintable(r.err));
        const Run verify = hub(
            {QStringLiteral("--data-dir"), dir, QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(verify.exitCode, 1);
    }

    void serveRefusesAWrongKey()
    {
        const QString dir = newDir();
        QCOMPARE(
            hub({QStringLiteral("--data-dir"), dir, QStringLiteral("init")}, GoodPassword.toUtf8())
                .exitCode,
            0);
        QVERIFY(QFile::remove(dir + QStringLiteral("/hub.key")));
        QVERIFY(Store::KeyFile::create(dir + QStringLiteral("/hub.key")));
        const qint64 sizeBefore = QFileInfo(dir + QStringLiteral("/hub.db")).size();
        const Run r = hub({QStringLiteral("--data-dir"), dir, QStringLiteral("serve")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("key is wrong")), qPrintable(r.err));
        QCOMPARE(QFileInfo(dir + QStringLiteral("/hub.db")).size(), sizeBefore);
    }

    void serveAnswersAndStopsCleanly()
    {
        const QString dir = servableHub(Test::Tls::Off);
        QVERIFY(!dir.isEmpty());
        QProcess process;
        const Urls urls = serve(process, dir);
        QVERIFY2(!urls.api.isEmpty(),
                 qPrintable(QString::fromUtf8(process.readAllStandardError())));
        QNetworkAccessManager nam;
        QNetworkReply *reply =
            nam.get(QNetworkRequest(QUrl(urls.api + QStringLiteral("/api/v1/health"))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QVERIFY(reply->readAll().contains(R"("status":"ok")"));
        reply->deleteLater();

        // A second hub on the same data directory is refused while the first runs.
        const Run second = hub({QStringLiteral("--data-dir"), dir, QStringLiteral("serve")});
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains(QStringLiteral("is already serving")), qPrintable(second.err));

        process.terminate(); // SIGTERM: the hub closes its database and exits 0
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(!QFile::exists(dir + QStringLiteral("/hub.db-wal")));
    }

    void serveSpeaksTlsWithTheConfiguredCertificate()
    {
        const QString dir = servableHub(Test::Tls::On);
        QVERIFY(!dir.isEmpty());
        QProcess process;
        const QString url = serve(process, dir).api;
        QVERIFY2(url.startsWith(QStringLiteral("https://")), qPrintable(url));

        // A client that trusts the hub's certificate gets through ...
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(url + QStringLiteral("/api/v1/health")));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(dir + QStringLiteral("/tls/hub.crt")));
        request.setSslConfiguration(ssl);
        QNetworkReply *trusted = nam.get(request);
        QSignalSpy trustedDone(trusted, &QNetworkReply::finished);
        QVERIFY(trustedDone.wait(10000));
        QCOMPARE(trusted->error(), QNetworkReply::NoError);
        QVERIFY(trusted->readAll().contains(R"("status":"ok")"));

        // ... one that does not is stopped by certificate verification, and plain HTTP gets
        // nothing.
        QNetworkAccessManager stranger; // its own connections: no reuse of the trusted one
        QNetworkReply *untrusted =
            stranger.get(QNetworkRequest(QUrl(url + QStringLiteral("/api/v1/health"))));
        QSignalSpy untrustedDone(untrusted, &QNetworkReply::finished);
        QVERIFY(untrustedDone.wait(10000));
        QCOMPARE(untrusted->error(), QNetworkReply::SslHandshakeFailedError);
        QUrl plainUrl(url + QStringLiteral("/api/v1/health"));
        plainUrl.setScheme(QStringLiteral("http"));
        QNetworkReply *plain = stranger.get(QNetworkRequest(plainUrl));
        QSignalSpy plainDone(plain, &QNetworkReply::finished);
        QVERIFY(plainDone.wait(10000));
        QVERIFY(plain->error() != QNetworkReply::NoError);
        process.terminate();
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 0);
    }

    void exportGivesThePatientsWholeRecord()
    {
        const QString dir = servableHub(Test::Tls::Off);
        QVERIFY(!dir.isEmpty());
        QProcess process;
        const QString webhookUrl = serve(process, dir).webhooks;
        QVERIFY(!webhookUrl.isEmpty());
        const QByteArray body =
            R"({"object":"whatsapp_business_account","entry":[{"id":"102290129340398",)"
            R"("changes":[{"field":"messages","value":{"messaging_product":"whatsapp",)"
            R"("metadata":{"display_phone_number":"15550100000","phone_number_id":"1"},)"
            R"("contacts":[{"profile":{"name":"Export Test"},"wa_id":"15550100777"}],)"
            R"("messages":[{"from":"15550100777","id":"wamid.export.1","timestamp":"1764000000",)"
            R"("type":"text","text":{"body":"Necesito mis resultados \u00f1"}},)"
            R"({"from":"15550100777","id":"wamid.export.2","timestamp":"1764000060",)"
            R"("type":"location","location":{"latitude":41.39,"longitude":2.17,"name":"Clinic"}}]}}]}]})";
        QNetworkAccessManager nam;
        QNetworkRequest request{QUrl(webhookUrl)};
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("X-Hub-Signature-256",
                             WhatsApp::WebhookSignature::sign(Test::HubSecrets().appSecret, body));
        QNetworkReply *reply = nam.post(request, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

        // Every kind of message a hospital will receive, from the parser's held-out payloads.
        QFile allTypes(
            QStringLiteral(WARDLINE_SOURCE_DIR "/tests/whatsapp/payloads/all-types.json"));
        QVERIFY(allTypes.open(QIODevice::ReadOnly));
        const QByteArray payload = allTypes.readAll();
        request.setRawHeader("X-Hub-Signature-256", WhatsApp::WebhookSignature::sign(
                                                        Test::HubSecrets().appSecret, payload));
        QNetworkReply *second = nam.post(request, payload);
        QSignalSpy secondDone(second, &QNetworkReply::finished);
        QVERIFY(secondDone.wait(10000));
        QCOMPARE(second->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        process.terminate();
        QVERIFY(process.waitForFinished(10000));

        const Run exported = hub({QStringLiteral("--data-dir"), dir, QStringLiteral("export"),
                                  QStringLiteral("--patient"), QStringLiteral("+1 555 010 0777")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        const QJsonObject record = QJsonDocument::fromJson(exported.out.toUtf8()).object();
        QCOMPARE(record[QStringLiteral("patient")][QStringLiteral("profile_name")].toString(),
                 QStringLiteral("Export Test"));
        const QJsonArray messages =
            record[QStringLiteral("conversations")][0][QStringLiteral("messages")].toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0][QStringLiteral("body")].toString(),
                 QStringLiteral(u"Necesito mis resultados ñ"));
        QCOMPARE(messages[1][QStringLiteral("type")].toString(), QStringLiteral("location"));
        QCOMPARE(messages[1][QStringLiteral("payload")][QStringLiteral("location")]
                         [QStringLiteral("name")]
                             .toString(),
                 QStringLiteral("Clinic"));

        const Run everyKind = hub({QStringLiteral("--data-dir"), dir, QStringLiteral("export"),
                                   QStringLiteral("--patient"), QStringLiteral("12125550105")});
        QVERIFY2(everyKind.exitCode == 0, qPrintable(everyKind.err));
        QSet<QString> types;
        const QJsonObject kinds = QJsonDocument::fromJson(everyKind.out.toUtf8()).object();
        for (const QJsonValue &c : kinds[QStringLiteral("conversations")].toArray()) {
            for (const QJsonValue &m : c[QStringLiteral("messages")].toArray())
                types.insert(m[QStringLiteral("type")].toString());
        }
        for (const char *type :
             {"text", "image", "audio", "video", "document", "sticker", "location", "contacts",
              "interactive", "button", "reaction", "order", "system", "unsupported", "future_type"})
            QVERIFY2(types.contains(QString::fromLatin1(type)), type);

        const Run unknown = hub({QStringLiteral("--data-dir"), dir, QStringLiteral("export"),
                                 QStringLiteral("--patient"), QStringLiteral("15550109999")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains(QStringLiteral("No patient is known")));
        const Run verify = hub(
            {QStringLiteral("--data-dir"), dir, QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(verify.exitCode, 0); // each export is itself audited, and the chain holds
        QVERIFY2(verify.out.contains(QStringLiteral("(4 entries)")),
                 qPrintable(verify.out)); // init 2 + two exports
    }

    void serveRefusesPlainHttpOffLoopback()
    {
        const QString dir = servableHub(Test::Tls::Off);
        QVERIFY(!dir.isEmpty());
        QSettings(dir + QStringLiteral("/hub.conf"), QSettings::IniFormat)
            .setValue(QStringLiteral("api/listen"), QStringLiteral("0.0.0.0:0"));
        const Run r = hub({QStringLiteral("--data-dir"), dir, QStringLiteral("serve")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("only for a loopback address")), qPrintable(r.err));
    }

    void userAddAndRoles()
    {
        const QString dir = newDir();
        QCOMPARE(
            hub({QStringLiteral("--data-dir"), dir, QStringLiteral("init")}, GoodPassword.toUtf8())
                .exitCode,
            0);
        const Run added =
            hub({QStringLiteral("--data-dir"), dir, QStringLiteral("user"), QStringLiteral("add"),
                 QStringLiteral("nurse.ana"), QStringLiteral("--role"), QStringLiteral("nurse")},
                "Night shift 4 ward B\n");
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const Run dup =
            hub({QStringLiteral("--data-dir"), dir, QStringLiteral("user"), QStringLiteral("add"),
                 QStringLiteral("nurse.ana"), QStringLiteral("--role"), QStringLiteral("nurse")},
                "Night shift 4 ward B\n");
        QCOMPARE(dup.exitCode, 1);
        QVERIFY(dup.err.contains(QStringLiteral("already an account")));
        const Run badRole =
            hub({QStringLiteral("--data-dir"), dir, QStringLiteral("user"), QStringLiteral("add"),
                 QStringLiteral("x"), QStringLiteral("--role"), QStringLiteral("janitor")});
        QCOMPARE(badRole.exitCode, 1);
        QVERIFY(badRole.err.contains(QStringLiteral("unknown role")));
        const Run verify = hub(
            {QStringLiteral("--data-dir"), dir, QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY(verify.out.contains(QStringLiteral("intact (3 entries)")));
    }
};

QTEST_GUILESS_MAIN(TestHubInit)
#include "tst_hubinit.moc"
