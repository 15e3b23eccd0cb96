#include "hub/mediafetcher.h"

#include "core/clock.h"
#include "core/imagemetadata.h"
#include "hub/logging.h"
#include "store/database.h"
#include "store/eventlog.h"
#include "whatsapp/graphclient.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace Wardline::Hub {

MediaFetcher::MediaFetcher(QSqlDatabase db, WhatsApp::GraphClient &client, const Core::Clock &clock,
                           QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_client(client)
    , m_clock(clock)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &MediaFetcher::poll);
}

void MediaFetcher::start()
{
    m_timer->start(60 * 1000);
    poll();
}

void MediaFetcher::poll()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, meta_media_id, mime_type, attempts FROM media WHERE "
                             "state = 'pending' ORDER BY id LIMIT 20"));
    if (!q.exec()) {
        qCWarning(lcHub, "media: %s", qUtf8Printable(Store::Database::describe(q.lastError())));
        return;
    }
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (!m_inFlight.contains(id))
            fetch(id, q.value(1).toString(), q.value(2).toString().toLatin1(), q.value(3).toInt());
    }
}

void MediaFetcher::fetch(qint64 rowId, const QString &mediaId, const QByteArray &mimeType,
                         int attempts)
{
    m_inFlight.insert(rowId);
    m_client.downloadMedia(
        mediaId, this,
        [this, rowId, mimeType, attempts](WhatsApp::GraphResult<WhatsApp::MediaFile> result) {
            m_inFlight.remove(rowId);
            if (!result) {
                record(rowId, {}, result.error().logSummary(), attempts + 1);
                return;
            }
            // The client already checked the bytes against the SHA-256 in the webhook's
            // media info; photos lose their metadata before they are kept.
            QByteArray type = mimeType.isEmpty() ? result->info.mimeType.toLatin1() : mimeType;
            if (const qsizetype semicolon = type.indexOf(';'); semicolon >= 0)
                type.truncate(semicolon); // "image/jpeg; charset=..." → "image/jpeg"
            auto clean = Core::ImageMetadata::strip(result->data, type.trimmed());
            if (!clean)
                record(rowId, {}, clean.error(), MaxAttempts); // unreadable: never shown as is
            else
                record(rowId, clean.value(), {}, attempts + 1);
        });
}

void MediaFetcher::record(qint64 rowId, const QByteArray &data, const QString &error, int attempts)
{
    const QDateTime now = m_clock.now();
    QSqlQuery q(m_db);
    if (error.isEmpty()) {
        q.prepare(QStringLiteral("UPDATE media SET data = ?, size = ?, state = 'stored', "
                                 "attempts = ?, error_text = NULL, fetched_at = ? WHERE id = ?"));
        for (const QVariant &v : {QVariant(data), QVariant(data.size()), QVariant(attempts),
                                  QVariant(now), QVariant(rowId)})
            q.addBindValue(v);
    } else {
        q.prepare(QStringLiteral("UPDATE media SET state = ?, attempts = ?, error_text = ? "
                                 "WHERE id = ?"));
        q.addBindValue(attempts >= MaxAttempts ? QStringLiteral("failed")
                                               : QStringLiteral("pending"));
        q.addBindValue(attempts);
        q.addBindValue(error);
        q.addBindValue(rowId);
    }
    if (!m_db.transaction())
        return;
    bool ok = q.exec();
    q.finish();
    if (ok && error.isEmpty())
        ok = Store::EventLog(m_db)
                 .append(QStringLiteral("media.stored"), {{QStringLiteral("mediaId"), rowId}}, now)
                 .ok();
    if (!ok || !m_db.commit()) {
        (void)m_db.rollback();
        qCWarning(lcHub, "media: could not record a download");
        return;
    }
    if (error.isEmpty())
        Q_EMIT stored(rowId);
    else
        qCWarning(lcHub, "media %lld not downloaded (attempt %d): %s", qlonglong(rowId), attempts,
                  qUtf8Printable(error));
}

} // namespace Wardline::Hub
