#include "sim/personaplayer.h"

#include "sim/contactbook.h"
#include "sim/inboundinjector.h"
#include "sim/logging.h"
#include "sim/mediastore.h"
#include "sim/messagelog.h"
#include "sim/simscheduler.h"
#include "sim/simservices.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace Wardline::Sim {

namespace {
[[nodiscard]] QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

[[nodiscard]] qint64 toMs(double seconds)
{
    return qint64(seconds * 1000.0);
}
} // namespace

PersonaPlayer::PersonaPlayer(SimServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    m_library.load(services.config().personasDir, &m_problems);
    for (const QString &problem : std::as_const(m_problems))
        qCWarning(lcSim).noquote() << "persona skipped:" << problem;
    connect(&services.log(), &MessageLog::messageSent, this, &PersonaPlayer::onMessageSent);
}

std::optional<int> PersonaPlayer::play(const QString &name, const QJsonObject &overrides,
                                       QString *error)
{
    const Persona *persona = m_library.find(name);
    if (!persona) {
        *error = tr("there is no persona \"%1\"; GET /_sim/personas lists them.").arg(name);
        return std::nullopt;
    }
    Run run;
    run.id = m_nextId++;
    run.persona = *persona;
    run.phone = overrides.value(u"phone").toString(persona->phone);
    run.name = overrides.value(u"name").toString(persona->patientName);
    run.waId = m_services.contacts().resolve(run.phone);
    if (run.waId.isEmpty()) {
        *error = tr("\"%1\" is not a phone number.").arg(run.phone);
        return std::nullopt;
    }
    run.started = m_services.scheduler().now();
    // Replies sent before the run started do not count.
    run.seenSent = m_services.log().allSent().size();
    m_runs.append(run);
    qCInfo(lcSim).noquote() << "persona" << name << "started as run" << run.id;
    scheduleStep(run.id);
    return run.id;
}

void PersonaPlayer::scheduleStep(int runId)
{
    Run *r = run(runId);
    if (!r)
        return;
    if (r->step >= r->persona.steps.size()) {
        r->state = QStringLiteral("finished");
        r->ended = m_services.scheduler().now();
        qCInfo(lcSim) << "persona run" << runId << "finished";
        Q_EMIT runEnded(runId, r->state);
        return;
    }
    const Persona::Step &step = r->persona.steps.at(r->step);
    m_services.scheduler().schedule(toMs(step.afterSeconds), this,
                                    [this, runId] { perform(runId); });
}

void PersonaPlayer::perform(int runId)
{
    Run *r = run(runId);
    if (!r || r->state != u"running")
        return;
    const Persona::Step &step = r->persona.steps.at(r->step);
    if (step.action == u"pause") {
        finishStep(*r);
        return;
    }
    if (step.action == u"expect" || step.action == u"expect_template") {
        startWait(*r);
        return;
    }

    QJsonObject request{{QStringLiteral("from"), r->phone}, {QStringLiteral("name"), r->name}};
    if (step.action == u"say") {
        request.insert(QStringLiteral("text"), step.text);
    } else if (step.action == u"image" || step.action == u"document") {
        QFile file(QDir(r->persona.baseDir).filePath(step.text));
        if (!file.open(QIODevice::ReadOnly)) {
            fail(*r, tr("step %1: cannot read %2: %3")
                         .arg(r->step + 1)
                         .arg(step.text, file.errorString()));
            return;
        }
        const QByteArray bytes = file.readAll();
        QJsonObject media{{QStringLiteral("data"), QString::fromLatin1(bytes.toBase64())},
                          {QStringLiteral("mime_type"), MediaStore::sniff(bytes)}};
        if (!step.caption.isEmpty())
            media.insert(QStringLiteral("caption"), step.caption);
        if (step.action == u"document")
            media.insert(QStringLiteral("filename"), QFileInfo(step.text).fileName());
        request.insert(step.action, media);
    } else if (step.action == u"button") {
        request.insert(QStringLiteral("button"),
                       QJsonObject{{QStringLiteral("payload"), step.text}});
    } else if (step.action == u"button_reply" || step.action == u"list_reply") {
        request.insert(step.action, QJsonObject{{QStringLiteral("id"), step.text}});
    } else if (step.action == u"location") {
        QJsonObject location{{QStringLiteral("latitude"), step.latitude},
                             {QStringLiteral("longitude"), step.longitude}};
        if (!step.name.isEmpty())
            location.insert(QStringLiteral("name"), step.name);
        if (!step.address.isEmpty())
            location.insert(QStringLiteral("address"), step.address);
        request.insert(QStringLiteral("location"), location);
    }
    const InboundResult result = m_services.inbound().inject(request);
    if (!result.ok) {
        fail(*r, tr("step %1: %2").arg(r->step + 1).arg(result.error));
        return;
    }
    r = run(runId); // injecting may have grown m_runs' storage through signals
    if (!r)
        return;
    r->sent.append(result.wamid);
    finishStep(*r);
}

void PersonaPlayer::startWait(Run &waiting)
{
    if (tryMatch(waiting))
        return;
    waiting.state = QStringLiteral("waiting");
    const Persona::Step &step = waiting.persona.steps.at(waiting.step);
    const int runId = waiting.id;
    waiting.timeoutTask =
        m_services.scheduler().schedule(toMs(step.timeoutSeconds), this, [this, runId] {
            Run *r = run(runId);
            if (!r || r->state != u"waiting")
                return;
            const Persona::Step &s = r->persona.steps.at(r->step);
            if (s.optional) {
                r->state = QStringLiteral("running");
                finishStep(*r);
                return;
            }
            fail(*r, s.action == u"expect" ? tr("step %1: no reply matching \"%2\" within %3 s")
                                                 .arg(r->step + 1)
                                                 .arg(s.text)
                                                 .arg(s.timeoutSeconds)
                                           : tr("step %1: no template \"%2\" within %3 s")
                                                 .arg(r->step + 1)
                                                 .arg(s.text)
                                                 .arg(s.timeoutSeconds));
        });
}

bool PersonaPlayer::tryMatch(Run &run)
{
    const Persona::Step &step = run.persona.steps.at(run.step);
    const QList<SentMessage> &sent = m_services.log().allSent();
    const QRegularExpression pattern(step.action == u"expect" ? step.text : QString());
    for (qsizetype i = run.seenSent; i < sent.size(); ++i) {
        const SentMessage &message = sent.at(i);
        if (message.waId != run.waId)
            continue;
        const bool matches = step.action == u"expect" ? pattern.match(message.text).hasMatch()
                                                      : message.templateName == step.text;
        if (!matches)
            continue;
        run.seenSent = i + 1;
        run.lastMatched = message.wamid;
        if (run.timeoutTask != 0) {
            m_services.scheduler().cancel(run.timeoutTask);
            run.timeoutTask = 0;
        }
        run.state = QStringLiteral("running");
        finishStep(run);
        return true;
    }
    return false;
}

void PersonaPlayer::onMessageSent()
{
    // A reply can complete a wait; look at every waiting run (they are few).
    for (qsizetype i = 0; i < m_runs.size(); ++i) {
        if (m_runs.at(i).state == u"waiting")
            std::ignore = tryMatch(m_runs[i]);
    }
}

void PersonaPlayer::finishStep(Run &run)
{
    ++run.step;
    scheduleStep(run.id);
}

void PersonaPlayer::fail(Run &run, const QString &why)
{
    run.state = QStringLiteral("failed");
    run.failure = why;
    run.ended = m_services.scheduler().now();
    qCInfo(lcSim).noquote() << "persona run" << run.id << "failed:" << why;
    Q_EMIT runEnded(run.id, run.state);
}

PersonaPlayer::Run *PersonaPlayer::run(int id)
{
    for (Run &r : m_runs) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

QJsonArray PersonaPlayer::personasJson() const
{
    QJsonArray list;
    for (const Persona &persona : m_library.all())
        list.append(persona.toJson());
    return list;
}

QJsonObject PersonaPlayer::toJson(const Run &run)
{
    QJsonObject json{
        {QStringLiteral("id"), run.id},
        {QStringLiteral("persona"), run.persona.name},
        {QStringLiteral("wa_id"), run.waId},
        {QStringLiteral("state"), run.state},
        {QStringLiteral("step"), run.step},
        {QStringLiteral("steps"), run.persona.steps.size()},
        {QStringLiteral("started"), isoTime(run.started)},
        {QStringLiteral("sent"), QJsonArray::fromStringList(run.sent)},
    };
    if (run.ended.isValid())
        json.insert(QStringLiteral("ended"), isoTime(run.ended));
    if (!run.failure.isEmpty())
        json.insert(QStringLiteral("failure"), run.failure);
    if (run.step < run.persona.steps.size() && !run.persona.steps.at(run.step).note.isEmpty())
        json.insert(QStringLiteral("note"), run.persona.steps.at(run.step).note);
    return json;
}

QJsonArray PersonaPlayer::runsJson() const
{
    QJsonArray list;
    for (const Run &r : m_runs)
        list.append(toJson(r));
    return list;
}

QJsonObject PersonaPlayer::runJson(int id) const
{
    for (const Run &r : m_runs) {
        if (r.id == id)
            return toJson(r);
    }
    return {};
}

} // namespace Wardline::Sim
