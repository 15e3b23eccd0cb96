#include "ui/templatesdesk.h"

namespace Wardline::Ui {

TemplatesDesk::TemplatesDesk(QWidget *parent)
    : Desk(parent)
{
    setObjectName(QStringLiteral("templatesdesk"));
}

QString TemplatesDesk::title() const
{
    return tr("Templates");
}

void TemplatesDesk::setHub(Console::HubClient *hub, const Console::HubSession &session)
{
    Q_UNUSED(hub)
    Q_UNUSED(session)
}

} // namespace Wardline::Ui
