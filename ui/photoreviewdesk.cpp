#include "ui/photoreviewdesk.h"

namespace Wardline::Ui {

PhotoReviewDesk::PhotoReviewDesk(QWidget *parent)
    : Desk(parent)
{
    setObjectName(QStringLiteral("photoreviewdesk"));
}

QString PhotoReviewDesk::title() const
{
    return tr("Photo review");
}

void PhotoReviewDesk::setHub(Console::HubClient *hub, const Console::HubSession &session)
{
    Q_UNUSED(hub)
    Q_UNUSED(session)
}

} // namespace Wardline::Ui
