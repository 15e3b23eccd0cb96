// The care commands of the real wardline-hub binary: triage from stdin, appointment import from
// CSV, a FHIR Bundle file and a paged FHIR server, and the site settings.
#include "core/clock.h"
#include "hub/hubinit.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};
} // namespace

class TestCareCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    Run hub(const QStringList &arguments, const QByteArray &input = {}) const
    {
        QProcess p;
        p.start(qEnvironmentVariable("WARDLINE_BIN_DIR") + QStringLiteral("/wardline-hub"),
                arguments);
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    Run inHub(QStringList arguments) const
    {
        arguments.prepend(m_dir.path());
        arguments.prepend(QStringLiteral("--data-dir"));
        return hub(arguments);
    }
    QString writeFile(const QString &name, const QByteArray &content) const
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return file.fileName();
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto init = Hub::HubInit(m_dir.path(), Core::Clock::system())
                        .run(QStringLiteral("admin"), QStringLiteral("Ward-line 7 blue heron"));
        QVERIFY2(init, qPrintable(init.error()));
    }

    void triageReadsOneMessageALine()
    {
        const Run r =
            hub({QStringLiteral("triage")}, "no chest pain anymore, thanks\n"
                                            "no chest pain but I can't breathe\n"
                                            "Necesito renovar mi receta de insulina, se me acabó\n"
                                            "2\n");
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY2(!lines.at(0).startsWith(QLatin1String("EMERGENCY")), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).startsWith(QLatin1String("EMERGENCY\tP1\t")), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).startsWith(QLatin1String("REFILL\tP2\t")), qPrintable(lines.at(2)));
        QVERIFY2(lines.at(3).startsWith(QLatin1String("APPOINTMENT\t")), qPrintable(lines.at(3)));
    }

    void aCsvImportKeepsGoodRowsAndNamesBadOnes()
    {
        const QString csv = writeFile(
            QStringLiteral("visits.csv"),
            "appointment_id,patient_id,patient_name,phone,language,start,duration_minutes,"
            "provider,location,instructions\n"
            "V1,M1,Ana Ruiz,+1 312 555 0131,en,2026-12-03 09:30,30,Dr. Rivera,Clinic B,\n"
            "V2,M2,Luis Gil,+1 312 555 0132,es,2026-03-08 02:30,30,Dra. Santos,Clinic A,\n"
            "V3,M1,Ana Ruiz,+1 312 555 0131,en,2026-12-04 11:00,30,Dr. Rivera,Clinic B,Fast\n");
        Run r = inHub({QStringLiteral("import"), QStringLiteral("--csv"), csv,
                       QStringLiteral("--time-zone"), QStringLiteral("America/New_York")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("Imported 2 new and 0 updated")), qPrintable(r.out));
        // The row in the spring-forward gap is refused, by line and column, never by value.
        QVERIFY2(r.err.contains(QLatin1String("line 3")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QLatin1String("Luis")));
        // Importing again updates, never duplicates.
        r = inHub({QStringLiteral("import"), QStringLiteral("--csv"), csv,
                   QStringLiteral("--time-zone"), QStringLiteral("America/New_York")});
        QVERIFY2(r.out.contains(QLatin1String("Imported 0 new and 2 updated")), qPrintable(r.out));
        // The patient's full record now carries the appointments.
        r = inHub({QStringLiteral("export"), QStringLiteral("--patient"),
                   QStringLiteral("+1 312 555 0131")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject record = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(record.value(u"appointments").toArray().size(), 2);
    }

    void aFhirServerIsReadPageByPage()
    {
        QFile file(
            QStringLiteral(WARDLINE_SOURCE_DIR "/tests/core/data/fhir/bundle-searchset.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject first = QJsonDocument::fromJson(file.readAll()).object();
        QHttpServer server;
        const quint16 port = server.listen(QHostAddress::LocalHost);
        QVERIFY(port != 0);
        const QString base = QStringLiteral("http://127.0.0.1:%1/fhir/Appointment").arg(port);
        // Page 1 as the specification's searchset, pointing at page 2 on this server; page 2
        // holds the same resources under other ids and no next link.
        QJsonObject page1 = first;
        page1.insert(QStringLiteral("link"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("relation"), QStringLiteral("next")},
                         {QStringLiteral("url"), QString(base + QStringLiteral("?page=2"))}}});
        QByteArray page2 = QJsonDocument(first).toJson();
        page2.replace("\"id\": \"", "\"id\": \"p2-");
        page2.replace("\"id\":\"", "\"id\":\"p2-");
        page2.replace("Patient/", "Patient/p2-");
        QJsonObject second = QJsonDocument::fromJson(page2).object();
        second.remove(QStringLiteral("link"));
        int served = 0;
        server.route(QStringLiteral("/fhir/Appointment"), [&](const QHttpServerRequest &request) {
            ++served;
            const bool two = request.url().query().contains(QLatin1String("page=2"));
            return QHttpServerResponse(QByteArrayLiteral("application/fhir+json"),
                                       QJsonDocument(two ? second : page1).toJson());
        });
        QProcess p;
        p.start(qEnvironmentVariable("WARDLINE_BIN_DIR") + QStringLiteral("/wardline-hub"),
                {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("import"),
                 QStringLiteral("--fhir-url"), base + QStringLiteral("?date=ge2025-03-11")});
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 60000);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QCOMPARE(served, 2);
        int appointments = 0;
        for (const QJsonValue &e : first.value(u"entry").toArray())
            appointments += e.toObject().value(u"resource").toObject().value(u"resourceType") ==
                            QLatin1String("Appointment");
        QVERIFY(appointments > 0);
        // Both pages' appointments arrive: new ones plus those with no time to remind about.
        const QRegularExpression summary(QStringLiteral("Imported (\\d+) new and 0 updated "
                                                        "appointments \\((\\d+) not to remind"));
        const auto m = summary.match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        QCOMPARE(m.captured(1).toInt() + m.captured(2).toInt(), 2 * appointments);
        QVERIFY(m.captured(1).toInt() > 0);
    }

    void siteSettingsAreCheckedAndListed()
    {
        Run r = inHub({QStringLiteral("settings"), QStringLiteral("set"),
                       QStringLiteral("site/emergency_number"), QStringLiteral("call-us")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("number to dial")), qPrintable(r.err));
        r = inHub({QStringLiteral("settings"), QStringLiteral("set"),
                   QStringLiteral("site/emergency_number"), QStringLiteral("112")});
        QCOMPARE(r.exitCode, 0);
        r = inHub({QStringLiteral("settings")});
        QVERIFY2(r.out.contains(QLatin1String("site/emergency_number")) &&
                     r.out.contains(QLatin1String("112")),
                 qPrintable(r.out));
        r = inHub({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("site/nope"),
                   QStringLiteral("1")});
        QCOMPARE(r.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestCareCli)
#include "tst_carecli.moc"
