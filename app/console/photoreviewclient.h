#pragma once

#include "console/hubsession.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QString>

namespace Wardline::Console {

class HubClient;
struct HubReply;

/// One wound photo of a post-op pathway, as the hub's photo-review API gives it.
struct PhotoReview
{
    enum class Outcome { None, Expected, Clinician, Urgent };

    qint64 id = 0; ///< the review's id
    qint64 conversationId = 0;
    qint64 messageId = 0;
    qint64 mediaId = 0; ///< 0 while the hub has no file for it
    QString mediaState; ///< "stored", "pending" (downloading) or "failed"
    qint64 patientId = 0;
    QString patientName;
    QString priority;    ///< the conversation's, "P1" … "P4"
    int pathwayDay = -1; ///< days since surgery; -1 when unknown
    QDateTime receivedAt;
    bool reviewed = false;
    Outcome outcome = Outcome::None;
    QString note;
    QString reviewer; ///< the username of who reviewed it
    QDateTime reviewedAt;
    qint64 markupMediaId = 0; ///< the marked-up copy kept with the review, if any

    [[nodiscard]] static QString outcomeName(Outcome outcome);
    [[nodiscard]] static Outcome outcomeFromName(const QString &name);
};

/// The console's side of the photo-review desk: the queue, one patient's photos, the files
/// and the outcomes, over the hub's staff API (every read and outcome is audited there).
class PhotoReviewClient : public QObject
{
    Q_OBJECT
public:
    /// \a hub not owned and must outlive this object; \a session is copied.
    PhotoReviewClient(HubClient &hub, const HubSession &session, QObject *parent = nullptr);

    /// Asks the hub for the queue again; queueChanged() or queueFailed() follows. Calls made
    /// while one is on its way are folded into one more.
    void refreshQueue();
    /// The photos waiting for review, most urgent then oldest first, as last fetched.
    [[nodiscard]] const QList<PhotoReview> &queue() const { return m_queue; }
    /// All of \a patientId's photos (reviewed ones too), oldest first: historyLoaded().
    void loadHistory(qint64 patientId);
    /// A photo's bytes (kept in memory only): imageLoaded() or imageFailed().
    void loadImage(qint64 mediaId);
    /// Records the outcome of review \a id with \a note and, when not empty, a marked-up copy
    /// (PNG). reviewed() or reviewFailed() follows; on success the photo leaves queue() at once.
    void review(qint64 id, PhotoReview::Outcome outcome, const QString &note,
                const QByteArray &markupPng = {});

    /// The rows of the hub's {"photos": [...]}.
    [[nodiscard]] static QList<PhotoReview> parse(const QJsonArray &rows);

Q_SIGNALS:
    void queueChanged();
    void queueFailed(const QString &message);
    void historyLoaded(qint64 patientId, const QList<Wardline::Console::PhotoReview> &photos);
    void historyFailed(qint64 patientId, const QString &message);
    void imageLoaded(qint64 mediaId, const QByteArray &bytes);
    void imageFailed(qint64 mediaId, const QString &message);
    void reviewed(qint64 id, Wardline::Console::PhotoReview::Outcome outcome);
    void reviewFailed(qint64 id, const QString &message);

private:
    void queueAnswered(const HubReply &reply);

    HubClient &m_hub;
    HubSession m_session;
    QList<PhotoReview> m_queue;
    bool m_fetching = false;
    bool m_again = false;
};

} // namespace Wardline::Console
