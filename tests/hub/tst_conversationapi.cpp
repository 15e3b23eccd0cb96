// The staff API's conversation commands and events, against every role: allowed, or 403 and
// audited. Real hub in-process, real sockets, real encrypted database.
#include "core/clock.h"
#include "core/crypto.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "store/userrepository.h"
#include "testhub.h"
#include "whatsapp/webhooksignature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

namespace {
const QString Password = QStringLiteral("Ward-line 7 blue heron");

struct Reply
{
    int status = 0;
    QJsonObject json;
};
} // namespace

class TestConversationApi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::HubSecrets m_secrets;
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    QNetworkAccessManager m_nam;
    QHash<QString, QString> m_tokens; // role name → session token
    qint64 m_conversation = 0;
    qint64 m_physicianId = 0;

    Reply call(const QByteArray &verb, const QString &path, const QString &token,
               const QJsonObject &body = {})
    {
        QNetworkRequest request(QUrl(m_hub->apiUrl() + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, QJsonDocument(body).toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(20000))
            return {};
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                QJsonDocument::fromJson(reply->readAll()).object()};
    }

    qint64 count(const QString &sql) const
    {
        QSqlQuery q(m_hub->database());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

    void receive(const QString &from, const QString &wamid, const QDateTime &at)
    {
        const QByteArray body =
            QStringLiteral(
                R"({"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages",)"
                R"("value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"1","phone_number_id":"1"},)"
                R"("contacts":[{"profile":{"name":"P"},"wa_id":"%1"}],"messages":[{"from":"%1","id":"%2",)"
                R"("timestamp":"%3","type":"text","text":{"body":"I need help with my medication"}}]}}]}]})")
                .arg(from, wamid)
                .arg(at.toSecsSinceEpoch())
                .toUtf8();
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(m_hub->webhookPort())));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("X-Hub-Signature-256",
                             WhatsApp::WebhookSignature::sign(m_secrets.appSecret, body));
        QNetworkReply *reply = m_nam.post(request, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(20000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto init = Hub::HubInit(m_dir.path(), Core::Clock::system())
                        .run(QStringLiteral("admin"), Password);
        QVERIFY2(init, qPrintable(init.error()));
        QVERIFY(Test::writeHubSecrets(m_dir.path(), m_secrets));
        Test::listenOnLoopback(m_dir.path(), Test::Tls::Off);
        auto config = Hub::HubConfig::load(m_dir.path());
        QVERIFY(config);
        m_config = std::move(config).value();
        m_hub = std::make_unique<Hub::HubServer>(*m_config, Core::Clock::system());
        auto started = m_hub->start();
        QVERIFY2(started, qPrintable(started.error()));

        Store::UserRepository users(m_hub->database(), Core::Clock::system());
        for (Core::Role role : Core::allRoles()) {
            const QString name = Core::roleName(role);
            if (role != Core::Role::Administrator)
                QVERIFY(users.create(QStringLiteral("u-") + name, role,
                                     Core::Crypto::hashPassword(Password)));
            QNetworkRequest request(QUrl(m_hub->apiUrl() + QStringLiteral("/api/v1/session")));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QStringLiteral("application/json"));
            const QString user = role == Core::Role::Administrator ? QStringLiteral("admin")
                                                                   : QStringLiteral("u-") + name;
            QNetworkReply *reply = m_nam.post(
                request, QJsonDocument(QJsonObject{{QStringLiteral("username"), user},
                                                   {QStringLiteral("password"), Password}})
                             .toJson());
            QSignalSpy done(reply, &QNetworkReply::finished);
            QVERIFY(done.wait(20000));
            const QString token = QJsonDocument::fromJson(reply->readAll())
                                      .object()
                                      .value(QLatin1StringView("token"))
                                      .toString();
            QVERIFY2(!token.isEmpty(), qPrintable(name));
            m_tokens.insert(name, token);
            reply->deleteLater();
        }
        m_physicianId = count(QStringLiteral("SELECT id FROM users WHERE role = 'physician'"));
        receive(QStringLiteral("15550104000"), QStringLiteral("wamid.api.1"),
                QDateTime::currentDateTimeUtc());
        m_conversation = count(
            QStringLiteral("SELECT conversation_id FROM messages WHERE wamid = 'wamid.api.1'"));
        QVERIFY(m_conversation > 0);
    }

    void cleanupTestCase() { m_hub.reset(); }

    void everyCommandAgainstEveryRole_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("expected");
        struct Command
        {
            const char *name;
            const char *verb;
            const char *path;
            std::array<int, 5> expected; // nurse, receptionist, physician, administrator, auditor
        };
        // A general (clinical) conversation: receptionists see appointments only.
        const Command commands[] = {
            {"events", "GET", "/api/v1/events?after=0&limit=5", {200, 200, 200, 200, 403}},
            {"send", "POST", "/api/v1/conversations/%1/messages", {202, 403, 202, 403, 403}},
            {"note", "POST", "/api/v1/conversations/%1/notes", {201, 403, 201, 403, 403}},
            {"claim", "POST", "/api/v1/conversations/%1/claim", {204, 403, 204, 403, 403}},
            {"close", "POST", "/api/v1/conversations/%1/close", {204, 403, 204, 403, 403}},
            {"reopen", "POST", "/api/v1/conversations/%1/reopen", {204, 403, 204, 403, 403}},
            {"open", "GET", "/api/v1/conversations/%1", {200, 403, 200, 403, 403}},
            {"mark read", "POST", "/api/v1/conversations/%1/read", {204, 403, 204, 403, 403}},
            {"template", "POST", "/api/v1/conversations/%1/templates", {202, 403, 202, 403, 403}},
            {"transfer", "POST", "/api/v1/conversations/%1/transfer", {204, 403, 204, 403, 403}},
            {"inbox", "GET", "/api/v1/inbox", {200, 200, 200, 200, 403}},
            {"templates", "GET", "/api/v1/templates?language=en", {200, 200, 200, 200, 403}},
            {"inbox row", "GET", "/api/v1/inbox/%1", {200, 404, 200, 404, 403}},
            {"photo queue", "GET", "/api/v1/photo-reviews", {200, 403, 200, 403, 403}},
            {"tasks", "GET", "/api/v1/tasks", {200, 403, 200, 403, 403}},
            {"reschedule queue", "GET", "/api/v1/appointments", {403, 200, 403, 200, 403}},
            {"settings", "GET", "/api/v1/settings", {403, 403, 403, 200, 403}},
            {"users", "GET", "/api/v1/users", {403, 403, 403, 200, 403}},
            {"audit trail", "GET", "/api/v1/audit?limit=5", {403, 403, 403, 200, 200}},
            {"audit verify", "GET", "/api/v1/audit/verify", {403, 403, 403, 200, 200}},
        };
        const auto roles = Core::allRoles();
        for (const Command &c : commands) {
            for (size_t r = 0; r < roles.size(); ++r) {
                const QString role = Core::roleName(roles[r]);
                QTest::addRow("%s as %s", c.name, qPrintable(role))
                    << role << QByteArray(c.verb) << QString::fromLatin1(c.path) << c.expected[r];
            }
        }
    }

    void everyCommandAgainstEveryRole()
    {
        QFETCH(QString, role);
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(int, expected);
        const qint64 deniedBefore =
            count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'access.denied'"));
        const QJsonObject body{
            {QStringLiteral("idempotencyKey"),
             QStringLiteral("key-%1-%2").arg(role).arg(QDateTime::currentMSecsSinceEpoch())},
            {QStringLiteral("text"), QStringLiteral("Please take it with food.")},
            {QStringLiteral("name"), QStringLiteral("emergency_instruction")},
            {QStringLiteral("language"), QStringLiteral("en")},
            {QStringLiteral("parameters"), QJsonArray{QStringLiteral("Ana")}},
            {QStringLiteral("userId"), m_physicianId}};
        const Reply r =
            call(verb, path.contains(QStringLiteral("%1")) ? path.arg(m_conversation) : path,
                 m_tokens.value(role), body);
        QVERIFY2(r.status == expected, QJsonDocument(r.json).toJson().constData());
        if (expected == 403) {
            QCOMPARE(r.json[QStringLiteral("error")][QStringLiteral("code")].toString(),
                     QStringLiteral("forbidden"));
            QCOMPARE(count(QStringLiteral(
                         "SELECT count(*) FROM audit_log WHERE action = 'access.denied'")),
                     deniedBefore + 1);
        }
    }

    void aRetriedSendIsOneMessage()
    {
        const QJsonObject body{
            {QStringLiteral("idempotencyKey"), QStringLiteral("retry-0123456789abcdef")},
            {QStringLiteral("text"), QStringLiteral("Your refill is ready.")}};
        const QString path =
            QStringLiteral("/api/v1/conversations/%1/messages").arg(m_conversation);
        const Reply first = call("POST", path, m_tokens.value(QStringLiteral("nurse")), body);
        const Reply again = call("POST", path, m_tokens.value(QStringLiteral("nurse")), body);
        QCOMPARE(first.status, 202);
        QCOMPARE(again.status, 202);
        QCOMPARE(again.json[QStringLiteral("outboxId")], first.json[QStringLiteral("outboxId")]);
        QVERIFY(again.json[QStringLiteral("duplicate")].toBool());
        QCOMPARE(
            count(QStringLiteral(
                "SELECT count(*) FROM outbox WHERE idempotency_key = 'retry-0123456789abcdef'")),
            1);
        // Until Meta accepts it, the conversation shows it as pending, with its key, so a
        // console can match its own optimistic bubble.
        const Reply opened =
            call("GET", QStringLiteral("/api/v1/conversations/%1").arg(m_conversation),
                 m_tokens.value(QStringLiteral("nurse")));
        bool pending = false;
        for (const QJsonValue &p : opened.json.value(u"pending").toArray())
            pending = pending || p.toObject().value(u"idempotencyKey").toString() ==
                                     QLatin1String("retry-0123456789abcdef");
        QVERIFY(pending);
        // A note retried with its key is one note.
        const QJsonObject note{
            {QStringLiteral("idempotencyKey"), QStringLiteral("note-key-0123456789")},
            {QStringLiteral("text"), QStringLiteral("Called back, no answer.")}};
        const QString notes = QStringLiteral("/api/v1/conversations/%1/notes").arg(m_conversation);
        QCOMPARE(call("POST", notes, m_tokens.value(QStringLiteral("nurse")), note).status, 201);
        const Reply noteAgain = call("POST", notes, m_tokens.value(QStringLiteral("nurse")), note);
        QCOMPARE(noteAgain.status, 200);
        QVERIFY(noteAgain.json.value(u"duplicate").toBool());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE client_key = "
                                      "'note-key-0123456789'")),
                 1);
        // The conversation says who it is with.
        QVERIFY(!opened.json.value(u"patient").toObject().value(u"phone").toString().isEmpty());
        // The patient's message carries its payload and triage.
        const QJsonObject inbound = opened.json.value(u"messages").toArray().at(0).toObject();
        QVERIFY(inbound.value(u"payload").toObject().contains(u"text"));
    }

    void badInputIsRefusedPlainly_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("no key") << QJsonObject{{QStringLiteral("text"), QStringLiteral("x")}}
                                << QStringLiteral("bad_request");
        QTest::newRow("empty text")
            << QJsonObject{{QStringLiteral("idempotencyKey"), QStringLiteral("empty-0123456789ab")},
                           {QStringLiteral("text"), QString()}}
            << QStringLiteral("invalid_message");
        QTest::newRow("over 4096")
            << QJsonObject{{QStringLiteral("idempotencyKey"), QStringLiteral("long-0123456789abc")},
                           {QStringLiteral("text"), QString(4097, u'a')}}
            << QStringLiteral("invalid_message");
    }

    void badInputIsRefusedPlainly()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, code);
        const Reply r =
            call("POST", QStringLiteral("/api/v1/conversations/%1/messages").arg(m_conversation),
                 m_tokens.value(QStringLiteral("nurse")), body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json[QStringLiteral("error")][QStringLiteral("code")].toString(), code);
        QVERIFY(!r.json[QStringLiteral("error")][QStringLiteral("message")].toString().isEmpty());
    }

    void outsideTheWindowOnlyATemplateGoes()
    {
        receive(QStringLiteral("15550104001"), QStringLiteral("wamid.api.old"),
                QDateTime::currentDateTimeUtc().addDays(-2));
        const qint64 old = count(
            QStringLiteral("SELECT conversation_id FROM messages WHERE wamid = 'wamid.api.old'"));
        const Reply r =
            call("POST", QStringLiteral("/api/v1/conversations/%1/messages").arg(old),
                 m_tokens.value(QStringLiteral("nurse")),
                 {{QStringLiteral("idempotencyKey"), QStringLiteral("late-0123456789abcd")},
                  {QStringLiteral("text"), QStringLiteral("Hello again")}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json[QStringLiteral("error")][QStringLiteral("code")].toString(),
                 QStringLiteral("needs_template"));
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM outbox WHERE idempotency_key = 'late-0123456789abcd'")),
                 0);
    }

    void markingReadClearsUnreadAndNothingElse()
    {
        const QString token = m_tokens.value(QStringLiteral("nurse"));
        const QString base = QStringLiteral("/api/v1/conversations/%1/").arg(m_conversation);
        QCOMPARE(call("POST", base + QStringLiteral("close"), token).status, 204);
        QCOMPARE(call("POST", base + QStringLiteral("read"), token).status, 204);
        QCOMPARE(count(QStringLiteral("SELECT unread FROM conversations WHERE id = %1")
                           .arg(m_conversation)),
                 0);
        QSqlQuery q(m_hub->database());
        QVERIFY(q.exec(
            QStringLiteral("SELECT state FROM conversations WHERE id = %1").arg(m_conversation)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("closed"));
        QCOMPARE(call("POST", base + QStringLiteral("reopen"), token).status, 204);
    }

    void openingAConversationIsAuditedWithWhereFrom()
    {
        const Reply r = call("GET", QStringLiteral("/api/v1/conversations/%1").arg(m_conversation),
                             m_tokens.value(QStringLiteral("nurse")));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json[QStringLiteral("windowSecondsLeft")].toInteger() > 0);
        QVERIFY(!r.json[QStringLiteral("messages")].toArray().isEmpty());
        QSqlQuery q(m_hub->database());
        QVERIFY(q.exec(QStringLiteral("SELECT actor, detail FROM audit_log WHERE action = "
                                      "'conversation.open' ORDER BY id DESC LIMIT 1")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("u-nurse"));
        QVERIFY2(q.value(1).toString().contains(QStringLiteral("127.0.0.1")),
                 qPrintable(q.value(1).toString()));
        QVERIFY(
            !q.value(1).toString().contains(QStringLiteral("medication"))); // never message text
    }

    void mediaNotYetFetchedIsSaidPlainly()
    {
        QSqlQuery q(m_hub->database());
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO media (message_id, meta_media_id, mime_type) SELECT id, "
            "'media-pending-1', 'image/jpeg' FROM messages WHERE wamid = 'wamid.api.1'")));
        const qint64 media = q.lastInsertId().toLongLong();
        const Reply r = call("GET", QStringLiteral("/api/v1/media/%1").arg(media),
                             m_tokens.value(QStringLiteral("nurse")));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json[QStringLiteral("error")][QStringLiteral("code")].toString(),
                 QStringLiteral("media_not_ready"));
        QCOMPARE(call("GET", QStringLiteral("/api/v1/media/%1").arg(media),
                      m_tokens.value(QStringLiteral("receptionist")))
                     .status,
                 403);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/media/999999"),
                      m_tokens.value(QStringLiteral("nurse")))
                     .status,
                 404);
    }

    void administratorsChangeSiteSettingsAllOrNothing()
    {
        const QString admin = m_tokens.value(QStringLiteral("administrator"));
        Reply r = call("PUT", QStringLiteral("/api/v1/settings"), admin,
                       {{QStringLiteral("site/emergency_number"), QStringLiteral("112")},
                        {QStringLiteral("sla/refill_minutes"), QStringLiteral("soon")}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.json[QStringLiteral("error")][QStringLiteral("message")].toString().contains(
            QLatin1String("sla/refill_minutes")));
        r = call("GET", QStringLiteral("/api/v1/settings"), admin);
        const auto valueOf = [&r](const QString &key) {
            for (const QJsonValue &s : r.json.value(u"settings").toArray()) {
                if (s.toObject().value(u"key").toString() == key)
                    return s.toObject().value(u"value").toString();
            }
            return QString();
        };
        QCOMPARE(valueOf(QStringLiteral("site/emergency_number")), QStringLiteral("911"));
        QCOMPARE(call("PUT", QStringLiteral("/api/v1/settings"), admin,
                      {{QStringLiteral("site/emergency_number"), QStringLiteral("112")}})
                     .status,
                 204);
        r = call("GET", QStringLiteral("/api/v1/settings"), admin);
        QCOMPARE(valueOf(QStringLiteral("site/emergency_number")), QStringLiteral("112"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                      "'settings.change' AND subject = "
                                      "'setting:site/emergency_number'")),
                 1);
    }

    void aNewAccountMustChangeItsTemporaryPassword()
    {
        const QString admin = m_tokens.value(QStringLiteral("administrator"));
        Reply r = call("POST", QStringLiteral("/api/v1/users"), admin,
                       {{QStringLiteral("username"), QStringLiteral("nurse.new")},
                        {QStringLiteral("displayName"), QStringLiteral("New Nurse")},
                        {QStringLiteral("role"), QStringLiteral("nurse")}});
        QCOMPARE(r.status, 201);
        const qint64 id = r.json.value(u"id").toInteger();
        QVERIFY(id > 0);
        const QString temporary = r.json.value(u"temporaryPassword").toString();
        QVERIFY(temporary.size() >= 12);
        const auto signIn = [this](const QString &password) {
            return call("POST", QStringLiteral("/api/v1/session"), {},
                        {{QStringLiteral("username"), QStringLiteral("nurse.new")},
                         {QStringLiteral("password"), password}})
                .json.value(u"token")
                .toString();
        };
        const QString token = signIn(temporary);
        QVERIFY(!token.isEmpty());
        // Nothing opens until the password is changed.
        r = call("GET", QStringLiteral("/api/v1/inbox"), token);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json[QStringLiteral("error")][QStringLiteral("code")].toString(),
                 QStringLiteral("password_change_required"));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/session/password"), token,
                      {{QStringLiteral("current"), temporary},
                       {QStringLiteral("new"), QStringLiteral("password")}})
                     .status,
                 400); // the site's password rules
        QCOMPARE(call("POST", QStringLiteral("/api/v1/session/password"), token,
                      {{QStringLiteral("current"), temporary},
                       {QStringLiteral("new"), QStringLiteral("Heron lake 47 copper kettle")}})
                     .status,
                 204);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/inbox"), token).status, 200);

        // A reset ends the sessions it had and needs a change again.
        r = call("POST", QStringLiteral("/api/v1/users/%1/reset-password").arg(id), admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/inbox"), token).status, 401);
        QVERIFY(!signIn(r.json.value(u"temporaryPassword").toString()).isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE subject = "
                                      "'user:%1' AND action IN ('user.create', "
                                      "'user.change_password', 'user.reset_password')")
                           .arg(id)),
                 3);
    }

    void theLastAdministratorStays()
    {
        const QString admin = m_tokens.value(QStringLiteral("administrator"));
        const qint64 self = count(QStringLiteral("SELECT id FROM users WHERE username = 'admin'"));
        Reply r = call("PATCH", QStringLiteral("/api/v1/users/%1").arg(self), admin,
                       {{QStringLiteral("role"), QStringLiteral("auditor")}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.json[QStringLiteral("error")][QStringLiteral("message")].toString().contains(
            QLatin1String("another administrator")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE role = 'administrator' "
                                      "AND active = 1")),
                 1);
        // An account that does not exist is said so, not silently "unlocked".
        QCOMPARE(call("POST", QStringLiteral("/api/v1/users/999999/unlock"), admin).status, 404);
    }

    void auditorsFilterTheTrailAndVerifyIt()
    {
        const QString auditor = m_tokens.value(QStringLiteral("auditor"));
        const Reply r = call("GET",
                             QStringLiteral("/api/v1/audit?action=conversation.open&subject="
                                            "conversation:%1")
                                 .arg(m_conversation),
                             auditor);
        QCOMPARE(r.status, 200);
        const QJsonArray entries = r.json.value(u"entries").toArray();
        QVERIFY(!entries.isEmpty());
        for (const QJsonValue &e : entries)
            QCOMPARE(e.toObject().value(u"action").toString(), QStringLiteral("conversation.open"));
        const Reply verified = call("GET", QStringLiteral("/api/v1/audit/verify"), auditor);
        QCOMPARE(verified.status, 200);
        QVERIFY(verified.json.value(u"intact").toBool());
        // Reading the trail is on the trail.
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                     "'audit.view' AND actor = 'u-auditor'")) >= 1);
    }

    void eventsPageInOrder()
    {
        const QString token = m_tokens.value(QStringLiteral("nurse"));
        qint64 after = 0;
        QList<qint64> seen;
        for (int page = 0; page < 100; ++page) {
            const Reply r =
                call("GET", QStringLiteral("/api/v1/events?after=%1&limit=3").arg(after), token);
            QCOMPARE(r.status, 200);
            const QJsonArray events = r.json[QStringLiteral("events")].toArray();
            if (events.isEmpty())
                break;
            for (const QJsonValue &e : events) {
                const qint64 seq = e[QStringLiteral("seq")].toInteger();
                QVERIFY(seq > after);
                seen.append(seq);
                after = seq;
            }
        }
        QCOMPARE(qint64(seen.size()), count(QStringLiteral("SELECT count(*) FROM events")));
        QCOMPARE(seen.last(), count(QStringLiteral("SELECT max(seq) FROM events")));
    }
};

QTEST_GUILESS_MAIN(TestConversationApi)
#include "tst_conversationapi.moc"
