#include "console/inboxstore.h"
#include "ui/desk.h"
#include "ui/homewindow.h"
#include "ui/inboxwidget.h"
#include "ui/language.h"
#include "ui/usersdesk.h"

#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabBar>
#include <QTest>

using namespace Wardline;

class TestHomeWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { QVERIFY(Ui::Language::apply(QStringLiteral("en"))); }

    void showsWhoIsSignedInAndTheCacheState()
    {
        Ui::HomeWindow home;
        home.showSession(QStringLiteral("Ana Ruiz"), Core::Role::Nurse,
                         QStringLiteral("https://hub:8443"), {});
        home.show();
        auto *user = home.findChild<QLabel *>(QStringLiteral("userLabel"));
        auto *cache = home.findChild<QLabel *>(QStringLiteral("cacheLabel"));
        QVERIFY(user && cache);
        QCOMPARE(user->text(), QStringLiteral("Signed in as Ana Ruiz · Nurse"));
        QCOMPARE(cache->property("kind").toString(), QStringLiteral("ok"));
        QVERIFY(cache->text().contains(QStringLiteral("encrypted")));

        home.showSession(QStringLiteral("Ana Ruiz"), Core::Role::Nurse,
                         QStringLiteral("https://hub:8443"),
                         QStringLiteral("No system keychain is available"));
        QCOMPARE(cache->property("kind").toString(), QStringLiteral("warning"));
        QCOMPARE(cache->text(), QStringLiteral("No system keychain is available"));
    }

    void signOutButtonAsksToSignOut()
    {
        Ui::HomeWindow home;
        home.show();
        QSignalSpy spy(&home, &Ui::HomeWindow::signOutRequested);
        QTest::mouseClick(home.findChild<QPushButton *>(QStringLiteral("signOutButton")),
                          Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
    }

    void showsTheInbox()
    {
        Console::InboxStore store;
        Console::ConversationSummary s;
        s.id = 5;
        s.patientName = QStringLiteral("Test Patient");
        s.category = QStringLiteral("NURSE");
        s.priority = QStringLiteral("P2");
        s.state = QStringLiteral("open");
        store.upsert(s);

        Ui::HomeWindow home;
        home.setInbox(&store, 7);
        home.show();
        QVERIFY(home.inbox() && home.inbox()->isVisible());
        auto *list = home.findChild<QListView *>(QStringLiteral("conversationList"));
        QVERIFY(list);
        QCOMPARE(list->model()->rowCount(), 1);
        s.id = 6;
        store.upsert(s);
        QCOMPARE(list->model()->rowCount(), 2);

        QSignalSpy opened(&home, &Ui::HomeWindow::conversationActivated);
        list->setFocus();
        list->setCurrentIndex(list->model()->index(0, 0));
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
    }

    void followsTheLanguage()
    {
        Ui::HomeWindow home;
        home.showSession(QStringLiteral("Ana Ruiz"), Core::Role::Nurse,
                         QStringLiteral("https://hub:8443"), {});
        home.show();
        QVERIFY(Ui::Language::apply(QStringLiteral("es")));
        QTRY_COMPARE(home.findChild<QLabel *>(QStringLiteral("userLabel"))->text(),
                     QStringLiteral("Sesión iniciada como Ana Ruiz · Enfermero(a)"));
        QCOMPARE(home.findChild<QPushButton *>(QStringLiteral("signOutButton"))->text(),
                 QStringLiteral("Cerrar sesión"));
    }

    // Each role gets the screens its permissions allow, and only those (the hub checks again).
    void eachRoleSeesItsDesks_data()
    {
        QTest::addColumn<Core::Role>("role");
        QTest::addColumn<QStringList>("tabs");
        QTest::newRow("nurse") << Core::Role::Nurse
                               << QStringList{QStringLiteral("Inbox"),
                                              QStringLiteral("Photo review")};
        QTest::newRow("physician")
            << Core::Role::Physician
            << QStringList{QStringLiteral("Inbox"), QStringLiteral("Photo review")};
        QTest::newRow("receptionist")
            << Core::Role::Receptionist
            << QStringList{QStringLiteral("Inbox"), QStringLiteral("Reschedule")};
        QTest::newRow("administrator")
            << Core::Role::Administrator
            << QStringList{QStringLiteral("Reschedule"), QStringLiteral("Templates"),
                           QStringLiteral("Users"), QStringLiteral("Site settings"),
                           QStringLiteral("Audit trail")};
        QTest::newRow("auditor") << Core::Role::Auditor
                                 << QStringList{QStringLiteral("Audit trail")};
    }

    void eachRoleSeesItsDesks()
    {
        QFETCH(Core::Role, role);
        QFETCH(QStringList, tabs);
        Ui::HomeWindow home;
        home.showSession(QStringLiteral("Ana Ruiz"), role, QStringLiteral("https://hub:8443"), {});
        home.show();
        auto *bar = home.findChild<QTabBar *>(QStringLiteral("deskTabs"));
        QVERIFY(bar);
        QStringList shown;
        for (int i = 0; i < bar->count(); ++i)
            shown.append(bar->tabText(i).section(QStringLiteral(" ("), 0, 0)); // no counts
        QCOMPARE(shown, tabs);
        // One screen needs no tabs; the first one is open.
        QCOMPARE(bar->isVisible(), tabs.size() > 1);
        auto *pages = home.findChild<QStackedWidget *>(QStringLiteral("homePages"));
        QVERIFY(pages);
        if (tabs.first() == QLatin1StringView("Inbox"))
            QCOMPARE(pages->currentIndex(), 0);
        else
            QCOMPARE(qobject_cast<Ui::Desk *>(pages->currentWidget())
                         ->title()
                         .section(QStringLiteral(" ("), 0, 0),
                     tabs.first());
        // A desk the role may not use cannot be shown.
        auto *users = home.desk<Ui::UsersDesk>();
        QVERIFY(users);
        QCOMPARE(home.showDesk(users), tabs.contains(QStringLiteral("Users")));
    }
};

QTEST_MAIN(TestHomeWindow)
#include "tst_homewindow.moc"
