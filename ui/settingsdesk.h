#pragma once

#include "console/adminclient.h"
#include "ui/desk.h"

#include <QList>

class QGroupBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QTabWidget;
class QVBoxLayout;

namespace Wardline::Console {
class CannedResponses;
}

namespace Wardline::Ui {

class CannedResponsesEditor;

/// The hospital's site settings: emergency number and text, quiet hours, idle lock, SLA targets,
/// location (administrators). The form is made from what the hub lists (each key with a typed
/// editor and its help); a save sends every changed value at once and the hub takes all or
/// none, its reason shown beside the field it refused. A second tab keeps the site's canned
/// responses (CannedResponsesEditor).
class SettingsDesk : public Desk
{
    Q_OBJECT
public:
    explicit SettingsDesk(QWidget *parent = nullptr);
    ~SettingsDesk() override;

    [[nodiscard]] QString title() const override;
    [[nodiscard]] Core::Permission permission() const override
    {
        return Core::Permission::ManageSettings;
    }
    void setHub(Console::HubClient *hub, const Console::HubSession &session) override;
    void hubEvents(const QStringList &kinds) override;
    void activated() override;

    /// The editor of setting \a key (a QSpinBox, QTimeEdit, QDoubleSpinBox, QPlainTextEdit or
    /// QLineEdit), or nullptr when the hub did not list it.
    [[nodiscard]] QWidget *editor(const QString &key) const;
    /// The error shown beside \a key's editor; empty when there is none.
    [[nodiscard]] QString errorFor(const QString &key) const;
    /// The keys whose editors differ from the hub's values.
    [[nodiscard]] QStringList changedKeys() const;
    /// The canned responses section, and shows its tab.
    CannedResponsesEditor *showCannedResponses();

public Q_SLOTS:
    /// Reads the settings from the hub again (unsaved edits are dropped).
    void reload();
    /// Sends every changed value to the hub.
    void save();

Q_SIGNALS:
    /// The form was (re)built from the hub's answer, or the hub could not be asked.
    void loaded();
    /// A save was answered: \a ok when the hub took every value.
    void saved(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Field
    {
        Console::SiteSetting setting;
        QWidget *editor = nullptr;
        QLabel *label = nullptr;
        QLabel *help = nullptr;
        QLabel *error = nullptr;
        QString initial; ///< the editor's value as loaded, in the hub's form
    };
    void build(const QList<Console::SiteSetting> &settings);
    void clearForm();
    void retranslateUi();
    void updateButtons();
    void showStatus(const QString &message, bool error);
    [[nodiscard]] static QString valueOf(const QWidget *editor);
    [[nodiscard]] static QWidget *makeEditor(const Console::SiteSetting &setting, QWidget *parent);
    [[nodiscard]] QString labelFor(const QString &key) const;
    [[nodiscard]] QString helpFor(const Console::SiteSetting &setting) const;
    [[nodiscard]] QString groupTitle(const QString &group) const;
    [[nodiscard]] static QString groupOf(const QString &key);
    [[nodiscard]] const Field *field(const QString &key) const;

    QTabWidget *m_tabs = nullptr;
    CannedResponsesEditor *m_cannedEditor = nullptr;
    Console::CannedResponses *m_canned = nullptr;
    QLabel *m_headingLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_form = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_revertButton = nullptr;
    QList<Field> m_fields;
    QList<QPair<QString, QGroupBox *>> m_groups; ///< by group name, in form order
    Console::AdminClient *m_client = nullptr;
    bool m_saving = false;
};

} // namespace Wardline::Ui
