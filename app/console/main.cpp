// wardline: the staff console (DESIGN.md §2). Only start-up lives here; the screens are in ui/.
#include "ui/language.h"
#include "ui/signinwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QUrl>

#include <cstdio>
#include <cstring>
#include <memory>

using Wardline::Ui::Language;
using Wardline::Ui::SignInWindow;

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
    parser.addOption(langOption);
    parser.addOption(hubOption);
    parser.process(*app);

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

    SignInWindow window;
    window.setHubAddress(parser.isSet(hubOption) ? parser.value(hubOption)
                                                 : qEnvironmentVariable("WARDLINE_HUB_URL"));
    // Until the hub client is wired in, signing in only says where it would connect.
    QObject::connect(
        &window, &SignInWindow::signInRequested, &window, [&window](const QString &hubAddress) {
            window.showInfo(QCoreApplication::translate("Wardline::Console", "Connecting to %1…")
                                .arg(QUrl(hubAddress).host()));
        });
    window.show();
    return QApplication::exec();
}
