#include "core/crypto.h"
#include "sim/simcli.h"
#include "sim/simconfig.h"
#include "sim/simserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <optional>

using namespace Wardline;

namespace {
int refuse(const QString &reason)
{
    QTextStream(stderr) << "wardline-sim: " << reason << Qt::endl;
    return 1;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wardline-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WARDLINE_VERSION));

    // `wardline-sim say …` and `wardline-sim play …` are clients of a running simulator.
    const QStringList arguments = QCoreApplication::arguments();
    if (Sim::SimCli::isCommand(arguments.value(1)))
        return Sim::SimCli::run(arguments);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "A local WhatsApp Cloud API for Wardline drills, demos and tests: Meta's paths, "
                "payloads and errors on your own machine.\n\nCommands: (none) serve; say "
                "(inject a patient's message); play (run a persona). See wardline-sim say "
                "--help."));
    parser.addHelpOption();
    parser.addVersionOption();
    Sim::SimConfig::addOptions(parser);
    parser.process(app); // --help, --version and unknown options end the program here

    QString error;
    if (!Core::Crypto::selfTest(&error))
        return refuse(error);
    const std::optional<Sim::SimConfig> config = Sim::SimConfig::fromParser(parser, &error);
    if (!config)
        return refuse(error);

    Sim::SimServer server;
    if (!server.start(*config, &error))
        return refuse(error);
    // Scripts and tests wait for this exact line; with --listen …:0 it carries the real port.
    QTextStream(stdout) << "wardline-sim listening on " << server.url().toString() << Qt::endl;
    return QCoreApplication::exec();
}
