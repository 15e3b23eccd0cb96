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

    /// A dialog's accept(), but only with a valid user name.
    void accept() override;

private:
    QLineEdit *m_usernameEdit = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QComboBox *m_roleCombo = nullptr;
    QLabel *m_errorLabel = nullptr;
};

} // namespace Wardline::Ui
