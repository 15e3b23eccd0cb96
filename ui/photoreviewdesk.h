#pragma once

#include "ui/desk.h"

namespace Wardline::Ui {

/// Post-op wound photos waiting for review, and the review pane (nurses, physicians).
class PhotoReviewDesk : public Desk
{
    Q_OBJECT
public:
    explicit PhotoReviewDesk(QWidget *parent = nullptr);

    [[nodiscard]] QString title() const override;
    [[nodiscard]] Core::Permission permission() const override
    {
        return Core::Permission::ReviewPhotos;
    }
    void setHub(Console::HubClient *hub, const Console::HubSession &session) override;
};

} // namespace Wardline::Ui
