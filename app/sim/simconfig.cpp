#include "sim/simconfig.h"

#include "sim/graphrequest.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

namespace Wardline::Sim {

namespace {
const QString ListenOption = QStringLiteral("listen");
const QString WebhookOption = QStringLiteral("webhook");
const QString AppSecretFileOption = QStringLiteral("app-secret-file");
const QString AccessTokenFileOption = QStringLiteral("access-token-file");
const QString PhoneNumberIdOption = QStringLiteral("phone-number-id");
const QString ApiVersionOption = QStringLiteral("api-version");
const QString WabaIdOption = QStringLiteral("waba-id");
const QString AppIdOption = QStringLiteral("app-id");
const QString PersonasOption = QStringLiteral("personas");
const QString ClockOption = QStringLiteral("clock");
const QString StartTimeOption = QStringLiteral("start-time");

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

[[nodiscard]] bool isDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}
} // namespace

void SimConfig::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ListenOption,
                      tr("Address and port to serve the Cloud API on, e.g. 127.0.0.1:8090 "
                         "(port 0 picks a free port; the line printed on start says which)."),
                      tr("address:port")});
    parser.addOption({WebhookOption,
                      tr("The hub's webhook URL; signed webhooks are delivered there."),
                      tr("url")});
    parser.addOption({AppSecretFileOption,
                      tr("File holding the app secret that signs webhooks (X-Hub-Signature-256)."),
                      tr("file")});
    parser.addOption({AccessTokenFileOption,
                      tr("File holding the access token every Graph API request must carry."),
                      tr("file")});
    parser.addOption(
        {PhoneNumberIdOption,
         tr("ID of the simulated business phone number (default %1).").arg(DefaultPhoneNumberId),
         tr("id"), DefaultPhoneNumberId.toString()});
    parser.addOption({ApiVersionOption,
                      tr("Graph API version to advertise (default %1); any vX.Y is accepted.")
                          .arg(DefaultApiVersion),
                      tr("version"), DefaultApiVersion.toString()});
    parser.addOption(
        {WabaIdOption,
         tr("ID of the simulated WhatsApp Business Account (default %1).").arg(DefaultWabaId),
         tr("id"), DefaultWabaId.toString()});
    parser.addOption(
        {AppIdOption,
         tr("ID of the simulated Meta app whose Resumable Upload API takes template example "
            "files (default %1); the hub's whatsapp/app_id.")
             .arg(DefaultAppId),
         tr("id"), DefaultAppId.toString()});
    parser.addOption({PersonasOption,
                      tr("Directory of extra persona files (*.json) besides the built-in ones."),
                      tr("dir")});
    parser.addOption({ClockOption,
                      tr("\"system\" (default) or \"manual\": a clock that moves only on "
                         "POST /_sim/advance, for drills and tests."),
                      tr("system|manual")});
    parser.addOption({StartTimeOption,
                      tr("Where the manual clock starts, as ISO 8601 UTC, e.g. "
                         "2026-03-02T03:00:00Z (default: now)."),
                      tr("time")});
    SimBehaviour::addOptions(parser);
}

std::optional<SimConfig> SimConfig::fromParser(const QCommandLineParser &parser, QString *error)
{
    if (!parser.positionalArguments().isEmpty()) {
        setError(error, tr("unexpected argument \"%1\"; see --help.")
                            .arg(parser.positionalArguments().constFirst()));
        return std::nullopt;
    }
    for (const QString &required :
         {ListenOption, WebhookOption, AppSecretFileOption, AccessTokenFileOption}) {
        if (!parser.isSet(required)) {
            setError(error, tr("--%1 is required; see --help.").arg(required));
            return std::nullopt;
        }
    }

    SimConfig config;
    if (!parseListen(parser.value(ListenOption), &config.listenAddress, &config.listenPort, error))
        return std::nullopt;

    const QString webhook = parser.value(WebhookOption);
    config.webhookUrl = QUrl(webhook, QUrl::StrictMode);
    if (!config.webhookUrl.isValid() || config.webhookUrl.host().isEmpty() ||
        (config.webhookUrl.scheme() != u"http" && config.webhookUrl.scheme() != u"https")) {
        setError(error, tr("--webhook \"%1\" is not an http:// or https:// URL, e.g. "
                           "http://127.0.0.1:8443/webhook.")
                            .arg(webhook));
        return std::nullopt;
    }

    config.phoneNumberId = parser.value(PhoneNumberIdOption);
    if (!isDigits(config.phoneNumberId)) {
        setError(error, tr("--phone-number-id \"%1\" is not a numeric ID like Meta's, e.g. %2.")
                            .arg(config.phoneNumberId, DefaultPhoneNumberId));
        return std::nullopt;
    }
    config.apiVersion = parser.value(ApiVersionOption);
    if (!GraphRequest::isVersion(config.apiVersion)) {
        setError(error, tr("--api-version \"%1\" is not a Graph API version like %2.")
                            .arg(config.apiVersion, DefaultApiVersion));
        return std::nullopt;
    }

    config.wabaId = parser.value(WabaIdOption);
    if (!isDigits(config.wabaId)) {
        setError(error, tr("--waba-id \"%1\" is not a numeric ID like Meta's, e.g. %2.")
                            .arg(config.wabaId, DefaultWabaId));
        return std::nullopt;
    }
    if (config.wabaId == config.phoneNumberId) {
        setError(error, tr("--waba-id and --phone-number-id must differ."));
        return std::nullopt;
    }
    config.appId = parser.value(AppIdOption);
    if (!isDigits(config.appId) || config.appId == config.wabaId ||
        config.appId == config.phoneNumberId) {
        setError(error, tr("--app-id \"%1\" must be a numeric ID like Meta's, e.g. %2, unlike the "
                           "other IDs.")
                            .arg(config.appId, DefaultAppId));
        return std::nullopt;
    }
    if (parser.isSet(PersonasOption)) {
        config.personasDir = parser.value(PersonasOption);
        if (!QFileInfo(config.personasDir).isDir()) {
            setError(error, tr("--personas \"%1\" is not a directory.").arg(config.personasDir));
            return std::nullopt;
        }
    }
    if (parser.isSet(ClockOption)) {
        const QString clock = parser.value(ClockOption).toLower();
        if (clock != u"system" && clock != u"manual") {
            setError(error, tr("--clock must be \"system\" or \"manual\"."));
            return std::nullopt;
        }
        config.manualClock = clock == u"manual";
    }
    if (parser.isSet(StartTimeOption)) {
        if (!config.manualClock) {
            setError(error, tr("--start-time needs --clock manual."));
            return std::nullopt;
        }
        config.clockStart = QDateTime::fromString(parser.value(StartTimeOption), Qt::ISODate);
        if (!config.clockStart.isValid()) {
            setError(error, tr("--start-time \"%1\" is not an ISO 8601 time such as "
                               "2026-03-02T03:00:00Z.")
                                .arg(parser.value(StartTimeOption)));
            return std::nullopt;
        }
        config.clockStart = config.clockStart.toUTC();
    }
    std::optional<SimBehaviour> behaviour = SimBehaviour::fromParser(parser, error);
    if (!behaviour)
        return std::nullopt;
    config.behaviour = std::move(*behaviour);

    std::optional<QByteArray> secret =
        readSecretFile(parser.value(AppSecretFileOption), AppSecretFileOption, error);
    if (!secret)
        return std::nullopt;
    config.appSecret = std::move(*secret);
    std::optional<QByteArray> token =
        readSecretFile(parser.value(AccessTokenFileOption), AccessTokenFileOption, error);
    if (!token)
        return std::nullopt;
    config.accessToken = std::move(*token);
    return config;
}

std::optional<SimConfig> SimConfig::fromArguments(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(arguments)) {
        setError(error, parser.errorText());
        return std::nullopt;
    }
    return fromParser(parser, error);
}

bool SimConfig::parseListen(QStringView text, QHostAddress *address, quint16 *port, QString *error)
{
    const qsizetype colon = text.lastIndexOf(u':');
    const auto invalid = [&] {
        setError(error, tr("--listen \"%1\" is not an address and port such as 127.0.0.1:8090 "
                           "or [::1]:8090.")
                            .arg(text));
        return false;
    };
    if (colon <= 0)
        return invalid();
    QStringView host = text.first(colon);
    const QStringView portText = text.sliced(colon + 1);
    bool ok = false;
    const uint number = portText.toUInt(&ok);
    if (!isDigits(portText) || !ok || number > 65535)
        return invalid();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.sliced(1, host.size() - 2);
    else if (host.contains(u':'))
        return invalid(); // a bare IPv6 address is ambiguous: ask for brackets
    QHostAddress parsed;
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        parsed = QHostAddress(QHostAddress::LocalHost);
    else if (!parsed.setAddress(host.toString()))
        return invalid();
    *address = parsed;
    *port = quint16(number);
    return true;
}

std::optional<QByteArray> SimConfig::readSecretFile(const QString &path, const QString &option,
                                                    QString *error)
{
    QFile file(path);
    if (!QFileInfo::exists(path)) {
        setError(error, tr("the file given to --%1 (%2) does not exist. Create it with the same "
                           "value the hub uses, on one line.")
                            .arg(option, path));
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, tr("cannot read the file given to --%1 (%2): %3.")
                            .arg(option, path, file.errorString()));
        return std::nullopt;
    }
    if (file.size() > MaxSecretFileSize) {
        setError(error, tr("the file given to --%1 (%2) is larger than %3 bytes; it does not look "
                           "like a secret file.")
                            .arg(option, path)
                            .arg(MaxSecretFileSize));
        return std::nullopt;
    }
    QByteArray content = file.read(MaxSecretFileSize).trimmed();
    if (content.isEmpty()) {
        setError(error, tr("the file given to --%1 (%2) is empty. Put the same value the hub uses "
                           "in it, on one line.")
                            .arg(option, path));
        return std::nullopt;
    }
    return content;
}

} // namespace Wardline::Sim
