#pragma once

#include <QSqlDriver>

#include <memory>

struct sqlite3;

namespace Wardline::Store {

class SqlCipherResult;
struct SqlCipherDriverPrivate;

/// A QtSql driver on the SQLCipher 4 C API, registered as "QSQLCIPHER" by
/// registerSqlCipherDriver(). Connect options (separated by ';'):
///   QSQLCIPHER_KEY=<64 hex digits>   raw 256-bit key (required)
///   QSQLCIPHER_SYNCHRONOUS=FULL|NORMAL   default FULL
///   QSQLCIPHER_CREATE                 create the file when missing (else a missing file fails)
///   QSQLCIPHER_BUSY_TIMEOUT=<ms>      default 5000
/// On open it applies and reads back the security settings and refuses to open when one does
/// not hold; a wrong key fails without writing anything. Data statements (SELECT, INSERT,
/// UPDATE, DELETE, WITH, REPLACE) are kept prepared per connection and reused by any query with
/// the same text, and text and blob values are bound without a copy: with
/// cipher_memory_security each SQLite allocation costs an mlock, a wipe and an munlock.
class SqlCipherDriver final : public QSqlDriver
{
    Q_OBJECT
public:
    explicit SqlCipherDriver(QObject *parent = nullptr);
    ~SqlCipherDriver() override;

    bool hasFeature(DriverFeature feature) const override;
    bool open(const QString &db, const QString &user, const QString &password, const QString &host,
              int port, const QString &connOpts) override;
    void close() override;
    QSqlResult *createResult() const override;
    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;
    QStringList tables(QSql::TableType type) const override;
    QSqlRecord record(const QString &tableName) const override;
    QSqlIndex primaryIndex(const QString &tableName) const override;
    QString escapeIdentifier(const QString &identifier, IdentifierType type) const override;

    /// The SQLCipher version string the open connection reported ("4.6.1 community").
    [[nodiscard]] QString cipherVersion() const;

private:
    friend class SqlCipherResult;
    bool execSimple(const char *sql, const QString &what);
    std::unique_ptr<SqlCipherDriverPrivate> d;
};

/// Registers SqlCipherDriver with QSqlDatabase under "QSQLCIPHER" (once per process).
void registerSqlCipherDriver();

} // namespace Wardline::Store
