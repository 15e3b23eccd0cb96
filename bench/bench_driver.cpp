// The QSQLCIPHER driver against the raw SQLCipher C API on the same workload and the same
// settings (WAL, synchronous NORMAL like the console cache, same key): how much the QtSql
// layer costs. Prints rows per second for each and the ratio.
#include "core/secretkey.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>

using namespace Wardline;

namespace {
constexpr int Rows = 20000;
constexpr int Lookups = 20000;

struct Figures
{
    double insertMs = 0;
    double lookupMs = 0;
    double scanMs = 0;
};

QString body(int i)
{
    return QStringLiteral("Message %1: I need a refill of my blood pressure medication, please.")
        .arg(i);
}

Figures runDriver(const QString &path, const Core::SecretKey &key)
{
    Figures f;
    {
        auto opened = Store::Database::openSqlCipher(QStringLiteral("bench"), path, key,
                                                     Store::Database::Create::IfMissing,
                                                     Store::Database::Durability::Normal);
        if (!opened)
            qFatal("%s", qPrintable(opened.error()));
        QSqlDatabase db = std::move(opened).value();
        QSqlQuery q(db);
        q.exec(QStringLiteral("CREATE TABLE m (id INTEGER PRIMARY KEY, conv INTEGER, body TEXT)"));
        QElapsedTimer t;
        t.start();
        db.transaction();
        q.prepare(QStringLiteral("INSERT INTO m (id, conv, body) VALUES (?, ?, ?)"));
        for (int i = 1; i <= Rows; ++i) {
            q.bindValue(0, i);
            q.bindValue(1, i % 500);
            q.bindValue(2, body(i));
            q.exec();
        }
        db.commit();
        f.insertMs = double(t.nsecsElapsed()) / 1e6;

        t.restart();
        q.prepare(QStringLiteral("SELECT body FROM m WHERE id = ?"));
        qint64 total = 0;
        for (int i = 0; i < Lookups; ++i) {
            q.bindValue(0, 1 + (i * 7919) % Rows);
            q.exec();
            if (q.next())
                total += q.value(0).toString().size();
        }
        f.lookupMs = double(t.nsecsElapsed()) / 1e6;

        t.restart();
        QSqlQuery scan(db);
        scan.setForwardOnly(true);
        scan.exec(QStringLiteral("SELECT id, conv, body FROM m ORDER BY id"));
        while (scan.next())
            total += scan.value(0).toLongLong() + scan.value(1).toLongLong() +
                     scan.value(2).toString().size();
        f.scanMs = double(t.nsecsElapsed()) / 1e6;
        if (total == 0)
            qFatal("nothing read");
    }
    Store::Database::close(QStringLiteral("bench"));
    return f;
}

void exec(sqlite3 *db, const char *sql)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        qFatal("%s: %s", sql, sqlite3_errmsg(db));
}

Figures runRaw(const QString &path, const Core::SecretKey &key)
{
    Figures f;
    sqlite3 *db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db,
                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    const QByteArray keySpec = "x'" + key.toHex() + "'";
    sqlite3_key_v2(db, "main", keySpec.constData(), int(keySpec.size()));
    for (const char *pragma : {"PRAGMA cipher_memory_security = ON", "PRAGMA temp_store = MEMORY",
                               "PRAGMA secure_delete = ON", "PRAGMA journal_mode = WAL",
                               "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"})
        exec(db, pragma);
    exec(db, "CREATE TABLE m (id INTEGER PRIMARY KEY, conv INTEGER, body TEXT)");

    QElapsedTimer t;
    t.start();
    exec(db, "BEGIN IMMEDIATE");
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO m (id, conv, body) VALUES (?, ?, ?)", -1, &insert, nullptr);
    for (int i = 1; i <= Rows; ++i) {
        const QByteArray text = body(i).toUtf8();
        sqlite3_bind_int64(insert, 1, i);
        sqlite3_bind_int64(insert, 2, i % 500);
        sqlite3_bind_text(insert, 3, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        sqlite3_step(insert);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    exec(db, "COMMIT");
    f.insertMs = double(t.nsecsElapsed()) / 1e6;

    t.restart();
    sqlite3_stmt *lookup = nullptr;
    sqlite3_prepare_v2(db, "SELECT body FROM m WHERE id = ?", -1, &lookup, nullptr);
    qint64 total = 0;
    for (int i = 0; i < Lookups; ++i) {
        sqlite3_bind_int64(lookup, 1, 1 + (i * 7919) % Rows);
        if (sqlite3_step(lookup) == SQLITE_ROW)
            total +=
                QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(lookup, 0)),
                                  sqlite3_column_bytes(lookup, 0))
                    .size();
        sqlite3_reset(lookup);
    }
    sqlite3_finalize(lookup);
    f.lookupMs = double(t.nsecsElapsed()) / 1e6;

    t.restart();
    sqlite3_stmt *scan = nullptr;
    sqlite3_prepare_v2(db, "SELECT id, conv, body FROM m ORDER BY id", -1, &scan, nullptr);
    // The same work per row as the driver's caller: every column, text as QString.
    while (sqlite3_step(scan) == SQLITE_ROW)
        total += sqlite3_column_int64(scan, 0) + sqlite3_column_int64(scan, 1) +
                 QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(scan, 2)),
                                   sqlite3_column_bytes(scan, 2))
                     .size();
    sqlite3_finalize(scan);
    f.scanMs = double(t.nsecsElapsed()) / 1e6;
    sqlite3_close(db);
    if (total == 0)
        qFatal("nothing read");
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const Core::SecretKey key = Core::SecretKey::generate();
    constexpr int Rounds = 5;
    Figures driver;
    Figures raw;
    for (int round = 0; round < Rounds; ++round) { // best of five, alternating
        const QString n = QString::number(round);
        const Figures d =
            runDriver(dir.filePath(QStringLiteral("driver") + n + QStringLiteral(".db")), key);
        const Figures r =
            runRaw(dir.filePath(QStringLiteral("raw") + n + QStringLiteral(".db")), key);
        auto best = [round](double &keep, double v) { keep = round == 0 ? v : std::min(keep, v); };
        best(driver.insertMs, d.insertMs);
        best(driver.lookupMs, d.lookupMs);
        best(driver.scanMs, d.scanMs);
        best(raw.insertMs, r.insertMs);
        best(raw.lookupMs, r.lookupMs);
        best(raw.scanMs, r.scanMs);
    }
    QTextStream out(stdout);
    auto line = [&out](const char *what, int count, double driverMs, double rawMs) {
        out << qSetFieldWidth(28) << Qt::left << what << qSetFieldWidth(14) << Qt::right
            << QString::number(count / driverMs * 1000.0, 'f', 0)
            << QString::number(count / rawMs * 1000.0, 'f', 0)
            << QString::number(driverMs / rawMs, 'f', 2) << qSetFieldWidth(0) << '\n';
    };
    out << "SQLCipher, " << Rows << " rows, best of " << Rounds << " rounds (rows/s)\n";
    out << qSetFieldWidth(28) << Qt::left << "workload" << qSetFieldWidth(14) << Qt::right
        << "QSQLCIPHER"
        << "raw C API"
        << "time ratio" << qSetFieldWidth(0) << '\n';
    line("insert (one transaction)", Rows, driver.insertMs, raw.insertMs);
    line("point lookup by id", Lookups, driver.lookupMs, raw.lookupMs);
    line("full scan", Rows, driver.scanMs, raw.scanMs);
    return 0;
}
