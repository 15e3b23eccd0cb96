#pragma once

#include "core/clock.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <map>
#include <utility>

namespace Wardline::Sim {

/// Runs the simulator's delayed work (status webhooks, template reviews, webhook retries,
/// persona steps) at times of the injected Clock, never of the wall clock directly.
///
/// On the system clock a QTimer waits for the next due task. On a ManualClock nothing becomes
/// due until advance() moves the clock; work that is due already (a delay of 0) runs at the
/// next turn of the event loop, never inside the call that scheduled it. Tests therefore never
/// sleep: they either configure delays of 0 or advance a manual clock.
class SimScheduler : public QObject
{
    Q_OBJECT

public:
    using TaskId = quint64;

    /// \a manual is the same object as \a clock when the simulator runs on a manual clock.
    SimScheduler(const Core::Clock &clock, Core::ManualClock *manual, QObject *parent = nullptr);

    [[nodiscard]] QDateTime now() const { return m_clock.now(); }
    [[nodiscard]] bool isManual() const { return m_manual != nullptr; }

    /// Runs \a task \a delayMs from now (0 or less: as soon as possible), unless \a context has
    /// been destroyed by then.
    TaskId schedule(qint64 delayMs, QObject *context, std::function<void()> task);
    /// Runs \a task at \a due.
    TaskId scheduleAt(const QDateTime &due, QObject *context, std::function<void()> task);
    void cancel(TaskId id);

    /// Moves a manual clock forward by \a milliseconds, stopping at each due task on the way so
    /// the task sees its own time. False (and nothing moves) on the system clock.
    [[nodiscard]] bool advance(qint64 milliseconds);

    [[nodiscard]] qsizetype pendingCount() const { return qsizetype(m_tasks.size()); }

private:
    struct Task
    {
        QPointer<QObject> context;
        std::function<void()> run;
    };
    // Ordered by due time (ms since epoch), then by the order of scheduling.
    using Key = std::pair<qint64, TaskId>;

    void runDue();
    void arm();

    const Core::Clock &m_clock;
    Core::ManualClock *m_manual;
    std::map<Key, Task> m_tasks;
    TaskId m_nextId = 1;
    QTimer m_timer;
};

} // namespace Wardline::Sim
