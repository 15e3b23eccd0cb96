#include "store/database.h"

#include "core/secretkey.h"
#include "store/sqlcipherdriver.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace Wardline::Store::Database {

QString describe(const QSqlError &error)
{
    const QString driver = error.driverText();
    const QString database = error.databaseText();
    if (database.isEmpty() || driver.contains(database))
        return driver;
    return driver + QStringLiteral(": ") + database;
}

Core::Result<QSqlDatabase> openSqlCipher(const QString &connectionName, const QString &path,
                                         const Core::SecretKey &key, Create create,
                                         Durability durability)
{
    registerSqlCipherDriver();
    if (!key.isValid())
        return Core::Result<QSqlDatabase>::failure(
            QStringLiteral("The database key is missing or not 256 bits long"));
    if (QSqlDatabase::contains(connectionName))
        return Core::Result<QSqlDatabase>::failure(
            QStringLiteral("The database connection \"%1\" is already open").arg(connectionName));

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLCIPHER"), connectionName);
    db.setDatabaseName(path);
    QByteArray hex = key.toHex();
    QString options =
        QStringLiteral("QSQLCIPHER_KEY=") + QString::fromLatin1(hex) +
        QStringLiteral(";QSQLCIPHER_SYNCHRONOUS=") +
        (durability == Durability::Full ? QStringLiteral("FULL") : QStringLiteral("NORMAL"));
    if (create == Create::IfMissing)
        options += QStringLiteral(";QSQLCIPHER_CREATE");
    db.setConnectOptions(options);
    Core::SecretKey::wipe(hex);
    Core::SecretKey::wipe(options);
    const bool opened = db.open();
    db.setConnectOptions(); // the key must not linger in the connection's settings
    if (!opened) {
        const QString error = describe(db.lastError());
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return Core::Result<QSqlDatabase>::failure(error);
    }
    return db;
}

void close(const QString &connectionName)
{
    if (!QSqlDatabase::contains(connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

Core::Status exec(QSqlDatabase db, const QString &sql, const QVariantList &values, int *changed)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return Core::Status::failure(describe(q.lastError()));
    if (changed)
        *changed = q.numRowsAffected();
    return {};
}

} // namespace Wardline::Store::Database
