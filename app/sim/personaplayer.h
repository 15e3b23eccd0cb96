#pragma once

#include "sim/personalibrary.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>

#include <optional>

namespace Wardline::Sim {

class SimServices;
struct SentMessage;

/// Plays personas: each run sends the persona's messages through the InboundInjector at the
/// scripted times of the simulator's clock and waits for the hub's replies where the script
/// says so. Several runs, even of the same persona, may play at once.
class PersonaPlayer : public QObject
{
    Q_OBJECT

public:
    explicit PersonaPlayer(SimServices &services, QObject *parent = nullptr);

    [[nodiscard]] const PersonaLibrary &library() const { return m_library; }
    /// Problems met while loading persona files.
    [[nodiscard]] const QStringList &loadProblems() const { return m_problems; }

    /// Starts \a name; \a overrides may replace "phone" and "name" of the patient. The run id,
    /// or nothing and why in \a error.
    [[nodiscard]] std::optional<int> play(const QString &name, const QJsonObject &overrides,
                                          QString *error);

    [[nodiscard]] QJsonArray personasJson() const;
    [[nodiscard]] QJsonArray runsJson() const;
    /// One run, or an empty object for an unknown id.
    [[nodiscard]] QJsonObject runJson(int id) const;

Q_SIGNALS:
    /// A run ended: \a state is "finished" or "failed".
    void runEnded(int runId, const QString &state);

private:
    struct Run
    {
        int id = 0;
        Persona persona;
        QString phone;
        QString name;
        QString waId;
        qsizetype step = 0;
        QString state{QStringLiteral("running")}; ///< running, waiting, finished, failed
        QString failure;
        QDateTime started;
        QDateTime ended;
        qsizetype seenSent = 0; ///< messages of the log already looked at by waits
        QString lastMatched;    ///< wamid of the last reply or template a wait matched
        QStringList sent;       ///< wamids of the patient's messages
        quint64 timeoutTask = 0;
    };

    void scheduleStep(int runId);
    void perform(int runId);
    void startWait(Run &waiting);
    [[nodiscard]] bool tryMatch(Run &run);
    void onMessageSent();
    void finishStep(Run &run);
    void fail(Run &run, const QString &why);
    [[nodiscard]] Run *run(int id);
    [[nodiscard]] static QJsonObject toJson(const Run &run);

    SimServices &m_services;
    PersonaLibrary m_library;
    QStringList m_problems;
    QList<Run> m_runs;
    int m_nextId = 1;
};

} // namespace Wardline::Sim
