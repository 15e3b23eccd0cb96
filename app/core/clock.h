#pragma once

#include <QDateTime>

namespace Wardline::Core {

/// Where every piece of Wardline asks for the time, so tests and drills can move it.
class Clock
{
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime now() const = 0;

    /// The process-wide wall clock.
    static const Clock &system();
};

/// A clock that only moves when told to (tests, training drills).
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start);
    [[nodiscard]] QDateTime now() const override { return m_now; }
    void set(QDateTime now) { m_now = std::move(now); }
    void advance(qint64 milliseconds) { m_now = m_now.addMSecs(milliseconds); }

private:
    QDateTime m_now;
};

} // namespace Wardline::Core
