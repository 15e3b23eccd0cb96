#include "simtestkit.h"
#include "whatsapp/webhooksignature.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
constexpr int Timeout = 30000; // the program runs a crypto self-test before it listens
const QString PhoneNumberId = QStringLiteral("106540352242922");
} // namespace

/// The wardline-sim program itself, as scripts use it: the listening line, one authenticated
/// request, and clear refusals.
class TestSimCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void version();
    void listensAndAnswers();
    void refusesBadSecretFile_data();
    void refusesBadSecretFile();
    void refusesPortInUse();
    void sayEndToEnd();
    void sayImage();
    void sayRefusals_data();
    void sayRefusals();
    void playPersona();
    void manualClock();

private:
    /// Starts the simulator with \a extra options, delivering webhooks to m_receiver; its URL.
    [[nodiscard]] QString startWithReceiver(const QStringList &extra = {});
    /// Runs `wardline-sim \a args` to the end.
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    [[nodiscard]] Run runClient(const QStringList &args);
    [[nodiscard]] QString writeFile(const QString &name, const QByteArray &content);
    [[nodiscard]] QStringList arguments(const QString &listen, const QString &secretFile,
                                        const QString &tokenFile) const;
    void start(const QStringList &args);

    QString m_program;
    QTemporaryDir m_dir;
    SimTest::WebhookReceiver m_receiver;
    QString m_secretFile;
    QString m_tokenFile;
    std::unique_ptr<QProcess> m_process;
};

QString TestSimCli::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

QStringList TestSimCli::arguments(const QString &listen, const QString &secretFile,
                                  const QString &tokenFile) const
{
    return {QStringLiteral("--listen"),
            listen,
            QStringLiteral("--webhook"),
            QStringLiteral("http://127.0.0.1:9/webhook"),
            QStringLiteral("--app-secret-file"),
            secretFile,
            QStringLiteral("--access-token-file"),
            tokenFile,
            QStringLiteral("--phone-number-id"),
            PhoneNumberId};
}

void TestSimCli::start(const QStringList &args)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(m_program);
    m_process->setArguments(args);
    m_process->start();
}

QString TestSimCli::startWithReceiver(const QStringList &extra)
{
    QStringList args = arguments(QStringLiteral("127.0.0.1:0"), m_secretFile, m_tokenFile);
    args[3] = m_receiver.url().toString(); // --webhook
    start(args + extra);
    if (!QTest::qWaitFor(
            [this] {
                return m_process->canReadLine() || m_process->state() == QProcess::NotRunning;
            },
            Timeout))
        return {};
    static const QRegularExpression listening(
        QStringLiteral("^wardline-sim listening on (http://127\\.0\\.0\\.1:[0-9]+)\\n$"));
    return listening.match(QString::fromUtf8(m_process->readLine())).captured(1);
}

TestSimCli::Run TestSimCli::runClient(const QStringList &args)
{
    QProcess process;
    process.setProgram(m_program);
    process.setArguments(args);
    process.start();
    Run run;
    if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, Timeout))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void TestSimCli::initTestCase()
{
    QVERIFY(m_receiver.listen());
    const QString binDir = qEnvironmentVariable("WARDLINE_BIN_DIR");
    QVERIFY2(!binDir.isEmpty(), "WARDLINE_BIN_DIR is not set; run this test through ctest");
    m_program = QDir(binDir).filePath(QStringLiteral("wardline-sim"));
    QVERIFY2(QFileInfo(m_program).isExecutable(), qPrintable(m_program));
    QVERIFY(m_dir.isValid());
    m_secretFile = writeFile(QStringLiteral("app-secret"), QByteArrayLiteral("s3cret\n"));
    m_tokenFile = writeFile(QStringLiteral("access-token"), QByteArrayLiteral("EAAcli-token\n"));
    QVERIFY(!m_secretFile.isEmpty() && !m_tokenFile.isEmpty());
}

void TestSimCli::cleanup()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(Timeout);
    }
    m_process.reset();
}

void TestSimCli::version()
{
    start({QStringLiteral("--version")});
    QTRY_COMPARE_WITH_TIMEOUT(m_process->state(), QProcess::NotRunning, Timeout);
    QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_process->exitCode(), 0);
    QCOMPARE(m_process->readAllStandardOutput().trimmed(),
             QByteArray("wardline-sim " WARDLINE_VERSION));
}

void TestSimCli::listensAndAnswers()
{
    start(arguments(QStringLiteral("127.0.0.1:0"), m_secretFile, m_tokenFile));
    QTRY_VERIFY2_WITH_TIMEOUT(m_process->canReadLine() ||
                                  m_process->state() == QProcess::NotRunning,
                              "no line from wardline-sim", Timeout);
    const QString line = QString::fromUtf8(m_process->readLine());
    static const QRegularExpression listening(
        QStringLiteral("^wardline-sim listening on (http://127\\.0\\.0\\.1:([0-9]+))\\n$"));
    const QRegularExpressionMatch match = listening.match(line);
    QVERIFY2(match.hasMatch(),
             qPrintable(line + QString::fromUtf8(m_process->readAllStandardError())));
    QVERIFY(match.captured(2).toUInt() != 0); // the real port, not 0

    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(QUrl(match.captured(1) + QStringLiteral("/v21.0/") + PhoneNumberId));
    request.setRawHeader(QByteArrayLiteral("Authorization"),
                         QByteArrayLiteral("Bearer EAAcli-token"));
    std::unique_ptr<QNetworkReply> reply(manager.get(request));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), Timeout);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(body.value(u"id").toString(), PhoneNumberId);
    QCOMPARE(body.value(u"platform_type").toString(), QStringLiteral("CLOUD_API"));

    m_process->terminate();
    QTRY_COMPARE_WITH_TIMEOUT(m_process->state(), QProcess::NotRunning, Timeout);
}

void TestSimCli::refusesBadSecretFile_data()
{
    QTest::addColumn<QString>("secretFile");
    QTest::addColumn<QString>("tokenFile");
    QTest::addColumn<QString>("reason");

    const QString missing = m_dir.filePath(QStringLiteral("no-such-file"));
    const QString empty = writeFile(QStringLiteral("empty"), QByteArrayLiteral("\n"));

    QTest::newRow("missing app secret file")
        << missing << m_tokenFile
        << QStringLiteral("--app-secret-file (%1) does not exist").arg(missing);
    QTest::newRow("missing access token file")
        << m_secretFile << missing
        << QStringLiteral("--access-token-file (%1) does not exist").arg(missing);
    QTest::newRow("empty app secret file")
        << empty << m_tokenFile << QStringLiteral("--app-secret-file (%1) is empty").arg(empty);
}

void TestSimCli::refusesBadSecretFile()
{
    QFETCH(QString, secretFile);
    QFETCH(QString, tokenFile);
    QFETCH(QString, reason);

    start(arguments(QStringLiteral("127.0.0.1:0"), secretFile, tokenFile));
    QTRY_COMPARE_WITH_TIMEOUT(m_process->state(), QProcess::NotRunning, Timeout);
    QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
    QVERIFY(m_process->exitCode() != 0);
    const QString stderrText = QString::fromUtf8(m_process->readAllStandardError());
    QVERIFY2(stderrText.startsWith(u"wardline-sim: "), qPrintable(stderrText));
    QVERIFY2(stderrText.contains(reason), qPrintable(stderrText));
    QVERIFY(m_process->readAllStandardOutput().isEmpty()); // never "listening"
}

void TestSimCli::refusesPortInUse()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    const QString where = QStringLiteral("127.0.0.1:%1").arg(blocker.serverPort());

    start(arguments(where, m_secretFile, m_tokenFile));
    QTRY_COMPARE_WITH_TIMEOUT(m_process->state(), QProcess::NotRunning, Timeout);
    QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
    QVERIFY(m_process->exitCode() != 0);
    const QString stderrText = QString::fromUtf8(m_process->readAllStandardError());
    QVERIFY2(stderrText.contains(QStringLiteral("cannot listen on %1").arg(where)),
             qPrintable(stderrText));
    QVERIFY2(stderrText.contains(u"in use"), qPrintable(stderrText));
    QVERIFY(m_process->readAllStandardOutput().isEmpty());
}

void TestSimCli::sayEndToEnd()
{
    const QString sim = startWithReceiver();
    QVERIFY(!sim.isEmpty());
    m_receiver.clear();
    const Run run = runClient({QStringLiteral("say"), QStringLiteral("--sim"), sim,
                               QStringLiteral("--from"), QStringLiteral("+1 202 555 0134"),
                               QStringLiteral("--name"), QStringLiteral("Ana Núñez"),
                               QStringLiteral("--text"), QStringLiteral("Me duele el pecho 😀")});
    QCOMPARE(run.exitCode, 0);
    const QString wamid = run.out.trimmed();
    QVERIFY2(wamid.startsWith(u"wamid."), qPrintable(run.out + run.err));

    // A signed webhook that WebhookSignature verifies over the bytes as received.
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.deliveries().size(), 1, Timeout);
    const SimTest::Delivery &d = m_receiver.deliveries().constFirst();
    QCOMPARE(Wardline::WhatsApp::WebhookSignature::verify(QByteArrayLiteral("s3cret"), d.body,
                                                          d.signature256),
             Wardline::WhatsApp::WebhookSignature::Verification::Valid);
    QVERIFY(d.body.contains("N\\u00fa\\u00f1ez"));
    QVERIFY(d.body.contains("\\ud83d\\ude00"));
    const QJsonObject message = m_receiver.inboundMessages().constFirst();
    QCOMPARE(message.value(u"id").toString(), wamid);
    QCOMPARE(message.value(u"from").toString(), QStringLiteral("12025550134"));
    QCOMPARE(message.value(u"text").toObject().value(u"body").toString(),
             QStringLiteral("Me duele el pecho 😀"));
}

void TestSimCli::sayImage()
{
    const QString sim = startWithReceiver();
    QVERIFY(!sim.isEmpty());
    m_receiver.clear();
    QFile resource(QStringLiteral(":/personas/wound_day3.jpg"));
    QVERIFY(resource.open(QIODevice::ReadOnly));
    const QString image = writeFile(QStringLiteral("wound.jpg"), resource.readAll());
    const Run run =
        runClient({QStringLiteral("say"), QStringLiteral("--sim"), sim, QStringLiteral("--from"),
                   QStringLiteral("12025550134"), QStringLiteral("--image"), image,
                   QStringLiteral("--caption"), QStringLiteral("day 3")});
    QCOMPARE(run.exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.inboundMessages().size(), 1, Timeout);
    const QJsonObject message = m_receiver.inboundMessages().constFirst();
    QCOMPARE(message.value(u"type").toString(), QStringLiteral("image"));
    QCOMPARE(message.value(u"image").toObject().value(u"caption").toString(),
             QStringLiteral("day 3"));
    QCOMPARE(message.value(u"id").toString(), run.out.trimmed());
}

void TestSimCli::sayRefusals_data()
{
    QTest::addColumn<QStringList>("args"); // after "say --sim URL"
    QTest::addColumn<bool>("reachable");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("simulator not running")
        << QStringList{QStringLiteral("--from"), QStringLiteral("12025550134"),
                       QStringLiteral("--text"), QStringLiteral("hi")}
        << false << 1 << QStringLiteral("cannot reach the simulator");
    QTest::newRow("refused") << QStringList{QStringLiteral("--from"), QStringLiteral("nurse"),
                                            QStringLiteral("--text"), QStringLiteral("hi")}
                             << true << 1 << QStringLiteral("the simulator refused (HTTP 400)");
    QTest::newRow("no content") << QStringList{QStringLiteral("--from"),
                                               QStringLiteral("12025550134")}
                                << true << 2 << QStringLiteral("exactly one of --text");
    QTest::newRow("two contents") << QStringList{QStringLiteral("--from"),
                                                 QStringLiteral("12025550134"),
                                                 QStringLiteral("--text"),
                                                 QStringLiteral("a"),
                                                 QStringLiteral("--button"),
                                                 QStringLiteral("CHANGE")}
                                  << true << 2 << QStringLiteral("exactly one of --text");
    QTest::newRow("no from") << QStringList{QStringLiteral("--text"), QStringLiteral("hi")} << true
                             << 2 << QStringLiteral("--from is required");
    QTest::newRow("bad location") << QStringList{QStringLiteral("--from"),
                                                 QStringLiteral("12025550134"),
                                                 QStringLiteral("--location"),
                                                 QStringLiteral("north")}
                                  << true << 2 << QStringLiteral("--location \"north\"");
}

void TestSimCli::sayRefusals()
{
    QFETCH(QStringList, args);
    QFETCH(bool, reachable);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QString sim;
    if (reachable) {
        sim = startWithReceiver();
        QVERIFY(!sim.isEmpty());
    } else {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        sim = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
    } // the port is free again: nothing listens there
    const Run run =
        runClient(QStringList{QStringLiteral("say"), QStringLiteral("--sim"), sim} + args);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.startsWith(u"wardline-sim: "), qPrintable(run.err));
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestSimCli::playPersona()
{
    const QString sim = startWithReceiver();
    QVERIFY(!sim.isEmpty());
    m_receiver.clear();
    const Run run = runClient(
        {QStringLiteral("play"), QStringLiteral("--sim"), sim, QStringLiteral("general_question")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(u"playing general_question as 13125550185"), qPrintable(run.out));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.inboundMessages().size(), 1, Timeout);
    QVERIFY(m_receiver.inboundMessages()
                .constFirst()
                .value(u"text")
                .toObject()
                .value(u"body")
                .toString()
                .contains(u"visiting hours"));

    const Run unknown =
        runClient({QStringLiteral("play"), QStringLiteral("--sim"), sim, QStringLiteral("nobody")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(u"there is no persona \"nobody\""), qPrintable(unknown.err));
}

void TestSimCli::manualClock()
{
    const QString sim =
        startWithReceiver({QStringLiteral("--clock"), QStringLiteral("manual"),
                           QStringLiteral("--start-time"), QStringLiteral("2026-03-02T03:00:00Z")});
    QVERIFY(!sim.isEmpty());
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(QUrl(sim + QStringLiteral("/_sim/advance")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> reply(
        manager.post(request, QByteArrayLiteral("{\"seconds\":3600}")));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), Timeout);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object().value(u"now").toString(),
             QStringLiteral("2026-03-02T04:00:00.000Z"));
}

QTEST_GUILESS_MAIN(TestSimCli)
#include "tst_simcli.moc"
