#pragma once

#include "ui/desk.h"

namespace Wardline::Ui {

/// Meta message templates: their review status, the builder, and which automation uses which
/// (administrators).
class TemplatesDesk : public Desk
{
    Q_OBJECT
public:
    explicit TemplatesDesk(QWidget *parent = nullptr);

    [[nodiscard]] QString title() const override;
    [[nodiscard]] Core::Permission permission() const override
    {
        return Core::Permission::ManageTemplates;
    }
    void setHub(Console::HubClient *hub, const Console::HubSession &session) override;
};

} // namespace Wardline::Ui
