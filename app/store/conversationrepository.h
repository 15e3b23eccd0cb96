#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace Wardline::Store {

/// Conversations: one open thread per patient and business number.
class ConversationRepository
{
public:
    explicit ConversationRepository(QSqlDatabase db);

    /// The patient's open conversation on \a phoneNumberId, opened when there is none.
    /// \a opened tells whether a new one was started.
    [[nodiscard]] Core::Result<qint64> openFor(qint64 patientId, const QString &phoneNumberId,
                                               const QDateTime &now, bool *opened = nullptr);
    /// A patient message arrived at \a at: the 24-hour window restarts, one more unread.
    [[nodiscard]] Core::Status recordInbound(qint64 conversationId, const QDateTime &at);

private:
    QSqlDatabase m_db;
};

} // namespace Wardline::Store
