#include "console/idlemonitor.h"

#include "console/logging.h"
#include "core/clock.h"

#include <QEvent>
#include <QTimer>

#ifdef WARDLINE_HAVE_DBUS
#include <QDBusConnection>
#endif

namespace Wardline::Console {

namespace {
constexpr int DefaultCheckMs = 15 * 1000;
} // namespace

IdleMonitor::IdleMonitor(const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(DefaultCheckMs);
    connect(m_timer, &QTimer::timeout, this, &IdleMonitor::check);
}

void IdleMonitor::setIdleMinutes(int minutes)
{
    m_idleMinutes = minutes > 0 ? minutes : DefaultIdleMinutes;
}

void IdleMonitor::setCheckInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

void IdleMonitor::start()
{
    m_running = true;
    m_locked = false;
    m_lastActivity = m_clock.now();
    m_timer->start();
}

void IdleMonitor::stop()
{
    m_running = false;
    m_locked = false;
    m_timer->stop();
}

bool IdleMonitor::watchSystem()
{
#ifdef WARDLINE_HAVE_DBUS
    // Either bus may be missing (a kiosk session, a container): then that trigger is skipped.
    bool any = false;
    QDBusConnection system = QDBusConnection::systemBus();
    if (system.isConnected()) {
        any |= system.connect(
            QStringLiteral("org.freedesktop.login1"), QStringLiteral("/org/freedesktop/login1"),
            QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("PrepareForSleep"),
            this, SLOT(onPrepareForSleep(bool)));
    }
    QDBusConnection session = QDBusConnection::sessionBus();
    if (session.isConnected()) {
        any |= session.connect(QString(), QStringLiteral("/org/freedesktop/ScreenSaver"),
                               QStringLiteral("org.freedesktop.ScreenSaver"),
                               QStringLiteral("ActiveChanged"), this,
                               SLOT(onScreenSaverActiveChanged(bool)));
    }
    if (!any)
        qCInfo(lcConsole, "no D-Bus: the console locks on idle time only");
    return any;
#else
    return false;
#endif
}

bool IdleMonitor::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleMonitor::noteActivity()
{
    // Input behind the lock screen (typing the password) does not count as presence.
    if (m_running && !m_locked)
        m_lastActivity = m_clock.now();
}

void IdleMonitor::check()
{
    if (!m_running || m_locked)
        return;
    // Wall time, not the timer: after a suspend the first check sees the hours that passed.
    if (m_lastActivity.msecsTo(m_clock.now()) >= qint64(m_idleMinutes) * 60 * 1000)
        lock(Reason::Idle);
}

void IdleMonitor::lockNow()
{
    lock(Reason::Manual);
}

void IdleMonitor::unlocked()
{
    if (m_running || m_locked)
        start();
}

void IdleMonitor::onPrepareForSleep(bool sleeping)
{
    if (sleeping)
        lock(Reason::Suspend);
}

void IdleMonitor::onScreenSaverActiveChanged(bool active)
{
    if (active)
        lock(Reason::ScreenLocked);
}

void IdleMonitor::lock(Reason reason)
{
    if (!m_running || m_locked)
        return;
    m_locked = true;
    m_timer->stop();
    qCInfo(lcConsole, "console locked (%s)",
           reason == Reason::Idle           ? "idle"
           : reason == Reason::Manual       ? "manual"
           : reason == Reason::ScreenLocked ? "screen locked"
                                            : "suspend");
    Q_EMIT lockRequested(reason);
}

} // namespace Wardline::Console
