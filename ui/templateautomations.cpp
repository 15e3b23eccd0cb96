#include "ui/templateautomations.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace Wardline::Ui {

TemplateAutomations::TemplateAutomations(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("templateAutomations"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_formHost = new QWidget(this);
    m_form = new QFormLayout(m_formHost);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("automationsStatus"));
    m_status->setWordWrap(true);
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("saveAutomationsButton"));
    m_save->setEnabled(false);
    connect(m_save, &QPushButton::clicked, this, [this] {
        QHash<QString, QString> changed;
        for (const Console::TemplateAutomation &a : std::as_const(m_automations)) {
            const QComboBox *combo = m_choices.value(a.key);
            if (combo && combo->currentData().toString() != a.templateName)
                changed.insert(a.key, combo->currentData().toString());
        }
        if (changed.isEmpty())
            return;
        m_save->setEnabled(false);
        m_status->setText(tr("Saving…"));
        Q_EMIT saveRequested(changed);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_formHost);
    layout->addWidget(m_status);
    layout->addWidget(m_save, 0, Qt::AlignRight);
    layout->addStretch(1);
    retranslateUi();
}

QString TemplateAutomations::automationText(const QString &key)
{
    // The hub's template/<key> settings (app/hub/sitesettings.cpp).
    if (key == QLatin1StringView("appointment_reminder"))
        return tr("Appointment reminder, the day before");
    if (key == QLatin1StringView("appointment_confirm"))
        return tr("Appointment confirmation request");
    if (key == QLatin1StringView("appointment_followup"))
        return tr("After the visit");
    if (key == QLatin1StringView("medication_dose"))
        return tr("Medication dose reminder");
    if (key == QLatin1StringView("pathway_checkin"))
        return tr("After surgery, day 1 check-in");
    if (key == QLatin1StringView("pathway_photo"))
        return tr("After surgery, day 3 wound photo");
    if (key == QLatin1StringView("pathway_pain"))
        return tr("After surgery, day 7 pain score");
    if (key == QLatin1StringView("pathway_followup"))
        return tr("After surgery, day 14 follow-up booking");
    if (key == QLatin1StringView("pathway_nudge"))
        return tr("Reminder of an unanswered step");
    if (key == QLatin1StringView("emergency_instruction"))
        return tr("Emergency instruction, when the reply window closed before the hub answered");
    return key;
}

void TemplateAutomations::setAutomations(const QList<Console::TemplateAutomation> &automations)
{
    m_automations = automations;
    rebuild();
}

void TemplateAutomations::setTemplates(const QList<Console::TemplateRecord> &templates)
{
    m_templates = templates;
    rebuild();
}

std::optional<qsizetype> TemplateAutomations::variableCount(const QString &name) const
{
    for (const Console::TemplateRecord &t : m_templates) {
        if (t.name != name)
            continue;
        const QStringList variables = t.variables();
        // The hub fills an automation's variables by number; a named template cannot stand in.
        for (const QString &v : variables) {
            bool number = false;
            (void)v.toInt(&number);
            if (!number)
                return std::nullopt;
        }
        return variables.size();
    }
    return std::nullopt;
}

void TemplateAutomations::rebuild()
{
    // Choices not saved yet survive a refresh of the list (a review result arriving meanwhile).
    QHash<QString, QString> unsaved;
    if (m_save->isEnabled()) {
        for (auto it = m_choices.cbegin(); it != m_choices.cend(); ++it)
            unsaved.insert(it.key(), it.value()->currentData().toString());
    }
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_choices.clear();
    for (const Console::TemplateAutomation &a : std::as_const(m_automations)) {
        auto *combo = new QComboBox(m_formHost);
        combo->setObjectName(QStringLiteral("automation_") + a.key);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(20);
        const std::optional<qsizetype> wanted = variableCount(a.defaultName);
        QSet<QString> offered;
        for (const Console::TemplateRecord &t : std::as_const(m_templates)) {
            if (!t.isApproved() || offered.contains(t.name))
                continue;
            const std::optional<qsizetype> count = variableCount(t.name);
            if (!count || (wanted && *count != *wanted))
                continue;
            offered.insert(t.name);
            combo->addItem(t.name, t.name);
        }
        if (!offered.contains(a.templateName)) // kept visible, even while it is not approved
            combo->insertItem(0, tr("%1 (not approved)").arg(a.templateName), a.templateName);
        const int kept = combo->findData(unsaved.value(a.key));
        combo->setCurrentIndex(kept >= 0 ? kept : combo->findData(a.templateName));
        //: %1 is the hub's description of an automation, in English.
        combo->setToolTip(tr("Hub note: %1").arg(a.help));
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            m_save->setEnabled(true);
            m_status->clear();
        });
        auto *label = new QLabel(automationText(a.key), m_formHost);
        label->setWordWrap(true);
        label->setBuddy(combo);
        m_form->addRow(label, combo);
        m_choices.insert(a.key, combo);
    }
    m_save->setEnabled(!unsaved.isEmpty());
}

void TemplateAutomations::saveAnswered(bool ok, const QString &message)
{
    m_status->setText(ok ? tr("Saved. The automations send these templates from now on.")
                         : message);
    m_save->setEnabled(!ok);
}

void TemplateAutomations::retranslateUi()
{
    m_intro->setText(tr("Choose the template each automation sends. Only approved templates "
                        "that take the same values as the built-in one are offered; each "
                        "patient receives the version in their language."));
    m_save->setText(tr("Save"));
    rebuild();
}

void TemplateAutomations::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Wardline::Ui
