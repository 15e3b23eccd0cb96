#pragma once

#include <QString>

#include <optional>

namespace Wardline::Core {

/// The E.164 form ("+15551234567") of a phone number as staff or a record system wrote it,
/// checked against libphonenumber's numbering plans. \a defaultRegion (ISO 3166-1 alpha-2) is
/// the country assumed for numbers written without a country code. Numbers that are not valid
/// for their country, and numbers with an extension (WhatsApp cannot dial one), give nullopt.
[[nodiscard]] std::optional<QString>
normalizeToE164(const QString &input, const QString &defaultRegion = QStringLiteral("US"));

/// The WhatsApp id for an E.164 number: its digits without the '+' (Cloud API "wa_id").
[[nodiscard]] QString waIdFromE164(const QString &e164);

} // namespace Wardline::Core
