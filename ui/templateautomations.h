#pragma once

#include "console/templatesclient.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace Wardline::Ui {

/// Which template each automation of the hub sends (reminders, confirmations, care-pathway
/// steps): one choice per automation among the approved templates that take the same
/// variables as the built-in one, saved as the site settings `template/<automation>`.
class TemplateAutomations : public QWidget
{
    Q_OBJECT
public:
    explicit TemplateAutomations(QWidget *parent = nullptr);

    /// The hub's automations and every template (only approved ones with the same variables
    /// as the automation's built-in template are offered).
    void setAutomations(const QList<Console::TemplateAutomation> &automations);
    void setTemplates(const QList<Console::TemplateRecord> &templates);
    /// The hub saved the choices (\a ok) or refused them with \a message.
    void saveAnswered(bool ok, const QString &message);

    /// The automation's name as staff read it ("Appointment reminder, the day before").
    [[nodiscard]] static QString automationText(const QString &key);
    /// The combo box of automation \a key, or nullptr.
    [[nodiscard]] QComboBox *choice(const QString &key) const { return m_choices.value(key); }

Q_SIGNALS:
    /// The administrator saved: the template of each automation that changed.
    void saveRequested(const QHash<QString, QString> &templateByKey);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void rebuild();
    /// The variables \a name takes (any of its language versions), or nothing when unknown.
    [[nodiscard]] std::optional<qsizetype> variableCount(const QString &name) const;

    QList<Console::TemplateAutomation> m_automations;
    QList<Console::TemplateRecord> m_templates;
    QHash<QString, QComboBox *> m_choices;
    QLabel *m_intro = nullptr;
    QWidget *m_formHost = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace Wardline::Ui
