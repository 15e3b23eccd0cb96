#pragma once

#include "ui/desk.h"

namespace Wardline::Ui {

/// The hospital's site settings: emergency number and text, quiet hours, idle lock, SLA targets,
/// location (administrators).
class SettingsDesk : public Desk
{
    Q_OBJECT
public:
    explicit SettingsDesk(QWidget *parent = nullptr);

    [[nodiscard]] QString title() const override;
    [[nodiscard]] Core::Permission permission() const override
    {
        return Core::Permission::ManageSettings;
    }
    void setHub(Console::HubClient *hub, const Console::HubSession &session) override;
};

} // namespace Wardline::Ui
