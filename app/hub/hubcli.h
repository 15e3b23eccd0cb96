#pragma once

#include <QStringList>

class QTextStream;

namespace Wardline::Hub {

/// The `wardline-hub` command line (DESIGN.md §7). Returns the process exit code; `serve`
/// runs the event loop until the process is told to stop.
class HubCli
{
public:
    enum ExitCode { Ok = 0, Failed = 1, Usage = 2 };

    [[nodiscard]] static int run(const QStringList &arguments);

private:
    static int init(const QString &dataDir, const QString &adminName);
    static int serve(const QString &dataDir);
    static int userAdd(const QString &dataDir, const QString &name, const QString &roleName);
    static int auditVerify(const QString &dataDir);
    static int exportPatient(const QString &dataDir, const QString &who);
    static int status(const QString &dataDir);
};

} // namespace Wardline::Hub
