#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

QT_BEGIN_NAMESPACE
class QCommandLineParser;
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Wardline::Sim {

/// The client commands of wardline-sim, which talk to a running simulator's control API:
///
///   wardline-sim say --sim http://ADDR --from PHONE [--name NAME] (--text T | --image FILE
///       [--caption C] | --button PAYLOAD | --button-reply ID | --list-reply ID |
///       --location LAT,LON) [--context WAMID]     → prints the new message's wamid
///   wardline-sim play --sim http://ADDR PERSONA [--phone P] [--name N] [--wait [--timeout S]]
///
/// Exit status: 0 done, 1 the simulator is unreachable or refused, 2 a usage error.
class SimCli
{
    Q_DECLARE_TR_FUNCTIONS(Wardline::Sim::SimCli)

public:
    /// True for "say" and "play", the commands run() handles.
    [[nodiscard]] static bool isCommand(const QString &word);
    /// Runs the command named by arguments[1]; returns the exit status. Needs a
    /// QCoreApplication; blocks in a local event loop while it waits for the simulator.
    [[nodiscard]] static int run(const QStringList &arguments);

    /// The POST /_sim/inbound body for the say options of an already processed \a parser.
    [[nodiscard]] static std::optional<QJsonObject> sayRequest(const QCommandLineParser &parser,
                                                               QString *error);

private:
    struct Reply
    {
        bool reached = false;
        int status = 0;
        QJsonObject body;
        QString error;
    };

    [[nodiscard]] static int say(const QStringList &arguments);
    [[nodiscard]] static int play(const QStringList &arguments);
    [[nodiscard]] static std::optional<QUrl> simUrl(const QCommandLineParser &parser,
                                                    QString *error);
    [[nodiscard]] static Reply call(QNetworkAccessManager &network, const QByteArray &verb,
                                    const QUrl &url, const QJsonObject &body);
    [[nodiscard]] static int failure(const QUrl &sim, const Reply &reply);
    static int usage(const QString &message);
};

} // namespace Wardline::Sim
