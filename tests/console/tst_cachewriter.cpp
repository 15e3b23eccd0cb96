// Keeping opened conversations on the writer's own thread and connection: everything arrives,
// in order, while the window's connection keeps reading and writing the same encrypted file.
#include "console/cachewriter.h"
#include "console/conversationcache.h"
#include "console/localcache.h"
#include "core/secretkey.h"
#include "store/database.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

namespace {
QJsonObject answerWith(qint64 conversation, int messages, const QString &status)
{
    QJsonArray list;
    for (int i = 1; i <= messages; ++i)
        list.append(
            QJsonObject{{QStringLiteral("id"), conversation * 100000 + i},
                        {QStringLiteral("direction"), i % 2 ? u"in"_qs : u"out"_qs},
                        {QStringLiteral("type"), QStringLiteral("text")},
                        {QStringLiteral("status"), status},
                        {QStringLiteral("body"), QStringLiteral("note %1 about gauze").arg(i)}});
    return {{QStringLiteral("id"), conversation},
            {QStringLiteral("state"), QStringLiteral("open")},
            {QStringLiteral("messages"), list}};
}
} // namespace

class TestCacheWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsConversationsWhileTheWindowUsesTheCache()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("writer.cache"));
        const Core::SecretKey key = Core::SecretKey::generate();
        auto opened = Console::LocalCache::open(QStringLiteral("window"), path, key);
        QVERIFY2(opened, qPrintable(opened.error()));
        QSqlDatabase window = opened.value();
        {
            Console::CacheWriter writer(path, key);
            QSignalSpy stored(&writer, &Console::CacheWriter::stored);
            QSignalSpy failed(&writer, &Console::CacheWriter::failed);
            writer.storeConversation(7, answerWith(7, 1500, QStringLiteral("sent")),
                                     QDateTime::currentDateTimeUtc());
            writer.storeConversation(8, answerWith(8, 20, QStringLiteral("sent")),
                                     QDateTime::currentDateTimeUtc());
            // A later answer for the same conversation (ticks moved) wins: jobs keep their order.
            writer.storeConversation(7, answerWith(7, 1500, QStringLiteral("read")),
                                     QDateTime::currentDateTimeUtc());
            // Meanwhile the window writes too (a draft); neither side is refused a lock.
            QSqlQuery q(window);
            QVERIFY(q.prepare(QStringLiteral("INSERT INTO drafts (conversation_id, body, "
                                             "updated_at) VALUES (7, 'half a thought', 'now')")));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 3, 60000);
            QVERIFY(failed.isEmpty());
            QCOMPARE(stored.at(0).first().toLongLong(), 7);
            QCOMPARE(stored.at(1).first().toLongLong(), 8);
        }
        const auto seven = Console::ConversationCache::load(window, 7);
        QVERIFY(seven);
        const QJsonArray messages = seven->answer.value(u"messages").toArray();
        QCOMPARE(messages.size(), 1500);
        QCOMPARE(messages.last().toObject().value(u"status").toString(), QStringLiteral("read"));
        QCOMPARE(Console::ConversationCache::search(window, QStringLiteral("\"gauze\""), 10),
                 (QList<qint64>{8, 7}));
        window = QSqlDatabase();
        Store::Database::close(QStringLiteral("window"));
    }
};

QTEST_GUILESS_MAIN(TestCacheWriter)
#include "tst_cachewriter.moc"
