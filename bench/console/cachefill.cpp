#include "cachefill.h"

#include "core/secretkey.h"

#include <QDateTime>
#include <QFile>

namespace Wardline::Bench {

namespace {
const char *const Categories[] = {"NURSE",       "REFILL",  "LAB_RESULTS",
                                  "APPOINTMENT", "GENERAL", "EMERGENCY"};
const char *const Words[] = {"refill",  "ibuprofen", "appointment", "dressing", "fever",
                             "results", "tomorrow",  "thanks",      "pain",     "cita",
                             "receta",  "gracias",   "swelling",    "morning",  "pharmacy"};
} // namespace

void exec(sqlite3 *db, const char *sql)
{
    char *error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK)
        qFatal("%s: %s", sql, error);
}

sqlite3 *openRaw(const QString &path, const Core::SecretKey &key, bool memorySecurity)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
        qFatal("cannot open %s", qPrintable(path));
    const QByteArray keySpec = "x'" + key.toHex() + "'";
    sqlite3_key_v2(db, "main", keySpec.constData(), int(keySpec.size()));
    exec(db, memorySecurity ? "PRAGMA cipher_memory_security = ON"
                            : "PRAGMA cipher_memory_security = OFF");
    for (const char *pragma : {"PRAGMA temp_store = MEMORY", "PRAGMA secure_delete = ON",
                               "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"})
        exec(db, pragma);
    return db;
}

void fillCache(const QString &path, const Core::SecretKey &key, int conversations, int messages,
               int bigMessages)
{
    // Only for filling: no locking of every allocation (the console's own connections turn it
    // on), a large page cache, and no zeroing of pages nothing was deleted from. In a process
    // that turned memory security on already (a test that opened the cache first) it stays on:
    // the fill is only slower.
    sqlite3 *db = openRaw(path, key, false);
    exec(db, "PRAGMA cache_size = -262144");
    exec(db, "PRAGMA secure_delete = OFF");
    // The full-text indexes are built once at the end rather than row by row.
    exec(db, "DROP TRIGGER messages_fts_insert");
    exec(db, "DROP TRIGGER conversations_fts_insert");
    exec(db, "BEGIN");
    sqlite3_stmt *conv = nullptr;
    sqlite3_prepare_v2(
        db,
        "INSERT INTO conversations (id, patient_id, patient_name, phone, language, category, "
        "priority, triage_reason, state, unread, last_inbound_at, last_message_at, preview, "
        "preview_direction, seq) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, 'in', 1)",
        -1, &conv, nullptr);
    const QDateTime base = QDateTime::currentDateTimeUtc();
    for (int c = 1; c <= conversations; ++c) {
        const QByteArray name = QStringLiteral("Patient %1 Drill").arg(c).toUtf8();
        const QByteArray phone = QStringLiteral("+1555%1").arg(c, 7, 10, QLatin1Char('0')).toUtf8();
        const QByteArray at = base.addSecs(-qint64(c) * 11).toString(Qt::ISODateWithMs).toUtf8();
        const QByteArray preview =
            QStringLiteral("about my %1, thanks").arg(QLatin1StringView(Words[c % 15])).toUtf8();
        sqlite3_bind_int64(conv, 1, c);
        sqlite3_bind_int64(conv, 2, c);
        sqlite3_bind_text(conv, 3, name.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(conv, 4, phone.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(conv, 5, c % 3 == 0 ? "es" : "en", -1, SQLITE_STATIC);
        sqlite3_bind_text(conv, 6, Categories[c % 6], -1, SQLITE_STATIC);
        sqlite3_bind_text(conv, 7, c % 6 == 5 ? "P1" : (c % 2 ? "P3" : "P2"), -1, SQLITE_STATIC);
        sqlite3_bind_text(conv, 8, c % 10 == 0 ? "closed" : "open", -1, SQLITE_STATIC);
        sqlite3_bind_int(conv, 9, c % 4 == 0);
        sqlite3_bind_text(conv, 10, at.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(conv, 11, at.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(conv, 12, preview.constData(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(conv) != SQLITE_DONE)
            qFatal("fill: %s", sqlite3_errmsg(db));
        sqlite3_reset(conv);
    }
    sqlite3_finalize(conv);

    sqlite3_stmt *details = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO conversation_details (conversation_id, answer, fetched_at) "
                       "VALUES (?, ?, ?)",
                       -1, &details, nullptr);
    sqlite3_stmt *message = nullptr;
    sqlite3_prepare_v2(
        db, "INSERT INTO messages (id, conversation_id, words, payload) VALUES (?, ?, ?, ?)", -1,
        &message, nullptr);
    const QByteArray fetched = base.toString(Qt::ISODateWithMs).toUtf8();
    qint64 id = 0;
    // The big conversation gets its 5,000; the rest are spread evenly over the others.
    const qint64 perOther = std::max<qint64>(1, (messages - bigMessages) / (conversations - 1));
    for (int c = 1; c <= conversations; ++c) {
        const QByteArray answer =
            QStringLiteral(R"({"id":%1,"state":"open","category":"NURSE","windowSecondsLeft":0})")
                .arg(c)
                .toUtf8();
        sqlite3_bind_int64(details, 1, c);
        sqlite3_bind_text(details, 2, answer.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(details, 3, fetched.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_step(details);
        sqlite3_reset(details);
        const qint64 count = c == BigConversation ? bigMessages : perOther;
        for (qint64 i = 0; i < count; ++i) {
            ++id;
            const QByteArray words = QStringLiteral("Message %1 about the %2 and the %3")
                                         .arg(id)
                                         .arg(QLatin1StringView(Words[id % 15]),
                                              QLatin1StringView(Words[(id / 15) % 15]))
                                         .toUtf8();
            const QByteArray payload =
                QStringLiteral(R"({"id":%1,"direction":"%2","type":"text","status":"read",)"
                               R"("body":"%3","sentAt":"%4","payload":{}})")
                    .arg(id)
                    .arg(QLatin1StringView(i % 2 ? "out" : "in"), QString::fromUtf8(words),
                         base.addSecs(-(count - i) * 60).toString(Qt::ISODate))
                    .toUtf8();
            sqlite3_bind_int64(message, 1, id);
            sqlite3_bind_int64(message, 2, c);
            sqlite3_bind_text(message, 3, words.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(message, 4, payload.constData(), -1, SQLITE_TRANSIENT);
            if (sqlite3_step(message) != SQLITE_DONE)
                qFatal("fill: %s", sqlite3_errmsg(db));
            sqlite3_reset(message);
        }
    }
    sqlite3_finalize(details);
    sqlite3_finalize(message);
    exec(db, "INSERT INTO conversations_fts (conversations_fts) VALUES ('rebuild')");
    exec(db, "INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')");
    exec(db, "COMMIT");
    // The schema as the console made it.
    exec(db, "CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN "
             "INSERT INTO messages_fts (rowid, words) VALUES (new.id, new.words); END");
    exec(db, "CREATE TRIGGER conversations_fts_insert AFTER INSERT ON conversations BEGIN "
             "INSERT INTO conversations_fts (rowid, patient_name, phone, preview) "
             "VALUES (new.id, new.patient_name, new.phone, new.preview); END");
    exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    sqlite3_close(db);
}

} // namespace Wardline::Bench
