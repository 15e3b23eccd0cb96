#include "store/sqlcipherdriver.h"

#include "core/secretkey.h"
#include "store/logging.h"

#include <QFileInfo>
#include <QHash>
#include <QSqlDriverCreator>
#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSqlResult>
#include <QVariant>

#include <mutex>
#include <sqlite3.h>

namespace Wardline::Store {

using Core::SecretKey;

namespace {

// Statements are kept for reuse because preparing one is where most of SQLite's allocations
// are, and with cipher_memory_security every allocation costs an mlock and, when freed, a wipe
// and an munlock (two system calls that split and merge the heap's mappings). The repositories
// prepare a fresh QSqlQuery per call, so without this the hub re-parsed about a dozen statements
// for every webhook delivery. A statement is idle here only after sqlite3_reset and
// sqlite3_clear_bindings, so it holds no lock, no bound value and no row.
class StatementCache
{
public:
    // More than the hub's distinct statements; a statement left out is only prepared again.
    static constexpr qsizetype Capacity = 96;

    struct Statement
    {
        sqlite3_stmt *stmt = nullptr;
        QSqlRecord record;
    };

    // The idle statement for exactly this text, taken out of the cache (one user at a time).
    Statement take(const QByteArray &sql)
    {
        const auto it = m_idle.find(sql);
        if (it == m_idle.end())
            return {};
        Statement found = std::move(it->statement);
        m_idle.erase(it);
        return found;
    }

    void put(const QByteArray &sql, Statement statement)
    {
        if (m_idle.contains(sql)) { // two queries ran the same text at once: keep one
            sqlite3_finalize(statement.stmt);
            return;
        }
        if (m_idle.size() >= Capacity)
            evictOldest();
        m_idle.insert(sql, {std::move(statement), ++m_uses});
    }

    void clear()
    {
        for (Entry &entry : m_idle)
            sqlite3_finalize(entry.statement.stmt);
        m_idle.clear();
    }

private:
    struct Entry
    {
        Statement statement;
        quint64 lastUse = 0;
    };

    void evictOldest()
    {
        auto oldest = m_idle.begin();
        for (auto it = m_idle.begin(); it != m_idle.end(); ++it) {
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        }
        sqlite3_finalize(oldest->statement.stmt);
        m_idle.erase(oldest);
    }

    QHash<QByteArray, Entry> m_idle;
    quint64 m_uses = 0;
};

// Only plain data statements are kept. PRAGMA and ATTACH can carry a key in their text, and
// schema or transaction statements run too rarely to be worth keeping.
bool isReusable(const QByteArray &sql)
{
    const QByteArray head = sql.trimmed().left(8).toUpper();
    for (const char *verb : {"SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "REPLACE"}) {
        const qsizetype n = qsizetype(qstrlen(verb));
        if (head.startsWith(verb) && (head.size() == n || !QChar::isLetterOrNumber(uchar(head[n]))))
            return true;
    }
    return false;
}

} // namespace

struct SqlCipherDriverPrivate
{
    sqlite3 *db = nullptr;
    QList<SqlCipherResult *> results;
    QString cipherVersion;
    StatementCache statements;
};

namespace {

QSqlError makeError(sqlite3 *db, const QString &what, QSqlError::ErrorType type, int rc)
{
    const int code = db ? sqlite3_extended_errcode(db) : rc;
    const QString detail = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    return QSqlError(what, detail, type, QString::number(code));
}

QMetaType metaTypeForDeclared(const char *declared, int storageClass)
{
    const QByteArray decl = QByteArray(declared ? declared : "").toUpper();
    if (decl.contains("INT"))
        return QMetaType::fromType<qlonglong>();
    if (decl.contains("REAL") || decl.contains("FLOA") || decl.contains("DOUB"))
        return QMetaType::fromType<double>();
    if (decl.contains("BLOB"))
        return QMetaType::fromType<QByteArray>();
    if (decl.contains("CHAR") || decl.contains("TEXT") || decl.contains("CLOB"))
        return QMetaType::fromType<QString>();
    switch (storageClass) {
    case SQLITE_INTEGER:
        return QMetaType::fromType<qlonglong>();
    case SQLITE_FLOAT:
        return QMetaType::fromType<double>();
    case SQLITE_BLOB:
        return QMetaType::fromType<QByteArray>();
    default:
        return QMetaType::fromType<QString>();
    }
}

// Statement text after the first statement must be white space or ';' only: one statement per
// query, so a migration or a repository can never run more SQL than it shows.
bool onlyWhitespaceLeft(const char *tail, const char *end)
{
    for (const char *p = tail; p && p < end && *p; ++p) {
        if (*p != ';' && !QChar::isSpace(uchar(*p)))
            return false;
    }
    return true;
}

} // namespace

class SqlCipherResult final : public QSqlResult
{
public:
    explicit SqlCipherResult(const SqlCipherDriver *driver)
        : QSqlResult(driver)
    {
    }
    ~SqlCipherResult() override
    {
        if (auto *drv = static_cast<const SqlCipherDriver *>(driver()))
            drv->d->results.removeOne(this);
        release();
    }

    // The statement is destroyed (the driver is closing).
    void finalize()
    {
        if (m_stmt) {
            sqlite3_finalize(m_stmt);
            m_stmt = nullptr;
        }
        m_bound.clear();
    }

protected:
    QVariant data(int field) override
    {
        const QVariantList *row = currentRow();
        if (!row || field < 0 || field >= row->size())
            return {};
        return row->at(field);
    }

    bool isNull(int field) override { return data(field).isNull(); }

    bool reset(const QString &query) override { return prepare(query) && exec(); }

    bool prepare(const QString &query) override
    {
        release();
        clearRows();
        sqlite3 *db = handleOf();
        if (!db) {
            setLastError(QSqlError(QStringLiteral("The database is not open"), {},
                                   QSqlError::ConnectionError));
            return false;
        }
        QByteArray sql = query.toUtf8();
        if (StatementCache::Statement cached = cache()->take(sql); cached.stmt) {
            // Checked when it was first prepared: one statement, and it is a data statement.
            m_stmt = cached.stmt;
            m_record = std::move(cached.record);
            m_reprepares = sqlite3_stmt_status(m_stmt, SQLITE_STMTSTATUS_REPREPARE, 0);
            m_sql = std::move(sql);
            return true;
        }
        const char *tail = nullptr;
        // PERSISTENT: the statement is meant to be kept (a hint to SQLite's allocator).
        const int rc = sqlite3_prepare_v3(db, sql.constData(), int(sql.size()),
                                          SQLITE_PREPARE_PERSISTENT, &m_stmt, &tail);
        if (rc != SQLITE_OK) {
            setLastError(makeError(db, QStringLiteral("Unable to prepare the statement"),
                                   QSqlError::StatementError, rc));
            finalize();
            return false;
        }
        if (!m_stmt) {
            setLastError(
                QSqlError(QStringLiteral("The statement is empty"), {}, QSqlError::StatementError));
            return false;
        }
        if (!onlyWhitespaceLeft(tail, sql.constData() + sql.size())) {
            setLastError(QSqlError(QStringLiteral("Only one statement per query is allowed"), {},
                                   QSqlError::StatementError));
            finalize();
            return false;
        }
        buildRecord();
        m_reprepares = sqlite3_stmt_status(m_stmt, SQLITE_STMTSTATUS_REPREPARE, 0);
        if (isReusable(sql))
            m_sql = std::move(sql);
        return true;
    }

    bool exec() override
    {
        if (!m_stmt) {
            if (!lastError().isValid())
                setLastError(QSqlError(QStringLiteral("The statement was not prepared"), {},
                                       QSqlError::StatementError));
            return false;
        }
        sqlite3 *db = handleOf();
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        m_bound.clear(); // only now: SQLite read them in place until the reset
        clearRows();
        setAt(QSql::BeforeFirstRow);
        setActive(false);

        const QList<QVariant> &values = boundValues();
        const int expected = sqlite3_bind_parameter_count(m_stmt);
        if (values.size() != expected) {
            setLastError(
                QSqlError(QStringLiteral("The statement has %1 parameters but %2 values were bound")
                              .arg(expected)
                              .arg(values.size()),
                          {}, QSqlError::StatementError));
            return false;
        }
        for (int i = 0; i < values.size(); ++i) {
            const int rc = bind(i + 1, values.at(i));
            if (rc != SQLITE_OK) {
                setLastError(makeError(db, QStringLiteral("Unable to bind a value"),
                                       QSqlError::StatementError, rc));
                return false;
            }
        }

        const int rc = sqlite3_step(m_stmt);
        // A schema change makes SQLite prepare the statement again, perhaps with other columns.
        if (const int reprepares = sqlite3_stmt_status(m_stmt, SQLITE_STMTSTATUS_REPREPARE, 0);
            reprepares != m_reprepares) {
            m_reprepares = reprepares;
            buildRecord();
        }
        const bool returnsRows = sqlite3_column_count(m_stmt) > 0;
        if (rc == SQLITE_ROW) {
            m_pending = readRow();
            m_hasPending = true;
        } else if (rc == SQLITE_DONE) {
            m_done = true;
            sqlite3_reset(m_stmt); // release locks at once for writes and empty selects
        } else {
            setLastError(makeError(db, QStringLiteral("Unable to execute the statement"),
                                   QSqlError::StatementError, rc));
            sqlite3_reset(m_stmt);
            return false;
        }
        if (!returnsRows) {
            m_changes = sqlite3_changes(db);
            m_lastInsertId =
                m_changes > 0 ? QVariant(qlonglong(sqlite3_last_insert_rowid(db))) : QVariant();
        }
        if (returnsRows && m_hasPending)
            refineRecordTypes(m_pending);
        setSelect(returnsRows);
        setActive(true);
        return true;
    }

    bool fetch(int i) override
    {
        if (!isActive() || !isSelect() || i < 0)
            return false;
        if (isForwardOnly()) {
            if (i < m_fetched - 1)
                return false;
            while (m_fetched <= i) {
                if (!stepRow(&m_current))
                    return false;
            }
        } else {
            while (m_rows.size() <= i) {
                QVariantList row;
                if (!stepRow(&row))
                    return false;
                m_rows.append(std::move(row));
            }
        }
        setAt(i);
        return true;
    }

    bool fetchFirst() override { return fetch(0); }

    bool fetchLast() override
    {
        if (!isActive() || !isSelect())
            return false;
        if (isForwardOnly()) {
            QVariantList row;
            bool any = m_fetched > 0;
            while (stepRow(&row)) {
                m_current = std::move(row);
                any = true;
            }
            if (!any)
                return false;
            setAt(m_fetched - 1);
            return true;
        }
        while (true) {
            QVariantList row;
            if (!stepRow(&row))
                break;
            m_rows.append(std::move(row));
        }
        if (m_rows.isEmpty())
            return false;
        setAt(int(m_rows.size()) - 1);
        return true;
    }

    int size() override { return -1; }
    int numRowsAffected() override { return m_changes; }
    QSqlRecord record() const override { return isSelect() ? m_record : QSqlRecord(); }
    QVariant lastInsertId() const override { return m_lastInsertId; }

    void detachFromResultSet() override
    {
        if (m_stmt)
            sqlite3_reset(m_stmt);
        m_done = true;
        m_hasPending = false;
    }

private:
    sqlite3 *handleOf() const
    {
        auto *drv = static_cast<const SqlCipherDriver *>(driver());
        return drv ? drv->d->db : nullptr;
    }

    StatementCache *cache() const
    {
        auto *drv = static_cast<const SqlCipherDriver *>(driver());
        return drv ? &drv->d->statements : nullptr;
    }

    // The statement goes back to the driver's cache for the next query with the same text, or
    // is finalized when it is not worth keeping.
    void release()
    {
        if (!m_stmt)
            return;
        StatementCache *statements = handleOf() ? cache() : nullptr;
        if (statements && !m_sql.isEmpty()) {
            sqlite3_reset(m_stmt);
            sqlite3_clear_bindings(m_stmt);
            statements->put(m_sql, {m_stmt, m_record});
            m_stmt = nullptr;
        } else {
            finalize();
        }
        m_bound.clear();
        m_sql.clear();
    }

    const QVariantList *currentRow() const
    {
        if (at() < 0)
            return nullptr;
        if (isForwardOnly())
            return at() == m_fetched - 1 ? &m_current : nullptr;
        return at() < m_rows.size() ? &m_rows.at(at()) : nullptr;
    }

    void clearRows()
    {
        m_rows.clear();
        m_current.clear();
        m_pending.clear();
        m_hasPending = false;
        m_done = false;
        m_fetched = 0;
        m_changes = 0;
        m_lastInsertId = QVariant();
    }

    bool stepRow(QVariantList *row)
    {
        if (m_hasPending) {
            *row = std::move(m_pending);
            m_pending.clear();
            m_hasPending = false;
            ++m_fetched;
            return true;
        }
        if (m_done || !m_stmt)
            return false;
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) {
            *row = readRow();
            ++m_fetched;
            return true;
        }
        m_done = true;
        if (rc != SQLITE_DONE)
            setLastError(makeError(handleOf(), QStringLiteral("Unable to fetch a row"),
                                   QSqlError::StatementError, rc));
        sqlite3_reset(m_stmt);
        return false;
    }

    QVariantList readRow() const
    {
        const int columns = sqlite3_column_count(m_stmt);
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c) {
            switch (sqlite3_column_type(m_stmt, c)) {
            case SQLITE_INTEGER:
                row.append(qlonglong(sqlite3_column_int64(m_stmt, c)));
                break;
            case SQLITE_FLOAT:
                row.append(sqlite3_column_double(m_stmt, c));
                break;
            case SQLITE_BLOB: {
                const auto *bytes = static_cast<const char *>(sqlite3_column_blob(m_stmt, c));
                const int size = sqlite3_column_bytes(m_stmt, c);
                row.append(bytes ? QByteArray(bytes, size) : QByteArray(""));
                break;
            }
            case SQLITE_TEXT: {
                const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
                row.append(QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, c)));
                break;
            }
            default:
                row.append(QVariant(m_record.field(c).metaType()));
                break;
            }
        }
        return row;
    }

    void buildRecord()
    {
        m_record.clear();
        const int columns = sqlite3_column_count(m_stmt);
        for (int c = 0; c < columns; ++c) {
            const QString name = QString::fromUtf8(sqlite3_column_name(m_stmt, c));
            const char *table = sqlite3_column_table_name(m_stmt, c);
            QSqlField field(name,
                            metaTypeForDeclared(sqlite3_column_decltype(m_stmt, c), SQLITE_NULL),
                            table ? QString::fromUtf8(table) : QString());
            m_record.append(field);
        }
    }

    // Columns without a declared type (expressions) take the type of the first row's value.
    void refineRecordTypes(const QVariantList &row)
    {
        for (int c = 0; c < row.size() && c < m_record.count(); ++c) {
            if (sqlite3_column_decltype(m_stmt, c) == nullptr && !row.at(c).isNull()) {
                QSqlField field = m_record.field(c);
                field.setMetaType(row.at(c).metaType());
                m_record.replace(c, field);
            }
        }
    }

    int bind(int index, const QVariant &value)
    {
        if (value.isNull())
            return sqlite3_bind_null(m_stmt, index);
        switch (value.metaType().id()) {
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Short:
        case QMetaType::UShort:
        case QMetaType::Char:
        case QMetaType::SChar:
        case QMetaType::UChar:
        case QMetaType::Long:
        case QMetaType::LongLong:
            return sqlite3_bind_int64(m_stmt, index, value.toLongLong());
        case QMetaType::ULong:
        case QMetaType::ULongLong: {
            const qulonglong v = value.toULongLong();
            if (v > qulonglong(std::numeric_limits<qint64>::max()))
                return SQLITE_RANGE;
            return sqlite3_bind_int64(m_stmt, index, qint64(v));
        }
        case QMetaType::Double:
        case QMetaType::Float:
            return sqlite3_bind_double(m_stmt, index, value.toDouble());
        case QMetaType::QByteArray: {
            const QByteArray &bytes = keep(value.toByteArray());
            return sqlite3_bind_blob64(m_stmt, index, bytes.constData(),
                                       sqlite3_uint64(bytes.size()), SQLITE_STATIC);
        }
        case QMetaType::QDateTime:
            // ISO 8601 in UTC with milliseconds: sorts as text and reads back unambiguously.
            return bindText(index, value.toDateTime().toUTC().toString(Qt::ISODateWithMs));
        default:
            return bindText(index, value.toString());
        }
    }

    int bindText(int index, const QString &text)
    {
        const QByteArray &utf8 = keep(text.toUtf8());
        return sqlite3_bind_text64(m_stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()),
                                   SQLITE_STATIC, SQLITE_UTF8);
    }

    // Text and blobs are bound in place (SQLITE_STATIC) rather than copied into an SQLite
    // allocation, which would cost an mlock, a wipe and an munlock per value. The bytes stay
    // here, unchanged, until the statement is reset or its bindings cleared.
    const QByteArray &keep(QByteArray bytes)
    {
        m_bound.append(std::move(bytes));
        return m_bound.constLast();
    }

    sqlite3_stmt *m_stmt = nullptr;
    QByteArray m_sql;          // its text, when it may go back to the cache
    int m_reprepares = 0;      // SQLITE_STMTSTATUS_REPREPARE when m_record was built
    QList<QByteArray> m_bound; // text and blob parameters SQLite reads in place
    QSqlRecord m_record;
    QList<QVariantList> m_rows; // every row read so far (scrollable results)
    QVariantList m_current;     // the current row (forward-only results)
    QVariantList m_pending;     // the first row, read by exec()
    bool m_hasPending = false;
    bool m_done = false;
    int m_fetched = 0;
    int m_changes = 0;
    QVariant m_lastInsertId;
};

SqlCipherDriver::SqlCipherDriver(QObject *parent)
    : QSqlDriver(parent)
    , d(std::make_unique<SqlCipherDriverPrivate>())
{
}

SqlCipherDriver::~SqlCipherDriver()
{
    close();
}

bool SqlCipherDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case BLOB:
    case Unicode:
    case PreparedQueries:
    case PositionalPlaceholders:
    case LastInsertId:
    case FinishQuery:
    case LowPrecisionNumbers:
        return true;
    default:
        // Named placeholders are rewritten to positional ones by QSqlResult.
        return false;
    }
}

bool SqlCipherDriver::execSimple(const char *sql, const QString &what)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(d->db, sql, nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK) {
        setLastError(makeError(d->db, what, QSqlError::TransactionError, rc));
        return false;
    }
    return true;
}

namespace {

struct Options
{
    QByteArray keyHex;
    QByteArray synchronous = "FULL";
    bool create = false;
    int busyTimeoutMs = 5000;
    QString error;
};

Options parseOptions(const QString &connOpts)
{
    Options o;
    const QStringList parts = connOpts.split(u';', Qt::SkipEmptyParts);
    for (const QString &raw : parts) {
        const QString part = raw.trimmed();
        const qsizetype eq = part.indexOf(u'=');
        const QString name = (eq < 0 ? part : part.left(eq)).trimmed();
        const QString value = eq < 0 ? QString() : part.mid(eq + 1).trimmed();
        if (name == QLatin1StringView("QSQLCIPHER_KEY")) {
            o.keyHex = value.toLatin1();
        } else if (name == QLatin1StringView("QSQLCIPHER_SYNCHRONOUS")) {
            o.synchronous = value.toUpper().toLatin1();
            if (o.synchronous != "FULL" && o.synchronous != "NORMAL" && o.synchronous != "EXTRA")
                o.error = QStringLiteral("QSQLCIPHER_SYNCHRONOUS must be FULL, EXTRA or NORMAL");
        } else if (name == QLatin1StringView("QSQLCIPHER_CREATE")) {
            o.create = true;
        } else if (name == QLatin1StringView("QSQLCIPHER_BUSY_TIMEOUT")) {
            bool ok = false;
            o.busyTimeoutMs = value.toInt(&ok);
            if (!ok || o.busyTimeoutMs < 0)
                o.error = QStringLiteral("QSQLCIPHER_BUSY_TIMEOUT must be milliseconds");
        } else {
            o.error = QStringLiteral("Unknown connect option %1").arg(name);
        }
    }
    return o;
}

int synchronousLevel(const QByteArray &name)
{
    if (name == "NORMAL")
        return 1;
    if (name == "EXTRA")
        return 3;
    return 2; // FULL
}

} // namespace

bool SqlCipherDriver::open(const QString &dbName, const QString &, const QString &, const QString &,
                           int, const QString &connOpts)
{
    if (isOpen())
        close();
    Options options = parseOptions(connOpts);
    auto fail = [&](const QString &message, QSqlError::ErrorType type = QSqlError::ConnectionError,
                    int rc = SQLITE_ERROR) {
        setLastError(d->db ? makeError(d->db, message, type, rc)
                           : QSqlError(message, {}, type, QString::number(rc)));
        if (d->db) {
            sqlite3_close_v2(d->db);
            d->db = nullptr;
        }
        SecretKey::wipe(options.keyHex);
        setOpenError(true);
        return false;
    };

    if (!options.error.isEmpty())
        return fail(options.error);
    SecretKey key = SecretKey::fromHex(options.keyHex);
    SecretKey::wipe(options.keyHex);
    if (!key.isValid())
        return fail(QStringLiteral("A raw 256-bit key (64 hexadecimal digits) is required"));
    if (!options.create && !QFileInfo::exists(dbName))
        return fail(QStringLiteral("There is no database at %1").arg(dbName),
                    QSqlError::ConnectionError, SQLITE_CANTOPEN);

    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    if (options.create)
        flags |= SQLITE_OPEN_CREATE;
    const QByteArray path = QFile::encodeName(dbName);
    int rc = sqlite3_open_v2(path.constData(), &d->db, flags, nullptr);
    if (rc != SQLITE_OK)
        return fail(QStringLiteral("Unable to open the database file"), QSqlError::ConnectionError,
                    rc);
    sqlite3_extended_result_codes(d->db, 1);

    // "x'<hex>'" tells SQLCipher to use the bytes as the raw key (no passphrase derivation).
    QByteArray keySpec = "x'" + key.toHex() + "'";
    rc = sqlite3_key_v2(d->db, "main", keySpec.constData(), int(keySpec.size()));
    SecretKey::wipe(keySpec);
    if (rc != SQLITE_OK)
        return fail(QStringLiteral("Unable to set the database key"), QSqlError::ConnectionError,
                    rc);

    // The first read proves the key before anything is written.
    rc = sqlite3_exec(d->db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    if (rc == SQLITE_NOTADB)
        return fail(QStringLiteral("The database key is wrong, or %1 is not a Wardline database; "
                                   "nothing was changed")
                        .arg(dbName),
                    QSqlError::ConnectionError, rc);
    if (rc != SQLITE_OK)
        return fail(QStringLiteral("Unable to read the database"), QSqlError::ConnectionError, rc);

    sqlite3_busy_timeout(d->db, options.busyTimeoutMs);

    auto pragmaValue = [this](const QByteArray &sql) -> QString {
        sqlite3_stmt *stmt = nullptr;
        QString value;
        if (sqlite3_prepare_v2(d->db, sql.constData(), int(sql.size()), &stmt, nullptr) ==
                SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW) {
            value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        }
        sqlite3_finalize(stmt);
        return value;
    };

    d->cipherVersion = pragmaValue("PRAGMA cipher_version");
    if (d->cipherVersion.isEmpty())
        return fail(
            QStringLiteral("This SQLite library has no encryption (SQLCipher is required)"));
    if (d->cipherVersion.section(u'.', 0, 0).toInt() < 4)
        return fail(QStringLiteral("SQLCipher %1 is too old; version 4 or newer is required")
                        .arg(d->cipherVersion));

    struct Setting
    {
        QByteArray set;
        QByteArray read;
        QString expected;
    };
    const QByteArray sync = options.synchronous;
    const Setting settings[] = {
        {"PRAGMA cipher_memory_security = ON", "PRAGMA cipher_memory_security",
         QStringLiteral("1")},
        {"PRAGMA temp_store = MEMORY", "PRAGMA temp_store", QStringLiteral("2")},
        {"PRAGMA secure_delete = ON", "PRAGMA secure_delete", QStringLiteral("1")},
        {"PRAGMA journal_mode = WAL", "PRAGMA journal_mode", QStringLiteral("wal")},
        {"PRAGMA synchronous = " + sync, "PRAGMA synchronous",
         QString::number(synchronousLevel(sync))},
        {"PRAGMA foreign_keys = ON", "PRAGMA foreign_keys", QStringLiteral("1")},
    };
    for (const Setting &s : settings) {
        rc = sqlite3_exec(d->db, s.set.constData(), nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            return fail(QStringLiteral("Unable to apply \"%1\"").arg(QString::fromLatin1(s.set)),
                        QSqlError::ConnectionError, rc);
        const QString actual = pragmaValue(s.read);
        if (actual.compare(s.expected, Qt::CaseInsensitive) != 0)
            return fail(
                QStringLiteral("Refusing to open: \"%1\" reads back as \"%2\", expected \"%3\"")
                    .arg(QString::fromLatin1(s.read), actual, s.expected));
    }

    setOpen(true);
    setOpenError(false);
    return true;
}

void SqlCipherDriver::close()
{
    if (!d->db)
        return;
    for (SqlCipherResult *result : std::as_const(d->results))
        result->finalize();
    d->results.clear();
    d->statements.clear();
    // sqlite3_close (not _v2): with every statement finalized it closes at once, which
    // checkpoints and removes the WAL file.
    if (sqlite3_close(d->db) != SQLITE_OK) {
        qCWarning(lcStore, "database close deferred: %s", sqlite3_errmsg(d->db));
        sqlite3_close_v2(d->db);
    }
    d->db = nullptr;
    d->cipherVersion.clear();
    setOpen(false);
    setOpenError(false);
}

QSqlResult *SqlCipherDriver::createResult() const
{
    auto *result = new SqlCipherResult(this);
    d->results.append(result);
    return result;
}

bool SqlCipherDriver::beginTransaction()
{
    // IMMEDIATE takes the write lock up front, so two writers never dead-end in a busy upgrade.
    return isOpen() &&
           execSimple("BEGIN IMMEDIATE", QStringLiteral("Unable to begin a transaction"));
}

bool SqlCipherDriver::commitTransaction()
{
    return isOpen() && execSimple("COMMIT", QStringLiteral("Unable to commit the transaction"));
}

bool SqlCipherDriver::rollbackTransaction()
{
    return isOpen() &&
           execSimple("ROLLBACK", QStringLiteral("Unable to roll back the transaction"));
}

QStringList SqlCipherDriver::tables(QSql::TableType type) const
{
    QStringList names;
    if (!isOpen())
        return names;
    QString sql;
    if (type == QSql::Tables)
        sql =
            QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                           "'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    else if (type == QSql::Views)
        sql = QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name");
    else if (type == QSql::SystemTables)
        return {QStringLiteral("sqlite_schema")};
    else
        sql = QStringLiteral("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') "
                             "ORDER BY name");
    QSqlQuery query(createResult());
    query.setForwardOnly(true);
    if (query.exec(sql)) {
        while (query.next())
            names.append(query.value(0).toString());
    }
    return names;
}

QSqlRecord SqlCipherDriver::record(const QString &tableName) const
{
    QSqlRecord rec;
    if (!isOpen())
        return rec;
    QSqlQuery query(createResult());
    query.setForwardOnly(true);
    const QString table = stripDelimiters(tableName, TableName);
    if (!query.exec(
            QStringLiteral("PRAGMA table_info(%1)").arg(escapeIdentifier(table, TableName))))
        return rec;
    while (query.next()) {
        const QString type = query.value(2).toString();
        QSqlField field(query.value(1).toString(),
                        metaTypeForDeclared(type.toLatin1().constData(), SQLITE_NULL), table);
        field.setRequiredStatus(query.value(3).toInt() ? QSqlField::Required : QSqlField::Optional);
        if (!query.value(4).isNull())
            field.setDefaultValue(query.value(4));
        const bool pk = query.value(5).toInt() > 0;
        field.setAutoValue(pk &&
                           type.compare(QLatin1StringView("INTEGER"), Qt::CaseInsensitive) == 0);
        rec.append(field);
    }
    return rec;
}

QSqlIndex SqlCipherDriver::primaryIndex(const QString &tableName) const
{
    const QString table = stripDelimiters(tableName, TableName);
    QSqlIndex index(table);
    if (!isOpen())
        return index;
    QSqlQuery query(createResult());
    query.setForwardOnly(true);
    QString literal = table;
    literal.replace(u'\'', QStringLiteral("''"));
    if (!query.exec(QStringLiteral("SELECT name, type FROM pragma_table_info('%1') WHERE pk > 0 "
                                   "ORDER BY pk")
                        .arg(literal)))
        return index;
    while (query.next()) {
        index.append(QSqlField(
            query.value(0).toString(),
            metaTypeForDeclared(query.value(1).toString().toLatin1().constData(), SQLITE_NULL),
            table));
    }
    return index;
}

QString SqlCipherDriver::escapeIdentifier(const QString &identifier, IdentifierType) const
{
    if (identifier.size() > 1 && identifier.startsWith(u'"') && identifier.endsWith(u'"'))
        return identifier;
    QString escaped = identifier;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

QString SqlCipherDriver::cipherVersion() const
{
    return d->cipherVersion;
}

void registerSqlCipherDriver()
{
    static std::once_flag once;
    std::call_once(once, [] {
        QSqlDatabase::registerSqlDriver(QStringLiteral("QSQLCIPHER"),
                                        new QSqlDriverCreator<SqlCipherDriver>);
    });
}

} // namespace Wardline::Store
