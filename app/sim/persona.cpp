#include "sim/persona.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

namespace Wardline::Sim {

namespace {
const QStringList Actions{
    QStringLiteral("say"),      QStringLiteral("image"),        QStringLiteral("document"),
    QStringLiteral("button"),   QStringLiteral("button_reply"), QStringLiteral("list_reply"),
    QStringLiteral("location"), QStringLiteral("expect"),       QStringLiteral("expect_template"),
    QStringLiteral("pause")};

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}
} // namespace

std::optional<Persona> Persona::fromJson(const QByteArray &json, const QString &baseDir,
                                         QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        setError(error, tr("not a JSON object (%1 at offset %2)")
                            .arg(parseError.errorString())
                            .arg(parseError.offset));
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    Persona persona;
    persona.name = root.value(u"name").toString();
    static const QRegularExpression namePattern(QStringLiteral("^[a-z0-9_]+$"));
    if (!namePattern.match(persona.name).hasMatch()) {
        setError(error, tr("\"name\" must be lower-case letters, digits and underscores"));
        return std::nullopt;
    }
    persona.title = root.value(u"title").toString(persona.name);
    persona.description = root.value(u"description").toString();
    const QJsonObject patient = root.value(u"patient").toObject();
    persona.patientName = patient.value(u"name").toString();
    persona.phone = patient.value(u"phone").toString();
    persona.language = patient.value(u"language").toString(QStringLiteral("en"));
    persona.baseDir = baseDir;
    if (persona.patientName.isEmpty() || persona.phone.isEmpty()) {
        setError(error, tr("\"patient\" needs a \"name\" and a \"phone\""));
        return std::nullopt;
    }

    const QJsonArray steps = root.value(u"steps").toArray();
    if (steps.isEmpty()) {
        setError(error, tr("\"steps\" must be a non-empty array"));
        return std::nullopt;
    }
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QJsonObject object = steps.at(i).toObject();
        Step step;
        for (const QString &action : Actions) {
            if (!object.contains(action))
                continue;
            if (!step.action.isEmpty()) {
                setError(error, tr("step %1 has more than one action (%2 and %3)")
                                    .arg(i + 1)
                                    .arg(step.action, action));
                return std::nullopt;
            }
            step.action = action;
        }
        if (step.action.isEmpty()) {
            setError(
                error,
                tr("step %1 has no action; use one of %2").arg(i + 1).arg(Actions.join(u", ")));
            return std::nullopt;
        }
        const QJsonValue value = object.value(step.action);
        if (step.action == u"location") {
            const QJsonArray point = value.toArray();
            if (point.size() != 2 || !point.at(0).isDouble() || !point.at(1).isDouble()) {
                setError(error,
                         tr("step %1: \"location\" must be [latitude, longitude]").arg(i + 1));
                return std::nullopt;
            }
            step.latitude = point.at(0).toDouble();
            step.longitude = point.at(1).toDouble();
        } else if (step.action == u"pause") {
            step.afterSeconds = value.toDouble(-1);
            if (step.afterSeconds < 0) {
                setError(error, tr("step %1: \"pause\" must be a number of seconds").arg(i + 1));
                return std::nullopt;
            }
        } else {
            step.text = value.toString();
            if (step.text.isEmpty()) {
                setError(
                    error,
                    tr("step %1: \"%2\" must be a non-empty string").arg(i + 1).arg(step.action));
                return std::nullopt;
            }
        }
        if (step.action == u"expect" && !QRegularExpression(step.text).isValid()) {
            setError(error, tr("step %1: \"expect\" is not a valid regular expression").arg(i + 1));
            return std::nullopt;
        }
        step.caption = object.value(u"caption").toString();
        step.name = object.value(u"name").toString();
        step.address = object.value(u"address").toString();
        if (step.action != u"pause")
            step.afterSeconds = object.value(u"after").toDouble(0);
        step.timeoutSeconds = object.value(u"timeout").toDouble(300);
        step.optional = object.value(u"optional").toBool(false);
        step.note = object.value(u"note").toString();
        if (step.afterSeconds < 0 || step.timeoutSeconds <= 0) {
            setError(error, tr("step %1: \"after\" and \"timeout\" must be positive").arg(i + 1));
            return std::nullopt;
        }
        persona.steps.append(step);
    }
    return persona;
}

QJsonObject Persona::toJson() const
{
    QJsonArray stepList;
    for (const Step &step : steps) {
        QJsonObject s{{QStringLiteral("action"), step.action}};
        if (!step.text.isEmpty())
            s.insert(QStringLiteral("value"), step.text);
        if (step.afterSeconds > 0)
            s.insert(step.action == u"pause" ? QStringLiteral("seconds") : QStringLiteral("after"),
                     step.afterSeconds);
        if (step.action.startsWith(u"expect"))
            s.insert(QStringLiteral("timeout"), step.timeoutSeconds);
        if (!step.note.isEmpty())
            s.insert(QStringLiteral("note"), step.note);
        stepList.append(s);
    }
    return {
        {QStringLiteral("name"), name},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
        {QStringLiteral("patient"), QJsonObject{{QStringLiteral("name"), patientName},
                                                {QStringLiteral("phone"), phone},
                                                {QStringLiteral("language"), language}}},
        {QStringLiteral("steps"), stepList},
    };
}

} // namespace Wardline::Sim
