// wardline: the staff console (DESIGN.md §2). Only start-up lives here; the screens are in ui/.
#include "console/consoleshell.h"
#include "console/hubclient.h"
#include "console/hubtrust.h"
#include "console/idlemonitor.h"
#include "console/sessioncontroller.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "ui/language.h"
#include "ui/signinwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QUrl>

#include <cstdio>
#include <cstring>
#include <memory>

using Wardline::Console::ConsoleShell;
using Wardline::Console::SessionController;
using Wardline::Ui::Language;

namespace {
// --help and --version print and exit; they must work without a display (e.g. over SSH).
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app =
        onlyPrints(argc, argv) ? std::make_unique<QCoreApplication>(argc, argv)
                               : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Wardline"));
    QCoreApplication::setOrganizationName(QStringLiteral("Wardline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WARDLINE_VERSION));

    // The system's language first, so that --help and errors are already in it.
    const QString systemLanguage = Language::forLocale(QLocale::system());
    if (!Language::apply(systemLanguage))
        (void)Language::apply(QStringLiteral("en"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Wardline::Console", "Wardline staff console."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("Wardline::Console",
                                    "Interface language: en or es (default: the system's)."),
        QStringLiteral("code"));
    const QCommandLineOption hubOption(
        QStringLiteral("hub"),
        QCoreApplication::translate("Wardline::Console",
                                    "Hub address to fill in (default: $WARDLINE_HUB_URL)."),
        QStringLiteral("url"));
    const QCommandLineOption caOption(
        QStringLiteral("hub-ca"),
        QCoreApplication::translate("Wardline::Console",
                                    "PEM file of a certificate authority (or the hub's own "
                                    "certificate) to trust besides the system's (default: "
                                    "$WARDLINE_HUB_CA)."),
        QStringLiteral("file"));
    const QCommandLineOption forgetOption(
        QStringLiteral("forget-hub-certificate"),
        QCoreApplication::translate("Wardline::Console",
                                    "Forget the hub certificate confirmed on this computer for "
                                    "the hub at <url> (after IT replaced it), then exit."),
        QStringLiteral("url"));
    parser.addOption(langOption);
    parser.addOption(hubOption);
    parser.addOption(caOption);
    parser.addOption(forgetOption);
    parser.process(*app);

    if (parser.isSet(forgetOption)) {
        Wardline::Console::HubTrust trust(QStringLiteral("Wardline"));
        int status = 0;
        trust.forget(QUrl(parser.value(forgetOption)), [&status](const Wardline::Core::Status &s) {
            if (!s) {
                std::fprintf(stderr, "%s\n", qPrintable(s.error()));
                status = 1;
            }
            QCoreApplication::quit();
        });
        QCoreApplication::exec();
        return status;
    }

    // The offline unlock hashes with Argon2id: a console whose crypto fails must not start.
    if (QString cryptoError; !Wardline::Core::Crypto::selfTest(&cryptoError)) {
        std::fprintf(stderr, "%s\n", qPrintable(cryptoError));
        return 1;
    }

    if (parser.isSet(langOption)) {
        const QString code = parser.value(langOption).toLower();
        if (!Language::available().contains(code) || !Language::apply(code)) {
            const QString message = QCoreApplication::translate(
                "Wardline::Console", "Unknown interface language \"%1\". Use one of: %2.");
            std::fprintf(stderr, "%s\n",
                         qPrintable(message.arg(parser.value(langOption),
                                                Language::available().join(u", "))));
            return 1;
        }
    }

    SessionController session(
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
        QStringLiteral("/cache"));
    const QString caFile =
        parser.isSet(caOption) ? parser.value(caOption) : qEnvironmentVariable("WARDLINE_HUB_CA");
    if (!caFile.isEmpty())
        session.hub().setExtraCaCertificates(QSslCertificate::fromPath(caFile));

    ConsoleShell shell(session, Wardline::Core::Clock::system());
    shell.signInWindow().setHubAddress(parser.isSet(hubOption)
                                           ? parser.value(hubOption)
                                           : qEnvironmentVariable("WARDLINE_HUB_URL"));
    shell.idleMonitor().watchSystem();
    app->installEventFilter(&shell.idleMonitor());
    shell.start();
    return QApplication::exec();
}
