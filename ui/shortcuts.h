#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

namespace Wardline::Ui {

/// What a console keyboard shortcut does.
enum class ShortcutAction {
    NextConversation,
    PreviousConversation,
    NextEmergency,
    Claim,
    FocusComposer,
    Send,
    Search,
    Lock,
    Help,
};

/// One row of the console's shortcut table: the keys and what they do. The help overlay is
/// generated from this table, so a shortcut that is not here does not exist for the user.
struct ShortcutDefinition
{
    ShortcutAction action;
    QList<QKeySequence> keys;
    /// Where it applies, in the user's words; untranslated source (see Shortcuts::translate).
    const char *description;
    /// Empty: everywhere in the window; else when to press it (for example "in the list").
    const char *where;
    /// Installed by HomeWindow; false for keys another widget handles (Send, Search).
    bool installedByHome;
};

/// The console's keyboard shortcuts in one table (F1 shows them).
class Shortcuts
{
public:
    Shortcuts() = delete;

    [[nodiscard]] static const QList<ShortcutDefinition> &all();
    [[nodiscard]] static const ShortcutDefinition &definition(ShortcutAction action);
    /// \a text from the table in the current UI language.
    [[nodiscard]] static QString translate(const char *text);
    /// The keys as shown to the user ("Alt+Down, J"), in the platform's native form.
    [[nodiscard]] static QString keysText(const ShortcutDefinition &definition);
};

} // namespace Wardline::Ui
