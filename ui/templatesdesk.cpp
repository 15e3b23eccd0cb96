#include "ui/templatesdesk.h"

#include "console/hubclient.h"
#include "console/templatedraft.h"
#include "console/templatesclient.h"
#include "ui/templateautomations.h"
#include "ui/templatebuilder.h"
#include "ui/templatelistmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Wardline::Ui {

using Console::TemplateRecord;
using Console::TemplatesClient;

namespace {
constexpr auto StyleSheet = QLatin1StringView(R"(
QLabel#templateReason { color: #b3261e; }
QLabel#templatesLoadError { background: #fff1c7; color: #5c3d00; padding: 4px 8px; }
)");
} // namespace

TemplatesDesk::TemplatesDesk(QWidget *parent)
    : Desk(parent)
{
    setObjectName(QStringLiteral("templatesdesk"));
    setStyleSheet(StyleSheet);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("templatesTabs"));

    // The list with the chosen template's details.
    auto *listPage = new QWidget(m_tabs);
    m_model = new TemplateListModel(this);
    m_table = new QTableView(listPage);
    m_table->setObjectName(QStringLiteral("templateList"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(false);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (const TemplateRecord *t = selected()) {
            m_selectedName = t->name;
            m_selectedLanguage = t->language;
        }
        showSelected();
    });
    m_loadError = new QLabel(listPage);
    m_loadError->setObjectName(QStringLiteral("templatesLoadError"));
    m_loadError->setWordWrap(true);
    m_loadError->hide();
    m_details = new QLabel(listPage);
    m_details->setObjectName(QStringLiteral("templateDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_reason = new QLabel(listPage);
    m_reason->setObjectName(QStringLiteral("templateReason"));
    m_reason->setWordWrap(true);
    m_reason->hide();
    m_newTemplate = new QPushButton(listPage);
    m_newTemplate->setObjectName(QStringLiteral("newTemplateButton"));
    connect(m_newTemplate, &QPushButton::clicked, this, [this] {
        m_builder->clear();
        m_tabs->setCurrentWidget(m_builder);
    });
    m_newLanguage = new QPushButton(listPage);
    m_newLanguage->setObjectName(QStringLiteral("newLanguageButton"));
    m_newLanguage->setEnabled(false);
    connect(m_newLanguage, &QPushButton::clicked, this, &TemplatesDesk::newLanguageVersion);

    auto *detailPane = new QWidget(listPage);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_reason);
    auto *detailScroll = new QScrollArea(detailPane);
    detailScroll->setWidgetResizable(true);
    detailScroll->setFrameShape(QFrame::NoFrame);
    detailScroll->setWidget(m_details);
    detailLayout->addWidget(detailScroll, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newTemplate);
    buttons->addWidget(m_newLanguage);
    buttons->addStretch(1);
    detailLayout->addLayout(buttons);
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->addWidget(m_loadError);
    auto *split = new QHBoxLayout;
    split->addWidget(m_table, 3);
    split->addWidget(detailPane, 2);
    listLayout->addLayout(split);

    m_builder = new TemplateBuilder(m_tabs);
    connect(m_builder, &TemplateBuilder::submitRequested, this,
            [this](const Console::TemplateDraft &draft) {
                if (m_client)
                    m_client->submit(draft);
                else
                    m_builder->submitAnswered(false, tr("Not signed in to the hub."));
            });
    m_automations = new TemplateAutomations(m_tabs);
    connect(m_automations, &TemplateAutomations::saveRequested, this,
            [this](const QHash<QString, QString> &changes) {
                if (m_client)
                    m_client->saveAutomations(changes);
            });

    m_tabs->addTab(listPage, QString());
    m_tabs->addTab(m_builder, QString());
    m_tabs->addTab(m_automations, QString());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    retranslateUi();
    showSelected();
}

TemplatesDesk::~TemplatesDesk() = default;

QString TemplatesDesk::title() const
{
    return tr("Templates");
}

void TemplatesDesk::retranslateUi()
{
    m_tabs->setTabText(0, tr("Templates and WhatsApp review"));
    m_tabs->setTabText(1, tr("New template"));
    m_tabs->setTabText(2, tr("Automations"));
    m_newTemplate->setText(tr("New template…"));
    m_newLanguage->setText(tr("Add a language version…"));
    m_newLanguage->setToolTip(
        tr("Write the chosen template in another language, with the same name and variables."));
    showSelected();
}

void TemplatesDesk::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        Q_EMIT titleChanged();
    }
    Desk::changeEvent(event);
}

void TemplatesDesk::setHub(Console::HubClient *hub, const Console::HubSession &session)
{
    delete m_client;
    m_model->setTemplates({});
    m_automations->setAutomations({});
    m_automations->setTemplates({});
    m_builder->clear();
    m_selectedName.clear();
    m_selectedLanguage.clear();
    showSelected();
    if (!hub)
        return;
    m_client = new TemplatesClient(*hub, session, this);
    connect(m_client, &TemplatesClient::templatesLoaded, this,
            [this](const QList<TemplateRecord> &templates) {
                m_loadError->hide();
                m_model->setTemplates(templates);
                m_automations->setTemplates(templates);
                if (!showTemplate(m_selectedName, m_selectedLanguage))
                    showSelected();
            });
    connect(m_client, &TemplatesClient::failed, this, [this](const QString &message) {
        m_loadError->setText(message);
        m_loadError->show();
    });
    connect(m_client, &TemplatesClient::submitted, this,
            [this](const QString &name, const QString &language) {
                m_builder->submitAnswered(
                    true, tr("%1 (%2) was sent to WhatsApp for review; its status is in the "
                             "list.")
                              .arg(name, language));
                m_selectedName = name;
                m_selectedLanguage = language;
                refresh();
            });
    connect(m_client, &TemplatesClient::submitFailed, this,
            [this](const QString &message) { m_builder->submitAnswered(false, message); });
    connect(m_client, &TemplatesClient::automationsLoaded, m_automations,
            &TemplateAutomations::setAutomations);
    connect(m_client, &TemplatesClient::saveFailed, this,
            [this](const QString &message) { m_automations->saveAnswered(false, message); });
    connect(m_client, &TemplatesClient::automationsSaved, this, [this] {
        m_automations->saveAnswered(true, {});
        m_client->loadAutomations();
    });
    refresh();
    m_client->loadAutomations();
}

void TemplatesDesk::hubEvents(const QStringList &kinds)
{
    if (!m_client)
        return;
    // Meta's review results arrive as template.status; settings.changed may be another
    // administrator's choice of template for an automation.
    if (kinds.contains(QLatin1StringView("template.status")))
        refresh();
    if (kinds.contains(QLatin1StringView("settings.changed")))
        m_client->loadAutomations();
}

void TemplatesDesk::activated()
{
    if (!m_client)
        return;
    refresh();
    m_client->loadAutomations();
}

void TemplatesDesk::refresh()
{
    if (m_client)
        m_client->refresh();
}

const TemplateRecord *TemplatesDesk::selected() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? &m_model->templates().at(current.row()) : nullptr;
}

bool TemplatesDesk::showTemplate(const QString &name, const QString &language)
{
    const int row = m_model->rowOf(name, language);
    if (row < 0)
        return false;
    m_table->selectionModel()->setCurrentIndex(
        m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(m_model->index(row, 0));
    m_tabs->setCurrentIndex(0);
    showSelected();
    return true;
}

void TemplatesDesk::showSelected()
{
    const TemplateRecord *t = selected();
    m_newLanguage->setEnabled(t != nullptr);
    if (!t) {
        m_details->setText(m_model->rowCount() == 0
                               ? tr("No templates yet. The hub lists them from WhatsApp when "
                                    "it starts.")
                               : tr("Choose a template to see its words and its review."));
        m_reason->hide();
        return;
    }
    const QString reason = TemplateListModel::reasonText(t->reason);
    if (t->status == QLatin1StringView("REJECTED")) {
        m_reason->setText(reason.isEmpty() ? tr("WhatsApp rejected this template without a "
                                                "reason.")
                                           : tr("WhatsApp rejected this template: %1").arg(reason));
    } else if (t->status == QLatin1StringView("PAUSED") ||
               t->status == QLatin1StringView("DISABLED")) {
        m_reason->setText(reason.isEmpty()
                              ? tr("WhatsApp stopped this template; it cannot be sent.")
                              : tr("WhatsApp stopped this template: %1").arg(reason));
    } else {
        m_reason->clear();
    }
    m_reason->setVisible(!m_reason->text().isEmpty());
    // The words as the patient reads them, examples left as {{1}}.
    QStringList lines;
    lines.append(tr("%1 · %2 · %3 · %4")
                     .arg(t->name, t->language, TemplateListModel::categoryText(t->category),
                          TemplateListModel::statusText(t->status)));
    for (const char *type : {"HEADER", "BODY", "FOOTER"}) {
        const QString text = t->text(QString::fromLatin1(type));
        if (!text.isEmpty())
            lines.append(text);
    }
    m_details->setText(lines.join(QStringLiteral("\n\n")));
}

void TemplatesDesk::newLanguageVersion()
{
    const TemplateRecord *t = selected();
    if (!t)
        return;
    m_builder->setDraft(Console::TemplateDraft::fromRecord(*t), true);
    m_tabs->setCurrentWidget(m_builder);
}

} // namespace Wardline::Ui
