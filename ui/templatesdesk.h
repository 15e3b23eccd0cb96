#pragma once

#include "ui/desk.h"

#include <QPointer>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace Wardline::Console {
class TemplatesClient;
struct TemplateRecord;
} // namespace Wardline::Console

namespace Wardline::Ui {

class TemplateAutomations;
class TemplateBuilder;
class TemplateListModel;

/// Meta message templates: their review status, the builder, and which automation uses which
/// (administrators).
class TemplatesDesk : public Desk
{
    Q_OBJECT
public:
    explicit TemplatesDesk(QWidget *parent = nullptr);
    ~TemplatesDesk() override;

    [[nodiscard]] QString title() const override;
    [[nodiscard]] Core::Permission permission() const override
    {
        return Core::Permission::ManageTemplates;
    }
    void setHub(Console::HubClient *hub, const Console::HubSession &session) override;
    void hubEvents(const QStringList &kinds) override;
    void activated() override;

    [[nodiscard]] TemplateListModel *model() const { return m_model; }
    [[nodiscard]] TemplateBuilder *builder() const { return m_builder; }
    [[nodiscard]] TemplateAutomations *automations() const { return m_automations; }
    /// Selects \a name in \a language in the list and shows its details.
    bool showTemplate(const QString &name, const QString &language);
    /// Opens the builder for another language version of the selected template.
    void newLanguageVersion();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    void showSelected();
    [[nodiscard]] const Console::TemplateRecord *selected() const;

    QPointer<Console::TemplatesClient> m_client;
    QTabWidget *m_tabs = nullptr;
    TemplateListModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_loadError = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_reason = nullptr;
    QPushButton *m_newTemplate = nullptr;
    QPushButton *m_newLanguage = nullptr;
    TemplateBuilder *m_builder = nullptr;
    TemplateAutomations *m_automations = nullptr;
    QString m_selectedName;
    QString m_selectedLanguage;
};

} // namespace Wardline::Ui
