#include "ui/templatebuilder.h"

#include "console/conversationclient.h"
#include "ui/messagebubble.h"

#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace Wardline::Ui {

using Console::TemplateDraft;
using Console::TemplateDraftButton;
using Part = TemplateDraft::Part;

namespace {
// The preview draws MessageBubble as the conversation screen does: WhatsApp's colours.
constexpr auto StyleSheet = QLatin1StringView(R"(
QLabel[problem="true"], QLabel#submitStatus[failed="true"] { color: #b3261e; }
QLabel#submitStatus[failed="false"] { color: #1f7a55; }
QLabel#builderTitle, QLabel#previewTitle { font-weight: bold; }
QWidget#templatePreview { background: #efeae2; }
QFrame#bubble { border-radius: 8px; background: #d9fdd3; }
QFrame#bubble QLabel { color: #111b21; background: transparent; }
QFrame#bubble QLabel#templateLabel { color: #1f7a55; font-weight: bold; }
QFrame#bubble QLabel#timeLabel { color: #667781; }
)");

// Language codes offered first; any other of Meta's codes can be typed.
const QStringList LanguageCodes = {QStringLiteral("en"),    QStringLiteral("es"),
                                   QStringLiteral("en_US"), QStringLiteral("es_MX"),
                                   QStringLiteral("es_ES"), QStringLiteral("pt_BR")};

const char *partName(Part part)
{
    switch (part) {
    case Part::Name:
        return "name";
    case Part::Language:
        return "language";
    case Part::Category:
        return "category";
    case Part::Header:
        return "header";
    case Part::Body:
        return "body";
    case Part::Footer:
        return "footer";
    case Part::Buttons:
        return "buttons";
    case Part::Whole:
        break;
    }
    return "whole";
}

QLabel *problemLabel(Part part, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("problem_") + QLatin1String(partName(part)));
    label->setProperty("problem", true);
    label->setWordWrap(true);
    label->hide();
    return label;
}

// A field with its problem underneath.
QWidget *withProblem(QWidget *field, QLabel *problem, QWidget *extra = nullptr)
{
    auto *cell = new QWidget(field->parentWidget());
    auto *layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    if (extra)
        layout->addWidget(extra);
    layout->addWidget(problem);
    return cell;
}
} // namespace

TemplateBuilder::TemplateBuilder(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("templateBuilder"));
    setStyleSheet(StyleSheet);

    auto *formPage = new QWidget;
    m_title = new QLabel(formPage);
    m_title->setObjectName(QStringLiteral("builderTitle"));
    m_title->setWordWrap(true);

    m_name = new QLineEdit(formPage);
    m_name->setObjectName(QStringLiteral("templateNameEdit"));
    m_name->setMaxLength(512);
    m_language = new QComboBox(formPage);
    m_language->setObjectName(QStringLiteral("templateLanguageCombo"));
    m_language->setEditable(true);
    m_language->addItems(LanguageCodes);
    m_category = new QComboBox(formPage);
    m_category->setObjectName(QStringLiteral("templateCategoryCombo"));
    for (const char *code : {"UTILITY", "MARKETING", "AUTHENTICATION"})
        m_category->addItem(QString(), QLatin1String(code));
    m_variableStyle = new QComboBox(formPage);
    m_variableStyle->setObjectName(QStringLiteral("variableStyleCombo"));
    m_variableStyle->addItem(QString(), false);
    m_variableStyle->addItem(QString(), true);

    m_headerKind = new QComboBox(formPage);
    m_headerKind->setObjectName(QStringLiteral("headerKindCombo"));
    for (auto kind : {TemplateDraft::HeaderKind::None, TemplateDraft::HeaderKind::Text,
                      TemplateDraft::HeaderKind::Image})
        m_headerKind->addItem(QString(), int(kind));
    m_headerText = new QLineEdit(formPage);
    m_headerText->setObjectName(QStringLiteral("headerTextEdit"));
    m_headerExample = new QLineEdit(formPage);
    m_headerExample->setObjectName(QStringLiteral("headerExampleEdit"));
    // The image heading's example is a file the administrator chooses, not an address: Meta
    // reviews it by the handle of an upload (the hub does the upload).
    m_headerImageRow = new QWidget(formPage);
    m_headerImagePreview = new QLabel(m_headerImageRow);
    m_headerImagePreview->setObjectName(QStringLiteral("headerImagePreview"));
    m_headerImagePreview->setFixedSize(56, 56);
    m_headerImagePreview->setAlignment(Qt::AlignCenter);
    m_headerImagePreview->setStyleSheet(
        QStringLiteral("background: #eef1f4; border: 1px solid #c5ced8; border-radius: 4px;"));
    m_headerImageInfo = new QLabel(m_headerImageRow);
    m_headerImageInfo->setObjectName(QStringLiteral("headerImageInfo"));
    m_headerImageInfo->setWordWrap(true);
    m_headerImageButton = new QPushButton(m_headerImageRow);
    m_headerImageButton->setObjectName(QStringLiteral("headerImageButton"));
    connect(m_headerImageButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Choose an example image"), QString(), tr("Images (*.jpg *.jpeg *.png)"));
        if (!path.isEmpty())
            setHeaderImageFile(path);
    });
    auto *imageLayout = new QHBoxLayout(m_headerImageRow);
    imageLayout->setContentsMargins(0, 0, 0, 0);
    imageLayout->addWidget(m_headerImagePreview);
    imageLayout->addWidget(m_headerImageInfo, 1);
    imageLayout->addWidget(m_headerImageButton);
    auto *headerBox = new QWidget(formPage);
    auto *headerLayout = new QVBoxLayout(headerBox);
    headerLayout->setContentsMargins(0, 0, 0, 0);
    headerLayout->addWidget(m_headerKind);
    headerLayout->addWidget(m_headerText);
    headerLayout->addWidget(m_headerExample);
    headerLayout->addWidget(m_headerImageRow);

    m_body = new QPlainTextEdit(formPage);
    m_body->setObjectName(QStringLiteral("bodyEdit"));
    m_body->setTabChangesFocus(true);
    m_body->setMinimumHeight(110);
    m_bodyCounter = new QLabel(formPage);
    m_bodyCounter->setObjectName(QStringLiteral("bodyCounter"));

    m_examplesHost = new QWidget(formPage);
    m_examplesHost->setObjectName(QStringLiteral("examples"));
    m_examplesForm = new QFormLayout(m_examplesHost);
    m_examplesForm->setContentsMargins(0, 0, 0, 0);
    m_examplesForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_examplesHint = new QLabel(formPage);
    m_examplesHint->setWordWrap(true);

    m_footer = new QLineEdit(formPage);
    m_footer->setObjectName(QStringLiteral("footerEdit"));

    auto *buttonsBox = new QWidget(formPage);
    m_buttonsLayout = new QVBoxLayout(buttonsBox);
    m_buttonsLayout->setContentsMargins(0, 0, 0, 0);
    m_addButton = new QPushButton(formPage);
    m_addButton->setObjectName(QStringLiteral("addButtonButton"));
    auto *addMenu = new QMenu(m_addButton);
    m_addButton->setMenu(addMenu);
    connect(addMenu, &QMenu::aboutToShow, this, [this, addMenu] {
        addMenu->clear();
        addMenu->addAction(tr("Quick reply"), this,
                           [this] { addButton(TemplateDraftButton::Kind::QuickReply); });
        addMenu->addAction(tr("Open a web page"), this,
                           [this] { addButton(TemplateDraftButton::Kind::Url); });
        addMenu->addAction(tr("Call a phone number"), this,
                           [this] { addButton(TemplateDraftButton::Kind::Phone); });
    });

    for (Part part : {Part::Name, Part::Language, Part::Category, Part::Header, Part::Body,
                      Part::Footer, Part::Buttons})
        m_problemLabels.insert(part, problemLabel(part, formPage));

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto addRow = [&](const QString &key, QWidget *field) {
        auto *label = new QLabel(formPage);
        label->setWordWrap(true);
        label->setBuddy(field);
        m_formLabels.insert(key, label);
        form->addRow(label, field);
    };
    addRow(QStringLiteral("name"), withProblem(m_name, m_problemLabels.value(Part::Name)));
    addRow(QStringLiteral("language"),
           withProblem(m_language, m_problemLabels.value(Part::Language)));
    addRow(QStringLiteral("category"),
           withProblem(m_category, m_problemLabels.value(Part::Category)));
    addRow(QStringLiteral("style"), m_variableStyle);
    addRow(QStringLiteral("header"), withProblem(headerBox, m_problemLabels.value(Part::Header)));
    addRow(QStringLiteral("body"),
           withProblem(m_body, m_problemLabels.value(Part::Body), m_bodyCounter));
    addRow(QStringLiteral("examples"), withProblem(m_examplesHost, m_examplesHint));
    addRow(QStringLiteral("footer"), withProblem(m_footer, m_problemLabels.value(Part::Footer)));
    auto *buttonsCell = new QWidget(formPage);
    auto *buttonsCellLayout = new QVBoxLayout(buttonsCell);
    buttonsCellLayout->setContentsMargins(0, 0, 0, 0);
    buttonsCellLayout->addWidget(buttonsBox);
    buttonsCellLayout->addWidget(m_addButton, 0, Qt::AlignLeft);
    buttonsCellLayout->addWidget(m_problemLabels.value(Part::Buttons));
    addRow(QStringLiteral("buttons"), buttonsCell);

    m_status = new QLabel(formPage);
    m_status->setObjectName(QStringLiteral("submitStatus"));
    m_status->setWordWrap(true);
    m_submit = new QPushButton(formPage);
    m_submit->setObjectName(QStringLiteral("submitTemplateButton"));
    connect(m_submit, &QPushButton::clicked, this, &TemplateBuilder::submit);

    auto *formLayout = new QVBoxLayout(formPage);
    formLayout->addWidget(m_title);
    formLayout->addLayout(form);
    formLayout->addWidget(m_status);
    formLayout->addWidget(m_submit, 0, Qt::AlignRight);
    formLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(formPage);

    auto *previewPane = new QWidget(this);
    m_previewTitle = new QLabel(previewPane);
    m_previewTitle->setObjectName(QStringLiteral("previewTitle"));
    m_previewTitle->setWordWrap(true);
    m_previewHost = new QWidget(previewPane);
    m_previewHost->setObjectName(QStringLiteral("templatePreview"));
    m_previewHost->setAttribute(Qt::WA_StyledBackground);
    m_previewLayout = new QVBoxLayout(m_previewHost);
    m_previewLayout->addStretch(1);
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->addWidget(m_previewTitle);
    previewLayout->addWidget(m_previewHost, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(scroll);
    splitter->addWidget(previewPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_name, &QLineEdit::textEdited, this, [this] { touch(Part::Name); });
    connect(m_language, &QComboBox::editTextChanged, this, [this] { touch(Part::Language); });
    connect(m_category, &QComboBox::currentIndexChanged, this, [this] { touch(Part::Category); });
    connect(m_variableStyle, &QComboBox::currentIndexChanged, this, [this] { touch(Part::Body); });
    connect(m_headerKind, &QComboBox::currentIndexChanged, this, [this] { touch(Part::Header); });
    connect(m_headerText, &QLineEdit::textEdited, this, [this] { touch(Part::Header); });
    connect(m_headerExample, &QLineEdit::textEdited, this, [this] { touch(Part::Header); });
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] { touch(Part::Body); });
    connect(m_footer, &QLineEdit::textEdited, this, [this] { touch(Part::Footer); });

    retranslateUi();
    clear();
}

void TemplateBuilder::retranslateUi()
{
    m_title->setText(m_languageVersion ? tr("New language version of %1").arg(m_name->text())
                                       : tr("New template"));
    m_formLabels.value(QStringLiteral("name"))->setText(tr("&Name"));
    m_name->setPlaceholderText(tr("e.g. clinic_closed_notice"));
    m_name->setToolTip(tr("Lower-case letters, digits and underscores; patients do not see it."));
    m_formLabels.value(QStringLiteral("language"))->setText(tr("&Language"));
    m_language->setToolTip(tr("WhatsApp's language code, e.g. en, es or es_MX."));
    m_formLabels.value(QStringLiteral("category"))->setText(tr("&Category"));
    m_category->setItemText(0, tr("Utility (appointments, care instructions)"));
    m_category->setItemText(1, tr("Marketing"));
    m_category->setItemText(2, tr("Authentication (one-time codes)"));
    m_formLabels.value(QStringLiteral("style"))->setText(tr("&Variables"));
    m_variableStyle->setItemText(0, tr("Numbered: {{1}}, {{2}} …"));
    m_variableStyle->setItemText(1, tr("Named: {{first_name}} …"));
    m_formLabels.value(QStringLiteral("header"))->setText(tr("&Heading"));
    m_headerKind->setItemText(0, tr("No heading"));
    m_headerKind->setItemText(1, tr("Text"));
    m_headerKind->setItemText(2, tr("Image"));
    m_headerText->setPlaceholderText(tr("Heading text (at most 60 characters, one variable)"));
    m_headerExample->setPlaceholderText(tr("Example value of the heading's variable"));
    m_headerImageButton->setText(tr("Choose example image…"));
    m_headerImageButton->setToolTip(
        tr("WhatsApp reviews an image heading with an example picture (JPEG or PNG, at most "
           "5 MB)."));
    if (m_headerImageBytes.isEmpty())
        m_headerImageInfo->setText(m_headerImageLink.isEmpty()
                                       ? tr("No example image chosen yet.")
                                       : tr("The example image WhatsApp already has."));
    m_formLabels.value(QStringLiteral("body"))->setText(tr("&Message"));
    m_body->setPlaceholderText(
        tr("Hello {{1}}, your appointment is on {{2}}. Reply if you need another time."));
    m_formLabels.value(QStringLiteral("examples"))->setText(tr("Examples"));
    m_formLabels.value(QStringLiteral("footer"))->setText(tr("&Footer"));
    m_footer->setPlaceholderText(tr("Optional, at most 60 characters, no variables"));
    m_formLabels.value(QStringLiteral("buttons"))->setText(tr("Buttons"));
    m_addButton->setText(tr("Add a button"));
    m_previewTitle->setText(tr("What the patient sees"));
    m_submit->setText(tr("Submit to WhatsApp for review"));
    for (const ButtonRow &row : std::as_const(m_buttonRows)) {
        row.kind->setItemText(0, tr("Quick reply"));
        row.kind->setItemText(1, tr("Web page"));
        row.kind->setItemText(2, tr("Phone call"));
        row.text->setPlaceholderText(tr("Button label (at most 25 characters)"));
        row.remove->setToolTip(tr("Remove this button"));
    }
    rebuildExamples(m_shownVariables);
    refresh();
}

void TemplateBuilder::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        // The examples are rebuilt with their labels in the new language.
        m_shownVariables.clear();
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

TemplateDraft TemplateBuilder::draft() const
{
    TemplateDraft d;
    d.name = m_name->text().trimmed();
    d.language = m_language->currentText().trimmed();
    d.category = m_category->currentData().toString();
    d.namedVariables = m_variableStyle->currentData().toBool();
    d.headerKind = TemplateDraft::HeaderKind(m_headerKind->currentData().toInt());
    d.headerText = m_headerText->text();
    d.headerExample = m_headerExample->text();
    d.headerImageLink = m_headerImageLink;
    d.headerImage = m_headerImageBytes;
    d.body = m_body->toPlainText();
    const QStringList variables = d.variables();
    for (const QString &v : variables)
        d.examples.insert(v, m_examples.value(v));
    d.footer = m_footer->text();
    for (const ButtonRow &row : m_buttonRows) {
        TemplateDraftButton b;
        b.kind = TemplateDraftButton::Kind(row.kind->currentData().toInt());
        b.text = row.text->text();
        b.target = row.target->text();
        d.buttons.append(b);
    }
    return d;
}

void TemplateBuilder::setDraft(const TemplateDraft &d, bool languageVersion)
{
    m_filling = true;
    m_languageVersion = languageVersion;
    m_name->setText(d.name);
    m_name->setReadOnly(languageVersion);
    m_language->setEditText(d.language);
    m_category->setCurrentIndex(std::max(0, m_category->findData(d.category)));
    m_category->setEnabled(!languageVersion);
    m_variableStyle->setCurrentIndex(d.namedVariables ? 1 : 0);
    m_headerKind->setCurrentIndex(std::max(0, m_headerKind->findData(int(d.headerKind))));
    m_headerText->setText(d.headerText);
    m_headerExample->setText(d.headerExample);
    m_headerImageLink = d.headerImageLink;
    m_headerImageBytes = d.headerImage;
    m_headerImageName.clear();
    m_headerImagePreview->clear();
    if (!m_headerImageBytes.isEmpty()) {
        QPixmap pixmap;
        if (pixmap.loadFromData(m_headerImageBytes))
            m_headerImagePreview->setPixmap(
                pixmap.scaled(52, 52, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        m_headerImageInfo->setText(QLocale().formattedDataSize(m_headerImageBytes.size(), 2,
                                                               QLocale::DataSizeTraditionalFormat));
    } else {
        m_headerImageInfo->setText(m_headerImageLink.isEmpty()
                                       ? tr("No example image chosen yet.")
                                       : tr("The example image WhatsApp already has."));
    }
    m_examples = d.examples;
    m_body->setPlainText(d.body);
    m_footer->setText(d.footer);
    while (!m_buttonRows.isEmpty())
        removeButtonRow(m_buttonRows.constLast().row);
    for (const TemplateDraftButton &b : d.buttons)
        addButtonRow(b);
    m_touched.clear();
    m_status->clear();
    m_filling = false;
    retranslateUi(); // the title names the template
    if (languageVersion)
        m_language->setFocus();
}

void TemplateBuilder::clear()
{
    setDraft(TemplateDraft());
    m_language->setEditText(QString());
    refresh();
}

void TemplateBuilder::addButton(TemplateDraftButton::Kind kind)
{
    TemplateDraftButton b;
    b.kind = kind;
    addButtonRow(b);
    touch(Part::Buttons);
    m_buttonRows.constLast().text->setFocus();
}

void TemplateBuilder::addButtonRow(const TemplateDraftButton &button)
{
    ButtonRow row;
    row.row = new QWidget(m_addButton->parentWidget());
    auto *layout = new QHBoxLayout(row.row);
    layout->setContentsMargins(0, 0, 0, 0);
    row.kind = new QComboBox(row.row);
    for (auto kind : {TemplateDraftButton::Kind::QuickReply, TemplateDraftButton::Kind::Url,
                      TemplateDraftButton::Kind::Phone})
        row.kind->addItem(QString(), int(kind));
    row.kind->setCurrentIndex(row.kind->findData(int(button.kind)));
    row.text = new QLineEdit(button.text, row.row);
    row.target = new QLineEdit(button.target, row.row);
    row.remove = new QToolButton(row.row);
    row.remove->setText(QStringLiteral("✕"));
    layout->addWidget(row.kind);
    layout->addWidget(row.text, 2);
    layout->addWidget(row.target, 3);
    layout->addWidget(row.remove);
    m_buttonsLayout->addWidget(row.row);
    row.row->show(); // now, not when the layout gets round to it: refresh() shows its fields
    QWidget *key = row.row;
    connect(row.kind, &QComboBox::currentIndexChanged, this, [this] { touch(Part::Buttons); });
    connect(row.text, &QLineEdit::textEdited, this, [this] { touch(Part::Buttons); });
    connect(row.target, &QLineEdit::textEdited, this, [this] { touch(Part::Buttons); });
    connect(row.remove, &QToolButton::clicked, this, [this, key] {
        removeButtonRow(key);
        touch(Part::Buttons);
    });
    m_buttonRows.append(row);
    renameButtonRows();
    retranslateUi();
}

void TemplateBuilder::removeButtonRow(QWidget *row)
{
    for (qsizetype i = 0; i < m_buttonRows.size(); ++i) {
        if (m_buttonRows.at(i).row == row) {
            m_buttonRows.removeAt(i);
            row->hide();
            row->deleteLater();
            break;
        }
    }
    renameButtonRows();
    refresh();
}

void TemplateBuilder::renameButtonRows()
{
    for (qsizetype i = 0; i < m_buttonRows.size(); ++i) {
        const ButtonRow &row = m_buttonRows.at(i);
        const QString n = QString::number(i + 1);
        row.kind->setObjectName(QStringLiteral("buttonKind") + n);
        row.text->setObjectName(QStringLiteral("buttonText") + n);
        row.target->setObjectName(QStringLiteral("buttonTarget") + n);
        row.remove->setObjectName(QStringLiteral("buttonRemove") + n);
    }
}

void TemplateBuilder::touch(Part part)
{
    if (m_filling)
        return;
    m_touched.insert(part);
    m_status->clear();
    refresh();
}

void TemplateBuilder::rebuildExamples(const QStringList &variables)
{
    if (variables == m_shownVariables && m_examplesForm->rowCount() == variables.size())
        return;
    m_shownVariables = variables;
    while (m_examplesForm->rowCount() > 0)
        m_examplesForm->removeRow(0);
    m_exampleEdits.clear();
    for (const QString &v : variables) {
        auto *edit = new QLineEdit(m_examples.value(v), m_examplesHost);
        edit->setObjectName(QStringLiteral("example_") + v);
        connect(edit, &QLineEdit::textEdited, this, [this, v](const QString &text) {
            m_examples.insert(v, text);
            touch(Part::Body);
        });
        //: The example value of one of the template's variables, e.g. "Example of {{2}}".
        m_examplesForm->addRow(tr("Example of {{%1}}").arg(v), edit);
        m_exampleEdits.insert(v, edit);
    }
    m_examplesHint->setText(variables.isEmpty()
                                ? tr("Write {{1}} (or {{first_name}}) in the message where a "
                                     "value goes; WhatsApp reviews it with an example.")
                                : tr("WhatsApp reviews the template with these examples; they "
                                     "are not sent to patients."));
}

bool TemplateBuilder::setHeaderImageFile(const QString &path)
{
    QFile file(path);
    QByteArray bytes;
    if (file.open(QIODevice::ReadOnly))
        bytes = file.read(Console::ComposeLimits::ImageMaxBytes + 1);
    QPixmap pixmap;
    if (bytes.size() > Console::ComposeLimits::ImageMaxBytes ||
        Console::ComposeLimits::imageType(bytes).isEmpty() || !pixmap.loadFromData(bytes)) {
        m_headerImageInfo->setText(tr("The example must be a JPEG or PNG picture of at most "
                                      "5 MB. Choose another file."));
        return false;
    }
    m_headerImageBytes = bytes;
    m_headerImageName = QFileInfo(path).fileName();
    m_headerImagePreview->setPixmap(
        pixmap.scaled(52, 52, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    //: The chosen example picture: its file name and size, e.g. "clinic.jpg · 240 KB".
    m_headerImageInfo->setText(tr("%1 · %2").arg(
        m_headerImageName,
        QLocale().formattedDataSize(bytes.size(), 2, QLocale::DataSizeTraditionalFormat)));
    touch(Part::Header);
    return true;
}

void TemplateBuilder::refresh()
{
    const TemplateDraft d = draft();
    rebuildExamples(d.variables());
    const auto kind = d.headerKind;
    m_headerText->setVisible(kind == TemplateDraft::HeaderKind::Text);
    m_headerExample->setVisible(kind == TemplateDraft::HeaderKind::Text &&
                                !d.headerVariable().isEmpty());
    m_headerImageRow->setVisible(kind == TemplateDraft::HeaderKind::Image);
    for (const ButtonRow &row : std::as_const(m_buttonRows)) {
        const auto buttonKind = TemplateDraftButton::Kind(row.kind->currentData().toInt());
        row.target->setVisible(buttonKind != TemplateDraftButton::Kind::QuickReply);
        row.target->setPlaceholderText(buttonKind == TemplateDraftButton::Kind::Url
                                           ? tr("https://…")
                                           : tr("Number with country code, e.g. +15550100200"));
    }

    const qsizetype length = d.body.size();
    //: The message's length against WhatsApp's limit, e.g. "120 / 1,024".
    m_bodyCounter->setText(tr("%L1 / %L2").arg(length).arg(1024));
    m_bodyCounter->setProperty("problem", length > 1024);

    const QHash<Part, QString> problems = d.problems();
    for (auto it = m_problemLabels.cbegin(); it != m_problemLabels.cend(); ++it) {
        const QString text = m_touched.contains(it.key()) ? problems.value(it.key()) : QString();
        it.value()->setText(text);
        it.value()->setVisible(!text.isEmpty());
    }
    if (m_touched.contains(Part::Whole) && problems.contains(Part::Whole)) {
        m_status->setProperty("failed", true);
        m_status->setText(problems.value(Part::Whole));
    }
    m_submit->setEnabled(problems.isEmpty() && !m_busy);

    // The preview: a new bubble each time, as the conversation screen would draw it.
    Console::MessageItem item;
    item.kind = Console::MessageItem::Kind::Template;
    item.direction = Console::MessageItem::Direction::Out;
    item.templateName = d.name;
    item.text = d.previewText();
    delete m_bubble; // never the sender: refresh() runs on the form's signals
    m_bubble = new MessageBubble(item, m_previewHost);
    m_bubble->setObjectName(QStringLiteral("bubble"));
    m_previewLayout->insertWidget(0, m_bubble, 0, Qt::AlignRight);
}

QString TemplateBuilder::shownProblem(Part part) const
{
    if (part == Part::Whole)
        return m_status->property("failed").toBool() ? m_status->text() : QString();
    const QLabel *label = m_problemLabels.value(part);
    return label && !label->isHidden() ? label->text() : QString();
}

bool TemplateBuilder::canSubmit() const
{
    return m_submit->isEnabled();
}

QString TemplateBuilder::previewText() const
{
    return m_bubble ? m_bubble->message().text : QString();
}

void TemplateBuilder::submit()
{
    // Every field counts as touched now: show everything that is still wrong.
    for (Part part : {Part::Name, Part::Language, Part::Category, Part::Header, Part::Body,
                      Part::Footer, Part::Buttons, Part::Whole})
        m_touched.insert(part);
    refresh();
    if (!canSubmit())
        return;
    m_busy = true;
    m_submit->setEnabled(false);
    m_status->setProperty("failed", false);
    m_status->setText(tr("Sending the template to the hub…"));
    Q_EMIT submitRequested(draft());
}

void TemplateBuilder::submitAnswered(bool ok, const QString &message)
{
    m_busy = false;
    if (ok) {
        clear();
        m_status->setProperty("failed", false);
    } else {
        refresh();
        m_status->setProperty("failed", true);
    }
    m_status->setText(message);
    m_status->style()->unpolish(m_status);
    m_status->style()->polish(m_status);
}

} // namespace Wardline::Ui
