#include "hub/hubdatabase.h"

#include "hub/hubconfig.h"
#include "store/database.h"
#include "store/hubschema.h"
#include "store/keyfile.h"
#include "store/migrator.h"

namespace Wardline::Hub {

Core::Result<QSqlDatabase> openHubDatabase(const HubConfig &config, const QString &connectionName,
                                           bool create)
{
    using R = Core::Result<QSqlDatabase>;
    const QString file = config.databaseFile();
    if (file.isEmpty())
        return R::failure(QStringLiteral("database/url = \"%1\": only the embedded database "
                                         "(sqlcipher:FILE) is supported by this version")
                              .arg(config.value("database/url")));
    auto key = Store::KeyFile::read(config.path("database/key_file"));
    if (!key)
        return R::failure(key.error());
    auto db = Store::Database::openSqlCipher(connectionName, file, key.value(),
                                             create ? Store::Database::Create::IfMissing
                                                    : Store::Database::Create::No,
                                             Store::Database::Durability::Full);
    if (!db)
        return R::failure(
            QStringLiteral("The hub database %1 cannot be opened: %2").arg(file, db.error()));
    Store::Migrator migrator(db.value(), Store::hubMigrations());
    if (auto migrated = migrator.migrate(); !migrated) {
        Store::Database::close(connectionName);
        return R::failure(migrated.error());
    }
    return db;
}

} // namespace Wardline::Hub
