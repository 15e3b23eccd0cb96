#include "ui/settingsdesk.h"

namespace Wardline::Ui {

SettingsDesk::SettingsDesk(QWidget *parent)
    : Desk(parent)
{
    setObjectName(QStringLiteral("settingsdesk"));
}

QString SettingsDesk::title() const
{
    return tr("Site settings");
}

void SettingsDesk::setHub(Console::HubClient *hub, const Console::HubSession &session)
{
    Q_UNUSED(hub)
    Q_UNUSED(session)
}

} // namespace Wardline::Ui
