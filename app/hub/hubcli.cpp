#include "hub/hubcli.h"

#include "core/clock.h"
#include "core/crypto.h"
#include "hub/carecli.h"
#include "hub/hubconfig.h"
#include "hub/hubdatabase.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "hub/passwordpolicy.h"
#include "hub/patientexport.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/userrepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/file.h>
#include <termios.h>
#include <unistd.h>

namespace Wardline::Hub {

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message)
{
    err() << "wardline-hub: " << message << Qt::endl;
    return HubCli::Failed;
}

// One line from standard input; when it is a terminal, asked for without echo.
QString readPassword(const QString &prompt)
{
    const bool tty = ::isatty(STDIN_FILENO);
    termios saved = {};
    if (tty) {
        err() << prompt << Qt::flush;
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QTextStream in(stdin);
    QString line = in.readLine();
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err() << Qt::endl;
    }
    return line;
}

// SIGTERM/SIGINT end the event loop cleanly (database closed, WAL checkpointed).
int signalPipe[2] = {-1, -1};
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &byte, 1);
}

} // namespace

int HubCli::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The Wardline hub: receives the hospital's WhatsApp line, keeps the record and serves the "
        "staff consoles.\n\nCommands:\n"
        "  init                      create the data directory, its key, database and first "
        "administrator (password on stdin)\n"
        "  serve                     run the hub\n"
        "  user add NAME --role R    add a staff account (password on stdin)\n"
        "  audit verify              check that the audit trail was not altered\n"
        "  export --patient ID       a patient's whole record as JSON on stdout (WhatsApp id,\n"
        "                            phone or user id), for a right-of-access request\n"
        "  status                    database, outbox depth, last webhook, whether a hub runs\n"
        "  triage                    classify one message a line from stdin (no data directory)\n"
        "  import --csv F | --fhir F | --fhir-url URL\n"
        "                            appointments and patients from the hospital's systems\n"
        "  medication add --patient ID --name M --times 08:00,20:00 [--from D] [--until D]\n"
        "  pathway start --patient ID --surgery-date D\n"
        "  settings [set KEY VALUE]  the site's settings (emergency number, quiet hours, SLA)"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("The hub's data directory."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption admin(QStringLiteral("admin"),
                                   QStringLiteral("init: name of the first administrator."),
                                   QStringLiteral("NAME"), QStringLiteral("admin"));
    const QCommandLineOption role(QStringLiteral("role"),
                                  QStringLiteral("user add: nurse, receptionist, physician, "
                                                 "administrator or auditor."),
                                  QStringLiteral("ROLE"));
    const QCommandLineOption patient(QStringLiteral("patient"),
                                     QStringLiteral("export: the patient (WhatsApp id, phone or "
                                                    "user id)."),
                                     QStringLiteral("ID"));
    const auto valueOption = [](const char *name, const char *help, const char *value) {
        return QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help),
                                  QString::fromLatin1(value));
    };
    const QCommandLineOption csv = valueOption("csv", "import: an appointment CSV file.", "FILE");
    const QCommandLineOption fhir =
        valueOption("fhir", "import: a FHIR R4 Bundle or resource (JSON).", "FILE");
    const QCommandLineOption fhirUrl =
        valueOption("fhir-url", "import: a FHIR R4 search URL (pages are followed).", "URL");
    const QCommandLineOption timeZone =
        valueOption("time-zone", "import: the zone of CSV local times.", "ZONE");
    const QCommandLineOption name = valueOption("name", "medication add: the medication.", "TEXT");
    const QCommandLineOption times =
        valueOption("times", "medication add: local times, e.g. 08:00,20:00.", "LIST");
    const QCommandLineOption from = valueOption("from", "medication add: first day.", "DATE");
    const QCommandLineOption until = valueOption("until", "medication add: last day.", "DATE");
    const QCommandLineOption surgery =
        valueOption("surgery-date", "pathway start: the day of surgery.", "DATE");
    const QCommandLineOption lexicons = valueOption(
        "lexicons", "triage: lexicon files to use instead of the built-in ones.", "FILES");
    parser.addOptions({dataDir, admin, role, patient, csv, fhir, fhirUrl, timeZone, name, times,
                       from, until, surgery, lexicons});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do."));
    if (!parser.parse(arguments)) {
        err() << "wardline-hub: " << parser.errorText() << Qt::endl;
        return Usage;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out() << "wardline-hub " << WARDLINE_VERSION << " (Qt " << qVersion() << ")" << Qt::endl;
        return Ok;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText() << Qt::flush;
        return Ok;
    }
    const QStringList command = parser.positionalArguments();
    if (command.isEmpty()) {
        err() << parser.helpText() << Qt::flush;
        return Usage;
    }
    if (command == QStringList{QStringLiteral("triage")}) {
        QTextStream in(stdin);
        return CareCli::triage(in, out(), err(),
                               parser.value(lexicons).split(u',', Qt::SkipEmptyParts));
    }
    if (!parser.isSet(dataDir))
        return fail(QStringLiteral("--data-dir DIR is required for '%1'").arg(command.join(u' ')));
    const QString dir = parser.value(dataDir);

    QString cryptoError;
    if (!Core::Crypto::selfTest(&cryptoError))
        return fail(QStringLiteral("refusing to run: %1").arg(cryptoError));

    if (command == QStringList{QStringLiteral("init")})
        return init(dir, parser.value(admin));
    if (command == QStringList{QStringLiteral("serve")})
        return serve(dir);
    if (command.size() == 3 && command.at(0) == QLatin1StringView("user") &&
        command.at(1) == QLatin1StringView("add")) {
        if (!parser.isSet(role))
            return fail(QStringLiteral("user add needs --role"));
        return userAdd(dir, command.at(2), parser.value(role));
    }
    if (command == QStringList{QStringLiteral("audit"), QStringLiteral("verify")})
        return auditVerify(dir);
    if (command == QStringList{QStringLiteral("export")}) {
        if (!parser.isSet(patient))
            return fail(QStringLiteral("export needs --patient ID"));
        return exportPatient(dir, parser.value(patient));
    }
    if (command == QStringList{QStringLiteral("status")})
        return status(dir);
    if (command == QStringList{QStringLiteral("import")}) {
        const int sources =
            int(parser.isSet(csv)) + int(parser.isSet(fhir)) + int(parser.isSet(fhirUrl));
        if (sources != 1)
            return fail(
                QStringLiteral("import needs one of --csv FILE, --fhir FILE, --fhir-url URL"));
        return CareCli::importAppointments(dir,
                                           {parser.value(csv), parser.value(fhir),
                                            QUrl(parser.value(fhirUrl)), parser.value(timeZone)},
                                           out(), err());
    }
    if (command == QStringList{QStringLiteral("medication"), QStringLiteral("add")}) {
        if (!parser.isSet(patient) || !parser.isSet(name) || !parser.isSet(times))
            return fail(QStringLiteral("medication add needs --patient, --name and --times"));
        return CareCli::medicationAdd(dir, parser.value(patient), parser.value(name),
                                      parser.value(times), parser.value(from), parser.value(until),
                                      out(), err());
    }
    if (command == QStringList{QStringLiteral("pathway"), QStringLiteral("start")}) {
        if (!parser.isSet(patient) || !parser.isSet(surgery))
            return fail(QStringLiteral("pathway start needs --patient and --surgery-date"));
        return CareCli::pathwayStart(dir, parser.value(patient), parser.value(surgery), out(),
                                     err());
    }
    if (!command.isEmpty() && command.constFirst() == QLatin1String("settings"))
        return CareCli::settings(dir, command.mid(1), out(), err());
    err() << "wardline-hub: unknown command '" << command.join(u' ') << "'\n\n"
          << parser.helpText() << Qt::flush;
    return Usage;
}

int HubCli::init(const QString &dataDir, const QString &adminName)
{
    const QString password =
        readPassword(QStringLiteral("Password for the administrator '%1': ").arg(adminName));
    HubInit init(dataDir, Core::Clock::system());
    auto report = init.run(adminName, password);
    if (!report)
        return fail(report.error());
    out() << "Initialised " << dataDir << ":\n"
          << "  database   " << report->databaseFile << " (SQLCipher " << report->cipherVersion
          << ", schema " << report->schemaVersion << ")\n"
          << "  key        " << report->keyFile << " (mode 0600; back it up apart from the "
          << "database)\n"
          << "  config     " << report->configFile << "\n"
          << "  administrator '" << adminName << "' created" << Qt::endl;
    return Ok;
}

int HubCli::serve(const QString &dataDir)
{
    auto config = HubConfig::load(dataDir);
    if (!config)
        return fail(config.error());
    HubServer server(config.value(), Core::Clock::system());
    if (auto started = server.start(); !started)
        return fail(started.error());
    out() << "wardline-hub serving\n  staff API at " << server.apiUrl() << "\n  webhooks at http://"
          << config->value("webhook/listen").section(u':', 0, -2) << ':' << server.webhookPort()
          << "/webhook\n  events at " << server.eventsUrl() << Qt::endl;

    if (::pipe(signalPipe) == 0) {
        std::signal(SIGTERM, onSignal);
        std::signal(SIGINT, onSignal);
    }
    QSocketNotifier stop(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&stop, &QSocketNotifier::activated, qApp, &QCoreApplication::quit);
    const int rc = QCoreApplication::exec();
    out() << "wardline-hub stopped" << Qt::endl;
    return rc;
}

int HubCli::userAdd(const QString &dataDir, const QString &name, const QString &roleName)
{
    const auto parsedRole = Core::roleFromName(roleName);
    if (!parsedRole)
        return fail(QStringLiteral("unknown role '%1' (nurse, receptionist, physician, "
                                   "administrator, auditor)")
                        .arg(roleName));
    auto config = HubConfig::load(dataDir);
    if (!config)
        return fail(config.error());
    const QString password = readPassword(QStringLiteral("Password for '%1': ").arg(name));
    if (const QString weak = PasswordPolicy::check(password, name); !weak.isEmpty())
        return fail(weak);
    const QString connection = QStringLiteral("hub-cli");
    QString error;
    {
        auto db = openHubDatabase(config.value(), connection);
        if (!db)
            return fail(db.error());
        QSqlDatabase database = std::move(db).value();
        Store::UserRepository users(database, Core::Clock::system());
        Store::AuditLog audit(database, Core::Clock::system());
        if (!database.transaction()) {
            error = QStringLiteral("the database is busy");
        } else if (auto user =
                       users.create(name, *parsedRole, Core::Crypto::hashPassword(password));
                   !user) {
            error = user.error();
        } else if (auto audited = audit.append(QStringLiteral("cli"), QStringLiteral("user.create"),
                                               QStringLiteral("user:%1").arg(user->id),
                                               QStringLiteral("{\"role\":\"%1\"}").arg(roleName));
                   !audited) {
            error = audited.error();
        } else if (!database.commit()) {
            error = Store::Database::describe(database.lastError());
        }
        if (!error.isEmpty())
            (void)database.rollback();
    }
    Store::Database::close(connection);
    if (!error.isEmpty())
        return fail(error);
    out() << "Added " << Core::roleName(*parsedRole) << " '" << name << "'" << Qt::endl;
    return Ok;
}

int HubCli::auditVerify(const QString &dataDir)
{
    auto config = HubConfig::load(dataDir);
    if (!config)
        return fail(config.error());
    const QString connection = QStringLiteral("hub-cli");
    Core::Result<qint64> verified = Core::Result<qint64>::failure({});
    {
        auto db = openHubDatabase(config.value(), connection);
        if (!db)
            return fail(db.error());
        verified = Store::AuditLog(db.value(), Core::Clock::system()).verify();
    }
    Store::Database::close(connection);
    if (!verified)
        return fail(QStringLiteral("the audit trail is NOT intact: %1").arg(verified.error()));
    out() << "The audit trail is intact (" << verified.value() << " entries)." << Qt::endl;
    return Ok;
}

int HubCli::exportPatient(const QString &dataDir, const QString &who)
{
    auto config = HubConfig::load(dataDir);
    if (!config)
        return fail(config.error());
    const QString connection = QStringLiteral("hub-cli");
    QString error;
    QJsonObject record;
    {
        auto db = openHubDatabase(config.value(), connection);
        if (!db)
            return fail(db.error());
        QSqlDatabase database = std::move(db).value();
        PatientExport exporter(database);
        auto id = exporter.find(who);
        auto exported =
            id ? exporter.record(id.value()) : Core::Result<QJsonObject>::failure(id.error());
        if (!exported) {
            error = exported.error();
        } else if (!database.transaction()) {
            error = Store::Database::describe(database.lastError());
        } else {
            // Who took a copy of which record is itself part of the record.
            auto audited = Store::AuditLog(database, Core::Clock::system())
                               .append(QStringLiteral("cli"), QStringLiteral("patient.export"),
                                       QStringLiteral("patient:%1").arg(id.value()));
            if (!audited || !database.commit()) {
                (void)database.rollback();
                error = audited ? Store::Database::describe(database.lastError()) : audited.error();
            } else {
                record = exported.value();
            }
        }
    }
    Store::Database::close(connection);
    if (!error.isEmpty())
        return fail(error);
    record.insert(QStringLiteral("exportedAt"),
                  Core::Clock::system().now().toString(Qt::ISODateWithMs));
    out() << QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Indented)) << Qt::flush;
    return Ok;
}

int HubCli::status(const QString &dataDir)
{
    auto config = HubConfig::load(dataDir);
    if (!config)
        return fail(config.error());
    // A hub holds an exclusive lock on hub.lock while it serves.
    const QByteArray lockPath = QFile::encodeName(config->dataDir() + QStringLiteral("/hub.lock"));
    const int fd = ::open(lockPath.constData(), O_RDONLY | O_CLOEXEC);
    bool running = false;
    if (fd >= 0) {
        running = ::flock(fd, LOCK_SH | LOCK_NB) != 0;
        ::close(fd);
    }
    const QString connection = QStringLiteral("hub-cli");
    {
        auto db = openHubDatabase(config.value(), connection);
        if (!db)
            return fail(db.error());
        auto scalar = [&db](const char *sql) {
            QSqlQuery q(db.value());
            return q.exec(QString::fromLatin1(sql)) && q.next() ? q.value(0).toString() : QString();
        };
        QString lastWebhook = scalar("SELECT max(received_at) FROM webhook_deliveries");
        if (lastWebhook.isEmpty())
            lastWebhook = QStringLiteral("none yet");
        out() << "data directory   " << config->dataDir() << "\n"
              << "hub              " << (running ? "running" : "not running") << "\n"
              << "database         " << config->databaseFile() << " (schema "
              << scalar("SELECT max(version) FROM schema_migrations") << ")\n"
              << "webhooks on      " << config->value("webhook/listen") << "\n"
              << "staff API on     " << config->value("api/listen") << " (tls "
              << config->value("api/tls") << ")\n"
              << "last webhook     " << lastWebhook << "\n"
              << "outbox waiting   "
              << scalar("SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending')") << "\n"
              << "patients         " << scalar("SELECT count(*) FROM patients") << "\n"
              << "staff accounts   " << scalar("SELECT count(*) FROM users WHERE active = 1")
              << Qt::endl;
    }
    Store::Database::close(connection);
    return Ok;
}

} // namespace Wardline::Hub
