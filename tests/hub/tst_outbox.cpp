// The outbox against wardline-sim: every queued message reaches the patient exactly once,
// within the per-number cap, through 5xx errors and lost answers.
#include "core/clock.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "hub/outboxworker.h"
#include "sim/faultinjector.h"
#include "sim/messagelog.h"
#include "sim/simconfig.h"
#include "sim/simserver.h"
#include "sim/simservices.h"
#include "testsim.h"
#include "whatsapp/graphmessage.h"

#include <QSet>
#include <QSettings>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

class TestOutbox : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::HubSecrets m_secrets;
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    std::unique_ptr<Sim::SimServer> m_sim;
    static constexpr int Rate = 5;

    void enqueue(const QString &key, const QString &to)
    {
        WhatsApp::TemplateMessage t;
        t.name = QStringLiteral("emergency_instruction");
        t.languageCode = QStringLiteral("en");
        t.components = {WhatsApp::TemplateComponent::body(
            {WhatsApp::TemplateParameter::fromText(QStringLiteral("Ana"))})};
        auto message = WhatsApp::GraphMessage::templateMessage(to, t);
        QVERIFY(message);
        QSqlDatabase db = m_hub->database();
        QVERIFY(db.transaction());
        auto id = Hub::OutboxWorker::enqueue(db, key, 0, std::move(message).value(),
                                             Core::Clock::system().now());
        QVERIFY2(id, qPrintable(id.error()));
        QVERIFY(db.commit());
    }

    qint64 count(const QString &sql) const
    {
        QSqlQuery q(m_hub->database());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

    // Recipients the simulator accepted a message for, with how many times each.
    QHash<QString, int> delivered() const
    {
        QHash<QString, int> perRecipient;
        for (const Sim::SentMessage &m : m_sim->services()->log().allSent())
            ++perRecipient[m.to];
        return perRecipient;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString hubDir = m_dir.path();
        auto init = Hub::HubInit(hubDir, Core::Clock::system())
                        .run(QStringLiteral("admin"), QStringLiteral("Ward-line 7 blue heron"));
        QVERIFY2(init, qPrintable(init.error()));
        QVERIFY(Test::writeHubSecrets(hubDir, m_secrets));
        Test::listenOnLoopback(hubDir, Test::Tls::Off);
        QString error;
        m_sim = Test::startSimulatorFor(
            hubDir, m_secrets,
            [](Sim::SimBehaviour &b) {
                b.statusSentMs = 0;
                b.statusDeliveredMs = -1; // "sent" is enough to settle an unknown outcome
                b.pairBurst = 1000;
            },
            &error);
        QVERIFY2(m_sim, qPrintable(error));
        {
            QSettings conf(hubDir + QStringLiteral("/hub.conf"), QSettings::IniFormat);
            conf.setValue(QStringLiteral("whatsapp/send_rate"), Rate);
            conf.setValue(QStringLiteral("whatsapp/pair_interval_ms"), 0);
            conf.setValue(QStringLiteral("whatsapp/timeout_ms"), 300);
            conf.setValue(QStringLiteral("whatsapp/retry_base_ms"), 20);
            conf.setValue(QStringLiteral("whatsapp/uncertain_grace_ms"), 3000);
        }
        auto config = Hub::HubConfig::load(hubDir);
        QVERIFY(config);
        m_config = std::move(config).value();
        m_hub = std::make_unique<Hub::HubServer>(*m_config, Core::Clock::system());
        auto started = m_hub->start();
        QVERIFY2(started, qPrintable(started.error()));
    }

    void cleanupTestCase()
    {
        m_hub.reset();
        m_sim.reset();
    }

    void eachMessageOnceWithinTheCap()
    {
        const int n = 3 * Rate;
        for (int i = 0; i < n; ++i)
            enqueue(QStringLiteral("cap-%1").arg(i), QStringLiteral("1555010%1").arg(1000 + i));
        enqueue(QStringLiteral("cap-0"), QStringLiteral("15550101000")); // a console retry: no-op
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'cap-%'")),
            n);
        QTRY_COMPARE_WITH_TIMEOUT(
            count(QStringLiteral("SELECT count(*) FROM outbox WHERE "
                                 "idempotency_key LIKE 'cap-%' AND state = 'sent'")),
            n, 20000);
        const auto perRecipient = delivered();
        int total = 0;
        for (int i = 0; i < n; ++i) {
            QCOMPARE(perRecipient.value(QStringLiteral("1555010%1").arg(1000 + i)), 1);
            ++total;
        }
        QCOMPARE(total, n);
        // Never more than Rate sends in any one-second window (the simulator's clock of arrival).
        QList<QDateTime> times;
        for (const Sim::SentMessage &m : m_sim->services()->log().allSent())
            times.append(m.time);
        std::sort(times.begin(), times.end());
        for (qsizetype i = 0; i + Rate < times.size(); ++i)
            QVERIFY2(times.at(i).msecsTo(times.at(i + Rate)) >= 1000 - 50,
                     "more than the cap in one second");
    }

    void serverErrorsAreRetriedWithoutDuplicates()
    {
        m_sim->services()->faults().configure(
            Sim::FaultSettings{.apiServerError = 0.5, .seed = 7u});
        const qsizetype before = m_sim->services()->log().allSent().size();
        for (int i = 0; i < 8; ++i)
            enqueue(QStringLiteral("flaky-%1").arg(i), QStringLiteral("1555010%1").arg(2000 + i));
        QTRY_COMPARE_WITH_TIMEOUT(
            count(QStringLiteral("SELECT count(*) FROM outbox WHERE "
                                 "idempotency_key LIKE 'flaky-%' AND state = 'sent'")),
            8, 30000);
        m_sim->services()->faults().configure(Sim::FaultSettings{});
        QCOMPARE(m_sim->services()->log().allSent().size(), before + 8);
        QVERIFY(count(QStringLiteral(
                    "SELECT max(attempts) FROM outbox WHERE idempotency_key LIKE 'flaky-%'")) > 1);
    }

    void aLostAnswerIsSettledByTheStatusNotResent()
    {
        // Meta accepts the message but the answer never arrives: the hub must not send it again.
        m_sim->services()->faults().configure(Sim::FaultSettings{.apiTimeout = 1.0, .seed = 3u});
        const qsizetype before = m_sim->services()->log().allSent().size();
        enqueue(QStringLiteral("lost-answer"), QStringLiteral("15550103000"));
        QTRY_COMPARE_WITH_TIMEOUT(
            count(QStringLiteral("SELECT count(*) FROM outbox WHERE "
                                 "idempotency_key = 'lost-answer' AND state = 'sent'")),
            1, 20000);
        m_sim->services()->faults().configure(Sim::FaultSettings{});
        QCOMPARE(m_sim->services()->log().allSent().size(), before + 1);
        QCOMPARE(count(QStringLiteral(
                     "SELECT attempts FROM outbox WHERE idempotency_key = 'lost-answer'")),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
