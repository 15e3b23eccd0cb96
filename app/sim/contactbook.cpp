#include "sim/contactbook.h"

#include "sim/simids.h"

namespace Wardline::Sim {

ContactBook::ContactBook(const Core::Clock &clock, QHash<QString, QString> rewrites,
                         int windowHours)
    : m_clock(clock)
    , m_rewrites(std::move(rewrites))
    , m_windowHours(windowHours)
{
}

QString ContactBook::digitsOf(QStringView phone)
{
    QString digits;
    for (const QChar c : phone) {
        if (c >= u'0' && c <= u'9')
            digits.append(c);
    }
    return digits;
}

QString ContactBook::resolve(QStringView input) const
{
    // Only a phone number's usual punctuation may surround the digits.
    for (const QChar c : input) {
        if (!(c.isDigit() || c == u'+' || c == u' ' || c == u'-' || c == u'(' || c == u')' ||
              c == u'.'))
            return {};
    }
    const QString digits = digitsOf(input);
    // E.164: at most 15 digits; shorter than 7 is no subscriber number anywhere.
    if (digits.size() < 7 || digits.size() > 15)
        return {};
    return m_rewrites.value(digits, digits);
}

const Contact *ContactBook::find(const QString &waId) const
{
    const auto it = m_contacts.constFind(waId);
    return it == m_contacts.constEnd() ? nullptr : &*it;
}

Contact &ContactBook::ensure(const QString &waId)
{
    auto it = m_contacts.find(waId);
    if (it == m_contacts.end()) {
        Contact contact;
        contact.waId = waId;
        contact.userId = SimIds::businessScopedUserId(countryOf(waId));
        it = m_contacts.insert(waId, contact);
    }
    return *it;
}

Contact &ContactBook::recordInbound(const QString &waId, const QString &profileName)
{
    Contact &contact = ensure(waId);
    if (!profileName.isEmpty())
        contact.name = profileName;
    contact.lastInbound = m_clock.now();
    return contact;
}

bool ContactBook::windowOpen(const QString &waId) const
{
    const QDateTime expiry = windowExpiry(waId);
    return expiry.isValid() && m_clock.now() < expiry;
}

QDateTime ContactBook::windowExpiry(const QString &waId) const
{
    const Contact *contact = find(waId);
    if (!contact || !contact->lastInbound.isValid())
        return {};
    return contact->lastInbound.addSecs(qint64(m_windowHours) * 3600);
}

ContactBook::Conversation ContactBook::conversation(const QString &waId, const QString &category,
                                                    bool *opened)
{
    const QString key = waId + u'/' + category;
    const QDateTime now = m_clock.now();
    auto it = m_conversations.find(key);
    if (it != m_conversations.end() && now < it->expires) {
        *opened = false;
        return *it;
    }
    *opened = true;
    const Conversation fresh{SimIds::conversationId(), now.addSecs(24 * 3600)};
    m_conversations.insert(key, fresh);
    return fresh;
}

QString ContactBook::countryOf(QStringView waId)
{
    struct Code
    {
        QStringView prefix;
        QStringView country;
    };
    static constexpr Code Codes[] = {
        {u"1", u"US"},  {u"34", u"ES"}, {u"52", u"MX"}, {u"55", u"BR"}, {u"44", u"GB"},
        {u"49", u"DE"}, {u"33", u"FR"}, {u"39", u"IT"}, {u"91", u"IN"}, {u"54", u"AR"},
        {u"57", u"CO"}, {u"51", u"PE"}, {u"56", u"CL"}, {u"31", u"NL"}, {u"351", u"PT"},
    };
    QStringView best;
    QStringView country = u"US";
    for (const Code &code : Codes) {
        if (waId.startsWith(code.prefix) && code.prefix.size() > best.size()) {
            best = code.prefix;
            country = code.country;
        }
    }
    return country.toString();
}

} // namespace Wardline::Sim
