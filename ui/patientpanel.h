#pragma once

#include "console/patientsummary.h"

#include <QFrame>

class QLabel;
class QVBoxLayout;

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Ui {

/// The patient beside the open conversation: contact details and WhatsApp opt-in, upcoming
/// appointments, the recovery pathway's day and next step, and active medications, with a
/// clear line when there is nothing. Shows what the hub sent (also from the cache while
/// offline); for roles the hub sends no clinical details, those sections say so instead.
class PatientPanel : public QFrame
{
    Q_OBJECT
public:
    explicit PatientPanel(QWidget *parent = nullptr);

    void setPatient(const Console::PatientSummary &patient);
    /// "Today" for the pathway's next step (nullptr: the system clock).
    void setClock(const Core::Clock *clock);
    [[nodiscard]] const Console::PatientSummary &patient() const { return m_patient; }

    /// The texts the panel shows, top to bottom, for tests and screen readers alike.
    [[nodiscard]] QStringList shownTexts() const;

    [[nodiscard]] QSize sizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    [[nodiscard]] QLabel *addLabel(QVBoxLayout *section, const QString &text,
                                   const QString &objectName);
    [[nodiscard]] QVBoxLayout *addSection(const QString &title, const QString &objectName);

    Console::PatientSummary m_patient;
    const Core::Clock *m_clock = nullptr;
    QWidget *m_content = nullptr;
    QVBoxLayout *m_layout = nullptr;
};

} // namespace Wardline::Ui
