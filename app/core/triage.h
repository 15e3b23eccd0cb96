#pragma once

#include "core/conversation.h"
#include "core/result.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace Wardline::Core {

/// A whole-message menu choice or template keyword (the welcome menu and the approved
/// templates' quick replies).
enum class Keyword {
    None,
    MenuRefill,
    MenuAppointment,
    MenuLabResults,
    MenuNurse,
    Change,
    Location,
    Help,
    Confirm,
    Stop,
    Start,
    Taken,
    Skipped
};

[[nodiscard]] QString keywordName(Keyword keyword); ///< "MENU_REFILL", "CHANGE", ... "NONE"
[[nodiscard]] std::optional<Keyword> keywordFromName(QStringView name);

/// What triage decided about one inbound message, and why.
struct TriageResult
{
    Category category = Category::General;
    Priority priority = Priority::P4;
    QString reason;   ///< the words that decided it, for the nurse: emergency: "chest pain" (...)
    QString language; ///< "en" or "es": detected, else the hint, else "en"
    Keyword keyword = Keyword::None; ///< set when the whole message is a menu choice or keyword
};

struct TriageTables;

/// Sorts every inbound patient message into a category and priority with lexicons that a
/// clinical lead can read and edit (resources/triage/*.json). Built once, then immutable:
/// classify() may be called from any number of threads at once; copies share the tables.
class TriageEngine
{
public:
    /// The lexicons shipped inside the program (Qt resources under :/triage).
    [[nodiscard]] static Result<TriageEngine> loadBuiltIn();
    /// A clinical lead's edited copy: language files (en.json, es.json, ...) and rules.json.
    /// Every problem is reported with the file and the entry, and nothing is half-loaded.
    [[nodiscard]] static Result<TriageEngine> loadFromFiles(const QStringList &paths);

    /// \a languageHint (e.g. the patient's preferred language) decides only when the text
    /// itself does not tell the language; it never changes the category.
    [[nodiscard]] TriageResult classify(const QString &text,
                                        const QString &languageHint = {}) const;
    /// The languages the loaded lexicons cover, e.g. {"en", "es"}.
    [[nodiscard]] QStringList languages() const;

private:
    explicit TriageEngine(std::shared_ptr<const TriageTables> tables);
    std::shared_ptr<const TriageTables> m_tables;
};

} // namespace Wardline::Core
