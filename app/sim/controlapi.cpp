#include "sim/controlapi.h"

#include "sim/contactbook.h"
#include "sim/faultinjector.h"
#include "sim/inboundinjector.h"
#include "sim/logging.h"
#include "sim/messagelog.h"
#include "sim/personaplayer.h"
#include "sim/simscheduler.h"
#include "sim/simservices.h"
#include "sim/templatestore.h"
#include "sim/webhooksender.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrlQuery>

namespace Wardline::Sim {

namespace {
using Method = QHttpServerRequest::Method;

[[nodiscard]] HttpReply notFound(const QString &path)
{
    return HttpReply::controlError(404,
                                   ControlApi::tr("no control endpoint %1; see wardline-sim --help "
                                                  "or the README.")
                                       .arg(path));
}
} // namespace

ControlApi::ControlApi(SimServices &services)
    : m_services(services)
{
}

HttpReply ControlApi::handle(const QHttpServerRequest &request)
{
    // Only for the trainer's own machine: a patient's phone cannot be faked from the LAN.
    if (!request.remoteAddress().isLoopback()) {
        return HttpReply::controlError(403, tr("the control API only answers requests from this "
                                               "machine."));
    }
    const QString path = request.url().path();
    const QStringList parts = path.sliced(Prefix.size()).split(u'/', Qt::SkipEmptyParts);
    const QUrlQuery query = request.query();
    QJsonObject body;
    if (request.method() == Method::Post && !request.body().trimmed().isEmpty()) {
        const QJsonDocument document = QJsonDocument::fromJson(request.body());
        if (!document.isObject())
            return HttpReply::controlError(400, tr("the request body must be a JSON object."));
        body = document.object();
    }
    const Method method = request.method();
    const QString first = parts.value(0);

    if (parts.size() == 1 && first == u"inbound") {
        if (method == Method::Post)
            return inbound(body);
        if (method == Method::Get)
            return received(query.queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded));
    }
    if (parts.size() == 1 && first == u"sent" && method == Method::Get)
        return sent(query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded));
    if (parts.size() == 1 && first == u"webhooks" && method == Method::Get) {
        return HttpReply::control(
            {{QStringLiteral("data"), m_services.webhooks().log()},
             {QStringLiteral("outstanding"), qint64(m_services.webhooks().outstanding())}});
    }
    if (parts.size() == 1 && first == u"clock" && method == Method::Get)
        return clock();
    if (parts.size() == 1 && first == u"advance" && method == Method::Post)
        return advance(body);
    if (parts.size() == 1 && first == u"faults" && method == Method::Post)
        return faults(body);
    if (parts.size() == 1 && first == u"personas" && method == Method::Get) {
        PersonaPlayer &personas = m_services.personas();
        return HttpReply::control(
            {{QStringLiteral("data"), personas.personasJson()},
             {QStringLiteral("runs"), personas.runsJson()},
             {QStringLiteral("problems"), QJsonArray::fromStringList(personas.loadProblems())}});
    }
    if (parts.size() == 3 && first == u"personas" && parts.at(2) == u"play" &&
        method == Method::Post) {
        return play(parts.at(1), body);
    }
    if (parts.size() == 2 && first == u"runs" && method == Method::Get) {
        const QJsonObject run = m_services.personas().runJson(parts.at(1).toInt());
        if (run.isEmpty())
            return HttpReply::controlError(404, tr("there is no persona run %1.").arg(parts.at(1)));
        return HttpReply::control(run);
    }
    if (parts.size() == 3 && first == u"templates" && parts.at(2) == u"status" &&
        method == Method::Post) {
        return templateStatus(parts.at(1), body);
    }
    return notFound(path);
}

HttpReply ControlApi::inbound(const QJsonObject &body)
{
    const InboundResult result = m_services.inbound().inject(body);
    if (!result.ok)
        return HttpReply::controlError(400, result.error);
    QJsonObject reply{{QStringLiteral("wamid"), result.wamid},
                      {QStringLiteral("wa_id"), result.waId}};
    if (!result.mediaId.isEmpty())
        reply.insert(QStringLiteral("media_id"), result.mediaId);
    return HttpReply::control(reply);
}

HttpReply ControlApi::received(const QString &from)
{
    const QString waId = from.isEmpty() ? QString() : m_services.contacts().resolve(from);
    QJsonArray data;
    for (const ReceivedMessage &message : m_services.log().allReceived()) {
        if (from.isEmpty() || message.waId == waId)
            data.append(MessageLog::toJson(message));
    }
    return HttpReply::control({{QStringLiteral("data"), data}});
}

HttpReply ControlApi::sent(const QString &to)
{
    const QString waId = to.isEmpty() ? QString() : m_services.contacts().resolve(to);
    QJsonArray data;
    for (const SentMessage &message : m_services.log().allSent()) {
        if (to.isEmpty() || message.waId == waId || message.to == to)
            data.append(MessageLog::toJson(message));
    }
    return HttpReply::control({{QStringLiteral("data"), data}});
}

HttpReply ControlApi::clock()
{
    return HttpReply::control(
        {{QStringLiteral("now"), m_services.scheduler().now().toUTC().toString(Qt::ISODateWithMs)},
         {QStringLiteral("manual"), m_services.scheduler().isManual()},
         {QStringLiteral("pending_tasks"), qint64(m_services.scheduler().pendingCount())}});
}

HttpReply ControlApi::advance(const QJsonObject &body)
{
    const QJsonValue seconds = body.value(u"seconds");
    if (!seconds.isDouble() || seconds.toDouble() < 0 || seconds.toDouble() > 366.0 * 86400) {
        return HttpReply::controlError(400, tr("\"seconds\" must be a number from 0 to a year, "
                                               "e.g. {\"seconds\": 3600}."));
    }
    if (!m_services.scheduler().advance(qint64(seconds.toDouble() * 1000.0))) {
        return HttpReply::controlError(409, tr("the simulator runs on the system clock; start it "
                                               "with --clock manual to move time."));
    }
    return clock();
}

HttpReply ControlApi::play(const QString &name, const QJsonObject &body)
{
    QString error;
    const std::optional<int> run = m_services.personas().play(name, body, &error);
    if (!run)
        return HttpReply::controlError(404, error);
    return HttpReply::control(m_services.personas().runJson(*run));
}

HttpReply ControlApi::templateStatus(const QString &name, const QJsonObject &body)
{
    static const QSet<QString> Statuses{QStringLiteral("APPROVED"),  QStringLiteral("REJECTED"),
                                        QStringLiteral("PAUSED"),    QStringLiteral("DISABLED"),
                                        QStringLiteral("PENDING"),   QStringLiteral("FLAGGED"),
                                        QStringLiteral("REINSTATED")};
    const QString status = body.value(u"status").toString().toUpper();
    if (!Statuses.contains(status)) {
        return HttpReply::controlError(400, tr("\"status\" must be one of APPROVED, REJECTED, "
                                               "PAUSED, DISABLED, PENDING, FLAGGED, REINSTATED."));
    }
    const QString language = body.value(u"language").toString();
    QJsonArray changed;
    for (const MessageTemplate &t : m_services.templates().all()) {
        if (t.name == name && (language.isEmpty() || t.language == language))
            changed.append(t.id);
    }
    if (changed.isEmpty())
        return HttpReply::controlError(404, tr("there is no template \"%1\".").arg(name));
    // FLAGGED and REINSTATED are events, not states: a flagged template stays approved.
    const QString reason = body.value(u"reason").toString();
    for (const QJsonValue &id : changed) {
        if (status == u"FLAGGED" || status == u"REINSTATED")
            m_services.templates().announce(id.toString(), status, reason);
        else
            std::ignore = m_services.templates().setStatus(id.toString(), status, reason);
    }
    return HttpReply::control({{QStringLiteral("updated"), changed}});
}

HttpReply ControlApi::faults(const QJsonObject &body)
{
    FaultSettings settings = m_services.faults().settings();
    const struct
    {
        QStringView key;
        double *target;
    } fields[] = {
        {u"api_5xx", &settings.apiServerError},
        {u"api_timeout", &settings.apiTimeout},
        {u"webhook_drop", &settings.webhookDrop},
        {u"webhook_duplicate", &settings.webhookDuplicate},
        {u"webhook_reorder", &settings.webhookReorder},
    };
    for (const auto &field : fields) {
        const QJsonValue value = body.value(field.key);
        if (value.isUndefined())
            continue;
        if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 1) {
            return HttpReply::controlError(
                400, tr("\"%1\" must be a probability from 0 to 1.").arg(field.key));
        }
        *field.target = value.toDouble();
    }
    if (body.value(u"seed").isDouble())
        settings.seed = quint32(body.value(u"seed").toInteger());
    m_services.faults().configure(settings);
    qCInfo(lcSim) << "fault injection reconfigured";
    return HttpReply::control({
        {QStringLiteral("api_5xx"), settings.apiServerError},
        {QStringLiteral("api_timeout"), settings.apiTimeout},
        {QStringLiteral("webhook_drop"), settings.webhookDrop},
        {QStringLiteral("webhook_duplicate"), settings.webhookDuplicate},
        {QStringLiteral("webhook_reorder"), settings.webhookReorder},
    });
}

} // namespace Wardline::Sim
