#pragma once

#include "console/cannedresponses.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Wardline::Ui {

/// The site's canned responses for administrators (a section of the Settings desk): the list in
/// one language, and a form to add, change or delete one. Shortcut, title and text are checked
/// as they are typed with the hub's rules, and the hub's refusal is shown where it applies.
class CannedResponsesEditor : public QWidget
{
    Q_OBJECT
public:
    explicit CannedResponsesEditor(QWidget *parent = nullptr);

    /// The session's canned responses (not owned); nullptr on sign-out.
    void setSource(Console::CannedResponses *responses);

    /// Shows the responses in \a language ("en", "es") and makes new ones in it.
    void setLanguage(const QString &language);
    [[nodiscard]] QString language() const;
    /// Selects the response with \a shortcut in the current language for editing.
    bool select(const QString &shortcut);
    /// Empties the form for a new response.
    void startNew();
    /// What is wrong with the form, in the UI language; empty when it may be saved.
    [[nodiscard]] QString problem() const;
    /// The message shown under the form (a problem, or the hub's refusal).
    [[nodiscard]] QString message() const;

public Q_SLOTS:
    void save();
    void removeSelected();

Q_SIGNALS:
    /// The hub answered a save or a delete; \a ok when it took it.
    void saved(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuildList();
    void showSelected();
    void updateState();
    void retranslateUi();
    void showMessage(const QString &message, bool error);

    QPointer<Console::CannedResponses> m_source;
    qint64 m_editingId = 0; ///< 0: a new response
    bool m_busy = false;
    bool m_messageIsError = false;
    QString m_pendingShortcut; ///< selected again once the saved list arrives

    QLabel *m_heading = nullptr;
    QLabel *m_languageLabel = nullptr;
    QComboBox *m_languageCombo = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_shortcutLabel = nullptr;
    QLineEdit *m_shortcut = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLineEdit *m_title = nullptr;
    QLabel *m_bodyLabel = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_placeholders = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
};

} // namespace Wardline::Ui
