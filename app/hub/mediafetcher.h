#pragma once

#include <QObject>
#include <QSet>
#include <QSqlDatabase>

class QTimer;

namespace Wardline::Core {
class Clock;
}
namespace Wardline::WhatsApp {
class GraphClient;
}

namespace Wardline::Hub {

/// Downloads what patients send (photos, documents, voice notes) while Meta's media ids are
/// still valid, checks the SHA-256 Meta announced, strips location and other metadata from
/// photos, and keeps the file in the encrypted database. Nothing is shown to staff before that.
class MediaFetcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxAttempts = 8;

    MediaFetcher(QSqlDatabase db, WhatsApp::GraphClient &client, const Core::Clock &clock,
                 QObject *parent = nullptr);

    /// Looks for pending media at once (called after a webhook commit) and then every minute.
    void start();
    void poll();

Q_SIGNALS:
    void stored(qint64 mediaRowId);

private:
    void fetch(qint64 rowId, const QString &mediaId, const QByteArray &mimeType, int attempts);
    void record(qint64 rowId, const QByteArray &data, const QString &error, int attempts);

    QSqlDatabase m_db;
    WhatsApp::GraphClient &m_client;
    const Core::Clock &m_clock;
    QTimer *m_timer;
    QSet<qint64> m_inFlight;
};

} // namespace Wardline::Hub
