#pragma once

#include "console/hubsession.h"
#include "ui/desk.h"

#include <memory>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Console {
class AppointmentsClient;
struct RescheduleQueue;
} // namespace Wardline::Console

namespace Wardline::Ui {

class RescheduleModel;

/// Appointments whose patient asked to change them, and picking the new slot (receptionists):
/// the new slot goes to the patient as the approved reschedule template; the hub books it and
/// its reminders follow the new time.
class RescheduleDesk : public Desk
{
    Q_OBJECT
public:
    explicit RescheduleDesk(QWidget *parent = nullptr);
    ~RescheduleDesk() override;

    [[nodiscard]] QString title() const override;
    [[nodiscard]] Core::Permission permission() const override
    {
        return Core::Permission::ManageAppointments;
    }
    void setHub(Console::HubClient *hub, const Console::HubSession &session) override;
    void hubEvents(const QStringList &kinds) override;
    void activated() override;

    /// Where waiting times and the earliest new slot are counted from (not owned; tests).
    void setClock(const Core::Clock *clock);
    [[nodiscard]] RescheduleModel *model() const { return m_model; }
    /// How many patients wait for a new slot.
    [[nodiscard]] int waitingCount() const;
    /// The appointment whose form is shown; 0 when none is chosen.
    [[nodiscard]] qint64 currentAppointment() const { return m_current; }
    /// Chooses the appointment \a id in the list (its form shows); false when it is not there.
    [[nodiscard]] bool selectAppointment(qint64 id);

public Q_SLOTS:
    /// Asks the hub for the queue again.
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showQueue(const Console::RescheduleQueue &queue);
    /// Shows the chosen appointment; \a resetForm: its new slot starts as the current one.
    void showCurrent(bool resetForm);
    void updateActions();
    void sendNewSlot();
    void keepSlot();
    void cancelAppointment();
    void setBusy(bool busy);
    void showMessage(const QString &text, bool problem);
    [[nodiscard]] bool mayOpenConversation() const;

    Console::HubClient *m_hub = nullptr;
    Console::HubSession m_session;
    std::unique_ptr<Console::AppointmentsClient> m_client;
    const Core::Clock *m_clock;
    RescheduleModel *m_model = nullptr;
    QTimer *m_minuteTimer = nullptr;
    qint64 m_current = 0;
    bool m_busy = false;
    bool m_loaded = false;
    QStringList m_providers;
    QStringList m_locations;

    QLabel *m_heading = nullptr;
    QLabel *m_intro = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QWidget *m_form = nullptr;
    QLabel *m_patientLabel = nullptr;
    QLabel *m_currentLabel = nullptr;
    QLabel *m_windowLabel = nullptr;
    QLabel *m_newSlotHeading = nullptr;
    QLabel *m_startLabel = nullptr;
    QLabel *m_durationLabel = nullptr;
    QLabel *m_providerLabel = nullptr;
    QLabel *m_locationLabel = nullptr;
    QDateTimeEdit *m_start = nullptr;
    QSpinBox *m_duration = nullptr;
    QComboBox *m_provider = nullptr;
    QComboBox *m_location = nullptr;
    QLabel *m_templateNote = nullptr;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_keepButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace Wardline::Ui
