#include "hub/carecli.h"

#include "core/appointmentcsv.h"
#include "core/clock.h"
#include "core/fhirreader.h"
#include "core/triage.h"
#include "hub/carerecords.h"
#include "hub/hubcli.h"
#include "hub/hubconfig.h"
#include "hub/hubdatabase.h"
#include "hub/patientexport.h"
#include "hub/sitesettings.h"
#include "store/auditlog.h"
#include "store/database.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QTimeZone>

#include <functional>

namespace Wardline::Hub::CareCli {

namespace {
int failed(QTextStream &err, const QString &message)
{
    err << "wardline-hub: " << message << Qt::endl;
    return HubCli::Failed;
}

// Runs \a work on the hub's database in one transaction, audited as the CLI.
int inTransaction(const QString &dataDir, QTextStream &err,
                  const std::function<Core::Status(QSqlDatabase)> &work)
{
    auto config = HubConfig::load(dataDir);
    if (!config)
        return failed(err, config.error());
    const QString connection = QStringLiteral("hub-cli");
    QString error;
    {
        auto db = openHubDatabase(config.value(), connection);
        if (!db)
            return failed(err, db.error());
        QSqlDatabase database = std::move(db).value();
        if (!database.transaction()) {
            error = Store::Database::describe(database.lastError());
        } else if (auto done = work(database); !done) {
            error = done.error();
            (void)database.rollback();
        } else if (!database.commit()) {
            error = Store::Database::describe(database.lastError());
            (void)database.rollback();
        }
    }
    Store::Database::close(connection);
    return error.isEmpty() ? HubCli::Ok : failed(err, error);
}

Core::Result<qint64> findPatient(QSqlDatabase db, const QString &who)
{
    return PatientExport(db).find(who);
}

QDate day(const QString &text, const QDate &fallback)
{
    return text.isEmpty() ? fallback : QDate::fromString(text, Qt::ISODate);
}
} // namespace

int triage(QTextStream &in, QTextStream &out, QTextStream &err, const QStringList &lexiconFiles)
{
    auto engine = lexiconFiles.isEmpty() ? Core::TriageEngine::loadBuiltIn()
                                         : Core::TriageEngine::loadFromFiles(lexiconFiles);
    if (!engine)
        return failed(err, engine.error());
    QString line;
    while (in.readLineInto(&line)) {
        const Core::TriageResult r = engine->classify(line);
        out << Core::categoryName(r.category) << '\t' << Core::priorityName(r.priority) << '\t'
            << r.reason << '\n';
    }
    out.flush();
    return HubCli::Ok;
}

Core::Result<Core::ImportBatch> fetchFhirServer(const QUrl &url, int maxPages)
{
    using R = Core::Result<Core::ImportBatch>;
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    Core::ImportBatch all;
    QUrl page = url;
    for (int n = 0; n < maxPages && page.isValid(); ++n) {
        QNetworkRequest request(page);
        request.setRawHeader("Accept", "application/fhir+json");
        request.setTransferTimeout(60000);
        QNetworkReply *reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError)
            return R::failure(QStringLiteral("The FHIR server did not answer %1: %2")
                                  .arg(page.toString(QUrl::RemoveQuery), reply->errorString()));
        Core::ImportBatch batch = Core::readFhirJson(reply->readAll());
        all.patients += batch.patients;
        all.appointments += batch.appointments;
        for (Core::ImportProblem problem : batch.problems) {
            problem.where = QStringLiteral("page %1, %2").arg(n + 1).arg(problem.where);
            all.problems.append(problem);
        }
        // Paging links come from the server: follow them only on that same server.
        const QUrl next = batch.nextPageUrl;
        page = next.isValid() && next.scheme() == url.scheme() && next.host() == url.host() &&
                       next.port(-1) == url.port(-1)
                   ? next
                   : QUrl();
    }
    return all;
}

int importAppointments(const QString &dataDir, const ImportOptions &options, QTextStream &out,
                       QTextStream &err)
{
    Core::ImportBatch batch;
    if (!options.fhirUrl.isEmpty()) {
        auto fetched = fetchFhirServer(options.fhirUrl);
        if (!fetched)
            return failed(err, fetched.error());
        batch = std::move(fetched).value();
    } else {
        const QString path = options.csvFile.isEmpty() ? options.fhirFile : options.csvFile;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return failed(err, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        if (!options.timeZone.isEmpty() && !QTimeZone(options.timeZone.toUtf8()).isValid())
            return failed(err, QStringLiteral("--time-zone %1 is not a time zone (e.g. "
                                              "America/Chicago)")
                                   .arg(options.timeZone));
        batch = options.csvFile.isEmpty()
                    ? Core::readFhirJson(file.readAll())
                    : Core::readAppointmentCsv(
                          file.readAll(), options.timeZone.isEmpty()
                                              ? QString::fromUtf8(QTimeZone::systemTimeZoneId())
                                              : options.timeZone);
    }
    for (const Core::ImportProblem &problem : batch.problems)
        err << (problem.severity == Core::ImportProblem::Severity::Skipped ? "skipped  "
                                                                           : "warning  ")
            << problem.where << ": " << problem.message << '\n';
    err.flush();
    ImportSummary summary;
    const int rc = inTransaction(dataDir, err, [&](QSqlDatabase db) {
        auto imported = CareRecords(db, Core::Clock::system()).importBatch(batch);
        if (!imported)
            return Core::Status::failure(imported.error());
        summary = imported.value();
        return Store::AuditLog(db, Core::Clock::system())
            .append(QStringLiteral("cli"), QStringLiteral("appointments.import"), {},
                    QStringLiteral("{\"created\":%1,\"updated\":%2}")
                        .arg(summary.appointmentsCreated)
                        .arg(summary.appointmentsUpdated));
    });
    if (rc != HubCli::Ok)
        return rc;
    out << "Imported " << summary.appointmentsCreated << " new and " << summary.appointmentsUpdated
        << " updated appointments (" << summary.appointmentsSkipped << " not to remind about), "
        << summary.patientsCreated << " new and " << summary.patientsUpdated << " known patients; "
        << batch.problems.size() << " problems." << Qt::endl;
    return HubCli::Ok;
}

int medicationAdd(const QString &dataDir, const QString &patient, const QString &medication,
                  const QString &times, const QString &from, const QString &until, QTextStream &out,
                  QTextStream &err)
{
    QList<QTime> clock;
    for (const QString &t : times.split(u',', Qt::SkipEmptyParts)) {
        const QTime parsed = QTime::fromString(t.trimmed(), QStringLiteral("HH:mm"));
        if (!parsed.isValid())
            return failed(err, QStringLiteral("--times takes times of day like 08:00,20:00"));
        clock.append(parsed);
    }
    const QDate first = day(from, QDate::currentDate());
    const QDate last = day(until, {});
    if (!first.isValid() || (!until.isEmpty() && !last.isValid()))
        return failed(err, QStringLiteral("--from and --until take dates like 2026-12-01"));
    qint64 id = 0;
    const int rc = inTransaction(dataDir, err, [&](QSqlDatabase db) {
        auto found = findPatient(db, patient);
        if (!found)
            return Core::Status::failure(found.error());
        auto added = CareRecords(db, Core::Clock::system())
                         .addMedication(found.value(), medication, clock, first, last);
        if (!added)
            return Core::Status::failure(added.error());
        id = added.value();
        return Store::AuditLog(db, Core::Clock::system())
            .append(QStringLiteral("cli"), QStringLiteral("medication.schedule"),
                    QStringLiteral("patient:%1").arg(found.value()));
    });
    if (rc == HubCli::Ok)
        out << "Medication schedule " << id << " added: reminders at " << times << Qt::endl;
    return rc;
}

int pathwayStart(const QString &dataDir, const QString &patient, const QString &surgeryDate,
                 QTextStream &out, QTextStream &err)
{
    const QDate surgery = QDate::fromString(surgeryDate, Qt::ISODate);
    if (!surgery.isValid())
        return failed(err, QStringLiteral("--surgery-date takes a date like 2026-12-01"));
    qint64 id = 0;
    const int rc = inTransaction(dataDir, err, [&](QSqlDatabase db) {
        auto found = findPatient(db, patient);
        if (!found)
            return Core::Status::failure(found.error());
        auto started = CareRecords(db, Core::Clock::system()).startPathway(found.value(), surgery);
        if (!started)
            return Core::Status::failure(started.error());
        id = started.value();
        return Store::AuditLog(db, Core::Clock::system())
            .append(QStringLiteral("cli"), QStringLiteral("pathway.start"),
                    QStringLiteral("patient:%1").arg(found.value()));
    });
    if (rc == HubCli::Ok)
        out << "Post-surgical pathway " << id << " started (days 1, 3, 7 and 14 after "
            << surgery.toString(Qt::ISODate) << ")" << Qt::endl;
    return rc;
}

int settings(const QString &dataDir, const QStringList &arguments, QTextStream &out,
             QTextStream &err)
{
    if (arguments.size() == 3 && arguments.at(0) == QLatin1String("set")) {
        const int rc = inTransaction(dataDir, err, [&](QSqlDatabase db) {
            if (auto s = SiteSettings::set(db, arguments.at(1), arguments.at(2)); !s)
                return s;
            return Store::AuditLog(db, Core::Clock::system())
                .append(QStringLiteral("cli"), QStringLiteral("settings.change"),
                        QStringLiteral("setting:") + arguments.at(1));
        });
        if (rc == HubCli::Ok)
            out << arguments.at(1) << " = " << arguments.at(2) << Qt::endl;
        return rc;
    }
    if (!arguments.isEmpty())
        return failed(err, QStringLiteral("usage: settings, or settings set KEY VALUE"));
    return inTransaction(dataDir, err, [&](QSqlDatabase db) {
        QSqlQuery q(db);
        for (const SettingSpec &spec : SiteSettings::specs()) {
            q.prepare(QStringLiteral("SELECT value FROM hub_settings WHERE key = ?"));
            q.addBindValue(QLatin1String(spec.key));
            const QString value =
                q.exec() && q.next() ? q.value(0).toString() : QString::fromUtf8(spec.defaultValue);
            out << qSetFieldWidth(24) << Qt::left << QLatin1String(spec.key) << qSetFieldWidth(0)
                << ' ' << (value.isEmpty() ? QStringLiteral("(empty)") : value) << "   # "
                << spec.help << '\n';
        }
        out.flush();
        return Core::Status();
    });
}

} // namespace Wardline::Hub::CareCli
