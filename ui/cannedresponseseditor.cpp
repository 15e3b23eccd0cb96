#include "ui/cannedresponseseditor.h"

#include "ui/language.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Wardline::Ui {

namespace {
constexpr qsizetype TitleMax = 80;  // the hub's limit (CannedResponseApi)
constexpr qsizetype BodyMax = 4096; // WhatsApp's limit for one text message
constexpr int IdRole = Qt::UserRole + 1;
} // namespace

CannedResponsesEditor::CannedResponsesEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("cannedResponsesEditor"));
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    m_languageLabel = new QLabel(this);
    m_languageCombo = new QComboBox(this);
    m_languageCombo->setObjectName(QStringLiteral("cannedLanguageCombo"));
    for (const QString &code : Language::available())
        m_languageCombo->addItem(Language::nativeName(code), code);
    m_languageLabel->setBuddy(m_languageCombo);
    connect(m_languageCombo, &QComboBox::currentIndexChanged, this, [this] {
        rebuildList();
        startNew();
    });
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("cannedAdminList"));
    m_list->setMinimumWidth(220);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { showSelected(); });

    m_shortcutLabel = new QLabel(this);
    m_shortcut = new QLineEdit(this);
    m_shortcut->setObjectName(QStringLiteral("cannedShortcutEdit"));
    m_shortcut->setPlaceholderText(QStringLiteral("/directions"));
    m_shortcutLabel->setBuddy(m_shortcut);
    m_titleLabel = new QLabel(this);
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("cannedTitleEdit"));
    m_titleLabel->setBuddy(m_title);
    m_bodyLabel = new QLabel(this);
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(QStringLiteral("cannedBodyEdit"));
    m_body->setTabChangesFocus(true);
    m_body->setMinimumHeight(110);
    m_bodyLabel->setBuddy(m_body);
    m_placeholders = new QLabel(this);
    m_placeholders->setWordWrap(true);
    m_placeholders->setStyleSheet(QStringLiteral("color: #52616f;"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("cannedMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    for (QLineEdit *edit : {m_shortcut, m_title})
        connect(edit, &QLineEdit::textChanged, this, &CannedResponsesEditor::updateState);
    connect(m_body, &QPlainTextEdit::textChanged, this, &CannedResponsesEditor::updateState);

    m_newButton = new QPushButton(this);
    m_newButton->setObjectName(QStringLiteral("cannedNewButton"));
    m_saveButton = new QPushButton(this);
    m_saveButton->setObjectName(QStringLiteral("cannedSaveButton"));
    m_deleteButton = new QPushButton(this);
    m_deleteButton->setObjectName(QStringLiteral("cannedDeleteButton"));
    connect(m_newButton, &QPushButton::clicked, this, &CannedResponsesEditor::startNew);
    connect(m_saveButton, &QPushButton::clicked, this, &CannedResponsesEditor::save);
    connect(m_deleteButton, &QPushButton::clicked, this, &CannedResponsesEditor::removeSelected);

    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_languageLabel);
    languageRow->addWidget(m_languageCombo);
    languageRow->addStretch();
    auto *left = new QVBoxLayout;
    left->addLayout(languageRow);
    left->addWidget(m_list, 1);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(m_shortcutLabel, m_shortcut);
    form->addRow(m_titleLabel, m_title);
    form->addRow(m_bodyLabel, m_body);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addStretch();
    buttons->addWidget(m_deleteButton);
    buttons->addWidget(m_saveButton);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_placeholders);
    right->addWidget(m_message);
    right->addStretch();
    right->addLayout(buttons);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(right, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(columns, 1);
    retranslateUi();
    updateState();
}

void CannedResponsesEditor::setSource(Console::CannedResponses *responses)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = responses;
    m_busy = false;
    if (m_source) {
        connect(m_source, &Console::CannedResponses::changed, this,
                &CannedResponsesEditor::rebuildList);
        connect(m_source, &Console::CannedResponses::failed, this,
                [this](const QString &message) { showMessage(message, true); });
    }
    rebuildList();
    startNew();
}

void CannedResponsesEditor::setLanguage(const QString &language)
{
    const int i = m_languageCombo->findData(language);
    if (i >= 0)
        m_languageCombo->setCurrentIndex(i);
}

QString CannedResponsesEditor::language() const
{
    return m_languageCombo->currentData().toString();
}

void CannedResponsesEditor::rebuildList()
{
    const qint64 selected =
        m_list->currentItem() ? m_list->currentItem()->data(IdRole).toLongLong() : m_editingId;
    const QSignalBlocker block(m_list);
    m_list->clear();
    if (!m_source)
        return;
    for (const Console::CannedResponse &r : m_source->inLanguage(language())) {
        auto *item = new QListWidgetItem(r.shortcut + QStringLiteral("   ") + r.title, m_list);
        item->setData(IdRole, r.id);
        item->setToolTip(r.body);
        if (r.id == selected || (!m_pendingShortcut.isEmpty() && r.shortcut == m_pendingShortcut))
            m_list->setCurrentItem(item);
    }
    if (!m_pendingShortcut.isEmpty() && m_list->currentItem()) {
        m_pendingShortcut.clear();
        const QString said = message(); // "Saved." stays in view with what was saved
        showSelected();
        showMessage(said, false);
    }
    updateState();
}

bool CannedResponsesEditor::select(const QString &shortcut)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->text().startsWith(shortcut + QStringLiteral("   "))) {
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void CannedResponsesEditor::showSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item || !m_source)
        return;
    const qint64 id = item->data(IdRole).toLongLong();
    for (const Console::CannedResponse &r : m_source->all()) {
        if (r.id != id)
            continue;
        m_editingId = r.id;
        m_shortcut->setText(r.shortcut);
        m_title->setText(r.title);
        m_body->setPlainText(r.body);
    }
    showMessage(QString(), false);
    updateState();
}

void CannedResponsesEditor::startNew()
{
    m_editingId = 0;
    {
        const QSignalBlocker block(m_list);
        m_list->setCurrentRow(-1);
    }
    m_shortcut->clear();
    m_title->clear();
    m_body->clear();
    showMessage(QString(), false);
    updateState();
}

QString CannedResponsesEditor::problem() const
{
    const QString shortcut = m_shortcut->text();
    if (!Console::CannedResponses::isShortcut(shortcut))
        return tr("The shortcut starts with / followed by up to 32 lower-case letters, digits, "
                  "- or _, without spaces, like /directions.");
    if (m_source) {
        for (const Console::CannedResponse &r : m_source->inLanguage(language())) {
            if (r.shortcut == shortcut && r.id != m_editingId)
                //: %1 is a shortcut like /directions, %2 the title of the response using it.
                return tr("%1 is already the shortcut of “%2” in this language. Choose another "
                          "one.")
                    .arg(shortcut, r.title);
        }
    }
    const QString title = m_title->text().trimmed();
    if (title.isEmpty())
        return tr("Give the response a title, so staff recognize it in the list.");
    if (title.size() > TitleMax)
        return tr("Shorten the title to at most %n characters.", nullptr, int(TitleMax));
    const QString body = m_body->toPlainText();
    if (body.trimmed().isEmpty())
        return tr("Write the text the patient will receive.");
    if (body.size() > BodyMax)
        return tr("WhatsApp takes at most %n characters in one message. Shorten the text.", nullptr,
                  int(BodyMax));
    const QStringList unknown = Console::CannedResponses::unknownPlaceholders(body);
    if (!unknown.isEmpty())
        //: %1 is a placeholder like {first_name}; %2 lists the ones Wardline fills.
        return tr("Wardline cannot fill {%1}. Use only: %2.")
            .arg(unknown.first(),
                 u'{' + Console::CannedResponses::placeholders().join(QStringLiteral("}, {")) +
                     u'}');
    return {};
}

QString CannedResponsesEditor::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void CannedResponsesEditor::updateState()
{
    const QString wrong = problem();
    const bool touched = !m_shortcut->text().isEmpty() || !m_title->text().isEmpty() ||
                         !m_body->toPlainText().isEmpty();
    // Nothing to complain about in a form nobody has started to fill.
    // A confirmation ("Saved.") stays until the next problem or edit replaces it.
    if (!m_busy && touched && !wrong.isEmpty())
        showMessage(wrong, true);
    else if (!m_busy && m_messageIsError)
        showMessage(QString(), true);
    m_saveButton->setEnabled(m_source && !m_busy && wrong.isEmpty());
    m_deleteButton->setEnabled(m_source && !m_busy && m_editingId > 0);
    m_newButton->setEnabled(m_source != nullptr);
}

void CannedResponsesEditor::showMessage(const QString &message, bool error)
{
    m_message->setText(message);
    m_messageIsError = error;
    m_message->setStyleSheet(error ? QStringLiteral("color: #8c1d18; font-weight: 600;")
                                   : QStringLiteral("color: #0b4a6f;"));
    m_message->setVisible(!message.isEmpty());
}

void CannedResponsesEditor::save()
{
    if (!m_source || m_busy || !problem().isEmpty())
        return;
    Console::CannedResponse r;
    r.id = m_editingId;
    r.shortcut = m_shortcut->text();
    r.language = language();
    r.title = m_title->text().trimmed();
    r.body = m_body->toPlainText();
    m_busy = true;
    m_pendingShortcut = r.shortcut;
    updateState();
    m_source->save(r, [this](std::optional<Console::CannedRefusal> refusal) {
        m_busy = false;
        updateState();
        if (refusal) {
            m_pendingShortcut.clear();
            showMessage(refusal->message, true);
        } else {
            showMessage(tr("Saved. Staff see it in the composer at once."), false);
        }
        Q_EMIT saved(!refusal);
    });
}

void CannedResponsesEditor::removeSelected()
{
    if (!m_source || m_busy || m_editingId <= 0)
        return;
    m_busy = true;
    updateState();
    m_source->remove(m_editingId, [this](std::optional<Console::CannedRefusal> refusal) {
        m_busy = false;
        if (refusal) {
            updateState();
            showMessage(refusal->message, true);
        } else {
            startNew();
            showMessage(tr("Deleted."), false);
        }
        Q_EMIT saved(!refusal);
    });
}

void CannedResponsesEditor::retranslateUi()
{
    m_heading->setText(tr("Saved replies staff insert in the composer with the Canned responses "
                          "button or by typing / and the shortcut. They edit the text before "
                          "sending it. Changes are written to the audit trail."));
    m_languageLabel->setText(tr("&Language:"));
    m_shortcutLabel->setText(tr("S&hortcut:"));
    m_titleLabel->setText(tr("&Title:"));
    m_bodyLabel->setText(tr("Te&xt:"));
    m_placeholders->setText(
        //: The placeholders keep their English names: {patient_first_name} and so on.
        tr("Placeholders filled when staff insert it: {patient_first_name}, {staff_name}, and "
           "from the site settings {site_name}, {site_address}, {site_phone}, "
           "{emergency_number}. One without a value stays in braces for staff to fill."));
    m_newButton->setText(tr("&New"));
    m_saveButton->setText(tr("&Save response"));
    m_deleteButton->setText(tr("&Delete"));
    for (int i = 0; i < m_languageCombo->count(); ++i)
        m_languageCombo->setItemText(i,
                                     Language::nativeName(m_languageCombo->itemData(i).toString()));
    updateState();
}

void CannedResponsesEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Wardline::Ui
