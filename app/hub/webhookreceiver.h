#pragma once

#include "hub/httplistener.h"

#include <QObject>
#include <QSqlDatabase>

namespace Wardline::Core {
class Clock;
}
namespace Wardline::WhatsApp {
struct WebhookBatch;
struct WebhookTemplateStatus;
} // namespace Wardline::WhatsApp

namespace Wardline::Hub {

class CareFlow;

/// Meta's webhooks in: the GET handshake, then every POST's signature checked over its raw
/// bytes, parsed, and committed durably before it is answered 200. Deliveries that arrive
/// together share one transaction (group commit), so durability costs one fsync per group, not
/// per request. Redeliveries change nothing (unique wamid; statuses by wamid + status).
class WebhookReceiver : public QObject
{
    Q_OBJECT
public:
    WebhookReceiver(QSqlDatabase db, QByteArray appSecret, QString verifyToken,
                    const Core::Clock &clock, QObject *parent = nullptr);
    ~WebhookReceiver() override;

    /// Every new patient message is handed to \a careFlow inside the transaction that stores
    /// it (triage, the emergency reply, workflows); without one, messages are only stored.
    void setCareFlow(CareFlow *careFlow) { m_careFlow = careFlow; }

    /// The HttpListener handler.
    void handle(const HttpRequest &request, HttpResponder responder);

    /// Transactions committed so far (each holds one or more deliveries).
    [[nodiscard]] qint64 commits() const { return m_commits; }
    [[nodiscard]] qint64 deliveries() const { return m_deliveries; }

Q_SIGNALS:
    /// Patient messages that were stored for the first time, after their commit.
    void messagesStored(const QList<qint64> &messageIds);

private:
    struct Pending;
    void handshake(const HttpRequest &request, HttpResponder responder);
    void flush();
    [[nodiscard]] Core::Status store(const Pending &delivery, QList<qint64> *newMessages);
    [[nodiscard]] Core::Status storeTemplateStatus(const WhatsApp::WebhookTemplateStatus &status,
                                                   const QDateTime &now);

    QSqlDatabase m_db;
    QByteArray m_appSecret;
    QString m_verifyToken;
    const Core::Clock &m_clock;
    CareFlow *m_careFlow = nullptr;
    QList<Pending> m_pending;
    bool m_flushScheduled = false;
    qint64 m_commits = 0;
    qint64 m_deliveries = 0;
};

} // namespace Wardline::Hub
