#pragma once

#include "console/conversationclient.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace Wardline::Console {
class CannedResponses;
struct CannedResponse;
} // namespace Wardline::Console

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Ui {

class CannedResponsePicker;
class ImageAttachment;

/// Where staff write to a patient: free text inside WhatsApp's 24-hour window (with the time
/// left in view), an approved template with a form per variable and a live preview outside it,
/// or an internal note that is never sent. Meta's limits are checked as staff type;
/// Ctrl+Enter sends.
class Composer : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Reply, Note };

    explicit Composer(QWidget *parent = nullptr);

    /// The clock the window's countdown runs on (nullptr: the system clock).
    void setClock(const Core::Clock *clock);
    /// A conversation was opened or refetched. \a windowSecondsLeft is the hub's count at
    /// \a measuredAt; \a firstName prefills a template's {{1}}.
    void setConversation(qint64 id, qint64 windowSecondsLeft, const QDateTime &measuredAt,
                         const QString &firstName, const QString &language);
    void setDraft(const QString &text);
    void setTemplates(const QList<Console::TemplateInfo> &templates);

    [[nodiscard]] Mode mode() const;
    void setMode(Mode mode);
    [[nodiscard]] bool windowOpen() const;
    [[nodiscard]] QString text() const;
    /// Focuses the reply box, or the "Choose a template" button when it is disabled.
    void focusEditor();
    /// Shows the template picker (the "Choose a template" button does the same).
    void showTemplatePicker();
    [[nodiscard]] bool templatePickerVisible() const;
    /// Fills the picker's variable \a index (0-based) of the chosen template.
    void setTemplateValue(int index, const QString &value);
    void chooseTemplate(const QString &name);
    [[nodiscard]] QString templatePreview() const;
    [[nodiscard]] bool canSendTemplate() const;
    [[nodiscard]] bool canSend() const;
    /// Sends what is written (what Ctrl+Enter and the Send button do).
    void send();
    void sendChosenTemplate();

    /// The session's canned responses (not owned; nullptr when signed out).
    void setCannedResponses(Console::CannedResponses *responses);
    /// Opens the canned responses in the patient's language with the keyboard in the list
    /// (the "Canned responses" button); "/" in an empty reply box opens them as well.
    void showCannedResponses();
    [[nodiscard]] bool cannedResponsesAllowed() const;
    [[nodiscard]] CannedResponsePicker *cannedPicker() const { return m_cannedPicker; }
    /// Attaches the picture at \a path (what choosing it in the "Attach image" file dialog
    /// does; tests call it instead of the dialog). False, with the reason shown, when WhatsApp
    /// would not take it.
    bool attachImage(const QString &path);
    [[nodiscard]] bool hasAttachment() const;
    [[nodiscard]] QString attachmentError() const;

Q_SIGNALS:
    void textSubmitted(const QString &text);
    void noteSubmitted(const QString &text);
    void templateSubmitted(const QString &name, const QString &language, const QStringList &values);
    /// A picture to send (JPEG or PNG bytes) with its caption, which may be empty.
    void imageSubmitted(const QByteArray &bytes, const QString &caption);
    /// The text for conversation \a id changed (saved as its draft after a pause).
    void draftChanged(qint64 id, const QString &text);
    /// The picker needs the templates in \a language.
    void templatesWanted(const QString &language);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateState();
    void rebuildTemplateForm();
    void updateTemplatePreview();
    [[nodiscard]] qint64 secondsLeft() const;
    [[nodiscard]] const Console::TemplateInfo *chosenTemplate() const;
    /// Opens the canned responses; \a typed: filtered by what follows "/" in the reply box.
    void openCannedPicker(bool typed);
    void closeCannedPicker();
    /// The responses in the patient's language with the patient's and staff member's
    /// placeholders filled: what the list previews is what is inserted.
    [[nodiscard]] QList<Console::CannedResponse> cannedForPatient() const;
    /// Puts \a response, its placeholders filled, in the reply box for staff to edit and send.
    void insertCanned(const Console::CannedResponse &response);

    const Core::Clock *m_clock = nullptr;
    qint64 m_conversationId = 0;
    qint64 m_windowSecondsLeft = 0;
    QDateTime m_measuredAt;
    QString m_firstName;
    QString m_language;
    QList<Console::TemplateInfo> m_templates;
    bool m_settingDraft = false;

    QStackedWidget *m_pages = nullptr;
    QToolButton *m_replyButton = nullptr;
    QToolButton *m_noteButton = nullptr;
    QButtonGroup *m_modeGroup = nullptr;
    QLabel *m_windowLabel = nullptr;
    QPlainTextEdit *m_edit = nullptr;
    QLabel *m_counter = nullptr;
    QLabel *m_closedLabel = nullptr;
    QPushButton *m_chooseTemplateButton = nullptr;
    QToolButton *m_quickReplies = nullptr;
    QPushButton *m_sendButton = nullptr;
    QToolButton *m_attachButton = nullptr;
    ImageAttachment *m_attachment = nullptr;
    QLabel *m_attachError = nullptr;

    QLabel *m_templateTitle = nullptr;
    QComboBox *m_templateCombo = nullptr;
    QWidget *m_formHost = nullptr;
    QFormLayout *m_form = nullptr;
    QList<QLineEdit *> m_fields;
    QList<QLabel *> m_fieldErrors;
    QLabel *m_previewTitle = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_templateError = nullptr;
    QPushButton *m_sendTemplateButton = nullptr;
    QPushButton *m_backButton = nullptr;

    QPointer<Console::CannedResponses> m_canned;
    CannedResponsePicker *m_cannedPicker = nullptr;
    QPushButton *m_cannedButton = nullptr;
    bool m_cannedTyped = false; ///< opened by "/": the reply box filters it

    QTimer *m_tick = nullptr;
    QTimer *m_draftTimer = nullptr;
};

} // namespace Wardline::Ui
