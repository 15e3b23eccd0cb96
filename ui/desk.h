#pragma once

#include "core/permissions.h"

#include <QStringList>
#include <QWidget>

namespace Wardline::Console {
class HubClient;
struct HubSession;
} // namespace Wardline::Console

namespace Wardline::Ui {

/// One of the console's screens beside the inbox: photo review, the reschedule queue,
/// templates, users, site settings, the audit trail. HomeWindow shows a desk's tab only to the
/// roles the hub's permission table allows; the hub checks every request again.
class Desk : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    /// The tab's name in the UI language, with a count where the desk has one.
    [[nodiscard]] virtual QString title() const = 0;
    /// The permission a role needs to see this desk.
    [[nodiscard]] virtual Core::Permission permission() const = 0;
    /// The signed-in session (\a hub not owned, outlives the session); nullptr on sign-out:
    /// forget everything shown.
    virtual void setHub(Console::HubClient *hub, const Console::HubSession &session) = 0;
    /// The hub reported changes of these kinds ("photo.reviewed", "appointment.change_requested",
    /// "template.status" ...): refresh what they touch.
    virtual void hubEvents(const QStringList &kinds) { Q_UNUSED(kinds) }
    /// The desk's tab was chosen.
    virtual void activated() {}

Q_SIGNALS:
    /// title() changed (a count, or the language).
    void titleChanged();
    /// The user asked to see this conversation in the inbox (e.g. a patient in the reschedule
    /// queue); HomeWindow switches to the inbox and opens it.
    void conversationRequested(qint64 conversationId);
};

} // namespace Wardline::Ui
