// Crash safety of the hub, tested the way SQLite tests crashes: the real wardline-hub is killed
// with SIGKILL at random moments while wardline-sim (in this process) delivers signed webhooks
// to it and takes its sends, and is started again each time. Whatever the hub acknowledged must
// be in the record exactly once, Meta's retries must bring in the rest, and no patient may
// receive a message twice because the hub died while sending it.
//
// The dice are seeded and the seed is printed; WARDLINE_DURABILITY_SEED=N repeats a run's kill
// moments (the exact interleaving with the network still varies).
#include "core/clock.h"
#include "hub/outboxworker.h"
#include "sim/inboundinjector.h"
#include "sim/messagelog.h"
#include "sim/simconfig.h"
#include "sim/simserver.h"
#include "sim/simservices.h"
#include "sim/webhooksender.h"
#include "store/database.h"
#include "store/keyfile.h"
#include "testhub.h"
#include "whatsapp/graphmessage.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <utility>

using namespace Wardline;

namespace {
const QString Password = QStringLiteral("Ward-line 7 blue heron");

constexpr int KillCycles = 20;           // the bound: 20 kills while webhooks arrive
constexpr int MaxKillDelayMs = 1000;     // a kill comes within this long after the hub serves
constexpr int InjectIntervalMs = 40;     // one patient message every 40 ms (25 a second)
constexpr int Patients = 40;             // who writes in, at random
constexpr int QueuedSends = 60;          // templates waiting in the outbox
constexpr int KillsMidSend = 4;          // kills while those are being sent
constexpr int UncertainGraceMs = 5000;   // only a status settles an uncertain send before this
constexpr int HubStartTimeoutMs = 30000; // a debug build on a busy 2-core machine
constexpr int DrainTimeoutMs = 120000;   // a backlog under a loaded machine

QString patientNumber(int index)
{
    return QStringLiteral("1555010%1").arg(2000 + index);
}

QString recipientNumber(int index)
{
    return QStringLiteral("1555010%1").arg(3000 + index);
}

// A few items of a long list for a failure message; never message text, only ids.
QString sample(QStringList items)
{
    items.sort();
    const qsizetype total = items.size();
    if (total > 5) {
        items.resize(5);
        items.append(QStringLiteral("…"));
    }
    return QStringLiteral("%1 (%2)").arg(total).arg(items.join(QStringLiteral(", ")));
}
} // namespace

/// The real wardline-hub serving a data directory, started, stopped and killed as an operator
/// or a crash would.
class HubProcess : public QObject
{
    Q_OBJECT

public:
    HubProcess(QString program, QString dataDir, QObject *parent = nullptr)
        : QObject(parent)
        , m_program(std::move(program))
        , m_dataDir(std::move(dataDir))
    {
        connect(&m_process, &QProcess::readyReadStandardOutput, this, &HubProcess::readOutput);
        connect(&m_process, &QProcess::readyReadStandardError, this, &HubProcess::readErrors);
        connect(&m_process, &QProcess::finished, this, &HubProcess::settled);
        connect(&m_process, &QProcess::errorOccurred, this, &HubProcess::failedToStart);
    }

    ~HubProcess() override
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

    /// Runs `serve` and waits until it says where webhooks arrive; false (see log()) if the
    /// hub ended or stayed silent instead.
    [[nodiscard]] bool start()
    {
        m_output.clear();
        m_errors.clear();
        m_serving = false;
        QSignalSpy settledSpy(this, &HubProcess::settled);
        m_process.start(m_program,
                        {QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("serve")});
        return (!settledSpy.isEmpty() || settledSpy.wait(HubStartTimeoutMs)) && m_serving;
    }

    /// SIGKILL: no chance to commit, flush or answer anything.
    void kill()
    {
        if (m_process.state() != QProcess::NotRunning)
            m_process.kill();
    }

    [[nodiscard]] bool waitUntilGone(int timeoutMs)
    {
        if (m_process.state() == QProcess::NotRunning)
            return true;
        QSignalSpy finished(&m_process, &QProcess::finished);
        return finished.wait(timeoutMs) || m_process.state() == QProcess::NotRunning;
    }

    /// SIGTERM, as systemd stops it: the hub drains, closes the database and exits 0.
    [[nodiscard]] bool stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return true;
        m_process.terminate();
        return waitUntilGone(30000) && m_process.exitStatus() == QProcess::NormalExit &&
               m_process.exitCode() == 0;
    }

    /// Every line logged as critical since the last call.
    [[nodiscard]] QStringList takeCriticals() { return std::exchange(m_criticals, {}); }

    [[nodiscard]] bool running() const { return m_process.state() != QProcess::NotRunning; }
    /// The last run ended by a signal (our SIGKILL), not by exiting on its own.
    [[nodiscard]] bool killed() const { return m_process.exitStatus() == QProcess::CrashExit; }

    /// What the last run wrote to stderr (the end of it), for a failure message.
    [[nodiscard]] QString log() const
    {
        return QStringLiteral("exit status %1, code %2, stderr:\n%3")
            .arg(int(m_process.exitStatus()))
            .arg(m_process.exitCode())
            .arg(QString::fromUtf8(m_errors.right(3000)));
    }

Q_SIGNALS:
    /// The hub announced itself, or it ended (or never started).
    void settled();

private:
    void readOutput()
    {
        m_output += m_process.readAllStandardOutput();
        if (!m_serving && m_output.contains("webhooks at")) {
            m_serving = true;
            Q_EMIT settled();
        }
    }

    void readErrors()
    {
        const QByteArray errors = m_process.readAllStandardError();
        m_errors += errors;
        // Lines the hub logs as critical (a failed commit, a failed recovery), over all runs.
        for (const QByteArray &line : errors.split('\n')) {
            if (line.contains(" critical "))
                m_criticals.append(QString::fromUtf8(line));
        }
    }

    void failedToStart(QProcess::ProcessError error)
    {
        if (error == QProcess::FailedToStart)
            Q_EMIT settled();
    }

    QString m_program;
    QString m_dataDir;
    QProcess m_process;
    QByteArray m_output;
    QByteArray m_errors;
    QStringList m_criticals;
    bool m_serving = false;
};

/// The hub's database, opened by the test while no hub serves it (or beside a running one for
/// reading); closed again when this goes out of scope.
class HubRecord
{
public:
    enum class Access { ReadOnly, ReadWrite };

    HubRecord(const QString &dataDir, Access access)
    {
        static int opened = 0;
        m_connection = QStringLiteral("durability-%1").arg(++opened);
        auto key = Store::KeyFile::read(dataDir + QStringLiteral("/hub.key"));
        if (!key) {
            m_error = key.error();
            return;
        }
        auto db = Store::Database::openSqlCipher(m_connection, dataDir + QStringLiteral("/hub.db"),
                                                 key.value());
        if (!db) {
            m_error = db.error();
            return;
        }
        m_db = std::move(db).value();
        if (access == Access::ReadOnly) {
            QSqlQuery readOnly(m_db);
            if (!readOnly.exec(QStringLiteral("PRAGMA query_only = ON")))
                m_error = Store::Database::describe(readOnly.lastError());
        }
    }

    ~HubRecord()
    {
        m_db = QSqlDatabase();
        Store::Database::close(m_connection);
    }

    HubRecord(const HubRecord &) = delete;
    HubRecord &operator=(const HubRecord &) = delete;

    [[nodiscard]] bool isOpen() const { return m_error.isEmpty() && m_db.isOpen(); }
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] QSqlDatabase database() const { return m_db; }

    /// The first column of every row of \a sql; a failed query is recorded in error().
    [[nodiscard]] QStringList column(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        QStringList result;
        if (!query.exec()) {
            m_error = Store::Database::describe(query.lastError());
            return result;
        }
        while (query.next())
            result.append(query.value(0).toString());
        return result;
    }

    [[nodiscard]] qint64 number(const QString &sql, const QVariantList &values = {})
    {
        const QStringList rows = column(sql, values);
        return rows.isEmpty() ? -1 : rows.constFirst().toLongLong();
    }

private:
    QString m_connection;
    QSqlDatabase m_db;
    QString m_error;
};

class TestDurability : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_hubProgram;
    QString m_dataDir;
    Test::HubSecrets m_secrets;
    std::unique_ptr<Sim::SimServer> m_sim;
    std::unique_ptr<HubProcess> m_hub;
    quint32 m_seed = 0;
    QRandomGenerator m_killDice;
    QRandomGenerator m_patientDice;
    QStringList m_injected;      ///< wamids of the patient messages the sim accepted
    QStringList m_injectErrors;  ///< what the sim refused (should stay empty)
    int m_killAfterAccepted = 0; ///< SIGKILL the hub when the sim accepts this many more sends
    QString m_killedBy;          ///< biz_opaque_callback_data of the send that triggered it

    // The simulator's view of its webhook deliveries.
    struct WebhookTally
    {
        int batches = 0;
        int attempts = 0;
        int refused = 0;    ///< attempts without a 2xx (hub down, killed, or 503)
        int unfinished = 0; ///< batches not (yet) delivered: queued, retrying, given up, …
        int acknowledged = 0;
        QStringList acknowledgedMessages; ///< wamids in batches the hub answered with a 2xx
    };

    WebhookTally tallyWebhooks() const
    {
        WebhookTally tally;
        const QJsonArray log = m_sim->services()->webhooks().log();
        for (const QJsonValue &entry : log) {
            const QJsonObject batch = entry.toObject();
            ++tally.batches;
            bool acknowledged = false;
            for (const QJsonValue &attempt : batch.value(u"attempts").toArray()) {
                ++tally.attempts;
                const int status = attempt.toObject().value(u"http_status").toInt();
                if (status >= 200 && status < 300)
                    acknowledged = true;
                else
                    ++tally.refused;
            }
            if (batch.value(u"state").toString() != u"delivered")
                ++tally.unfinished;
            if (!acknowledged)
                continue;
            ++tally.acknowledged;
            for (const QJsonValue &update : batch.value(u"updates").toArray()) {
                if (update.toObject().value(u"kind").toString() == u"message")
                    tally.acknowledgedMessages.append(update.toObject().value(u"ref").toString());
            }
        }
        return tally;
    }

    [[nodiscard]] bool webhooksDrained() const
    {
        return m_sim->services()->webhooks().outstanding() == 0 && tallyWebhooks().unfinished == 0;
    }

    void injectPatientMessage()
    {
        const QString from = patientNumber(int(m_patientDice.bounded(Patients)));
        const Sim::InboundResult sent = m_sim->services()->inbound().inject(
            {{QStringLiteral("from"), from},
             {QStringLiteral("text"),
              QStringLiteral("Drill message %1, please call back").arg(m_injected.size() + 1)}});
        if (sent.ok)
            m_injected.append(sent.wamid);
        else
            m_injectErrors.append(sent.error);
    }

    // Runs inside the simulator's handling of the hub's send request, before it answers: the
    // message has reached "Meta" and the hub will never learn it did.
    void killOnAcceptedSend(const Sim::SentMessage &message)
    {
        // Only this test's own sends arm the kill; the hub's automated replies to the ingest
        // patients (menus) go through the same outbox and are checked the same way below.
        if (!keyOf(message.bizOpaque).startsWith(QLatin1String("crash-send-")))
            return;
        if (m_killAfterAccepted <= 0 || --m_killAfterAccepted > 0)
            return;
        m_killedBy = message.bizOpaque;
        m_hub->kill();
    }

    [[nodiscard]] static QString keyOf(const QString &bizOpaque)
    {
        return bizOpaque.startsWith(Hub::OutboxWorker::CallbackPrefix)
                   ? bizOpaque.mid(Hub::OutboxWorker::CallbackPrefix.size())
                   : QString();
    }

    [[nodiscard]] int runHubCommand(const QStringList &arguments, const QByteArray &input,
                                    QString *errors)
    {
        QProcess process;
        process.start(m_hubProgram,
                      QStringList{QStringLiteral("--data-dir"), m_dataDir} + arguments);
        if (!process.waitForStarted(30000))
            return -1;
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000))
            return -1;
        *errors = QString::fromUtf8(process.readAllStandardError());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    // The recipients write in first (so each has a conversation for the message to join);
    // then, with the hub stopped, their messages are queued as a console's request would.
    void queueTemplates(const QHash<QString, QString> &recipientOfKey)
    {
        if (m_hub->running())
            QVERIFY2(m_hub->stop(), qPrintable(m_hub->log()));
        for (const QString &to : recipientOfKey) {
            const Sim::InboundResult sent = m_sim->services()->inbound().inject(
                {{QStringLiteral("from"), to},
                 {QStringLiteral("text"), QStringLiteral("Please send the instructions")}});
            QVERIFY2(sent.ok, qPrintable(sent.error));
        }
        QVERIFY2(m_hub->start(), qPrintable(m_hub->log()));
        QTRY_VERIFY_WITH_TIMEOUT(webhooksDrained(), DrainTimeoutMs);
        QVERIFY2(m_hub->stop(), qPrintable(m_hub->log()));

        HubRecord record(m_dataDir, HubRecord::Access::ReadWrite);
        QVERIFY2(record.isOpen(), qPrintable(record.error()));
        QSqlDatabase db = record.database();
        QVERIFY(db.transaction());
        for (auto it = recipientOfKey.cbegin(); it != recipientOfKey.cend(); ++it) {
            const qint64 conversation = record.number(
                QStringLiteral("SELECT c.id FROM conversations c JOIN patients p ON p.id = "
                               "c.patient_id WHERE p.wa_id = ? AND c.state = 'open'"),
                {it.value()});
            QVERIFY2(conversation > 0, qPrintable(record.error()));
            WhatsApp::TemplateMessage t;
            t.name = QStringLiteral("emergency_instruction");
            t.languageCode = QStringLiteral("en");
            t.components = {WhatsApp::TemplateComponent::body(
                {WhatsApp::TemplateParameter::fromText(QStringLiteral("Ana"))})};
            auto message = WhatsApp::GraphMessage::templateMessage(it.value(), t);
            QVERIFY(message);
            auto id =
                Hub::OutboxWorker::enqueue(db, it.key(), conversation, std::move(message).value(),
                                           Core::Clock::system().now());
            QVERIFY2(id, qPrintable(id.error()));
        }
        QVERIFY2(db.commit(), qPrintable(Store::Database::describe(db.lastError())));
    }

    // What the simulator accepted since \a first: the wamids per recipient.
    /// The test's own sends the sim accepted, by recipient.
    [[nodiscard]] QHash<QString, QStringList> testSends() const
    {
        QHash<QString, QStringList> wamidsTo;
        for (const Sim::SentMessage &m : m_sim->services()->log().allSent()) {
            if (keyOf(m.bizOpaque).startsWith(QLatin1String("crash-send-")))
                wamidsTo[m.to].append(m.wamid);
        }
        return wamidsTo;
    }
    /// The hub's own automated replies (menus to the ingest patients) accepted more than once.
    [[nodiscard]] QStringList automatedTwice() const
    {
        QHash<QString, int> times;
        for (const Sim::SentMessage &m : m_sim->services()->log().allSent()) {
            if (keyOf(m.bizOpaque).startsWith(QLatin1String("auto:")))
                ++times[keyOf(m.bizOpaque)];
        }
        QStringList twice;
        for (auto it = times.cbegin(); it != times.cend(); ++it) {
            if (it.value() > 1)
                twice.append(it.key());
        }
        return twice;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_hubProgram = qEnvironmentVariable("WARDLINE_BIN_DIR") + QStringLiteral("/wardline-hub");
        QVERIFY2(QFile::exists(m_hubProgram), qPrintable(m_hubProgram));
        QVERIFY(m_tmp.isValid());

        bool seeded = false;
        m_seed = qEnvironmentVariable("WARDLINE_DURABILITY_SEED").toUInt(&seeded);
        if (!seeded)
            m_seed = QRandomGenerator::system()->generate();
        // The simulator reports every refused delivery; hundreds are expected here.
        QLoggingCategory::setFilterRules(QStringLiteral("wardline.sim.info=false"));
        qInfo("seed %u (WARDLINE_DURABILITY_SEED=%u repeats the kill moments)", m_seed, m_seed);
        m_killDice.seed(m_seed);
        m_patientDice.seed(m_seed ^ 0x5eedu);

        // The data directory as IT prepares it: init with the password on stdin, Meta's secrets.
        m_dataDir = m_tmp.filePath(QStringLiteral("hub"));
        QString errors;
        QCOMPARE(runHubCommand({QStringLiteral("init")}, Password.toUtf8() + '\n', &errors), 0);
        QVERIFY(Test::writeHubSecrets(m_dataDir, m_secrets));
        Test::listenOnLoopback(m_dataDir, Test::Tls::Off);

        // The sim must know the hub's webhook port before the hub runs, and the port must stay
        // the same across restarts: reserve one now.
        QTcpServer reserve;
        QVERIFY(reserve.listen(QHostAddress::LocalHost));
        const quint16 webhookPort = reserve.serverPort();
        reserve.close();

        Sim::SimConfig sim;
        sim.webhookUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(webhookPort));
        sim.appSecret = m_secrets.appSecret;
        sim.accessToken = m_secrets.accessToken;
        // Quick retries, so a batch refused while the hub was down comes back soon after it.
        sim.behaviour.webhookRetryInitialMs = 50;
        sim.behaviour.webhookRetryMaxMs = 500;
        sim.behaviour.webhookTimeoutMs = 5000;
        // Meta batches up to 1,000 updates; smaller batches keep a busy hub's commits short, so
        // the kills land between many of them instead of always inside one large one.
        sim.behaviour.webhookBatchMax = 50;
        // "sent" at once (it settles an uncertain send); no later statuses to wait for.
        sim.behaviour.statusSentMs = 0;
        sim.behaviour.statusDeliveredMs = -1;
        m_sim = std::make_unique<Sim::SimServer>();
        QString error;
        QVERIFY2(m_sim->start(sim, &error), qPrintable(error));

        {
            QSettings conf(m_dataDir + QStringLiteral("/hub.conf"), QSettings::IniFormat);
            conf.setValue(QStringLiteral("webhook/listen"),
                          QStringLiteral("127.0.0.1:%1").arg(webhookPort));
            // The consoles' live event socket (when the hub has one): any free port, never a
            // fixed one another test may hold.
            conf.setValue(QStringLiteral("api/events_listen"), QStringLiteral("127.0.0.1:0"));
            conf.setValue(QStringLiteral("whatsapp/graph_url"), m_sim->url().toString());
            conf.setValue(QStringLiteral("whatsapp/phone_number_id"),
                          Sim::SimConfig::DefaultPhoneNumberId.toString());
            conf.setValue(QStringLiteral("whatsapp/waba_id"),
                          Sim::SimConfig::DefaultWabaId.toString());
            conf.setValue(QStringLiteral("whatsapp/send_rate"), 20);
            conf.setValue(QStringLiteral("whatsapp/pair_interval_ms"), 0);
            conf.setValue(QStringLiteral("whatsapp/timeout_ms"), 5000);
            conf.setValue(QStringLiteral("whatsapp/retry_base_ms"), 50);
            conf.setValue(QStringLiteral("whatsapp/uncertain_grace_ms"), UncertainGraceMs);
        }
        m_hub = std::make_unique<HubProcess>(m_hubProgram, m_dataDir);
    }

    void cleanupTestCase()
    {
        if (m_hub && m_hub->running())
            QVERIFY2(m_hub->stop(), qPrintable(m_hub->log()));
        m_hub.reset();
        m_sim.reset();
    }

    void noAcknowledgedPatientMessageIsLostOrDoubledWhenTheHubCrashes()
    {
        QElapsedTimer clock;
        clock.start();
        QTimer patients;
        connect(&patients, &QTimer::timeout, this, &TestDurability::injectPatientMessage);
        patients.start(InjectIntervalMs);
        QTimer killer;
        killer.setSingleShot(true);
        connect(&killer, &QTimer::timeout, m_hub.get(), &HubProcess::kill);

        for (int cycle = 1; cycle <= KillCycles; ++cycle) {
            QVERIFY2(m_hub->start(), qPrintable(m_hub->log()));
            killer.start(int(m_killDice.bounded(MaxKillDelayMs)));
            QVERIFY2(m_hub->waitUntilGone(MaxKillDelayMs + 30000), "the hub was not killed");
            // Ended by our SIGKILL, not on its own before it.
            QVERIFY2(!killer.isActive() && m_hub->killed(), qPrintable(m_hub->log()));

            // What the hub acknowledged before it died is in the record right now.
            const WebhookTally tally = tallyWebhooks();
            HubRecord record(m_dataDir, HubRecord::Access::ReadOnly);
            QVERIFY2(record.isOpen(), qPrintable(record.error()));
            const QStringList storedList =
                record.column(QStringLiteral("SELECT wamid FROM messages WHERE direction = 'in'"));
            const QSet<QString> stored(storedList.cbegin(), storedList.cend());
            QVERIFY2(record.error().isEmpty(), qPrintable(record.error()));
            QStringList lost;
            for (const QString &wamid : tally.acknowledgedMessages) {
                if (!stored.contains(wamid))
                    lost.append(wamid);
            }
            QVERIFY2(lost.isEmpty(),
                     qPrintable(QStringLiteral("after kill %1: acknowledged but not stored: %2")
                                    .arg(cycle)
                                    .arg(sample(lost))));
        }
        QVERIFY2(m_hub->start(), qPrintable(m_hub->log()));
        patients.stop();
        const qint64 killingMs = clock.elapsed();

        // Meta's retries bring in what was refused while the hub was down or dying.
        QTRY_VERIFY_WITH_TIMEOUT(webhooksDrained(), DrainTimeoutMs);
        QVERIFY2(m_hub->stop(), qPrintable(m_hub->log()));
        const QStringList criticals = m_hub->takeCriticals();
        QVERIFY2(criticals.isEmpty(), qPrintable(criticals.join(u'\n')));
        QVERIFY2(m_injectErrors.isEmpty(), qPrintable(m_injectErrors.join(u'\n')));

        const WebhookTally tally = tallyWebhooks();
        QVERIFY2(tally.refused > 0, "no delivery was ever refused: the kills tested nothing");
        HubRecord record(m_dataDir, HubRecord::Access::ReadOnly);
        QVERIFY2(record.isOpen(), qPrintable(record.error()));
        const QStringList storedList =
            record.column(QStringLiteral("SELECT wamid FROM messages WHERE direction = 'in'"));
        const QSet<QString> stored(storedList.cbegin(), storedList.cend());
        const QSet<QString> injected(m_injected.cbegin(), m_injected.cend());
        QCOMPARE(injected.size(), m_injected.size()); // the sim never reuses a wamid
        QStringList missing;
        for (const QString &wamid : std::as_const(m_injected)) {
            if (!stored.contains(wamid))
                missing.append(wamid);
        }
        QStringList unexpected;
        for (const QString &wamid : stored) {
            if (!injected.contains(wamid))
                unexpected.append(wamid);
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("never stored: %1").arg(sample(missing))));
        QVERIFY2(unexpected.isEmpty(),
                 qPrintable(QStringLiteral("stored but never sent: %1").arg(sample(unexpected))));
        QCOMPARE(storedList.size(), m_injected.size()); // each exactly once
        for (const QString &wamid : std::as_const(tally.acknowledgedMessages))
            QVERIFY2(stored.contains(wamid), qPrintable(wamid));

        // Consoles see each message once: one "message.received" event per stored message ...
        QCOMPARE(record.number(
                     QStringLiteral("SELECT count(*) FROM events WHERE kind = 'message.received'")),
                 qint64(m_injected.size()));
        QCOMPARE(record.number(
                     QStringLiteral("SELECT count(DISTINCT json_extract(payload, '$.messageId')) "
                                    "FROM events WHERE kind = 'message.received'")),
                 qint64(m_injected.size()));
        // ... a nurse's unread count matches what the patient wrote, and a patient who wrote
        // while the hub crashed is still one patient with one open conversation.
        QCOMPARE(record.number(QStringLiteral(
                     "SELECT count(*) FROM conversations c WHERE unread != (SELECT count(*) "
                     "FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in')")),
                 qint64(0));
        QSet<QString> writers;
        for (const QString &wamid : std::as_const(m_injected)) {
            if (const Sim::ReceivedMessage *m = m_sim->services()->log().received(wamid))
                writers.insert(m->waId);
        }
        QCOMPARE(record.number(QStringLiteral("SELECT count(*) FROM patients")),
                 qint64(writers.size()));
        QCOMPARE(record.number(
                     QStringLiteral("SELECT count(*) FROM conversations WHERE state = 'open'")),
                 qint64(writers.size()));
        const qint64 commits =
            record.number(QStringLiteral("SELECT count(*) FROM webhook_deliveries"));
        QVERIFY2(record.error().isEmpty(), qPrintable(record.error()));
        qInfo("%d kills over %lld ms; %lld patient messages in %d batches, %d POSTs (%d refused), "
              "%lld commits recorded for %d acknowledged batches; drained after %lld ms",
              KillCycles, killingMs, qlonglong(m_injected.size()), tally.batches, tally.attempts,
              tally.refused, commits, tally.acknowledged, clock.elapsed() - killingMs);
    }

    void noPatientGetsAMessageTwiceWhenTheHubCrashesMidSend()
    {
        QElapsedTimer clock;
        clock.start();
        QHash<QString, QString> recipientOfKey;
        for (int i = 0; i < QueuedSends; ++i)
            recipientOfKey.insert(QStringLiteral("crash-send-%1").arg(i), recipientNumber(i));
        queueTemplates(recipientOfKey);
        if (QTest::currentTestFailed())
            return;

        // Kill the hub the moment the sim accepts one of its sends (before the answer leaves),
        // a few times, after a random number of accepted sends each time. Each new hub first
        // takes in the statuses Meta holds for it, and only then is armed: a hub killed again
        // before that and kept down past the grace sends again, because
        // OutboxRepository::recover() gives a fresh grace only to rows still "sending".
        connect(&m_sim->services()->log(), &Sim::MessageLog::messageSent, this,
                &TestDurability::killOnAcceptedSend);
        // Keys whose send reached "Meta" as the hub died, with the attempts made until then.
        QHash<QString, qint64> reachedMetaAsItDied;
        for (int kill = 1; kill <= KillsMidSend; ++kill) {
            m_killedBy.clear();
            QVERIFY2(m_hub->start(), qPrintable(m_hub->log()));
            QTRY_VERIFY_WITH_TIMEOUT(webhooksDrained(), DrainTimeoutMs);
            m_killAfterAccepted = 1 + int(m_killDice.bounded(3));
            QVERIFY2(m_hub->waitUntilGone(UncertainGraceMs + 30000),
                     "the hub sent nothing more to kill it on");
            QVERIFY2(m_hub->killed(), qPrintable(m_hub->log()));
            const QString key = keyOf(m_killedBy);
            QVERIFY2(recipientOfKey.contains(key), qPrintable(m_killedBy));

            // The row was durably "sending" before its request left.
            HubRecord record(m_dataDir, HubRecord::Access::ReadOnly);
            QVERIFY2(record.isOpen(), qPrintable(record.error()));
            QCOMPARE(
                record.column(QStringLiteral("SELECT state FROM outbox WHERE idempotency_key = ?"),
                              {key}),
                QStringList{QStringLiteral("sending")});
            const qint64 attempts = record.number(
                QStringLiteral("SELECT attempts FROM outbox WHERE idempotency_key = ?"), {key});
            reachedMetaAsItDied.insert(key, attempts);
        }
        m_killAfterAccepted = 0;
        disconnect(&m_sim->services()->log(), &Sim::MessageLog::messageSent, this,
                   &TestDurability::killOnAcceptedSend);

        QVERIFY2(m_hub->start(), qPrintable(m_hub->log()));
        {
            HubRecord record(m_dataDir, HubRecord::Access::ReadOnly); // beside the running hub
            QVERIFY2(record.isOpen(), qPrintable(record.error()));
            QTRY_COMPARE_WITH_TIMEOUT(
                record.number(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'sent' AND "
                                             "idempotency_key LIKE 'crash-send-%'")),
                qint64(QueuedSends), UncertainGraceMs + DrainTimeoutMs);
        }
        QTRY_VERIFY_WITH_TIMEOUT(webhooksDrained(), DrainTimeoutMs);
        QVERIFY2(m_hub->stop(), qPrintable(m_hub->log()));
        const QStringList criticals = m_hub->takeCriticals();
        QVERIFY2(criticals.isEmpty(), qPrintable(criticals.join(u'\n')));

        // Each recipient got the message exactly once, and nobody else got anything.
        const QHash<QString, QStringList> wamidsTo = testSends();
        QStringList twice;
        QStringList never;
        for (const QString &to : std::as_const(recipientOfKey)) {
            const qsizetype times = wamidsTo.value(to).size();
            if (times > 1)
                twice.append(to);
            else if (times == 0)
                never.append(to);
        }
        QVERIFY2(twice.isEmpty(), qPrintable(QStringLiteral("sent twice: %1").arg(sample(twice))));
        QVERIFY2(never.isEmpty(), qPrintable(QStringLiteral("never sent: %1").arg(sample(never))));
        qsizetype accepted = 0;
        for (const QStringList &wamids : wamidsTo)
            accepted += wamids.size();
        QCOMPARE(accepted, qsizetype(QueuedSends));
        QVERIFY2(automatedTwice().isEmpty(), qPrintable(automatedTwice().join(u' ')));

        // The record agrees with what the patients received: each row names the one message the
        // sim accepted for it, and each is in its conversation once.
        HubRecord record(m_dataDir, HubRecord::Access::ReadOnly);
        QVERIFY2(record.isOpen(), qPrintable(record.error()));
        for (auto it = recipientOfKey.cbegin(); it != recipientOfKey.cend(); ++it) {
            QCOMPARE(
                record.column(QStringLiteral("SELECT wamid FROM outbox WHERE idempotency_key = ?"),
                              {it.key()}),
                wamidsTo.value(it.value()));
            QCOMPARE(record.number(QStringLiteral("SELECT count(*) FROM messages WHERE wamid = ? "
                                                  "AND direction = 'out'"),
                                   {wamidsTo.value(it.value()).value(0)}),
                     qint64(1));
        }
        QCOMPARE(record.number(QStringLiteral("SELECT count(*) FROM messages m JOIN outbox o ON "
                                              "o.wamid = m.wamid WHERE m.direction = 'out' AND "
                                              "o.idempotency_key LIKE 'crash-send-%'")),
                 qint64(QueuedSends));
        // A send that reached Meta as the hub died was settled by its status, not sent again.
        for (auto it = reachedMetaAsItDied.cbegin(); it != reachedMetaAsItDied.cend(); ++it) {
            QCOMPARE(record.number(
                         QStringLiteral("SELECT attempts FROM outbox WHERE idempotency_key = ?"),
                         {it.key()}),
                     it.value());
        }
        const qint64 resent = record.number(QStringLiteral(
            "SELECT count(*) FROM outbox WHERE attempts > 1 AND idempotency_key LIKE 'crash-%'"));
        // The test's own rows; the hub's automated menus to the ingest patients have theirs.
        const qint64 sentEvents = record.number(QStringLiteral(
            "SELECT count(*) FROM events e JOIN outbox o ON o.id = json_extract(e.payload, "
            "'$.outboxId') WHERE e.kind = 'message.sent' AND o.idempotency_key LIKE 'crash-%'"));
        const qint64 settledSilently = record.number(QStringLiteral(
            "SELECT count(*) FROM outbox o WHERE o.idempotency_key LIKE 'crash-%' AND NOT EXISTS "
            "(SELECT 1 FROM events e WHERE e.kind = 'message.sent' AND "
            "json_extract(e.payload, '$.outboxId') = o.id)"));
        QVERIFY2(record.error().isEmpty(), qPrintable(record.error()));
        qInfo("%d kills mid-send; %lld sends settled by their status webhook alone, %lld sent "
              "again after the grace; %lld 'message.sent' events for %d messages; %lld ms",
              KillsMidSend, settledSilently, resent, sentEvents, QueuedSends, clock.elapsed());

        // A console learns that the message it queued went out from the "message.sent" event
        // naming its outbox row: once per row, also for a row its status settled after a crash.
        QCOMPARE(record.number(QStringLiteral(
                     "SELECT count(DISTINCT json_extract(e.payload, '$.outboxId')) FROM events e "
                     "JOIN outbox o ON o.id = json_extract(e.payload, '$.outboxId') WHERE e.kind "
                     "= 'message.sent' AND o.idempotency_key LIKE 'crash-%'")),
                 sentEvents);
        QCOMPARE(sentEvents, qint64(QueuedSends));
    }

    void theAuditTrailStillVerifiesAfterTheCrashes()
    {
        if (m_hub->running())
            QVERIFY2(m_hub->stop(), qPrintable(m_hub->log()));
        QString errors;
        QCOMPARE(runHubCommand({QStringLiteral("audit"), QStringLiteral("verify")}, {}, &errors),
                 0);
        QVERIFY2(errors.isEmpty(), qPrintable(errors));
    }
};

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
