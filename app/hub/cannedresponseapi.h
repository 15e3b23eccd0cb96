#pragma once

#include "core/user.h"

#include <QJsonObject>
#include <QObject>
#include <QSqlDatabase>

#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Hub {

class StaffApi;

/// Canned responses: saved replies staff insert in the composer and edit before sending, one
/// shortcut per language. The hub fills the site's placeholders ({site_phone} …) in "text";
/// consoles fill the patient's. Changes are audited and announced as the event
/// canned_responses.changed:
// clang-format off
///   GET    /api/v1/canned-responses?language=L   every one, or those in L (staff who send messages, administrators)
///   POST   /api/v1/canned-responses              {"shortcut", "language", "title", "body"} (administrators)
///   PUT    /api/v1/canned-responses/ID           the same fields, all of them
///   DELETE /api/v1/canned-responses/ID
// clang-format on
class CannedResponseApi : public QObject
{
    Q_OBJECT
public:
    CannedResponseApi(QSqlDatabase db, StaffApi &staff, const Core::Clock &clock,
                      QObject *parent = nullptr);

    void addRoutes(QHttpServer &server);

    /// The placeholders a body may use, without braces ("patient_first_name", "site_phone" …).
    [[nodiscard]] static const QStringList &placeholders();
    /// Why \a fields cannot be stored (a message for staff naming the field), or nothing.
    [[nodiscard]] static std::optional<QString> problemWith(const QJsonObject &fields,
                                                            QString *field);

private:
    [[nodiscard]] QHttpServerResponse list(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse create(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse update(qint64 id, const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse remove(qint64 id, const QHttpServerRequest &request);
    /// Stores \a fields as a new response (\a id 0) or over \a id, with its audit entry and
    /// event, in one transaction.
    [[nodiscard]] QHttpServerResponse save(qint64 id, const QHttpServerRequest &request);
    /// The site's placeholder values that are set ({"site_phone": "+1 555 …"}).
    [[nodiscard]] QHash<QString, QString> siteValues() const;

    QSqlDatabase m_db;
    StaffApi &m_staff;
    const Core::Clock &m_clock;
};

} // namespace Wardline::Hub
