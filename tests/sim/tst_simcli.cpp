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

private:
    [[nodiscard]] QString writeFile(const QString &name, const QByteArray &content);
    [[nodiscard]] QStringList arguments(const QString &listen, const QString &secretFile,
                                        const QString &tokenFile) const;
    void start(const QStringList &args);

    QString m_program;
    QTemporaryDir m_dir;
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

void TestSimCli::initTestCase()
{
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

QTEST_GUILESS_MAIN(TestSimCli)
#include "tst_simcli.moc"
