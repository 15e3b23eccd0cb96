#pragma once

#include "core/user.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Wardline::Ui {

/// A staff account's user name (new accounts only), name and role. The hub checks them again;
/// the dialog says the common mistakes at once.
class UserDialog : public QDialog
{
    Q_OBJECT
public:
    /// A new account when \a user is nullptr; else that account, whose user name is fixed.
    /// \a ownAccount: the administrator's own, whose role only another administrator changes.
    explicit UserDialog(const Core::User *user, bool ownAccount, QWidget *parent = nullptr);

    [[nodiscard]] QString username() const;
    [[nodiscard]] QString displayName() const;
    [[nodiscard]] Core::Role role() const;

    /// Checks the user name, then asks the hub through submitted(); the dialog stays open,
    /// busy, until finish() or showError() answers.
    void accept() override;
    /// The hub took the change: the dialog closes as accepted.
    void finish();
    /// The hub refused: \a message (the hub's words) is shown and the fields can be edited again.
    void showError(const QString &message);

Q_SIGNALS:
    /// The fields passed the dialog's own checks; send them to the hub.
    void submitted();

private:
    void setBusy(bool busy);

private:
    QLineEdit *m_usernameEdit = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QComboBox *m_roleCombo = nullptr;
    QLabel *m_errorLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_editing = false; ///< an existing account: its user name stays read-only
};

} // namespace Wardline::Ui
