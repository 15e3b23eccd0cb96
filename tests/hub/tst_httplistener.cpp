// The webhook listener's HTTP layer, spoken to byte by byte over real loopback sockets.
#include "hub/httplistener.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Wardline;
using Hub::HttpListener;
using Hub::HttpRequest;
using Hub::HttpResponder;

class TestHttpListener : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpListener> m_listener;
    QList<HttpRequest> m_requests;
    QList<HttpResponder> m_pending;
    bool m_answerAtOnce = true;

    std::unique_ptr<QTcpSocket> connectClient()
    {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, m_listener->port());
        if (!socket->waitForConnected(5000))
            return {};
        return socket;
    }

    // Everything the server sent until it has sent \a answers answers or closed (10 s at most);
    // the event loop runs meanwhile, so the server (same thread) can answer.
    static QByteArray readAnswers(QTcpSocket *socket, int answers)
    {
        QByteArray all;
        (void)QTest::qWaitFor(
            [&] {
                all += socket->readAll();
                return all.count("HTTP/1.1 ") >= answers ||
                       socket->state() == QAbstractSocket::UnconnectedState;
            },
            10000);
        all += socket->readAll();
        return all;
    }

private Q_SLOTS:
    void init()
    {
        m_requests.clear();
        m_pending.clear();
        m_answerAtOnce = true;
        m_listener =
            std::make_unique<HttpListener>([this](const HttpRequest &r, HttpResponder responder) {
                m_requests.append(r);
                if (m_answerAtOnce)
                    responder.respond(200, "{\"n\":" + QByteArray::number(m_requests.size()) + '}');
                else
                    m_pending.append(responder);
            });
        HttpListener::Limits limits;
        limits.maxBody = 1000;
        limits.maxHeaderBytes = 2048;
        limits.headerTimeoutMs = 300;
        m_listener->setLimits(limits);
        QVERIFY(m_listener->listen(QHostAddress::LocalHost, 0));
    }

    void postDeliversTheExactBody()
    {
        auto client = connectClient();
        QVERIFY(client);
        const QByteArray body("{\"x\":\"\\u00f1\"}\r\n\x01", 17);
        client->write(
            "POST /webhook?a=1 HTTP/1.1\r\nHost: hub\r\nX-Hub-Signature-256: sha256=ab\r\n"
            "Content-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n" + body);
        const QByteArray answer = readAnswers(client.get(), 1);
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
        QVERIFY(answer.endsWith("{\"n\":1}"));
        QCOMPARE(m_requests.size(), 1);
        QCOMPARE(m_requests.first().method, QByteArray("POST"));
        QCOMPARE(m_requests.first().target, QByteArray("/webhook?a=1"));
        QCOMPARE(m_requests.first().body, body);
        QCOMPARE(m_requests.first().header("x-hub-signature-256"), QByteArray("sha256=ab"));
    }

    void bodyArrivingInPiecesIsReassembled()
    {
        auto client = connectClient();
        client->write("POST / HTTP/1.1\r\nContent-Le");
        QVERIFY(QTest::qWaitFor([&] { return client->bytesToWrite() == 0; }));
        client->write("ngth: 10\r\n\r\n01234");
        QVERIFY(QTest::qWaitFor([&] { return client->bytesToWrite() == 0; }));
        QVERIFY(m_requests.isEmpty());
        client->write("56789");
        readAnswers(client.get(), 1);
        QCOMPARE(m_requests.size(), 1);
        QCOMPARE(m_requests.first().body, QByteArray("0123456789"));
    }

    void deferredAnswersKeepTheirOrder()
    {
        m_answerAtOnce = false;
        auto client = connectClient();
        // Two pipelined requests in one write, answered in the opposite order.
        client->write("POST /a HTTP/1.1\r\nContent-Length: 1\r\n\r\nA"
                      "POST /b HTTP/1.1\r\nContent-Length: 1\r\n\r\nB");
        QTRY_COMPARE(m_pending.size(), 2);
        m_pending[1].respond(200, "second");
        QCoreApplication::processEvents();
        QCOMPARE(client->bytesAvailable(), 0); // nothing may go out before the first answer
        m_pending[0].respond(503, "first");
        const QByteArray answers = readAnswers(client.get(), 2);
        QVERIFY2(answers.indexOf("503") < answers.indexOf("200"), answers.constData());
        QVERIFY(answers.indexOf("first") < answers.indexOf("second"));
    }

    void keepAliveServesSeveralRequests()
    {
        auto client = connectClient();
        for (int i = 1; i <= 3; ++i) {
            client->write("GET /health HTTP/1.1\r\nHost: hub\r\n\r\n");
            const QByteArray answer = readAnswers(client.get(), 1);
            QVERIFY(answer.endsWith(QByteArray("{\"n\":" + QByteArray::number(i) + '}')));
        }
        QCOMPARE(client->state(), QAbstractSocket::ConnectedState);
    }

    void connectionCloseIsHonoured()
    {
        auto client = connectClient();
        client->write("GET / HTTP/1.1\r\nConnection: close\r\n\r\nGET /ignored HTTP/1.1\r\n\r\n");
        const QByteArray answer = readAnswers(client.get(), 2);
        QCOMPARE(answer.count("HTTP/1.1 "), 1);
        QVERIFY(answer.contains("Connection: close"));
        QTRY_COMPARE(client->state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(m_requests.size(), 1);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("oversize body, refused before it is sent")
            << QByteArray("POST /webhook HTTP/1.1\r\nContent-Length: 1001\r\n\r\n") << 413;
        QTest::newRow("no length") << QByteArray("POST /webhook HTTP/1.1\r\n\r\n{}") << 411;
        QTest::newRow("chunked") << QByteArray("POST /webhook HTTP/1.1\r\nTransfer-Encoding: "
                                               "chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
                                 << 501;
        QTest::newRow("bad request line") << QByteArray("HELLO\r\n\r\n") << 400;
        QTest::newRow("negative length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n") << 400;
        QTest::newRow("conflicting lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}")
            << 400;
        QTest::newRow("huge head")
            << QByteArray("GET / HTTP/1.1\r\nX-Pad: " + QByteArray(4096, 'a') + "\r\n\r\n") << 431;
    }

    void refusals()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        auto client = connectClient();
        client->write(request);
        const QByteArray answer = readAnswers(client.get(), 1);
        QVERIFY2(answer.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status))),
                 answer.constData());
        QVERIFY(answer.contains("\"error\""));
        QTRY_COMPARE(client->state(), QAbstractSocket::UnconnectedState);
        QVERIFY(m_requests.isEmpty()); // the handler never saw it
    }

    void aSlowClientIsTimedOut()
    {
        auto client = connectClient();
        client->write("POST /webhook HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123");
        const QByteArray answer = readAnswers(client.get(), 1);
        QVERIFY2(answer.startsWith("HTTP/1.1 408"), answer.constData());
        QVERIFY(m_requests.isEmpty());
    }

    void anAnswerForAClientThatLeftIsDropped()
    {
        m_answerAtOnce = false;
        {
            auto client = connectClient();
            client->write("POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}");
            QTRY_COMPARE(m_pending.size(), 1);
            client->abort();
        }
        QTRY_COMPARE(m_listener->openConnections(), 0);
        QVERIFY(!m_pending.first().isConnected());
        m_pending.first().respond(200, "late"); // must not crash
    }
};

QTEST_GUILESS_MAIN(TestHttpListener)
#include "tst_httplistener.moc"
