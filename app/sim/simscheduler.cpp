#include "sim/simscheduler.h"

#include <algorithm>

namespace Wardline::Sim {

namespace {
// QTimer takes an int; a day is far enough to look ahead, arm() re-arms after it.
constexpr qint64 MaxTimerMs = 24LL * 3600 * 1000;
} // namespace

SimScheduler::SimScheduler(const Core::Clock &clock, Core::ManualClock *manual, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_manual(manual)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimScheduler::runDue);
}

SimScheduler::TaskId SimScheduler::schedule(qint64 delayMs, QObject *context,
                                            std::function<void()> task)
{
    return scheduleAt(m_clock.now().addMSecs(std::max<qint64>(0, delayMs)), context,
                      std::move(task));
}

SimScheduler::TaskId SimScheduler::scheduleAt(const QDateTime &due, QObject *context,
                                              std::function<void()> task)
{
    const TaskId id = m_nextId++;
    m_tasks.emplace(Key{due.toMSecsSinceEpoch(), id}, Task{context, std::move(task)});
    arm();
    return id;
}

void SimScheduler::cancel(TaskId id)
{
    for (auto it = m_tasks.begin(); it != m_tasks.end(); ++it) {
        if (it->first.second == id) {
            m_tasks.erase(it);
            break;
        }
    }
    arm();
}

bool SimScheduler::advance(qint64 milliseconds)
{
    if (!m_manual || milliseconds < 0)
        return false;
    const qint64 target = m_manual->now().toMSecsSinceEpoch() + milliseconds;
    // Stop at every due time on the way: a status due at +1 s carries +1 s, not the end time.
    while (!m_tasks.empty() && m_tasks.begin()->first.first <= target) {
        const qint64 due = m_tasks.begin()->first.first;
        if (due > m_manual->now().toMSecsSinceEpoch())
            m_manual->set(QDateTime::fromMSecsSinceEpoch(due, Qt::UTC));
        runDue();
    }
    m_manual->set(QDateTime::fromMSecsSinceEpoch(target, Qt::UTC));
    arm();
    return true;
}

void SimScheduler::runDue()
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    // Tasks may schedule more tasks (even due ones) and cancel others: take one at a time.
    while (!m_tasks.empty() && m_tasks.begin()->first.first <= now) {
        Task task = std::move(m_tasks.begin()->second);
        m_tasks.erase(m_tasks.begin());
        if (task.context)
            task.run();
    }
    arm();
}

void SimScheduler::arm()
{
    if (m_tasks.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 wait = m_tasks.begin()->first.first - m_clock.now().toMSecsSinceEpoch();
    if (wait <= 0) {
        m_timer.start(0);
    } else if (!m_manual) {
        m_timer.start(int(std::min(wait, MaxTimerMs)));
    } else {
        m_timer.stop(); // a manual clock only moves on advance()
    }
}

} // namespace Wardline::Sim
