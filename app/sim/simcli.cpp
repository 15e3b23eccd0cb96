#include "sim/simcli.h"

#include "sim/mediastore.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextStream>
#include <QTimer>

namespace Wardline::Sim {

namespace {
constexpr int RequestTimeoutMs = 15000;
constexpr int PollIntervalMs = 500;

const QString SimOption = QStringLiteral("sim");
const QString FromOption = QStringLiteral("from");
const QString NameOption = QStringLiteral("name");
const QString TextOption = QStringLiteral("text");
const QString ImageOption = QStringLiteral("image");
const QString CaptionOption = QStringLiteral("caption");
const QString ButtonOption = QStringLiteral("button");
const QString ButtonReplyOption = QStringLiteral("button-reply");
const QString ListReplyOption = QStringLiteral("list-reply");
const QString LocationOption = QStringLiteral("location");
const QString ContextOption = QStringLiteral("context");
const QString PhoneOption = QStringLiteral("phone");
const QString WaitOption = QStringLiteral("wait");
const QString TimeoutOption = QStringLiteral("timeout");

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

void printLine(FILE *stream, const QString &text)
{
    QTextStream(stream) << text << Qt::endl;
}

void addCommon(QCommandLineParser &parser, const QString &command, const QString &description)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addPositionalArgument(command, SimCli::tr("The command."), command);
    parser.addOption({SimOption, SimCli::tr("The running simulator, e.g. http://127.0.0.1:8090."),
                      SimCli::tr("url")});
}
} // namespace

bool SimCli::isCommand(const QString &word)
{
    return word == u"say" || word == u"play";
}

int SimCli::run(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command == u"say")
        return say(arguments);
    if (command == u"play")
        return play(arguments);
    return usage(tr("unknown command \"%1\"; use say or play.").arg(command));
}

int SimCli::usage(const QString &message)
{
    printLine(stderr, QStringLiteral("wardline-sim: ") + message);
    return 2;
}

std::optional<QUrl> SimCli::simUrl(const QCommandLineParser &parser, QString *error)
{
    if (!parser.isSet(SimOption)) {
        setError(error, tr("--sim is required: the simulator's address, e.g. "
                           "http://127.0.0.1:8090."));
        return std::nullopt;
    }
    const QUrl url(parser.value(SimOption), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"http" || url.host().isEmpty()) {
        setError(error, tr("--sim \"%1\" is not an http:// address such as "
                           "http://127.0.0.1:8090.")
                            .arg(parser.value(SimOption)));
        return std::nullopt;
    }
    return url;
}

std::optional<QJsonObject> SimCli::sayRequest(const QCommandLineParser &parser, QString *error)
{
    if (!parser.isSet(FromOption)) {
        setError(error, tr("--from is required: the patient's phone number, e.g. "
                           "\"+1 202 555 0134\"."));
        return std::nullopt;
    }
    QJsonObject request{{QStringLiteral("from"), parser.value(FromOption)}};
    if (parser.isSet(NameOption))
        request.insert(QStringLiteral("name"), parser.value(NameOption));
    if (parser.isSet(ContextOption))
        request.insert(QStringLiteral("context"), parser.value(ContextOption));

    int contents = 0;
    for (const QString &option : {TextOption, ImageOption, ButtonOption, ButtonReplyOption,
                                  ListReplyOption, LocationOption}) {
        if (parser.isSet(option))
            ++contents;
    }
    if (contents != 1) {
        setError(error, tr("say needs exactly one of --text, --image, --button, --button-reply, "
                           "--list-reply or --location."));
        return std::nullopt;
    }
    if (parser.isSet(TextOption)) {
        request.insert(QStringLiteral("text"), parser.value(TextOption));
    } else if (parser.isSet(ImageOption)) {
        QFile file(parser.value(ImageOption));
        if (!file.open(QIODevice::ReadOnly)) {
            setError(error, tr("cannot read the image %1: %2.")
                                .arg(parser.value(ImageOption), file.errorString()));
            return std::nullopt;
        }
        // WhatsApp takes JPEG and PNG images of up to 5 MB; let the simulator say the rest.
        const QByteArray bytes = file.read(6 * 1024 * 1024);
        QString mime = MediaStore::sniff(bytes);
        if (mime != u"image/jpeg" && mime != u"image/png") {
            setError(error, tr("%1 is not a JPEG or PNG image.").arg(parser.value(ImageOption)));
            return std::nullopt;
        }
        QJsonObject image{{QStringLiteral("data"), QString::fromLatin1(bytes.toBase64())},
                          {QStringLiteral("mime_type"), mime}};
        if (parser.isSet(CaptionOption))
            image.insert(QStringLiteral("caption"), parser.value(CaptionOption));
        request.insert(QStringLiteral("image"), image);
    } else if (parser.isSet(ButtonOption)) {
        request.insert(QStringLiteral("button"),
                       QJsonObject{{QStringLiteral("payload"), parser.value(ButtonOption)}});
    } else if (parser.isSet(ButtonReplyOption)) {
        request.insert(QStringLiteral("button_reply"),
                       QJsonObject{{QStringLiteral("id"), parser.value(ButtonReplyOption)}});
    } else if (parser.isSet(ListReplyOption)) {
        request.insert(QStringLiteral("list_reply"),
                       QJsonObject{{QStringLiteral("id"), parser.value(ListReplyOption)}});
    } else {
        const QStringList parts = parser.value(LocationOption).split(u',');
        bool latOk = false;
        bool lonOk = false;
        const double lat = parts.value(0).trimmed().toDouble(&latOk);
        const double lon = parts.value(1).trimmed().toDouble(&lonOk);
        if (parts.size() != 2 || !latOk || !lonOk || lat < -90 || lat > 90 || lon < -180 ||
            lon > 180) {
            setError(error, tr("--location \"%1\" is not LATITUDE,LONGITUDE, e.g. "
                               "41.8781,-87.6298.")
                                .arg(parser.value(LocationOption)));
            return std::nullopt;
        }
        request.insert(QStringLiteral("location"), QJsonObject{{QStringLiteral("latitude"), lat},
                                                               {QStringLiteral("longitude"), lon}});
    }
    return request;
}

int SimCli::say(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommon(parser, QStringLiteral("say"),
              tr("Sends a patient's WhatsApp message through a running simulator; the hub gets "
                 "it as a signed webhook. Prints the message's wamid."));
    parser.addOption({FromOption, tr("The patient's phone number."), tr("phone")});
    parser.addOption({NameOption, tr("The patient's WhatsApp profile name."), tr("name")});
    parser.addOption({TextOption, tr("A text message."), tr("text")});
    parser.addOption({ImageOption, tr("A photo (JPEG or PNG file)."), tr("file")});
    parser.addOption({CaptionOption, tr("The photo's caption."), tr("text")});
    parser.addOption({ButtonOption,
                      tr("A tap on a template's quick reply, by payload or button text (e.g. "
                         "CHANGE)."),
                      tr("payload")});
    parser.addOption({ButtonReplyOption, tr("A tap on a reply button, by id or title."), tr("id")});
    parser.addOption(
        {ListReplyOption, tr("A choice from a list message, by row id or title."), tr("id")});
    parser.addOption({LocationOption, tr("A shared location."), tr("lat,lon")});
    parser.addOption(
        {ContextOption, tr("The wamid of a message this one replies to."), tr("wamid")});
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        printLine(stdout, parser.helpText());
        return 0;
    }
    QString error;
    const std::optional<QUrl> sim = simUrl(parser, &error);
    if (!sim)
        return usage(error);
    const std::optional<QJsonObject> request = sayRequest(parser, &error);
    if (!request)
        return usage(error);

    QNetworkAccessManager network;
    QUrl url = *sim;
    url.setPath(QStringLiteral("/_sim/inbound"));
    const Reply reply = call(network, QByteArrayLiteral("POST"), url, *request);
    if (!reply.reached || reply.status != 200)
        return failure(*sim, reply);
    printLine(stdout, reply.body.value(u"wamid").toString());
    return 0;
}

int SimCli::play(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommon(parser, QStringLiteral("play"),
              tr("Plays a scripted patient (persona) on a running simulator."));
    parser.addPositionalArgument(QStringLiteral("persona"),
                                 tr("The persona, e.g. chest_pain_night."));
    parser.addOption({PhoneOption, tr("Play the persona with another phone number."), tr("phone")});
    parser.addOption({NameOption, tr("Play the persona with another profile name."), tr("name")});
    parser.addOption({WaitOption, tr("Wait until the persona has finished or failed.")});
    parser.addOption({TimeoutOption,
                      tr("With --wait: give up after this many seconds (default "
                         "600)."),
                      tr("seconds")});
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        printLine(stdout, parser.helpText());
        return 0;
    }
    QString error;
    const std::optional<QUrl> sim = simUrl(parser, &error);
    if (!sim)
        return usage(error);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return usage(tr("play needs the persona's name, e.g. wardline-sim play --sim URL "
                        "chest_pain_night."));
    const QString persona = positional.at(1);
    QJsonObject body;
    if (parser.isSet(PhoneOption))
        body.insert(QStringLiteral("phone"), parser.value(PhoneOption));
    if (parser.isSet(NameOption))
        body.insert(QStringLiteral("name"), parser.value(NameOption));

    QNetworkAccessManager network;
    QUrl url = *sim;
    url.setPath(QStringLiteral("/_sim/personas/%1/play").arg(persona));
    const Reply started = call(network, QByteArrayLiteral("POST"), url, body);
    if (!started.reached || started.status != 200)
        return failure(*sim, started);
    const int run = started.body.value(u"id").toInt();
    printLine(stdout, tr("playing %1 as %2 (run %3)")
                          .arg(persona, started.body.value(u"wa_id").toString())
                          .arg(run));
    if (!parser.isSet(WaitOption))
        return 0;

    const qint64 timeoutMs = qint64(parser.value(TimeoutOption).toDouble() * 1000.0);
    QElapsedTimer waited;
    waited.start();
    QUrl runUrl = *sim;
    runUrl.setPath(QStringLiteral("/_sim/runs/%1").arg(run));
    while (true) {
        // Real time on purpose: this is a person's terminal waiting for a drill to end.
        QEventLoop pause;
        QTimer::singleShot(PollIntervalMs, &pause, &QEventLoop::quit);
        pause.exec();
        const Reply state = call(network, QByteArrayLiteral("GET"), runUrl, {});
        if (!state.reached || state.status != 200)
            return failure(*sim, state);
        const QString value = state.body.value(u"state").toString();
        if (value == u"finished") {
            printLine(stdout, tr("%1 finished").arg(persona));
            return 0;
        }
        if (value == u"failed") {
            printLine(stderr, tr("wardline-sim: %1 failed: %2")
                                  .arg(persona, state.body.value(u"failure").toString()));
            return 1;
        }
        if (waited.elapsed() > (timeoutMs > 0 ? timeoutMs : 600000)) {
            printLine(stderr,
                      tr("wardline-sim: %1 is still %2 after the timeout.").arg(persona, value));
            return 1;
        }
    }
}

SimCli::Reply SimCli::call(QNetworkAccessManager &network, const QByteArray &verb, const QUrl &url,
                           const QJsonObject &body)
{
    network.setProxy(QNetworkProxy::NoProxy); // the simulator is local
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(RequestTimeoutMs);
    QNetworkReply *reply =
        verb == "GET" ? network.get(request)
                      : network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.reached = result.status != 0;
    result.body = QJsonDocument::fromJson(reply->readAll()).object();
    result.error = result.reached
                       ? result.body.value(u"error").toObject().value(u"message").toString()
                       : reply->errorString();
    reply->deleteLater();
    return result;
}

int SimCli::failure(const QUrl &sim, const Reply &reply)
{
    if (!reply.reached) {
        printLine(stderr, tr("wardline-sim: cannot reach the simulator at %1 (%2). Is it "
                             "running? Start it with wardline-sim --listen …, or check --sim.")
                              .arg(sim.toString(), reply.error));
    } else {
        printLine(stderr, tr("wardline-sim: the simulator refused (HTTP %1): %2")
                              .arg(reply.status)
                              .arg(reply.error.isEmpty() ? tr("no reason given") : reply.error));
    }
    return 1;
}

} // namespace Wardline::Sim
