#pragma once

#include <QObject>
#include <QSqlDatabase>

#include <functional>

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
///   GET  /api/v1/audit?actor=&action=&subject=&patient=&from=&to=&limit=   the trail, newest
///        first; patient= (number, phone or part of a name) finds every record about them
///   GET  /api/v1/audit/verify              recomputes the hash chain (auditors, administrators)
///   POST /api/v1/templates                 {"name", "language", "category", "components", "parameterFormat"?}: checked against Meta's rules, then submitted for review
// clang-format on
class AdminApi : public QObject
{
    Q_OBJECT
public:
    AdminApi(QSqlDatabase db, StaffApi &staff, const Core::Clock &clock, QObject *parent = nullptr);

    void addRoutes(QHttpServer &server);
    /// Called after a template was recorded for submission (TemplateSync::submitWaiting).
    void setTemplateSubmitter(std::function<void()> submit)
    {
        m_submitTemplates = std::move(submit);
    }

private:
    [[nodiscard]] QHttpServerResponse settings(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse changeSettings(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse audit(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse verifyAudit(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse submitTemplate(const QHttpServerRequest &request);

    QSqlDatabase m_db;
    StaffApi &m_staff;
    const Core::Clock &m_clock;
    std::function<void()> m_submitTemplates;
};

} // namespace Wardline::Hub
