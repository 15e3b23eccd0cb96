#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Wardline::Ui {

/// What a locked console shows instead of its window (HomeWindow hides everything else): who is
/// signed in, a password field, Unlock and Sign out. Five wrong passwords in a row sign out.
/// It only asks; whoever listens to unlockRequested() checks the password and answers with
/// accept() or reject().
class LockScreen : public QWidget
{
    Q_OBJECT
public:
    /// Wrong passwords allowed per lock before the console signs out.
    static constexpr int MaxAttempts = 5;

    /// Covers \a window entirely and follows its size.
    explicit LockScreen(QWidget *window);

    /// Shows the lock for \a userName with an empty field and a fresh attempt count.
    void activate(const QString &userName);
    [[nodiscard]] int wrongAttempts() const { return m_wrongAttempts; }

public Q_SLOTS:
    /// The password was right: clears the field (HomeWindow hides this screen).
    void accept();
    /// The password was not accepted. \a wrongPassword counts towards MaxAttempts; otherwise
    /// \a message says why it could not be checked (the hub unreachable, ...).
    void reject(const QString &message, bool wrongPassword);
    /// Tells the user something that is not a failure (the hub answers again, ...).
    void inform(const QString &message);

Q_SIGNALS:
    void unlockRequested(const QString &password);
    void signOutRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void submit();
    void setBusy(bool busy);
    enum class Tone { Error, Info };
    void showError(const QString &message, Tone tone = Tone::Error);

    QLabel *m_titleLabel;
    QLabel *m_userLabel;
    QLineEdit *m_password;
    QLabel *m_errorLabel;
    QPushButton *m_unlockButton;
    QPushButton *m_signOutButton;
    QString m_userName;
    int m_wrongAttempts = 0;
    bool m_busy = false;
};

} // namespace Wardline::Ui
