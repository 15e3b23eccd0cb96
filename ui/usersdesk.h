#pragma once

#include "ui/desk.h"

namespace Wardline::Ui {

/// Staff accounts and roles: create, edit, deactivate, reset passwords, unlock (administrators).
class UsersDesk : public Desk
{
    Q_OBJECT
public:
    explicit UsersDesk(QWidget *parent = nullptr);

    [[nodiscard]] QString title() const override;
    [[nodiscard]] Core::Permission permission() const override
    {
        return Core::Permission::ManageUsers;
    }
    void setHub(Console::HubClient *hub, const Console::HubSession &session) override;
};

} // namespace Wardline::Ui
