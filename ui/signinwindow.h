#pragma once

#include <QString>
#include <QWidget>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Wardline::Ui {

class PasswordChangeDialog;

/// The console's first screen: hub address, username and password, and the UI language.
class SignInWindow : public QWidget
{
    Q_OBJECT

public:
    explicit SignInWindow(QWidget *parent = nullptr);

    void setHubAddress(const QString &address);
    /// The hub address as typed, without surrounding spaces.
    [[nodiscard]] QString hubAddress() const;
    /// The username as typed, without surrounding spaces.
    [[nodiscard]] QString username() const;

    /// While busy the inputs are disabled and the button says that signing in is under way.
    void setBusy(bool busy);
    [[nodiscard]] bool isBusy() const { return m_busy; }

    /// Shows @p message (already translated) as an error; an empty message hides the status.
    void showError(const QString &message);
    /// Shows @p message (already translated) as information; an empty message hides the status.
    void showInfo(const QString &message);
    /// Empties the password field and puts the cursor there (unless busy), e.g. after a
    /// rejected sign-in.
    void clearPassword();
    /// The hub's certificate is not signed by an authority this computer trusts: shows
    /// \a message and the certificate's \a fingerprint with a button to trust it; the password
    /// stays in its field, for signing in once trusted.
    void askToConfirmCertificate(const QString &message, const QString &fingerprint);
    /// Submits the form again as it is (after the certificate was confirmed).
    void retry() { submit(); }

    /// The hub accepted a temporary password: asks for the user's own in a dialog over this
    /// window (newPasswordChosen() or passwordChangeCancelled() follow).
    void askForNewPassword();
    /// The hub refused the new password: \a message (for staff) is shown in the dialog.
    void rejectNewPassword(const QString &message);
    /// The sign-in went on (or ended): the password dialog closes.
    void endPasswordChange();
    /// The open password dialog, or nullptr.
    [[nodiscard]] PasswordChangeDialog *passwordChangeDialog() const;

Q_SIGNALS:
    /// The form was submitted and passed validation.
    void signInRequested(const QString &hubAddress, const QString &username,
                         const QString &password);
    /// The user compared the fingerprint and trusts the hub's certificate.
    void certificateConfirmed();
    /// The user picked another UI language (already applied); @p code is "en", "es", ….
    void languageChanged(const QString &code);
    /// The user chose a new password in place of the temporary one (checked for length and
    /// a matching confirmation; the hub checks the rest).
    void newPasswordChosen(const QString &password);
    /// The user gave up choosing a new password; the form is ready again.
    void passwordChangeCancelled();

protected:
    void changeEvent(QEvent *event) override;

private:
    // The form's own validation messages are kept as a reason, so they follow a language switch.
    enum class Problem { None, EmptyHubAddress, BadHubAddress, EmptyUsername, EmptyPassword };
    enum class StatusKind { None, Info, Error };

    void buildUi();
    void retranslateUi();
    void submit();
    void chooseLanguage(int index);
    [[nodiscard]] Problem validate() const;
    [[nodiscard]] QString problemText(Problem problem) const;
    [[nodiscard]] QLineEdit *problemField(Problem problem) const;
    void focusFirstEmptyField();
    void showProblem(Problem problem);
    void setStatus(StatusKind kind, const QString &message);
    void markInvalid(QLineEdit *field, bool invalid);
    void hideCertificate();

    QFrame *m_card = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_subtitleLabel = nullptr;
    QLabel *m_hubAddressLabel = nullptr;
    QLineEdit *m_hubAddressEdit = nullptr;
    QLabel *m_usernameLabel = nullptr;
    QLineEdit *m_usernameEdit = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_signInButton = nullptr;
    QFrame *m_certificatePanel = nullptr;
    QLabel *m_fingerprintTitle = nullptr;
    QLabel *m_fingerprintLabel = nullptr;
    QPushButton *m_trustButton = nullptr;
    QPushButton *m_distrustButton = nullptr;
    QLabel *m_languageLabel = nullptr;
    QComboBox *m_languageCombo = nullptr;
    QLabel *m_versionLabel = nullptr;

    PasswordChangeDialog *m_passwordDialog = nullptr;
    bool m_busy = false;
    Problem m_problem = Problem::None;
};

} // namespace Wardline::Ui
