#pragma once

#include "ui/desk.h"

namespace Wardline::Ui {

/// Appointments whose patient asked to change them, and picking the new slot (receptionists).
class RescheduleDesk : public Desk
{
    Q_OBJECT
public:
    explicit RescheduleDesk(QWidget *parent = nullptr);

    [[nodiscard]] QString title() const override;
    [[nodiscard]] Core::Permission permission() const override
    {
        return Core::Permission::ManageAppointments;
    }
    void setHub(Console::HubClient *hub, const Console::HubSession &session) override;
};

} // namespace Wardline::Ui
