#pragma once

#include "core/clock.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringView>

namespace Wardline::Sim {

/// A WhatsApp user the simulator knows: the patients who wrote or were written to.
struct Contact
{
    QString waId;          ///< digits only, as Meta writes wa_id
    QString name;          ///< profile name; empty until the user writes
    QString userId;        ///< business-scoped user id (BSUID)
    QDateTime lastInbound; ///< invalid: never wrote (no customer service window)
};

/// The users of the simulated number: number normalisation (with Meta's rewrites), their
/// customer service windows and their open conversations.
///
/// Window: 24 h from the user's last message, each new one restarts it
/// (https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages#customer-service-windows).
class ContactBook
{
public:
    /// An open conversation for pricing and statuses[].conversation.
    struct Conversation
    {
        QString id;
        QDateTime expires;
    };

    ContactBook(const Core::Clock &clock, QHash<QString, QString> rewrites, int windowHours);

    /// The digits of \a phone ("+1 (202) 555-0134" → "12025550134").
    [[nodiscard]] static QString digitsOf(QStringView phone);
    /// The wa_id Meta would answer for \a input as the business sent it: its digits, rewritten
    /// when the number is one Meta rewrites; empty when \a input is not a phone number.
    [[nodiscard]] QString resolve(QStringView input) const;

    [[nodiscard]] const Contact *find(const QString &waId) const;
    /// The contact, created (with a fresh BSUID) on first use.
    Contact &ensure(const QString &waId);
    /// A message from \a waId now: (re)opens the window, remembers the profile name.
    Contact &recordInbound(const QString &waId, const QString &profileName);

    [[nodiscard]] bool windowOpen(const QString &waId) const;
    [[nodiscard]] QDateTime windowExpiry(const QString &waId) const;

    /// The conversation of \a category ("service", "utility", …) with \a waId, opened now for
    /// 24 hours when none is open; \a opened tells whether it was.
    Conversation conversation(const QString &waId, const QString &category, bool *opened);

    /// ISO country of a number by its calling code, for BSUIDs ("US" when unknown).
    [[nodiscard]] static QString countryOf(QStringView waId);

private:
    const Core::Clock &m_clock;
    QHash<QString, QString> m_rewrites;
    int m_windowHours;
    QHash<QString, Contact> m_contacts;
    QHash<QString, Conversation> m_conversations; // key: waId + '/' + category
};

} // namespace Wardline::Sim
