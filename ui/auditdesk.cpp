#include "ui/auditdesk.h"

namespace Wardline::Ui {

AuditDesk::AuditDesk(QWidget *parent)
    : Desk(parent)
{
    setObjectName(QStringLiteral("auditdesk"));
}

QString AuditDesk::title() const
{
    return tr("Audit trail");
}

void AuditDesk::setHub(Console::HubClient *hub, const Console::HubSession &session)
{
    Q_UNUSED(hub)
    Q_UNUSED(session)
}

} // namespace Wardline::Ui
