#include "ui/messagebubble.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace Wardline::Ui {

using Console::MessageItem;
using Kind = MessageItem::Kind;
using Status = MessageItem::Status;

namespace {
QLabel *textLabel(const QString &text, QWidget *parent, const char *name = "bubbleText")
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QLatin1String(name));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A word-wrapped label asks for little width; ask for the text's own, up to a bubble's.
    int natural = 0;
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines)
        natural = std::max(natural, label->fontMetrics().horizontalAdvance(line));
    label->setMinimumWidth(std::min(natural + 4, 420));
    return label;
}

QString body(const MessageItem &m)
{
    switch (m.kind) {
    case Kind::Location: {
        const QString where =
            m.placeName.isEmpty()
                ? m.address
                : (m.address.isEmpty() ? m.placeName
                                       : m.placeName + QStringLiteral(", ") + m.address);
        const QString coordinates = QLocale().toString(m.latitude, 'f', 5) + QStringLiteral(", ") +
                                    QLocale().toString(m.longitude, 'f', 5);
        return where.isEmpty() ? MessageBubble::tr("Location: %1").arg(coordinates)
                               : MessageBubble::tr("Location: %1 (%2)").arg(where, coordinates);
    }
    case Kind::Reaction:
        if (m.emoji.isEmpty())
            return MessageBubble::tr("Removed a reaction");
        return m.reactedToText.isEmpty()
                   ? MessageBubble::tr("Reacted %1").arg(m.emoji)
                   : MessageBubble::tr("Reacted %1 to “%2”").arg(m.emoji, m.reactedToText.left(80));
    case Kind::InteractiveReply:
    case Kind::ButtonReply:
        return MessageBubble::tr("Tapped: %1").arg(m.text);
    case Kind::Document:
        return m.text.isEmpty() ? MessageBubble::tr("Document: %1").arg(m.fileName)
                                : MessageBubble::tr("Document: %1 — %2").arg(m.fileName, m.text);
    case Kind::Audio:
        return MessageBubble::tr("Audio message");
    case Kind::Video:
        return m.text.isEmpty() ? MessageBubble::tr("Video")
                                : MessageBubble::tr("Video: %1").arg(m.text);
    case Kind::Sticker:
        return MessageBubble::tr("Sticker");
    case Kind::System:
        return m.text.isEmpty() ? MessageBubble::tr("A message Wardline cannot show.") : m.text;
    case Kind::Template:
        return m.templateName.isEmpty() || !m.isPending()
                   ? m.text
                   : MessageBubble::tr("Template %1: %2").arg(m.templateName, m.text);
    default:
        return m.text;
    }
}
} // namespace

MessageBubble::MessageBubble(const MessageItem &message, QWidget *parent)
    : QFrame(parent)
    , m_message(message)
{
    setObjectName(QStringLiteral("bubble"));
    const char *side = message.direction == MessageItem::Direction::In     ? "in"
                       : message.direction == MessageItem::Direction::Note ? "note"
                                                                           : "out";
    setProperty("side", QLatin1String(side));
    setProperty("failed", message.status == Status::Failed);
    setMaximumWidth(480);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(3);

    if (message.direction == MessageItem::Direction::Note) {
        const QString label = message.authorName.isEmpty()
                                  ? tr("Internal note — not sent")
                                  : tr("Internal note — not sent · %1").arg(message.authorName);
        layout->addWidget(textLabel(label, this, "noteLabel"));
    } else if (message.direction == MessageItem::Direction::Out && !message.authorName.isEmpty()) {
        layout->addWidget(textLabel(message.authorName, this, "authorLabel"));
    }
    if (!message.replyToWamid.isEmpty()) {
        const QString quoted = message.quotedText.isEmpty() ? tr("Reply to an earlier message")
                                                            : message.quotedText.left(160);
        layout->addWidget(textLabel(quoted, this, "quote"));
    }
    if (message.kind == Kind::Template && !message.templateName.isEmpty() && !message.isPending())
        layout->addWidget(
            textLabel(tr("Template: %1").arg(message.templateName), this, "templateLabel"));
    if (message.kind == Kind::Image || message.kind == Kind::Sticker) {
        m_image = new QPushButton(this);
        m_image->setObjectName(QStringLiteral("thumbnail"));
        m_image->setFlat(true);
        m_image->setCursor(Qt::PointingHandCursor);
        m_image->setText(message.mediaId || !message.imageBytes.isEmpty()
                             ? tr("Loading image…")
                             : tr("Image not available"));
        m_image->setMinimumSize(220, 140);
        m_image->setToolTip(tr("Click to see the full image"));
        connect(m_image, &QPushButton::clicked, this,
                [this] { Q_EMIT imageClicked(m_message.mediaId); });
        layout->addWidget(m_image);
    } else if (message.kind == Kind::Document || message.kind == Kind::Audio) {
        auto *row = new QHBoxLayout;
        auto *icon = new QLabel(this);
        icon->setPixmap(style()
                            ->standardIcon(message.kind == Kind::Audio ? QStyle::SP_MediaVolume
                                                                       : QStyle::SP_FileIcon)
                            .pixmap(24, 24));
        row->addWidget(icon);
        row->addWidget(textLabel(body(message), this), 1);
        layout->addLayout(row);
    }
    const QString words = body(message);
    if (!words.isEmpty() && message.kind != Kind::Document && message.kind != Kind::Audio)
        layout->addWidget(
            textLabel(words, this,
                      message.kind == Kind::InteractiveReply || message.kind == Kind::ButtonReply
                          ? "tapped"
                          : "bubbleText"));

    if (message.status == Status::Failed) {
        const QString reason =
            message.errorText.isEmpty()
                ? tr("WhatsApp did not deliver this message.")
                : (message.errorCode ? tr("Not delivered: %1 (error %2)")
                                           .arg(message.errorText)
                                           .arg(message.errorCode)
                                     : tr("Not delivered: %1").arg(message.errorText));
        auto *failed = textLabel(reason, this, "failedLabel");
        layout->addWidget(failed);
        if (!message.retryBody.isEmpty()) {
            auto *retry = new QPushButton(tr("Retry"), this);
            retry->setObjectName(QStringLiteral("retryButton"));
            connect(retry, &QPushButton::clicked, this,
                    [this] { Q_EMIT retryRequested(m_message); });
            layout->addWidget(retry, 0, Qt::AlignLeft);
        }
    }

    // The footer: when, and for staff's messages how far WhatsApp got.
    auto *footer = new QHBoxLayout;
    footer->setSpacing(6);
    footer->addStretch(1);
    QString when;
    if (message.sentAt.isValid()) {
        const QDateTime local = message.sentAt.toLocalTime();
        const QString time = QLocale().toString(local.time(), QStringLiteral("HH:mm"));
        //: A message's date and time, e.g. "24/11/2026 14:02".
        when = local.date() == QDate::currentDate()
                   ? time
                   : tr("%1 %2").arg(QLocale().toString(local.date(), QLocale::ShortFormat), time);
    }
    if (message.pendingState == QLatin1StringView("offline"))
        when = tr("Kept on this computer; sent when the hub is back");
    else if (message.isPending() && message.status != Status::Failed)
        when = tr("Sending…");
    auto *time = new QLabel(when, this);
    time->setObjectName(QStringLiteral("timeLabel"));
    footer->addWidget(time);
    if (message.direction == MessageItem::Direction::Out) {
        auto *ticks = new QLabel(this);
        ticks->setObjectName(QStringLiteral("ticks"));
        ticks->setProperty("status", statusName());
        switch (message.status) {
        case Status::Sent:
            ticks->setText(QStringLiteral("✓"));
            ticks->setToolTip(tr("Sent"));
            break;
        case Status::Delivered:
            ticks->setText(QStringLiteral("✓✓"));
            ticks->setToolTip(tr("Delivered"));
            break;
        case Status::Read:
            ticks->setText(QStringLiteral("✓✓"));
            ticks->setToolTip(tr("Read"));
            break;
        case Status::Failed:
            ticks->setText(QStringLiteral("!"));
            ticks->setToolTip(tr("Not delivered"));
            break;
        default:
            break; // the footer already says "Sending…"
        }
        footer->addWidget(ticks);
    }
    layout->addLayout(footer);
}

QString MessageBubble::statusName() const
{
    switch (m_message.status) {
    case Status::Sent:
        return QStringLiteral("sent");
    case Status::Delivered:
        return QStringLiteral("delivered");
    case Status::Read:
        return QStringLiteral("read");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::Pending:
        return QStringLiteral("pending");
    case Status::None:
        break;
    }
    return {};
}

void MessageBubble::setImage(const QByteArray &bytes)
{
    if (!m_image)
        return;
    QPixmap pixmap;
    if (!pixmap.loadFromData(bytes)) {
        m_image->setText(tr("Image not available"));
        return;
    }
    const QPixmap thumb = pixmap.scaled(240, 180, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    m_image->setText(QString());
    m_image->setIcon(QIcon(thumb));
    m_image->setIconSize(thumb.size());
    m_image->setFixedSize(thumb.size() + QSize(4, 4));
}

} // namespace Wardline::Ui
