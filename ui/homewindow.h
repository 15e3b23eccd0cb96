#pragma once

#include "console/inboxstore.h"
#include "core/role.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace Wardline::Ui {

class InboxWidget;

/// What a signed-in staff member sees first: the triaged inbox, who is signed in, to which hub,
/// and whether this workstation keeps an encrypted copy.
class HomeWindow : public QWidget
{
    Q_OBJECT

public:
    explicit HomeWindow(QWidget *parent = nullptr);

    /// \a cacheNote empty: the encrypted local copy is in use; else why there is none.
    void showSession(const QString &name, Core::Role role, const QString &hubAddress,
                     const QString &cacheNote);
    /// Shows \a store's conversations for the staff member \a userId (store not owned).
    void setInbox(Console::InboxStore *store, qint64 userId);
    [[nodiscard]] InboxWidget *inbox() const { return m_inbox; }

Q_SIGNALS:
    void signOutRequested();
    /// The user opened a conversation from the inbox.
    void conversationActivated(qint64 id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_titleLabel = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_hubLabel = nullptr;
    QLabel *m_cacheLabel = nullptr;
    InboxWidget *m_inbox = nullptr;
    QPushButton *m_signOutButton = nullptr;

    QString m_name;
    Core::Role m_role = Core::Role::Nurse;
    QString m_hub;
    QString m_cacheNote;
};

} // namespace Wardline::Ui
