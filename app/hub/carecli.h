#pragma once

#include "core/result.h"

#include <QStringList>
#include <QUrl>

class QTextStream;

namespace Wardline::Core {
struct ImportBatch;
}

namespace Wardline::Hub {

/// The care workflow commands of wardline-hub (DESIGN.md §7 and the README): triage, import,
/// medication add, pathway start, settings. Each returns the process exit code.
namespace CareCli {

/// `triage`: one message a line on \a in; "CATEGORY<TAB>Pn<TAB>reason" a line on \a out.
[[nodiscard]] int triage(QTextStream &in, QTextStream &out, QTextStream &err,
                         const QStringList &lexiconFiles);

struct ImportOptions
{
    QString csvFile;
    QString fhirFile;
    QUrl fhirUrl;
    QString timeZone; ///< CSV local times without a zone of their own
};
[[nodiscard]] int importAppointments(const QString &dataDir, const ImportOptions &options,
                                     QTextStream &out, QTextStream &err);

/// Every page of a FHIR search (Bundle.link "next"), on the same server only.
[[nodiscard]] Core::Result<Core::ImportBatch> fetchFhirServer(const QUrl &url, int maxPages = 100);

[[nodiscard]] int medicationAdd(const QString &dataDir, const QString &patient,
                                const QString &medication, const QString &times,
                                const QString &from, const QString &until, QTextStream &out,
                                QTextStream &err);
[[nodiscard]] int pathwayStart(const QString &dataDir, const QString &patient,
                               const QString &surgeryDate, QTextStream &out, QTextStream &err);
/// `settings` lists the site settings; `settings set KEY VALUE` changes one (audited).
[[nodiscard]] int settings(const QString &dataDir, const QStringList &arguments, QTextStream &out,
                           QTextStream &err);

} // namespace CareCli
} // namespace Wardline::Hub
