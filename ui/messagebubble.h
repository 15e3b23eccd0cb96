#pragma once

#include "console/conversationclient.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace Wardline::Ui {

/// One message of the conversation screen, drawn like WhatsApp: the patient's on the left,
/// staff's on the right, internal notes in yellow and labelled as never sent.
class MessageBubble : public QFrame
{
    Q_OBJECT
public:
    explicit MessageBubble(const Console::MessageItem &message, QWidget *parent = nullptr);

    [[nodiscard]] const Console::MessageItem &message() const { return m_message; }
    /// Shows the image's thumbnail once its bytes have arrived (kept in memory only).
    void setImage(const QByteArray &bytes);
    /// What the delivery mark says, for tests and screen readers: "sent", "delivered", …
    [[nodiscard]] QString statusName() const;

Q_SIGNALS:
    void imageClicked(qint64 mediaId);
    void retryRequested(const Wardline::Console::MessageItem &message);

private:
    Console::MessageItem m_message;
    QPushButton *m_image = nullptr;
};

} // namespace Wardline::Ui
