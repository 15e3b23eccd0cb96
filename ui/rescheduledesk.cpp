#include "ui/rescheduledesk.h"

namespace Wardline::Ui {

RescheduleDesk::RescheduleDesk(QWidget *parent)
    : Desk(parent)
{
    setObjectName(QStringLiteral("rescheduledesk"));
}

QString RescheduleDesk::title() const
{
    return tr("Reschedule");
}

void RescheduleDesk::setHub(Console::HubClient *hub, const Console::HubSession &session)
{
    Q_UNUSED(hub)
    Q_UNUSED(session)
}

} // namespace Wardline::Ui
