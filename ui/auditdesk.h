#pragma once

#include "console/hubsession.h"
#include "ui/desk.h"

#include <memory>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QIntValidator;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Wardline::Console {
class AuditClient;
struct AuditEntry;
struct AuditFilter;
struct AuditVerification;
} // namespace Wardline::Console

namespace Wardline::Ui {

class AuditModel;

/// The audit trail: filter, export to CSV, verify the hash chain (auditors, administrators).
class AuditDesk : public Desk
{
    Q_OBJECT
public:
    explicit AuditDesk(QWidget *parent = nullptr);
    ~AuditDesk() override;

    [[nodiscard]] QString title() const override;
    [[nodiscard]] Core::Permission permission() const override
    {
        return Core::Permission::ViewAudit;
    }
    void setHub(Console::HubClient *hub, const Console::HubSession &session) override;
    void activated() override;

    [[nodiscard]] AuditModel *model() const { return m_model; }
    /// The filter the fields describe.
    [[nodiscard]] Console::AuditFilter filter() const;
    /// Writes the rows shown to \a path as CSV; false (and a message shown) when it could not.
    [[nodiscard]] bool exportCsv(const QString &path);

public Q_SLOTS:
    /// Asks the hub for the entries the filter describes.
    void search();
    /// Runs the hub's verification of the whole trail.
    void verify();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    /// How many entries are shown, in the UI language.
    void updateCount();
    void showEntries(const QList<Console::AuditEntry> &entries);
    void showVerification(const Console::AuditVerification &result);
    void showMessage(const QString &text, const QString &kind);
    void chooseExportFile();
    void clearFilters();
    void updateActions();
    void subjectKindChanged();

    std::unique_ptr<Console::AuditClient> m_client;
    AuditModel *m_model = nullptr;
    bool m_searched = false;
    int m_limit = 1000;

    QLabel *m_heading = nullptr;
    QLabel *m_userLabel = nullptr;
    QLineEdit *m_user = nullptr;
    QLabel *m_actionLabel = nullptr;
    QComboBox *m_action = nullptr;
    QLabel *m_subjectLabel = nullptr;
    QComboBox *m_subjectKind = nullptr;
    QLineEdit *m_subjectId = nullptr;
    QIntValidator *m_subjectValidator = nullptr; ///< record numbers; a patient may be a name
    QCheckBox *m_fromCheck = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QCheckBox *m_toCheck = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QPushButton *m_searchButton = nullptr;
    QPushButton *m_clearButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_verifyButton = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_verifyResult = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_table = nullptr;
    int m_shown = -1; ///< entries shown; -1 before the first answer
};

} // namespace Wardline::Ui
