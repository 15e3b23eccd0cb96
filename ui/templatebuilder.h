#pragma once

#include "console/templatedraft.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace Wardline::Ui {

class MessageBubble;

/// The form an administrator writes a WhatsApp template in: name, language, category,
/// heading (text or image), body with {{1}} or {{name}} variables and an example for each,
/// footer and buttons. Meta's rules are checked as it is typed (each field says what is
/// wrong once it was touched) and the patient's view is previewed as a WhatsApp bubble.
class TemplateBuilder : public QWidget
{
    Q_OBJECT
public:
    explicit TemplateBuilder(QWidget *parent = nullptr);

    /// What the form holds.
    [[nodiscard]] Console::TemplateDraft draft() const;
    /// Fills the form with \a draft. \a languageVersion: another language of an existing
    /// template, whose name and category cannot change.
    void setDraft(const Console::TemplateDraft &draft, bool languageVersion = false);
    /// Uses the picture at \a path as the image heading's example (what choosing it in the
    /// "Choose example image" file dialog does; tests call it instead of the dialog). False,
    /// with the reason shown, when it is not a JPEG or PNG of at most 5 MB.
    bool setHeaderImageFile(const QString &path);
    /// An empty form for a new template.
    void clear();

    /// The problem the form shows for \a part; empty when it shows none.
    [[nodiscard]] QString shownProblem(Console::TemplateDraft::Part part) const;
    [[nodiscard]] bool canSubmit() const;
    /// The words of the preview bubble.
    [[nodiscard]] QString previewText() const;
    [[nodiscard]] MessageBubble *previewBubble() const { return m_bubble; }

    /// The hub's answer to the submission (\a message for staff); a success empties the form.
    void submitAnswered(bool ok, const QString &message);

    /// Adds a button of \a kind (the "Add button" menu does the same).
    void addButton(Console::TemplateDraftButton::Kind kind);

Q_SIGNALS:
    void submitRequested(const Wardline::Console::TemplateDraft &draft);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct ButtonRow
    {
        QWidget *row = nullptr;
        QComboBox *kind = nullptr;
        QLineEdit *text = nullptr;
        QLineEdit *target = nullptr;
        QToolButton *remove = nullptr;
    };

    void retranslateUi();
    /// Reads the form, checks it and redraws the problems, the examples and the preview.
    void refresh();
    void rebuildExamples(const QStringList &variables);
    void addButtonRow(const Console::TemplateDraftButton &button);
    void removeButtonRow(QWidget *row);
    void renameButtonRows();
    void touch(Console::TemplateDraft::Part part);
    void submit();

    QLineEdit *m_name = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_variableStyle = nullptr;
    QComboBox *m_headerKind = nullptr;
    QLineEdit *m_headerText = nullptr;
    QLineEdit *m_headerExample = nullptr;
    QWidget *m_headerImageRow = nullptr;
    QLabel *m_headerImagePreview = nullptr;
    QLabel *m_headerImageInfo = nullptr;
    QPushButton *m_headerImageButton = nullptr;
    QByteArray m_headerImageBytes;
    QString m_headerImageName;
    QString m_headerImageLink; // a template read back: Meta's handle, kept as it was
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_bodyCounter = nullptr;
    QWidget *m_examplesHost = nullptr;
    QFormLayout *m_examplesForm = nullptr;
    QLabel *m_examplesHint = nullptr;
    QLineEdit *m_footer = nullptr;
    QVBoxLayout *m_buttonsLayout = nullptr;
    QPushButton *m_addButton = nullptr;
    QList<ButtonRow> m_buttonRows;
    QHash<Console::TemplateDraft::Part, QLabel *> m_problemLabels;
    QHash<QString, QLineEdit *> m_exampleEdits;
    QHash<QString, QString> m_examples; // kept while variables come and go
    QStringList m_shownVariables;
    QSet<Console::TemplateDraft::Part> m_touched;
    QWidget *m_previewHost = nullptr;
    QVBoxLayout *m_previewLayout = nullptr;
    MessageBubble *m_bubble = nullptr;
    QLabel *m_previewTitle = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_submit = nullptr;
    QHash<QString, QLabel *> m_formLabels; // by field, for retranslation
    QLabel *m_title = nullptr;
    bool m_languageVersion = false;
    bool m_busy = false;
    bool m_filling = false;
};

} // namespace Wardline::Ui
