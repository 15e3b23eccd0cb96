#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace Wardline::Ui {

/// Shows a temporary password once, for the administrator to hand over in person, with a copy
/// button. The password lives only in this dialog (and, until it closes, on the clipboard when
/// copied); it is never logged or kept.
class TemporaryPasswordDialog : public QDialog
{
    Q_OBJECT
public:
    TemporaryPasswordDialog(const QString &username, const QString &password,
                            QWidget *parent = nullptr);
    ~TemporaryPasswordDialog() override;

    /// The password as shown (tests read it like the administrator does).
    [[nodiscard]] QString password() const;

private:
    void copy();
    void forget();

    QLineEdit *m_passwordEdit = nullptr;
    QPushButton *m_copyButton = nullptr;
    bool m_copied = false;
};

} // namespace Wardline::Ui
