#pragma once

#include <QObject>
#include <QSqlDatabase>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Hub {

class StaffApi;

/// The staff API's administration and audit requests, each checked against the permission
/// table; every change is audited:
// clang-format off
///   GET  /api/v1/settings                  the site settings with defaults and help (administrators)
///   PUT  /api/v1/settings                  {"key": "value", …}: checked, stored, audited one by one
///   GET  /api/v1/audit?actor=&action=&subject=&from=&to=&limit=   the trail, newest first
///   GET  /api/v1/audit/verify              recomputes the hash chain (auditors, administrators)
// clang-format on
class AdminApi : public QObject
{
    Q_OBJECT
public:
    AdminApi(QSqlDatabase db, StaffApi &staff, const Core::Clock &clock, QObject *parent = nullptr);

    void addRoutes(QHttpServer &server);

private:
    [[nodiscard]] QHttpServerResponse settings(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse changeSettings(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse audit(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse verifyAudit(const QHttpServerRequest &request);

    QSqlDatabase m_db;
    StaffApi &m_staff;
    const Core::Clock &m_clock;
};

} // namespace Wardline::Hub
