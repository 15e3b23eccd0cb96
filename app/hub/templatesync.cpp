#include "hub/templatesync.h"

#include "core/clock.h"
#include "hub/caremessages.h"
#include "hub/logging.h"
#include "store/database.h"
#include "store/eventlog.h"
#include "whatsapp/graphclient.h"
#include "whatsapp/graphtemplate.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace Wardline::Hub {

TemplateSync::TemplateSync(QSqlDatabase db, WhatsApp::GraphClient &client, const Core::Clock &clock,
                           QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_client(client)
    , m_clock(clock)
{
}

Core::Status TemplateSync::store(const WhatsApp::GraphTemplate &t)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO templates (meta_id, name, language, category, status, components, reason, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name, language) DO UPDATE SET "
        "meta_id = excluded.meta_id, category = excluded.category, status = excluded.status, "
        "components = excluded.components, reason = excluded.reason, updated_at = "
        "excluded.updated_at"));
    for (const QVariant &v :
         {QVariant(t.id), QVariant(t.name), QVariant(t.language), QVariant(t.category),
          QVariant(t.status.isEmpty() ? QStringLiteral("PENDING") : t.status),
          QVariant(QString::fromUtf8(QJsonDocument(t.components).toJson(QJsonDocument::Compact))),
          QVariant(t.rejectedReason), QVariant(m_clock.now())})
        q.addBindValue(v);
    if (!q.exec())
        return Core::Status::failure(Store::Database::describe(q.lastError()));
    return {};
}

void TemplateSync::start()
{
    m_client.listTemplates(this, [this](WhatsApp::GraphResult<QList<WhatsApp::GraphTemplate>> r) {
        if (!r.ok()) {
            qCWarning(lcHub, "templates: listing them failed: %s",
                      qUtf8Printable(r.error().logSummary()));
            Q_EMIT finished(0, r.error().logSummary());
            return;
        }
        QSet<QString> present;
        for (const WhatsApp::GraphTemplate &t : r.value()) {
            present.insert(t.name + u'/' + t.language);
            if (auto s = store(t); !s)
                qCCritical(lcHub, "templates: not recorded: %s", qUtf8Printable(s.error()));
        }
        for (WhatsApp::GraphTemplate t : CareMessages::builtIn().defaultTemplates()) {
            if (present.contains(t.name + u'/' + t.language))
                continue;
            ++m_waiting;
            m_client.createTemplate(
                t, this, [this, t](WhatsApp::GraphResult<WhatsApp::CreatedTemplate> created) {
                    if (!created.ok()) {
                        submitted(created.error().logSummary());
                        return;
                    }
                    WhatsApp::GraphTemplate stored = t;
                    stored.id = created.value().id;
                    stored.status = created.value().status;
                    auto s = store(stored);
                    ++m_submitted;
                    submitted(s ? QString() : s.error());
                });
        }
        if (m_waiting == 0)
            Q_EMIT finished(0, {});
    });
}

void TemplateSync::submitted(const QString &error)
{
    if (!error.isEmpty()) {
        qCWarning(lcHub, "templates: a default template was not submitted: %s",
                  qUtf8Printable(error));
        m_error = error;
    }
    if (--m_waiting == 0) {
        qCInfo(lcHub, "templates: %d default templates submitted to Meta for review", m_submitted);
        Q_EMIT finished(m_submitted, m_error);
    }
}

} // namespace Wardline::Hub
