#include "ui/signinwindow.h"

#include "ui/language.h"
#include "ui/logging.h"
#include "ui/passwordchangedialog.h"

#include <QComboBox>
#include <QEvent>
#include <QFont>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSize>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>

#include <initializer_list>
#include <utility>

namespace Wardline::Ui {

namespace {
// Light and calm on purpose: the same look whatever desktop theme the workstation has.
constexpr auto StyleSheet = QLatin1StringView(R"(
Wardline--Ui--SignInWindow { background: #eef2f5; }
QFrame#signInCard { background: #ffffff; border: 1px solid #d3dbe3; border-radius: 10px; }
QFrame#signInCard QLabel { color: #22313f; }
QFrame#cardSeparator { background: #e1e7ed; border: none; }
QLabel#titleLabel { color: #123a5c; }
QLabel#subtitleLabel { color: #52616f; }
QLabel#versionLabel { color: #5b6977; }
QLabel[fieldLabel="true"] { font-weight: 600; }
QLineEdit {
    color: #1b2733; background: #ffffff; border: 1px solid #aab7c4; border-radius: 5px;
    padding: 7px 8px; selection-background-color: #1f6fb2;
}
QLineEdit:focus { border: 2px solid #1f6fb2; padding: 6px 7px; }
QLineEdit[invalid="true"] { border: 2px solid #b3261e; padding: 6px 7px; }
QLineEdit:disabled { background: #f0f3f6; color: #6b7885; }
QPushButton#signInButton {
    color: #ffffff; background: #1f6fb2; border: 2px solid #1f6fb2; border-radius: 5px;
    padding: 8px 16px; font-weight: 600;
}
QPushButton#signInButton:hover { background: #1a5f99; border-color: #1a5f99; }
QPushButton#signInButton:pressed { background: #154d7d; border-color: #154d7d; }
QPushButton#signInButton:focus { border-color: #0b2f4f; }
QPushButton#signInButton:disabled { background: #4f82b0; border-color: #4f82b0; color: #f2f6fa; }
QLabel#statusLabel { border-radius: 5px; padding: 8px 10px; }
QLabel#statusLabel[kind="error"] { color: #8c1d18; background: #fdecea; border: 1px solid #efb4ad; }
QLabel#statusLabel[kind="info"] { color: #0b4a6f; background: #e8f3fb; border: 1px solid #b5d5ec; }
QFrame#certificatePanel { background: #fff8e6; border: 1px solid #e6c56b; border-radius: 5px; }
QLabel#fingerprintLabel { color: #22313f; }
QPushButton#trustCertificateButton, QPushButton#distrustCertificateButton {
    color: #22313f; background: #ffffff; border: 1px solid #aab7c4; border-radius: 5px;
    padding: 6px 12px;
}
QPushButton#trustCertificateButton:hover, QPushButton#distrustCertificateButton:hover {
    background: #f0f3f6;
}
)");

QLabel *makeFieldLabel(const QString &objectName, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setProperty("fieldLabel", true);
    label->setBuddy(buddy);
    return label;
}

void repolish(QWidget *widget)
{
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    widget->update();
}
} // namespace

SignInWindow::SignInWindow(QWidget *parent)
    : QWidget(parent)
{
    buildUi();
    retranslateUi();
    setStatus(StatusKind::None, {});
    focusFirstEmptyField();
}

void SignInWindow::buildUi()
{
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(StyleSheet);

    m_card = new QFrame(this);
    m_card->setObjectName(QStringLiteral("signInCard"));
    m_card->setMinimumWidth(400);
    m_card->setMaximumWidth(480);

    // The product's name; not translated.
    m_titleLabel = new QLabel(QStringLiteral("Wardline"), m_card);
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    QFont titleFont = m_titleLabel->font();
    if (titleFont.pointSizeF() > 0)
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    else
        titleFont.setPixelSize(titleFont.pixelSize() * 9 / 5);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);

    m_subtitleLabel = new QLabel(m_card);
    m_subtitleLabel->setObjectName(QStringLiteral("subtitleLabel"));
    m_subtitleLabel->setWordWrap(true);

    m_hubAddressEdit = new QLineEdit(m_card);
    m_hubAddressEdit->setObjectName(QStringLiteral("hubAddressEdit"));
    m_hubAddressEdit->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_hubAddressLabel = makeFieldLabel(QStringLiteral("hubAddressLabel"), m_hubAddressEdit, m_card);

    m_usernameEdit = new QLineEdit(m_card);
    m_usernameEdit->setObjectName(QStringLiteral("usernameEdit"));
    m_usernameEdit->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    m_usernameLabel = makeFieldLabel(QStringLiteral("usernameLabel"), m_usernameEdit, m_card);

    m_passwordEdit = new QLineEdit(m_card);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordLabel = makeFieldLabel(QStringLiteral("passwordLabel"), m_passwordEdit, m_card);

    m_statusLabel = new QLabel(m_card);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setTextFormat(Qt::PlainText); // messages may come from the network
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // A certificate no trusted authority signed: its fingerprint, to compare with IT's.
    m_certificatePanel = new QFrame(m_card);
    m_certificatePanel->setObjectName(QStringLiteral("certificatePanel"));
    m_fingerprintTitle = new QLabel(m_certificatePanel);
    m_fingerprintTitle->setWordWrap(true);
    m_fingerprintLabel = new QLabel(m_certificatePanel);
    m_fingerprintLabel->setObjectName(QStringLiteral("fingerprintLabel"));
    m_fingerprintLabel->setTextFormat(Qt::PlainText);
    m_fingerprintLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fingerprintLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_trustButton = new QPushButton(m_certificatePanel);
    m_trustButton->setObjectName(QStringLiteral("trustCertificateButton"));
    m_distrustButton = new QPushButton(m_certificatePanel);
    m_distrustButton->setObjectName(QStringLiteral("distrustCertificateButton"));
    auto *certificateButtons = new QHBoxLayout;
    certificateButtons->addWidget(m_trustButton);
    certificateButtons->addWidget(m_distrustButton);
    certificateButtons->addStretch();
    auto *certificateLayout = new QVBoxLayout(m_certificatePanel);
    certificateLayout->setContentsMargins(10, 8, 10, 8);
    certificateLayout->addWidget(m_fingerprintTitle);
    certificateLayout->addWidget(m_fingerprintLabel);
    certificateLayout->addLayout(certificateButtons);
    m_certificatePanel->hide();
    connect(m_trustButton, &QPushButton::clicked, this, [this] {
        hideCertificate();
        Q_EMIT certificateConfirmed();
    });
    connect(m_distrustButton, &QPushButton::clicked, this, [this] {
        hideCertificate();
        setStatus(StatusKind::None, {});
        clearPassword();
    });

    m_signInButton = new QPushButton(m_card);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_signInButton->setDefault(true);
    m_signInButton->setCursor(Qt::PointingHandCursor);

    m_languageCombo = new QComboBox(m_card);
    m_languageCombo->setObjectName(QStringLiteral("languageCombo"));
    // Left to the platform style: a styled combo box would need its own arrow image.
    const QStringList codes = Language::available();
    for (const QString &code : codes)
        m_languageCombo->addItem(Language::nativeName(code), code);
    m_languageLabel = new QLabel(m_card);
    m_languageLabel->setObjectName(QStringLiteral("languageLabel"));
    m_languageLabel->setBuddy(m_languageCombo);

    auto *fields = new QVBoxLayout;
    fields->setSpacing(4);
    const auto addField = [fields](QLabel *label, QLineEdit *edit) {
        fields->addWidget(label);
        fields->addWidget(edit);
        fields->addSpacing(10);
    };
    addField(m_hubAddressLabel, m_hubAddressEdit);
    addField(m_usernameLabel, m_usernameEdit);
    addField(m_passwordLabel, m_passwordEdit);

    auto *languageRow = new QHBoxLayout;
    languageRow->setSpacing(10);
    languageRow->addWidget(m_languageLabel);
    languageRow->addWidget(m_languageCombo);
    languageRow->addStretch();

    auto *separator = new QFrame(m_card);
    separator->setObjectName(QStringLiteral("cardSeparator"));
    separator->setFixedHeight(1);

    auto *cardLayout = new QVBoxLayout(m_card);
    cardLayout->setContentsMargins(36, 32, 36, 24);
    cardLayout->setSpacing(0);
    cardLayout->addWidget(m_titleLabel);
    cardLayout->addSpacing(2);
    cardLayout->addWidget(m_subtitleLabel);
    cardLayout->addSpacing(24);
    cardLayout->addLayout(fields);
    cardLayout->addWidget(m_statusLabel);
    cardLayout->addSpacing(8);
    cardLayout->addWidget(m_certificatePanel);
    cardLayout->addSpacing(6);
    cardLayout->addWidget(m_signInButton);
    cardLayout->addSpacing(22);
    cardLayout->addWidget(separator);
    cardLayout->addSpacing(12);
    cardLayout->addLayout(languageRow);

    m_versionLabel = new QLabel(this);
    m_versionLabel->setObjectName(QStringLiteral("versionLabel"));
    m_versionLabel->setAlignment(Qt::AlignHCenter);

    auto *centerRow = new QHBoxLayout;
    centerRow->addStretch();
    centerRow->addWidget(m_card, 3);
    centerRow->addStretch();

    auto *windowLayout = new QVBoxLayout(this);
    windowLayout->setContentsMargins(24, 24, 24, 16);
    windowLayout->addStretch();
    windowLayout->addLayout(centerRow);
    windowLayout->addSpacing(12);
    windowLayout->addWidget(m_versionLabel);
    windowLayout->addStretch();

    // Room around the card by default; the layout keeps it readable down to its minimum.
    resize(sizeHint().expandedTo(QSize(640, 620)));

    // Enter moves down the form, and in the last field signs in.
    connect(m_hubAddressEdit, &QLineEdit::returnPressed, this,
            [this] { m_usernameEdit->setFocus(Qt::TabFocusReason); });
    connect(m_usernameEdit, &QLineEdit::returnPressed, this,
            [this] { m_passwordEdit->setFocus(Qt::TabFocusReason); });
    connect(m_passwordEdit, &QLineEdit::returnPressed, this, &SignInWindow::submit);
    connect(m_signInButton, &QPushButton::clicked, this, &SignInWindow::submit);
    connect(m_languageCombo, &QComboBox::activated, this, &SignInWindow::chooseLanguage);

    // Once the user corrects the field a problem pointed at, the problem is gone.
    for (QLineEdit *edit : {m_hubAddressEdit, m_usernameEdit, m_passwordEdit}) {
        connect(edit, &QLineEdit::textEdited, this, [this, edit] {
            markInvalid(edit, false);
            if (edit == m_hubAddressEdit && m_certificatePanel->isVisible()) {
                hideCertificate(); // another hub: that fingerprint is not its
                setStatus(StatusKind::None, {});
            }
            if (m_problem != Problem::None && problemField(m_problem) == edit)
                setStatus(StatusKind::None, {});
        });
    }
}

void SignInWindow::retranslateUi()
{
    setWindowTitle(tr("Wardline — Sign in"));
    m_subtitleLabel->setText(tr("Patient WhatsApp line — staff console"));
    m_hubAddressLabel->setText(tr("&Hub address"));
    m_hubAddressEdit->setPlaceholderText(tr("https://hub.hospital.local:8443"));
    m_usernameLabel->setText(tr("&Username"));
    m_passwordLabel->setText(tr("&Password"));
    m_signInButton->setText(m_busy ? tr("Signing in…") : tr("Sign in"));
    m_languageLabel->setText(tr("&Language"));
    m_fingerprintTitle->setText(tr("SHA-256 fingerprint of the certificate the hub presented:"));
    m_trustButton->setText(tr("It matches — &trust this hub"));
    m_distrustButton->setText(tr("It does &not match"));
    m_versionLabel->setText(tr("Version %1").arg(QStringLiteral(WARDLINE_VERSION)));
    if (m_problem != Problem::None)
        m_statusLabel->setText(problemText(m_problem));

    const QSignalBlocker blocker(m_languageCombo);
    m_languageCombo->setCurrentIndex(m_languageCombo->findData(Language::current()));
}

void SignInWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SignInWindow::setHubAddress(const QString &address)
{
    m_hubAddressEdit->setText(address);
    markInvalid(m_hubAddressEdit, false);
    if (!isVisible()) // prefilled before showing: start where typing is needed
        focusFirstEmptyField();
}

QString SignInWindow::hubAddress() const
{
    return m_hubAddressEdit->text().trimmed();
}

QString SignInWindow::username() const
{
    return m_usernameEdit->text().trimmed();
}

void SignInWindow::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    if (busy)
        hideCertificate();
    for (QWidget *input : std::initializer_list<QWidget *>{
             m_hubAddressEdit, m_usernameEdit, m_passwordEdit, m_signInButton, m_languageCombo})
        input->setEnabled(!busy);
    m_signInButton->setText(busy ? tr("Signing in…") : tr("Sign in"));
    if (busy) {
        setCursor(Qt::BusyCursor);
    } else {
        unsetCursor();
        focusFirstEmptyField();
    }
}

void SignInWindow::showError(const QString &message)
{
    setStatus(StatusKind::Error, message);
}

void SignInWindow::showInfo(const QString &message)
{
    setStatus(StatusKind::Info, message);
}

void SignInWindow::askToConfirmCertificate(const QString &message, const QString &fingerprint)
{
    setStatus(StatusKind::Error, message);
    m_fingerprintLabel->setText(fingerprint);
    m_certificatePanel->show();
    m_distrustButton->setFocus();
}

void SignInWindow::hideCertificate()
{
    m_certificatePanel->hide();
    m_fingerprintLabel->clear();
}

void SignInWindow::clearPassword()
{
    m_passwordEdit->clear();
    if (m_passwordEdit->isEnabled())
        m_passwordEdit->setFocus();
}

void SignInWindow::askForNewPassword()
{
    endPasswordChange();
    m_passwordDialog = new PasswordChangeDialog(this);
    m_passwordDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_passwordDialog, &PasswordChangeDialog::passwordChosen, this,
            &SignInWindow::newPasswordChosen);
    connect(m_passwordDialog, &QDialog::rejected, this, [this] {
        m_passwordDialog = nullptr; // deletes itself on close
        setBusy(false);
        clearPassword();
        showInfo(tr("The password was not changed. Sign in again when you are ready to choose "
                    "a new one."));
        Q_EMIT passwordChangeCancelled();
    });
    // Window-modal and never exec(): the sign-in window waits, nothing blocks.
    m_passwordDialog->open();
}

void SignInWindow::rejectNewPassword(const QString &message)
{
    if (!m_passwordDialog)
        return;
    m_passwordDialog->setBusy(false);
    m_passwordDialog->showError(message);
}

void SignInWindow::endPasswordChange()
{
    if (PasswordChangeDialog *dialog = std::exchange(m_passwordDialog, nullptr)) {
        dialog->disconnect(this);
        dialog->close(); // WA_DeleteOnClose
    }
}

PasswordChangeDialog *SignInWindow::passwordChangeDialog() const
{
    return m_passwordDialog;
}

void SignInWindow::submit()
{
    if (m_busy)
        return;
    const Problem problem = validate();
    if (problem != Problem::None) {
        showProblem(problem);
        return;
    }
    setStatus(StatusKind::None, {});
    qCDebug(lcUi) << "Sign-in requested"; // never the username or password
    Q_EMIT signInRequested(hubAddress(), username(), m_passwordEdit->text());
}

void SignInWindow::chooseLanguage(int index)
{
    const QString code = m_languageCombo->itemData(index).toString();
    if (code == Language::current())
        return;
    if (!Language::apply(code)) {
        const QSignalBlocker blocker(m_languageCombo);
        m_languageCombo->setCurrentIndex(m_languageCombo->findData(Language::current()));
        showError(tr("The console could not switch to %1. It stays in the current language.")
                      .arg(Language::nativeName(code)));
        return;
    }
    // The texts follow through changeEvent(QEvent::LanguageChange).
    Q_EMIT languageChanged(code);
}

SignInWindow::Problem SignInWindow::validate() const
{
    const QString address = hubAddress();
    if (address.isEmpty())
        return Problem::EmptyHubAddress;
    const QUrl url(address, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1StringView("https") && scheme != QLatin1StringView("http")))
        return Problem::BadHubAddress;
    if (username().isEmpty())
        return Problem::EmptyUsername;
    if (m_passwordEdit->text().isEmpty())
        return Problem::EmptyPassword;
    return Problem::None;
}

QString SignInWindow::problemText(Problem problem) const
{
    switch (problem) {
    case Problem::None:
        break;
    case Problem::EmptyHubAddress:
        return tr("Enter the hub address. Your IT department can give it to you if you do not "
                  "know it.");
    case Problem::BadHubAddress:
        return tr("This does not look like a hub address. It starts with https:// followed by "
                  "the hub's name, for example https://hub.hospital.local:8443.");
    case Problem::EmptyUsername:
        return tr("Enter your username.");
    case Problem::EmptyPassword:
        return tr("Enter your password.");
    }
    return {};
}

QLineEdit *SignInWindow::problemField(Problem problem) const
{
    switch (problem) {
    case Problem::None:
        break;
    case Problem::EmptyHubAddress:
    case Problem::BadHubAddress:
        return m_hubAddressEdit;
    case Problem::EmptyUsername:
        return m_usernameEdit;
    case Problem::EmptyPassword:
        return m_passwordEdit;
    }
    return nullptr;
}

void SignInWindow::focusFirstEmptyField()
{
    if (hubAddress().isEmpty())
        m_hubAddressEdit->setFocus();
    else if (username().isEmpty())
        m_usernameEdit->setFocus();
    else
        m_passwordEdit->setFocus();
}

void SignInWindow::showProblem(Problem problem)
{
    setStatus(StatusKind::Error, problemText(problem));
    m_problem = problem;
    if (QLineEdit *field = problemField(problem)) {
        markInvalid(field, true);
        field->setFocus(Qt::OtherFocusReason);
        if (problem == Problem::BadHubAddress)
            field->selectAll();
    }
}

void SignInWindow::setStatus(StatusKind kind, const QString &message)
{
    m_problem = Problem::None;
    for (QLineEdit *edit : {m_hubAddressEdit, m_usernameEdit, m_passwordEdit})
        markInvalid(edit, false);

    if (kind == StatusKind::None || message.isEmpty()) {
        m_statusLabel->clear();
        m_statusLabel->hide();
        return;
    }
    m_statusLabel->setProperty("kind", kind == StatusKind::Error ? QStringLiteral("error")
                                                                 : QStringLiteral("info"));
    m_statusLabel->setText(message);
    repolish(m_statusLabel);
    m_statusLabel->show();
}

void SignInWindow::markInvalid(QLineEdit *field, bool invalid)
{
    if (field->property("invalid").toBool() == invalid)
        return;
    field->setProperty("invalid", invalid);
    repolish(field);
}

} // namespace Wardline::Ui
