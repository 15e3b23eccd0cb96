#include "core/fhirreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Wardline::Core;
using namespace Qt::StringLiterals;

// The resources in tests/core/data/fhir/ follow the shape of the HL7 FHIR R4 published
// examples (appointment-example, patient-example, a searchset and a transaction Bundle) with
// fictional content: NANP 555-01xx numbers, "Example" names.
namespace {

QByteArray fhirData(const char *name)
{
    QFile file(QStringLiteral(WARDLINE_SOURCE_DIR "/tests/core/data/fhir/") +
               QLatin1StringView(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data file");
    return file.readAll();
}

QJsonObject fhirObject(const char *name)
{
    return QJsonDocument::fromJson(fhirData(name)).object();
}

QByteArray toJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QList<ImportProblem> skipped(const ImportBatch &batch)
{
    QList<ImportProblem> result;
    for (const ImportProblem &p : batch.problems) {
        if (p.severity == ImportProblem::Severity::Skipped)
            result.append(p);
    }
    return result;
}

QString describe(const QList<ImportProblem> &problems)
{
    QStringList lines;
    for (const ImportProblem &p : problems)
        lines.append(p.where + u": "_s + p.message);
    return lines.join(u'\n');
}

} // namespace

class TestFhirReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAppointmentExample()
    {
        const ImportBatch batch = readFhirJson(fhirData("appointment-example.json"));
        QVERIFY2(batch.problems.isEmpty(), qPrintable(describe(batch.problems)));
        QCOMPARE(batch.patients.size(), 0);
        QCOMPARE(batch.appointments.size(), 1);
        const AppointmentRecord &a = batch.appointments.first();
        QCOMPARE(a.sourceId, u"example"_s);
        QCOMPARE(a.patientSourceId, u"example"_s);
        QCOMPARE(a.status, u"booked"_s);
        QCOMPARE(a.start, QDateTime(QDate(2025, 3, 18), QTime(19, 30), Qt::UTC));
        QCOMPARE(a.start.offsetFromUtc(), -5 * 3600); // the source's wall clock is kept
        QCOMPARE(a.end, a.start.addSecs(30 * 60));
        QCOMPARE(a.provider, u"Dr Jordan Example"_s);
        QCOMPARE(a.location, u"Orthopaedic Clinic, Building B, 2nd floor"_s);
        QCOMPARE(a.serviceType, u"Post-operative review"_s);
        QCOMPARE(a.description, u"Knee review two weeks after surgery"_s);
        QCOMPARE(a.instructions, u"Wear loose trousers and bring your crutches."_s);
        // Appointment.comment is internal (R4): it must not end up in the patient's text.
        QCOMPARE(a.staffComment, u"Check wound photos sent through WhatsApp before the visit."_s);
        QVERIFY(!a.instructions.contains(u"wound"_s));
    }

    void readsPatientExample()
    {
        const ImportBatch batch = readFhirJson(fhirData("patient-example.json"));
        QVERIFY2(batch.problems.isEmpty(), qPrintable(describe(batch.problems)));
        QCOMPARE(batch.appointments.size(), 0);
        QCOMPARE(batch.patients.size(), 1);
        const PatientRecord &p = batch.patients.first();
        QCOMPARE(p.sourceId, u"example"_s);
        QCOMPARE(p.name, u"Alexandra Maria Rivera Example"_s); // official beats usual
        // The mobile wins over a work phone of better rank; an "old" number is never used.
        QCOMPARE(p.phoneE164, u"+13125550142"_s);
        QCOMPARE(p.language, u"es"_s); // the preferred communication, es-MX
        QCOMPARE(p.timeZone, u"America/Chicago"_s);
        QVERIFY(!p.deceased);
    }

    void readsSearchsetAndItsNextPage()
    {
        const ImportBatch batch = readFhirJson(fhirData("bundle-searchset.json"));
        QVERIFY2(batch.problems.isEmpty(), qPrintable(describe(batch.problems)));
        QCOMPARE(batch.nextPageUrl,
                 QUrl(u"https://fhir.example.org/r4/Appointment?date=ge2025-03-11&_include="
                      u"Appointment:patient&_count=2&_page=2"_s));
        QCOMPARE(batch.patients.size(), 1);
        QCOMPARE(batch.patients.first().sourceId, u"pat-2001"_s);
        QCOMPARE(batch.patients.first().phoneE164, u"+12015550123"_s);
        QCOMPARE(batch.patients.first().language, u"en"_s);
        QCOMPARE(batch.appointments.size(), 2);

        const AppointmentRecord &booked = batch.appointments.at(0);
        QCOMPARE(booked.sourceId, u"appt-1001"_s);
        QCOMPARE(booked.patientSourceId, u"pat-2001"_s); // absolute, versioned reference
        QCOMPARE(booked.provider, u"Robin Example, physiotherapist"_s);
        QCOMPARE(booked.serviceType, u"Rehabilitation"_s);
        QCOMPARE(booked.start, QDateTime(QDate(2025, 3, 11), QTime(14, 0), Qt::UTC));
        QCOMPARE(booked.end, booked.start.addSecs(45 * 60)); // from minutesDuration

        // A cancelled appointment may have no times (invariant app-3).
        const AppointmentRecord &cancelled = batch.appointments.at(1);
        QCOMPARE(cancelled.status, u"cancelled"_s);
        QCOMPARE(cancelled.patientSourceId, u"pat-2002"_s);
        QVERIFY(!cancelled.start.isValid());
        QVERIFY(!cancelled.end.isValid());
    }

    void lastSearchPageHasNoNextUrl()
    {
        QJsonObject bundle = fhirObject("bundle-searchset.json");
        QJsonArray links = bundle.value(u"link"_s).toArray();
        links.removeLast();
        bundle.insert(u"link"_s, links);
        QVERIFY(readFhirJson(toJson(bundle)).nextPageUrl.isEmpty());
    }

    void resolvesUrnUuidReferencesInTransaction()
    {
        const ImportBatch batch = readFhirJson(fhirData("bundle-transaction.json"));
        QVERIFY2(skipped(batch).isEmpty(), qPrintable(describe(batch.problems)));
        QCOMPARE(batch.patients.size(), 1);
        QCOMPARE(batch.appointments.size(), 1);
        const PatientRecord &p = batch.patients.first();
        const AppointmentRecord &a = batch.appointments.first();
        // Neither has an id yet: the entries' fullUrls identify them and link them.
        QCOMPARE(p.sourceId, u"urn:uuid:7f0c1c8e-3b1d-4f6a-a1d2-5e9b8c4d3f22"_s);
        QCOMPARE(a.sourceId, u"urn:uuid:2c3ad6f0-54a2-4b9e-9d4a-8f1e0c6d7a11"_s);
        QCOMPARE(a.patientSourceId, p.sourceId);
        QCOMPARE(p.name, u"Dana Example"_s);
        QCOMPARE(p.phoneE164, u"+525555550100"_s);
        QCOMPARE(p.language, u"es"_s);
        QCOMPARE(p.timeZone, u"America/Mexico_City"_s); // R4's tz-code extension
        QCOMPARE(a.location, u"Pre-admission Clinic"_s);
        QCOMPARE(a.instructions, u"Do not eat after midnight."_s);
        // Across the fall-back night: 01:15 CST is 45 minutes after 01:30 CDT.
        QCOMPARE(a.start.secsTo(a.end), 45 * 60);

        // The DELETE entry has nothing to import and says so.
        QCOMPARE(batch.problems.size(), 1);
        QCOMPARE(batch.problems.first().where, u"Bundle.entry[2]"_s);
        QCOMPARE(batch.problems.first().severity, ImportProblem::Severity::Warning);
    }

    void malformedBundleReportsEachBadField_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<bool>("recordSkipped");

        const auto row = [](const char *name, const QString &where, bool recordSkipped) {
            QTest::newRow(name) << where << recordSkipped;
        };
        row("patient name not an array", u"Bundle.entry[1].resource.name"_s, true);
        row("patient reference without id",
            u"Bundle.entry[2].resource.participant[0].actor.reference"_s, true);
        row("start without offset", u"Bundle.entry[3].resource.start"_s, true);
        row("status missing", u"Bundle.entry[4].resource.status"_s, true);
        row("no patient participant", u"Bundle.entry[5].resource.participant"_s, true);
        row("patient entry was rejected",
            u"Bundle.entry[6].resource.participant[0].actor.reference"_s, true);
        row("resource type not imported", u"Bundle.entry[7].resource.resourceType"_s, false);
        row("entry not an object", u"Bundle.entry[8]"_s, true);
        row("status outside the vocabulary", u"Bundle.entry[10].resource.status"_s, true);
        row("invalid phone number", u"Bundle.entry[11].resource.telecom[0].value"_s, false);
        row("no usable phone", u"Bundle.entry[11].resource.telecom"_s, false);
        row("unknown time zone", u"Bundle.entry[11].resource.extension[0].valueCode"_s, false);
        row("urn not in bundle", u"Bundle.entry[12].resource.participant[0].actor.reference"_s,
            true);
        row("impossible date", u"Bundle.entry[13].resource.start"_s, true);
        row("resource type missing", u"Bundle.entry[14].resource.resourceType"_s, true);
        row("second patient", u"Bundle.entry[15].resource.participant[1].actor.reference"_s, true);
        row("end before start", u"Bundle.entry[16].resource.end"_s, true);
        row("rank not a number", u"Bundle.entry[17].resource.telecom[0].rank"_s, true);
        row("id with a space", u"Bundle.entry[18].resource.id"_s, true);
    }

    void malformedBundleReportsEachBadField()
    {
        QFETCH(QString, where);
        QFETCH(bool, recordSkipped);
        const ImportBatch batch = readFhirJson(fhirData("bundle-malformed.json"));
        const auto found = std::find_if(batch.problems.cbegin(), batch.problems.cend(),
                                        [&](const ImportProblem &p) { return p.where == where; });
        QVERIFY2(found != batch.problems.cend(), qPrintable(describe(batch.problems)));
        QCOMPARE(found->severity, recordSkipped ? ImportProblem::Severity::Skipped
                                                : ImportProblem::Severity::Warning);
        QVERIFY(!found->message.isEmpty());
    }

    void malformedBundleKeepsTheGoodRecords()
    {
        const ImportBatch batch = readFhirJson(fhirData("bundle-malformed.json"));
        // One problem per row of the table above, in entry order, and nothing else.
        QCOMPARE(batch.problems.size(), 19);
        for (qsizetype i = 1; i < batch.problems.size(); ++i) {
            const auto entryOf = [](const QString &where) {
                return where.section(u'[', 1, 1).section(u']', 0, 0).toInt();
            };
            QVERIFY(entryOf(batch.problems.at(i - 1).where) <= entryOf(batch.problems.at(i).where));
        }

        QCOMPARE(batch.patients.size(), 2);
        QCOMPARE(batch.patients.at(0).sourceId, u"p-good"_s);
        QCOMPARE(batch.patients.at(0).phoneE164, u"+13125550177"_s);
        QCOMPARE(batch.patients.at(1).sourceId, u"p-warn"_s); // kept, without phone or zone
        QVERIFY(batch.patients.at(1).phoneE164.isEmpty());
        QVERIFY(batch.patients.at(1).timeZone.isEmpty());
        QCOMPARE(batch.appointments.size(), 1);
        QCOMPARE(batch.appointments.first().sourceId, u"a-good"_s);
        QCOMPARE(batch.appointments.first().location, u"Clinic 4"_s);

        // Problems name fields, never what was in them.
        for (const ImportProblem &p : batch.problems) {
            for (const QString &value : {u"555"_s, u"Lee"_s, u"Mars"_s, u"confirmed"_s})
                QVERIFY2(!p.message.contains(value) && !p.where.contains(value),
                         qPrintable(p.where));
        }
    }

    void rejectsMalformedAppointment_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value"); // Undefined: the key is removed
        QTest::addColumn<QString>("where");

        const QJsonValue removed(QJsonValue::Undefined);
        const auto participants = [](const QJsonValue &actor) {
            return QJsonArray{QJsonObject{{u"actor"_s, actor}}};
        };
        const auto reference = [](const QString &ref) {
            return QJsonObject{{u"reference"_s, ref}};
        };
        QTest::newRow("status missing") << u"status"_s << removed << u"Appointment.status"_s;
        QTest::newRow("status a number") << u"status"_s << QJsonValue(7) << u"Appointment.status"_s;
        QTest::newRow("status unknown")
            << u"status"_s << QJsonValue(u"scheduled"_s) << u"Appointment.status"_s;
        QTest::newRow("start without offset")
            << u"start"_s << QJsonValue(u"2025-03-18T14:30:00"_s) << u"Appointment.start"_s;
        QTest::newRow("start without seconds")
            << u"start"_s << QJsonValue(u"2025-03-18T14:30-05:00"_s) << u"Appointment.start"_s;
        QTest::newRow("start a date only")
            << u"start"_s << QJsonValue(u"2025-03-18"_s) << u"Appointment.start"_s;
        QTest::newRow("start hour 24")
            << u"start"_s << QJsonValue(u"2025-03-18T24:00:00Z"_s) << u"Appointment.start"_s;
        QTest::newRow("start missing, end given")
            << u"start"_s << removed << u"Appointment.start"_s;
        QTest::newRow("end before start")
            << u"end"_s << QJsonValue(u"2025-03-18T14:00:00-05:00"_s) << u"Appointment.end"_s;
        QTest::newRow("minutesDuration zero")
            << u"minutesDuration"_s << QJsonValue(0) << u"Appointment.minutesDuration"_s;
        QTest::newRow("participant missing")
            << u"participant"_s << removed << u"Appointment.participant"_s;
        QTest::newRow("participant an object")
            << u"participant"_s << QJsonValue(QJsonObject()) << u"Appointment.participant"_s;
        QTest::newRow("participant element a string")
            << u"participant"_s << QJsonValue(QJsonArray{u"Patient/example"_s})
            << u"Appointment.participant[0]"_s;
        QTest::newRow("actor a string")
            << u"participant"_s << QJsonValue(participants(u"Patient/example"_s))
            << u"Appointment.participant[0].actor"_s;
        QTest::newRow("reference a number")
            << u"participant"_s << QJsonValue(participants(QJsonObject{{u"reference"_s, 12}}))
            << u"Appointment.participant[0].actor.reference"_s;
        QTest::newRow("reference without id")
            << u"participant"_s << QJsonValue(participants(reference(u"Patient/"_s)))
            << u"Appointment.participant[0].actor.reference"_s;
        QTest::newRow("conditional reference")
            << u"participant"_s
            << QJsonValue(participants(reference(u"Patient?identifier=mrn|0001"_s)))
            << u"Appointment.participant[0].actor.reference"_s;
        QTest::newRow("urn outside a bundle")
            << u"participant"_s
            << QJsonValue(
                   participants(reference(u"urn:uuid:6a1f0b2c-1111-4222-8333-944455556666"_s)))
            << u"Appointment.participant[0].actor.reference"_s;
        QTest::newRow("only a practitioner")
            << u"participant"_s << QJsonValue(participants(reference(u"Practitioner/dr-1"_s)))
            << u"Appointment.participant"_s;
        QTest::newRow("description an array")
            << u"description"_s << QJsonValue(QJsonArray()) << u"Appointment.description"_s;
        QTest::newRow("id malformed") << u"id"_s << QJsonValue(u"a/b"_s) << u"Appointment.id"_s;
        QTest::newRow("id missing") << u"id"_s << removed << u"Appointment.id"_s;
        QTest::newRow("resourceType wrong")
            << u"resourceType"_s << QJsonValue(u"Encounter"_s) << u"resourceType"_s;
    }

    void rejectsMalformedAppointment()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, where);
        QJsonObject appointment = fhirObject("appointment-example.json");
        if (value.isUndefined())
            appointment.remove(key);
        else
            appointment.insert(key, value);

        const ImportBatch batch = readFhirJson(toJson(appointment));
        QCOMPARE(batch.appointments.size(), 0);
        const QList<ImportProblem> problems = skipped(batch);
        QVERIFY2(problems.size() == 1, qPrintable(describe(batch.problems)));
        QCOMPARE(problems.first().where, where);
        if (value.isString())
            QVERIFY(!problems.first().message.contains(value.toString()));
    }

    void acceptsInstantForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("utc");
        QTest::newRow("zulu") << u"2025-03-18T19:30:00Z"_s
                              << QDateTime(QDate(2025, 3, 18), QTime(19, 30), Qt::UTC);
        QTest::newRow("positive offset") << u"2025-03-18T20:30:00+01:00"_s
                                         << QDateTime(QDate(2025, 3, 18), QTime(19, 30), Qt::UTC);
        QTest::newRow("microseconds cut to milliseconds")
            << u"2025-03-18T19:30:00.123456Z"_s
            << QDateTime(QDate(2025, 3, 18), QTime(19, 30, 0, 123), Qt::UTC);
        QTest::newRow("one fraction digit")
            << u"2025-03-18T19:30:00.5-00:00"_s
            << QDateTime(QDate(2025, 3, 18), QTime(19, 30, 0, 500), Qt::UTC);
    }

    void acceptsInstantForms()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, utc);
        QJsonObject appointment = fhirObject("appointment-example.json");
        appointment.insert(u"start"_s, text);
        appointment.remove(u"end"_s);
        const ImportBatch batch = readFhirJson(toJson(appointment));
        QCOMPARE(batch.appointments.size(), 1);
        QCOMPARE(batch.appointments.first().start, utc);
        QVERIFY(!batch.appointments.first().end.isValid()); // kept, with a warning
        QCOMPARE(batch.problems.size(), 1);
        QCOMPARE(batch.problems.first().where, u"Appointment.end"_s);
        QCOMPARE(batch.problems.first().severity, ImportProblem::Severity::Warning);
    }

    void marksDeceasedPatients_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("deceased");
        QTest::newRow("deceasedBoolean true") << u"deceasedBoolean"_s << QJsonValue(true) << true;
        QTest::newRow("deceasedBoolean false")
            << u"deceasedBoolean"_s << QJsonValue(false) << false;
        QTest::newRow("deceasedDateTime")
            << u"deceasedDateTime"_s << QJsonValue(u"2025-01-02"_s) << true;
    }

    void marksDeceasedPatients()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(bool, deceased);
        QJsonObject patient = fhirObject("patient-example.json");
        patient.remove(u"deceasedBoolean"_s);
        patient.insert(key, value);
        const ImportBatch batch = readFhirJson(toJson(patient));
        QCOMPARE(batch.patients.size(), 1);
        QCOMPARE(batch.patients.first().deceased, deceased);
    }

    void languageTags_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("language");
        QTest::newRow("es") << u"es"_s << u"es"_s;
        QTest::newRow("es-MX") << u"es-MX"_s << u"es"_s;
        QTest::newRow("en-US") << u"en-US"_s << u"en"_s;
        QTest::newRow("upper case") << u"EN"_s << u"en"_s;
        QTest::newRow("locale name") << u"en_US"_s << u"en"_s;
        QTest::newRow("script and region") << u"zh-Hant-TW"_s << u"zh"_s;
        QTest::newRow("three letters") << u"haw"_s << u"haw"_s;
        QTest::newRow("one letter") << u"e"_s << QString();
        QTest::newRow("digits") << u"1234"_s << QString();
        QTest::newRow("a language name") << u"Spanish"_s << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void languageTags()
    {
        QFETCH(QString, tag);
        QFETCH(QString, language);
        QCOMPARE(primaryLanguageSubtag(tag), language);
    }

    void rejectsWhatIsNotAResource_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("where");
        QTest::newRow("truncated") << QByteArray(R"({"resourceType": "Patient")") << u"offset 26"_s;
        QTest::newRow("array") << QByteArray("[]") << u"(document)"_s;
        QTest::newRow("no resourceType") << QByteArray(R"({"id": "x"})") << u"resourceType"_s;
        QTest::newRow("OperationOutcome")
            << QByteArray(R"({"resourceType": "OperationOutcome", "issue": []})")
            << u"OperationOutcome"_s;
        QTest::newRow("bundle entry an object")
            << QByteArray(R"({"resourceType": "Bundle", "type": "batch", "entry": {}})")
            << u"Bundle.entry"_s;
    }

    void rejectsWhatIsNotAResource()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, where);
        const ImportBatch batch = readFhirJson(json);
        QVERIFY(batch.patients.isEmpty());
        QVERIFY(batch.appointments.isEmpty());
        QCOMPARE(batch.problems.size(), 1);
        QCOMPARE(batch.problems.first().where, where);
        QVERIFY(batch.hasSkipped());
    }
};

QTEST_GUILESS_MAIN(TestFhirReader)
#include "tst_fhirreader.moc"
