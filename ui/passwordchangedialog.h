#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Wardline::Ui {

/// Asks a staff member who signed in with a temporary password for their own: explains the
/// hub's password rules, checks that the two entries match, and hands the new password on with
/// passwordChosen(); the hub's refusal comes back through showError(). Cancelling signs out.
class PasswordChangeDialog : public QDialog
{
    Q_OBJECT
public:
    /// The hub's minimum length (Hub::PasswordPolicy::MinimumLength); checked here too so the
    /// common mistake is said at once, but the hub decides.
    static constexpr int MinimumLength = 12;

    explicit PasswordChangeDialog(QWidget *parent = nullptr);

    /// While busy the fields are disabled and the button says the change is under way.
    void setBusy(bool busy);
    /// Shows \a message (already for staff) and puts the cursor back in the new password.
    void showError(const QString &message);

Q_SIGNALS:
    /// The two entries match and are long enough; ask the hub.
    void passwordChosen(const QString &password);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void submit();

    QLabel *m_explanation = nullptr;
    QLabel *m_newLabel = nullptr;
    QLineEdit *m_newEdit = nullptr;
    QLabel *m_confirmLabel = nullptr;
    QLineEdit *m_confirmEdit = nullptr;
    QLabel *m_errorLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_changeButton = nullptr;
    bool m_busy = false;
};

} // namespace Wardline::Ui
