#include "ui/shortcuts.h"

#include <QCoreApplication>

namespace Wardline::Ui {

namespace {
constexpr const char *Context = "Wardline::Ui::Shortcuts";
} // namespace

const QList<ShortcutDefinition> &Shortcuts::all()
{
    // J and K only while the conversation list has the focus, so they never eat typed text.
    static const QList<ShortcutDefinition> table = {
        {ShortcutAction::NextConversation,
         {QKeySequence(Qt::ALT | Qt::Key_Down), QKeySequence(Qt::Key_J)},
         QT_TRANSLATE_NOOP("Wardline::Ui::Shortcuts", "Next conversation"),
         QT_TRANSLATE_NOOP("Wardline::Ui::Shortcuts", "J and K only in the conversation list"),
         true},
        {ShortcutAction::PreviousConversation,
         {QKeySequence(Qt::ALT | Qt::Key_Up), QKeySequence(Qt::Key_K)},
         QT_TRANSLATE_NOOP("Wardline::Ui::Shortcuts", "Previous conversation"),
         QT_TRANSLATE_NOOP("Wardline::Ui::Shortcuts", "J and K only in the conversation list"),
         true},
        {ShortcutAction::NextEmergency,
         {QKeySequence(Qt::CTRL | Qt::Key_E)},
         QT_TRANSLATE_NOOP("Wardline::Ui::Shortcuts", "Next emergency"),
         "",
         true},
        {ShortcutAction::Claim,
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
         QT_TRANSLATE_NOOP("Wardline::Ui::Shortcuts", "Claim the conversation"),
         "",
         true},
        {ShortcutAction::FocusComposer,
         {QKeySequence(Qt::CTRL | Qt::Key_R)},
         QT_TRANSLATE_NOOP("Wardline::Ui::Shortcuts", "Write a reply"),
         "",
         true},
        {ShortcutAction::Send,
         {QKeySequence(Qt::CTRL | Qt::Key_Return)},
         QT_TRANSLATE_NOOP("Wardline::Ui::Shortcuts", "Send the reply"),
         QT_TRANSLATE_NOOP("Wardline::Ui::Shortcuts", "In the reply box"),
         false},
        {ShortcutAction::Search,
         {QKeySequence(QKeySequence::Find)},
         QT_TRANSLATE_NOOP("Wardline::Ui::Shortcuts", "Search patients and messages"),
         "",
         false},
        {ShortcutAction::Lock,
         {QKeySequence(Qt::CTRL | Qt::Key_L)},
         QT_TRANSLATE_NOOP("Wardline::Ui::Shortcuts", "Lock the console"),
         "",
         true},
        {ShortcutAction::Help,
         {QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_Slash)},
         QT_TRANSLATE_NOOP("Wardline::Ui::Shortcuts", "Show these shortcuts"),
         "",
         true},
    };
    return table;
}

const ShortcutDefinition &Shortcuts::definition(ShortcutAction action)
{
    for (const ShortcutDefinition &d : all()) {
        if (d.action == action)
            return d;
    }
    Q_UNREACHABLE();
}

QString Shortcuts::translate(const char *text)
{
    return text && *text ? QCoreApplication::translate(Context, text) : QString();
}

QString Shortcuts::keysText(const ShortcutDefinition &definition)
{
    QStringList keys;
    for (const QKeySequence &k : definition.keys)
        keys.append(k.toString(QKeySequence::NativeText));
    return keys.join(QStringLiteral(", "));
}

} // namespace Wardline::Ui
