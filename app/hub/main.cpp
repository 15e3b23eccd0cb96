#include "hub/hubcli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wardline-hub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WARDLINE_VERSION));
    return Wardline::Hub::HubCli::run(QCoreApplication::arguments());
}
