#pragma once

#include <QDateTime>
#include <QObject>

class QTimer;

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Console {

/// Decides when the console locks itself (HIPAA §164.312(a)(2)(iii), automatic logoff): after
/// the policy's idle minutes without user input, on demand, when the screen locks and when the
/// workstation suspends. Idle time is measured on the injected clock's wall time, so minutes
/// spent suspended count even though no timer fired meanwhile (KeePassXC #2014).
class IdleMonitor : public QObject
{
    Q_OBJECT
public:
    enum class Reason { Idle, Manual, ScreenLocked, Suspend };
    Q_ENUM(Reason)

    /// Used when the hub's sign-in answer names no idleLockMinutes.
    static constexpr int DefaultIdleMinutes = 5;

    explicit IdleMonitor(const Core::Clock &clock, QObject *parent = nullptr);

    /// The policy's idle minutes; zero or less means DefaultIdleMinutes.
    void setIdleMinutes(int minutes);
    [[nodiscard]] int idleMinutes() const { return m_idleMinutes; }
    /// How often check() runs while counting (default 15 s); precision, not the limit.
    void setCheckInterval(int milliseconds);

    /// Starts counting from now (after sign-in and after each unlock).
    void start();
    /// Stops counting and forgets any lock (signed out).
    void stop();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] bool isLocked() const { return m_locked; }

    /// Also locks on system suspend (login1 PrepareForSleep) and on screen lock (the session's
    /// ScreenSaver ActiveChanged). Returns false, and changes nothing, without D-Bus.
    bool watchSystem();

    /// Counts key and mouse input to any object as activity (install on the application).
    bool eventFilter(QObject *watched, QEvent *event) override;

public Q_SLOTS:
    /// The user did something: the idle time starts again.
    void noteActivity();
    /// Locks if the idle time has run out on the clock (the timer calls this; tests may too).
    void check();
    /// Locks at once (the user asked to).
    void lockNow();
    /// The user unlocked: counting starts again from now.
    void unlocked();

Q_SIGNALS:
    /// The console must hide patient data now and ask for the password. Emitted once per lock.
    void lockRequested(Wardline::Console::IdleMonitor::Reason reason);

private Q_SLOTS:
    // String-based slots: QDBusConnection::connect() only takes SLOT() names.
    void onPrepareForSleep(bool sleeping);
    void onScreenSaverActiveChanged(bool active);

private:
    void lock(Reason reason);

    const Core::Clock &m_clock;
    QTimer *m_timer;
    QDateTime m_lastActivity;
    int m_idleMinutes = DefaultIdleMinutes;
    bool m_running = false;
    bool m_locked = false;
};

} // namespace Wardline::Console
