#include "ui/conversationview.h"

#include "core/clock.h"
#include "ui/composer.h"
#include "ui/inboxformat.h"
#include "ui/language.h"
#include "ui/messagebubble.h"
#include "ui/patientpanel.h"

#include <QDialog>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace Wardline::Ui {

namespace {
// Messages drawn at a time: a long post-op conversation holds thousands, a nurse reads the
// latest, and each bubble is a widget.
constexpr int MessagePage = 200;
} // namespace

using Console::ConversationClient;
using Console::MessageItem;

namespace {
constexpr auto StyleSheet = QLatin1StringView(R"(
QFrame#conversationHeader { background: #f0f2f5; border-bottom: 1px solid #d1d7db; }
QLabel#patientName { font-weight: bold; color: #111b21; }
QLabel#patientDetail { color: #54656f; }
QLabel#headerWindow[open="false"] { color: #8a1f11; }
QLabel#triageBanner {
    background: #fdecea; color: #7a1a10; border-bottom: 1px solid #f3b8b0; padding: 6px 12px;
}
QLabel#errorBanner { background: #fff1c7; color: #5c3d00; padding: 4px 12px; }
QWidget#messages { background: #efeae2; }
QFrame#bubble { border-radius: 8px; background: #ffffff; }
QFrame#bubble[side="out"] { background: #d9fdd3; }
QFrame#bubble[side="note"] { background: #fff3b0; border: 1px dashed #c9a227; }
QFrame#bubble[failed="true"] { border: 1px solid #d93025; }
QFrame#bubble QLabel { color: #111b21; background: transparent; }
QFrame#bubble QLabel#noteLabel { color: #7a5c00; font-weight: bold; }
QFrame#bubble QLabel#authorLabel, QFrame#bubble QLabel#templateLabel { color: #1f7a55; font-weight: bold; }
QFrame#bubble QLabel#quote {
    background: rgba(0, 0, 0, 0.06); border-left: 3px solid #06cf9c; padding: 3px 6px; color: #54656f;
}
QFrame#bubble QLabel#tapped {
    border: 1px solid #8fb8a8; border-radius: 6px; padding: 3px 6px; color: #0b6b50;
}
QFrame#bubble QLabel#failedLabel { color: #b3261e; }
QFrame#bubble QLabel#timeLabel { color: #667781; }
QFrame#bubble QLabel#ticks { color: #8696a0; font-weight: bold; }
QFrame#bubble QLabel#ticks[status="read"] { color: #1a9be6; }
QFrame#bubble QLabel#ticks[status="failed"] { color: #d93025; }
)");

QString firstNameOf(const QString &name)
{
    return name.section(u' ', 0, 0, QString::SectionSkipEmpty);
}
} // namespace

ConversationView::ConversationView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("conversationView"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(StyleSheet);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("conversationEmpty"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);

    m_content = new QWidget(this);
    auto *header = new QFrame(m_content);
    header->setObjectName(QStringLiteral("conversationHeader"));
    m_nameLabel = new QLabel(header);
    m_nameLabel->setObjectName(QStringLiteral("patientName"));
    m_nameLabel->setTextFormat(Qt::PlainText);
    m_detailLabel = new QLabel(header);
    m_detailLabel->setObjectName(QStringLiteral("patientDetail"));
    m_detailLabel->setTextFormat(Qt::PlainText);
    m_windowLabel = new QLabel(header);
    m_windowLabel->setObjectName(QStringLiteral("headerWindow"));
    m_claimButton = new QPushButton(header);
    m_claimButton->setObjectName(QStringLiteral("claimButton"));
    m_closeButton = new QPushButton(header);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    connect(m_claimButton, &QPushButton::clicked, this, &ConversationView::claim);
    connect(m_closeButton, &QPushButton::clicked, this, [this] {
        if (!m_client)
            return;
        if (m_conversation.state == QLatin1StringView("closed"))
            m_client->reopen();
        else
            m_client->closeConversation();
    });
    auto *names = new QVBoxLayout;
    names->setSpacing(1);
    names->addWidget(m_nameLabel);
    names->addWidget(m_detailLabel);
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(12, 8, 12, 8);
    headerLayout->addLayout(names, 1);
    headerLayout->addWidget(m_windowLabel);
    headerLayout->addSpacing(12);
    headerLayout->addWidget(m_claimButton);
    headerLayout->addWidget(m_closeButton);
    m_panelButton = new QPushButton(header);
    m_panelButton->setObjectName(QStringLiteral("patientPanelButton"));
    m_panelButton->setCheckable(true);
    m_panelButton->setChecked(true);
    headerLayout->addWidget(m_panelButton);

    m_triageBanner = new QLabel(m_content);
    m_triageBanner->setObjectName(QStringLiteral("triageBanner"));
    m_triageBanner->setTextFormat(Qt::PlainText);
    m_triageBanner->setWordWrap(true);
    m_errorBanner = new QLabel(m_content);
    m_errorBanner->setObjectName(QStringLiteral("errorBanner"));
    m_errorBanner->setTextFormat(Qt::PlainText);
    m_errorBanner->setWordWrap(true);
    m_errorBanner->hide();

    m_scroll = new QScrollArea(m_content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_messages = new QWidget;
    m_messages->setObjectName(QStringLiteral("messages"));
    m_messages->setAttribute(Qt::WA_StyledBackground);
    m_messagesLayout = new QVBoxLayout(m_messages);
    m_messagesLayout->setContentsMargins(16, 12, 16, 12);
    m_messagesLayout->setSpacing(6);
    m_earlierButton = new QPushButton(m_messages);
    m_earlierButton->setObjectName(QStringLiteral("earlierButton"));
    m_earlierButton->setCursor(Qt::PointingHandCursor);
    m_earlierButton->hide();
    // The button, the messages, then room below them.
    m_messagesLayout->addWidget(m_earlierButton, 0, Qt::AlignHCenter);
    m_messagesLayout->addStretch(1);
    connect(m_earlierButton, &QPushButton::clicked, this, [this] {
        m_shownMessages += MessagePage;
        rebuildMessages();
    });
    m_scroll->setWidget(m_messages);
    // New messages arrive at the bottom: follow them.
    connect(m_scroll->verticalScrollBar(), &QScrollBar::rangeChanged, this,
            [this](int, int max) { m_scroll->verticalScrollBar()->setValue(max); });

    m_composer = new Composer(m_content);
    connect(m_composer, &Composer::textSubmitted, this, [this](const QString &text) {
        if (m_client)
            m_client->sendText(text);
    });
    connect(m_composer, &Composer::imageSubmitted, this,
            [this](const QByteArray &bytes, const QString &caption) {
                if (m_client)
                    m_client->sendImage(bytes, caption);
            });
    connect(m_composer, &Composer::noteSubmitted, this, [this](const QString &text) {
        if (m_client)
            m_client->addNote(text);
    });
    connect(m_composer, &Composer::templateSubmitted, this,
            [this](const QString &name, const QString &language, const QStringList &values) {
                if (m_client)
                    m_client->sendTemplate(name, language, values);
            });
    connect(m_composer, &Composer::draftChanged, this, [this](qint64 id, const QString &text) {
        if (m_client)
            m_client->saveDraft(id, text);
    });
    connect(m_composer, &Composer::templatesWanted, this, [this](const QString &language) {
        if (m_client)
            m_client->loadTemplates(language);
    });

    // The messages and composer on the left, the patient panel on the right: it keeps its
    // width, the messages take what the window gives, and it folds away when not wanted.
    auto *body = new QSplitter(Qt::Horizontal, m_content);
    body->setObjectName(QStringLiteral("conversationSplitter"));
    auto *thread = new QWidget(body);
    auto *threadLayout = new QVBoxLayout(thread);
    threadLayout->setContentsMargins(0, 0, 0, 0);
    threadLayout->setSpacing(0);
    threadLayout->addWidget(m_triageBanner);
    threadLayout->addWidget(m_errorBanner);
    threadLayout->addWidget(m_scroll, 1);
    threadLayout->addWidget(m_composer);
    m_panel = new PatientPanel(body);
    body->addWidget(thread);
    body->addWidget(m_panel);
    body->setStretchFactor(0, 1);
    body->setStretchFactor(1, 0);
    body->setCollapsible(0, false);
    connect(m_panelButton, &QPushButton::toggled, m_panel, &PatientPanel::setVisible);
    connect(body, &QSplitter::splitterMoved, this,
            [this] { m_panelButton->setChecked(m_panel->width() > 0); });

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    contentLayout->addWidget(header);
    contentLayout->addWidget(body, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_content);
    m_content->hide();
    // Until a conversation opens, the inbox beside it has the room.
    hide();
    retranslateUi();
}

void ConversationView::setClient(ConversationClient *client)
{
    for (const auto &c : std::as_const(m_clientConnections))
        disconnect(c);
    m_clientConnections.clear();
    // Another session (or none): nothing of the last one's conversation stays on screen.
    if (client != m_client && m_conversation.id != 0) {
        m_conversation = {};
        m_summary = {};
        m_media.clear();
        rebuildMessages();
        m_panel->setPatient({});
        m_composer->setDraft(QString());
        m_content->hide();
        m_emptyLabel->show();
        hide();
    }
    m_client = client;
    if (!client)
        return;
    m_clientConnections = {
        connect(client, &ConversationClient::conversationLoaded, this,
                [this](const Console::ConversationSnapshot &conversation) {
                    Console::ConversationSummary summary;
                    if (m_inbox) {
                        if (auto found = m_inbox->find(conversation.id))
                            summary = *found;
                    }
                    if (summary.id == 0 && conversation.id == m_summary.id)
                        summary = m_summary;
                    const bool opened = conversation.id != m_conversation.id;
                    showConversation(conversation, summary);
                    if (opened && m_client) {
                        m_composer->setDraft(m_client->draft(conversation.id));
                        m_client->markRead();
                    }
                }),
        connect(client, &ConversationClient::loadFailed, this, &ConversationView::showError),
        connect(client, &ConversationClient::actionFailed, this,
                [this](const QString &message, bool) {
                    showError(message);
                    // A refused reply comes back as the draft, so its words are not lost.
                    if (m_client && m_conversation.id && m_composer->text().isEmpty())
                        m_composer->setDraft(m_client->draft(m_conversation.id));
                }),
        connect(client, &ConversationClient::keptOffline, this,
                [this] {
                    showError(tr("The hub cannot be reached. What you send is kept on this "
                                 "computer and sent once, as soon as the hub is back."));
                }),
        connect(client, &ConversationClient::sent, this, [this] { m_errorBanner->hide(); }),
        connect(client, &ConversationClient::templatesLoaded, m_composer, &Composer::setTemplates),
        connect(client, &ConversationClient::mediaLoaded, this, &ConversationView::setMedia),
    };
}

void ConversationView::claim()
{
    if (m_client && m_conversation.id)
        m_client->claim();
}

void ConversationView::focusComposer()
{
    if (m_conversation.id && isVisible())
        m_composer->focusEditor();
}

void ConversationView::setInbox(Console::InboxStore *store)
{
    m_inbox = store;
}

void ConversationView::setClock(const Core::Clock *clock)
{
    m_clock = clock;
    m_composer->setClock(clock);
    m_panel->setClock(clock);
}

void ConversationView::openConversation(qint64 id)
{
    if (!m_client)
        return;
    if (m_inbox) {
        if (auto found = m_inbox->find(id))
            m_summary = *found;
    }
    m_client->open(id);
}

void ConversationView::showConversation(const Console::ConversationSnapshot &conversation,
                                        const Console::ConversationSummary &summary)
{
    if (conversation.id != m_conversation.id) {
        m_media.clear();
        m_shownMessages = MessagePage;
    }
    m_conversation = conversation;
    m_summary = summary;
    m_errorBanner->hide();
    m_emptyLabel->hide();
    m_content->show();
    show();
    updateHeader();
    rebuildMessages();
    // The inbox's row stands in for what an older hub (or cache) did not say of the patient.
    Console::PatientSummary patient = conversation.patient;
    if (patient.name.isEmpty())
        patient.name = summary.patientName;
    if (patient.phone.isEmpty())
        patient.phone = summary.phone;
    if (patient.language.isEmpty())
        patient.language = summary.language;
    m_panel->setPatient(patient);
    m_composer->setConversation(conversation.id, conversation.windowSecondsLeft,
                                conversation.fetchedAt, firstNameOf(summary.patientName),
                                summary.language.isEmpty() ? Language::current()
                                                           : summary.language);
}

void ConversationView::updateHeader()
{
    const QString name =
        m_summary.patientName.isEmpty() ? m_conversation.patient.name : m_summary.patientName;
    m_nameLabel->setText(name.isEmpty() ? tr("Patient") : name);
    const QString language = Language::nativeName(
        m_summary.language.isEmpty() ? m_conversation.patient.language : m_summary.language);
    const QString phone =
        m_summary.phone.isEmpty() ? m_conversation.patient.phone : m_summary.phone;
    QStringList details;
    if (!phone.isEmpty())
        details.append(phone);
    if (!language.isEmpty())
        details.append(language);
    if (!m_summary.assigneeName.isEmpty())
        details.append(tr("Claimed by %1").arg(m_summary.assigneeName));
    m_detailLabel->setText(details.join(QStringLiteral(" · ")));
    const qint64 left = m_conversation.windowSecondsLeft;
    m_windowLabel->setProperty("open", left > 0);
    m_windowLabel->style()->unpolish(m_windowLabel);
    m_windowLabel->style()->polish(m_windowLabel);
    m_windowLabel->setText(
        left > 0 ? tr("Reply window: %1 h %2 min left").arg(left / 3600).arg((left % 3600) / 60)
                 : tr("Reply window closed"));
    const bool closed = m_conversation.state == QLatin1StringView("closed");
    m_closeButton->setText(closed ? tr("Reopen") : tr("Close"));
    m_claimButton->setVisible(!closed);
    m_claimButton->setEnabled(m_summary.assigneeId == 0 ||
                              (m_client && m_summary.assigneeId != m_client->session().user.id));
    const QString category =
        m_summary.category.isEmpty() ? m_conversation.category : m_summary.category;
    const QString reason = m_conversation.triageReason.isEmpty() ? m_summary.triageReason
                                                                 : m_conversation.triageReason;
    const bool flagged =
        !reason.isEmpty() && !category.isEmpty() && category != QLatin1StringView("GENERAL");
    const QString words = InboxFormat::triageWords(reason);
    // A photo or a tapped reply routed by the care flow quotes no words of the patient's.
    m_triageBanner->setText(
        words.isEmpty()
            //: %1 is the triage category ("Nurse").
            ? tr("Flagged as %1").arg(InboxFormat::categoryName(category))
            //: %1 is the triage category ("Emergency"), %2 the words that decided it.
            : tr("Flagged as %1 because the patient wrote: %2")
                  .arg(InboxFormat::categoryName(category), words));
    m_triageBanner->setVisible(flagged);
}

QList<MessageBubble *> ConversationView::bubbles() const
{
    return m_messages->findChildren<MessageBubble *>();
}

void ConversationView::rebuildMessages()
{
    // Rebuilt whole on each fetch, one page of the latest messages (or more when asked).
    while (m_messagesLayout->count() > 2) {
        QLayoutItem *item = m_messagesLayout->takeAt(1);
        if (QLayout *row = item->layout()) {
            while (QLayoutItem *inner = row->takeAt(0)) {
                delete inner->widget();
                delete inner;
            }
        }
        delete item->widget();
        delete item;
    }
    const qsizetype total = m_conversation.messages.size();
    const qsizetype first = std::max<qsizetype>(0, total - std::max(m_shownMessages, MessagePage));
    m_earlierButton->setVisible(first > 0);
    m_earlierButton->setText(tr("Show earlier messages (%n more)", nullptr, int(first)));
    for (qsizetype i = first; i < total; ++i) {
        const MessageItem &message = m_conversation.messages.at(i);
        auto *bubble = new MessageBubble(message, m_messages);
        connect(bubble, &MessageBubble::imageClicked, this, &ConversationView::showImage);
        connect(bubble, &MessageBubble::retryRequested, this, [this](const MessageItem &m) {
            if (m_client)
                m_client->retry(m);
        });
        if (!message.mediaId && !message.imageBytes.isEmpty()) {
            bubble->setImage(message.imageBytes); // sent from here, not at Meta yet
        } else if (message.mediaId) {
            if (m_media.contains(message.mediaId))
                bubble->setImage(m_media.value(message.mediaId));
            else if (m_client && (message.kind == MessageItem::Kind::Image ||
                                  message.kind == MessageItem::Kind::Sticker))
                m_client->loadMedia(message.mediaId);
        }
        auto *row = new QHBoxLayout;
        if (message.direction == MessageItem::Direction::In) {
            row->addWidget(bubble);
            row->addStretch(1);
        } else if (message.direction == MessageItem::Direction::Note) {
            row->addStretch(1);
            row->addWidget(bubble);
            row->addStretch(1);
        } else {
            row->addStretch(1);
            row->addWidget(bubble);
        }
        m_messagesLayout->insertLayout(m_messagesLayout->count() - 1, row);
    }
}

void ConversationView::setMedia(qint64 mediaId, const QByteArray &bytes)
{
    m_media.insert(mediaId, bytes);
    const QList<MessageBubble *> all = bubbles();
    for (MessageBubble *bubble : all) {
        if (bubble->message().mediaId == mediaId)
            bubble->setImage(bytes);
    }
}

void ConversationView::showImage(qint64 mediaId)
{
    QPixmap pixmap;
    if (!pixmap.loadFromData(m_media.value(mediaId)))
        return;
    MessageItem::Direction from = MessageItem::Direction::In;
    for (const MessageItem &m : std::as_const(m_conversation.messages)) {
        if (m.mediaId == mediaId)
            from = m.direction;
    }
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("imageViewer"));
    dialog->setWindowTitle(from == MessageItem::Direction::Note
                               ? tr("Internal image — never sent to the patient")
                           : from == MessageItem::Direction::Out ? tr("Image sent to the patient")
                                                                 : tr("Image from the patient"));
    auto *label = new QLabel(dialog);
    const QSize room = screen() ? screen()->availableSize() * 0.8 : QSize(1024, 768);
    label->setPixmap(pixmap.size().boundedTo(room) == pixmap.size()
                         ? pixmap
                         : pixmap.scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(label);
    dialog->show();
}

void ConversationView::showError(const QString &message)
{
    m_errorBanner->setText(message);
    m_errorBanner->show();
}

void ConversationView::retranslateUi()
{
    m_emptyLabel->setText(tr("Choose a conversation in the inbox to read and answer it."));
    m_claimButton->setText(tr("Claim"));
    m_panelButton->setText(tr("Patient details"));
    m_panelButton->setToolTip(tr("Show or hide the patient's details beside the conversation."));
    m_claimButton->setToolTip(tr("Take this conversation: colleagues see that you answer it."));
    if (m_conversation.id)
        updateHeader();
    else
        m_closeButton->setText(tr("Close"));
}

void ConversationView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (m_conversation.id)
            rebuildMessages();
    }
    QWidget::changeEvent(event);
}

} // namespace Wardline::Ui
