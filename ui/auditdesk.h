#pragma once

#include "ui/desk.h"

namespace Wardline::Ui {

/// The audit trail: filter, export to CSV, verify the hash chain (auditors, administrators).
class AuditDesk : public Desk
{
    Q_OBJECT
public:
    explicit AuditDesk(QWidget *parent = nullptr);

    [[nodiscard]] QString title() const override;
    [[nodiscard]] Core::Permission permission() const override
    {
        return Core::Permission::ViewAudit;
    }
    void setHub(Console::HubClient *hub, const Console::HubSession &session) override;
};

} // namespace Wardline::Ui
