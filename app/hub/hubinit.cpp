#include "hub/hubinit.h"

#include "core/crypto.h"
#include "core/role.h"
#include "hub/hubconfig.h"
#include "hub/hubdatabase.h"
#include "hub/passwordpolicy.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/keyfile.h"
#include "store/sqlcipherdriver.h"
#include "store/userrepository.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace Wardline::Hub {

namespace {
const QString Connection = QStringLiteral("hub-init");
}

HubInit::HubInit(QString dataDir, const Core::Clock &clock)
    : m_dataDir(std::move(dataDir))
    , m_clock(clock)
{
}

Core::Result<HubInit::Report> HubInit::run(const QString &adminName, const QString &password)
{
    using R = Core::Result<Report>;
    if (adminName.isEmpty())
        return R::failure(QStringLiteral("The administrator needs a user name"));
    if (const QString weak = PasswordPolicy::check(password, adminName); !weak.isEmpty())
        return R::failure(weak);

    QDir dir(m_dataDir);
    const bool createdDir = !dir.exists();
    if (createdDir && !QDir().mkpath(m_dataDir))
        return R::failure(QStringLiteral("Unable to create the data directory %1").arg(m_dataDir));
    dir.setPath(dir.absolutePath());
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    // Everything init would write must be absent: it never overwrites a hub's record or key.
    for (const char *name : {"hub.db", "hub.key", HubConfig::FileName}) {
        if (QFileInfo::exists(dir.filePath(QString::fromLatin1(name))))
            return R::failure(QStringLiteral("%1 already holds a Wardline hub (%2 exists); init "
                                             "never overwrites one. Use another directory, or "
                                             "move the old one away first.")
                                  .arg(dir.path(), QString::fromLatin1(name)));
    }

    QStringList created;
    auto undo = [&created, &dir, createdDir] {
        Store::Database::close(Connection);
        for (const QString &file : std::as_const(created)) {
            QFile::remove(file);
            QFile::remove(file + QStringLiteral("-wal"));
            QFile::remove(file + QStringLiteral("-shm"));
        }
        if (createdDir)
            dir.rmdir(dir.path());
    };

    if (auto written = HubConfig::writeDefaults(dir.path()); !written) {
        undo();
        return R::failure(written.error());
    }
    created << dir.filePath(QString::fromLatin1(HubConfig::FileName));
    auto config = HubConfig::load(dir.path());
    if (!config) {
        undo();
        return R::failure(config.error());
    }
    const QString keyPath = config->path("database/key_file");
    if (auto key = Store::KeyFile::create(keyPath); !key) {
        undo();
        return R::failure(key.error());
    }
    created << keyPath << config->databaseFile();

    Report report;
    Core::Status populated;
    {
        auto db = openHubDatabase(config.value(), Connection, true);
        populated = db ? populate(db.value(), adminName, password, &report)
                       : Core::Status::failure(db.error());
    }
    if (!populated) {
        undo();
        return R::failure(populated.error());
    }
    Store::Database::close(Connection);
    report.databaseFile = config->databaseFile();
    report.keyFile = keyPath;
    report.configFile = dir.filePath(QString::fromLatin1(HubConfig::FileName));
    return report;
}

Core::Status HubInit::populate(QSqlDatabase db, const QString &adminName, const QString &password,
                               Report *report)
{
    const QByteArray hash = Core::Crypto::hashPassword(password);
    if (hash.isEmpty())
        return Core::Status::failure(QStringLiteral("Unable to hash the password (out of memory)"));
    if (!db.transaction())
        return Core::Status::failure(Store::Database::describe(db.lastError()));
    Store::UserRepository users(db, m_clock);
    Store::AuditLog audit(db, m_clock);
    QString error;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO hub_settings (key, value) VALUES (?, ?)"));
    query.addBindValue(QStringLiteral("hub_id"));
    query.addBindValue(Core::Crypto::randomToken(16));
    if (!query.exec()) {
        error = Store::Database::describe(query.lastError());
    } else if (auto admin = users.create(adminName, Core::Role::Administrator, hash); !admin) {
        error = admin.error();
    } else if (auto a = audit.append(QStringLiteral("system"), QStringLiteral("hub.init"),
                                     QStringLiteral("hub"));
               !a) {
        error = a.error();
    } else if (auto b = audit.append(QStringLiteral("system"), QStringLiteral("user.create"),
                                     QStringLiteral("user:%1").arg(admin->id),
                                     QStringLiteral("{\"role\":\"administrator\"}"));
               !b) {
        error = b.error();
    } else if (!db.commit()) {
        error = Store::Database::describe(db.lastError());
    }
    query.finish();
    if (!error.isEmpty()) {
        (void)db.rollback();
        return Core::Status::failure(
            QStringLiteral("Unable to create the first administrator: %1").arg(error));
    }
    report->cipherVersion =
        static_cast<const Store::SqlCipherDriver *>(db.driver())->cipherVersion();
    if (query.exec(QStringLiteral("SELECT max(version) FROM schema_migrations")) && query.next())
        report->schemaVersion = query.value(0).toInt();
    return {};
}

} // namespace Wardline::Hub
