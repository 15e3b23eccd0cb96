#include "ui/composer.h"

#include "console/cannedresponses.h"
#include "core/clock.h"
#include "ui/cannedresponsepicker.h"
#include "ui/imageattachment.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStyle>
#include <QTextCursor>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Wardline::Ui {

using Console::ComposeLimits::ParameterProblem;

namespace {
constexpr auto StyleSheet = QLatin1StringView(R"(
QPlainTextEdit#composerEdit { background: #ffffff; border: 1px solid #c5ced8; border-radius: 6px; }
QPlainTextEdit#composerEdit[mode="note"] { background: #fff6c9; border-color: #e0c25a; }
QPlainTextEdit#composerEdit:disabled { background: #eef1f4; }
QLabel#windowLabel[open="false"], QLabel#closedLabel { color: #8a1f11; }
QLabel#counter[over="true"], QLabel#fieldError, QLabel#templateError, QLabel#attachError { color: #b3261e; }
QLabel#templatePreview {
    background: #d9fdd3; border-radius: 8px; padding: 8px 10px; color: #111b21;
}
QLabel#previewTitle, QLabel#templateTitle { font-weight: bold; }
)");

QString problemText(ParameterProblem problem)
{
    switch (problem) {
    case ParameterProblem::Empty:
        return Composer::tr("Fill this in: WhatsApp refuses an empty value.");
    case ParameterProblem::NewlineOrTab:
        return Composer::tr("Keep it on one line: WhatsApp refuses line breaks and tabs here.");
    case ParameterProblem::TooManySpaces:
        return Composer::tr("Remove the extra spaces: WhatsApp refuses more than four in a row.");
    case ParameterProblem::None:
        break;
    }
    return {};
}
} // namespace

Composer::Composer(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("composer"));
    setStyleSheet(StyleSheet);
    m_pages = new QStackedWidget(this);

    // Page 0: free text or a note.
    auto *writePage = new QWidget(m_pages);
    m_replyButton = new QToolButton(writePage);
    m_replyButton->setObjectName(QStringLiteral("replyModeButton"));
    m_noteButton = new QToolButton(writePage);
    m_noteButton->setObjectName(QStringLiteral("noteModeButton"));
    for (QToolButton *b : {m_replyButton, m_noteButton}) {
        b->setCheckable(true);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    m_replyButton->setChecked(true);
    m_modeGroup = new QButtonGroup(this);
    m_modeGroup->setExclusive(true);
    m_modeGroup->addButton(m_replyButton);
    m_modeGroup->addButton(m_noteButton);
    connect(m_modeGroup, &QButtonGroup::buttonToggled, this, [this] { updateState(); });
    m_windowLabel = new QLabel(writePage);
    m_windowLabel->setObjectName(QStringLiteral("windowLabel"));
    m_quickReplies = new QToolButton(writePage);
    m_quickReplies->setObjectName(QStringLiteral("quickReplies"));
    m_quickReplies->setPopupMode(QToolButton::InstantPopup);
    m_quickReplies->setMenu(new QMenu(m_quickReplies));

    m_edit = new QPlainTextEdit(writePage);
    m_edit->setObjectName(QStringLiteral("composerEdit"));
    m_edit->setTabChangesFocus(true);
    m_edit->setMinimumHeight(60);
    m_edit->setMaximumHeight(100);
    m_edit->installEventFilter(this);
    m_closedLabel = new QLabel(writePage);
    m_closedLabel->setObjectName(QStringLiteral("closedLabel"));
    m_closedLabel->setWordWrap(true);
    m_chooseTemplateButton = new QPushButton(writePage);
    m_chooseTemplateButton->setObjectName(QStringLiteral("chooseTemplateButton"));
    connect(m_chooseTemplateButton, &QPushButton::clicked, this, &Composer::showTemplatePicker);
    m_cannedButton = new QPushButton(writePage);
    m_cannedButton->setObjectName(QStringLiteral("cannedResponsesButton"));
    connect(m_cannedButton, &QPushButton::clicked, this, &Composer::showCannedResponses);
    m_cannedPicker = new CannedResponsePicker(writePage);
    m_cannedPicker->hide();
    connect(m_cannedPicker, &CannedResponsePicker::chosen, this, &Composer::insertCanned);
    connect(m_cannedPicker, &CannedResponsePicker::dismissed, this, [this] {
        closeCannedPicker();
        m_edit->setFocus(Qt::OtherFocusReason);
    });
    m_counter = new QLabel(writePage);
    m_counter->setObjectName(QStringLiteral("counter"));
    m_sendButton = new QPushButton(writePage);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setDefault(true);
    connect(m_sendButton, &QPushButton::clicked, this, &Composer::send);
    // A picture for the patient: chosen from a file, shown above the reply box until sent.
    m_attachButton = new QToolButton(writePage);
    m_attachButton->setObjectName(QStringLiteral("attachImageButton"));
    m_attachButton->setIcon(QIcon::fromTheme(QStringLiteral("mail-attachment"),
                                             style()->standardIcon(QStyle::SP_FileDialogStart)));
    // An icon, as in WhatsApp: the row also holds the template and canned-response buttons,
    // the counter and Send, in Spanish too. The tooltip and the accessible name say what it does.
    m_attachButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    connect(m_attachButton, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Attach an image"), QString(),
                                                          tr("Images (*.jpg *.jpeg *.png)"));
        if (!path.isEmpty())
            attachImage(path);
    });
    m_attachment = new ImageAttachment(writePage);
    connect(m_attachment, &ImageAttachment::changed, this, &Composer::updateState);
    m_attachError = new QLabel(writePage);
    m_attachError->setObjectName(QStringLiteral("attachError"));
    m_attachError->setWordWrap(true);
    m_attachError->hide();

    m_draftTimer = new QTimer(this);
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(600);
    connect(m_draftTimer, &QTimer::timeout, this,
            [this] { Q_EMIT draftChanged(m_conversationId, m_edit->toPlainText()); });
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        // "/" first in an empty reply box opens the canned responses; what follows filters
        // them, and a space or an emptied box closes them.
        const QString words = m_edit->toPlainText();
        if (!m_cannedPicker->isHidden() && m_cannedTyped) {
            static const QRegularExpression shortcutTyping(QStringLiteral("^/\\S*$"));
            if (shortcutTyping.match(words).hasMatch())
                m_cannedPicker->setFilter(words);
            else
                closeCannedPicker();
        } else if (!m_settingDraft && words == QLatin1String("/") && cannedResponsesAllowed()) {
            openCannedPicker(true);
        }
        updateState();
        if (!m_settingDraft)
            m_draftTimer->start();
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_replyButton);
    top->addWidget(m_noteButton);
    top->addSpacing(12);
    top->addWidget(m_windowLabel, 1);
    top->addWidget(m_quickReplies);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_closedLabel, 1);
    bottom->addWidget(m_chooseTemplateButton);
    bottom->addWidget(m_attachButton);
    // With the other ways to fill the reply: the top row has no room for it in Spanish.
    bottom->addWidget(m_cannedButton);
    bottom->addStretch(0);
    bottom->addWidget(m_counter);
    bottom->addWidget(m_sendButton);
    auto *writeLayout = new QVBoxLayout(writePage);
    writeLayout->setContentsMargins(0, 0, 0, 0);
    writeLayout->addLayout(top);
    writeLayout->addWidget(m_cannedPicker);
    writeLayout->addWidget(m_attachment);
    writeLayout->addWidget(m_attachError);
    writeLayout->addWidget(m_edit);
    writeLayout->addLayout(bottom);

    // Page 1: the template picker.
    auto *templatePage = new QWidget(m_pages);
    m_templateTitle = new QLabel(templatePage);
    m_templateTitle->setObjectName(QStringLiteral("templateTitle"));
    m_templateCombo = new QComboBox(templatePage);
    m_templateCombo->setObjectName(QStringLiteral("templateCombo"));
    connect(m_templateCombo, &QComboBox::currentIndexChanged, this,
            [this] { rebuildTemplateForm(); });
    m_formHost = new QWidget(templatePage);
    m_form = new QFormLayout(m_formHost);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_previewTitle = new QLabel(templatePage);
    m_previewTitle->setObjectName(QStringLiteral("previewTitle"));
    m_preview = new QLabel(templatePage);
    m_preview->setObjectName(QStringLiteral("templatePreview"));
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setWordWrap(true);
    m_preview->setMaximumWidth(420);
    m_templateError = new QLabel(templatePage);
    m_templateError->setObjectName(QStringLiteral("templateError"));
    m_templateError->setWordWrap(true);
    m_backButton = new QPushButton(templatePage);
    m_backButton->setObjectName(QStringLiteral("templateBackButton"));
    connect(m_backButton, &QPushButton::clicked, this, [this] { m_pages->setCurrentIndex(0); });
    m_sendTemplateButton = new QPushButton(templatePage);
    m_sendTemplateButton->setObjectName(QStringLiteral("sendTemplateButton"));
    connect(m_sendTemplateButton, &QPushButton::clicked, this, &Composer::sendChosenTemplate);

    auto *pickRow = new QHBoxLayout;
    pickRow->addWidget(m_templateTitle);
    pickRow->addWidget(m_templateCombo, 1);
    auto *columns = new QHBoxLayout;
    columns->addWidget(m_formHost, 1);
    auto *previewColumn = new QVBoxLayout;
    previewColumn->addWidget(m_previewTitle);
    previewColumn->addWidget(m_preview);
    previewColumn->addStretch(1);
    columns->addLayout(previewColumn, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_templateError, 1);
    buttons->addWidget(m_backButton);
    buttons->addWidget(m_sendTemplateButton);
    auto *templateLayout = new QVBoxLayout(templatePage);
    templateLayout->setContentsMargins(0, 0, 0, 0);
    templateLayout->addLayout(pickRow);
    templateLayout->addLayout(columns);
    templateLayout->addLayout(buttons);

    m_pages->addWidget(writePage);
    m_pages->addWidget(templatePage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(m_pages);

    // The window's countdown moves on by itself.
    m_tick = new QTimer(this);
    m_tick->setInterval(30000);
    connect(m_tick, &QTimer::timeout, this, &Composer::updateState);
    m_tick->start();
    retranslateUi();
}

void Composer::setClock(const Core::Clock *clock)
{
    m_clock = clock;
    updateState();
}

void Composer::setConversation(qint64 id, qint64 windowSecondsLeft, const QDateTime &measuredAt,
                               const QString &firstName, const QString &language)
{
    if (id != m_conversationId) {
        if (m_draftTimer->isActive()) {
            m_draftTimer->stop();
            Q_EMIT draftChanged(m_conversationId, m_edit->toPlainText());
        }
        m_pages->setCurrentIndex(0);
        closeCannedPicker();
        setMode(Mode::Reply);
        setDraft(QString());
        // A picture meant for one patient never goes to the next one opened.
        m_attachment->clear();
        m_attachError->hide();
    }
    const bool languageChanged = language != m_language;
    m_conversationId = id;
    m_windowSecondsLeft = windowSecondsLeft;
    m_measuredAt = measuredAt;
    m_firstName = firstName;
    m_language = language;
    if (languageChanged || m_templates.isEmpty())
        Q_EMIT templatesWanted(language);
    updateState();
}

void Composer::setDraft(const QString &text)
{
    m_settingDraft = true;
    m_edit->setPlainText(text);
    m_settingDraft = false;
    updateState();
}

void Composer::setTemplates(const QList<Console::TemplateInfo> &templates)
{
    const QString current = m_templateCombo->currentData().toString();
    m_templates = templates;
    const QSignalBlocker block(m_templateCombo);
    m_templateCombo->clear();
    for (const Console::TemplateInfo &t : templates)
        m_templateCombo->addItem(t.name, t.name);
    const int keep = m_templateCombo->findData(current);
    m_templateCombo->setCurrentIndex(keep >= 0 ? keep : 0);
    rebuildTemplateForm();
}

Composer::Mode Composer::mode() const
{
    return m_noteButton->isChecked() ? Mode::Note : Mode::Reply;
}

void Composer::setMode(Mode mode)
{
    (mode == Mode::Note ? m_noteButton : m_replyButton)->setChecked(true);
    updateState();
}

qint64 Composer::secondsLeft() const
{
    if (!m_measuredAt.isValid())
        return m_windowSecondsLeft;
    const QDateTime now = m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
    return std::max<qint64>(0, m_windowSecondsLeft - m_measuredAt.secsTo(now));
}

bool Composer::windowOpen() const
{
    return secondsLeft() > 0;
}

QString Composer::text() const
{
    return m_edit->toPlainText();
}

bool Composer::canSend() const
{
    if (hasAttachment() && mode() == Mode::Reply)
        return m_conversationId != 0 && windowOpen() && m_attachment->isValid() &&
               m_edit->toPlainText().size() <= Console::ComposeLimits::TextMax;
    const QString words = m_edit->toPlainText();
    if (m_conversationId == 0 || words.trimmed().isEmpty() ||
        words.size() > Console::ComposeLimits::TextMax)
        return false;
    return mode() == Mode::Note || windowOpen();
}

void Composer::send()
{
    if (!canSend())
        return;
    if (hasAttachment() && mode() == Mode::Reply) {
        Q_EMIT imageSubmitted(m_attachment->bytes(), m_attachment->caption());
        m_attachment->clear();
        // Words in the reply box go too, after the picture, as their own message.
        if (m_edit->toPlainText().trimmed().isEmpty())
            return;
    }
    const QString words = m_edit->toPlainText().trimmed();
    if (mode() == Mode::Note)
        Q_EMIT noteSubmitted(words);
    else
        Q_EMIT textSubmitted(words);
    setDraft(QString());
    m_draftTimer->stop();
    Q_EMIT draftChanged(m_conversationId, QString());
}

void Composer::updateState()
{
    const bool note = mode() == Mode::Note;
    const qint64 left = secondsLeft();
    const bool open = left > 0;
    m_edit->setProperty("mode", note ? QStringLiteral("note") : QStringLiteral("reply"));
    m_edit->style()->unpolish(m_edit);
    m_edit->style()->polish(m_edit);
    m_edit->setEnabled(m_conversationId != 0 && (note || open));
    m_edit->setPlaceholderText(note ? tr("Write an internal note for colleagues. The patient "
                                         "never sees it.")
                                    : tr("Write a reply to the patient…"));
    m_windowLabel->setProperty("open", open);
    m_windowLabel->style()->unpolish(m_windowLabel);
    m_windowLabel->style()->polish(m_windowLabel);
    if (open) {
        const int hours = int(left / 3600);
        const int minutes = int((left % 3600) / 60);
        //: The time left in WhatsApp's 24-hour reply window, e.g. "3 h 12 min".
        m_windowLabel->setText(tr("Reply window: %1 h %2 min left").arg(hours).arg(minutes));
    } else {
        m_windowLabel->setText(tr("Reply window closed"));
    }
    const bool closedReply = !note && !open && m_conversationId != 0;
    m_closedLabel->setVisible(closedReply);
    m_chooseTemplateButton->setVisible(!note);
    m_quickReplies->setEnabled(!note && open);
    m_cannedButton->setEnabled(cannedResponsesAllowed());
    if (!m_cannedPicker->isHidden() && !cannedResponsesAllowed())
        closeCannedPicker(); // the window closed, or staff switched to a note
    // Pictures are free-form messages: only to the patient, only inside the window.
    m_attachButton->setVisible(!note);
    m_attachButton->setEnabled(m_conversationId != 0 && open);
    m_attachment->setVisible(!note && !m_attachment->isEmpty());
    const qsizetype size = m_edit->toPlainText().size();
    m_counter->setText(tr("%1 / %2").arg(size).arg(Console::ComposeLimits::TextMax));
    m_counter->setProperty("over", size > Console::ComposeLimits::TextMax);
    m_counter->style()->unpolish(m_counter);
    m_counter->style()->polish(m_counter);
    m_counter->setToolTip(size > Console::ComposeLimits::TextMax
                              ? tr("WhatsApp takes at most %n characters in one message.", nullptr,
                                   Console::ComposeLimits::TextMax)
                              : QString());
    m_sendButton->setText(note                      ? tr("Add note")
                          : m_attachment->isEmpty() ? tr("Send")
                                                    : tr("Send image"));
    m_sendButton->setEnabled(canSend());
}

bool Composer::attachImage(const QString &path)
{
    QString error;
    if (!m_attachment->setFile(path, &error)) {
        m_attachError->setText(error);
        m_attachError->show();
        return false;
    }
    m_attachError->hide();
    updateState();
    return true;
}

bool Composer::hasAttachment() const
{
    return !m_attachment->isEmpty();
}

QString Composer::attachmentError() const
{
    return m_attachError->isVisible() ? m_attachError->text() : QString();
}

void Composer::focusEditor()
{
    if (m_pages->currentIndex() == 1)
        m_templateCombo->setFocus(Qt::ShortcutFocusReason);
    else if (m_edit->isEnabled())
        m_edit->setFocus(Qt::ShortcutFocusReason);
    else
        m_chooseTemplateButton->setFocus(Qt::ShortcutFocusReason);
}

void Composer::showTemplatePicker()
{
    // Asked again each time: a template approved since the last time must be offered.
    Q_EMIT templatesWanted(m_language);
    m_pages->setCurrentIndex(1);
    rebuildTemplateForm();
}

bool Composer::templatePickerVisible() const
{
    return m_pages->currentIndex() == 1;
}

const Console::TemplateInfo *Composer::chosenTemplate() const
{
    const int i = m_templateCombo->currentIndex();
    return i >= 0 && i < m_templates.size() ? &m_templates.at(i) : nullptr;
}

void Composer::chooseTemplate(const QString &name)
{
    const int i = m_templateCombo->findData(name);
    if (i >= 0)
        m_templateCombo->setCurrentIndex(i);
}

void Composer::rebuildTemplateForm()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_fields.clear();
    m_fieldErrors.clear();
    const Console::TemplateInfo *t = chosenTemplate();
    const int count = t ? t->variableCount : 0;
    for (int i = 0; i < count; ++i) {
        auto *field = new QLineEdit(m_formHost);
        field->setObjectName(QStringLiteral("templateField%1").arg(i + 1));
        if (i == 0)
            field->setText(m_firstName); // {{1}} is the patient's name in every template
        auto *error = new QLabel(m_formHost);
        error->setObjectName(QStringLiteral("fieldError"));
        error->setWordWrap(true);
        auto *cell = new QWidget(m_formHost);
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(1);
        cellLayout->addWidget(field);
        cellLayout->addWidget(error);
        //: A template's variable, e.g. "{{2}}".
        m_form->addRow(tr("Value {{%1}}").arg(i + 1), cell);
        connect(field, &QLineEdit::textChanged, this, &Composer::updateTemplatePreview);
        m_fields.append(field);
        m_fieldErrors.append(error);
    }
    updateTemplatePreview();
}

void Composer::setTemplateValue(int index, const QString &value)
{
    if (index >= 0 && index < m_fields.size())
        m_fields.at(index)->setText(value);
}

void Composer::updateTemplatePreview()
{
    const Console::TemplateInfo *t = chosenTemplate();
    if (!t) {
        m_preview->setText(tr("No approved template is available in this language."));
        m_sendTemplateButton->setEnabled(false);
        return;
    }
    QStringList values;
    bool valid = true;
    for (int i = 0; i < m_fields.size(); ++i) {
        values.append(m_fields.at(i)->text());
        const QString problem = problemText(Console::ComposeLimits::checkParameter(values.last()));
        m_fieldErrors.at(i)->setText(problem);
        m_fieldErrors.at(i)->setVisible(!problem.isEmpty());
        valid = valid && problem.isEmpty();
    }
    const QString rendered = t->render(values);
    QString preview = rendered;
    if (!t->header.isEmpty())
        preview = t->header + QStringLiteral("\n\n") + preview;
    if (!t->footer.isEmpty())
        preview += QStringLiteral("\n\n") + t->footer;
    if (!t->buttons.isEmpty())
        preview += u'\n';
    for (const QString &button : t->buttons)
        preview += QStringLiteral("\n[ ") + button + QStringLiteral(" ]");
    m_preview->setText(preview);
    const bool tooLong = rendered.size() > Console::ComposeLimits::TemplateBodyMax;
    m_templateError->setText(tooLong ? tr("The message is too long for WhatsApp (at most %n "
                                          "characters). Shorten the values.",
                                          nullptr, Console::ComposeLimits::TemplateBodyMax)
                                     : QString());
    m_sendTemplateButton->setEnabled(valid && !tooLong && m_conversationId != 0);
}

QString Composer::templatePreview() const
{
    return m_preview->text();
}

bool Composer::canSendTemplate() const
{
    return m_sendTemplateButton->isEnabled();
}

void Composer::sendChosenTemplate()
{
    const Console::TemplateInfo *t = chosenTemplate();
    if (!t || !canSendTemplate())
        return;
    QStringList values;
    for (const QLineEdit *field : std::as_const(m_fields))
        values.append(field->text());
    Q_EMIT templateSubmitted(t->name, t->language, values);
    m_pages->setCurrentIndex(0);
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers().testFlag(Qt::ControlModifier)) {
            send();
            return true;
        }
        // While "/…" filters the canned responses the keys that pick one go to the list.
        if (!m_cannedPicker->isHidden() && m_cannedTyped) {
            switch (key->key()) {
            case Qt::Key_Up:
                m_cannedPicker->moveSelection(-1);
                return true;
            case Qt::Key_Down:
                m_cannedPicker->moveSelection(1);
                return true;
            case Qt::Key_Return:
            case Qt::Key_Enter:
            case Qt::Key_Tab:
                m_cannedPicker->chooseCurrent();
                return true;
            case Qt::Key_Escape:
                closeCannedPicker();
                return true;
            default:
                break;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void Composer::retranslateUi()
{
    m_replyButton->setText(tr("Reply"));
    m_noteButton->setText(tr("Internal note"));
    m_noteButton->setToolTip(tr("Notes stay in the record for colleagues and are never sent."));
    m_quickReplies->setText(tr("Quick replies"));
    QMenu *menu = m_quickReplies->menu();
    menu->clear();
    // One answer for each choice of the patient's menu (refill, appointment, lab, nurse).
    const QStringList replies{
        tr("We have received your refill request. The pharmacy team will confirm when your "
           "prescription is ready."),
        tr("We have received your appointment request. Reception will write to you with the "
           "options."),
        tr("Your results will be explained by your care team. A nurse will contact you shortly."),
        tr("A nurse has read your message and will answer you here shortly."),
    };
    for (const QString &reply : replies) {
        QAction *action = menu->addAction(reply.left(60) + QStringLiteral("…"));
        connect(action, &QAction::triggered, this, [this, reply] {
            m_edit->setPlainText(reply);
            m_edit->setFocus();
        });
    }
    m_closedLabel->setText(tr("More than 24 hours have passed since the patient last wrote, so "
                              "WhatsApp only allows an approved template until they reply."));
    m_chooseTemplateButton->setText(tr("Choose a template"));
    m_cannedButton->setText(tr("Canned responses"));
    m_cannedButton->setToolTip(tr("Saved replies in the patient's language. You can also type / "
                                  "in the empty reply box."));
    m_attachButton->setText(tr("Attach image"));
    m_attachButton->setAccessibleName(m_attachButton->text());
    m_attachButton->setToolTip(tr("Send the patient a JPEG or PNG picture of at most 5 MB, "
                                  "with an optional caption."));
    m_templateTitle->setText(tr("Template:"));
    m_previewTitle->setText(tr("What the patient will see"));
    m_backButton->setText(tr("Back"));
    m_sendTemplateButton->setText(tr("Send template"));
    m_edit->setToolTip(tr("Ctrl+Enter sends."));
    rebuildTemplateForm();
    updateState();
}

void Composer::setCannedResponses(Console::CannedResponses *responses)
{
    if (m_canned)
        disconnect(m_canned, nullptr, this, nullptr);
    closeCannedPicker();
    m_canned = responses;
    if (m_canned) {
        // An administrator's change reaches a picker that is open, too.
        connect(m_canned, &Console::CannedResponses::changed, this, [this] {
            if (!m_cannedPicker->isHidden())
                m_cannedPicker->setResponses(cannedForPatient(), m_language);
        });
    }
    updateState();
}

bool Composer::cannedResponsesAllowed() const
{
    // Patient-facing words: only where free text may be sent, never in a note.
    return m_canned && m_conversationId != 0 && mode() == Mode::Reply && windowOpen();
}

void Composer::showCannedResponses()
{
    if (!cannedResponsesAllowed())
        return;
    openCannedPicker(false);
    m_cannedPicker->focusList();
}

void Composer::openCannedPicker(bool typed)
{
    m_cannedTyped = typed;
    m_cannedPicker->setFilter(typed ? m_edit->toPlainText() : QString());
    m_cannedPicker->setResponses(cannedForPatient(), m_language); // from the top
    m_cannedPicker->show();
}

void Composer::closeCannedPicker()
{
    m_cannedPicker->hide();
    m_cannedTyped = false;
}

QList<Console::CannedResponse> Composer::cannedForPatient() const
{
    if (!m_canned)
        return {};
    const QHash<QString, QString> values{{QStringLiteral("patient_first_name"), m_firstName},
                                         {QStringLiteral("staff_name"), m_canned->staffName()}};
    QList<Console::CannedResponse> out = m_canned->inLanguage(m_language);
    for (Console::CannedResponse &r : out)
        r.text = Console::CannedResponses::fill(r.text, values);
    return out;
}

void Composer::insertCanned(const Console::CannedResponse &response)
{
    const bool typed = m_cannedTyped;
    closeCannedPicker();
    const QString text = response.text; // filled for this patient (cannedForPatient)
    QTextCursor cursor = m_edit->textCursor();
    if (typed)
        cursor.select(QTextCursor::Document); // the "/…" typed to find it
    cursor.insertText(text);
    // What is still in braces has no value here: selected, so staff type over it.
    static const QRegularExpression unfilled(QStringLiteral("\\{[a-z_]+\\}"));
    const QString all = m_edit->toPlainText();
    const QRegularExpressionMatch hole = unfilled.match(all);
    if (hole.hasMatch()) {
        cursor.setPosition(int(hole.capturedStart()));
        cursor.setPosition(int(hole.capturedEnd()), QTextCursor::KeepAnchor);
    }
    m_edit->setTextCursor(cursor);
    m_edit->setFocus(Qt::OtherFocusReason);
}

void Composer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Wardline::Ui
