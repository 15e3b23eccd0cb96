#include "core/clock.h"
#include "sim/faultinjector.h"
#include "sim/inboundinjector.h"
#include "sim/mediastore.h"
#include "sim/messagelog.h"
#include "sim/messagetemplate.h"
#include "sim/simconfig.h"
#include "sim/simserver.h"
#include "sim/simservices.h"
#include "sim/templatestore.h"
#include "whatsapp/graphclient.h"

#include <QCryptographicHash>
#include <QNetworkProxy>
#include <QTcpServer>
#include <QTest>

#include <memory>

namespace WA = Wardline::WhatsApp;
namespace Sim = Wardline::Sim;
using ErrorClass = WA::GraphApiError::ErrorClass;
using Origin = WA::GraphApiError::Origin;
using namespace std::chrono_literals;

namespace {
const QByteArray Token = QByteArrayLiteral("EAAgraph-client-test-token");
const QString PhoneNumberId = QStringLiteral("106540352242922");
const QString WabaId = QStringLiteral("102290129340398");
const QString Version = QStringLiteral("v24.0");
// Meta rewrites this number (Brazil's ninth digit); the simulator is told to do the same.
const QString OldBrazilNumber = QStringLiteral("551187654321");
const QString NewBrazilNumber = QStringLiteral("5511987654321");

/// Collects the result of one asynchronous call and counts how often it was delivered.
template<typename T> class Capture
{
public:
    [[nodiscard]] WA::GraphClient::Callback<T> callback() const
    {
        return [state = m_state](WA::GraphResult<T> result) {
            ++state->calls;
            state->result.emplace(std::move(result));
        };
    }
    /// Runs the event loop until the result is there (no sleeping).
    [[nodiscard]] bool wait(int timeoutMs = 10000) const
    {
        return QTest::qWaitFor([state = m_state] { return state->result.has_value(); }, timeoutMs);
    }
    [[nodiscard]] bool done() const { return m_state->result.has_value(); }
    [[nodiscard]] int calls() const { return m_state->calls; }
    [[nodiscard]] const WA::GraphResult<T> &result() const { return *m_state->result; }
    [[nodiscard]] bool ok() const { return done() && result().ok(); }
    [[nodiscard]] const WA::GraphApiError &error() const { return result().error(); }
    /// For QVERIFY2: what went wrong, without content.
    [[nodiscard]] QByteArray why() const
    {
        if (!done())
            return QByteArrayLiteral("no result");
        return result().ok() ? QByteArrayLiteral("succeeded")
                             : result().error().logSummary().toUtf8();
    }

private:
    struct State
    {
        int calls = 0;
        std::optional<WA::GraphResult<T>> result;
    };
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

[[nodiscard]] WA::TemplateMessage appointmentReminder(const QStringList &values)
{
    WA::TemplateMessage message;
    message.name = QStringLiteral("appointment_reminder");
    message.languageCode = QStringLiteral("en");
    QList<WA::TemplateParameter> parameters;
    for (const QString &value : values)
        parameters.append(WA::TemplateParameter::fromText(value));
    message.components = {WA::TemplateComponent::body(parameters)};
    return message;
}

const QStringList ReminderValues{QStringLiteral("Ana"), QStringLiteral("Dr. Osei"),
                                 QStringLiteral("Tuesday 3 March"), QStringLiteral("9:30 AM")};
} // namespace

/// GraphClient against the real simulator (wardline-sim's SimServer, in-process, port 0, on a
/// manual clock): every call, Meta's rules (24-hour window, rate limits, template errors),
/// media URLs that expire, template paging, and the client's own guarantees.
class TestGraphClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // Messages
    void sendText();
    void sendTextQuotingAMessage();
    void outsideWindowNeedsTemplate();
    void windowClosesAfter24Hours();
    void sendTemplate_data();
    void sendTemplate();
    void pausedTemplate();
    void sendReplyButtons();
    void sendList();
    void sendLocation();
    void sendReaction();
    void sendStoredPayload();
    void markAsRead();
    void rewrittenNumberKeepsBothIds();
    void pairRateLimit();
    void throughputLimit();
    // Media
    void uploadSendAndDownload();
    void expiredMediaUrlIsRenewed();
    void unknownMedia();
    void mediaLargerThanLimit();
    void uploadRefusedBeforeSending();
    // Templates
    void listTemplates();
    void listTemplatePages();
    void createReviewAndDeleteTemplate();
    void createRefusedBeforeSending();
    void deleteUnknownTemplate();
    // Errors and guarantees
    void invalidToken();
    void unknownObject();
    void refusedBeforeSending();
    void resultIsNeverSynchronous();
    void contextDestroyedSkipsCallback();
    void clientDestroyedCancelsPending();
    void serverErrorsAreRetryable();
    void timeout();
    void connectionRefused();
    void misconfigured();

private:
    [[nodiscard]] std::unique_ptr<WA::GraphClient> makeClient(QByteArray token = Token,
                                                              int timeoutMs = 10000) const;
    [[nodiscard]] QString newPatient();
    /// The patient writes to the hospital: opens the 24-hour window; the inbound wamid.
    [[nodiscard]] QString patientWrites(const QString &phone);
    [[nodiscard]] qsizetype sentCount() const
    {
        return m_server.services()->log().allSent().size();
    }

    Wardline::Core::ManualClock m_clock{
        QDateTime::fromString(QStringLiteral("2026-03-02T09:00:00Z"), Qt::ISODate)};
    Sim::SimServer m_server;
    std::unique_ptr<WA::GraphClient> m_client;
    int m_patients = 0;
};

std::unique_ptr<WA::GraphClient> TestGraphClient::makeClient(QByteArray token, int timeoutMs) const
{
    WA::GraphConfig config;
    config.baseUrl = m_server.url();
    config.apiVersion = Version;
    config.phoneNumberId = PhoneNumberId;
    config.wabaId = WabaId;
    config.accessToken = std::move(token);
    config.timeoutMs = timeoutMs;
    auto client = std::make_unique<WA::GraphClient>(config);
    // Loopback only: never through a proxy from the environment.
    client->setProxy(QNetworkProxy::NoProxy);
    return client;
}

QString TestGraphClient::newPatient()
{
    // 555-01xx numbers are reserved for fiction.
    return QStringLiteral("1202555%1").arg(100 + ++m_patients, 4, 10, QLatin1Char('0'));
}

QString TestGraphClient::patientWrites(const QString &phone)
{
    const Sim::InboundResult result = m_server.services()->inbound().inject(
        {{QStringLiteral("from"), phone}, {QStringLiteral("text"), QStringLiteral("Hello")}});
    return result.ok ? result.wamid : QString();
}

void TestGraphClient::initTestCase()
{
    Sim::SimConfig config;
    config.listenAddress = QHostAddress(QHostAddress::LocalHost);
    config.listenPort = 0;
    config.webhookUrl = QUrl(QStringLiteral("http://127.0.0.1:9/webhook"));
    config.appSecret = QByteArrayLiteral("app-secret");
    config.accessToken = Token;
    config.phoneNumberId = PhoneNumberId;
    config.wabaId = WabaId;
    config.apiVersion = Version;
    config.behaviour.numberRewrites.insert(OldBrazilNumber, NewBrazilNumber);
    m_server.useClock(m_clock);
    QString error;
    QVERIFY2(m_server.start(config, &error), qPrintable(error));
    QVERIFY(m_server.services());
}

void TestGraphClient::init()
{
    // Refill the simulator's rate buckets between tests; windows stay open (24 h).
    QVERIFY(m_server.advance(10'000));
    m_server.services()->faults().configure(Sim::FaultSettings{});
    m_client = makeClient();
}

void TestGraphClient::cleanup()
{
    m_client.reset();
    m_server.services()->faults().configure(Sim::FaultSettings{});
}

// --- Messages -------------------------------------------------------------------------------

void TestGraphClient::sendText()
{
    const QString patient = newPatient();
    QVERIFY(!patientWrites(patient).isEmpty());

    Capture<WA::SentMessage> sent;
    m_client->sendText(QLatin1Char('+') + patient, QStringLiteral("Your results are ready."), true,
                       {}, this, sent.callback());
    QVERIFY(sent.wait());
    QVERIFY2(sent.ok(), sent.why().constData());
    QVERIFY(sent.result()->messageId.startsWith(u"wamid."));
    QCOMPARE(sent.result()->input, patient); // the client sends digits only
    QCOMPARE(sent.result()->waId, patient);
    QVERIFY(!sent.result()->recipientRewritten());
    QCOMPARE(sent.calls(), 1);

    const Sim::SentMessage *stored = m_server.services()->log().sent(sent.result()->messageId);
    QVERIFY(stored);
    QCOMPARE(stored->type, QStringLiteral("text"));
    QCOMPARE(stored->text, QStringLiteral("Your results are ready."));
    QCOMPARE(stored->content.value(u"preview_url").toBool(), true);
}

void TestGraphClient::sendTextQuotingAMessage()
{
    const QString patient = newPatient();
    const QString inbound = patientWrites(patient);
    QVERIFY(!inbound.isEmpty());

    Capture<WA::SentMessage> sent;
    m_client->sendText(patient, QStringLiteral("Thanks, noted."), false, inbound, this,
                       sent.callback());
    QVERIFY(sent.wait());
    QVERIFY2(sent.ok(), sent.why().constData());
    const Sim::SentMessage *stored = m_server.services()->log().sent(sent.result()->messageId);
    QVERIFY(stored);
    QCOMPARE(stored->contextId, inbound);
}

void TestGraphClient::outsideWindowNeedsTemplate()
{
    const QString patient = newPatient(); // never wrote
    Capture<WA::SentMessage> sent;
    m_client->sendText(patient, QStringLiteral("Are you free tomorrow?"), false, {}, this,
                       sent.callback());
    QVERIFY(sent.wait());
    QVERIFY(!sent.result().ok());
    QCOMPARE(sent.error().origin(), Origin::Graph);
    QCOMPARE(sent.error().code(), std::optional<int>(131047));
    QCOMPARE(sent.error().errorClass(), ErrorClass::NeedsTemplate);
    QVERIFY(sent.error().staffMessage().contains(u"24 hours"));
    QVERIFY(!sent.error().fbtraceId().isEmpty());

    // The approved template goes through.
    Capture<WA::SentMessage> viaTemplate;
    m_client->sendTemplate(patient, appointmentReminder(ReminderValues), this,
                           viaTemplate.callback());
    QVERIFY(viaTemplate.wait());
    QVERIFY2(viaTemplate.ok(), viaTemplate.why().constData());
}

void TestGraphClient::windowClosesAfter24Hours()
{
    const QString patient = newPatient();
    QVERIFY(!patientWrites(patient).isEmpty());
    QVERIFY(m_server.advance(24 * 3600 * 1000 + 1000));

    Capture<WA::SentMessage> sent;
    m_client->sendText(patient, QStringLiteral("Still there?"), false, {}, this, sent.callback());
    QVERIFY(sent.wait());
    QVERIFY(!sent.result().ok());
    QCOMPARE(sent.error().errorClass(), ErrorClass::NeedsTemplate);
}

void TestGraphClient::sendTemplate_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<bool>("quickReplies");
    QTest::addColumn<int>("code"); // 0: accepted

    QTest::newRow("positional") << QStringLiteral("appointment_reminder") << QStringLiteral("en")
                                << ReminderValues << QStringList{} << false << 0;
    QTest::newRow("positional, Spanish, quick-reply payloads")
        << QStringLiteral("appointment_reminder") << QStringLiteral("es") << ReminderValues
        << QStringList{} << true << 0;
    QTest::newRow("named") << QStringLiteral("refill_ready") << QStringLiteral("en")
                           << QStringList{QStringLiteral("Ana"), QStringLiteral("metformin 500 mg"),
                                          QStringLiteral("outpatient")}
                           << QStringList{QStringLiteral("patient_name"),
                                          QStringLiteral("medication"), QStringLiteral("pharmacy")}
                           << false << 0;
    // Not caught before sending (the hub did not give the approved text): Meta's 132000.
    QTest::newRow("one value short")
        << QStringLiteral("appointment_reminder") << QStringLiteral("en") << ReminderValues.first(3)
        << QStringList{} << false << 132000;
    QTest::newRow("no such template") << QStringLiteral("no_such_template") << QStringLiteral("en")
                                      << QStringList{} << QStringList{} << false << 132001;
    QTest::newRow("not in that language") << QStringLiteral("refill_ready") << QStringLiteral("fr")
                                          << QStringList{} << QStringList{} << false << 132001;
}

void TestGraphClient::sendTemplate()
{
    QFETCH(QString, name);
    QFETCH(QString, language);
    QFETCH(QStringList, values);
    QFETCH(QStringList, names);
    QFETCH(bool, quickReplies);
    QFETCH(int, code);

    WA::TemplateMessage message;
    message.name = name;
    message.languageCode = language;
    QList<WA::TemplateParameter> parameters;
    for (qsizetype i = 0; i < values.size(); ++i)
        parameters.append(WA::TemplateParameter::fromText(values.at(i), names.value(i)));
    if (!parameters.isEmpty())
        message.components.append(WA::TemplateComponent::body(parameters));
    if (quickReplies) {
        message.components.append(WA::TemplateComponent::quickReply(0, QStringLiteral("KEEP:42")));
        message.components.append(WA::TemplateComponent::quickReply(1, QStringLiteral("MOVE:42")));
    }

    const QString patient = newPatient(); // outside the window: templates only
    Capture<WA::SentMessage> sent;
    m_client->sendTemplate(patient, message, this, sent.callback());
    QVERIFY(sent.wait());
    if (code == 0) {
        QVERIFY2(sent.ok(), sent.why().constData());
        QCOMPARE(sent.result()->messageStatus, QStringLiteral("accepted"));
        const Sim::SentMessage *stored = m_server.services()->log().sent(sent.result()->messageId);
        QVERIFY(stored);
        QCOMPARE(stored->templateName, name);
        QCOMPARE(stored->templateLanguage, language);
        for (const QString &value : std::as_const(values))
            QVERIFY2(stored->text.contains(value), qPrintable(stored->text));
        if (quickReplies) {
            QCOMPARE(stored->options.size(), 2);
            QCOMPARE(stored->options.at(0).payload, QStringLiteral("KEEP:42"));
        }
    } else {
        QVERIFY(!sent.result().ok());
        QCOMPARE(sent.error().code(), std::optional<int>(code));
        QCOMPARE(sent.error().errorClass(), ErrorClass::Permanent);
        QVERIFY(!sent.error().staffMessage().isEmpty());
    }
}

void TestGraphClient::pausedTemplate()
{
    Sim::TemplateStore &templates = m_server.services()->templates();
    const Sim::MessageTemplate *reminder =
        templates.find(QStringLiteral("appointment_reminder"), QStringLiteral("en"));
    QVERIFY(reminder);
    const QString id = reminder->id;
    QVERIFY(templates.setStatus(id, QStringLiteral("PAUSED"), QStringLiteral("LOW_QUALITY")));

    Capture<WA::SentMessage> sent;
    m_client->sendTemplate(newPatient(), appointmentReminder(ReminderValues), this,
                           sent.callback());
    QVERIFY(sent.wait());
    QVERIFY(templates.setStatus(id, QStringLiteral("APPROVED"), {}));
    QVERIFY(!sent.result().ok());
    QCOMPARE(sent.error().code(), std::optional<int>(132015));
    QCOMPARE(sent.error().errorClass(), ErrorClass::Permanent);
    QVERIFY(sent.error().staffMessage().contains(u"paused"));
}

void TestGraphClient::sendReplyButtons()
{
    const QString patient = newPatient();
    QVERIFY(!patientWrites(patient).isEmpty());
    WA::ReplyButtonsMessage message;
    message.body = QStringLiteral("Can you come on Tuesday at 9:30?");
    message.header = QStringLiteral("Appointment");
    message.footer = QStringLiteral("Wardline Training Hospital");
    message.buttons = {{QStringLiteral("yes-42"), QStringLiteral("Yes")},
                       {QStringLiteral("no-42"), QStringLiteral("Another time")}};
    Capture<WA::SentMessage> sent;
    m_client->sendReplyButtons(patient, message, this, sent.callback());
    QVERIFY(sent.wait());
    QVERIFY2(sent.ok(), sent.why().constData());
    const Sim::SentMessage *stored = m_server.services()->log().sent(sent.result()->messageId);
    QVERIFY(stored);
    QCOMPARE(stored->type, QStringLiteral("interactive"));
    QCOMPARE(stored->options.size(), 2);
    QCOMPARE(stored->options.at(1).payload, QStringLiteral("no-42"));
    QCOMPARE(stored->options.at(1).title, QStringLiteral("Another time"));
}

void TestGraphClient::sendList()
{
    const QString patient = newPatient();
    QVERIFY(!patientWrites(patient).isEmpty());
    WA::ListMessage message;
    message.body = QStringLiteral("Pick a new time");
    message.buttonLabel = QStringLiteral("Free times");
    message.sections = {
        {QStringLiteral("Monday"),
         {{QStringLiteral("mon-0900"), QStringLiteral("9:00"), QStringLiteral("Dr. Osei")},
          {QStringLiteral("mon-1000"), QStringLiteral("10:00"), {}}}},
        {QStringLiteral("Tuesday"), {{QStringLiteral("tue-1400"), QStringLiteral("14:00"), {}}}}};
    Capture<WA::SentMessage> sent;
    m_client->sendList(patient, message, this, sent.callback());
    QVERIFY(sent.wait());
    QVERIFY2(sent.ok(), sent.why().constData());
    const Sim::SentMessage *stored = m_server.services()->log().sent(sent.result()->messageId);
    QVERIFY(stored);
    QCOMPARE(stored->options.size(), 3);
    QCOMPARE(stored->options.at(2).payload, QStringLiteral("tue-1400"));
}

void TestGraphClient::sendLocation()
{
    const QString patient = newPatient();
    QVERIFY(!patientWrites(patient).isEmpty());
    Capture<WA::SentMessage> sent;
    m_client->sendLocation(patient,
                           {40.7411, -73.9897, QStringLiteral("Outpatient entrance"),
                            QStringLiteral("1 Hospital Way")},
                           this, sent.callback());
    QVERIFY(sent.wait());
    QVERIFY2(sent.ok(), sent.why().constData());
    const Sim::SentMessage *stored = m_server.services()->log().sent(sent.result()->messageId);
    QVERIFY(stored);
    QCOMPARE(stored->type, QStringLiteral("location"));
    QCOMPARE(stored->content.value(u"latitude").toDouble(), 40.7411);
}

void TestGraphClient::sendReaction()
{
    const QString patient = newPatient();
    const QString inbound = patientWrites(patient);
    QVERIFY(!inbound.isEmpty());
    for (const QString &emoji : {QStringLiteral("\U0001F44D"), QString()}) { // then taken back
        Capture<WA::SentMessage> sent;
        m_client->sendReaction(patient, inbound, emoji, this, sent.callback());
        QVERIFY(sent.wait());
        QVERIFY2(sent.ok(), sent.why().constData());
        const Sim::SentMessage *stored = m_server.services()->log().sent(sent.result()->messageId);
        QVERIFY(stored);
        QCOMPARE(stored->type, QStringLiteral("reaction"));
        QCOMPARE(stored->content.value(u"emoji").toString(), emoji);
        QCOMPARE(stored->content.value(u"message_id").toString(), inbound);
    }
}

void TestGraphClient::sendStoredPayload()
{
    // What the outbox does after a restart: the stored body, read back and sent.
    const QString patient = newPatient();
    QVERIFY(!patientWrites(patient).isEmpty());
    auto built =
        WA::GraphMessage::text(patient, QStringLiteral("Reminder: fasting from midnight."));
    QVERIFY(built.ok());
    QVERIFY(built->setCallbackData(QStringLiteral("outbox:7")).ok());
    const std::optional<WA::GraphMessage> stored = WA::GraphMessage::fromJson(built->toJson());
    QVERIFY(stored);

    Capture<WA::SentMessage> sent;
    m_client->send(*stored, this, sent.callback());
    QVERIFY(sent.wait());
    QVERIFY2(sent.ok(), sent.why().constData());
    const Sim::SentMessage *logged = m_server.services()->log().sent(sent.result()->messageId);
    QVERIFY(logged);
    QCOMPARE(logged->bizOpaque, QStringLiteral("outbox:7"));
}

void TestGraphClient::markAsRead()
{
    const QString patient = newPatient();
    const QString inbound = patientWrites(patient);
    QVERIFY(!inbound.isEmpty());

    Capture<WA::GraphDone> read;
    m_client->markAsRead(inbound, this, read.callback());
    QVERIFY(read.wait());
    QVERIFY2(read.ok(), read.why().constData());
    const Sim::ReceivedMessage *received = m_server.services()->log().received(inbound);
    QVERIFY(received);
    QVERIFY(received->readAt.isValid());

    Capture<WA::GraphDone> unknown;
    m_client->markAsRead(QStringLiteral("wamid.NOTAMESSAGE"), this, unknown.callback());
    QVERIFY(unknown.wait());
    QVERIFY(!unknown.result().ok());
    QCOMPARE(unknown.error().code(), std::optional<int>(100));
    QCOMPARE(unknown.error().errorClass(), ErrorClass::Permanent);
}

void TestGraphClient::rewrittenNumberKeepsBothIds()
{
    // The patient writes from the number WhatsApp knows; the hub still has the old form.
    QVERIFY(!patientWrites(NewBrazilNumber).isEmpty());
    Capture<WA::SentMessage> sent;
    m_client->sendText(OldBrazilNumber, QStringLiteral("Olá"), false, {}, this, sent.callback());
    QVERIFY(sent.wait());
    QVERIFY2(sent.ok(), sent.why().constData());
    QCOMPARE(sent.result()->input, OldBrazilNumber);
    QCOMPARE(sent.result()->waId, NewBrazilNumber);
    QVERIFY(sent.result()->recipientRewritten());
}

void TestGraphClient::pairRateLimit()
{
    const QString patient = newPatient();
    QVERIFY(!patientWrites(patient).isEmpty());
    // About one message per 6 s to one user; the simulator tolerates a burst of 5 (and its
    // clock does not move here).
    std::optional<WA::GraphApiError> refused;
    for (int i = 0; i < 10 && !refused; ++i) {
        Capture<WA::SentMessage> sent;
        m_client->sendText(patient, QStringLiteral("Message %1").arg(i), false, {}, this,
                           sent.callback());
        QVERIFY(sent.wait());
        if (!sent.result().ok())
            refused = sent.error();
    }
    QVERIFY(refused);
    QCOMPARE(refused->code(), std::optional<int>(131056));
    QCOMPARE(refused->errorClass(), ErrorClass::Retry);
    QVERIFY(refused->isRetryable());
    QVERIFY(refused->retryAfter());
    QCOMPARE(*refused->retryAfter(), 6000ms);

    // Six seconds later the pair accepts again.
    QVERIFY(m_server.advance(6000));
    Capture<WA::SentMessage> again;
    m_client->sendText(patient, QStringLiteral("Later"), false, {}, this, again.callback());
    QVERIFY(again.wait());
    QVERIFY2(again.ok(), again.why().constData());
}

void TestGraphClient::throughputLimit()
{
    // A second simulator whose number may send two messages a second.
    Wardline::Core::ManualClock clock(m_clock.now());
    Sim::SimServer server;
    Sim::SimConfig config;
    config.listenAddress = QHostAddress(QHostAddress::LocalHost);
    config.webhookUrl = QUrl(QStringLiteral("http://127.0.0.1:9/webhook"));
    config.appSecret = QByteArrayLiteral("app-secret");
    config.accessToken = Token;
    config.phoneNumberId = PhoneNumberId;
    config.wabaId = WabaId;
    config.behaviour.throughputPerSecond = 2;
    server.useClock(clock);
    QString error;
    QVERIFY2(server.start(config, &error), qPrintable(error));

    WA::GraphConfig clientConfig = m_client->config();
    clientConfig.baseUrl = server.url();
    WA::GraphClient client(clientConfig);
    client.setProxy(QNetworkProxy::NoProxy);

    std::optional<WA::GraphApiError> refused;
    for (int i = 0; i < 5 && !refused; ++i) {
        Capture<WA::SentMessage> sent;
        client.sendTemplate(newPatient(), appointmentReminder(ReminderValues), this,
                            sent.callback());
        QVERIFY(sent.wait());
        if (!sent.result().ok())
            refused = sent.error();
    }
    QVERIFY(refused);
    QCOMPARE(refused->code(), std::optional<int>(130429));
    QCOMPARE(refused->errorClass(), ErrorClass::Retry);
    QCOMPARE(refused->staffMessage(),
             QStringLiteral("WhatsApp is limiting how fast we send; Wardline will retry."));
}

// --- Media ----------------------------------------------------------------------------------

void TestGraphClient::uploadSendAndDownload()
{
    const QByteArray png = QByteArrayLiteral("\x89PNG\r\n\x1a\n not really a picture");
    Capture<QString> uploaded;
    m_client->uploadMedia(png, QStringLiteral("wound \"day 3\".png"), QStringLiteral("image/png"),
                          this, uploaded.callback());
    QVERIFY(uploaded.wait());
    QVERIFY2(uploaded.ok(), uploaded.why().constData());
    const QString mediaId = uploaded.result().value();
    QVERIFY(!mediaId.isEmpty());

    Capture<WA::MediaInfo> info;
    m_client->mediaInfo(mediaId, this, info.callback());
    QVERIFY(info.wait());
    QVERIFY2(info.ok(), info.why().constData());
    QCOMPARE(info.result()->id, mediaId);
    QCOMPARE(info.result()->mimeType, QStringLiteral("image/png"));
    QCOMPARE(info.result()->fileSize, qint64(png.size()));
    QCOMPARE(info.result()->sha256Digest(),
             std::optional<QByteArray>(QCryptographicHash::hash(png, QCryptographicHash::Sha256)));

    Capture<WA::MediaFile> file;
    m_client->downloadMedia(mediaId, this, file.callback());
    QVERIFY(file.wait());
    QVERIFY2(file.ok(), file.why().constData());
    QCOMPARE(file.result()->data, png);
    QCOMPARE(file.result()->info.mimeType, QStringLiteral("image/png"));

    // And sent by id, with a caption.
    const QString patient = newPatient();
    QVERIFY(!patientWrites(patient).isEmpty());
    Capture<WA::SentMessage> sent;
    m_client->sendMedia(
        patient, {WA::MediaKind::Image, mediaId, {}, QStringLiteral("How it looks today"), {}},
        this, sent.callback());
    QVERIFY(sent.wait());
    QVERIFY2(sent.ok(), sent.why().constData());
    const Sim::SentMessage *stored = m_server.services()->log().sent(sent.result()->messageId);
    QVERIFY(stored);
    QCOMPARE(stored->mediaId, mediaId);
}

void TestGraphClient::expiredMediaUrlIsRenewed()
{
    const QByteArray pdf = QByteArrayLiteral("%PDF-1.4 discharge letter");
    Capture<QString> uploaded;
    m_client->uploadMedia(pdf, QStringLiteral("letter.pdf"), QStringLiteral("application/pdf"),
                          this, uploaded.callback());
    QVERIFY(uploaded.wait());
    QVERIFY2(uploaded.ok(), uploaded.why().constData());

    Capture<WA::MediaInfo> info;
    m_client->mediaInfo(uploaded.result().value(), this, info.callback());
    QVERIFY(info.wait());
    QVERIFY2(info.ok(), info.why().constData());

    // The URL lives five minutes; six later it answers 404 and the client fetches a new one.
    QVERIFY(m_server.advance((Sim::MediaStore::UrlLifetimeSeconds + 60) * 1000));
    Capture<WA::MediaFile> file;
    m_client->downloadMedia(info.result().value(), this, file.callback());
    QVERIFY(file.wait());
    QVERIFY2(file.ok(), file.why().constData());
    QCOMPARE(file.result()->data, pdf);
    QVERIFY(file.result()->info.url != info.result()->url);
    QCOMPARE(file.calls(), 1);
}

void TestGraphClient::unknownMedia()
{
    Capture<WA::MediaFile> file;
    m_client->downloadMedia(QStringLiteral("999999999999"), this, file.callback());
    QVERIFY(file.wait());
    QVERIFY(!file.result().ok());
    QCOMPARE(file.error().code(), std::optional<int>(100));
    QCOMPARE(file.error().errorClass(), ErrorClass::Permanent);
    // Worded for the nurse who opened an old photo, with Meta's trace id kept for IT.
    QVERIFY(file.error().staffMessage().contains(u"no longer available"));
    QVERIFY(!file.error().fbtraceId().isEmpty());
}

void TestGraphClient::mediaLargerThanLimit()
{
    Capture<QString> uploaded;
    m_client->uploadMedia(QByteArray(64, 'x'), QStringLiteral("notes.txt"),
                          QStringLiteral("text/plain"), this, uploaded.callback());
    QVERIFY(uploaded.wait());
    QVERIFY2(uploaded.ok(), uploaded.why().constData());

    WA::GraphConfig config = m_client->config();
    config.maxMediaBytes = 32;
    WA::GraphClient client(config);
    client.setProxy(QNetworkProxy::NoProxy);
    Capture<WA::MediaFile> file;
    client.downloadMedia(uploaded.result().value(), this, file.callback());
    QVERIFY(file.wait());
    QVERIFY(!file.result().ok());
    QCOMPARE(file.error().errorClass(), ErrorClass::Permanent);
    QVERIFY(file.error().logSummary().contains(u"64 bytes"));
}

void TestGraphClient::uploadRefusedBeforeSending()
{
    Capture<QString> uploaded;
    m_client->uploadMedia(QByteArrayLiteral("GIF89a"), QStringLiteral("a.gif"),
                          QStringLiteral("image/gif"), this, uploaded.callback());
    QVERIFY(uploaded.wait());
    QVERIFY(!uploaded.result().ok());
    QCOMPARE(uploaded.error().origin(), Origin::Validation);
    QVERIFY(uploaded.error().staffMessage().contains(u"image/gif"));
}

// --- Templates ------------------------------------------------------------------------------

void TestGraphClient::listTemplates()
{
    Capture<QList<WA::GraphTemplate>> listed;
    m_client->listTemplates(this, listed.callback());
    QVERIFY(listed.wait());
    QVERIFY2(listed.ok(), listed.why().constData());
    const QList<WA::GraphTemplate> &templates = listed.result().value();
    QCOMPARE(templates.size(), m_server.services()->templates().all().size());
    const auto reminder = std::find_if(templates.cbegin(), templates.cend(), [](const auto &t) {
        return t.name == u"appointment_reminder" && t.language == u"en";
    });
    QVERIFY(reminder != templates.cend());
    QCOMPARE(reminder->status, QStringLiteral("APPROVED"));
    QCOMPARE(reminder->category, QStringLiteral("UTILITY"));
    QVERIFY(!reminder->id.isEmpty());
    QVERIFY(reminder->componentText(u"BODY").contains(u"{{4}}"));
}

void TestGraphClient::listTemplatePages()
{
    const qsizetype total = m_server.services()->templates().all().size();
    QVERIFY(total > 2);
    QStringList seen;
    QString after;
    int pages = 0;
    bool more = true;
    while (more && pages < 50) {
        Capture<WA::TemplatePage> page;
        m_client->listTemplatePage(after, 2, this, page.callback());
        QVERIFY(page.wait());
        QVERIFY2(page.ok(), page.why().constData());
        QVERIFY(page.result()->templates.size() <= 2);
        for (const WA::GraphTemplate &t : page.result()->templates)
            seen.append(t.id);
        more = page.result()->hasMore();
        after = page.result()->after;
        ++pages;
    }
    QVERIFY(!more);
    QCOMPARE(seen.size(), total);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), total); // no page twice
    QVERIFY(pages >= 2);
}

void TestGraphClient::createReviewAndDeleteTemplate()
{
    WA::GraphTemplate definition;
    definition.name = QStringLiteral("clinic_phone_changed");
    definition.language = QStringLiteral("en");
    definition.category = QStringLiteral("UTILITY");
    definition.components = QJsonArray{
        QJsonObject{{QStringLiteral("type"), QStringLiteral("BODY")},
                    {QStringLiteral("text"),
                     QStringLiteral("Hello {{1}}, the clinic's phone number is now {{2}}.")},
                    {QStringLiteral("example"),
                     QJsonObject{{QStringLiteral("body_text"),
                                  QJsonArray{QJsonArray{QStringLiteral("Ana"),
                                                        QStringLiteral("+1 202 555 0199")}}}}}},
        QJsonObject{{QStringLiteral("type"), QStringLiteral("FOOTER")},
                    {QStringLiteral("text"), QStringLiteral("Wardline Training Hospital")}}};

    Capture<WA::CreatedTemplate> created;
    m_client->createTemplate(definition, this, created.callback());
    QVERIFY(created.wait());
    QVERIFY2(created.ok(), created.why().constData());
    QVERIFY(!created.result()->id.isEmpty());
    QCOMPARE(created.result()->status, QStringLiteral("PENDING"));
    QCOMPARE(created.result()->category, QStringLiteral("UTILITY"));

    // Meta's review: the simulator approves after its review time.
    QVERIFY(m_server.advance(m_server.services()->config().behaviour.templateReviewMs + 1000));
    const Sim::MessageTemplate *stored =
        m_server.services()->templates().findById(created.result()->id);
    QVERIFY(stored);
    Capture<QList<WA::GraphTemplate>> listed;
    m_client->listTemplates(this, listed.callback());
    QVERIFY(listed.wait());
    QVERIFY2(listed.ok(), listed.why().constData());
    const auto found = std::find_if(listed.result()->cbegin(), listed.result()->cend(),
                                    [&](const auto &t) { return t.id == created.result()->id; });
    QVERIFY(found != listed.result()->cend());
    QCOMPARE(found->status, QStringLiteral("APPROVED"));

    Capture<WA::GraphDone> deleted;
    m_client->deleteTemplate(definition.name, this, deleted.callback());
    QVERIFY(deleted.wait());
    QVERIFY2(deleted.ok(), deleted.why().constData());
    QVERIFY(!m_server.services()->templates().hasName(definition.name));
}

void TestGraphClient::createRefusedBeforeSending()
{
    WA::GraphTemplate definition;
    definition.name = QStringLiteral("no_examples");
    definition.language = QStringLiteral("en");
    definition.category = QStringLiteral("UTILITY");
    definition.components = QJsonArray{
        QJsonObject{{QStringLiteral("type"), QStringLiteral("BODY")},
                    {QStringLiteral("text"), QStringLiteral("Hello {{1}}")}}}; // no example
    const qsizetype before = m_server.services()->templates().all().size();
    Capture<WA::CreatedTemplate> created;
    m_client->createTemplate(definition, this, created.callback());
    QVERIFY(created.wait());
    QVERIFY(!created.result().ok());
    QCOMPARE(created.error().origin(), Origin::Validation);
    QVERIFY(created.error().staffMessage().contains(u"example"));
    QCOMPARE(m_server.services()->templates().all().size(), before);
}

void TestGraphClient::deleteUnknownTemplate()
{
    Capture<WA::GraphDone> deleted;
    m_client->deleteTemplate(QStringLiteral("never_existed"), this, deleted.callback());
    QVERIFY(deleted.wait());
    QVERIFY(!deleted.result().ok());
    QCOMPARE(deleted.error().code(), std::optional<int>(100));
    QCOMPARE(deleted.error().errorClass(), ErrorClass::Permanent);
    QVERIFY(!deleted.error().userMessage().isEmpty());
}

// --- Errors and guarantees -------------------------------------------------------------------

void TestGraphClient::invalidToken()
{
    const std::unique_ptr<WA::GraphClient> client = makeClient(QByteArrayLiteral("EAAexpired"));
    const QString patient = newPatient();
    QVERIFY(!patientWrites(patient).isEmpty());
    const qsizetype before = sentCount();

    Capture<WA::SentMessage> sent;
    client->sendText(patient, QStringLiteral("hello"), false, {}, this, sent.callback());
    Capture<WA::MediaInfo> info;
    client->mediaInfo(QStringLiteral("123"), this, info.callback());
    Capture<QList<WA::GraphTemplate>> listed;
    client->listTemplates(this, listed.callback());
    QVERIFY(sent.wait());
    QVERIFY(info.wait());
    QVERIFY(listed.wait());
    for (const WA::GraphApiError &error : {sent.error(), info.error(), listed.error()}) {
        QCOMPARE(error.code(), std::optional<int>(190));
        QCOMPARE(error.httpStatus(), 401);
        QCOMPARE(error.errorClass(), ErrorClass::Credentials);
        QVERIFY(error.staffMessage().contains(u"IT"));
    }
    QCOMPARE(sentCount(), before);

    // IT renews the token: the same client works again.
    client->setAccessToken(Token);
    Capture<WA::SentMessage> again;
    client->sendText(patient, QStringLiteral("hello"), false, {}, this, again.callback());
    QVERIFY(again.wait());
    QVERIFY2(again.ok(), again.why().constData());
}

void TestGraphClient::unknownObject()
{
    Capture<WA::MediaInfo> info;
    m_client->mediaInfo(QStringLiteral("123456789"), this, info.callback());
    QVERIFY(info.wait());
    QVERIFY(!info.result().ok());
    QCOMPARE(info.error().origin(), Origin::Graph);
    QCOMPARE(info.error().code(), std::optional<int>(100));
    QCOMPARE(info.error().subcode(), std::optional<int>(33));
    QCOMPARE(info.error().type(), QStringLiteral("GraphMethodException"));
    QCOMPARE(info.error().errorClass(), ErrorClass::Permanent);
}

void TestGraphClient::refusedBeforeSending()
{
    const QString patient = newPatient();
    QVERIFY(!patientWrites(patient).isEmpty());
    const qsizetype before = sentCount();

    Capture<WA::SentMessage> tooLong;
    m_client->sendText(patient, QString(4097, u'x'), false, {}, this, tooLong.callback());
    WA::ReplyButtonsMessage buttons;
    buttons.body = QStringLiteral("Pick one");
    buttons.buttons = {{QStringLiteral("a"), QStringLiteral("A")},
                       {QStringLiteral("b"), QStringLiteral("B")},
                       {QStringLiteral("c"), QStringLiteral("C")},
                       {QStringLiteral("d"), QStringLiteral("D")}};
    Capture<WA::SentMessage> fourButtons;
    m_client->sendReplyButtons(patient, buttons, this, fourButtons.callback());
    WA::TemplateMessage reminder = appointmentReminder(ReminderValues.first(3));
    reminder.bodyText = QStringLiteral("Hello {{1}}, with {{2}} on {{3}} at {{4}}.");
    Capture<WA::SentMessage> shortTemplate;
    m_client->sendTemplate(patient, reminder, this, shortTemplate.callback());
    Capture<WA::SentMessage> badNumber;
    m_client->sendText(QStringLiteral("call me"), QStringLiteral("hi"), false, {}, this,
                       badNumber.callback());

    for (const auto *capture : {&tooLong, &fourButtons, &shortTemplate, &badNumber}) {
        QVERIFY(capture->wait());
        QVERIFY(!capture->result().ok());
        QCOMPARE(capture->error().origin(), Origin::Validation);
        QCOMPARE(capture->error().errorClass(), ErrorClass::Permanent);
        QVERIFY(!capture->error().staffMessage().isEmpty());
    }
    QVERIFY(tooLong.error().staffMessage().contains(QLocale().toString(4097)));
    // Nothing reached the simulator.
    QCOMPARE(sentCount(), before);
}

void TestGraphClient::resultIsNeverSynchronous()
{
    Capture<WA::SentMessage> refused;
    m_client->sendText(newPatient(), QString(), false, {}, this, refused.callback());
    QVERIFY(!refused.done()); // not from inside the call
    QCOMPARE(m_client->pendingCalls(), 1);
    QVERIFY(refused.wait());
    QCOMPARE(refused.calls(), 1);
    QCOMPARE(m_client->pendingCalls(), 0);

    Capture<WA::SentMessage> network;
    m_client->sendTemplate(newPatient(), appointmentReminder(ReminderValues), this,
                           network.callback());
    QVERIFY(!network.done());
    QVERIFY(network.wait());
    QCOMPARE(network.calls(), 1);
}

void TestGraphClient::contextDestroyedSkipsCallback()
{
    auto context = std::make_unique<QObject>();
    Capture<WA::SentMessage> skipped;
    m_client->sendTemplate(newPatient(), appointmentReminder(ReminderValues), context.get(),
                           skipped.callback());
    Capture<WA::SentMessage> refused;
    m_client->sendText(newPatient(), QString(), false, {}, context.get(), refused.callback());
    context.reset();
    // A later call on the same client, with a live context, still completes: by then the
    // earlier ones have finished too.
    Capture<WA::SentMessage> witness;
    m_client->sendTemplate(newPatient(), appointmentReminder(ReminderValues), this,
                           witness.callback());
    QVERIFY(witness.wait());
    QTRY_COMPARE(m_client->pendingCalls(), 0);
    QCOMPARE(skipped.calls(), 0);
    QCOMPARE(refused.calls(), 0);
}

void TestGraphClient::clientDestroyedCancelsPending()
{
    m_server.services()->faults().configure(
        Sim::FaultSettings{.apiTimeout = 1.0, .seed = 7u}); // withhold
    auto client = makeClient();
    Capture<WA::SentMessage> inFlight;
    client->sendTemplate(newPatient(), appointmentReminder(ReminderValues), this,
                         inFlight.callback());
    Capture<WA::SentMessage> deferred;
    client->sendText(newPatient(), QString(), false, {}, this, deferred.callback());
    Capture<WA::MediaFile> chained;
    client->downloadMedia(QStringLiteral("123"), this, chained.callback());
    QVERIFY(!inFlight.done());
    client.reset();

    QCOMPARE(inFlight.calls(), 1);
    QCOMPARE(inFlight.error().origin(), Origin::Cancelled);
    QVERIFY(inFlight.error().outcomeUnknown());
    QCOMPARE(inFlight.error().errorClass(), ErrorClass::Retry);
    QCOMPARE(deferred.calls(), 1);
    QCOMPARE(deferred.error().origin(), Origin::Validation);
    QCOMPARE(chained.calls(), 1);
    QCOMPARE(chained.error().origin(), Origin::Cancelled);
}

void TestGraphClient::serverErrorsAreRetryable()
{
    m_server.services()->faults().configure(Sim::FaultSettings{.apiServerError = 1.0, .seed = 11u});
    QSet<int> codes;
    for (int i = 0; i < 6; ++i) {
        Capture<WA::SentMessage> sent;
        m_client->sendTemplate(newPatient(), appointmentReminder(ReminderValues), this,
                               sent.callback());
        QVERIFY(sent.wait());
        QVERIFY(!sent.result().ok());
        QVERIFY2(sent.error().httpStatus() >= 500, sent.why().constData());
        QCOMPARE(sent.error().errorClass(), ErrorClass::Retry);
        QVERIFY(sent.error().code());
        codes.insert(*sent.error().code());
    }
    QVERIFY(codes.contains(131000) || codes.contains(2));
}

void TestGraphClient::timeout()
{
    m_server.services()->faults().configure(Sim::FaultSettings{.apiTimeout = 1.0, .seed = 5u});
    const std::unique_ptr<WA::GraphClient> client = makeClient(Token, 300);
    Capture<WA::SentMessage> sent;
    client->sendTemplate(newPatient(), appointmentReminder(ReminderValues), this, sent.callback());
    QVERIFY(sent.wait(10000));
    QVERIFY(!sent.result().ok());
    QCOMPARE(sent.error().origin(), Origin::Timeout);
    QCOMPARE(sent.error().errorClass(), ErrorClass::Retry);
    // The simulator processed it but withheld the answer: a retry may duplicate.
    QVERIFY(sent.error().outcomeUnknown());
    QCOMPARE(sent.calls(), 1);
}

void TestGraphClient::connectionRefused()
{
    // A port that was just free: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    WA::GraphConfig config = m_client->config();
    QUrl url = config.baseUrl;
    url.setPort(port);
    config.baseUrl = url;
    WA::GraphClient client(config);
    client.setProxy(QNetworkProxy::NoProxy);
    Capture<WA::SentMessage> sent;
    client.sendTemplate(newPatient(), appointmentReminder(ReminderValues), this, sent.callback());
    QVERIFY(sent.wait());
    QVERIFY(!sent.result().ok());
    QCOMPARE(sent.error().origin(), Origin::Network);
    QCOMPARE(sent.error().errorClass(), ErrorClass::Retry);
    QVERIFY(!sent.error().outcomeUnknown());
    QCOMPARE(sent.error().staffMessage(),
             QStringLiteral("Wardline could not reach WhatsApp; it will retry."));
}

void TestGraphClient::misconfigured()
{
    WA::GraphConfig config = m_client->config();
    config.phoneNumberId.clear();
    config.wabaId.clear();
    WA::GraphClient client(config);
    Capture<WA::SentMessage> sent;
    client.sendTemplate(newPatient(), appointmentReminder(ReminderValues), this, sent.callback());
    Capture<QList<WA::GraphTemplate>> listed;
    client.listTemplates(this, listed.callback());
    QVERIFY(sent.wait());
    QVERIFY(listed.wait());
    for (const WA::GraphApiError &error : {sent.error(), listed.error()}) {
        QCOMPARE(error.origin(), Origin::Validation);
        QCOMPARE(error.errorClass(), ErrorClass::Credentials);
        QVERIFY(error.logSummary().contains(u"phone_number_id"));
    }
    QVERIFY(listed.error().logSummary().contains(u"waba_id"));
}

QTEST_GUILESS_MAIN(TestGraphClient)
#include "tst_graphclient.moc"
