#include "hub/templatesync.h"

#include "core/clock.h"
#include "hub/caremessages.h"
#include "hub/logging.h"
#include "store/database.h"
#include "store/eventlog.h"
#include "whatsapp/graphclient.h"
#include "whatsapp/graphtemplate.h"

#include <QJsonArray>
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
    return Store::Database::exec(
        m_db,
        QStringLiteral(
            "INSERT INTO templates (meta_id, name, language, category, status, components, "
            "reason, parameter_format, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON "
            "CONFLICT (name, language) DO UPDATE SET meta_id = excluded.meta_id, category = "
            "excluded.category, status = excluded.status, components = excluded.components, "
            "reason = excluded.reason, parameter_format = excluded.parameter_format, updated_at "
            "= excluded.updated_at"),
        {t.id, t.name, t.language, t.category,
         t.status.isEmpty() ? QStringLiteral("PENDING") : t.status,
         QString::fromUtf8(QJsonDocument(t.components).toJson(QJsonDocument::Compact)),
         t.rejectedReason, t.parameterFormat, m_clock.now()});
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

void TemplateSync::submitWaiting()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT name, language, category, components, parameter_format "
                               "FROM templates WHERE status = 'SUBMITTING'")))
        return;
    QList<WhatsApp::GraphTemplate> waiting;
    while (q.next()) {
        WhatsApp::GraphTemplate t;
        t.name = q.value(0).toString();
        t.language = q.value(1).toString();
        t.category = q.value(2).toString();
        t.components = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array();
        t.parameterFormat = q.value(4).toString();
        waiting.append(t);
    }
    q.finish();
    for (const WhatsApp::GraphTemplate &t : std::as_const(waiting)) {
        ++m_waiting;
        // A media heading's example file the administrator chose: Meta reviews it by the
        // handle its Resumable Upload API gives, never by an address.
        qsizetype headerIndex = -1;
        QString example;
        for (qsizetype i = 0; i < t.components.size(); ++i) {
            const QJsonObject c = t.components.at(i).toObject();
            if (c.value(u"type").toString().toUpper() != u"HEADER")
                continue;
            example =
                c.value(u"example").toObject().value(u"header_handle").toArray().at(0).toString();
            headerIndex = i;
        }
        if (!example.startsWith(ExamplePrefix)) {
            create(t, t);
            continue;
        }
        QSqlQuery file(m_db);
        file.prepare(QStringLiteral("SELECT mime_type, data FROM media WHERE id = ?"));
        file.addBindValue(example.mid(ExamplePrefix.size()).toLongLong());
        if (!file.exec() || !file.next()) {
            record(t, {}, {},
                   QStringLiteral("The example image is no longer kept; choose it again."));
            continue;
        }
        const QString mime = file.value(0).toString();
        const QByteArray data = file.value(1).toByteArray();
        file.finish();
        m_client.uploadForReview(
            m_appId, data,
            t.name + (mime == u"image/png" ? QStringLiteral(".png") : QStringLiteral(".jpg")), mime,
            this, [this, t, headerIndex](WhatsApp::GraphResult<QString> handle) {
                if (!handle.ok()) {
                    record(t, {}, {},
                           QStringLiteral("The example image could not be uploaded to WhatsApp: ") +
                               handle.error().logSummary());
                    return;
                }
                WhatsApp::GraphTemplate withHandle = t;
                QJsonObject header = withHandle.components.at(headerIndex).toObject();
                QJsonObject headerExample = header.value(u"example").toObject();
                headerExample.insert(QStringLiteral("header_handle"), QJsonArray{handle.value()});
                header.insert(QStringLiteral("example"), headerExample);
                withHandle.components.replace(headerIndex, header);
                create(t, withHandle);
            });
    }
}

void TemplateSync::create(const WhatsApp::GraphTemplate &stored,
                          const WhatsApp::GraphTemplate &toSubmit)
{
    m_client.createTemplate(
        toSubmit, this, [this, stored](WhatsApp::GraphResult<WhatsApp::CreatedTemplate> created) {
            if (created.ok())
                record(stored, created.value().id, created.value().status, {});
            else // Meta refused the submission itself: show the administrator why.
                record(stored, {}, {}, created.error().logSummary());
        });
}

void TemplateSync::record(WhatsApp::GraphTemplate stored, const QString &metaId,
                          const QString &status, const QString &refusal)
{
    // The stored components keep the example as the hub's own file, so it can be shown again.
    if (refusal.isEmpty()) {
        stored.id = metaId;
        stored.status = status;
        ++m_submitted;
    } else {
        stored.status = QStringLiteral("REJECTED");
        stored.rejectedReason = refusal;
    }
    auto s = store(stored);
    auto e = Store::EventLog(m_db).append(QStringLiteral("template.status"),
                                          {{QStringLiteral("name"), stored.name},
                                           {QStringLiteral("language"), stored.language},
                                           {QStringLiteral("status"), stored.status}},
                                          m_clock.now());
    submitted(!s ? s.error() : !e ? e.error() : QString());
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
