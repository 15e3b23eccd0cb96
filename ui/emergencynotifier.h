#pragma once

#include <QString>

#include <memory>

class QSystemTrayIcon;

namespace Wardline::Ui {

/// How the console gets a nurse's attention when an emergency arrives. An interface so that
/// tests (and a headless training setup) can see what would be announced.
/// The text never carries patient data: notifications show on locked and shared screens.
class EmergencyNotifier
{
public:
    virtual ~EmergencyNotifier() = default;
    virtual void playSound() = 0;
    /// Shows \a message as a desktop notification, where the desktop offers them.
    virtual void notify(const QString &message) = 0;
};

/// The workstation's own means: the system beep and the tray's notification bubble.
class DesktopNotifier final : public EmergencyNotifier
{
public:
    DesktopNotifier();
    ~DesktopNotifier() override;
    void playSound() override;
    void notify(const QString &message) override;

private:
    std::unique_ptr<QSystemTrayIcon> m_tray;
};

} // namespace Wardline::Ui
