// Canned responses end to end on loopback: a real hub and wardline-sim in-process (started by
// Test::startConsoleHub), a nurse's console as main.cpp builds it, an administrator's Settings
// desk, real widgets on the offscreen platform. Nothing sleeps: every wait is on the widgets,
// the hub's record or the simulator's log.
#include "console/cachewriter.h"
#include "console/cannedresponses.h"
#include "console/conversationclient.h"
#include "console/hubclient.h"
#include "console/inboxstore.h"
#include "console/localcache.h"
#include "console/syncengine.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/role.h"
#include "core/secretkey.h"
#include "hub/hubconfig.h"
#include "hub/hubserver.h"
#include "hub/sitesettings.h"
#include "sim/inboundinjector.h"
#include "sim/messagelog.h"
#include "sim/simserver.h"
#include "sim/simservices.h"
#include "store/userrepository.h"
#include "testconsole.h"
#include "testsim.h"
#include "ui/cannedresponsepicker.h"
#include "ui/cannedresponseseditor.h"
#include "ui/composer.h"
#include "ui/conversationview.h"
#include "ui/homewindow.h"
#include "ui/inboxwidget.h"
#include "ui/language.h"
#include "ui/messagebubble.h"
#include "ui/settingsdesk.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Wardline;

namespace {
const QString Password = QStringLiteral("Ward-line 7 blue heron");
constexpr int Patience = 30000;
// A fictional patient (555-01xx numbers are reserved for fiction).
const QString AnaPhone = QStringLiteral("15550100501");
const QString MartaPhone = QStringLiteral("15550100502");
} // namespace

class TestCannedResponses : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::HubSecrets m_secrets;
    Core::ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    std::unique_ptr<Sim::SimServer> m_sim;
    Console::HubClient m_client;
    Core::SecretKey m_cacheKey = Core::SecretKey::generate();

    // The nurse's console: what main.cpp puts together after signing in.
    QSqlDatabase m_cache;
    std::unique_ptr<Console::InboxStore> m_inbox;
    std::unique_ptr<Console::SyncEngine> m_sync;
    std::unique_ptr<Console::ConversationClient> m_conversations;
    std::unique_ptr<Ui::HomeWindow> m_home;
    // The administrator's Settings desk.
    std::unique_ptr<Ui::SettingsDesk> m_desk;

    QString hubDir() const { return m_dir.filePath(QStringLiteral("hub")); }
    QVariant hubValue(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery q(m_hub->database());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0) : QVariant();
    }
    qint64 conversationOf(const QString &waId) const
    {
        return Test::conversationOf(m_hub->database(), waId);
    }
    QStringList sentTexts(const QString &waId) const
    {
        QStringList texts;
        for (const Sim::SentMessage &m : m_sim->services()->log().allSent()) {
            if (m.waId == waId)
                texts.append(m.text);
        }
        return texts;
    }
    std::optional<Console::HubSession> signIn(const QString &username)
    {
        return Test::signIn(m_client, m_hub->apiUrl(), username, Password, Patience);
    }
    Ui::Composer *composer() const { return m_home->conversationView()->composer(); }
    QPlainTextEdit *editor() const
    {
        return composer()->findChild<QPlainTextEdit *>(QStringLiteral("composerEdit"));
    }
    Ui::CannedResponsePicker *picker() const { return composer()->cannedPicker(); }
    QStringList shownShortcuts() const
    {
        QStringList out;
        for (const Console::CannedResponse &r : picker()->shown())
            out.append(r.shortcut);
        return out;
    }
    // The patient writes in and the nurse opens the conversation from the inbox.
    [[nodiscard]] bool openPatient(const QString &phone, const QString &name, const QString &text)
    {
        if (conversationOf(phone) <= 0 && !m_sim->services()
                                               ->inbound()
                                               .inject({{QStringLiteral("from"), phone},
                                                        {QStringLiteral("name"), name},
                                                        {QStringLiteral("text"), text}})
                                               .ok)
            return false;
        if (!QTest::qWaitFor([&] { return conversationOf(phone) > 0; }, Patience))
            return false;
        const qint64 id = conversationOf(phone);
        if (!QTest::qWaitFor([&] { return m_inbox->find(id).has_value(); }, Patience))
            return false;
        Q_EMIT m_home->inbox()->conversationActivated(id);
        return QTest::qWaitFor(
            [&] {
                return m_home->conversationView()->conversationId() == id &&
                       composer()->cannedResponsesAllowed() &&
                       !m_home->conversationView()->bubbles().isEmpty();
            },
            Patience);
    }
    [[nodiscard]] bool openAna()
    {
        return openPatient(AnaPhone, QStringLiteral("Ana Drill"),
                           QStringLiteral("where do I park?"));
    }
    void saveScreenshot(QWidget &widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("WARDLINE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget.grab().save(QDir(dir).filePath(name)));
    }
    void clearEditor()
    {
        editor()->clear();
        QVERIFY(picker()->isHidden());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(Core::Crypto::selfTest());
        const QString started =
            Test::startConsoleHub(hubDir(), Password, m_clock, m_secrets, m_config, m_sim, m_hub);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QVERIFY(Store::UserRepository(m_hub->database(), m_clock)
                    .create(QStringLiteral("nurse.canned"), Core::Role::Nurse,
                            Core::Crypto::hashPassword(Password)));

        const auto session = signIn(QStringLiteral("nurse.canned"));
        QVERIFY(session);
        auto db =
            Console::LocalCache::open(QStringLiteral("canned-nurse"),
                                      m_dir.filePath(QStringLiteral("nurse.cache")), m_cacheKey);
        QVERIFY(db);
        m_cache = db.value();
        m_inbox = std::make_unique<Console::InboxStore>();
        auto *worker = new Console::CacheWriter(m_cache.databaseName(), m_cacheKey);
        m_sync = std::make_unique<Console::SyncEngine>(*worker, *m_inbox, m_client, *session,
                                                       Core::Clock::system());
        worker->setParent(m_sync.get()); // goes after the engine, having run what it queued
        m_sync->setRetryIntervals(50, 400);
        m_conversations =
            std::make_unique<Console::ConversationClient>(m_client, *session, m_cache, m_clock);
        m_conversations->followInbox(m_inbox.get());
        m_home = std::make_unique<Ui::HomeWindow>();
        m_home->showSession(QStringLiteral("Nurse"), Core::Role::Nurse, m_hub->apiUrl(), {});
        m_home->setInbox(m_inbox.get(), session->user.id);
        m_home->setConversationClient(m_conversations.get());
        m_home->conversationView()->setClock(&m_clock);
        connect(m_sync.get(), &Console::SyncEngine::eventsApplied, m_home.get(),
                &Ui::HomeWindow::hubEvents);
        m_home->setHub(&m_client, *session);
        m_home->resize(1200, 800);
        m_home->show();
        m_sync->start();

        const auto admin = signIn(QStringLiteral("admin"));
        QVERIFY(admin);
        m_desk = std::make_unique<Ui::SettingsDesk>();
        m_desk->setHub(&m_client, *admin);
        m_desk->resize(1000, 700);
        m_desk->show();
        // The nurse's window has the keyboard, as on her workstation.
        m_home->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_home.get()));
    }

    void cleanupTestCase()
    {
        m_desk.reset();
        m_home.reset();
        m_conversations.reset();
        m_sync.reset();
        m_inbox.reset();
        m_cache = QSqlDatabase();
        m_sim.reset();
        m_hub.reset();
    }

    // A failed step leaves no text or open list behind for the next.
    void cleanup()
    {
        if (m_home && editor()) {
            editor()->clear();
            editor()->setFocus();
        }
    }

    void aNurseTypesSlashAndInsertsOneWithThePatientsName()
    {
        QVERIFY(openAna());
        auto *button =
            composer()->findChild<QPushButton *>(QStringLiteral("cannedResponsesButton"));
        QVERIFY(button && button->isEnabled());

        // "/" in the empty reply box: every response in the patient's language.
        editor()->setFocus();
        QTest::keyClicks(editor(), QStringLiteral("/"));
        QTRY_VERIFY(picker()->isVisible());
        QVERIFY(shownShortcuts().size() >= 4);
        QVERIFY(shownShortcuts().contains(QStringLiteral("/received")));
        // Esc closes it and leaves what was typed.
        QTest::keyClick(editor(), Qt::Key_Escape);
        QVERIFY(picker()->isHidden());
        QCOMPARE(editor()->toPlainText(), QStringLiteral("/"));
        clearEditor();

        // Typing filters; the arrows move the choice; Enter puts it in the box.
        QTest::keyClicks(editor(), QStringLiteral("/re"));
        QTRY_VERIFY(picker()->isVisible());
        // By a shortcut's start or a word of the title ("Lab results"), not inside a word.
        const QStringList filtered = shownShortcuts();
        QVERIFY(filtered.contains(QStringLiteral("/received")));
        QVERIFY(filtered.contains(QStringLiteral("/refill")));
        QVERIFY(!filtered.contains(QStringLiteral("/directions")));
        QTest::keyClicks(editor(), QStringLiteral("ce"));
        // The shortcut first; "Refill request received" by its title after it.
        QCOMPARE(shownShortcuts(),
                 (QStringList{QStringLiteral("/received"), QStringLiteral("/refill")}));
        QCOMPARE(picker()->current()->shortcut, QStringLiteral("/received"));
        QTest::keyClick(editor(), Qt::Key_Down);
        QCOMPARE(picker()->current()->shortcut, QStringLiteral("/refill"));
        QTest::keyClick(editor(), Qt::Key_Up);
        QCOMPARE(picker()->current()->shortcut, QStringLiteral("/received"));
        QTest::keyClick(editor(), Qt::Key_Return);
        QVERIFY(picker()->isHidden());
        const QString body =
            hubValue(QStringLiteral("SELECT body FROM canned_responses WHERE shortcut = "
                                    "'/received' AND language = 'en'"))
                .toString();
        QVERIFY(body.contains(QStringLiteral("{patient_first_name}")));
        QString expected = body;
        expected.replace(QStringLiteral("{patient_first_name}"), QStringLiteral("Ana"));
        QCOMPARE(editor()->toPlainText(), expected);
        QVERIFY(editor()->hasFocus());

        // Nothing reaches the patient until the nurse sends it, edited or not.
        QVERIFY(sentTexts(AnaPhone).filter(QStringLiteral("received your message")).isEmpty());
        QTest::keyClicks(editor(), QStringLiteral(" Thank you."));
        expected += QStringLiteral(" Thank you.");
        auto *send = composer()->findChild<QPushButton *>(QStringLiteral("sendButton"));
        QVERIFY(send && send->isEnabled());
        // The splitter gives the conversation its room once it is laid out.
        QTRY_VERIFY_WITH_TIMEOUT(send->isVisible() && send->width() > 0, Patience);
        QTest::mouseClick(send, Qt::LeftButton);
        QVERIFY(editor()->toPlainText().isEmpty());
        QTRY_VERIFY2_WITH_TIMEOUT(sentTexts(AnaPhone).contains(expected),
                                  qPrintable(sentTexts(AnaPhone).join(u'|')), Patience);
        QCOMPARE(sentTexts(AnaPhone).filter(QStringLiteral("received your message")).size(), 1);
    }

    void theButtonOpensTheListForTheKeyboard()
    {
        QVERIFY(editor()->toPlainText().isEmpty());
        composer()->showCannedResponses();
        QVERIFY(picker()->isVisible());
        auto *list = picker()->findChild<QListWidget *>(QStringLiteral("cannedList"));
        QVERIFY(list);
        QVERIFY(shownShortcuts().size() >= 4);
        const QString second = shownShortcuts().at(1);
        QTest::keyClick(list, Qt::Key_Down);
        QCOMPARE(picker()->current()->shortcut, second);
        QTest::keyClick(list, Qt::Key_Escape);
        QVERIFY(picker()->isHidden());
        QVERIFY(editor()->toPlainText().isEmpty());
        composer()->showCannedResponses();
        QTest::keyClick(list, Qt::Key_Down);
        QTest::keyClick(list, Qt::Key_Return);
        QVERIFY(picker()->isHidden());
        QVERIFY(editor()->toPlainText().startsWith(QStringLiteral("Hello Ana")));
        QVERIFY(!editor()->toPlainText().contains(QStringLiteral("{patient_first_name}")));
        clearEditor();
    }

    void anAdministratorAddsOneAndTheNurseSeesIt()
    {
        Ui::CannedResponsesEditor *admin = m_desk->showCannedResponses();
        QVERIFY(admin);
        admin->setLanguage(QStringLiteral("en"));
        auto *list = admin->findChild<QListWidget *>(QStringLiteral("cannedAdminList"));
        QTRY_VERIFY_WITH_TIMEOUT(list->count() >= 4, Patience);
        auto *shortcut = admin->findChild<QLineEdit *>(QStringLiteral("cannedShortcutEdit"));
        auto *title = admin->findChild<QLineEdit *>(QStringLiteral("cannedTitleEdit"));
        auto *body = admin->findChild<QPlainTextEdit *>(QStringLiteral("cannedBodyEdit"));
        auto *save = admin->findChild<QPushButton *>(QStringLiteral("cannedSaveButton"));
        QVERIFY(shortcut && title && body && save);
        QTest::mouseClick(admin->findChild<QPushButton *>(QStringLiteral("cannedNewButton")),
                          Qt::LeftButton);

        // Mistakes are named as they are typed, and nothing can be saved meanwhile.
        QTest::keyClicks(shortcut, QStringLiteral("/Parking lot"));
        QTest::keyClicks(title, QStringLiteral("Parking"));
        QTest::keyClicks(body, QStringLiteral("Hello {first_name}, parking is free on level 2."));
        QVERIFY(admin->message().contains(QStringLiteral("/directions")));
        QVERIFY(!save->isEnabled());
        shortcut->clear();
        QTest::keyClicks(shortcut, QStringLiteral("/received"));
        QVERIFY(admin->message().contains(QStringLiteral("already")));
        QVERIFY(!save->isEnabled());
        shortcut->clear();
        QTest::keyClicks(shortcut, QStringLiteral("/parking"));
        QVERIFY(admin->message().contains(QStringLiteral("{first_name}")));
        QVERIFY(!save->isEnabled());
        body->clear();
        QTest::keyClicks(body, QStringLiteral("Hello {patient_first_name}, parking is free for "
                                              "patients on level 2."));
        QVERIFY(admin->message().isEmpty());
        QVERIFY(save->isEnabled());

        QSignalSpy saved(admin, &Ui::CannedResponsesEditor::saved);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(saved.wait(Patience));
        QCOMPARE(saved.first().first().toBool(), true);
        QCOMPARE(hubValue(QStringLiteral("SELECT title FROM canned_responses WHERE shortcut = "
                                         "'/parking' AND language = 'en'"))
                     .toString(),
                 QStringLiteral("Parking"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !list->findItems(QStringLiteral("/parking"), Qt::MatchStartsWith).isEmpty(), Patience);
        QCoreApplication::processEvents();
        QVERIFY(admin->message().startsWith(QStringLiteral("Saved.")));
        saveScreenshot(*m_desk, QStringLiteral("canned-responses-settings-en.png"));

        // The nurse's console hears of it through the event log, and offers it at once.
        editor()->setFocus();
        QTest::keyClicks(editor(), QStringLiteral("/park"));
        QVERIFY(picker()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(shownShortcuts(), QStringList{QStringLiteral("/parking")},
                                  Patience);
        QTest::keyClick(editor(), Qt::Key_Return);
        QCOMPARE(editor()->toPlainText(),
                 QStringLiteral("Hello Ana, parking is free for patients on level 2."));
        clearEditor();
    }

    void anAdministratorDeletesOneAndTheNurseNoLongerSeesIt()
    {
        Ui::CannedResponsesEditor *admin = m_desk->showCannedResponses();
        auto *list = admin->findChild<QListWidget *>(QStringLiteral("cannedAdminList"));
        // The language chooser shows each language's own list.
        admin->setLanguage(QStringLiteral("es"));
        QTRY_VERIFY(!list->findItems(QStringLiteral("/directions"), Qt::MatchStartsWith).isEmpty());
        QVERIFY(list->findItems(QStringLiteral("/parking"), Qt::MatchStartsWith).isEmpty());
        admin->setLanguage(QStringLiteral("en"));
        QVERIFY(admin->select(QStringLiteral("/parking")));
        auto *remove = admin->findChild<QPushButton *>(QStringLiteral("cannedDeleteButton"));
        QVERIFY(remove->isEnabled());
        QSignalSpy saved(admin, &Ui::CannedResponsesEditor::saved);
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(saved.wait(Patience));
        QCOMPARE(saved.first().first().toBool(), true);
        QCOMPARE(hubValue(QStringLiteral("SELECT count(*) FROM canned_responses WHERE shortcut = "
                                         "'/parking'"))
                     .toInt(),
                 0);
        QTRY_VERIFY(list->findItems(QStringLiteral("/parking"), Qt::MatchStartsWith).isEmpty());

        QVERIFY(openAna());
        editor()->setFocus();
        QTest::keyClicks(editor(), QStringLiteral("/"));
        QVERIFY(picker()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!shownShortcuts().contains(QStringLiteral("/parking")), Patience);
        QVERIFY(shownShortcuts().contains(QStringLiteral("/received")));
        QTest::keyClick(editor(), Qt::Key_Escape);
    }

    void pickerScreenshot_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("es") << QStringLiteral("es");
    }

    // The picker as a nurse sees it after typing "/", for docs/screenshots (./dev screenshots).
    void pickerScreenshot()
    {
        QFETCH(QString, language);
        // A patient who writes in Spanish is offered the Spanish responses.
        if (language == QLatin1String("es"))
            QVERIFY(openPatient(MartaPhone, QStringLiteral("Marta Drill"),
                                QStringLiteral("hola, ¿dónde está la clínica? necesito llegar")));
        else
            QVERIFY(openAna());
        QVERIFY(Ui::Language::apply(language));
        // The site's own values, so the texts read as a patient gets them; the console fetches
        // the list again as when an administrator changes it.
        const QList<std::pair<QString, QString>> site{
            {QStringLiteral("site/location_name"), QStringLiteral("Riverside Clinic")},
            {QStringLiteral("site/location_address"), QStringLiteral("12 Mill Road")},
            {QStringLiteral("site/phone"), QStringLiteral("+1 555 0100 900")}};
        for (const auto &[key, value] : site)
            QVERIFY(Hub::SiteSettings::set(m_hub->database(), key, value));
        m_home->hubEvents({Console::CannedResponses::changedEvent()});
        m_home->resize(1440, 860);
        editor()->setFocus();
        QTest::keyClicks(editor(), QStringLiteral("/"));
        QVERIFY(picker()->isVisible());
        const auto filled = [this] {
            const QList<Console::CannedResponse> shown = picker()->shown();
            return std::any_of(shown.cbegin(), shown.cend(), [](const Console::CannedResponse &r) {
                return r.text.contains(QLatin1String("Riverside Clinic"));
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(filled(), Patience);
        QVERIFY(shownShortcuts().size() >= 4);
        for (const Console::CannedResponse &r : picker()->shown())
            QCOMPARE(r.language, language);
        // The messages laid out in the wider window before the picture is taken.
        QTRY_VERIFY(!m_home->conversationView()->bubbles().isEmpty() &&
                    m_home->conversationView()->bubbles().constFirst()->width() > 0);
        QCoreApplication::processEvents();
        saveScreenshot(*m_home->conversationView(),
                       QStringLiteral("canned-responses-%1.png").arg(language));
        QTest::keyClick(editor(), Qt::Key_Escape);
        for (const auto &[key, value] : site)
            QVERIFY(Hub::SiteSettings::set(m_hub->database(), key, QString()));
        m_home->hubEvents({Console::CannedResponses::changedEvent()});
        m_home->resize(1200, 800);
        QVERIFY(Ui::Language::apply(QStringLiteral("en")));
    }

    void notAvailableWhereFreeTextIsNot()
    {
        // A note is for colleagues: no patient-facing text there.
        composer()->setMode(Ui::Composer::Mode::Note);
        auto *button =
            composer()->findChild<QPushButton *>(QStringLiteral("cannedResponsesButton"));
        QVERIFY(!button->isEnabled());
        QTest::keyClicks(editor(), QStringLiteral("/"));
        QVERIFY(picker()->isHidden());
        clearEditor();
        composer()->setMode(Ui::Composer::Mode::Reply);
        QVERIFY(button->isEnabled());
        // Outside WhatsApp's 24-hour window only a template may be sent.
        const qint64 id = m_home->conversationView()->conversationId();
        composer()->setConversation(id, 0, m_clock.now(), QStringLiteral("Ana"),
                                    QStringLiteral("en"));
        QVERIFY(!composer()->cannedResponsesAllowed());
        QVERIFY(!button->isEnabled());
        composer()->showCannedResponses();
        QVERIFY(picker()->isHidden());
    }
};

QTEST_MAIN(TestCannedResponses)
#include "tst_cannedresponses.moc"
