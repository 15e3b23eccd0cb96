#include "core/role.h"
#include "ui/language.h"
#include "ui/signinwindow.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <initializer_list>
#include <memory>

using Wardline::Ui::Language;
using Wardline::Ui::SignInWindow;

namespace {
const QString ValidHub = QStringLiteral("https://hub.hospital.local:8443");

struct TsMessage
{
    QString context;
    QString source;
    QString type;             // the translation's type attribute: "", "unfinished", …
    QStringList translations; // one, or one per plural form
    bool numerus = false;
};

// Reads a Qt Linguist .ts file; an empty list and @p error when it cannot be read.
QList<TsMessage> readTs(const QString &path, QString *language, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1StringView("TS")) {
                *language = xml.attributes().value(QLatin1StringView("language")).toString();
            } else if (name == QLatin1StringView("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1StringView("message")) {
                current = TsMessage{};
                current.context = context;
                current.numerus = xml.attributes().value(QLatin1StringView("numerus")) ==
                                  QLatin1StringView("yes");
            } else if (name == QLatin1StringView("source")) {
                current.source = xml.readElementText();
            } else if (name == QLatin1StringView("translation")) {
                current.type = xml.attributes().value(QLatin1StringView("type")).toString();
                if (!current.numerus)
                    current.translations.append(xml.readElementText());
            } else if (name == QLatin1StringView("numerusform")) {
                current.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1StringView("message")) {
            messages.append(current);
        }
    }
    if (xml.hasError()) {
        *error = xml.errorString();
        return {};
    }
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(?:[1-9]|n)"));
    QStringList found;
    auto it = re.globalMatch(text);
    while (it.hasNext())
        found.append(it.next().captured());
    found.sort();
    return found;
}

bool hasMnemonic(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("&[^&\\s]"));
    return re.match(QString(text).remove(QStringLiteral("&&"))).hasMatch();
}
} // namespace

/// Drives the real sign-in window: validation, submission, busy state and the live language.
class TestSignInWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startsEmptyWithFocusOnHubAddress();
    void prefilledHubAddressFocusesUsername();
    void missingField_data();
    void missingField();
    void badHubAddress_data();
    void badHubAddress();
    void acceptedHubAddress_data();
    void acceptedHubAddress();
    void validSubmissionEmitsTypedValues();
    void enterInPasswordSubmits_data();
    void enterInPasswordSubmits();
    void enterMovesDownTheForm();
    void problemClearsWhenItsFieldIsEdited();
    void busyDisablesInputs();
    void statusShowsErrorAndInfo();
    void clearPasswordEmptiesAndFocuses();
    void unconfirmedCertificateShowsItsFingerprint();
    void switchesLanguageLive();
    void problemFollowsLanguage();
    void busyTextFollowsLanguage();
    void unknownLanguageIsRefused();
    void embeddedTranslationsLoad();
    void spanishTranslationIsComplete();
    void englishPluralFormsAreFilled();
    void screenshot_data();
    void screenshot();

private:
    void fillForm(const QString &hub, const QString &user, const QString &password);
    void switchLanguageWithKeyboard(Qt::Key key, const QString &expectedCode);

    std::unique_ptr<SignInWindow> m_window;
    QLineEdit *m_hub = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_button = nullptr;
    QLabel *m_status = nullptr;
    QComboBox *m_language = nullptr;
};

void TestSignInWindow::initTestCase()
{
    QVERIFY(Language::apply(QStringLiteral("en")));
}

void TestSignInWindow::init()
{
    m_window = std::make_unique<SignInWindow>();
    m_hub = m_window->findChild<QLineEdit *>(QStringLiteral("hubAddressEdit"));
    m_user = m_window->findChild<QLineEdit *>(QStringLiteral("usernameEdit"));
    m_password = m_window->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    m_button = m_window->findChild<QPushButton *>(QStringLiteral("signInButton"));
    m_status = m_window->findChild<QLabel *>(QStringLiteral("statusLabel"));
    m_language = m_window->findChild<QComboBox *>(QStringLiteral("languageCombo"));
    QVERIFY(m_hub && m_user && m_password && m_button && m_status && m_language);
}

void TestSignInWindow::cleanup()
{
    m_window.reset();
    QVERIFY(Language::apply(QStringLiteral("en")));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
}

void TestSignInWindow::fillForm(const QString &hub, const QString &user, const QString &password)
{
    QTest::keyClicks(m_hub, hub);
    QTest::keyClicks(m_user, user);
    QTest::keyClicks(m_password, password);
}

void TestSignInWindow::switchLanguageWithKeyboard(Qt::Key key, const QString &expectedCode)
{
    QSignalSpy changed(m_window.get(), &SignInWindow::languageChanged);
    QTest::keyClick(m_language, key);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), expectedCode);
    QCOMPARE(Language::current(), expectedCode);
}

void TestSignInWindow::startsEmptyWithFocusOnHubAddress()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_hub->hasFocus());
    QVERIFY(m_status->isHidden());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Wardline — Sign in"));
    QCOMPARE(m_password->echoMode(), QLineEdit::Password);
    QCOMPARE(m_hub->placeholderText(), ValidHub);
}

void TestSignInWindow::prefilledHubAddressFocusesUsername()
{
    m_window->setHubAddress(ValidHub);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QCOMPARE(m_window->hubAddress(), ValidHub);
    QVERIFY(m_user->hasFocus());
}

void TestSignInWindow::missingField_data()
{
    QTest::addColumn<QString>("hub");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    const QString noHub = QStringLiteral(
        "Enter the hub address. Your IT department can give it to you if you do not know it.");
    const QString noUser = QStringLiteral("Enter your username.");
    const QString noPassword = QStringLiteral("Enter your password.");
    const QString hubField = QStringLiteral("hubAddressEdit");
    const QString userField = QStringLiteral("usernameEdit");
    const QString passwordField = QStringLiteral("passwordEdit");

    QTest::newRow("all empty") << QString() << QString() << QString() << hubField << noHub;
    QTest::newRow("no hub address")
        << QString() << QStringLiteral("mlopez") << QStringLiteral("pw") << hubField << noHub;
    QTest::newRow("blank hub address") << QStringLiteral("   ") << QStringLiteral("mlopez")
                                       << QStringLiteral("pw") << hubField << noHub;
    QTest::newRow("no username") << ValidHub << QString() << QStringLiteral("pw") << userField
                                 << noUser;
    QTest::newRow("blank username")
        << ValidHub << QStringLiteral("  ") << QStringLiteral("pw") << userField << noUser;
    QTest::newRow("no password") << ValidHub << QStringLiteral("mlopez") << QString()
                                 << passwordField << noPassword;
}

void TestSignInWindow::missingField()
{
    QFETCH(QString, hub);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, field);
    QFETCH(QString, message);

    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    fillForm(hub, user, password);
    m_language->setFocus(); // the focus must move back to the field at fault

    QSignalSpy requested(m_window.get(), &SignInWindow::signInRequested);
    QTest::mouseClick(m_button, Qt::LeftButton);

    QCOMPARE(requested.size(), 0);
    QVERIFY(m_status->isVisible());
    QCOMPARE(m_status->text(), message);
    QCOMPARE(m_status->property("kind").toString(), QStringLiteral("error"));
    auto *edit = m_window->findChild<QLineEdit *>(field);
    QVERIFY(edit);
    QTRY_VERIFY(edit->hasFocus());
    QVERIFY(edit->property("invalid").toBool());
}

void TestSignInWindow::badHubAddress_data()
{
    QTest::addColumn<QString>("hub");
    QTest::newRow("no scheme") << QStringLiteral("hub.hospital.local:8443");
    QTest::newRow("bare name") << QStringLiteral("hub");
    QTest::newRow("ftp") << QStringLiteral("ftp://hub.hospital.local");
    QTest::newRow("mailto") << QStringLiteral("mailto:it@hospital.local");
    QTest::newRow("no host") << QStringLiteral("https://");
    QTest::newRow("space in host") << QStringLiteral("https://hub hospital.local");
    QTest::newRow("file") << QStringLiteral("file:///etc/hosts");
}

void TestSignInWindow::badHubAddress()
{
    QFETCH(QString, hub);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    fillForm(hub, QStringLiteral("mlopez"), QStringLiteral("pw"));

    QSignalSpy requested(m_window.get(), &SignInWindow::signInRequested);
    QTest::mouseClick(m_button, Qt::LeftButton);

    QCOMPARE(requested.size(), 0);
    QVERIFY(m_status->isVisible());
    QVERIFY2(m_status->text().startsWith(QStringLiteral("This does not look like a hub address")),
             qPrintable(m_status->text()));
    QCOMPARE(m_status->property("kind").toString(), QStringLiteral("error"));
    QTRY_VERIFY(m_hub->hasFocus());
    QVERIFY(m_hub->property("invalid").toBool());
}

void TestSignInWindow::acceptedHubAddress_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("https with port") << ValidHub << ValidHub;
    QTest::newRow("http loopback")
        << QStringLiteral("http://127.0.0.1:8080") << QStringLiteral("http://127.0.0.1:8080");
    QTest::newRow("IPv6") << QStringLiteral("https://[::1]:8443")
                          << QStringLiteral("https://[::1]:8443");
    QTest::newRow("path behind a proxy") << QStringLiteral("https://intranet.local/wardline")
                                         << QStringLiteral("https://intranet.local/wardline");
    QTest::newRow("upper-case scheme")
        << QStringLiteral("HTTPS://hub.local") << QStringLiteral("HTTPS://hub.local");
    QTest::newRow("surrounding spaces")
        << QStringLiteral("  https://hub.local  ") << QStringLiteral("https://hub.local");
}

void TestSignInWindow::acceptedHubAddress()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    fillForm(typed, QStringLiteral("mlopez"), QStringLiteral("pw"));

    QSignalSpy requested(m_window.get(), &SignInWindow::signInRequested);
    QTest::mouseClick(m_button, Qt::LeftButton);

    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), expected);
    QVERIFY(m_status->isHidden());
}

void TestSignInWindow::validSubmissionEmitsTypedValues()
{
    // The password is passed on exactly as typed, spaces and all.
    const QString password = QStringLiteral(" c0rrect h0rse ");
    fillForm(ValidHub, QStringLiteral(" mlopez "), password);
    m_window->showError(QStringLiteral("An old error"));

    QSignalSpy requested(m_window.get(), &SignInWindow::signInRequested);
    QTest::mouseClick(m_button, Qt::LeftButton);

    QCOMPARE(requested.size(), 1);
    const QList<QVariant> args = requested.takeFirst();
    QCOMPARE(args.at(0).toString(), ValidHub);
    QCOMPARE(args.at(1).toString(), QStringLiteral("mlopez"));
    QCOMPARE(args.at(2).toString(), password);
    QCOMPARE(m_window->username(), QStringLiteral("mlopez"));
    QVERIFY(m_status->isHidden());
}

void TestSignInWindow::enterInPasswordSubmits_data()
{
    QTest::addColumn<int>("key");
    QTest::newRow("Return") << int(Qt::Key_Return);
    QTest::newRow("keypad Enter") << int(Qt::Key_Enter);
}

void TestSignInWindow::enterInPasswordSubmits()
{
    QFETCH(int, key);
    fillForm(ValidHub, QStringLiteral("mlopez"), QStringLiteral("pw"));

    QSignalSpy requested(m_window.get(), &SignInWindow::signInRequested);
    QTest::keyClick(m_password, Qt::Key(key));

    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(2).toString(), QStringLiteral("pw"));
}

void TestSignInWindow::enterMovesDownTheForm()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QSignalSpy requested(m_window.get(), &SignInWindow::signInRequested);

    QTest::keyClicks(m_hub, ValidHub);
    QTest::keyClick(m_hub, Qt::Key_Return);
    QTRY_VERIFY(m_user->hasFocus());
    QTest::keyClicks(m_user, QStringLiteral("mlopez"));
    QTest::keyClick(m_user, Qt::Key_Return);
    QTRY_VERIFY(m_password->hasFocus());
    QCOMPARE(requested.size(), 0);
    QVERIFY(m_status->isHidden());
}

void TestSignInWindow::problemClearsWhenItsFieldIsEdited()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    fillForm(ValidHub, QString(), QStringLiteral("pw"));
    QTest::mouseClick(m_button, Qt::LeftButton);
    QVERIFY(m_status->isVisible());
    QVERIFY(m_user->property("invalid").toBool());

    QTest::keyClicks(m_password, QStringLiteral("x")); // not the field at fault
    QVERIFY(m_status->isVisible());
    QTest::keyClicks(m_user, QStringLiteral("m"));
    QVERIFY(m_status->isHidden());
    QVERIFY(!m_user->property("invalid").toBool());
}

void TestSignInWindow::busyDisablesInputs()
{
    fillForm(ValidHub, QStringLiteral("mlopez"), QStringLiteral("pw"));
    QSignalSpy requested(m_window.get(), &SignInWindow::signInRequested);

    m_window->setBusy(true);
    QVERIFY(m_window->isBusy());
    for (QWidget *input :
         std::initializer_list<QWidget *>{m_hub, m_user, m_password, m_button, m_language})
        QVERIFY2(!input->isEnabled(), qPrintable(input->objectName()));
    QCOMPARE(m_button->text(), QStringLiteral("Signing in…"));
    QTest::mouseClick(m_button, Qt::LeftButton);
    QTest::keyClick(m_password, Qt::Key_Return);
    QCOMPARE(requested.size(), 0);

    m_window->setBusy(false);
    for (QWidget *input :
         std::initializer_list<QWidget *>{m_hub, m_user, m_password, m_button, m_language})
        QVERIFY2(input->isEnabled(), qPrintable(input->objectName()));
    QCOMPARE(m_button->text(), QStringLiteral("Sign in"));
    QTest::mouseClick(m_button, Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
}

void TestSignInWindow::statusShowsErrorAndInfo()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_status->isHidden());

    m_window->showError(QStringLiteral("The hub refused the username or password."));
    QVERIFY(m_status->isVisible());
    QVERIFY(m_status->wordWrap());
    QCOMPARE(m_status->property("kind").toString(), QStringLiteral("error"));
    QCOMPARE(m_status->text(), QStringLiteral("The hub refused the username or password."));

    m_window->showInfo(QStringLiteral("Connecting to hub.hospital.local…"));
    QVERIFY(m_status->isVisible());
    QCOMPARE(m_status->property("kind").toString(), QStringLiteral("info"));

    // Text from the network is never interpreted as markup.
    m_window->showError(QStringLiteral("<b>bold</b>"));
    QCOMPARE(m_status->textFormat(), Qt::PlainText);

    m_window->showError(QString());
    QVERIFY(m_status->isHidden());
}

void TestSignInWindow::clearPasswordEmptiesAndFocuses()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    fillForm(ValidHub, QStringLiteral("mlopez"), QStringLiteral("wrong"));
    m_hub->setFocus();
    m_window->clearPassword();
    QVERIFY(m_password->text().isEmpty());
    QTRY_VERIFY(m_password->hasFocus());
    QCOMPARE(m_user->text(), QStringLiteral("mlopez"));
}

void TestSignInWindow::unconfirmedCertificateShowsItsFingerprint()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    fillForm(ValidHub, QStringLiteral("mlopez"), QStringLiteral("secret"));
    auto *panel = m_window->findChild<QWidget *>(QStringLiteral("certificatePanel"));
    auto *fingerprint = m_window->findChild<QLabel *>(QStringLiteral("fingerprintLabel"));
    auto *trust = m_window->findChild<QPushButton *>(QStringLiteral("trustCertificateButton"));
    auto *distrust =
        m_window->findChild<QPushButton *>(QStringLiteral("distrustCertificateButton"));
    QVERIFY(panel && fingerprint && trust && distrust);
    QVERIFY(!panel->isVisible());

    const QString shown = QStringLiteral("AB:CD:EF\n01:23:45");
    m_window->askToConfirmCertificate(QStringLiteral("Not trusted."), shown);
    QVERIFY(panel->isVisible());
    QCOMPARE(fingerprint->text(), shown);
    // Not trusting is the safe default: the focus is there, not on "trust".
    QTRY_VERIFY(distrust->hasFocus());

    // Trusting asks for it and keeps the password for the sign-in that follows.
    QSignalSpy confirmed(m_window.get(), &SignInWindow::certificateConfirmed);
    QSignalSpy requested(m_window.get(), &SignInWindow::signInRequested);
    QTest::mouseClick(trust, Qt::LeftButton);
    QCOMPARE(confirmed.count(), 1);
    QVERIFY(!panel->isVisible());
    m_window->retry();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().at(2).toString(), QStringLiteral("secret"));

    // "It does not match": nothing trusted, the password is gone.
    m_window->setBusy(false);
    m_window->askToConfirmCertificate(QStringLiteral("Not trusted."), shown);
    QTest::mouseClick(distrust, Qt::LeftButton);
    QCOMPARE(confirmed.count(), 1);
    QVERIFY(!panel->isVisible());
    QVERIFY(m_password->text().isEmpty());

    // Another hub address: that fingerprint is not its.
    m_window->askToConfirmCertificate(QStringLiteral("Not trusted."), shown);
    m_hub->setFocus();
    QTest::keyClick(m_hub, Qt::Key_Backspace);
    QVERIFY(!panel->isVisible());
}

void TestSignInWindow::switchesLanguageLive()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto *hubLabel = m_window->findChild<QLabel *>(QStringLiteral("hubAddressLabel"));
    auto *userLabel = m_window->findChild<QLabel *>(QStringLiteral("usernameLabel"));
    auto *passwordLabel = m_window->findChild<QLabel *>(QStringLiteral("passwordLabel"));
    auto *languageLabel = m_window->findChild<QLabel *>(QStringLiteral("languageLabel"));
    QVERIFY(hubLabel && userLabel && passwordLabel && languageLabel);
    QCOMPARE(m_language->currentText(), QStringLiteral("English"));
    QCOMPARE(m_button->text(), QStringLiteral("Sign in"));

    switchLanguageWithKeyboard(Qt::Key_Down, QStringLiteral("es"));
    QTRY_COMPARE(m_button->text(), QStringLiteral("Iniciar sesión"));
    QCOMPARE(m_language->currentText(), QStringLiteral("Español"));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Wardline — Iniciar sesión"));
    QCOMPARE(hubLabel->text(), QStringLiteral("&Dirección del hub"));
    QCOMPARE(userLabel->text(), QStringLiteral("&Usuario"));
    QCOMPARE(passwordLabel->text(), QStringLiteral("&Contraseña"));
    QCOMPARE(languageLabel->text(), QStringLiteral("&Idioma"));
    // The core library's strings come from the same embedded translation.
    QCOMPARE(Wardline::Core::roleDisplayName(Wardline::Core::Role::Nurse),
             QStringLiteral("Enfermero(a)"));

    switchLanguageWithKeyboard(Qt::Key_Up, QStringLiteral("en"));
    QTRY_COMPARE(m_button->text(), QStringLiteral("Sign in"));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Wardline — Sign in"));
    QCOMPARE(hubLabel->text(), QStringLiteral("&Hub address"));
    QCOMPARE(userLabel->text(), QStringLiteral("&Username"));
    QCOMPARE(passwordLabel->text(), QStringLiteral("&Password"));
    QCOMPARE(languageLabel->text(), QStringLiteral("&Language"));
    QCOMPARE(Wardline::Core::roleDisplayName(Wardline::Core::Role::Nurse), QStringLiteral("Nurse"));
}

void TestSignInWindow::problemFollowsLanguage()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    fillForm(ValidHub, QStringLiteral("mlopez"), QString());
    QTest::mouseClick(m_button, Qt::LeftButton);
    QCOMPARE(m_status->text(), QStringLiteral("Enter your password."));

    switchLanguageWithKeyboard(Qt::Key_Down, QStringLiteral("es"));
    QTRY_COMPARE(m_status->text(), QStringLiteral("Ingrese su contraseña."));
    QVERIFY(m_password->property("invalid").toBool());
}

void TestSignInWindow::busyTextFollowsLanguage()
{
    m_window->setBusy(true);
    QVERIFY(Language::apply(QStringLiteral("es")));
    QTRY_COMPARE(m_button->text(), QStringLiteral("Iniciando sesión…"));
    QCOMPARE(m_language->currentText(), QStringLiteral("Español"));
}

void TestSignInWindow::unknownLanguageIsRefused()
{
    QVERIFY(!Language::apply(QStringLiteral("xx")));
    QCOMPARE(Language::current(), QStringLiteral("en"));
    QCOMPARE(Language::forLocale(QLocale(QLocale::Spanish, QLocale::Mexico)), QStringLiteral("es"));
    QCOMPARE(Language::forLocale(QLocale(QLocale::Spanish, QLocale::UnitedStates)),
             QStringLiteral("es"));
    QCOMPARE(Language::forLocale(QLocale(QLocale::English, QLocale::UnitedStates)),
             QStringLiteral("en"));
    QCOMPARE(Language::forLocale(QLocale(QLocale::German, QLocale::Germany)), QStringLiteral("en"));
}

void TestSignInWindow::embeddedTranslationsLoad()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/wardline_es.qm")));
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/wardline_en.qm")));
    QTranslator spanish;
    QVERIFY(spanish.load(QStringLiteral(":/i18n/wardline_es.qm")));
    QCOMPARE(spanish.translate("Wardline::Ui::SignInWindow", "Sign in"),
             QStringLiteral("Iniciar sesión"));
}

void TestSignInWindow::spanishTranslationIsComplete()
{
    QString language;
    QString error;
    const QList<TsMessage> messages =
        readTs(QStringLiteral(WARDLINE_TRANSLATIONS_DIR "/wardline_es.ts"), &language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!messages.isEmpty());
    QCOMPARE(language, QStringLiteral("es"));

    QStringList problems;
    for (const TsMessage &m : messages) {
        const QString where = m.context + QStringLiteral(": \"") + m.source + u'"';
        if (!m.type.isEmpty()) {
            problems.append(where + QStringLiteral(" is ") + m.type);
            continue;
        }
        if (m.translations.isEmpty()) {
            problems.append(where + QStringLiteral(" has no translation"));
            continue;
        }
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty())
                problems.append(where + QStringLiteral(" has an empty translation"));
            else if (placeholders(t) != placeholders(m.source))
                problems.append(where + QStringLiteral(" changes the placeholders: ") + t);
            else if (hasMnemonic(t) != hasMnemonic(m.source))
                problems.append(where + QStringLiteral(" loses or adds the & shortcut: ") + t);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestSignInWindow::englishPluralFormsAreFilled()
{
    QString language;
    QString error;
    const QList<TsMessage> messages =
        readTs(QStringLiteral(WARDLINE_TRANSLATIONS_DIR "/wardline_en.ts"), &language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!messages.isEmpty());
    QCOMPARE(language, QStringLiteral("en"));

    QStringList problems;
    for (const TsMessage &m : messages) {
        if (!m.numerus)
            continue;
        const bool filled = m.translations.size() == 2 &&
                            !m.translations.at(0).trimmed().isEmpty() &&
                            !m.translations.at(1).trimmed().isEmpty();
        if (!filled || !m.type.isEmpty())
            problems.append(m.context + QStringLiteral(": \"") + m.source + u'"');
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

// Not a check: renders the sign-in window for docs/screenshots when WARDLINE_SCREENSHOT_DIR
// is set (./dev screenshots): plain, and asking to confirm an unknown hub certificate.
void TestSignInWindow::screenshot_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("certificate");
    QTest::newRow("en") << QStringLiteral("en") << false;
    QTest::newRow("es") << QStringLiteral("es") << false;
    QTest::newRow("certificate-en") << QStringLiteral("en") << true;
    QTest::newRow("certificate-es") << QStringLiteral("es") << true;
}

void TestSignInWindow::screenshot()
{
    QFETCH(QString, language);
    QFETCH(bool, certificate);
    const QString dir = qEnvironmentVariable("WARDLINE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("WARDLINE_SCREENSHOT_DIR is not set");
    QVERIFY(Language::apply(language));
    m_window->resize(640, certificate ? 760 : 620);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    fillForm(ValidHub, QStringLiteral("mlopez"), QStringLiteral("secret"));
    if (certificate) {
        const bool es = language == QLatin1StringView("es");
        m_window->askToConfirmCertificate(
            es ? QStringLiteral("El certificado de seguridad del hub no está firmado por una "
                                "autoridad en la que este equipo confíe, así que Wardline no ha "
                                "enviado su contraseña. Compare su huella con la que le dio el "
                                "servicio de informática antes de confiar en él.")
               : QStringLiteral("The hub's security certificate is not signed by an authority "
                                "this computer trusts, so Wardline did not send your password. "
                                "Compare its fingerprint with the one IT gave you before you "
                                "trust it."),
            QStringLiteral("3F:A0:91:5C:72:0B:E4:18:C6:2D:95:7A:40:BE:13:F9\n"
                           "82:6E:D1:07:5B:C3:A8:24:E0:9F:36:71:4D:B2:58:0C"));
    }
    QCoreApplication::processEvents();
    const QString name =
        QStringLiteral("signin-%1.png").arg(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(m_window->grab().save(QDir(dir).filePath(name)));
}

QTEST_MAIN(TestSignInWindow)
#include "tst_signinwindow.moc"
