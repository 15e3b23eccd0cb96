#pragma once

#include "core/role.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace Wardline::Ui {

/// What a signed-in staff member sees first: who is signed in, to which hub, and whether this
/// workstation keeps an encrypted copy. The inbox and the other desks grow from here.
class HomeWindow : public QWidget
{
    Q_OBJECT

public:
    explicit HomeWindow(QWidget *parent = nullptr);

    /// \a cacheNote empty: the encrypted local copy is in use; else why there is none.
    void showSession(const QString &name, Core::Role role, const QString &hubAddress,
                     const QString &cacheNote);

Q_SIGNALS:
    void signOutRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_titleLabel = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_hubLabel = nullptr;
    QLabel *m_cacheLabel = nullptr;
    QLabel *m_nextLabel = nullptr;
    QPushButton *m_signOutButton = nullptr;

    QString m_name;
    Core::Role m_role = Core::Role::Nurse;
    QString m_hub;
    QString m_cacheNote;
};

} // namespace Wardline::Ui
