#include "ui/usersdesk.h"

namespace Wardline::Ui {

UsersDesk::UsersDesk(QWidget *parent)
    : Desk(parent)
{
    setObjectName(QStringLiteral("usersdesk"));
}

QString UsersDesk::title() const
{
    return tr("Users");
}

void UsersDesk::setHub(Console::HubClient *hub, const Console::HubSession &session)
{
    Q_UNUSED(hub)
    Q_UNUSED(session)
}

} // namespace Wardline::Ui
