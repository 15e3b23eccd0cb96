#pragma once

#include "console/hubsession.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>

class QUrlQuery;

namespace Wardline::Console {

class HubClient;

/// One entry of the hub's audit trail: who did what to which subject, when.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString action;
    QString subject; ///< "patient:12", "conversation:5", "appointment:3", "user:2", "audit" …
    QString detail;  ///< where it came from and a few facts; never message text
};

/// What the audit viewer asks for; empty fields do not filter.
struct AuditFilter
{
    QString actor;   ///< exact user name
    QString action;  ///< exact action ("conversation.open", "appointment.reschedule" …)
    QString subject; ///< "kind:id" exactly, or "kind:" for every subject of that kind
    /// A patient's record number, phone or part of their name: every record about them
    /// (their conversations, appointments, photos and files too). The hub resolves it.
    QString patient;
    QDateTime from; ///< inclusive
    QDateTime to;   ///< exclusive
    int limit = 1000;

    /// The query of GET /api/v1/audit.
    [[nodiscard]] QUrlQuery query() const;
    /// The hub filters subjects by prefix ("conversation:5" also finds "conversation:51");
    /// true when \a entry is what this filter means.
    [[nodiscard]] bool matches(const AuditEntry &entry) const;
};

/// The answer of GET /api/v1/audit/verify.
struct AuditVerification
{
    bool intact = false;
    qint64 entries = 0; ///< checked, when intact
    QString problem;    ///< the first bad entry, when not
};

/// The audit viewer's calls: entries by filter, and the hub's check of the hash chain.
class AuditClient : public QObject
{
    Q_OBJECT
public:
    /// \a hub is not owned and must outlive this client.
    AuditClient(HubClient &hub, HubSession session, QObject *parent = nullptr);

    /// Entries matching \a filter, newest first: entriesLoaded() or failed().
    void search(const AuditFilter &filter);
    /// Runs the hub's verification of the whole trail: verified() or failed().
    void verify();

    [[nodiscard]] static QList<AuditEntry> entriesFromJson(const QJsonObject &body);

Q_SIGNALS:
    void entriesLoaded(const QList<Wardline::Console::AuditEntry> &entries);
    void verified(const Wardline::Console::AuditVerification &result);
    void failed(const QString &message);

private:
    HubClient &m_hub;
    HubSession m_session;
    quint64 m_searches = 0; ///< only the latest search's answer is shown
};

} // namespace Wardline::Console
