// The whole loop on loopback, as in a drill: the Graph client sends through wardline-sim, the
// simulator delivers signed status webhooks, and the hub verifies, parses and records them; a
// patient typed in with `wardline-sim say` arrives in the hub's record.
#include "core/clock.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "hub/webhookreceiver.h"
#include "sim/inboundinjector.h"
#include "sim/simconfig.h"
#include "sim/simserver.h"
#include "sim/simservices.h"
#include "testsim.h"
#include "whatsapp/graphclient.h"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

namespace {
// How long a step may take before the test fails: generous, because CI shares two cores with
// other tests; nothing waits this long when things work.
constexpr int Patience = 60000;
} // namespace

class TestSimRoundTrip : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::HubSecrets m_secrets;
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    std::unique_ptr<Sim::SimServer> m_sim;

    QStringList column(const QString &sql, const QString &bound) const
    {
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("hub")));
        q.prepare(sql);
        q.addBindValue(bound);
        QStringList values;
        if (q.exec()) {
            while (q.next())
                values << q.value(0).toString();
        }
        return values;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto init = Hub::HubInit(m_dir.path(), Core::Clock::system())
                        .run(QStringLiteral("admin"), QStringLiteral("Ward-line 7 blue heron"));
        QVERIFY2(init, qPrintable(init.error()));
        QVERIFY(Test::writeHubSecrets(m_dir.path(), m_secrets));
        Test::listenOnLoopback(m_dir.path(), Test::Tls::Off);
        // Each needs the other's address: the hub's webhook port is reserved first.
        QString error;
        m_sim = Test::startSimulatorFor(m_dir.path(), m_secrets, Test::instantStatuses, &error);
        QVERIFY2(m_sim, qPrintable(error));
        auto config = Hub::HubConfig::load(m_dir.path());
        QVERIFY(config);
        m_config = std::move(config).value();
        m_hub = std::make_unique<Hub::HubServer>(*m_config, Core::Clock::system());
        auto started = m_hub->start();
        QVERIFY2(started, qPrintable(started.error()));
    }

    void cleanupTestCase()
    {
        m_sim.reset();
        m_hub.reset();
    }

    void aTemplateSentThroughTheSimComesBackAsSignedStatuses()
    {
        WhatsApp::GraphConfig graph;
        graph.baseUrl = m_sim->url();
        graph.phoneNumberId = Sim::SimConfig::DefaultPhoneNumberId.toString();
        graph.wabaId = Sim::SimConfig::DefaultWabaId.toString();
        graph.accessToken = m_secrets.accessToken;
        WhatsApp::GraphClient client(graph);
        WhatsApp::TemplateMessage message;
        message.name = QStringLiteral("emergency_instruction");
        message.languageCode = QStringLiteral("en");
        message.components = {WhatsApp::TemplateComponent::body(
            {WhatsApp::TemplateParameter::fromText(QStringLiteral("Ana"))})};
        std::optional<WhatsApp::GraphResult<WhatsApp::SentMessage>> sent;
        client.sendTemplate(
            QStringLiteral("15550100888"), message, this,
            [&sent](WhatsApp::GraphResult<WhatsApp::SentMessage> r) { sent = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(sent.has_value(), Patience);
        QVERIFY2(sent->ok(), sent->ok() ? "" : qPrintable(sent->error().logSummary()));
        const QString wamid = sent->value().messageId;
        QVERIFY(wamid.startsWith(QStringLiteral("wamid.")));

        // sent → delivered → read, each verified (X-Hub-Signature-256), parsed and recorded once.
        QTRY_COMPARE_WITH_TIMEOUT(
            column(QStringLiteral(
                       "SELECT status FROM message_statuses WHERE wamid = ? ORDER BY status"),
                   wamid),
            (QStringList{QStringLiteral("delivered"), QStringLiteral("read"),
                         QStringLiteral("sent")}),
            Patience);
        QVERIFY(m_hub->webhooks()->deliveries() >= 1);
    }

    void aPatientTypedIntoTheSimAppearsInTheHub()
    {
        const QString text = QStringLiteral(u"Tengo dolor en el pecho desde anoche ñ");
        QProcess say;
        say.start(qEnvironmentVariable("WARDLINE_BIN_DIR") + QStringLiteral("/wardline-sim"),
                  {QStringLiteral("say"), QStringLiteral("--sim"), m_sim->url().toString(),
                   QStringLiteral("--from"), QStringLiteral("+1 555 010 0999"),
                   QStringLiteral("--name"), QStringLiteral("Drill Patient"),
                   QStringLiteral("--text"), text});
        QTRY_VERIFY_WITH_TIMEOUT(say.state() == QProcess::NotRunning, Patience);
        QVERIFY2(say.exitCode() == 0, say.readAllStandardError().constData());
        const QString wamid =
            QString::fromUtf8(say.readAllStandardOutput()).trimmed().split(u'\n').last();
        QVERIFY2(wamid.contains(QStringLiteral("wamid.")), qPrintable(wamid));

        QTRY_COMPARE_WITH_TIMEOUT(
            column(QStringLiteral("SELECT m.body FROM messages m JOIN conversations c ON c.id = "
                                  "m.conversation_id "
                                  "JOIN patients p ON p.id = c.patient_id WHERE p.wa_id = ? AND "
                                  "m.direction = 'in'"),
                   QStringLiteral("15550100999")),
            QStringList{text}, Patience);
        QCOMPARE(column(QStringLiteral("SELECT profile_name FROM patients WHERE wa_id = ?"),
                        QStringLiteral("15550100999")),
                 QStringList{QStringLiteral("Drill Patient")});
    }

    void aPhotoIsFetchedVerifiedAndCleanedOfItsLocation()
    {
        QFile photo(QStringLiteral(WARDLINE_SOURCE_DIR "/resources/personas/wound_day3.jpg"));
        QVERIFY(photo.open(QIODevice::ReadOnly));
        QByteArray jpeg = photo.readAll();
        // As a phone would write it: a comment with where the photo was taken.
        const QByteArray where("GPS 41.3851 N 2.1734 E, 12 Main St");
        QByteArray comment("\xFF\xFE", 2);
        comment += char((where.size() + 2) >> 8);
        comment += char((where.size() + 2) & 0xFF);
        jpeg.insert(2, comment + where);

        const Sim::InboundResult sent = m_sim->services()->inbound().inject(
            {{QStringLiteral("from"), QStringLiteral("15550100950")},
             {QStringLiteral("name"), QStringLiteral("Photo Patient")},
             {QStringLiteral("type"), QStringLiteral("image")},
             {QStringLiteral("image"),
              QJsonObject{{QStringLiteral("data"), QString::fromLatin1(jpeg.toBase64())},
                          {QStringLiteral("mime_type"), QStringLiteral("image/jpeg")},
                          {QStringLiteral("caption"), QStringLiteral("day 3")}}}});
        QVERIFY2(sent.ok, qPrintable(sent.error));

        QTRY_COMPARE_WITH_TIMEOUT(
            column(QStringLiteral("SELECT state FROM media WHERE meta_media_id = ?"), sent.mediaId),
            QStringList{QStringLiteral("stored")}, Patience);
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("hub")));
        q.prepare(QStringLiteral("SELECT data FROM media WHERE meta_media_id = ?"));
        q.addBindValue(sent.mediaId);
        QVERIFY(q.exec() && q.next());
        const QByteArray kept = q.value(0).toByteArray();
        QVERIFY(!kept.contains(where));
        const qsizetype scan = jpeg.indexOf(QByteArray("\xFF\xDA", 2));
        QVERIFY(kept.endsWith(jpeg.mid(scan))); // the picture itself, untouched
    }
};

QTEST_GUILESS_MAIN(TestSimRoundTrip)
#include "tst_simroundtrip.moc"
