#pragma once

#include "core/conversation.h"
#include "core/result.h"
#include "core/triage.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <map>

namespace Wardline::Core {

/// Phrases that change how a nearby symptom is read, and how many words away they still act.
struct TriageCueList
{
    QStringList phrases;
    int scope = 0;
};

/// A named list of phrases from a lexicon file: a category's evidence, a tag for escalation
/// rules, or both.
struct TriagePhraseGroup
{
    QString label;                    ///< shown in the reason, e.g. "chest pain or pressure"
    std::optional<Category> category; ///< none for a pure tag (e.g. "criticalMedication")
    QString tag;                      ///< referred to by escalation rules
    int weight = 1;                   ///< evidence strength among the non-emergency categories
    bool alwaysCurrent = false;       ///< negation and history never discount it
    QStringList phrases;
};

/// One language file (resources/triage/<code>.json) as written by the clinical lead.
struct TriageLanguageLexicon
{
    QString code;
    QString fileName;
    QStringList functionWords;
    QStringList notTypos;
    QList<QStringList> sameMeaning;
    QHash<QString, QString> emoji;
    QStringList clauseBreaks;
    QStringList scopeStops;
    TriageCueList negationBefore, negationAfter, historyBefore, historyAfter, topicBefore,
        topicAfter;
    QStringList notNegation;
    QStringList recurrence;
    QStringList fillers;
    QList<std::pair<Keyword, QStringList>> keywords;
    QList<TriagePhraseGroup> groups;
};

/// When every tag is present in a message of \a category, its priority rises to \a priority.
struct TriageEscalationRule
{
    Category category = Category::General;
    Priority priority = Priority::P4;
    QStringList whenTags;
    QString why;
};

/// Everything the triage lexicon files say, checked but not yet compiled for matching.
struct TriageLexicon
{
    QList<TriageLanguageLexicon> languages;
    std::map<Category, Priority> priorities;
    QList<TriageEscalationRule> escalation;
    std::map<Keyword, Category> keywordCategories;
    Category discountedSymptomCategory = Category::Nurse;
    int discountedSymptomWeight = 1;
    QList<Category> tieBreak;

    /// Reads and checks \a paths; the error names the file and the entry at fault.
    [[nodiscard]] static Result<TriageLexicon> load(const QStringList &paths);
};

} // namespace Wardline::Core
