#pragma once

#include "console/hubsession.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Wardline::Console {

class HubClient;

/// One canned response as the hub keeps it (GET /api/v1/canned-responses).
struct CannedResponse
{
    qint64 id = 0;
    QString shortcut; ///< "/directions"
    QString language; ///< "en", "es"
    QString title;
    QString body; ///< as the administrator wrote it, every placeholder in braces
    QString text; ///< the body with the site's values filled in by the hub
};

/// Why the hub refused to save a canned response; \a field ("shortcut", "title", "body",
/// "language") names what to correct when the hub said.
struct CannedRefusal
{
    QString field;
    QString message;
};

/// The site's canned responses for one signed-in session: fetched once, fetched again when the
/// hub announces a change (canned_responses.changed), and kept by administrators through
/// save() and remove(). Answers arrive on this object's thread, never after it is gone.
class CannedResponses : public QObject
{
    Q_OBJECT
public:
    /// \a hub is not owned and must outlive this object.
    CannedResponses(HubClient &hub, HubSession session, QObject *parent = nullptr);

    /// The event kind the hub appends when an administrator changed them.
    [[nodiscard]] static QString changedEvent()
    {
        return QStringLiteral("canned_responses.changed");
    }
    /// A shortcut as the hub accepts it: / and up to 32 lower-case letters, digits, - or _.
    [[nodiscard]] static bool isShortcut(const QString &shortcut);
    /// The placeholders the hub accepts, without braces.
    [[nodiscard]] static QStringList placeholders();
    /// The names of the placeholders \a body uses that Wardline does not fill.
    [[nodiscard]] static QStringList unknownPlaceholders(const QString &body);
    /// \a text with each {name} of \a values replaced; an empty value leaves its placeholder
    /// in view for staff to fill by hand.
    [[nodiscard]] static QString fill(QString text, const QHash<QString, QString> &values);

    /// Asks the hub for the list again; changed() or failed() follows.
    void refresh();
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] const QList<CannedResponse> &all() const { return m_all; }
    /// Those in \a language ("es" also matches "es_MX" and the reverse), by shortcut.
    [[nodiscard]] QList<CannedResponse> inLanguage(const QString &language) const;
    /// The signed-in staff member's name, for {staff_name}.
    [[nodiscard]] QString staffName() const;

    /// Creates (\a response.id 0) or replaces a response; \a done gets no refusal on success,
    /// and the list is fetched again.
    void save(const CannedResponse &response,
              std::function<void(std::optional<CannedRefusal>)> done);
    void remove(qint64 id, std::function<void(std::optional<CannedRefusal>)> done);

Q_SIGNALS:
    /// The list was (re)loaded.
    void changed();
    void failed(const QString &message);

private:
    HubClient &m_hub;
    HubSession m_session;
    QList<CannedResponse> m_all;
    bool m_loaded = false;
    // One listing at a time, and one more when asked meanwhile, so an older answer never
    // replaces a newer one.
    bool m_refreshing = false;
    bool m_refreshAgain = false;
};

} // namespace Wardline::Console
