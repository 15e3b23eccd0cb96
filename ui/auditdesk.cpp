#include "ui/auditdesk.h"

#include "console/auditclient.h"
#include "console/csvwriter.h"
#include "ui/auditmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <limits>

namespace Wardline::Ui {

namespace {
constexpr auto StyleSheet = QLatin1StringView(R"(
QLabel#auditHeading { font-weight: bold; }
QLabel#auditVerifyResult[kind="intact"] { color: #1d5c2e; }
QLabel#auditVerifyResult[kind="broken"] { color: #ffffff; background: #8a1c1c; padding: 4px 8px; }
QLabel#auditMessage[kind="problem"] { color: #8a1c1c; }
QLabel#auditMessage[kind="done"] { color: #1d5c2e; }
)");

// Actions every trail has; the ones met in the entries shown are added as they appear.
const char *const CommonActions[] = {
    "access.denied",
    "appointment.reschedule",
    "audit.view",
    "conversation.open",
    "media.view",
    "message.send",
    "patient.export",
    "session.sign_in",
    "session.sign_in_failed",
    "session.sign_out",
    "user.create",
    "user.update",
};

QLabel *wrappingLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

void restyle(QWidget *w)
{
    w->style()->unpolish(w);
    w->style()->polish(w);
}
} // namespace

AuditDesk::AuditDesk(QWidget *parent)
    : Desk(parent)
{
    setObjectName(QStringLiteral("auditdesk"));
    setStyleSheet(StyleSheet);

    m_heading = wrappingLabel(QStringLiteral("auditHeading"), this);
    m_userLabel = new QLabel(this);
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("auditUser"));
    m_user->setClearButtonEnabled(true);
    m_actionLabel = new QLabel(this);
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_action->setEditable(true);
    m_action->setInsertPolicy(QComboBox::NoInsert);
    m_action->addItem(QString());
    for (const char *action : CommonActions)
        m_action->addItem(QString::fromLatin1(action));
    m_subjectLabel = new QLabel(this);
    m_subjectKind = new QComboBox(this);
    m_subjectKind->setObjectName(QStringLiteral("auditSubjectKind"));
    m_subjectId = new QLineEdit(this);
    m_subjectId->setObjectName(QStringLiteral("auditSubjectId"));
    m_subjectValidator = new QIntValidator(1, std::numeric_limits<int>::max(), m_subjectId);
    m_subjectId->setValidator(m_subjectValidator);
    m_subjectId->setClearButtonEnabled(true);
    m_fromCheck = new QCheckBox(this);
    m_fromCheck->setObjectName(QStringLiteral("auditFromCheck"));
    m_from = new QDateTimeEdit(QDateTime::currentDateTime().addDays(-7), this);
    m_from->setObjectName(QStringLiteral("auditFrom"));
    m_toCheck = new QCheckBox(this);
    m_toCheck->setObjectName(QStringLiteral("auditToCheck"));
    m_to = new QDateTimeEdit(QDateTime::currentDateTime().addDays(1), this);
    m_to->setObjectName(QStringLiteral("auditTo"));
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setTimeSpec(Qt::LocalTime);
        edit->setEnabled(false);
    }
    connect(m_fromCheck, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toCheck, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    m_userLabel->setBuddy(m_user);
    m_actionLabel->setBuddy(m_action);
    m_subjectLabel->setBuddy(m_subjectKind);
    for (QLabel *label : {m_userLabel, m_actionLabel, m_subjectLabel})
        label->setWordWrap(true);

    m_searchButton = new QPushButton(this);
    m_searchButton->setObjectName(QStringLiteral("auditSearch"));
    m_searchButton->setDefault(true);
    m_clearButton = new QPushButton(this);
    m_clearButton->setObjectName(QStringLiteral("auditClear"));
    m_exportButton = new QPushButton(this);
    m_exportButton->setObjectName(QStringLiteral("auditExport"));
    m_verifyButton = new QPushButton(this);
    m_verifyButton->setObjectName(QStringLiteral("auditVerify"));
    connect(m_searchButton, &QPushButton::clicked, this, &AuditDesk::search);
    connect(m_clearButton, &QPushButton::clicked, this, &AuditDesk::clearFilters);
    connect(m_exportButton, &QPushButton::clicked, this, &AuditDesk::chooseExportFile);
    connect(m_verifyButton, &QPushButton::clicked, this, &AuditDesk::verify);
    connect(m_user, &QLineEdit::returnPressed, this, &AuditDesk::search);
    connect(m_subjectId, &QLineEdit::returnPressed, this, &AuditDesk::search);

    m_count = wrappingLabel(QStringLiteral("auditCount"), this);
    m_verifyResult = wrappingLabel(QStringLiteral("auditVerifyResult"), this);
    m_verifyResult->hide();
    m_message = wrappingLabel(QStringLiteral("auditMessage"), this);
    m_message->hide();

    m_model = new AuditModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(160);

    // The filters wrap onto two rows; each field keeps its label beside it.
    auto *filters = new QGridLayout;
    filters->addWidget(m_userLabel, 0, 0);
    filters->addWidget(m_user, 0, 1);
    filters->addWidget(m_actionLabel, 0, 2);
    filters->addWidget(m_action, 0, 3);
    filters->addWidget(m_subjectLabel, 0, 4);
    auto *subject = new QHBoxLayout;
    subject->addWidget(m_subjectKind, 1);
    subject->addWidget(m_subjectId, 1);
    filters->addLayout(subject, 0, 5);
    filters->addWidget(m_fromCheck, 1, 0);
    filters->addWidget(m_from, 1, 1);
    filters->addWidget(m_toCheck, 1, 2);
    filters->addWidget(m_to, 1, 3);
    auto *filterButtons = new QHBoxLayout;
    filterButtons->addWidget(m_searchButton);
    filterButtons->addWidget(m_clearButton);
    filterButtons->addStretch(1);
    filters->addLayout(filterButtons, 1, 4, 1, 2);
    for (int column : {1, 3, 5})
        filters->setColumnStretch(column, 1);

    auto *results = new QHBoxLayout;
    results->addWidget(m_count, 1);
    results->addWidget(m_exportButton);
    results->addWidget(m_verifyButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(m_heading);
    layout->addLayout(filters);
    layout->addLayout(results);
    layout->addWidget(m_verifyResult);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);

    retranslateUi();
    updateActions();
}

AuditDesk::~AuditDesk() = default;

QString AuditDesk::title() const
{
    return tr("Audit trail");
}

void AuditDesk::setHub(Console::HubClient *hub, const Console::HubSession &session)
{
    m_client.reset();
    m_searched = false;
    m_model->setEntries({});
    m_verifyResult->hide();
    m_message->hide();
    m_shown = -1;
    m_count->clear();
    if (hub) {
        m_client = std::make_unique<Console::AuditClient>(*hub, session);
        connect(m_client.get(), &Console::AuditClient::entriesLoaded, this,
                &AuditDesk::showEntries);
        connect(m_client.get(), &Console::AuditClient::verified, this,
                &AuditDesk::showVerification);
        connect(m_client.get(), &Console::AuditClient::failed, this,
                [this](const QString &message) {
                    updateActions();
                    showMessage(message, QStringLiteral("problem"));
                });
    }
    updateActions();
}

void AuditDesk::activated()
{
    if (!m_searched)
        search();
}

Console::AuditFilter AuditDesk::filter() const
{
    Console::AuditFilter f;
    f.actor = m_user->text().trimmed();
    f.action = m_action->currentText().trimmed();
    const QString kind = m_subjectKind->currentData().toString();
    const QString id = m_subjectId->text().trimmed();
    // A patient is looked up by number, phone or name, with everything about them.
    if (kind == QLatin1String("patient") && !id.isEmpty())
        f.patient = id;
    else if (!kind.isEmpty())
        f.subject = kind + u':' + id;
    if (m_fromCheck->isChecked())
        f.from = m_from->dateTime();
    if (m_toCheck->isChecked())
        f.to = m_to->dateTime();
    f.limit = m_limit;
    return f;
}

void AuditDesk::search()
{
    if (!m_client)
        return;
    m_searched = true;
    m_message->hide();
    updateActions();
    m_client->search(filter());
}

void AuditDesk::verify()
{
    if (!m_client)
        return;
    m_verifyButton->setEnabled(false);
    m_verifyResult->hide();
    m_client->verify();
}

void AuditDesk::showEntries(const QList<Console::AuditEntry> &entries)
{
    m_model->setEntries(entries);
    // The actions met so far become choices.
    QSet<QString> known;
    for (int i = 0; i < m_action->count(); ++i)
        known.insert(m_action->itemText(i));
    QStringList added;
    for (const Console::AuditEntry &e : entries) {
        if (!known.contains(e.action)) {
            known.insert(e.action);
            added.append(e.action);
        }
    }
    added.sort();
    const QString typed = m_action->currentText();
    m_action->addItems(added);
    m_action->setCurrentText(typed);
    m_shown = int(entries.size());
    updateCount();
    updateActions();
}

void AuditDesk::updateCount()
{
    if (m_shown < 0)
        return m_count->clear();
    m_count->setText(m_shown >= m_limit
                         ? tr("The newest %n entries are shown; narrow the filters to see older "
                              "ones.",
                              nullptr, m_shown)
                         : tr("%n entries shown.", nullptr, m_shown));
}

void AuditDesk::showVerification(const Console::AuditVerification &result)
{
    m_verifyResult->setText(
        result.intact ? tr("The trail is intact: %n entries checked, none altered or missing.",
                           nullptr, int(result.entries))
                      //: %1 is the hub's description of the first bad entry.
                      : tr("The trail is not intact. First bad entry: %1").arg(result.problem));
    m_verifyResult->setProperty("kind", result.intact ? QStringLiteral("intact")
                                                      : QStringLiteral("broken"));
    restyle(m_verifyResult);
    m_verifyResult->show();
    updateActions();
}

void AuditDesk::showMessage(const QString &text, const QString &kind)
{
    m_message->setText(text);
    m_message->setProperty("kind", kind);
    restyle(m_message);
    m_message->setVisible(!text.isEmpty());
}

void AuditDesk::chooseExportFile()
{
    // Not a blocking exec(): the console keeps taking the hub's events while it is open.
    auto *dialog = new QFileDialog(this, tr("Export audit entries"));
    dialog->setObjectName(QStringLiteral("auditExportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->setNameFilter(tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog->selectFile(
        QStringLiteral("wardline-audit-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &path) { (void)exportCsv(path); });
    dialog->open();
}

bool AuditDesk::exportCsv(const QString &path)
{
    QSaveFile file(path);
    const QByteArray csv =
        Console::CsvWriter::document(m_model->headerTexts(), m_model->rowTexts());
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        //: %1 is the file, %2 the system's reason.
        showMessage(tr("The entries could not be saved to %1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString()),
                    QStringLiteral("problem"));
        return false;
    }
    //: %1 is the file.
    showMessage(tr("%n entries saved to %1.", nullptr, m_model->rowCount())
                    .arg(QDir::toNativeSeparators(path)),
                QStringLiteral("done"));
    return true;
}

void AuditDesk::clearFilters()
{
    m_user->clear();
    m_action->setCurrentText(QString());
    m_subjectKind->setCurrentIndex(0);
    m_subjectId->clear();
    m_fromCheck->setChecked(false);
    m_toCheck->setChecked(false);
    search();
}

void AuditDesk::updateActions()
{
    const bool connected = m_client != nullptr;
    // A new search may start while one is on its way: only the latest answer is shown.
    m_searchButton->setEnabled(connected);
    m_clearButton->setEnabled(connected);
    m_verifyButton->setEnabled(connected);
    m_exportButton->setEnabled(connected && m_model->rowCount() > 0);
    m_subjectId->setEnabled(!m_subjectKind->currentData().toString().isEmpty());
}

void AuditDesk::subjectKindChanged()
{
    const bool patient = m_subjectKind->currentData().toString() == QLatin1String("patient");
    if (patient == (m_subjectId->validator() != nullptr))
        m_subjectId->clear(); // a name does not fit a number field, nor the other way round
    m_subjectId->setValidator(patient ? nullptr : m_subjectValidator);
    m_subjectId->setPlaceholderText(patient ? tr("Number, phone or name") : tr("Number"));
    m_subjectId->setToolTip(patient ? tr("Every record about the patient: their conversations, "
                                         "appointments, photos and files. Leave it empty to see "
                                         "every patient record.")
                                    : tr("Leave it empty to see every record of this kind."));
    updateActions();
}

void AuditDesk::retranslateUi()
{
    m_heading->setText(tr("Who did what, to which record, and when. Reading the trail is itself "
                          "recorded."));
    m_userLabel->setText(tr("&User"));
    m_user->setPlaceholderText(tr("Any user"));
    m_actionLabel->setText(tr("&Action"));
    m_action->lineEdit()->setPlaceholderText(tr("Any action"));
    m_subjectLabel->setText(tr("&Record"));
    // The kinds of subject the hub writes ("patient:12", "conversation:5" …).
    const QString kind = m_subjectKind->currentData().toString();
    const QSignalBlocker blocker(m_subjectKind);
    m_subjectKind->clear();
    m_subjectKind->addItem(tr("Any record"), QString());
    m_subjectKind->addItem(tr("Patient"), QStringLiteral("patient"));
    m_subjectKind->addItem(tr("Conversation"), QStringLiteral("conversation"));
    m_subjectKind->addItem(tr("Appointment"), QStringLiteral("appointment"));
    m_subjectKind->addItem(tr("Wound photo"), QStringLiteral("photo"));
    m_subjectKind->addItem(tr("Media file"), QStringLiteral("media"));
    m_subjectKind->addItem(tr("Staff account"), QStringLiteral("user"));
    m_subjectKind->addItem(tr("Setting"), QStringLiteral("setting"));
    m_subjectKind->addItem(tr("Template"), QStringLiteral("template"));
    m_subjectKind->setCurrentIndex(std::max(0, m_subjectKind->findData(kind)));
    connect(m_subjectKind, &QComboBox::currentIndexChanged, this, &AuditDesk::subjectKindChanged,
            Qt::UniqueConnection);
    subjectKindChanged();
    m_fromCheck->setText(tr("&From"));
    m_toCheck->setText(tr("Un&til"));
    m_searchButton->setText(tr("&Search"));
    m_clearButton->setText(tr("Clear filters"));
    m_exportButton->setText(tr("&Export CSV…"));
    m_verifyButton->setText(tr("&Verify trail"));
    updateCount();
}

void AuditDesk::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Desk::changeEvent(event);
}

} // namespace Wardline::Ui
