#include "core/phonenumber.h"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <string>

namespace Wardline::Core {

namespace {
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// Far longer than any written phone number; bounds the work done on hostile import files.
constexpr qsizetype MaxInputLength = 64;

const PhoneNumberUtil &phoneNumberUtil()
{
    // The library logs parse failures through its own logger, which could echo what was being
    // parsed: a patient's number must never reach a log, so it gets a logger that drops all.
    static const PhoneNumberUtil *const util = [] {
        PhoneNumberUtil *instance = PhoneNumberUtil::GetInstance();
        instance->SetLogger(new i18n::phonenumbers::NullLogger()); // takes ownership
        return instance;
    }();
    return *util;
}
} // namespace

std::optional<QString> normalizeToE164(const QString &input, const QString &defaultRegion)
{
    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > MaxInputLength)
        return std::nullopt;

    const PhoneNumberUtil &util = phoneNumberUtil();
    PhoneNumber number;
    const auto error =
        util.Parse(trimmed.toStdString(), defaultRegion.toUpper().toStdString(), &number);
    if (error != PhoneNumberUtil::NO_PARSING_ERROR || number.has_extension() ||
        !util.IsValidNumber(number))
        return std::nullopt;

    std::string e164;
    util.Format(number, PhoneNumberUtil::E164, &e164);
    return QString::fromStdString(e164);
}

QString waIdFromE164(const QString &e164)
{
    QString digits;
    digits.reserve(e164.size());
    for (const QChar c : e164) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digits += c;
    }
    return digits;
}

} // namespace Wardline::Core
