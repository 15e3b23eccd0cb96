#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Wardline::Sim {

/// A scripted patient for drills: who they are and what they do, step by step.
///
/// File format (JSON): {"name", "title", "description", "patient": {"name", "phone",
/// "language"}, "steps": [...]}. A step does one thing — "say" (text), "image" (a file next to
/// the persona, with "caption"), "document", "button" (tap a quick reply of the last template
/// offering it, by payload or title), "button_reply" / "list_reply" (tap a reply button or list
/// row by id or title), "location" ([latitude, longitude], "name", "address"), "expect" (wait
/// for a reply whose text matches a regular expression), "expect_template" (wait for a template
/// by name) or "pause" (seconds) — after "after" seconds (default 0). Waits end after "timeout"
/// seconds (default 300); an "optional" wait that times out lets the run go on.
struct Persona
{
    Q_DECLARE_TR_FUNCTIONS(Wardline::Sim::Persona)

public:
    struct Step
    {
        QString action; ///< say, image, document, button, button_reply, list_reply, location,
                        ///< expect, expect_template, pause
        QString text;   ///< the text, file, payload, id, pattern or template name
        QString caption;
        QString name;    ///< location name
        QString address; ///< location address
        double latitude = 0;
        double longitude = 0;
        double afterSeconds = 0;
        double timeoutSeconds = 300;
        bool optional = false;
        QString note; ///< for the trainer
    };

    QString name; ///< the id used in /_sim/personas/{name}/play
    QString title;
    QString description;
    QString patientName;
    QString phone;
    QString language;
    QString baseDir; ///< where files named by steps live (a directory or ":/personas")
    QList<Step> steps;

    /// Reads a persona file; nothing, and what is wrong in \a error, when it is not valid.
    [[nodiscard]] static std::optional<Persona> fromJson(const QByteArray &json,
                                                         const QString &baseDir, QString *error);
    /// Name, title, patient and steps for GET /_sim/personas.
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace Wardline::Sim
