#include "core/auditchain.h"
#include "core/crypto.h"
#include "core/secretkey.h"

#include <QSet>
#include <QTest>

using namespace Wardline::Core;

class TestCrypto : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(Crypto::selfTest()); }

    void passwordHashVerifies_data()
    {
        QTest::addColumn<QString>("password");
        QTest::newRow("ascii") << QStringLiteral("Night shift 4 ward B");
        QTest::newRow("spanish") << QStringLiteral(u"contraseña del turno de noche");
        QTest::newRow("emoji") << QStringLiteral(u"🏥 ward 7 🔑 door");
    }

    void passwordHashVerifies()
    {
        QFETCH(QString, password);
        const QByteArray hash = Crypto::hashPassword(password);
        QVERIFY(hash.startsWith("$argon2id$v=19$"));
        QVERIFY(!hash.contains(password.toUtf8()));
        QVERIFY(Crypto::verifyPassword(password, hash));
        QVERIFY(!Crypto::verifyPassword(password + u' ', hash));
        QVERIFY(!Crypto::verifyPassword(password.toUpper(), hash));
        QVERIFY(!Crypto::passwordNeedsRehash(hash));
        // Salted: the same password never hashes the same twice.
        QVERIFY(Crypto::hashPassword(password) != hash);
    }

    void verifyRejectsOtherFormats()
    {
        QVERIFY(!Crypto::verifyPassword(QStringLiteral("x"), QByteArray()));
        QVERIFY(!Crypto::verifyPassword(QStringLiteral("x"), "plain-text-password"));
        // An argon2i (not id) hash from libsodium's format is not accepted as a staff hash.
        QVERIFY(!Crypto::verifyPassword(QStringLiteral("x"),
                                        "$argon2i$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA"));
    }

    void randomTokensAreUniqueAndUrlSafe()
    {
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i) {
            const QString token = Crypto::randomToken();
            QCOMPARE(token.size(), 43); // 32 bytes, base64url without padding
            QVERIFY(!token.contains(u'+') && !token.contains(u'/') && !token.contains(u'='));
            seen.insert(token);
        }
        QCOMPARE(seen.size(), 200);
    }

    void constantTimeEquality_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("same") << QByteArray("abc") << QByteArray("abc") << true;
        QTest::newRow("differs") << QByteArray("abc") << QByteArray("abd") << false;
        QTest::newRow("length") << QByteArray("abc") << QByteArray("abcd") << false;
        QTest::newRow("empty") << QByteArray() << QByteArray() << true;
    }

    void constantTimeEquality()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(Crypto::equalConstantTime(a, b), equal);
    }

    void secretKeyHex_data()
    {
        QTest::addColumn<QByteArray>("hex");
        QTest::addColumn<bool>("valid");
        QTest::newRow("lower") << QByteArray(64, 'a') << true;
        QTest::newRow("upper") << QByteArray(64, 'F') << true;
        QTest::newRow("newline") << QByteArray(QByteArray(64, '0') + '\n') << true;
        QTest::newRow("63") << QByteArray(63, 'a') << false;
        QTest::newRow("65") << QByteArray(65, 'a') << false;
        QTest::newRow("not hex") << QByteArray(QByteArray(63, 'a') + 'z') << false;
    }

    void secretKeyHex()
    {
        QFETCH(QByteArray, hex);
        QFETCH(bool, valid);
        const SecretKey key = SecretKey::fromHex(hex);
        QCOMPARE(key.isValid(), valid);
        if (valid)
            QCOMPARE(key.toHex(), hex.trimmed().toLower());
    }

    void secretKeyMovesAndWipes()
    {
        SecretKey a = SecretKey::generate();
        QVERIFY(a.isValid());
        const QByteArray copy(a.bytes().constData(), a.bytes().size());
        SecretKey b = std::move(a);
        QVERIFY(!a.isValid()); // NOLINT(bugprone-use-after-move): the point of the test
        QCOMPARE(b.bytes(), copy);
        QVERIFY(SecretKey::generate().bytes() != copy);

        QByteArray raw = copy;
        raw.detach();
        const SecretKey c = SecretKey::fromRaw(raw);
        QVERIFY(raw.isEmpty()); // the caller's copy was wiped
        QCOMPARE(c.bytes(), copy);
    }

    void auditHashCoversEveryField()
    {
        AuditRecord r{1,
                      QStringLiteral("2026-11-25T03:00:00.000Z"),
                      QStringLiteral("admin"),
                      QStringLiteral("user.create"),
                      QStringLiteral("user:2"),
                      QStringLiteral("{}")};
        const QByteArray h = AuditChain::hash(AuditChain::genesis(), r);
        QCOMPARE(h.size(), 64);
        QCOMPARE(AuditChain::hash(AuditChain::genesis(), r), h);
        auto changed = [&](auto mutate) {
            AuditRecord copy = r;
            mutate(copy);
            return AuditChain::hash(AuditChain::genesis(), copy) != h;
        };
        QVERIFY(changed([](AuditRecord &x) { x.id = 2; }));
        QVERIFY(changed([](AuditRecord &x) { x.at = QStringLiteral("2026-11-25T03:00:00.001Z"); }));
        QVERIFY(changed([](AuditRecord &x) { x.actor = QStringLiteral("admin2"); }));
        QVERIFY(changed([](AuditRecord &x) { x.action = QStringLiteral("user.delete"); }));
        QVERIFY(changed([](AuditRecord &x) { x.subject = QStringLiteral("user:3"); }));
        QVERIFY(changed([](AuditRecord &x) { x.detail = QStringLiteral("{ }"); }));
        // Moving a character between neighbouring fields changes the hash too.
        QVERIFY(changed([](AuditRecord &x) {
            x.actor = QStringLiteral("admi");
            x.action = QStringLiteral("nuser.create");
        }));
        QVERIFY(AuditChain::hash(QByteArray(64, '1'), r) != h);
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
