// The audit viewer end to end on loopback: a real hub (in-process) with wardline-sim as Meta,
// an auditor's session, the real desk on the offscreen platform. The trail is made by real
// requests (sign-ins, a refused request); one test alters a row in the hub's database
// directly, as an intruder would, and the desk must name the first bad entry.
#include "console/hubclient.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/role.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "sim/inboundinjector.h"
#include "sim/simserver.h"
#include "sim/simservices.h"
#include "store/auditlog.h"
#include "store/userrepository.h"
#include "testconsole.h"
#include "testsim.h"
#include "ui/auditdesk.h"
#include "ui/auditmodel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Wardline;

namespace {
const QString Password = QStringLiteral("Ward-line 7 blue heron");
constexpr int Patience = 30000;
// Fictional patients (555-01xx numbers are reserved for fiction).
const QString RuthPhone = QStringLiteral("15550100801");
const QString OttoPhone = QStringLiteral("15550100802");
const QString Formula = QStringLiteral("=HYPERLINK(\"http://example.invalid\",\"open\")");

// RFC 4180 records back into fields, to compare an export with what the desk showed.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            record.append(field);
            field.clear();
            records.append(record);
            record.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return records;
}
} // namespace

class TestAuditDesk : public QObject
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
    std::unique_ptr<Ui::AuditDesk> m_desk;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    qint64 m_nurseId = 0;

    QString hubDir() const { return m_dir.filePath(QStringLiteral("hub")); }
    qint64 hubNumber(const QString &sql, const QVariantList &values = {}) const
    {
        return Test::hubNumber(m_hub->database(), sql, values);
    }
    std::optional<Console::HubSession> signIn(const QString &name, const QString &password)
    {
        return Test::signIn(m_client, m_hub->apiUrl(), name, password, Patience);
    }
    qint64 conversationOf(const QString &waId) const
    {
        return Test::conversationOf(m_hub->database(), waId);
    }
    template<typename T> T *find(const char *name) const
    {
        return m_desk->findChild<T *>(QLatin1String(name));
    }
    QStringList column(int c) const
    {
        QStringList values;
        for (int r = 0; r < m_desk->model()->rowCount(); ++r)
            values.append(m_desk->model()->index(r, c).data().toString());
        return values;
    }
    QSet<QString> distinct(int c) const
    {
        const QStringList values = column(c);
        return QSet<QString>(values.begin(), values.end());
    }
    void searchFor(const QString &user, const QString &action)
    {
        find<QLineEdit>("auditUser")->setText(user);
        find<QComboBox>("auditAction")->setCurrentText(action);
        QTRY_VERIFY(find<QPushButton>("auditSearch")->isEnabled());
        QTest::mouseClick(find<QPushButton>("auditSearch"), Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(Core::Crypto::selfTest());
        const QString failed =
            Test::startConsoleHub(hubDir(), Password, m_clock, m_secrets, m_config, m_sim, m_hub);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        Store::UserRepository users(m_hub->database(), m_clock);
        for (const auto &[name, role] : {std::pair{"auditor.one", Core::Role::Auditor},
                                         std::pair{"nurse.one", Core::Role::Nurse},
                                         std::pair{"clerk.one", Core::Role::Receptionist}})
            QVERIFY(users.create(QString::fromLatin1(name), role,
                                 Core::Crypto::hashPassword(Password)));
        m_nurseId = hubNumber(QStringLiteral("SELECT id FROM users WHERE username = 'nurse.one'"));

        // A day at the hub: sign-ins, a wrong password, a refused request.
        QVERIFY(signIn(QStringLiteral("nurse.one"), Password));
        QVERIFY(!signIn(QStringLiteral("nurse.one"), QStringLiteral("not the password")));
        const auto clerk = signIn(QStringLiteral("clerk.one"), Password);
        QVERIFY(clerk);
        int refused = 0;
        m_client.get(*clerk, QStringLiteral("/api/v1/photo-reviews"), {}, this,
                     [&refused](const Console::HubReply &r) { refused = r.status; });
        QTRY_COMPARE_WITH_TIMEOUT(refused, 403, Patience);
        // A name a spreadsheet would run as a formula, through the trail's own writer (the
        // chain stays intact).
        QVERIFY(Store::AuditLog(m_hub->database(), m_clock)
                    .append(Formula, QStringLiteral("session.sign_in"), QStringLiteral("user:999"),
                            QStringLiteral("{\"from\":\"10.0.0.9\"}")));

        // Two patients write in; the nurse opens both conversations (each read is audited).
        const auto nurse = signIn(QStringLiteral("nurse.one"), Password);
        QVERIFY(nurse);
        for (const auto &[phone, name] :
             {std::pair{RuthPhone, "Ruth Audit"}, std::pair{OttoPhone, "Otto Audit"}}) {
            QVERIFY(m_sim->services()
                        ->inbound()
                        .inject({{QStringLiteral("from"), phone},
                                 {QStringLiteral("name"), QString::fromLatin1(name)},
                                 {QStringLiteral("text"), QStringLiteral("a question")}})
                        .ok);
            QTRY_VERIFY_WITH_TIMEOUT(conversationOf(phone) > 0, Patience);
            int opened = 0;
            m_client.get(*nurse,
                         QStringLiteral("/api/v1/conversations/%1").arg(conversationOf(phone)), {},
                         this, [&opened](const Console::HubReply &r) { opened = r.status; });
            QTRY_COMPARE_WITH_TIMEOUT(opened, 200, Patience);
        }

        const auto auditor = signIn(QStringLiteral("auditor.one"), Password);
        QVERIFY(auditor);
        m_desk = std::make_unique<Ui::AuditDesk>();
        // Before the desk is filled, so every change of the model is checked.
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_desk->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_desk->setHub(&m_client, *auditor);
        m_desk->resize(1000, 600);
        m_desk->show();
        m_desk->activated();
    }

    void cleanupTestCase()
    {
        m_desk.reset();
        m_tester.reset();
        m_sim.reset();
        m_hub.reset();
    }

    void theFiltersNarrowTheRows()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->model()->rowCount() > 0, Patience);
        const int everything = m_desk->model()->rowCount();
        QVERIFY(column(Ui::AuditModel::User).contains(QStringLiteral("clerk.one")));
        QVERIFY(column(Ui::AuditModel::User).contains(QStringLiteral("nurse.one")));

        // By user: only the nurse's entries, all of them.
        searchFor(QStringLiteral("nurse.one"), {});
        QTRY_COMPARE_WITH_TIMEOUT(
            m_desk->model()->rowCount(),
            int(hubNumber(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = ?"),
                          {QStringLiteral("nurse.one")})),
            Patience);
        QVERIFY(m_desk->model()->rowCount() < everything);
        QCOMPARE(distinct(Ui::AuditModel::User), QSet<QString>{QStringLiteral("nurse.one")});
        QVERIFY(column(Ui::AuditModel::Action).contains(QStringLiteral("session.sign_in_failed")));

        // By user and action: the receptionist's one refused request.
        searchFor(QStringLiteral("clerk.one"), QStringLiteral("access.denied"));
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->model()->rowCount(), 1, Patience);
        QCOMPARE(column(Ui::AuditModel::Subject), QStringList{QStringLiteral("queue:photos")});
        QVERIFY(find<QLabel>("auditCount")->text().contains(QLatin1String("1")));

        // By record: the nurse's account exactly ("user:2", never "user:21").
        searchFor({}, {});
        auto *kind = find<QComboBox>("auditSubjectKind");
        kind->setCurrentIndex(kind->findData(QStringLiteral("user")));
        find<QLineEdit>("auditSubjectId")->setText(QString::number(m_nurseId));
        QTest::mouseClick(find<QPushButton>("auditSearch"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->model()->rowCount() > 0 &&
                                     distinct(Ui::AuditModel::Subject) ==
                                         QSet<QString>{QStringLiteral("user:%1").arg(m_nurseId)},
                                 Patience);

        // By time: from an hour ahead of the hub's clock there is nothing yet; until then,
        // everything but nothing after.
        kind->setCurrentIndex(0);
        find<QCheckBox>("auditFromCheck")->setChecked(true);
        find<QDateTimeEdit>("auditFrom")->setDateTime(m_clock.now().toLocalTime().addSecs(3600));
        QTest::mouseClick(find<QPushButton>("auditSearch"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->model()->rowCount(), 0, Patience);
        QCOMPARE(find<QLabel>("auditCount")->text(), QStringLiteral("0 entries shown."));
        QVERIFY(!find<QPushButton>("auditExport")->isEnabled());
        find<QCheckBox>("auditFromCheck")->setChecked(false);

        // Clearing the filters shows everything again (and the reads since).
        QTest::mouseClick(find<QPushButton>("auditClear"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->model()->rowCount() > everything, Patience);
    }

    void aPatientIsFoundByNameOrPhoneWithEverythingAboutThem()
    {
        const QString ruth = QStringLiteral("conversation:%1").arg(conversationOf(RuthPhone));
        auto *kind = find<QComboBox>("auditSubjectKind");
        auto *id = find<QLineEdit>("auditSubjectId");
        searchFor({}, {});
        kind->setCurrentIndex(kind->findData(QStringLiteral("patient")));
        // Part of the name, as an auditor asked about "Ruth" types it: her conversation's
        // reads, and nothing about the other patient.
        QTest::keyClicks(id, QStringLiteral("ruth"));
        QCOMPARE(id->text(), QStringLiteral("ruth")); // letters are allowed for a patient
        QTest::mouseClick(find<QPushButton>("auditSearch"), Qt::LeftButton);
        const QString otto = QStringLiteral("conversation:%1").arg(conversationOf(OttoPhone));
        QTRY_VERIFY_WITH_TIMEOUT(distinct(Ui::AuditModel::Subject).contains(ruth) &&
                                     !distinct(Ui::AuditModel::Subject).contains(otto),
                                 Patience);
        QVERIFY(column(Ui::AuditModel::Action).contains(QStringLiteral("conversation.open")));
        QVERIFY(column(Ui::AuditModel::User).contains(QStringLiteral("nurse.one")));

        // The phone number as it is written finds the same patient.
        id->clear();
        QTest::keyClicks(id, QStringLiteral("+") + OttoPhone);
        QTest::mouseClick(find<QPushButton>("auditSearch"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(distinct(Ui::AuditModel::Subject).contains(otto) &&
                                     !distinct(Ui::AuditModel::Subject).contains(ruth),
                                 Patience);

        // A name nobody has: nothing, said plainly.
        id->clear();
        QTest::keyClicks(id, QStringLiteral("nobody-by-this-name"));
        QTest::mouseClick(find<QPushButton>("auditSearch"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->model()->rowCount(), 0, Patience);
        // Back to a record number: only digits fit again.
        kind->setCurrentIndex(kind->findData(QStringLiteral("conversation")));
        QVERIFY(id->text().isEmpty());
        QTest::keyClicks(id, QStringLiteral("ab12"));
        QCOMPARE(id->text(), QStringLiteral("12"));
        // Cleared: the whole trail again (all but this read's own entry, written after it).
        QTest::mouseClick(find<QPushButton>("auditClear"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_desk->model()->rowCount(),
            int(hubNumber(QStringLiteral("SELECT count(*) FROM audit_log")) - 1), Patience);
    }

    void theExportIsTheRowsShownAsSafeCsv()
    {
        // Reading the trail is on the trail: the new answer has the last search's read too.
        const int before = m_desk->model()->rowCount();
        searchFor({}, {});
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->model()->rowCount(), before + 1, Patience);
        QVERIFY(column(Ui::AuditModel::User).contains(Formula));
        const QList<QStringList> shown = m_desk->model()->rowTexts();
        QTest::mouseClick(find<QPushButton>("auditExport"), Qt::LeftButton);
        QFileDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = find<QFileDialog>("auditExportDialog")) != nullptr);
        const QString path = m_dir.filePath(QStringLiteral("audit.csv"));
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog's own accept() is protected
        QTRY_VERIFY(QFile::exists(path));
        QTRY_VERIFY(find<QLabel>("auditMessage")->isVisible());

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("Time,User,Action,Record,Detail\r\n"));
        const QList<QStringList> records = parseCsv(QString::fromUtf8(bytes));
        QCOMPARE(records.size(), shown.size() + 1);
        QCOMPARE(records.first(), m_desk->model()->headerTexts());
        bool defused = false;
        for (qsizetype i = 0; i < shown.size(); ++i) {
            QStringList expected = shown.at(i);
            // Formulas come out as text, prefixed with an apostrophe.
            for (QString &field : expected) {
                if (!field.isEmpty() && QStringView(u"=+-@").contains(field.front()))
                    field.prepend(u'\'');
            }
            QCOMPARE(records.at(i + 1), expected);
            defused = defused || records.at(i + 1).contains(u'\'' + Formula);
        }
        QVERIFY(defused);
        // Details are JSON: quotes and commas inside survive the round trip.
        QVERIFY(bytes.contains("\"{\"\"from\"\":\"\"10.0.0.9\"\"}\""));
        QVERIFY(!bytes.contains("\r\n=") && !bytes.contains(",="));
    }

    void verifyShowsIntactThenTheFirstBadEntry()
    {
        auto *verify = find<QPushButton>("auditVerify");
        auto *result = find<QLabel>("auditVerifyResult");
        QTRY_VERIFY(verify->isEnabled());
        QTest::mouseClick(verify, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->isVisible(), Patience);
        const qint64 entries = hubNumber(QStringLiteral("SELECT count(*) FROM audit_log"));
        QCOMPARE(result->text(),
                 QStringLiteral("The trail is intact: %1 entries checked, none altered or missing.")
                     .arg(entries));
        QCOMPARE(result->property("kind").toString(), QStringLiteral("intact"));

        // Someone edits one entry in the database behind the hub's back.
        QSqlQuery tamper(m_hub->database());
        QVERIFY(tamper.exec(
            QStringLiteral("UPDATE audit_log SET actor = 'someone.else' WHERE id = 3")));
        QTRY_VERIFY(verify->isEnabled());
        QTest::mouseClick(verify, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(result->property("kind").toString(), QStringLiteral("broken"),
                                  Patience);
        QVERIFY2(result->text().contains(QLatin1String("Audit entry 3 ")),
                 qPrintable(result->text()));
        QVERIFY(result->text().startsWith(QLatin1String("The trail is not intact")));
    }
};

QTEST_MAIN(TestAuditDesk)
#include "tst_auditdesk.moc"
