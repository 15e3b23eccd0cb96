#include "core/fhirreader.h"

#include "core/phonenumber.h"
#include "core/result.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <climits>
#include <optional>

namespace Wardline::Core {

namespace {

using Severity = ImportProblem::Severity;

// FHIR R4 datatypes.html, "id": 1-64 characters of A-Z, a-z, 0-9, '-' and '.'.
const QString FhirId = QStringLiteral("[A-Za-z0-9\\-.]{1,64}");

QString member(const QString &path, const QString &key)
{
    return path + u'.' + key;
}

QString indexed(const QString &path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

bool isFhirId(const QString &id)
{
    static const QRegularExpression Id(u'^' + FhirId + u'$');
    return Id.match(id).hasMatch();
}

/// The fields of one resource being read: the first hard error rejects the resource (and is
/// its problem); warnings only note a field that was ignored.
class ResourceFields
{
public:
    [[nodiscard]] bool failed() const { return m_failure.has_value(); }
    void fail(const QString &where, const QString &message)
    {
        if (!m_failure)
            m_failure = ImportProblem{where, message, Severity::Skipped};
    }
    void warn(const QString &where, const QString &message)
    {
        m_warnings.append(ImportProblem{where, message, Severity::Warning});
    }
    [[nodiscard]] const std::optional<ImportProblem> &failure() const { return m_failure; }
    [[nodiscard]] const QList<ImportProblem> &warnings() const { return m_warnings; }

    // FHIR JSON never carries null or "" for a present value (R4 json.html), so both are read
    // as "absent" rather than as an error: exporters that emit them mean "no value".
    [[nodiscard]] QString string(const QJsonObject &o, const QString &path, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString()) {
            fail(member(path, key), QStringLiteral("expected a string"));
            return {};
        }
        return v.toString().trimmed();
    }

    [[nodiscard]] QString requiredString(const QJsonObject &o, const QString &path,
                                         const QString &key)
    {
        QString s = string(o, path, key);
        if (s.isEmpty() && !failed())
            fail(member(path, key), QStringLiteral("is required but missing"));
        return s;
    }

    [[nodiscard]] QJsonArray array(const QJsonObject &o, const QString &path, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray()) {
            fail(member(path, key), QStringLiteral("expected an array"));
            return {};
        }
        return v.toArray();
    }

    [[nodiscard]] QJsonObject object(const QJsonObject &o, const QString &path, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject()) {
            fail(member(path, key), QStringLiteral("expected an object"));
            return {};
        }
        return v.toObject();
    }

    /// Element \a index of \a array, which must be an object.
    [[nodiscard]] QJsonObject element(const QJsonArray &array, qsizetype index,
                                      const QString &elementPath)
    {
        const QJsonValue v = array.at(index);
        if (!v.isObject()) {
            fail(elementPath, QStringLiteral("expected an object"));
            return {};
        }
        return v.toObject();
    }

    [[nodiscard]] std::optional<bool> boolean(const QJsonObject &o, const QString &path,
                                              const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isBool()) {
            fail(member(path, key), QStringLiteral("expected true or false"));
            return std::nullopt;
        }
        return v.toBool();
    }

    /// A FHIR positiveInt (1 … 2^31-1, R4 datatypes.html).
    [[nodiscard]] std::optional<int> positiveInt(const QJsonObject &o, const QString &path,
                                                 const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 1 || d > INT_MAX || d != double(qint64(d))) {
            fail(member(path, key), QStringLiteral("expected a whole number of at least 1"));
            return std::nullopt;
        }
        return int(d);
    }

private:
    std::optional<ImportProblem> m_failure;
    QList<ImportProblem> m_warnings;
};

/// A FHIR instant (R4 datatypes.html): date, time to the second, optional fraction, and a
/// time-zone offset that SHALL be present. Qt's ISO parser alone would accept a local time and
/// 24:00; a leap second (:60, allowed by FHIR) is rejected as Qt cannot represent it.
Result<QDateTime> parseInstant(const QString &text)
{
    static const QRegularExpression Shape(
        QStringLiteral("^(\\d{4}-\\d{2}-\\d{2}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d)(?:\\.(\\d+))?"
                       "(Z|[+-]\\d{2}:\\d{2})?$"));
    const QRegularExpressionMatch m = Shape.match(text);
    if (!m.hasMatch())
        return Result<QDateTime>::failure(
            QStringLiteral("is not a FHIR instant (YYYY-MM-DDThh:mm:ss with a time-zone offset)"));
    if (m.capturedLength(3) == 0)
        return Result<QDateTime>::failure(QStringLiteral(
            "has no time-zone offset; a FHIR instant needs one (for example Z or -05:00)"));
    // Qt reads milliseconds; finer fractions are legal in FHIR and are cut, not rejected.
    const QString fraction = QString(m.captured(2) + QStringLiteral("000")).left(3);
    const QString normalised = m.captured(1) + u'.' + fraction + m.captured(3);
    QDateTime dt = QDateTime::fromString(normalised, Qt::ISODateWithMs);
    if (!dt.isValid())
        return Result<QDateTime>::failure(QStringLiteral("is not a real date and time"));
    return dt;
}

/// How well a HumanName fits as the name staff see (R4 valueset-name-use).
int nameUseRank(const QString &use)
{
    static const QStringList Order{
        QStringLiteral("official"), QStringLiteral("usual"),    QString(),
        QStringLiteral("temp"),     QStringLiteral("nickname"), QStringLiteral("maiden"),
        QStringLiteral("anonymous")};
    const qsizetype rank = Order.indexOf(use);
    return rank < 0 ? int(Order.size()) : int(rank); // "old" and unknown uses last
}

bool isTimeZoneExtension(const QString &url)
{
    // R4 published the extension as "tz-code"; later releases renamed it "timezone". Both
    // carry an IANA zone in valueCode.
    return url == QLatin1StringView("http://hl7.org/fhir/StructureDefinition/timezone") ||
           url == QLatin1StringView("http://hl7.org/fhir/StructureDefinition/tz-code");
}

/// What the reader knows about one Bundle entry before reading it in full, so that a
/// reference can be resolved whatever order the entries come in.
struct EntryInfo
{
    QString resourceType;
    QString sourceId;
    bool patientImported = false;
};

/// Where an Appointment.participant's actor points.
struct ActorTarget
{
    QString resourceType;
    QString sourceId;
    qsizetype entry = -1; ///< index into the Bundle's entries, -1 when not in this Bundle
};

class FhirReader
{
public:
    explicit FhirReader(QString defaultRegion)
        : m_defaultRegion(std::move(defaultRegion))
    {
    }

    ImportBatch read(const QByteArray &json)
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        if (error.error != QJsonParseError::NoError) {
            // The parser's message names the kind of error only, never the text around it.
            addProblem(-1, {QStringLiteral("offset %1").arg(error.offset),
                            QStringLiteral("not valid JSON: %1").arg(error.errorString())});
        } else if (!doc.isObject()) {
            addProblem(-1, {QStringLiteral("(document)"),
                            QStringLiteral("expected a FHIR resource (a JSON object)")});
        } else {
            readTopLevel(doc.object());
        }

        std::stable_sort(m_problems.begin(), m_problems.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (auto &[order, problem] : m_problems)
            m_batch.problems.append(std::move(problem));
        return std::move(m_batch);
    }

private:
    void addProblem(qsizetype order, ImportProblem problem)
    {
        m_problems.append({order, std::move(problem)});
    }

    void addProblems(qsizetype order, const ResourceFields &fields)
    {
        if (fields.failure())
            addProblem(order, *fields.failure());
        else
            for (const ImportProblem &w : fields.warnings())
                addProblem(order, w);
    }

    void readTopLevel(const QJsonObject &resource)
    {
        const QJsonValue type = resource.value(QStringLiteral("resourceType"));
        if (!type.isString()) {
            addProblem(0, {QStringLiteral("resourceType"),
                           QStringLiteral("missing; expected Appointment, Patient or Bundle")});
            return;
        }
        const QString name = type.toString();
        if (name == QLatin1StringView("Bundle")) {
            readBundle(resource);
        } else if (name == QLatin1StringView("Patient")) {
            readPatient(resource, name, QString(), 0);
        } else if (name == QLatin1StringView("Appointment")) {
            readAppointment(resource, name, QString(), 0);
        } else if (name == QLatin1StringView("OperationOutcome")) {
            addProblem(0, {name, QStringLiteral("the FHIR server answered with an error "
                                                "(OperationOutcome) instead of data")});
        } else {
            addProblem(0, {QStringLiteral("resourceType"),
                           QStringLiteral("expected Appointment, Patient or Bundle")});
        }
    }

    void readBundle(const QJsonObject &bundle)
    {
        const QString path = QStringLiteral("Bundle");
        ResourceFields fields;
        const QJsonArray links = fields.array(bundle, path, QStringLiteral("link"));
        const QJsonArray entries = fields.array(bundle, path, QStringLiteral("entry"));
        if (fields.failed()) {
            addProblems(-1, fields);
            return;
        }
        readLinks(links);

        // Pass 1: what each entry is, so references resolve in any order.
        m_entries.resize(entries.size());
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const QJsonObject entry = entries.at(i).toObject();
            const QJsonObject resource = entry.value(QStringLiteral("resource")).toObject();
            EntryInfo &info = m_entries[i];
            info.resourceType = resource.value(QStringLiteral("resourceType")).toString();
            const QString fullUrl = entry.value(QStringLiteral("fullUrl")).toString().trimmed();
            const QString id = resource.value(QStringLiteral("id")).toString().trimmed();
            info.sourceId = id.isEmpty() ? fullUrl : id;
            if (!fullUrl.isEmpty())
                m_entryByUrl.insert(fullUrl, i);
            if (!info.resourceType.isEmpty() && !id.isEmpty())
                m_entryByUrl.insert(info.resourceType + u'/' + id, i);
        }

        // Pass 2: patients first, so an appointment knows whether its patient was imported.
        for (int pass = 0; pass < 2; ++pass) {
            for (qsizetype i = 0; i < entries.size(); ++i) {
                const bool patient = m_entries.at(i).resourceType == QLatin1StringView("Patient");
                if ((pass == 0) == patient)
                    readEntry(entries.at(i), i);
            }
        }
    }

    void readLinks(const QJsonArray &links)
    {
        for (qsizetype i = 0; i < links.size(); ++i) {
            const QString path = indexed(QStringLiteral("Bundle.link"), i);
            ResourceFields fields;
            const QJsonObject link = fields.element(links, i, path);
            const QString relation = fields.string(link, path, QStringLiteral("relation"));
            const QString url = fields.string(link, path, QStringLiteral("url"));
            if (fields.failed()) {
                addProblem(-1,
                           {fields.failure()->where, fields.failure()->message, Severity::Warning});
                continue;
            }
            // Paging: the "next" link is the following page of a searchset (R4 http.html#paging).
            if (relation != QLatin1StringView("next"))
                continue;
            const QUrl next(url, QUrl::StrictMode);
            if (!next.isValid() || (next.scheme() != QLatin1StringView("https") &&
                                    next.scheme() != QLatin1StringView("http"))) {
                addProblem(-1, {member(path, QStringLiteral("url")),
                                QStringLiteral("is not an http(s) URL; the next page of this "
                                               "search cannot be fetched"),
                                Severity::Warning});
                continue;
            }
            m_batch.nextPageUrl = next;
        }
    }

    void readEntry(const QJsonValue &value, qsizetype index)
    {
        const QString entryPath = indexed(QStringLiteral("Bundle.entry"), index);
        ResourceFields fields;
        if (!value.isObject()) {
            addProblem(index, {entryPath, QStringLiteral("expected an object")});
            return;
        }
        const QJsonObject entry = value.toObject();
        const QString fullUrl = fields.string(entry, entryPath, QStringLiteral("fullUrl"));
        const QJsonObject resource = fields.object(entry, entryPath, QStringLiteral("resource"));
        if (fields.failed()) {
            addProblems(index, fields);
            return;
        }
        if (resource.isEmpty()) {
            // A transaction DELETE or a history entry for a deleted resource: nothing to read.
            addProblem(index,
                       {entryPath, QStringLiteral("has no resource; ignored"), Severity::Warning});
            return;
        }
        const QString path = member(entryPath, QStringLiteral("resource"));
        const QString type = fields.requiredString(resource, path, QStringLiteral("resourceType"));
        if (fields.failed()) {
            addProblems(index, fields);
            return;
        }
        if (type == QLatin1StringView("Patient")) {
            m_entries[index].patientImported = readPatient(resource, path, fullUrl, index);
        } else if (type == QLatin1StringView("Appointment")) {
            readAppointment(resource, path, fullUrl, index);
        } else if (type == QLatin1StringView("Practitioner") ||
                   type == QLatin1StringView("PractitionerRole") ||
                   type == QLatin1StringView("Location")) {
            // Included by a search (_include) for the names; participants carry display text.
        } else if (type == QLatin1StringView("OperationOutcome")) {
            // Its text can echo the search, so it is pointed at rather than shown.
            addProblem(index, {path,
                               QStringLiteral("the FHIR server reported a problem with this "
                                              "search; its log has the details"),
                               Severity::Warning});
        } else {
            addProblem(index, {member(path, QStringLiteral("resourceType")),
                               QStringLiteral("this resource type is not imported; ignored"),
                               Severity::Warning});
        }
    }

    /// The resource's identity: its id, or (in a transaction) the entry's fullUrl.
    QString sourceIdOf(const QJsonObject &resource, const QString &path, const QString &fullUrl,
                       ResourceFields &fields)
    {
        const QString id = fields.string(resource, path, QStringLiteral("id"));
        if (fields.failed())
            return {};
        if (!id.isEmpty() && !isFhirId(id)) {
            fields.fail(member(path, QStringLiteral("id")),
                        QStringLiteral("is not a FHIR id (1 to 64 letters, digits, '-' or '.')"));
            return {};
        }
        if (id.isEmpty() && fullUrl.isEmpty()) {
            fields.fail(member(path, QStringLiteral("id")),
                        QStringLiteral("is required: without it nothing can refer to this "
                                       "record"));
            return {};
        }
        return id.isEmpty() ? fullUrl : id;
    }

    bool readPatient(const QJsonObject &resource, const QString &path, const QString &fullUrl,
                     qsizetype order)
    {
        ResourceFields fields;
        PatientRecord patient;
        patient.sourceId = sourceIdOf(resource, path, fullUrl, fields);
        if (!fields.failed())
            patient.name = readName(resource, path, fields);
        if (!fields.failed())
            patient.phoneE164 = readPhone(resource, path, fields);
        if (!fields.failed())
            patient.language = readLanguage(resource, path, fields);
        if (!fields.failed())
            patient.timeZone = readTimeZone(resource, path, fields);
        if (!fields.failed()) {
            const auto deceased = fields.boolean(resource, path, QStringLiteral("deceasedBoolean"));
            const QString deceasedAt =
                fields.string(resource, path, QStringLiteral("deceasedDateTime"));
            patient.deceased = deceased.value_or(false) || !deceasedAt.isEmpty();
        }
        addProblems(order, fields);
        if (fields.failed())
            return false;
        m_batch.patients.append(std::move(patient));
        return true;
    }

    QString readName(const QJsonObject &resource, const QString &path, ResourceFields &fields)
    {
        const QString namesPath = member(path, QStringLiteral("name"));
        const QJsonArray names = fields.array(resource, path, QStringLiteral("name"));
        QString best;
        int bestRank = INT_MAX;
        for (qsizetype i = 0; i < names.size() && !fields.failed(); ++i) {
            const QString p = indexed(namesPath, i);
            const QJsonObject name = fields.element(names, i, p);
            const int rank = nameUseRank(fields.string(name, p, QStringLiteral("use")));
            QString text = fields.string(name, p, QStringLiteral("text"));
            if (text.isEmpty()) {
                QStringList parts;
                const QJsonArray given = fields.array(name, p, QStringLiteral("given"));
                for (qsizetype g = 0; g < given.size(); ++g) {
                    if (!given.at(g).isString()) {
                        fields.fail(indexed(member(p, QStringLiteral("given")), g),
                                    QStringLiteral("expected a string"));
                        break;
                    }
                    parts.append(given.at(g).toString().trimmed());
                }
                parts.append(fields.string(name, p, QStringLiteral("family")));
                parts.removeAll(QString());
                text = parts.join(u' ');
            }
            if (!text.isEmpty() && rank < bestRank) {
                best = text;
                bestRank = rank;
            }
        }
        return best;
    }

    QString readPhone(const QJsonObject &resource, const QString &path, ResourceFields &fields)
    {
        struct Candidate
        {
            int useRank;
            int rank;
            qsizetype index;
            QString value;
        };
        const QString telecomPath = member(path, QStringLiteral("telecom"));
        const QJsonArray telecom = fields.array(resource, path, QStringLiteral("telecom"));
        QList<Candidate> candidates;
        for (qsizetype i = 0; i < telecom.size() && !fields.failed(); ++i) {
            const QString p = indexed(telecomPath, i);
            const QJsonObject point = fields.element(telecom, i, p);
            const QString system = fields.string(point, p, QStringLiteral("system"));
            const QString value = fields.string(point, p, QStringLiteral("value"));
            const QString use = fields.string(point, p, QStringLiteral("use"));
            const int rank = fields.positiveInt(point, p, QStringLiteral("rank")).value_or(INT_MAX);
            // R4 valueset-contact-point-system: "sms" is a phone that takes text messages.
            // A number marked "old" is no longer in use (valueset-contact-point-use).
            if (fields.failed() || value.isEmpty() || use == QLatin1StringView("old") ||
                (system != QLatin1StringView("phone") && system != QLatin1StringView("sms")))
                continue;
            candidates.append({use == QLatin1StringView("mobile") ? 0 : 1, rank, i, value});
        }
        if (fields.failed())
            return {};
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const Candidate &a, const Candidate &b) {
                             return std::pair(a.useRank, a.rank) < std::pair(b.useRank, b.rank);
                         });
        QString chosen;
        for (const Candidate &c : candidates) {
            const std::optional<QString> e164 = normalizeToE164(c.value, m_defaultRegion);
            if (!e164) {
                fields.warn(member(indexed(telecomPath, c.index), QStringLiteral("value")),
                            QStringLiteral("is not a valid phone number; ignored"));
            } else if (chosen.isEmpty()) {
                chosen = *e164;
            }
        }
        if (chosen.isEmpty())
            fields.warn(telecomPath, QStringLiteral("has no usable phone number; WhatsApp "
                                                    "messages cannot reach this patient"));
        return chosen;
    }

    QString readLanguage(const QJsonObject &resource, const QString &path, ResourceFields &fields)
    {
        const QString communicationPath = member(path, QStringLiteral("communication"));
        const QJsonArray communication =
            fields.array(resource, path, QStringLiteral("communication"));
        // The one marked preferred, else the first (R4 Patient.communication.preferred).
        qsizetype chosen = communication.isEmpty() ? -1 : 0;
        bool preferredSeen = false;
        QList<QJsonObject> languages;
        for (qsizetype i = 0; i < communication.size() && !fields.failed(); ++i) {
            const QString p = indexed(communicationPath, i);
            const QJsonObject c = fields.element(communication, i, p);
            languages.append(fields.object(c, p, QStringLiteral("language")));
            if (fields.boolean(c, p, QStringLiteral("preferred")).value_or(false) &&
                !preferredSeen) {
                chosen = i;
                preferredSeen = true;
            }
        }
        if (fields.failed() || chosen < 0)
            return {};
        const QString languagePath =
            member(indexed(communicationPath, chosen), QStringLiteral("language"));
        const QJsonArray codings =
            fields.array(languages.at(chosen), languagePath, QStringLiteral("coding"));
        for (qsizetype i = 0; i < codings.size() && !fields.failed(); ++i) {
            const QString p = indexed(member(languagePath, QStringLiteral("coding")), i);
            const QJsonObject coding = fields.element(codings, i, p);
            const QString code = fields.string(coding, p, QStringLiteral("code"));
            const QString language = primaryLanguageSubtag(code);
            if (!language.isEmpty())
                return language;
            if (!code.isEmpty())
                fields.warn(member(p, QStringLiteral("code")),
                            QStringLiteral("is not a BCP 47 language tag; ignored"));
        }
        return {};
    }

    QString readTimeZone(const QJsonObject &resource, const QString &path, ResourceFields &fields)
    {
        const QString extensionPath = member(path, QStringLiteral("extension"));
        const QJsonArray extensions = fields.array(resource, path, QStringLiteral("extension"));
        for (qsizetype i = 0; i < extensions.size() && !fields.failed(); ++i) {
            const QString p = indexed(extensionPath, i);
            const QJsonObject extension = fields.element(extensions, i, p);
            if (!isTimeZoneExtension(fields.string(extension, p, QStringLiteral("url"))))
                continue;
            const QString zone = fields.string(extension, p, QStringLiteral("valueCode"));
            if (fields.failed())
                return {};
            if (QTimeZone(zone.toUtf8()).isValid())
                return zone;
            fields.warn(member(p, QStringLiteral("valueCode")),
                        QStringLiteral("is not an IANA time zone this system knows; ignored"));
        }
        return {};
    }

    std::optional<ActorTarget> resolveActor(const QString &reference, const QString &declaredType,
                                            const QString &referencePath, ResourceFields &fields)
    {
        const auto entry = m_entryByUrl.constFind(reference);
        if (entry != m_entryByUrl.constEnd()) {
            const EntryInfo &info = m_entries.at(*entry);
            return ActorTarget{info.resourceType, info.sourceId, *entry};
        }
        // A urn:uuid (transaction bundles) only means something inside its own Bundle
        // (R4 bundle.html, "Resolving references in Bundles").
        if (reference.startsWith(QLatin1StringView("urn:"))) {
            fields.fail(
                referencePath,
                QStringLiteral("refers to a urn that is no entry's fullUrl in this Bundle"));
            return std::nullopt;
        }
        // Relative "Type/id" or absolute ".../Type/id", either with an optional version
        // (R4 references.html, "Literal references").
        static const QRegularExpression Literal(
            QStringLiteral("^(?:https?://\\S+/)?([A-Z][A-Za-z]+)/(") + FhirId +
            QStringLiteral(")(?:/_history/") + FhirId + QStringLiteral(")?$"));
        const QRegularExpressionMatch m = Literal.match(reference);
        if (m.hasMatch()) {
            const auto inBundle = m_entryByUrl.constFind(m.captured(1) + u'/' + m.captured(2));
            return ActorTarget{m.captured(1), m.captured(2),
                               inBundle == m_entryByUrl.constEnd() ? -1 : *inBundle};
        }
        if (declaredType == QLatin1StringView("Patient") ||
            reference.contains(QLatin1StringView("Patient"))) {
            fields.fail(referencePath, QStringLiteral("expected \"Patient/<id>\" or the urn:uuid "
                                                      "of a Patient entry in this Bundle"));
            return std::nullopt;
        }
        fields.warn(referencePath, QStringLiteral("is not a reference Wardline understands; "
                                                  "this participant is ignored"));
        return std::nullopt;
    }

    void readAppointment(const QJsonObject &resource, const QString &path, const QString &fullUrl,
                         qsizetype order)
    {
        ResourceFields fields;
        AppointmentRecord appointment;
        appointment.sourceId = sourceIdOf(resource, path, fullUrl, fields);
        if (!fields.failed())
            appointment.status = fields.requiredString(resource, path, QStringLiteral("status"));
        if (!fields.failed() && !isAppointmentStatus(appointment.status))
            fields.fail(member(path, QStringLiteral("status")),
                        QStringLiteral("is not an appointment status defined by FHIR R4"));
        if (!fields.failed())
            readTimes(resource, path, appointment, fields);
        if (!fields.failed())
            readParticipants(resource, path, appointment, fields);
        if (!fields.failed()) {
            appointment.description = fields.string(resource, path, QStringLiteral("description"));
            appointment.instructions =
                fields.string(resource, path, QStringLiteral("patientInstruction"));
            appointment.staffComment = fields.string(resource, path, QStringLiteral("comment"));
            appointment.serviceType = readServiceType(resource, path, fields);
        }
        addProblems(order, fields);
        if (!fields.failed())
            m_batch.appointments.append(std::move(appointment));
    }

    void readTimes(const QJsonObject &resource, const QString &path, AppointmentRecord &appointment,
                   ResourceFields &fields)
    {
        for (const auto &[key, target] : {std::pair(QStringLiteral("start"), &appointment.start),
                                          std::pair(QStringLiteral("end"), &appointment.end)}) {
            const QString text = fields.string(resource, path, key);
            if (fields.failed() || text.isEmpty())
                continue;
            Result<QDateTime> instant = parseInstant(text);
            if (!instant) {
                fields.fail(member(path, key), instant.error());
                return;
            }
            *target = std::move(instant).value();
        }
        const auto minutes = fields.positiveInt(resource, path, QStringLiteral("minutesDuration"));
        if (fields.failed())
            return;

        // Invariant app-3: only proposed, cancelled and waitlist appointments may lack times.
        const bool mayLackTimes = appointment.status == QLatin1StringView("proposed") ||
                                  appointment.status == QLatin1StringView("cancelled") ||
                                  appointment.status == QLatin1StringView("waitlist");
        if (!appointment.start.isValid()) {
            if (appointment.end.isValid())
                fields.fail(member(path, QStringLiteral("start")),
                            QStringLiteral("is missing while end is given (FHIR invariant "
                                           "app-2)"));
            else if (!mayLackTimes)
                fields.fail(member(path, QStringLiteral("start")),
                            QStringLiteral("is required unless the status is proposed, "
                                           "cancelled or waitlist (FHIR invariant app-3)"));
            return;
        }
        if (!appointment.end.isValid()) {
            // app-2 wants both, but a reminder needs only the start: keep the appointment.
            if (minutes)
                appointment.end = appointment.start.addSecs(qint64(*minutes) * 60);
            else
                fields.warn(member(path, QStringLiteral("end")),
                            QStringLiteral("is missing; the appointment is kept without an "
                                           "end time"));
            return;
        }
        if (appointment.end < appointment.start)
            fields.fail(member(path, QStringLiteral("end")), QStringLiteral("is before the start"));
    }

    void readParticipants(const QJsonObject &resource, const QString &path,
                          AppointmentRecord &appointment, ResourceFields &fields)
    {
        const QString participantsPath = member(path, QStringLiteral("participant"));
        const QJsonArray participants = fields.array(resource, path, QStringLiteral("participant"));
        bool havePatient = false;
        for (qsizetype i = 0; i < participants.size() && !fields.failed(); ++i) {
            const QString p = indexed(participantsPath, i);
            const QJsonObject participant = fields.element(participants, i, p);
            const QString actorPath = member(p, QStringLiteral("actor"));
            const QJsonObject actor = fields.object(participant, p, QStringLiteral("actor"));
            const QString reference = fields.string(actor, actorPath, QStringLiteral("reference"));
            const QString declaredType = fields.string(actor, actorPath, QStringLiteral("type"));
            const QString display = fields.string(actor, actorPath, QStringLiteral("display"));
            if (fields.failed() || reference.isEmpty())
                continue; // a participant given only by its role or by display text

            const QString referencePath = member(actorPath, QStringLiteral("reference"));
            const std::optional<ActorTarget> target =
                resolveActor(reference, declaredType, referencePath, fields);
            if (!target)
                continue;
            const QString &type = target->resourceType;
            if (type == QLatin1StringView("Patient")) {
                if (havePatient) {
                    fields.fail(referencePath,
                                QStringLiteral("is a second patient; Wardline reminds one "
                                               "patient per appointment"));
                    return;
                }
                if (target->entry >= 0 && !m_entries.at(target->entry).patientImported) {
                    fields.fail(referencePath,
                                QStringLiteral("refers to a Patient entry of this Bundle that "
                                               "was not imported (see the problem for it)"));
                    return;
                }
                havePatient = true;
                appointment.patientSourceId = target->sourceId;
            } else if (type == QLatin1StringView("Practitioner") ||
                       type == QLatin1StringView("PractitionerRole")) {
                if (appointment.provider.isEmpty())
                    appointment.provider = display;
            } else if (type == QLatin1StringView("Location")) {
                if (appointment.location.isEmpty())
                    appointment.location = display;
            }
        }
        if (fields.failed())
            return;
        if (participants.isEmpty())
            fields.fail(participantsPath, QStringLiteral("is required but missing"));
        else if (!havePatient)
            fields.fail(participantsPath,
                        QStringLiteral("names no patient, so there is nobody to remind"));
    }

    QString readServiceType(const QJsonObject &resource, const QString &path,
                            ResourceFields &fields)
    {
        const QString typesPath = member(path, QStringLiteral("serviceType"));
        const QJsonArray types = fields.array(resource, path, QStringLiteral("serviceType"));
        for (qsizetype i = 0; i < types.size() && !fields.failed(); ++i) {
            const QString p = indexed(typesPath, i);
            const QJsonObject codeable = fields.element(types, i, p);
            const QString text = fields.string(codeable, p, QStringLiteral("text"));
            if (!text.isEmpty())
                return text;
            const QJsonArray codings = fields.array(codeable, p, QStringLiteral("coding"));
            for (qsizetype c = 0; c < codings.size() && !fields.failed(); ++c) {
                const QString cp = indexed(member(p, QStringLiteral("coding")), c);
                const QJsonObject coding = fields.element(codings, c, cp);
                const QString display = fields.string(coding, cp, QStringLiteral("display"));
                if (!display.isEmpty())
                    return display;
            }
        }
        return {};
    }

    QString m_defaultRegion;
    ImportBatch m_batch;
    QList<std::pair<qsizetype, ImportProblem>> m_problems; // ordered by entry when done
    QList<EntryInfo> m_entries;
    QHash<QString, qsizetype> m_entryByUrl; // fullUrl and "Type/id" → index in m_entries
};

} // namespace

ImportBatch readFhirJson(const QByteArray &json, const QString &defaultRegion)
{
    return FhirReader(defaultRegion).read(json);
}

} // namespace Wardline::Core
