#include "ui/temporarypassworddialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <utility>

namespace Wardline::Ui {

TemporaryPasswordDialog::TemporaryPasswordDialog(const QString &username, const QString &password,
                                                 QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("temporaryPasswordDialog"));
    setWindowTitle(tr("Temporary password"));

    auto *text = new QLabel(
        tr("The temporary password of %1 is below. It is shown only this once: give it to the "
           "person yourself, never by e-mail or chat. At their first sign-in they must choose "
           "their own.")
            .arg(username),
        this);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);

    m_passwordEdit = new QLineEdit(password, this);
    m_passwordEdit->setObjectName(QStringLiteral("temporaryPasswordEdit"));
    m_passwordEdit->setReadOnly(true);
    m_passwordEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copyButton = new QPushButton(tr("&Copy"), this);
    m_copyButton->setObjectName(QStringLiteral("copyPasswordButton"));
    m_copyButton->setToolTip(tr("Copies the password; the clipboard is emptied when this window "
                                "closes."));

    auto *row = new QHBoxLayout;
    row->addWidget(m_passwordEdit, 1);
    row->addWidget(m_copyButton);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(m_copyButton, &QPushButton::clicked, this, &TemporaryPasswordDialog::copy);
    connect(this, &QDialog::finished, this, &TemporaryPasswordDialog::forget);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(440);
    m_passwordEdit->selectAll();
    m_passwordEdit->setFocus();
}

TemporaryPasswordDialog::~TemporaryPasswordDialog()
{
    forget();
}

QString TemporaryPasswordDialog::password() const
{
    return m_passwordEdit->text();
}

void TemporaryPasswordDialog::copy()
{
    QGuiApplication::clipboard()->setText(m_passwordEdit->text());
    m_copied = true;
    m_copyButton->setText(tr("Copied"));
}

void TemporaryPasswordDialog::forget()
{
    // Only the clipboard text this dialog put there; anything copied since is left alone.
    if (std::exchange(m_copied, false) &&
        QGuiApplication::clipboard()->text() == m_passwordEdit->text())
        QGuiApplication::clipboard()->clear();
    m_passwordEdit->clear();
}

} // namespace Wardline::Ui
