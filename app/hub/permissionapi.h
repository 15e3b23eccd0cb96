#pragma once

#include <QJsonObject>
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

/// The permission table on the staff API (administrators, manage_users). Changes are kept
/// within limits (locked cells, read_events under what needs it), all or nothing, audited per
/// cell, and announced to every console with a permissions.changed event:
// clang-format off
///   GET /api/v1/permissions   {"cells": [{"role", "permission", "allowed", "default", "locked", "lockReason"}]}
///   PUT /api/v1/permissions   {"changes": [{"role", "permission", "allowed"}], "reason"} → the table as GET
// clang-format on
class PermissionApi : public QObject
{
    Q_OBJECT
public:
    PermissionApi(QSqlDatabase db, StaffApi &staff, const Core::Clock &clock,
                  QObject *parent = nullptr);

    void addRoutes(QHttpServer &server);

private:
    [[nodiscard]] QHttpServerResponse list(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse change(const QHttpServerRequest &request);
    [[nodiscard]] QJsonObject table() const;

    QSqlDatabase m_db;
    StaffApi &m_staff;
    const Core::Clock &m_clock;
};

} // namespace Wardline::Hub
