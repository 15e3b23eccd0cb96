// CSV for spreadsheets: RFC 4180 quoting, and no field a spreadsheet would run as a formula.
#include "console/csvwriter.h"

#include <QTest>

using Wardline::Console::CsvWriter;

class TestCsvWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void field_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QStringLiteral("session.sign_in")
                               << QByteArray("session.sign_in");
        QTest::newRow("empty") << QString() << QByteArray();
        // RFC 4180 §2.6: fields with commas, quotes or line breaks are enclosed in quotes.
        QTest::newRow("comma") << QStringLiteral("Clinic A, floor 2")
                               << QByteArray("\"Clinic A, floor 2\"");
        // §2.7: a quote inside is doubled.
        QTest::newRow("quote") << QStringLiteral("{\"from\":\"127.0.0.1\"}")
                               << QByteArray("\"{\"\"from\"\":\"\"127.0.0.1\"\"}\"");
        QTest::newRow("line break") << QStringLiteral("two\nlines") << QByteArray("\"two\nlines\"");
        QTest::newRow("carriage return") << QStringLiteral("a\r\nb") << QByteArray("\"a\r\nb\"");
        QTest::newRow("utf-8") << QStringLiteral("Cita cancelada — señora Núñez")
                               << QStringLiteral("Cita cancelada — señora Núñez").toUtf8();
        // OWASP CSV injection: = + - @ (and tab, CR) start formulas in spreadsheets.
        QTest::newRow("equals") << QStringLiteral("=1+1") << QByteArray("'=1+1");
        QTest::newRow("plus") << QStringLiteral("+15550100501") << QByteArray("'+15550100501");
        QTest::newRow("minus") << QStringLiteral("-2+3") << QByteArray("'-2+3");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QByteArray("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QByteArray("'\t=1");
        QTest::newRow("formula with quotes")
            << QStringLiteral("=HYPERLINK(\"http://x\",\"y\")")
            << QByteArray("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        QTest::newRow("not at the start") << QStringLiteral("a=b") << QByteArray("a=b");
    }
    void field()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, expected);
        QCOMPARE(CsvWriter::field(value), expected);
    }

    void aDocumentIsAHeaderAndItsRowsWithCrlf()
    {
        const QByteArray csv = CsvWriter::document(
            {QStringLiteral("User"), QStringLiteral("Detail")},
            {{QStringLiteral("ana"), QStringLiteral("x,y")}, {QStringLiteral("=b"), QString()}});
        QCOMPARE(csv, QByteArray("User,Detail\r\nana,\"x,y\"\r\n'=b,\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
