#include "core/appointment.h"

#include <QRegularExpression>

#include <array>

namespace Wardline::Core {

bool isAppointmentStatus(const QString &status)
{
    // FHIR R4 CodeSystem http://hl7.org/fhir/appointmentstatus (codesystem-appointmentstatus).
    static constexpr std::array<const char *, 10> Codes{
        "proposed",  "pending", "booked",           "arrived",    "fulfilled",
        "cancelled", "noshow",  "entered-in-error", "checked-in", "waitlist",
    };
    for (const char *code : Codes) {
        if (status == QLatin1StringView(code))
            return true;
    }
    return false;
}

QString primaryLanguageSubtag(const QString &tag)
{
    // RFC 5646 §2.1: the language subtag is 2-3 letters (4-8 are reserved or registered for
    // rare cases a reminder system will not meet); further subtags are 1-8 alphanumerics.
    // Underscores are accepted because locale names ("en_US") turn up in exports.
    static const QRegularExpression Tag(
        QStringLiteral("^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$"));
    const QRegularExpressionMatch m = Tag.match(tag.trimmed());
    return m.hasMatch() ? m.captured(1).toLower() : QString();
}

} // namespace Wardline::Core
