// The site settings desk end to end: a real hub in-process (loopback) and the real widgets on
// the offscreen platform. The form is made from what the hub lists; a save is all or nothing
// and the hub's refusal shows beside its field.
#include "console/hubclient.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "testhub.h"
#include "ui/settingsdesk.h"

#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>

using namespace Wardline;

namespace {
const QString AdminPassword = QStringLiteral("Ward-line 7 blue heron");
constexpr int Patience = 30000;
} // namespace

class TestSettingsDesk : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    Console::HubClient m_client;
    Console::HubSession m_admin;
    std::unique_ptr<Ui::SettingsDesk> m_desk;

    QVariant hubValue(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery q(m_hub->database());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0) : QVariant();
    }
    QString stored(const QString &key) const
    {
        return hubValue(QStringLiteral("SELECT value FROM hub_settings WHERE key = ?"), {key})
            .toString();
    }
    template<typename T> T *editor(const QString &key) const
    {
        return qobject_cast<T *>(m_desk->editor(key));
    }
    QPushButton *saveButton() const
    {
        return m_desk->findChild<QPushButton *>(QStringLiteral("saveSettingsButton"));
    }
    [[nodiscard]] bool save(bool *ok)
    {
        QSignalSpy saved(m_desk.get(), &Ui::SettingsDesk::saved);
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        if (!saved.wait(Patience))
            return false;
        *ok = saved.first().first().toBool();
        return true;
    }
    void retype(QLineEdit *edit, const QString &text)
    {
        edit->selectAll();
        QTest::keyClicks(edit, text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(Core::Crypto::selfTest());
        const QString hubDir = m_dir.filePath(QStringLiteral("hub"));
        auto init =
            Hub::HubInit(hubDir, Core::Clock::system()).run(QStringLiteral("admin"), AdminPassword);
        QVERIFY2(init, qPrintable(init.error()));
        QVERIFY(Test::writeHubSecrets(hubDir));
        Test::listenOnLoopback(hubDir, Test::Tls::Off);
        auto config = Hub::HubConfig::load(hubDir);
        QVERIFY2(config, qPrintable(config.error()));
        m_config = std::move(config).value();
        m_hub = std::make_unique<Hub::HubServer>(*m_config, Core::Clock::system());
        auto started = m_hub->start();
        QVERIFY2(started, qPrintable(started.error()));

        bool answered = false;
        m_client.signIn(QUrl(m_hub->apiUrl()), QStringLiteral("admin"), AdminPassword,
                        [&](Core::Result<Console::HubSession> r, Console::HubClient::Failure) {
                            answered = true;
                            if (r)
                                m_admin = std::move(r).value();
                        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, Patience);
        QVERIFY(!m_admin.token.isEmpty());

        m_desk = std::make_unique<Ui::SettingsDesk>();
        m_desk->resize(900, 700);
        m_desk->show();
        QSignalSpy loaded(m_desk.get(), &Ui::SettingsDesk::loaded);
        m_desk->setHub(&m_client, m_admin);
        QVERIFY(loaded.wait(Patience));
    }

    void cleanupTestCase()
    {
        m_desk.reset();
        m_hub.reset();
    }

    void theFormShowsEverySettingWithATypedEditor()
    {
        auto *number = editor<QLineEdit>(QStringLiteral("site/emergency_number"));
        QVERIFY(number);
        QCOMPARE(number->text(), QStringLiteral("911"));
        auto *quietStart = editor<QTimeEdit>(QStringLiteral("site/quiet_start"));
        QVERIFY(quietStart);
        QCOMPARE(quietStart->time(), QTime(21, 0));
        auto *nurse = editor<QSpinBox>(QStringLiteral("sla/nurse_minutes"));
        QVERIFY(nurse);
        QCOMPARE(nurse->value(), 60);
        QVERIFY(editor<QDoubleSpinBox>(QStringLiteral("site/location_latitude")));
        QVERIFY(editor<QPlainTextEdit>(QStringLiteral("site/emergency_text_es")));
        QVERIFY(editor<QSpinBox>(QStringLiteral("site/idle_lock_minutes")));
        QVERIFY(editor<QLineEdit>(QStringLiteral("template/appointment_reminder")));
        // Nothing changed yet: nothing to save.
        QVERIFY(m_desk->changedKeys().isEmpty());
        QVERIFY(!saveButton()->isEnabled());
    }

    void changesAreSavedTogetherAndAudited()
    {
        const qint64 before =
            hubValue(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                    "'settings.change'"))
                .toLongLong();
        retype(editor<QLineEdit>(QStringLiteral("site/emergency_number")), QStringLiteral("112"));
        editor<QSpinBox>(QStringLiteral("sla/nurse_minutes"))->setValue(45);
        editor<QTimeEdit>(QStringLiteral("site/quiet_start"))->setTime(QTime(22, 30));
        QCOMPARE(m_desk->changedKeys().size(), 3);
        QVERIFY(saveButton()->isEnabled());
        bool ok = false;
        QVERIFY(save(&ok));
        QVERIFY(ok);
        QCOMPARE(stored(QStringLiteral("site/emergency_number")), QStringLiteral("112"));
        QCOMPARE(stored(QStringLiteral("sla/nurse_minutes")), QStringLiteral("45"));
        QCOMPARE(stored(QStringLiteral("site/quiet_start")), QStringLiteral("22:30"));
        QCOMPARE(hubValue(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                         "'settings.change'"))
                     .toLongLong(),
                 before + 3);
        // The form shows the hub's values again, with nothing left to save.
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->changedKeys().isEmpty(), Patience);
        QCOMPARE(editor<QLineEdit>(QStringLiteral("site/emergency_number"))->text(),
                 QStringLiteral("112"));
    }

    void aRefusedValueIsShownBesideItsFieldAndNothingIsSaved()
    {
        retype(editor<QLineEdit>(QStringLiteral("site/emergency_number")), QStringLiteral("999"));
        auto *text = editor<QPlainTextEdit>(QStringLiteral("site/emergency_text_en"));
        text->setPlainText(QStringLiteral("Call the emergency number now."));
        bool ok = true;
        QVERIFY(save(&ok));
        QVERIFY(!ok);
        const QString why = m_desk->errorFor(QStringLiteral("site/emergency_text_en"));
        QVERIFY2(why.contains(QStringLiteral("%1")), qPrintable(why));
        QVERIFY(m_desk->errorFor(QStringLiteral("site/emergency_number")).isEmpty());
        // All or nothing: the good value waits with the bad one.
        QCOMPARE(stored(QStringLiteral("site/emergency_number")), QStringLiteral("112"));
        QCOMPARE(stored(QStringLiteral("site/emergency_text_en")), QString());
        QVERIFY(m_desk->changedKeys().contains(QStringLiteral("site/emergency_number")));

        text->setPlainText(QStringLiteral("Call %1 now."));
        QVERIFY(save(&ok));
        QVERIFY(ok);
        QCOMPARE(stored(QStringLiteral("site/emergency_number")), QStringLiteral("999"));
        QCOMPARE(stored(QStringLiteral("site/emergency_text_en")), QStringLiteral("Call %1 now."));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_desk->errorFor(QStringLiteral("site/emergency_text_en")).isEmpty(), Patience);
    }

    void theIdleLockReachesTheNextSignIn()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->changedKeys().isEmpty(), Patience);
        editor<QSpinBox>(QStringLiteral("site/idle_lock_minutes"))->setValue(3);
        bool ok = false;
        QVERIFY(save(&ok));
        QVERIFY(ok);
        QCOMPARE(stored(QStringLiteral("site/idle_lock_minutes")), QStringLiteral("3"));
        int minutes = 0;
        bool answered = false;
        m_client.signIn(QUrl(m_hub->apiUrl()), QStringLiteral("admin"), AdminPassword,
                        [&](Core::Result<Console::HubSession> r, Console::HubClient::Failure) {
                            answered = true;
                            if (r)
                                minutes = r->idleLockMinutes;
                        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, Patience);
        QCOMPARE(minutes, 3);
        // 0 hands the choice back to hub.conf.
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->changedKeys().isEmpty(), Patience);
        editor<QSpinBox>(QStringLiteral("site/idle_lock_minutes"))->setValue(0);
        QVERIFY(save(&ok));
        QVERIFY(ok);
        QCOMPARE(stored(QStringLiteral("site/idle_lock_minutes")), QString());
    }

    void undoPutsTheHubsValuesBack()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->changedKeys().isEmpty(), Patience);
        retype(editor<QLineEdit>(QStringLiteral("site/location_name")),
               QStringLiteral("North Campus"));
        QSignalSpy loaded(m_desk.get(), &Ui::SettingsDesk::loaded);
        QTest::mouseClick(m_desk->findChild<QPushButton *>(QStringLiteral("revertSettingsButton")),
                          Qt::LeftButton);
        QVERIFY(loaded.wait(Patience));
        QCOMPARE(editor<QLineEdit>(QStringLiteral("site/location_name"))->text(), QString());
        QVERIFY(m_desk->changedKeys().isEmpty());
    }

    void signingOutEmptiesTheForm()
    {
        m_desk->setHub(nullptr, {});
        QVERIFY(!m_desk->editor(QStringLiteral("site/emergency_number")));
        QVERIFY(!saveButton()->isEnabled());
    }
};

QTEST_MAIN(TestSettingsDesk)
#include "tst_settingsdesk.moc"
