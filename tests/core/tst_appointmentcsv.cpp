#include "core/appointmentcsv.h"

#include <QTest>
#include <QTimeZone>

using namespace Wardline::Core;
using namespace Qt::StringLiterals;

// All names and numbers are fictional (NANP 555-01xx).
namespace {

const QByteArray Header = "appointment_id,patient_id,patient_name,phone,language,time_zone,start,"
                          "end,duration_minutes,provider,location,instructions\n";

QString describe(const QList<ImportProblem> &problems)
{
    QStringList lines;
    for (const ImportProblem &p : problems)
        lines.append(p.where + u": "_s + p.message);
    return lines.join(u'\n');
}

QDateTime utc(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}

} // namespace

class TestAppointmentCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAWellFormedFile()
    {
        const QByteArray csv =
            Header +
            "A-1,P-1,Casey Example,(312) 555-0101,es-MX,America/Chicago,2025-03-18 09:30,,30,"
            "Dr Example,Clinic 2,Bring your glucose meter\n"
            "A-2,P-2,Jamie Example,+1 201 555 0102,en,,2025-03-18T10:00:00-04:00,"
            "2025-03-18T10:45:00-04:00,,Dr Example,Clinic 2,\n";
        const ImportBatch batch = readAppointmentCsv(csv, u"America/New_York"_s);
        QVERIFY2(batch.problems.isEmpty(), qPrintable(describe(batch.problems)));
        QCOMPARE(batch.appointments.size(), 2);
        QCOMPARE(batch.patients.size(), 2);

        const AppointmentRecord &first = batch.appointments.at(0);
        QCOMPARE(first.sourceId, u"A-1"_s);
        QCOMPARE(first.patientSourceId, u"P-1"_s);
        QCOMPARE(first.status, u"booked"_s);
        QCOMPARE(first.start, utc(2025, 3, 18, 14, 30)); // 09:30 CDT
        QCOMPARE(first.start.timeZone().id(), QByteArray("America/Chicago"));
        QCOMPARE(first.end, first.start.addSecs(30 * 60));
        QCOMPARE(first.provider, u"Dr Example"_s);
        QCOMPARE(first.location, u"Clinic 2"_s);
        QCOMPARE(first.instructions, u"Bring your glucose meter"_s);

        const PatientRecord &p1 = batch.patients.at(0);
        QCOMPARE(p1.sourceId, u"P-1"_s);
        QCOMPARE(p1.name, u"Casey Example"_s);
        QCOMPARE(p1.phoneE164, u"+13125550101"_s);
        QCOMPARE(p1.language, u"es"_s);
        QCOMPARE(p1.timeZone, u"America/Chicago"_s);

        const AppointmentRecord &second = batch.appointments.at(1);
        QCOMPARE(second.start, utc(2025, 3, 18, 14, 0));
        // An exact time is shown in the import's zone.
        QCOMPARE(second.start.timeZone().id(), QByteArray("America/New_York"));
        QCOMPARE(second.end, utc(2025, 3, 18, 14, 45));
        // The default zone only reads times; it is not claimed as the patient's own.
        QVERIFY(batch.patients.at(1).timeZone.isEmpty());
    }

    void quoting_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("instructions");

        QTest::newRow("comma in quotes")
            << QByteArray("A-1,P-1,\"Example, Casey\",,,,2025-03-18 09:30,,30,,,\"Fast, no "
                          "food\"\n")
            << u"Example, Casey"_s << u"Fast, no food"_s;
        QTest::newRow("doubled quotes")
            << QByteArray("A-1,P-1,\"Casey \"\"CJ\"\" Example\",,,,2025-03-18 09:30,,30,,,"
                          "\"Say \"\"hi\"\"\"\n")
            << u"Casey \"CJ\" Example"_s << u"Say \"hi\""_s;
        QTest::newRow("line break in quotes, CRLF file")
            << QByteArray("A-1,P-1,Casey Example,,,,2025-03-18 09:30,,30,,,\"Line one\r\nLine "
                          "two\"\r\n")
            << u"Casey Example"_s << u"Line one\nLine two"_s;
        QTest::newRow("empty quoted field")
            << QByteArray("A-1,P-1,\"\",,,,2025-03-18 09:30,,30,,,\"\"\n") << QString()
            << QString();
        QTest::newRow("no final newline")
            << QByteArray("A-1,P-1,Casey Example,,,,2025-03-18 09:30,,30,,,Rest")
            << u"Casey Example"_s << u"Rest"_s;
        QTest::newRow("non-ASCII text") << QByteArray("A-1,P-1,Mar\xc3\xad"
                                                      "a Example,,,,2025-03-18 09:30,,30,,,"
                                                      "En ayunas\xe2\x80\xa6\n")
                                        << u"María Example"_s << u"En ayunas…"_s;
    }

    void quoting()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, name);
        QFETCH(QString, instructions);
        QByteArray header = Header;
        if (row.contains('\r'))
            header.replace("\n", "\r\n");
        const ImportBatch batch = readAppointmentCsv(header + row, u"America/Chicago"_s);
        QVERIFY2(batch.problems.isEmpty(), qPrintable(describe(batch.problems)));
        QCOMPARE(batch.appointments.size(), 1);
        QCOMPARE(batch.patients.first().name, name);
        QCOMPARE(batch.appointments.first().instructions, instructions);
    }

    void byteOrderMarkAndHeaderCase()
    {
        const QByteArray csv = "\xEF\xBB\xBF"
                               "Appointment_ID, Patient_Id ,START,Duration_Minutes,Status\r\n"
                               "A-9,P-9,2025-06-01T08:00:00Z,15,Cancelled\r\n"
                               "\r\n";
        const ImportBatch batch = readAppointmentCsv(csv, QString());
        QVERIFY2(batch.problems.isEmpty(), qPrintable(describe(batch.problems)));
        QCOMPARE(batch.appointments.size(), 1);
        QCOMPARE(batch.appointments.first().sourceId, u"A-9"_s);
        QCOMPARE(batch.appointments.first().status, u"cancelled"_s);
        QCOMPARE(batch.appointments.first().start, utc(2025, 6, 1, 8, 0));
    }

    void daylightSavingTime_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QDateTime>("expected"); // invalid: the row is rejected
        QTest::addColumn<bool>("warned");

        // US 2025: clocks go forward 9 March 02:00 → 03:00, back 2 November 02:00 → 01:00.
        QTest::newRow("before the gap") << u"2025-03-09 01:59"_s << utc(2025, 3, 9, 7, 59) << false;
        QTest::newRow("in the gap") << u"2025-03-09 02:30"_s << QDateTime() << false;
        QTest::newRow("gap start") << u"2025-03-09 02:00"_s << QDateTime() << false;
        QTest::newRow("after the gap") << u"2025-03-09 03:00"_s << utc(2025, 3, 9, 8, 0) << false;
        QTest::newRow("summer") << u"2025-07-01 09:00"_s << utc(2025, 7, 1, 14, 0) << false;
        QTest::newRow("repeated hour takes the earlier")
            << u"2025-11-02 01:30"_s << utc(2025, 11, 2, 6, 30) << true;
        QTest::newRow("after the repeated hour")
            << u"2025-11-02 02:30"_s << utc(2025, 11, 2, 8, 30) << false;
        QTest::newRow("exact time inside the gap wall clock")
            << u"2025-03-09T02:30:00-06:00"_s << utc(2025, 3, 9, 8, 30) << false;
    }

    void daylightSavingTime()
    {
        QFETCH(QString, start);
        QFETCH(QDateTime, expected);
        QFETCH(bool, warned);
        const QByteArray csv = "appointment_id,patient_id,time_zone,start,duration_minutes\n"
                               "A-1,P-1,America/Chicago," +
                               start.toUtf8() + ",20\n";
        const ImportBatch batch = readAppointmentCsv(csv, u"UTC"_s);
        if (!expected.isValid()) {
            QCOMPARE(batch.appointments.size(), 0);
            QCOMPARE(batch.problems.size(), 1);
            QCOMPARE(batch.problems.first().where, u"line 2, column start"_s);
            QCOMPARE(batch.problems.first().severity, ImportProblem::Severity::Skipped);
            return;
        }
        QCOMPARE(batch.appointments.size(), 1);
        QCOMPARE(batch.appointments.first().start, expected);
        QCOMPARE(batch.appointments.first().start.secsTo(batch.appointments.first().end), 20 * 60);
        QCOMPARE(batch.problems.size(), warned ? 1 : 0);
        if (warned)
            QCOMPARE(batch.problems.first().severity, ImportProblem::Severity::Warning);
    }

    void defaultTimeZoneReadsLocalTimes()
    {
        const QByteArray csv = "appointment_id,patient_id,start,end\n"
                               "A-1,P-1,2025-01-15 09:00,2025-01-15 09:30\n";
        const ImportBatch madrid = readAppointmentCsv(csv, u"Europe/Madrid"_s);
        QCOMPARE(madrid.appointments.size(), 1);
        QCOMPARE(madrid.appointments.first().start, utc(2025, 1, 15, 8, 0));
        const ImportBatch none = readAppointmentCsv(csv, QString());
        QCOMPARE(none.appointments.size(), 0);
        QCOMPARE(none.problems.size(), 1);
        QCOMPARE(none.problems.first().where, u"line 2, column start"_s);
    }

    void badRowsAreKeptApartFromGoodOnes_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("where");
        QTest::addColumn<bool>("rowSkipped");

        const auto row = [](const char *name, const char *text, const QString &where,
                            bool rowSkipped = true) {
            QTest::newRow(name) << QByteArray(text) << where << rowSkipped;
        };
        row("unquoted comma shifts columns", "B-1,P-1,Example, Casey,,,,2025-03-18 09:30,,30,,,\n",
            u"line 3"_s);
        row("missing appointment id", ",P-1,Casey Example,,,,2025-03-18 09:30,,30,,,\n",
            u"line 3, column appointment_id"_s);
        row("missing patient id", "B-1,,Casey Example,,,,2025-03-18 09:30,,30,,,\n",
            u"line 3, column patient_id"_s);
        row("repeated appointment id", "A-1,P-1,Casey Example,,,,2025-03-18 09:30,,30,,,\n",
            u"line 3, column appointment_id"_s);
        row("start not a date", "B-1,P-1,Casey Example,,,,next Tuesday,,30,,,\n",
            u"line 3, column start"_s);
        row("start impossible date", "B-1,P-1,Casey Example,,,,2025-02-30 09:30,,30,,,\n",
            u"line 3, column start"_s);
        row("end before start", "B-1,P-1,Casey Example,,,,2025-03-18 09:30,2025-03-18 09:00,,,,\n",
            u"line 3, column end"_s);
        row("no end and no duration", "B-1,P-1,Casey Example,,,,2025-03-18 09:30,,,,,\n",
            u"line 3, column end"_s);
        row("duration zero", "B-1,P-1,Casey Example,,,,2025-03-18 09:30,,0,,,\n",
            u"line 3, column duration_minutes"_s);
        row("duration not a number", "B-1,P-1,Casey Example,,,,2025-03-18 09:30,,half an hour,,,\n",
            u"line 3, column duration_minutes"_s);
        row("unknown time zone", "B-1,P-1,Casey Example,,,Mars/Base,2025-03-18 09:30,,30,,,\n",
            u"line 3, column time_zone"_s);
        row("text after closing quote", "B-1,P-1,\"Casey\" Example,,,,2025-03-18 09:30,,30,,,\n",
            u"line 3"_s);
        row("invalid phone is a warning",
            "B-1,P-9,Casey Example,555-0100,,,2025-03-18 09:30,,30,,,\n", u"line 3, column phone"_s,
            false);
        row("unknown language is a warning",
            "B-1,P-9,Casey Example,,Spanish,,2025-03-18 09:30,,30,,,\n",
            u"line 3, column language"_s, false);
    }

    void badRowsAreKeptApartFromGoodOnes()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, where);
        QFETCH(bool, rowSkipped);
        const QByteArray good = "A-1,P-1,Casey Example,(312) 555-0101,,,2025-03-18 09:00,,30,,,\n";
        const QByteArray last = "C-1,P-2,Jamie Example,(312) 555-0102,,,2025-03-18 11:00,,30,,,\n";
        const ImportBatch batch =
            readAppointmentCsv(Header + good + row + last, u"America/Chicago"_s);

        QCOMPARE(batch.problems.size(), 1);
        QCOMPARE(batch.problems.first().where, where);
        QCOMPARE(batch.problems.first().severity,
                 rowSkipped ? ImportProblem::Severity::Skipped : ImportProblem::Severity::Warning);
        for (const QString &value : {u"Casey"_s, u"555"_s, u"Mars"_s, u"Spanish"_s})
            QVERIFY(!batch.problems.first().message.contains(value));

        QStringList ids;
        for (const AppointmentRecord &a : batch.appointments)
            ids.append(a.sourceId);
        QStringList expected{u"A-1"_s, u"C-1"_s};
        if (!rowSkipped)
            expected.insert(1, u"B-1"_s);
        QCOMPARE(ids, expected);
    }

    void missingHeaderColumns_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QStringList>("wheres");
        QTest::newRow("no start") << QByteArray("appointment_id,patient_id,end\n")
                                  << QStringList{u"line 1, column start"_s};
        QTest::newRow("no end or duration") << QByteArray("appointment_id,patient_id,start\n")
                                            << QStringList{u"line 1, column end"_s};
        QTest::newRow("no ids") << QByteArray("start,duration_minutes\n")
                                << QStringList{u"line 1, column appointment_id"_s,
                                               u"line 1, column patient_id"_s};
        QTest::newRow("column twice")
            << QByteArray("appointment_id,patient_id,start,Start,duration_minutes\n")
            << QStringList{u"line 1, column start"_s};
    }

    void missingHeaderColumns()
    {
        QFETCH(QByteArray, header);
        QFETCH(QStringList, wheres);
        const ImportBatch batch =
            readAppointmentCsv(header + "A-1,P-1,2025-03-18T09:00:00Z,30\n", u"UTC"_s);
        QVERIFY(batch.appointments.isEmpty());
        QVERIFY(batch.patients.isEmpty());
        QStringList found;
        for (const ImportProblem &p : batch.problems)
            found.append(p.where);
        QCOMPARE(found, wheres);
    }

    void emptyFile_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::newRow("nothing") << QByteArray();
        QTest::newRow("blank lines") << QByteArray("\r\n\n  \n");
        QTest::newRow("only a byte-order mark") << QByteArray("\xEF\xBB\xBF");
    }

    void emptyFile()
    {
        QFETCH(QByteArray, csv);
        const ImportBatch batch = readAppointmentCsv(csv, u"UTC"_s);
        QVERIFY(batch.appointments.isEmpty());
        QCOMPARE(batch.problems.size(), 1);
        QCOMPARE(batch.problems.first().where, u"line 1"_s);
    }

    void patientRowsAreMerged()
    {
        const QByteArray csv = Header + "A-1,P-1,Casey Example,,es,,2025-03-18 09:00,,30,,,\n"
                                        "A-2,P-1,,(312) 555-0101,,,2025-03-25 09:00,,30,,,\n"
                                        "A-3,P-1,,(312) 555-0199,,,2025-04-01 09:00,,30,,,\n";
        const ImportBatch batch = readAppointmentCsv(csv, u"America/Chicago"_s);
        QCOMPARE(batch.appointments.size(), 3);
        QCOMPARE(batch.patients.size(), 1);
        QCOMPARE(batch.patients.first().name, u"Casey Example"_s);
        QCOMPARE(batch.patients.first().language, u"es"_s);
        QCOMPARE(batch.patients.first().phoneE164, u"+13125550101"_s); // first given wins
        QCOMPARE(batch.problems.size(), 1);
        QCOMPARE(batch.problems.first().where, u"line 4, column phone"_s);
        QCOMPARE(batch.problems.first().severity, ImportProblem::Severity::Warning);
    }

    void lineNumbersCountPhysicalLines()
    {
        // The quoted line break makes the bad row start on line 4, not record 3.
        const QByteArray csv = Header +
                               "A-1,P-1,Casey Example,,,,2025-03-18 09:00,,30,,,\"Two\nlines\"\n"
                               "A-2,P-2,Jamie Example,,,,someday,,30,,,\n";
        const ImportBatch batch = readAppointmentCsv(csv, u"America/Chicago"_s);
        QCOMPARE(batch.appointments.size(), 1);
        QCOMPARE(batch.problems.size(), 1);
        QCOMPARE(batch.problems.first().where, u"line 4, column start"_s);
    }

    void unclosedQuoteRejectsOnlyTheRestOfTheFile()
    {
        // Everything after an opening quote that never closes is one field, so the row it
        // starts cannot be read; the rows before it still are.
        const QByteArray csv = Header + "A-1,P-1,Casey Example,,,,2025-03-18 09:00,,30,,,\n" +
                               "B-1,P-2,\"Jamie Example,,,,2025-03-18 09:30,,30,,,\n";
        const ImportBatch batch = readAppointmentCsv(csv, u"America/Chicago"_s);
        QCOMPARE(batch.appointments.size(), 1);
        QCOMPARE(batch.problems.size(), 1);
        QCOMPARE(batch.problems.first().where, u"line 3"_s);
    }

    void rejectsFilesThatAreNotUtf8()
    {
        const QByteArray latin1 = "appointment_id,patient_id,start,duration_minutes\n"
                                  "A-1,P-1,2025-03-18T09:00:00Z,30\n"
                                  "A-2,Mar\xed"
                                  "a,2025-03-18T09:00:00Z,30\n";
        const ImportBatch batch = readAppointmentCsv(latin1, u"UTC"_s);
        QVERIFY(batch.appointments.isEmpty());
        QCOMPARE(batch.problems.size(), 1);
        QVERIFY(batch.problems.first().message.contains(u"UTF-8"_s));
    }
};

QTEST_GUILESS_MAIN(TestAppointmentCsv)
#include "tst_appointmentcsv.moc"
