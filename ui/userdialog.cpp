#include "ui/userdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Wardline::Ui {

UserDialog::UserDialog(const Core::User *user, bool ownAccount, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("userDialog"));
    setWindowTitle(user ? tr("Edit account") : tr("New account"));

    m_usernameEdit = new QLineEdit(this);
    m_usernameEdit->setObjectName(QStringLiteral("usernameEdit"));
    m_usernameEdit->setMaxLength(64);
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("displayNameEdit"));
    m_roleCombo = new QComboBox(this);
    m_roleCombo->setObjectName(QStringLiteral("roleCombo"));
    for (Core::Role r : Core::allRoles())
        m_roleCombo->addItem(Core::roleDisplayName(r), Core::roleName(r));

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("userErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText); // the hub's words
    m_errorLabel->setStyleSheet(QStringLiteral("color: #8c1d18;"));
    m_errorLabel->hide();

    auto *note = new QLabel(this);
    note->setWordWrap(true);
    if (!user) {
        note->setText(tr("Wardline makes a temporary password and shows it once. Give it to the "
                         "person yourself; they choose their own at their first sign-in."));
    } else if (ownAccount) {
        note->setText(tr("This is your own account: another administrator changes its role."));
        m_roleCombo->setEnabled(false);
    } else {
        note->setText(tr("A new role takes effect at once: the person is signed out everywhere "
                         "and signs in again."));
    }

    if (user) {
        m_usernameEdit->setText(user->username);
        m_usernameEdit->setReadOnly(true);
        m_nameEdit->setText(user->displayName);
        m_roleCombo->setCurrentIndex(m_roleCombo->findData(Core::roleName(user->role)));
    }

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("&User name"), m_usernameEdit);
    form->addRow(tr("&Name"), m_nameEdit);
    form->addRow(tr("&Role"), m_roleCombo);

    m_editing = user != nullptr;
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons = buttons;
    buttons->button(QDialogButtonBox::Ok)->setText(user ? tr("Save") : tr("Create account"));
    connect(buttons, &QDialogButtonBox::accepted, this, &UserDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
    setMinimumWidth(440);
    (user ? m_nameEdit : m_usernameEdit)->setFocus();
}

QString UserDialog::username() const
{
    return m_usernameEdit->text().trimmed();
}

QString UserDialog::displayName() const
{
    return m_nameEdit->text().trimmed();
}

Core::Role UserDialog::role() const
{
    return Core::roleFromName(m_roleCombo->currentData().toString()).value_or(Core::Role::Nurse);
}

void UserDialog::accept()
{
    // The hub's rule (UserApi::create), said before the round trip.
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9._-]{2,64}$"));
    if (!valid.match(username()).hasMatch()) {
        m_errorLabel->setText(tr("A user name has 2 to 64 letters, digits, dots, dashes or "
                                 "underscores, without spaces."));
        m_errorLabel->show();
        m_usernameEdit->setFocus();
        return;
    }
    m_errorLabel->hide();
    setBusy(true);
    Q_EMIT submitted();
}

void UserDialog::finish()
{
    QDialog::accept();
}

void UserDialog::showError(const QString &message)
{
    setBusy(false);
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

void UserDialog::setBusy(bool busy)
{
    m_usernameEdit->setReadOnly(busy || m_editing);
    m_nameEdit->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

} // namespace Wardline::Ui
