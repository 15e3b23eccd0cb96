#include "core/appointmentcsv.h"

#include "core/phonenumber.h"
#include "core/result.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <optional>
#include <tuple>

namespace Wardline::Core {

namespace {

using Severity = ImportProblem::Severity;

/// One CSV record: its fields and the physical line it starts on.
struct CsvRecord
{
    qsizetype line = 1;
    QStringList fields;
    QString error; ///< set when the record breaks RFC 4180
};

bool isBlank(const CsvRecord &record)
{
    return record.error.isEmpty() && record.fields.size() == 1 &&
           record.fields.first().trimmed().isEmpty();
}

/// Splits RFC 4180 text into records. Line breaks inside quoted fields are data (kept as LF);
/// CRLF, LF and a lone CR all end a record.
QList<CsvRecord> splitRecords(QStringView text)
{
    QList<CsvRecord> records;
    CsvRecord record;
    QString field;
    qsizetype line = 1;
    bool inQuotes = false;
    bool afterClosingQuote = false;
    bool pending = false; // something of the current record has been read

    const auto endField = [&] {
        record.fields.append(field);
        field.clear();
        afterClosingQuote = false;
    };
    const auto endRecord = [&] {
        endField();
        records.append(std::move(record));
        record = CsvRecord{};
        record.line = line;
        pending = false;
    };

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool crlf = c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n';
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    inQuotes = false;
                    afterClosingQuote = true;
                }
            } else if (crlf) {
                continue; // the LF that follows is kept
            } else {
                if (c == u'\n' || c == u'\r')
                    ++line;
                field += c == u'\r' ? QChar(u'\n') : c;
            }
            continue;
        }
        if (crlf)
            continue;
        if (c == u'\n' || c == u'\r') {
            ++line;
            if (pending)
                endRecord();
            else
                record.line = line;
            continue;
        }
        pending = true;
        if (c == u',') {
            endField();
        } else if (c == u'"' && field.isEmpty() && !afterClosingQuote) {
            inQuotes = true;
        } else if (afterClosingQuote) {
            // Spaces after a closing quote are harmless; anything else means the quoting is
            // broken and the field boundaries cannot be trusted.
            if (!c.isSpace() && record.error.isEmpty())
                record.error = QStringLiteral("has text after a closing quote; put the whole "
                                              "field in quotes and double the quotes inside");
        } else {
            field += c;
        }
    }
    if (inQuotes)
        record.error = QStringLiteral("has a quoted field that is never closed");
    if (pending || inQuotes)
        endRecord();
    return records;
}

enum class Column {
    AppointmentId,
    PatientId,
    PatientName,
    Phone,
    Language,
    TimeZone,
    Start,
    End,
    DurationMinutes,
    Provider,
    Location,
    Instructions,
    Description,
    Status,
};

constexpr std::array<std::pair<Column, const char *>, 14> ColumnNames{{
    {Column::AppointmentId, "appointment_id"},
    {Column::PatientId, "patient_id"},
    {Column::PatientName, "patient_name"},
    {Column::Phone, "phone"},
    {Column::Language, "language"},
    {Column::TimeZone, "time_zone"},
    {Column::Start, "start"},
    {Column::End, "end"},
    {Column::DurationMinutes, "duration_minutes"},
    {Column::Provider, "provider"},
    {Column::Location, "location"},
    {Column::Instructions, "instructions"},
    {Column::Description, "description"},
    {Column::Status, "status"},
}};

QString columnName(Column column)
{
    for (const auto &[c, name] : ColumnNames) {
        if (c == column)
            return QLatin1StringView(name);
    }
    return {};
}

QString at(qsizetype line, Column column)
{
    return QStringLiteral("line %1, column %2").arg(line).arg(columnName(column));
}

QString atLine(qsizetype line)
{
    return QStringLiteral("line %1").arg(line);
}

/// A local time resolved in a time zone.
struct LocalTime
{
    QDateTime instant;
    bool ambiguous = false; ///< it happens twice (clocks go back); the earlier was taken
};

/// \a date and \a time as a wall clock in \a zone reads them. Checked by hand rather than
/// trusting QDateTime's own handling: Qt 6.4 silently moves a time in a spring-forward gap, and
/// a reminder for 02:30 that does not exist must be a question for staff, not a guess.
std::optional<LocalTime> resolveLocal(QDate date, QTime time, const QTimeZone &zone)
{
    const QDateTime wall(date, time, Qt::UTC);
    // The offsets in force a day either side cover any transition near this wall time.
    QList<int> offsets;
    for (const qint64 shift : {-86400, 0, 86400}) {
        const int offset = zone.offsetFromUtc(wall.addSecs(shift));
        if (!offsets.contains(offset))
            offsets.append(offset);
    }
    QList<QDateTime> matches;
    for (const int offset : offsets) {
        const QDateTime utc = wall.addSecs(-offset);
        if (zone.offsetFromUtc(utc) == offset && !matches.contains(utc))
            matches.append(utc);
    }
    if (matches.isEmpty())
        return std::nullopt;
    std::sort(matches.begin(), matches.end());
    return LocalTime{matches.first().toTimeZone(zone), matches.size() > 1};
}

/// Result of reading one start/end cell.
struct ParsedTime
{
    QDateTime instant;
    bool ambiguous = false;
};

Result<ParsedTime> parseTime(const QString &text, const QTimeZone &zone)
{
    static const QRegularExpression Shape(
        QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?"
                       "\\s*(Z|[+-]\\d{2}:?\\d{2})?$"));
    const QRegularExpressionMatch m = Shape.match(text);
    const QDate date = m.hasMatch() ? QDate::fromString(m.captured(1), Qt::ISODate) : QDate();
    const QTime time =
        m.hasMatch() ? QTime(m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt())
                     : QTime();
    if (!date.isValid() || !time.isValid())
        return Result<ParsedTime>::failure(
            QStringLiteral("is not a date and time (YYYY-MM-DD hh:mm, optionally with seconds "
                           "and an offset such as -05:00)"));

    const QString offsetText = m.captured(5);
    if (!offsetText.isEmpty()) {
        int offset = 0;
        if (offsetText != QLatin1StringView("Z")) {
            const QString digits = QString(offsetText.mid(1)).remove(u':');
            offset = (digits.left(2).toInt() * 60 + digits.mid(2).toInt()) * 60;
            if (offsetText.startsWith(u'-'))
                offset = -offset;
        }
        QDateTime exact = QDateTime(date, time, Qt::UTC).addSecs(-offset);
        exact = zone.isValid() ? exact.toTimeZone(zone) : exact.toOffsetFromUtc(offset);
        return ParsedTime{exact, false};
    }
    if (!zone.isValid())
        return Result<ParsedTime>::failure(
            QStringLiteral("is a local time, but neither time_zone nor the import's default "
                           "time zone says where"));
    const std::optional<LocalTime> local = resolveLocal(date, time, zone);
    if (!local)
        return Result<ParsedTime>::failure(
            QStringLiteral("does not exist in this time zone: the clocks go forward over it "
                           "(daylight saving time); ask the scheduler for the intended time"));
    return ParsedTime{local->instant, local->ambiguous};
}

class CsvReader
{
public:
    CsvReader(QString defaultTimeZone, QString defaultRegion)
        : m_defaultZone(defaultTimeZone.isEmpty() ? QTimeZone()
                                                  : QTimeZone(defaultTimeZone.toUtf8()))
        , m_defaultRegion(std::move(defaultRegion))
    {
    }

    ImportBatch read(const QByteArray &csv)
    {
        // Spreadsheet programs start "CSV UTF-8" with a byte-order mark; the decoder drops it.
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString text = decoder.decode(csv);
        if (decoder.hasError()) {
            problem(atLine(1), QStringLiteral("the file is not UTF-8 text; save it as \"CSV "
                                              "UTF-8\" and import it again"));
            return std::move(m_batch);
        }
        QList<CsvRecord> records = splitRecords(text);
        records.removeIf(isBlank);
        if (records.isEmpty()) {
            problem(atLine(1), QStringLiteral("the file is empty; the first line must name "
                                              "the columns"));
            return std::move(m_batch);
        }
        if (!readHeader(records.first()))
            return std::move(m_batch);
        for (qsizetype i = 1; i < records.size(); ++i)
            readRow(records.at(i));
        return std::move(m_batch);
    }

private:
    void problem(const QString &where, const QString &message,
                 Severity severity = Severity::Skipped)
    {
        m_batch.problems.append(ImportProblem{where, message, severity});
    }

    bool readHeader(const CsvRecord &header)
    {
        if (!header.error.isEmpty()) {
            problem(atLine(header.line), header.error);
            return false;
        }
        m_fieldCount = header.fields.size();
        bool ok = true;
        for (qsizetype i = 0; i < header.fields.size(); ++i) {
            const QString name = header.fields.at(i).trimmed().toLower();
            for (const auto &[column, columnText] : ColumnNames) {
                if (name != QLatin1StringView(columnText))
                    continue;
                if (m_index.contains(column)) {
                    problem(at(header.line, column),
                            QStringLiteral("appears twice in the header; keep one"));
                    ok = false;
                }
                m_index.insert(column, i);
            }
        }
        for (const Column required : {Column::AppointmentId, Column::PatientId, Column::Start}) {
            if (!m_index.contains(required)) {
                problem(at(header.line, required),
                        QStringLiteral("is missing from the header; it is required"));
                ok = false;
            }
        }
        if (!m_index.contains(Column::End) && !m_index.contains(Column::DurationMinutes)) {
            problem(at(header.line, Column::End),
                    QStringLiteral("is missing from the header; give end or duration_minutes"));
            ok = false;
        }
        return ok;
    }

    QString cell(const CsvRecord &record, Column column) const
    {
        const qsizetype index = m_index.value(column, -1);
        return index < 0 ? QString() : record.fields.at(index).trimmed();
    }

    void readRow(const CsvRecord &record)
    {
        const qsizetype line = record.line;
        if (!record.error.isEmpty()) {
            problem(atLine(line), record.error);
            return;
        }
        if (record.fields.size() != m_fieldCount) {
            problem(atLine(line), QStringLiteral("has %1 fields but the header has %2; a comma "
                                                 "inside a field needs quotes around the field")
                                      .arg(record.fields.size())
                                      .arg(m_fieldCount));
            return;
        }

        AppointmentRecord appointment;
        appointment.sourceId = cell(record, Column::AppointmentId);
        appointment.patientSourceId = cell(record, Column::PatientId);
        for (const auto &[column, value] :
             {std::pair(Column::AppointmentId, &appointment.sourceId),
              std::pair(Column::PatientId, &appointment.patientSourceId)}) {
            if (value->isEmpty()) {
                problem(at(line, column), QStringLiteral("is empty; it is required"));
                return;
            }
        }
        if (const qsizetype first = m_appointmentLines.value(appointment.sourceId, 0); first) {
            problem(at(line, Column::AppointmentId),
                    QStringLiteral("repeats the id on line %1; the row is skipped").arg(first));
            return;
        }

        const QString zoneId = cell(record, Column::TimeZone);
        const QTimeZone zone = zoneId.isEmpty() ? m_defaultZone : QTimeZone(zoneId.toUtf8());
        if (!zoneId.isEmpty() && !zone.isValid()) {
            problem(at(line, Column::TimeZone),
                    QStringLiteral("is not an IANA time zone (for example America/Chicago)"));
            return;
        }
        if (!readTimes(record, zone, appointment))
            return;

        appointment.status = cell(record, Column::Status).toLower();
        if (appointment.status.isEmpty())
            appointment.status = QStringLiteral("booked");
        if (!isAppointmentStatus(appointment.status)) {
            problem(at(line, Column::Status),
                    QStringLiteral("is not an appointment status (booked, cancelled, …)"));
            return;
        }
        appointment.provider = cell(record, Column::Provider);
        appointment.location = cell(record, Column::Location);
        appointment.instructions = cell(record, Column::Instructions);
        appointment.description = cell(record, Column::Description);

        PatientRecord patient;
        patient.sourceId = appointment.patientSourceId;
        patient.name = cell(record, Column::PatientName);
        patient.timeZone = zoneId;
        const QString phone = cell(record, Column::Phone);
        if (!phone.isEmpty()) {
            const std::optional<QString> e164 = normalizeToE164(phone, m_defaultRegion);
            if (e164)
                patient.phoneE164 = *e164;
            else
                problem(at(line, Column::Phone),
                        QStringLiteral("is not a valid phone number; the patient is imported "
                                       "without it"),
                        Severity::Warning);
        }
        const QString language = cell(record, Column::Language);
        patient.language = primaryLanguageSubtag(language);
        if (!language.isEmpty() && patient.language.isEmpty())
            problem(at(line, Column::Language),
                    QStringLiteral("is not a language tag (en, es, es-MX); ignored"),
                    Severity::Warning);

        m_appointmentLines.insert(appointment.sourceId, line);
        m_batch.appointments.append(std::move(appointment));
        mergePatient(std::move(patient), line);
    }

    bool readTimes(const CsvRecord &record, const QTimeZone &zone, AppointmentRecord &appointment)
    {
        const qsizetype line = record.line;
        const QString startText = cell(record, Column::Start);
        if (startText.isEmpty()) {
            problem(at(line, Column::Start), QStringLiteral("is empty; it is required"));
            return false;
        }
        Result<ParsedTime> start = parseTime(startText, zone);
        if (!start) {
            problem(at(line, Column::Start), start.error());
            return false;
        }
        appointment.start = start->instant;
        if (start->ambiguous)
            problem(at(line, Column::Start), ambiguousMessage(), Severity::Warning);

        const QString endText = cell(record, Column::End);
        const QString durationText = cell(record, Column::DurationMinutes);
        if (!endText.isEmpty()) {
            Result<ParsedTime> end = parseTime(endText, zone);
            if (!end) {
                problem(at(line, Column::End), end.error());
                return false;
            }
            if (end->instant < appointment.start) {
                problem(at(line, Column::End), QStringLiteral("is before start"));
                return false;
            }
            if (end->ambiguous)
                problem(at(line, Column::End), ambiguousMessage(), Severity::Warning);
            appointment.end = end->instant;
        } else if (!durationText.isEmpty()) {
            bool ok = false;
            const int minutes = durationText.toInt(&ok);
            if (!ok || minutes < 1 || minutes > 24 * 60) {
                problem(at(line, Column::DurationMinutes),
                        QStringLiteral("must be a whole number of minutes from 1 to 1440"));
                return false;
            }
            appointment.end = appointment.start.addSecs(qint64(minutes) * 60);
        } else {
            problem(at(line, m_index.contains(Column::End) ? Column::End : Column::DurationMinutes),
                    QStringLiteral("is empty; give end or duration_minutes"));
            return false;
        }
        return true;
    }

    static QString ambiguousMessage()
    {
        return QStringLiteral("happens twice in this time zone (the clocks go back); the earlier "
                              "one is used");
    }

    /// One PatientRecord per patient_id; the first row to give a field sets it.
    void mergePatient(PatientRecord patient, qsizetype line)
    {
        const auto known = m_patientIndex.constFind(patient.sourceId);
        if (known == m_patientIndex.constEnd()) {
            m_patientIndex.insert(patient.sourceId, {m_batch.patients.size(), line});
            m_batch.patients.append(std::move(patient));
            return;
        }
        PatientRecord &existing = m_batch.patients[known->first];
        for (const auto &[column, mine, theirs] :
             {std::tuple(Column::PatientName, &existing.name, &patient.name),
              std::tuple(Column::Phone, &existing.phoneE164, &patient.phoneE164),
              std::tuple(Column::Language, &existing.language, &patient.language),
              std::tuple(Column::TimeZone, &existing.timeZone, &patient.timeZone)}) {
            if (theirs->isEmpty() || *mine == *theirs)
                continue;
            if (mine->isEmpty()) {
                *mine = *theirs;
                continue;
            }
            problem(at(line, column),
                    QStringLiteral("differs from an earlier row for the same patient_id (line "
                                   "%1); the earlier value is kept")
                        .arg(known->second),
                    Severity::Warning);
        }
    }

    QTimeZone m_defaultZone;
    QString m_defaultRegion;
    ImportBatch m_batch;
    qsizetype m_fieldCount = 0;
    QHash<Column, qsizetype> m_index;                               // column → field index
    QHash<QString, qsizetype> m_appointmentLines;                   // appointment_id → line
    QHash<QString, std::pair<qsizetype, qsizetype>> m_patientIndex; // id → (index, line)
};

} // namespace

ImportBatch readAppointmentCsv(const QByteArray &csv, const QString &defaultTimeZone,
                               const QString &defaultRegion)
{
    return CsvReader(defaultTimeZone, defaultRegion).read(csv);
}

} // namespace Wardline::Core
