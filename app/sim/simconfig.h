#pragma once

#include "sim/simbehaviour.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

QT_BEGIN_NAMESPACE
class QCommandLineParser;
QT_END_NAMESPACE

namespace Wardline::Sim {

/// Everything wardline-sim is started with: where it listens, where it delivers webhooks, the
/// secrets it shares with the hub, the business phone number and account it plays, its clock
/// and its behaviour (limits, delays, faults).
struct SimConfig
{
    Q_DECLARE_TR_FUNCTIONS(Wardline::Sim::SimConfig)

public:
    static constexpr QStringView DefaultApiVersion{u"v24.0"};
    static constexpr QStringView DefaultPhoneNumberId{u"115550100000001"};
    static constexpr QStringView DefaultWabaId{u"102290129340398"};
    /// The Meta app whose Resumable Upload API takes template example files.
    static constexpr QStringView DefaultAppId{u"100000000000077"};
    /// Secret files are a line or two; anything bigger is the wrong file.
    static constexpr qint64 MaxSecretFileSize = 64 * 1024;

    QHostAddress listenAddress{QHostAddress::LocalHost};
    quint16 listenPort = 0; ///< 0: any free port
    QUrl webhookUrl;        ///< the hub's webhook listener; signed POSTs go there
    QByteArray appSecret;   ///< HMAC key of X-Hub-Signature-256
    QByteArray accessToken; ///< the bearer token every Graph request must carry
    QString phoneNumberId{DefaultPhoneNumberId.toString()};
    QString apiVersion{DefaultApiVersion.toString()}; ///< advertised; any vX.Y is accepted
    // The business number as Meta would show it. 555-01xx numbers are reserved for fiction.
    QString displayPhoneNumber{QStringLiteral("+1 202-555-0142")};
    QString verifiedName{QStringLiteral("Wardline Training Hospital")};
    /// The WhatsApp Business Account: templates live on it, webhooks name it in entry[].id.
    QString wabaId{DefaultWabaId.toString()};
    QString appId{DefaultAppId.toString()};
    /// Extra persona files (*.json) besides the built-in ones; empty for none.
    QString personasDir;
    /// A clock that only moves on POST /_sim/advance (drills, tests), starting at clockStart
    /// (the current time when invalid).
    bool manualClock = false;
    QDateTime clockStart;
    SimBehaviour behaviour;

    /// Declares the command-line options (--listen, --webhook, …) on \a parser.
    static void addOptions(QCommandLineParser &parser);
    /// Reads the options of an already processed \a parser; reads the secret files.
    [[nodiscard]] static std::optional<SimConfig> fromParser(const QCommandLineParser &parser,
                                                             QString *error);
    /// Parses a full command line (arguments[0] is the program name), as main() would.
    [[nodiscard]] static std::optional<SimConfig> fromArguments(const QStringList &arguments,
                                                                QString *error);

    /// "127.0.0.1:8080", "[::1]:8080" or "localhost:8080" into an address and a port.
    [[nodiscard]] static bool parseListen(QStringView text, QHostAddress *address, quint16 *port,
                                          QString *error);
    /// The trimmed content of a secret file; nothing (and a reason) when missing or empty.
    [[nodiscard]] static std::optional<QByteArray>
    readSecretFile(const QString &path, const QString &option, QString *error);
};

} // namespace Wardline::Sim
