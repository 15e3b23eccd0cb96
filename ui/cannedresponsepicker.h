#pragma once

#include "console/cannedresponses.h"

#include <QFrame>

#include <optional>

class QLabel;
class QListWidget;

namespace Wardline::Ui {

/// The composer's list of canned responses in the patient's language, filtered by what follows
/// "/" (a shortcut's start or any word of its title). Keyboard first: the composer moves the
/// selection with the arrows and chooses with Enter while staff keep typing; in the list itself
/// Enter chooses and Esc closes. Choosing only hands the response over: nothing is sent.
class CannedResponsePicker : public QFrame
{
    Q_OBJECT
public:
    explicit CannedResponsePicker(QWidget *parent = nullptr);

    /// The responses to offer, and the language they are in (for the heading).
    void setResponses(const QList<Console::CannedResponse> &responses, const QString &language);
    /// Shows only those whose shortcut starts with \a filter ("/dir") or whose title contains
    /// its words; the first one shown is selected.
    void setFilter(const QString &filter);
    [[nodiscard]] QString filter() const { return m_filter; }
    /// The responses shown, in order.
    [[nodiscard]] QList<Console::CannedResponse> shown() const;
    /// Moves the selection \a step rows (wrapping round).
    void moveSelection(int step);
    /// The response selected, if any.
    [[nodiscard]] std::optional<Console::CannedResponse> current() const;
    /// Chooses the selected response (what Enter does).
    void chooseCurrent();
    /// Puts the keyboard in the list (when opened with the button).
    void focusList();

Q_SIGNALS:
    void chosen(const Wardline::Console::CannedResponse &response);
    /// Esc in the list.
    void dismissed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void retranslateUi();

    QList<Console::CannedResponse> m_responses;
    QString m_language;
    QString m_filter;
    QLabel *m_heading = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace Wardline::Ui
