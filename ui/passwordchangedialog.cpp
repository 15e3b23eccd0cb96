#include "ui/passwordchangedialog.h"

#include "ui/logging.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Wardline::Ui {

PasswordChangeDialog::PasswordChangeDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("passwordChangeDialog"));
    m_explanation = new QLabel(this);
    m_explanation->setObjectName(QStringLiteral("passwordRulesLabel"));
    m_explanation->setWordWrap(true);

    m_newEdit = new QLineEdit(this);
    m_newEdit->setObjectName(QStringLiteral("newPasswordEdit"));
    m_newEdit->setEchoMode(QLineEdit::Password);
    m_newLabel = new QLabel(this);
    m_newLabel->setBuddy(m_newEdit);
    m_confirmEdit = new QLineEdit(this);
    m_confirmEdit->setObjectName(QStringLiteral("confirmPasswordEdit"));
    m_confirmEdit->setEchoMode(QLineEdit::Password);
    m_confirmLabel = new QLabel(this);
    m_confirmLabel->setBuddy(m_confirmEdit);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("passwordErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText); // the hub's words
    m_errorLabel->setStyleSheet(QStringLiteral("color: #8c1d18;"));
    m_errorLabel->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_changeButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_changeButton->setObjectName(QStringLiteral("changePasswordButton"));
    m_changeButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_explanation);
    layout->addSpacing(8);
    layout->addWidget(m_newLabel);
    layout->addWidget(m_newEdit);
    layout->addWidget(m_confirmLabel);
    layout->addWidget(m_confirmEdit);
    layout->addWidget(m_errorLabel);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(420);

    // Accepting only asks the hub; the dialog closes when the sign-in goes on.
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PasswordChangeDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_newEdit, &QLineEdit::returnPressed, this,
            [this] { m_confirmEdit->setFocus(Qt::TabFocusReason); });
    retranslateUi();
    m_newEdit->setFocus();
}

void PasswordChangeDialog::retranslateUi()
{
    setWindowTitle(tr("Choose your own password"));
    m_explanation->setText(
        tr("You signed in with a temporary password. Choose your own password now; nothing "
           "else can be done until you do.\n\nIt must have at least %1 characters, must not be "
           "a dictionary word or close to your user name, and must differ from the temporary "
           "one. A short sentence you can remember works well.")
            .arg(MinimumLength));
    m_newLabel->setText(tr("&New password"));
    m_confirmLabel->setText(tr("&Type it again"));
    m_changeButton->setText(m_busy ? tr("Changing…") : tr("Change password"));
}

void PasswordChangeDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void PasswordChangeDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_newEdit->setEnabled(!busy);
    m_confirmEdit->setEnabled(!busy);
    m_changeButton->setEnabled(!busy);
    m_changeButton->setText(busy ? tr("Changing…") : tr("Change password"));
}

void PasswordChangeDialog::showError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
    if (m_newEdit->isEnabled()) {
        m_newEdit->setFocus();
        m_newEdit->selectAll();
    }
}

void PasswordChangeDialog::submit()
{
    if (m_busy)
        return;
    const QString password = m_newEdit->text();
    if (password.size() < MinimumLength)
        return showError(tr("The new password is too short: it needs at least %n characters.",
                            nullptr, MinimumLength));
    if (password != m_confirmEdit->text()) {
        m_confirmEdit->clear();
        return showError(tr("The two entries are not the same. Type the new password again."));
    }
    showError(QString());
    qCDebug(lcUi) << "Password change requested"; // never the password
    setBusy(true);
    Q_EMIT passwordChosen(password);
}

} // namespace Wardline::Ui
