#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

namespace Wardline::Core {
class Clock;
}
namespace Wardline::Ui {
class HomeWindow;
class SignInWindow;
} // namespace Wardline::Ui

namespace Wardline::Console {

class ConversationClient;
class IdleMonitor;
class SessionController;

/// The console as staff use it: the sign-in window, the home window and the idle lock, wired to
/// one SessionController. main.cpp only parses options and starts it; tests start the same
/// shell, so what they drive is what runs on the ward.
class ConsoleShell : public QObject
{
    Q_OBJECT
public:
    /// \a session and \a clock are not owned and outlive the shell; \a clock decides the idle
    /// lock and the 24-hour window.
    ConsoleShell(SessionController &session, const Core::Clock &clock, QObject *parent = nullptr);
    ~ConsoleShell() override;

    [[nodiscard]] Ui::SignInWindow &signInWindow() { return *m_window; }
    [[nodiscard]] Ui::HomeWindow &homeWindow() { return *m_home; }
    [[nodiscard]] IdleMonitor &idleMonitor() { return *m_idle; }
    /// The open conversation's client while signed in, else null.
    [[nodiscard]] ConversationClient *conversations() const;

    /// Shows the sign-in window.
    void start();

private:
    void wireSignIn();
    void wireSession();
    void wireIdleLock();
    void showHome(const QString &cacheNote);
    void openConversations();

    SessionController &m_session;
    const Core::Clock &m_clock;
    std::unique_ptr<Ui::SignInWindow> m_window;
    std::unique_ptr<Ui::HomeWindow> m_home;
    std::unique_ptr<IdleMonitor> m_idle;
    QPointer<ConversationClient> m_conversations;
};

} // namespace Wardline::Console
