#include "ui/emergencynotifier.h"

#include <QApplication>
#include <QStyle>
#include <QSystemTrayIcon>

namespace Wardline::Ui {

DesktopNotifier::DesktopNotifier() = default;

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::playSound()
{
    QApplication::beep();
}

void DesktopNotifier::notify(const QString &message)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable() || !QSystemTrayIcon::supportsMessages())
        return;
    if (!m_tray) {
        QIcon icon = QApplication::windowIcon();
        if (icon.isNull())
            icon = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        m_tray = std::make_unique<QSystemTrayIcon>(icon);
        m_tray->setToolTip(QStringLiteral("Wardline")); // the product's name
        m_tray->show();
    }
    m_tray->showMessage(QStringLiteral("Wardline"), message, QSystemTrayIcon::Critical, 15000);
}

} // namespace Wardline::Ui
