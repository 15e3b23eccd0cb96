// The consoles' live event stream over a real WebSocket: events in order, live as they are
// committed, and after a dropped connection exactly the missed ones, none twice.
#include "core/clock.h"
#include "core/crypto.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "store/eventlog.h"
#include "store/sessionrepository.h"
#include "store/userrepository.h"
#include "testhub.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace Wardline;

namespace {
const QString Password = QStringLiteral("Ward-line 7 blue heron");
}

class TestEventStream : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    QNetworkAccessManager m_nam;

    QString signIn(const QString &user)
    {
        QNetworkRequest request(QUrl(m_hub->apiUrl() + QStringLiteral("/api/v1/session")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply =
            m_nam.post(request, QJsonDocument(QJsonObject{{QStringLiteral("username"), user},
                                                          {QStringLiteral("password"), Password}})
                                    .toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(20000))
            return {};
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll())
            .object()
            .value(QLatin1StringView("token"))
            .toString();
    }

    // Appends \a n events as a hub component would, committed.
    QList<qint64> appendEvents(int n)
    {
        QList<qint64> seqs;
        QSqlDatabase db = m_hub->database();
        if (!db.transaction())
            return seqs;
        for (int i = 0; i < n; ++i) {
            auto seq =
                Store::EventLog(db).append(QStringLiteral("test.event"), {{QStringLiteral("i"), i}},
                                           QDateTime::currentDateTimeUtc());
            if (seq)
                seqs.append(seq.value());
        }
        return db.commit() ? seqs : QList<qint64>();
    }

    struct Listener
    {
        QWebSocket socket;
        QList<QJsonObject> messages;
        QList<qint64> seqs() const
        {
            QList<qint64> out;
            for (const QJsonObject &m : messages) {
                if (m.value(QLatin1StringView("type")).toString() == QLatin1StringView("event"))
                    out.append(m.value(QLatin1StringView("seq")).toInteger());
            }
            return out;
        }
    };

    bool open(Listener &l, const QString &token, qint64 after)
    {
        QObject::connect(&l.socket, &QWebSocket::textMessageReceived, &l.socket,
                         [&l](const QString &text) {
                             l.messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
                         });
        QSignalSpy connected(&l.socket, &QWebSocket::connected);
        l.socket.open(QUrl(m_hub->eventsUrl()));
        if (!connected.wait(10000))
            return false;
        l.socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("token"), token},
                                                        {QStringLiteral("after"), after}})
                                  .toJson(QJsonDocument::Compact)));
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto init = Hub::HubInit(m_dir.path(), Core::Clock::system())
                        .run(QStringLiteral("admin"), Password);
        QVERIFY2(init, qPrintable(init.error()));
        QVERIFY(Test::writeHubSecrets(m_dir.path()));
        Test::listenOnLoopback(m_dir.path(), Test::Tls::Off);
        auto config = Hub::HubConfig::load(m_dir.path());
        QVERIFY(config);
        m_config = std::move(config).value();
        m_hub = std::make_unique<Hub::HubServer>(*m_config, Core::Clock::system());
        auto started = m_hub->start();
        QVERIFY2(started, qPrintable(started.error()));
        QVERIFY(Store::UserRepository(m_hub->database(), Core::Clock::system())
                    .create(QStringLiteral("nurse.ana"), Core::Role::Nurse,
                            Core::Crypto::hashPassword(Password)));
        QVERIFY(Store::UserRepository(m_hub->database(), Core::Clock::system())
                    .create(QStringLiteral("audit.amy"), Core::Role::Auditor,
                            Core::Crypto::hashPassword(Password)));
        QVERIFY(Store::UserRepository(m_hub->database(), Core::Clock::system())
                    .create(QStringLiteral("desk.rosa"), Core::Role::Receptionist,
                            Core::Crypto::hashPassword(Password)));
    }

    void cleanupTestCase() { m_hub.reset(); }

    void backlogThenLiveThenExactlyTheMissedOnes()
    {
        const QString token = signIn(QStringLiteral("nurse.ana"));
        QVERIFY(!token.isEmpty());
        const QList<qint64> backlog = appendEvents(7);
        QCOMPARE(backlog.size(), 7);
        const qint64 start = backlog.first() - 1;

        auto first = std::make_unique<Listener>();
        QVERIFY(open(*first, token, start));
        QTRY_COMPARE(first->seqs(), backlog);
        QCOMPARE(first->messages.first().value(QLatin1StringView("type")).toString(),
                 QStringLiteral("ready"));

        const QList<qint64> live = appendEvents(3);
        QTRY_COMPARE(first->seqs(), backlog + live);

        // The connection drops; the hub goes on; the console comes back with its last seq.
        const qint64 lastApplied = first->seqs().last();
        first.reset();
        const QList<qint64> missed = appendEvents(1200); // more than one page
        Listener again;
        QVERIFY(open(again, token, lastApplied));
        QTRY_COMPARE_WITH_TIMEOUT(again.seqs().size(), missed.size(), 20000);
        QCOMPARE(again.seqs(), missed); // in order, none missing, none repeated
    }

    void aReceptionistSeesClinicalEventsOnlyAsHidden()
    {
        // One clinical and one appointment conversation, each with an event naming it.
        QSqlDatabase db = m_hub->database();
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO patients (created_at, updated_at) VALUES "
                                      "('2026-01-01', '2026-01-01')")));
        const qint64 patient = q.lastInsertId().toLongLong();
        qint64 conversation[2] = {};
        for (int i = 0; i < 2; ++i) {
            q.prepare(QStringLiteral("INSERT INTO conversations (patient_id, category, "
                                     "created_at) VALUES (?, ?, '2026-01-01')"));
            q.addBindValue(patient);
            q.addBindValue(i == 0 ? QStringLiteral("NURSE") : QStringLiteral("APPOINTMENT"));
            QVERIFY(q.exec());
            conversation[i] = q.lastInsertId().toLongLong();
        }
        const qint64 from = Store::EventLog(db).lastSeq();
        Listener l;
        QVERIFY(open(l, signIn(QStringLiteral("desk.rosa")), from));
        QTRY_VERIFY_WITH_TIMEOUT(!l.messages.isEmpty(), 10000); // ready
        QVERIFY(db.transaction());
        for (const qint64 id : conversation)
            QVERIFY(Store::EventLog(db).append(QStringLiteral("message.received"),
                                               {{QStringLiteral("conversationId"), id}},
                                               QDateTime::currentDateTimeUtc()));
        QVERIFY(db.commit());
        QTRY_COMPARE_WITH_TIMEOUT(l.seqs(), (QList<qint64>{from + 1, from + 2}), 10000);
        // Gap-free sequence numbers, but nothing about the clinical conversation.
        QCOMPARE(l.messages.at(1).value(u"kind").toString(), QStringLiteral("hidden"));
        QVERIFY(l.messages.at(1).value(u"payload").toObject().isEmpty());
        QCOMPARE(l.messages.at(2).value(u"kind").toString(), QStringLiteral("message.received"));
    }

    void aSessionThatEndsIsCutOffMidStream()
    {
        const QString token = signIn(QStringLiteral("nurse.ana"));
        Listener l;
        QSignalSpy closed(&l.socket, &QWebSocket::disconnected);
        QVERIFY(open(l, token, Store::EventLog(m_hub->database()).lastSeq()));
        QTRY_VERIFY_WITH_TIMEOUT(!l.messages.isEmpty(), 10000);
        // Signed out elsewhere (or deactivated): the next event is not delivered to it.
        QNetworkRequest request(QUrl(m_hub->apiUrl() + QStringLiteral("/api/v1/session")));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QNetworkReply *out = m_nam.deleteResource(request);
        QSignalSpy done(out, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        out->deleteLater();
        QVERIFY(!appendEvents(1).isEmpty());
        QVERIFY(closed.wait(10000));
        QVERIFY(l.seqs().isEmpty());
        QCOMPARE(l.messages.last().value(u"code").toString(), QStringLiteral("not_signed_in"));
    }

    void backgroundSyncDoesNotKeepASessionAlive()
    {
        const QString token = signIn(QStringLiteral("nurse.ana"));
        const auto lastSeen = [this, &token] {
            QSqlQuery q(m_hub->database());
            q.prepare(QStringLiteral("SELECT last_seen_at FROM sessions WHERE token_hash = ?"));
            q.addBindValue(QString::fromLatin1(Store::SessionRepository::hashToken(token)));
            return q.exec() && q.next() ? q.value(0).toString() : QString();
        };
        const QString before = lastSeen();
        QVERIFY(!before.isEmpty());
        QNetworkRequest request(QUrl(m_hub->apiUrl() + QStringLiteral("/api/v1/inbox")));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setRawHeader("X-Wardline-Background", "1");
        QNetworkReply *reply = m_nam.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        reply->deleteLater();
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(lastSeen(), before);
    }

    void refusedWithoutAValidSessionOrPermission_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("code");
        QTest::newRow("forged token") << QString() << QStringLiteral("not_signed_in");
        QTest::newRow("auditor") << QStringLiteral("audit.amy") << QStringLiteral("forbidden");
    }

    void refusedWithoutAValidSessionOrPermission()
    {
        QFETCH(QString, user);
        QFETCH(QString, code);
        const QString token = user.isEmpty()
                                  ? QStringLiteral("forged-token-forged-token-forged-token-aaaa")
                                  : signIn(user);
        Listener l;
        QSignalSpy closed(&l.socket, &QWebSocket::disconnected);
        QVERIFY(open(l, token, 0));
        QVERIFY(closed.wait(10000));
        QVERIFY(!l.messages.isEmpty());
        QCOMPARE(l.messages.first().value(QLatin1StringView("code")).toString(), code);
        QVERIFY(l.seqs().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEventStream)
#include "tst_eventstream.moc"
