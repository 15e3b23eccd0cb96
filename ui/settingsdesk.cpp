#include "ui/settingsdesk.h"

#include "console/cannedresponses.h"
#include "ui/cannedresponseseditor.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <utility>

namespace Wardline::Ui {

namespace {
const QString TimeFormat = QStringLiteral("HH:mm");

bool isMinutes(const QString &key)
{
    return key.endsWith(QLatin1String("_minutes"));
}
bool isClockTime(const QString &key)
{
    return key == QLatin1String("site/quiet_start") || key == QLatin1String("site/quiet_end");
}
bool isDegrees(const QString &key)
{
    return key == QLatin1String("site/location_latitude") ||
           key == QLatin1String("site/location_longitude");
}
bool isLongText(const QString &key)
{
    return key.startsWith(QLatin1String("site/emergency_text_"));
}
// The idle lock may be left to the hub's configuration (an empty value, shown as 0).
bool mayBeEmpty(const QString &key)
{
    return key == QLatin1String("site/idle_lock_minutes");
}
} // namespace

SettingsDesk::SettingsDesk(QWidget *parent)
    : Desk(parent)
{
    setObjectName(QStringLiteral("settingsdesk"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    auto *sitePage = new QWidget(m_tabs);
    m_headingLabel = new QLabel(this);
    m_headingLabel->setWordWrap(true);

    m_form = new QWidget;
    m_form->setObjectName(QStringLiteral("settingsForm"));
    auto *formLayout = new QVBoxLayout(m_form);
    formLayout->addStretch();
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(m_form);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("settingsStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->hide();

    m_saveButton = new QPushButton(this);
    m_saveButton->setObjectName(QStringLiteral("saveSettingsButton"));
    m_revertButton = new QPushButton(this);
    m_revertButton->setObjectName(QStringLiteral("revertSettingsButton"));
    connect(m_saveButton, &QPushButton::clicked, this, &SettingsDesk::save);
    connect(m_revertButton, &QPushButton::clicked, this, &SettingsDesk::reload);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_revertButton);
    buttons->addWidget(m_saveButton);

    auto *siteLayout = new QVBoxLayout(sitePage);
    siteLayout->addWidget(m_headingLabel);
    siteLayout->addWidget(m_scroll, 1);
    siteLayout->addWidget(m_statusLabel);
    siteLayout->addLayout(buttons);
    m_cannedEditor = new CannedResponsesEditor(m_tabs);
    m_tabs->addTab(sitePage, QString());
    m_tabs->addTab(m_cannedEditor, QString());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    retranslateUi();
    updateButtons();
}

SettingsDesk::~SettingsDesk() = default;

QString SettingsDesk::title() const
{
    return tr("Site settings");
}

void SettingsDesk::retranslateUi()
{
    m_tabs->setTabText(0, tr("Site settings"));
    m_tabs->setTabText(1, tr("Canned responses"));
    m_headingLabel->setText(tr("Settings of the whole site, shared by every hub and console. "
                               "Changes are saved together, take effect at once and are written "
                               "to the audit trail."));
    m_saveButton->setText(tr("&Save changes"));
    m_revertButton->setText(tr("&Undo changes"));
    for (const auto &[group, box] : std::as_const(m_groups))
        box->setTitle(groupTitle(group));
    for (const Field &f : std::as_const(m_fields)) {
        f.label->setText(labelFor(f.setting.key));
        f.help->setText(helpFor(f.setting));
    }
}

void SettingsDesk::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        Q_EMIT titleChanged();
    }
    Desk::changeEvent(event);
}

void SettingsDesk::setHub(Console::HubClient *hub, const Console::HubSession &session)
{
    delete std::exchange(m_client, nullptr);
    m_cannedEditor->setSource(nullptr);
    delete std::exchange(m_canned, nullptr);
    clearForm();
    showStatus(QString(), false);
    m_saving = false;
    if (hub) {
        m_client = new Console::AdminClient(*hub, session, this);
        m_canned = new Console::CannedResponses(*hub, session, this);
        m_cannedEditor->setSource(m_canned);
        m_canned->refresh();
        reload();
    }
    updateButtons();
}

void SettingsDesk::hubEvents(const QStringList &kinds)
{
    // Another administrator saved: show their values, unless this one is in the middle of
    // editing (their save would then be checked against the new values by the hub anyway).
    if (kinds.contains(QLatin1String("settings.changed")) && changedKeys().isEmpty() && !m_saving)
        reload();
    if (m_canned && kinds.contains(Console::CannedResponses::changedEvent()))
        m_canned->refresh();
}

CannedResponsesEditor *SettingsDesk::showCannedResponses()
{
    m_tabs->setCurrentWidget(m_cannedEditor);
    return m_cannedEditor;
}

void SettingsDesk::activated()
{
    if (changedKeys().isEmpty())
        reload();
}

void SettingsDesk::reload()
{
    if (!m_client)
        return;
    m_client->settings([this](Core::Result<QList<Console::SiteSetting>> settings) {
        if (!settings) {
            showStatus(settings.error(), true);
        } else {
            build(settings.value());
        }
        updateButtons();
        Q_EMIT loaded();
    });
}

void SettingsDesk::clearForm()
{
    m_fields.clear();
    for (const auto &[group, box] : std::as_const(m_groups))
        delete box;
    m_groups.clear();
}

QString SettingsDesk::groupOf(const QString &key)
{
    if (key.startsWith(QLatin1String("site/emergency")))
        return QStringLiteral("emergency");
    if (key == QLatin1String("site/phone"))
        return QStringLiteral("contact");
    if (key.startsWith(QLatin1String("site/location")))
        return QStringLiteral("location");
    if (key.startsWith(QLatin1String("site/quiet")) || key == QLatin1String("site/time_zone"))
        return QStringLiteral("time");
    if (key.startsWith(QLatin1String("sla/")))
        return QStringLiteral("sla");
    if (key.startsWith(QLatin1String("template/")))
        return QStringLiteral("templates");
    return QStringLiteral("other");
}

QString SettingsDesk::groupTitle(const QString &group) const
{
    if (group == QLatin1String("emergency"))
        return tr("Emergency reply");
    if (group == QLatin1String("time"))
        return tr("Quiet hours and time zone");
    if (group == QLatin1String("location"))
        return tr("LOCATION reply");
    if (group == QLatin1String("contact"))
        return tr("Contact for patients");
    if (group == QLatin1String("sla"))
        return tr("Service-level targets (minutes)");
    if (group == QLatin1String("templates"))
        return tr("Templates the automations send");
    return tr("Consoles");
}

QString SettingsDesk::labelFor(const QString &key) const
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("site/emergency_number"), QT_TR_NOOP("Emergency number")},
        {QStringLiteral("site/emergency_text_en"), QT_TR_NOOP("Instruction in English")},
        {QStringLiteral("site/emergency_text_es"), QT_TR_NOOP("Instruction in Spanish")},
        {QStringLiteral("site/time_zone"), QT_TR_NOOP("Time zone")},
        {QStringLiteral("site/quiet_start"), QT_TR_NOOP("Quiet hours start")},
        {QStringLiteral("site/quiet_end"), QT_TR_NOOP("Quiet hours end")},
        {QStringLiteral("site/location_name"), QT_TR_NOOP("Place name")},
        {QStringLiteral("site/location_address"), QT_TR_NOOP("Address")},
        {QStringLiteral("site/phone"), QT_TR_NOOP("Phone number")},
        {QStringLiteral("site/location_latitude"), QT_TR_NOOP("Latitude")},
        {QStringLiteral("site/location_longitude"), QT_TR_NOOP("Longitude")},
        {QStringLiteral("sla/refill_minutes"), QT_TR_NOOP("Refill requests")},
        {QStringLiteral("sla/lab_minutes"), QT_TR_NOOP("Lab-result questions")},
        {QStringLiteral("sla/nurse_minutes"), QT_TR_NOOP("Nurse questions")},
        {QStringLiteral("sla/emergency_minutes"), QT_TR_NOOP("Emergencies")},
        {QStringLiteral("site/idle_lock_minutes"), QT_TR_NOOP("Screen lock after (minutes)")},
    };
    if (const char *label = labels.value(key))
        return tr(label);
    // A template's automation, or a key this console does not know yet: its own name.
    return key.section(u'/', 1);
}

QString SettingsDesk::helpFor(const Console::SiteSetting &setting) const
{
    static const QHash<QString, const char *> help = {
        {QStringLiteral("site/emergency_number"),
         QT_TR_NOOP("The number patients are told to call in an emergency, like 911 or 112.")},
        {QStringLiteral("site/emergency_text_en"),
         QT_TR_NOOP("Sent at once when a message reads as an emergency. Write %1 where the "
                    "emergency number goes. Empty: Wardline's own text.")},
        {QStringLiteral("site/emergency_text_es"),
         QT_TR_NOOP("The same for patients who write in Spanish. Write %1 where the emergency "
                    "number goes. Empty: Wardline's own text.")},
        {QStringLiteral("site/time_zone"),
         QT_TR_NOOP("For patients without a time zone of their own, e.g. America/Chicago. "
                    "Empty: the hub computer's.")},
        {QStringLiteral("site/quiet_start"),
         QT_TR_NOOP("No automated non-urgent message is sent from this time…")},
        {QStringLiteral("site/quiet_end"),
         QT_TR_NOOP("…until this time, in the patient's local time.")},
        {QStringLiteral("site/location_name"),
         QT_TR_NOOP("A patient who writes LOCATION receives the place's name, address and a "
                    "map pin. Empty: no LOCATION reply.")},
        {QStringLiteral("site/location_address"), QT_TR_NOOP("The address under the name.")},
        {QStringLiteral("site/phone"),
         QT_TR_NOOP("The number patients may call, filled in where a canned response says "
                    "{site_phone}.")},
        {QStringLiteral("site/location_latitude"),
         QT_TR_NOOP("Where the map pin goes, in degrees (north is positive).")},
        {QStringLiteral("site/location_longitude"),
         QT_TR_NOOP("Where the map pin goes, in degrees (east is positive).")},
        {QStringLiteral("sla/refill_minutes"),
         QT_TR_NOOP("Staff confirm a refill request within this.")},
        {QStringLiteral("sla/lab_minutes"),
         QT_TR_NOOP("A patient hears about their lab-result question within this.")},
        {QStringLiteral("sla/nurse_minutes"),
         QT_TR_NOOP("A nurse answers a non-urgent clinical question within this.")},
        {QStringLiteral("sla/emergency_minutes"),
         QT_TR_NOOP("A nurse claims an emergency within this.")},
        {QStringLiteral("site/idle_lock_minutes"),
         QT_TR_NOOP("A console with no keyboard or mouse input for this long locks its screen "
                    "(at the next sign-in). 0: the hub's configuration decides.")},
    };
    if (const char *text = help.value(setting.key))
        return tr(text);
    return setting.help; // the hub's own words (template variables and the like)
}

QWidget *SettingsDesk::makeEditor(const Console::SiteSetting &setting, QWidget *parent)
{
    const QString &key = setting.key;
    QWidget *editor = nullptr;
    if (isMinutes(key)) {
        auto *spin = new QSpinBox(parent);
        // The hub's range (SiteSettings::set): one minute to a week.
        spin->setRange(mayBeEmpty(key) ? 0 : 1, 7 * 24 * 60);
        spin->setValue(setting.value.toInt());
        spin->setMaximumWidth(160);
        editor = spin;
    } else if (isClockTime(key)) {
        auto *time = new QTimeEdit(parent);
        time->setDisplayFormat(TimeFormat);
        time->setTime(QTime::fromString(setting.value, TimeFormat));
        time->setMaximumWidth(160);
        editor = time;
    } else if (isDegrees(key)) {
        auto *degrees = new QDoubleSpinBox(parent);
        const double limit = key.endsWith(QLatin1String("latitude")) ? 90 : 180;
        degrees->setRange(-limit, limit);
        degrees->setDecimals(6);
        degrees->setValue(setting.value.toDouble());
        degrees->setMaximumWidth(200);
        editor = degrees;
    } else if (isLongText(key)) {
        auto *text = new QPlainTextEdit(setting.value, parent);
        text->setTabChangesFocus(true);
        text->setFixedHeight(text->fontMetrics().lineSpacing() * 4 + 12);
        editor = text;
    } else {
        editor = new QLineEdit(setting.value, parent);
    }
    editor->setObjectName(key);
    return editor;
}

QString SettingsDesk::valueOf(const QWidget *editor)
{
    if (auto *spin = qobject_cast<const QSpinBox *>(editor)) {
        if (spin->value() == 0 && mayBeEmpty(spin->objectName()))
            return {};
        return QString::number(spin->value());
    }
    if (auto *time = qobject_cast<const QTimeEdit *>(editor))
        return time->time().toString(TimeFormat);
    if (auto *degrees = qobject_cast<const QDoubleSpinBox *>(editor))
        return QString::number(degrees->value(), 'f', degrees->decimals());
    if (auto *text = qobject_cast<const QPlainTextEdit *>(editor))
        return text->toPlainText();
    if (auto *line = qobject_cast<const QLineEdit *>(editor))
        return line->text().trimmed();
    return {};
}

void SettingsDesk::build(const QList<Console::SiteSetting> &settings)
{
    clearForm();
    auto *formLayout = static_cast<QVBoxLayout *>(m_form->layout());
    QHash<QString, QFormLayout *> forms;
    for (const Console::SiteSetting &setting : settings) {
        const QString group = groupOf(setting.key);
        QFormLayout *form = forms.value(group);
        if (!form) {
            auto *box = new QGroupBox(m_form);
            box->setObjectName(QStringLiteral("group-") + group);
            form = new QFormLayout(box);
            // Long (Spanish) labels put the editor under the label rather than squeezing it.
            form->setRowWrapPolicy(QFormLayout::WrapLongRows);
            form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
            forms.insert(group, form);
            m_groups.append({group, box});
            formLayout->insertWidget(formLayout->count() - 1, box);
        }
        Field f;
        f.setting = setting;
        f.editor = makeEditor(setting, m_form);
        f.initial = valueOf(f.editor);
        f.label = new QLabel(m_form);
        f.label->setBuddy(f.editor);
        f.label->setWordWrap(true);
        f.label->setToolTip(setting.key);
        f.help = new QLabel(m_form);
        f.help->setWordWrap(true);
        f.help->setTextFormat(Qt::PlainText);
        f.help->setStyleSheet(QStringLiteral("color: #52616f;"));
        f.error = new QLabel(m_form);
        f.error->setObjectName(QStringLiteral("error:") + setting.key);
        f.error->setWordWrap(true);
        f.error->setTextFormat(Qt::PlainText); // the hub's words
        f.error->setStyleSheet(QStringLiteral("color: #8c1d18; font-weight: 600;"));
        f.error->hide();
        auto *cell = new QWidget(m_form);
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(2);
        cellLayout->addWidget(f.editor);
        cellLayout->addWidget(f.help);
        cellLayout->addWidget(f.error);
        f.editor->setParent(cell);
        f.help->setParent(cell);
        f.error->setParent(cell);
        form->addRow(f.label, cell);
        m_fields.append(f);
        const auto edited = [this] { updateButtons(); };
        if (auto *spin = qobject_cast<QSpinBox *>(f.editor))
            connect(spin, &QSpinBox::valueChanged, this, edited);
        else if (auto *time = qobject_cast<QTimeEdit *>(f.editor))
            connect(time, &QTimeEdit::timeChanged, this, edited);
        else if (auto *degrees = qobject_cast<QDoubleSpinBox *>(f.editor))
            connect(degrees, &QDoubleSpinBox::valueChanged, this, edited);
        else if (auto *text = qobject_cast<QPlainTextEdit *>(f.editor))
            connect(text, &QPlainTextEdit::textChanged, this, edited);
        else if (auto *line = qobject_cast<QLineEdit *>(f.editor))
            connect(line, &QLineEdit::textChanged, this, edited);
    }
    retranslateUi();
}

const SettingsDesk::Field *SettingsDesk::field(const QString &key) const
{
    for (const Field &f : m_fields) {
        if (f.setting.key == key)
            return &f;
    }
    return nullptr;
}

QWidget *SettingsDesk::editor(const QString &key) const
{
    const Field *f = field(key);
    return f ? f->editor : nullptr;
}

QString SettingsDesk::errorFor(const QString &key) const
{
    const Field *f = field(key);
    return f && !f->error->isHidden() ? f->error->text() : QString();
}

QStringList SettingsDesk::changedKeys() const
{
    QStringList keys;
    for (const Field &f : m_fields) {
        if (valueOf(f.editor) != f.initial)
            keys.append(f.setting.key);
    }
    return keys;
}

void SettingsDesk::updateButtons()
{
    const bool changed = !changedKeys().isEmpty();
    m_saveButton->setEnabled(m_client && changed && !m_saving);
    m_revertButton->setEnabled(m_client && changed && !m_saving);
}

void SettingsDesk::showStatus(const QString &message, bool error)
{
    m_statusLabel->setText(message);
    m_statusLabel->setStyleSheet(error ? QStringLiteral("color: #8c1d18;")
                                       : QStringLiteral("color: #0b4a6f;"));
    m_statusLabel->setVisible(!message.isEmpty());
}

void SettingsDesk::save()
{
    const QStringList keys = changedKeys();
    if (!m_client || keys.isEmpty() || m_saving)
        return;
    QHash<QString, QString> changes;
    for (const Field &f : std::as_const(m_fields)) {
        f.error->hide();
        if (keys.contains(f.setting.key))
            changes.insert(f.setting.key, valueOf(f.editor));
    }
    m_saving = true;
    updateButtons();
    showStatus(tr("Saving…"), false);
    m_client->saveSettings(changes, [this](std::optional<Console::SettingsRefusal> refusal) {
        m_saving = false;
        if (!refusal) {
            showStatus(tr("The settings are saved."), false);
            reload();
            Q_EMIT saved(true);
            return;
        }
        const Field *f = field(refusal->key);
        if (f) {
            f->error->setText(refusal->message);
            f->error->show();
            m_scroll->ensureWidgetVisible(f->editor);
            f->editor->setFocus();
            showStatus(tr("Nothing was saved: correct the value marked in red and save again."),
                       true);
        } else {
            showStatus(tr("Nothing was saved: %1").arg(refusal->message), true);
        }
        updateButtons();
        Q_EMIT saved(false);
    });
}

} // namespace Wardline::Ui
