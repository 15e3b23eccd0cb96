#pragma once

#include <QDateTime>
#include <QString>

namespace Wardline::Core {

/// Whether automated messages may go to a patient (STOP / START).
enum class OptIn { Unknown, OptedIn, OptedOut };

/// A patient as known from WhatsApp. One patient even when Meta rewrites the number
/// (wa_id) or only a business-scoped user id is known: \c id is ours, the rest can change.
struct Patient
{
    qint64 id = 0;
    QString waId;           ///< WhatsApp id (digits of the phone number), may be empty
    QString businessUserId; ///< business-scoped user id, when Meta sends one
    QString phoneE164;      ///< "+15551234567", may be empty
    QString profileName;    ///< name from the WhatsApp profile
    QString displayName;    ///< name as the hospital records it
    QString language;       ///< BCP 47, e.g. "en", "es"
    QString timeZone;       ///< IANA id, e.g. "America/Chicago"
    OptIn optIn = OptIn::Unknown;
    QDateTime createdAt;

    /// The name staff should see: the hospital's record first, then the WhatsApp profile.
    [[nodiscard]] QString nameForStaff() const
    {
        return displayName.isEmpty() ? profileName : displayName;
    }
};

} // namespace Wardline::Core
