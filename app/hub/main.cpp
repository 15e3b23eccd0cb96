#include "hub/hubcli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    // One line per record, with time and category; messages never carry patient data.
    qSetMessagePattern(QStringLiteral(
        "%{time yyyy-MM-ddTHH:mm:ss.zzzt} %{if-debug}debug%{endif}%{if-info}info%{endif}"
        "%{if-warning}warning%{endif}%{if-critical}critical%{endif}%{if-fatal}fatal%{endif} "
        "%{category}: %{message}"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wardline-hub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WARDLINE_VERSION));
    return Wardline::Hub::HubCli::run(QCoreApplication::arguments());
}
