#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QObject>
#include <QSqlDatabase>

#include <functional>

class QTimer;

namespace Wardline::Core {
class Clock;
struct PlannedSend;
} // namespace Wardline::Core

namespace Wardline::Hub {

struct PatientContact;
struct SiteSettings;

/// The hub's clock-driven work, evaluated from the record each time so that a restart or a
/// night of downtime changes nothing: appointment reminders, confirmation requests and
/// follow-ups, medication reminders, post-surgical pathway steps with their reminders and
/// nurse tasks, and the queues' service-level timers. Every automated send is decided once
/// under its deterministic key (scheduled_sends, the outbox): sent, or skipped with the reason
/// (opted out, too late to be useful, template not approved).
class Scheduler : public QObject
{
    Q_OBJECT
public:
    Scheduler(QSqlDatabase db, const Core::Clock &clock, QString phoneNumberId,
              QObject *parent = nullptr);

    /// Runs now, then every \a intervalMs.
    void start(int intervalMs);
    /// One pass over everything due at the clock's now; returns the sends decided.
    [[nodiscard]] Core::Result<int> runDue();

private:
    struct Pass;
    struct TemplateCall;
    using Builder = std::function<TemplateCall(const PatientContact &)>;
    [[nodiscard]] Core::Status appointments(Pass &pass);
    [[nodiscard]] Core::Status medications(Pass &pass);
    [[nodiscard]] Core::Status pathways(Pass &pass);
    [[nodiscard]] Core::Status unansweredSteps(Pass &pass);
    [[nodiscard]] Core::Status serviceLevels(Pass &pass);
    [[nodiscard]] Core::Status emergencyTemplates(Pass &pass);
    /// Sends \a planned (built by \a build for the patient) or records why not; a send whose
    /// usefulness ended before the record it comes from existed (\a recordedAt) is ignored.
    [[nodiscard]] Core::Status decide(Pass &pass, const Core::PlannedSend &planned,
                                      qint64 patientId, const Builder &build,
                                      const QDateTime &recordedAt = {});

    QSqlDatabase m_db;
    const Core::Clock &m_clock;
    QString m_phoneNumberId;
    QTimer *m_timer;
};

} // namespace Wardline::Hub
