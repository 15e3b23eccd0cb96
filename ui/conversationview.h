#pragma once

#include "console/conversationclient.h"
#include "console/inboxstore.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace Wardline::Core {
class Clock;
}

namespace Wardline::Ui {

class Composer;
class MessageBubble;
class PatientPanel;

/// The open conversation: who the patient is and whether WhatsApp's reply window is open,
/// why it was flagged, the messages as WhatsApp bubbles with their delivery marks, and the
/// composer. It shows what a Console::ConversationClient fetched and asks it for every action.
class ConversationView : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationView(QWidget *parent = nullptr);

    /// The client to show and drive (not owned; it may be destroyed first). nullptr: nothing.
    void setClient(Console::ConversationClient *client);
    /// Where the patient's name, phone and language come from (not owned).
    void setInbox(Console::InboxStore *store);
    void setClock(const Core::Clock *clock);

    /// Opens conversation \a id through the client.
    void openConversation(qint64 id);
    /// Shows \a conversation for the patient in \a summary (what the client's answers do).
    void showConversation(const Console::ConversationSnapshot &conversation,
                          const Console::ConversationSummary &summary);
    /// A media file's bytes arrived: the image bubbles that show it get their thumbnail.
    void setMedia(qint64 mediaId, const QByteArray &bytes);

    /// Claims the open conversation (the Claim button; Ctrl+Shift+C through the home window).
    void claim();
    /// Puts the cursor where staff write: the reply box, or the template button when the
    /// window has closed.
    void focusComposer();

    [[nodiscard]] Composer *composer() const { return m_composer; }
    /// The patient beside the messages (contact, appointments, pathway, medications).
    [[nodiscard]] PatientPanel *patientPanel() const { return m_panel; }
    [[nodiscard]] QList<MessageBubble *> bubbles() const;
    [[nodiscard]] qint64 conversationId() const { return m_conversation.id; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void rebuildMessages();
    void updateHeader();
    void showImage(qint64 mediaId);
    void showError(const QString &message);

    QPointer<Console::ConversationClient> m_client;
    QPointer<Console::InboxStore> m_inbox;
    const Core::Clock *m_clock = nullptr;
    Console::ConversationSnapshot m_conversation;
    Console::ConversationSummary m_summary;
    QHash<qint64, QByteArray> m_media; // in memory only, for this conversation
    /// The latest messages shown; "Show earlier messages" adds a page of older ones.
    int m_shownMessages = 0;
    QList<QMetaObject::Connection> m_clientConnections;

    QLabel *m_emptyLabel = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLabel *m_detailLabel = nullptr;
    QLabel *m_windowLabel = nullptr;
    QPushButton *m_claimButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QLabel *m_triageBanner = nullptr;
    QLabel *m_errorBanner = nullptr;
    QScrollArea *m_scroll = nullptr;
    QPushButton *m_earlierButton = nullptr;
    QWidget *m_messages = nullptr;
    QVBoxLayout *m_messagesLayout = nullptr;
    Composer *m_composer = nullptr;
    PatientPanel *m_panel = nullptr;
    QPushButton *m_panelButton = nullptr;
};

} // namespace Wardline::Ui
