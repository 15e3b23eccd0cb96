#pragma once

#include "core/result.h"

#include <QObject>
#include <QSqlDatabase>

namespace Wardline::Core {
class Clock;
}
namespace Wardline::WhatsApp {
class GraphClient;
struct GraphTemplate;
} // namespace Wardline::WhatsApp

namespace Wardline::Hub {

/// Keeps the hub's templates table in step with the WhatsApp Business Account: on start it
/// lists every template Meta holds (name, language, category, status, components) and submits
/// the hub's default UTILITY templates that are missing; status webhooks do the rest.
class TemplateSync : public QObject
{
    Q_OBJECT
public:
    TemplateSync(QSqlDatabase db, WhatsApp::GraphClient &client, const Core::Clock &clock,
                 QObject *parent = nullptr);

    void start();
    /// Sends every template recorded as SUBMITTING (an administrator's new template or new
    /// language version) to Meta for review; called after such a row is committed.
    void submitWaiting();
    /// The Meta app whose Resumable Upload API takes example files (whatsapp/app_id).
    void setAppId(const QString &appId) { m_appId = appId; }

    /// The prefix of an example.header_handle that names a file in the hub's media table (an
    /// administrator's example image): uploaded for its real handle just before submission.
    static constexpr QLatin1StringView ExamplePrefix{"wardline-media:"};

Q_SIGNALS:
    /// The listing and every submission have answered; \a submitted new templates.
    void finished(int submitted, const QString &error);

private:
    [[nodiscard]] Core::Status store(const WhatsApp::GraphTemplate &t);
    void submitted(const QString &error);
    /// Submits \a toSubmit (\a stored with its example file's handle) and records the answer.
    void create(const WhatsApp::GraphTemplate &stored, const WhatsApp::GraphTemplate &toSubmit);
    /// Records a submission: Meta's id and status, or REJECTED with \a refusal.
    void record(WhatsApp::GraphTemplate stored, const QString &metaId, const QString &status,
                const QString &refusal);

    QSqlDatabase m_db;
    WhatsApp::GraphClient &m_client;
    const Core::Clock &m_clock;
    QString m_appId;
    int m_waiting = 0;
    int m_submitted = 0;
    QString m_error;
};

} // namespace Wardline::Hub
