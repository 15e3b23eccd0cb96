#include "core/triage.h"

#include "core/textnormalizer.h"
#include "core/triagelexicon.h"

#include <QDir>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>
#include <vector>

namespace Wardline::Core {

namespace {

constexpr std::array<std::pair<Keyword, const char *>, 13> KeywordNames{{
    {Keyword::None, "NONE"},
    {Keyword::MenuRefill, "MENU_REFILL"},
    {Keyword::MenuAppointment, "MENU_APPOINTMENT"},
    {Keyword::MenuLabResults, "MENU_LAB_RESULTS"},
    {Keyword::MenuNurse, "MENU_NURSE"},
    {Keyword::Change, "CHANGE"},
    {Keyword::Location, "LOCATION"},
    {Keyword::Help, "HELP"},
    {Keyword::Confirm, "CONFIRM"},
    {Keyword::Stop, "STOP"},
    {Keyword::Start, "START"},
    {Keyword::Taken, "TAKEN"},
    {Keyword::Skipped, "SKIPPED"},
}};

// Phrase syntax in the lexicon files: "*" is exactly one word of any kind ("can't catch * breath"
// takes my/his/her), "..." is up to MaxGap words ("pain ... chest" takes "pain in my chest").
constexpr int AnyWord = -1;
constexpr int Gap = -2;
constexpr int MaxGap = 3;
constexpr int NoRun = -3;
constexpr qsizetype MaxReasonWords = 60;
constexpr qsizetype MaxFuzzyTokenLength = 40;

enum class Role {
    Group,
    Keyword,
    NegationBefore,
    NegationAfter,
    NotNegation,
    HistoryBefore,
    HistoryAfter,
    TopicBefore,
    TopicAfter,
    Recurrence,
    ClauseBreak,
    ScopeStop,
    Filler
};

struct CompiledPhrase
{
    Role role = Role::Group;
    int owner = -1; // index into groups or keywords
    int language = 0;
    int scope = 0;
    std::vector<int> words; // vocabulary ids, AnyWord or Gap
    // runs[k][len - 1]: the id of words k..k+len-1 written as one ("chestpain"), NoRun if the
    // span crosses a wildcard.
    std::vector<std::vector<int>> runs;
};

struct VocabEntry
{
    QString text;
    int id = 0;
    int maxEdits = 0;
};

struct CompiledGroup
{
    TriagePhraseGroup group;
    int language = 0;
};

enum class Discount { None, Negated, Past, Topic };

QString discountName(Discount d)
{
    switch (d) {
    case Discount::Negated:
        return QStringLiteral("negated");
    case Discount::Past:
        return QStringLiteral("in the past");
    case Discount::Topic:
        return QStringLiteral("named as a topic, not a symptom");
    case Discount::None:
        break;
    }
    return {};
}

struct TokenHit
{
    int id = 0;
    bool fuzzy = false;
};

struct PhraseHit
{
    int phrase = 0;
    int begin = 0;
    int end = 0; // one past the last token
    bool fuzzy = false;
};

// Edits a misspelling may have: none for short words, where one letter makes another word, and
// two only from nine letters on ("visiting" is two edits from "vomiting").
int allowedEdits(qsizetype length)
{
    if (length >= 9)
        return 2;
    if (length >= 5)
        return 1;
    return 0;
}

// Optimal string alignment distance (Levenshtein plus adjacent swaps), cut off above max.
int editDistance(QStringView a, QStringView b, int max)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    if (std::abs(n - m) > max)
        return max + 1;
    std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (qsizetype j = 0; j <= m; ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        cur[0] = int(i);
        int rowMin = cur[0];
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            rowMin = std::min(rowMin, cur[j]);
        }
        if (rowMin > max)
            return max + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

void addDeletions(const QString &word, int depth, QSet<QString> &out)
{
    if (depth == 0 || word.size() <= 1)
        return;
    for (qsizetype i = 0; i < word.size(); ++i) {
        QString shorter = word;
        shorter.remove(i, 1);
        if (!out.contains(shorter)) {
            out.insert(shorter);
            addDeletions(shorter, depth - 1, out);
        }
    }
}

bool isDigits(const QString &word)
{
    return std::all_of(word.begin(), word.end(), [](QChar c) { return c.isDigit(); });
}

} // namespace

/// The lexicons compiled for matching; immutable after loading.
struct TriageTables
{
    QStringList languages;
    TextNormalizer normalizer;
    QHash<QString, int> exact; // folded word or written-together phrase -> id
    std::vector<VocabEntry> entries;
    QHash<QString, std::vector<int>> deletions; // deletion variant -> entries
    QSet<QString> notTypos;
    QHash<QString, std::vector<int>> functionWords; // word -> languages
    std::vector<CompiledPhrase> phrases;
    QHash<int, std::vector<int>> phrasesByFirstWord;
    std::vector<CompiledGroup> groups;
    std::vector<std::pair<Keyword, int>> keywords; // keyword, language
    TriageLexicon rules;

    [[nodiscard]] QString compile(const TriageLexicon &lexicon);
    [[nodiscard]] TriageResult classify(const QString &text, const QString &hint) const;

private:
    int idFor(const QString &folded);
    [[nodiscard]] QString addPhrase(const QString &text, Role role, int owner, int language,
                                    int scope);
    void addCueList(const TriageCueList &cues, Role role, int language, QString &error);
    void addList(const QStringList &phrases, Role role, int language, QString &error);
    QHash<QString, int> m_canonical; // equivalent word -> the id of its group

    [[nodiscard]] std::vector<TokenHit> hitsFor(const QString &word) const;
    bool matchFrom(const CompiledPhrase &phrase, size_t k, int i, int segment, bool fuzzy,
                   const QList<TextToken> &tokens, const std::vector<std::vector<TokenHit>> &hits,
                   PhraseHit &out) const;
};

int TriageTables::idFor(const QString &folded)
{
    if (const auto it = exact.constFind(folded); it != exact.cend())
        return it.value();
    const int id = int(entries.size());
    const int canonical = m_canonical.value(folded, id);
    // Written-together forms stay within one edit: two would let unrelated words join.
    const int edits = allowedEdits(folded.size());
    entries.push_back(VocabEntry{folded, canonical, edits});
    exact.insert(folded, canonical);
    QSet<QString> variants;
    if (!isDigits(folded) && folded.size() >= 4)
        addDeletions(folded, std::max(edits, 1), variants);
    variants.insert(folded);
    for (const QString &v : std::as_const(variants))
        deletions[v].push_back(id);
    return canonical;
}

QString TriageTables::addPhrase(const QString &text, Role role, int owner, int language, int scope)
{
    CompiledPhrase p;
    p.role = role;
    p.owner = owner;
    p.language = language;
    p.scope = scope;
    std::vector<QString> folded; // parallel to p.words, empty for wildcards
    for (const QString &piece : text.split(u' ', Qt::SkipEmptyParts)) {
        if (piece == u"*" || piece == u"...") {
            p.words.push_back(piece == u"*" ? AnyWord : Gap);
            folded.emplace_back();
            continue;
        }
        for (const TextToken &t : TextNormalizer().tokenize(piece)) {
            p.words.push_back(idFor(t.word));
            folded.push_back(entries[size_t(p.words.back())].text);
        }
    }
    if (p.words.empty())
        return QStringLiteral("\"%1\" has no words").arg(text);
    if (p.words.front() < 0 || p.words.back() < 0)
        return QStringLiteral("\"%1\" may not start or end with * or ...").arg(text);

    // Patients run words together ("chestpain", "dolordepecho"): every wildcard-free span of
    // the phrase is also known as one word.
    p.runs.resize(p.words.size());
    for (size_t k = 0; k < p.words.size(); ++k) {
        QString joined;
        for (size_t j = k; j < p.words.size(); ++j) {
            if (p.words[j] < 0) {
                p.runs[k].push_back(NoRun);
                break;
            }
            // Join the canonical spellings so "his" and "my" give the same written-together form.
            joined += entries[size_t(p.words[j])].text;
            p.runs[k].push_back(j == k ? p.words[k] : idFor(joined));
        }
    }
    const int index = int(phrases.size());
    for (int first : p.runs.front()) {
        if (first == NoRun)
            break;
        auto &list = phrasesByFirstWord[first];
        if (std::find(list.begin(), list.end(), index) == list.end())
            list.push_back(index);
    }
    phrases.push_back(std::move(p));
    return {};
}

void TriageTables::addList(const QStringList &list, Role role, int language, QString &error)
{
    for (const QString &phrase : list) {
        const QString e = addPhrase(phrase, role, -1, language, 0);
        if (error.isEmpty() && !e.isEmpty())
            error = e;
    }
}

void TriageTables::addCueList(const TriageCueList &cues, Role role, int language, QString &error)
{
    for (const QString &phrase : cues.phrases) {
        const QString e = addPhrase(phrase, role, -1, language, cues.scope);
        if (error.isEmpty() && !e.isEmpty())
            error = e;
    }
}

QString TriageTables::compile(const TriageLexicon &lexicon)
{
    rules = lexicon;
    QHash<QString, QString> emoji;
    for (const TriageLanguageLexicon &lang : lexicon.languages) {
        if (!languages.contains(lang.code))
            languages.append(lang.code);
        for (auto it = lang.emoji.cbegin(); it != lang.emoji.cend(); ++it) {
            // Each language adds its own words for an emoji, so both lexicons can match it.
            QString &words = emoji[TextNormalizer::stripVariationSelectors(it.key())];
            words = words.isEmpty() ? it.value() : words + u' ' + it.value();
        }
    }
    normalizer = TextNormalizer(emoji);

    // Equivalent words first, so every phrase is compiled with the shared ids.
    for (const TriageLanguageLexicon &lang : lexicon.languages) {
        for (const QStringList &same : lang.sameMeaning) {
            const QString first = TextNormalizer::foldWord(same.front());
            const int id = exact.contains(first) ? exact.value(first) : idFor(first);
            for (const QString &w : same) {
                const QString f = TextNormalizer::foldWord(w);
                if (exact.contains(f) && exact.value(f) != id)
                    return QStringLiteral("%1: \"%2\" is in two sameMeaning groups")
                        .arg(lang.fileName, w);
                m_canonical.insert(f, id);
                if (!exact.contains(f))
                    idFor(f);
            }
        }
    }

    for (const TriageLanguageLexicon &lang : lexicon.languages) {
        const int l = int(languages.indexOf(lang.code));
        QString error;
        for (const QString &w : lang.notTypos)
            notTypos.insert(TextNormalizer::foldWord(w));
        for (const QString &w : lang.functionWords) {
            auto &list = functionWords[TextNormalizer::foldWord(w)];
            if (std::find(list.begin(), list.end(), l) == list.end())
                list.push_back(l);
        }
        addCueList(lang.negationBefore, Role::NegationBefore, l, error);
        addCueList(lang.negationAfter, Role::NegationAfter, l, error);
        addCueList(lang.historyBefore, Role::HistoryBefore, l, error);
        addCueList(lang.historyAfter, Role::HistoryAfter, l, error);
        addCueList(lang.topicBefore, Role::TopicBefore, l, error);
        addCueList(lang.topicAfter, Role::TopicAfter, l, error);
        addList(lang.notNegation, Role::NotNegation, l, error);
        addList(lang.recurrence, Role::Recurrence, l, error);
        addList(lang.clauseBreaks, Role::ClauseBreak, l, error);
        addList(lang.scopeStops, Role::ScopeStop, l, error);
        addList(lang.fillers, Role::Filler, l, error);
        for (const auto &[keyword, list] : lang.keywords) {
            const int owner = int(keywords.size());
            keywords.emplace_back(keyword, l);
            for (const QString &phrase : list) {
                const QString e = addPhrase(phrase, Role::Keyword, owner, l, 0);
                if (error.isEmpty() && !e.isEmpty())
                    error = e;
            }
        }
        for (const TriagePhraseGroup &group : lang.groups) {
            const int owner = int(groups.size());
            groups.push_back(CompiledGroup{group, l});
            for (const QString &phrase : group.phrases) {
                const QString e = addPhrase(phrase, Role::Group, owner, l, 0);
                if (error.isEmpty() && !e.isEmpty())
                    error = QStringLiteral("group \"%1\": %2").arg(group.label, e);
            }
        }
        if (!error.isEmpty())
            return QStringLiteral("Triage lexicon %1: %2").arg(lang.fileName, error);
    }
    return {};
}

std::vector<TokenHit> TriageTables::hitsFor(const QString &word) const
{
    std::vector<TokenHit> out;
    if (const auto it = exact.constFind(word); it != exact.cend()) {
        // A word the lexicons know is a real word, not someone's typo of another one.
        out.push_back(TokenHit{it.value(), false});
        return out;
    }
    if (word.size() < 3 || word.size() > MaxFuzzyTokenLength || isDigits(word) ||
        notTypos.contains(word) || functionWords.contains(word))
        return out;
    QSet<QString> variants;
    variants.insert(word);
    addDeletions(word, word.size() >= 6 ? 2 : 1, variants);
    for (const QString &v : std::as_const(variants)) {
        const auto it = deletions.constFind(v);
        if (it == deletions.cend())
            continue;
        for (int e : it.value()) {
            const VocabEntry &entry = entries[size_t(e)];
            if (std::any_of(out.begin(), out.end(),
                            [&](const TokenHit &h) { return h.id == entry.id; }))
                continue;
            const QString &s = entry.text;
            if (s.size() < 4 || word.size() < 2)
                continue;
            // Misspellings nearly always keep the first letter; requiring it keeps real
            // words ("painted", "techo") from being read as lexicon words ("fainted", "pecho").
            const bool sameStart = s.front() == word.front();
            const bool swappedStart = s.size() >= 2 && s[0] == word[1] && s[1] == word[0];
            if (!sameStart && !swappedStart)
                continue;
            if (s.size() == 4) {
                // Four letters: only two swapped letters ("pian"), anything else is a new word.
                QString a = s, b = word;
                std::sort(a.begin(), a.end());
                std::sort(b.begin(), b.end());
                if (word.size() != 4 || a != b || editDistance(word, s, 1) != 1)
                    continue;
            } else if (editDistance(word, s, entry.maxEdits) > entry.maxEdits) {
                continue;
            }
            out.push_back(TokenHit{entry.id, true});
        }
    }
    return out;
}

bool TriageTables::matchFrom(const CompiledPhrase &phrase, size_t k, int i, int segment, bool fuzzy,
                             const QList<TextToken> &tokens,
                             const std::vector<std::vector<TokenHit>> &hits, PhraseHit &out) const
{
    const int n = int(tokens.size());
    if (k == phrase.words.size()) {
        out.end = i;
        out.fuzzy = fuzzy;
        return true;
    }
    const int w = phrase.words[k];
    if (w == AnyWord) {
        return i < n && tokens[i].segment == segment &&
               matchFrom(phrase, k + 1, i + 1, segment, fuzzy, tokens, hits, out);
    }
    if (w == Gap) {
        for (int g = 0; g <= MaxGap && i + g <= n; ++g) {
            if (g > 0 && tokens[i + g - 1].segment != segment)
                break;
            if (matchFrom(phrase, k + 1, i + g, segment, fuzzy, tokens, hits, out))
                return true;
        }
        return false;
    }
    if (i >= n || tokens[i].segment != segment)
        return false;
    const auto &runs = phrase.runs[k];
    for (size_t len = 1; len <= runs.size(); ++len) {
        const int id = runs[len - 1];
        if (id == NoRun)
            break;
        for (const TokenHit &h : hits[size_t(i)]) {
            // Cues are read exactly: a misread "quita" for "quito" would hide a symptom.
            const bool fuzzyAllowed = phrase.role == Role::Group || phrase.role == Role::Keyword;
            if (h.id == id && (!h.fuzzy || fuzzyAllowed) &&
                matchFrom(phrase, k + len, i + 1, segment, fuzzy || h.fuzzy, tokens, hits, out))
                return true;
        }
    }
    return false;
}

TriageResult TriageTables::classify(const QString &text, const QString &hint) const
{
    const QList<TextToken> tokens = normalizer.tokenize(text);
    const int n = int(tokens.size());

    std::vector<std::vector<TokenHit>> tokenHits(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        tokenHits[size_t(i)] = hitsFor(tokens[i].word);

    std::vector<PhraseHit> found;
    std::vector<int> tried;
    for (int i = 0; i < n; ++i) {
        tried.clear();
        for (const TokenHit &h : tokenHits[size_t(i)]) {
            const auto it = phrasesByFirstWord.constFind(h.id);
            if (it == phrasesByFirstWord.cend())
                continue;
            for (int p : it.value()) {
                if (std::find(tried.begin(), tried.end(), p) != tried.end())
                    continue;
                tried.push_back(p);
                PhraseHit hit{p, i, i, false};
                if (matchFrom(phrases[size_t(p)], 0, i, tokens[i].segment, false, tokens, tokenHits,
                              hit))
                    found.push_back(hit);
            }
        }
    }
    const auto role = [&](const PhraseHit &h) { return phrases[size_t(h.phrase)].role; };

    // Clauses: punctuation, plus conjunctions like "but"/"pero" that start a new thought.
    std::vector<int> clause(size_t(n), 0);
    {
        std::vector<bool> breakBefore(size_t(n), false);
        for (int i = 1; i < n; ++i)
            breakBefore[size_t(i)] = tokens[i].segment != tokens[i - 1].segment;
        for (const PhraseHit &h : found) {
            if (role(h) == Role::ClauseBreak)
                breakBefore[size_t(h.begin)] = true;
        }
        for (int i = 1; i < n; ++i)
            clause[size_t(i)] = clause[size_t(i - 1)] + (breakBefore[size_t(i)] ? 1 : 0);
    }

    const auto groupOf = [&](const PhraseHit &h) -> const CompiledGroup & {
        return groups[size_t(phrases[size_t(h.phrase)].owner)];
    };
    const auto isEmergencyHit = [&](const PhraseHit &h) {
        return role(h) == Role::Group && groupOf(h).group.category == Category::Emergency;
    };
    const auto words = [&](int begin, int end) {
        const qsizetype from = tokens[begin].begin;
        const qsizetype to = tokens[end - 1].begin + tokens[end - 1].length;
        QString w = text.mid(from, to - from).simplified();
        if (w.size() > MaxReasonWords)
            w = w.left(MaxReasonWords) + u'\u2026';
        return w;
    };

    // A cue acts on a symptom in the same clause within its scope; before the symptom, a new
    // subject ("no, my husband can't breathe") ends its reach.
    const auto cueBefore = [&](const PhraseHit &target, Role cueRole) {
        for (const PhraseHit &q : found) {
            if (role(q) != cueRole || q.end > target.begin ||
                clause[size_t(q.begin)] != clause[size_t(target.begin)] ||
                target.begin - q.end > phrases[size_t(q.phrase)].scope)
                continue;
            bool blocked = false;
            for (const PhraseHit &o : found) {
                const Role r = role(o);
                if (r == Role::ScopeStop && o.begin >= q.end && o.begin < target.begin)
                    blocked = true;
                // "not sure if", "no sé si": look like negations, are not.
                if (r == Role::NotNegation && o.begin <= q.begin && o.end >= q.end)
                    blocked = true;
                // The "no" of "no puede respirar" belongs to that symptom, not to the next one.
                if (isEmergencyHit(o) && &o != &target && o.begin <= q.begin && o.end >= q.end)
                    blocked = true;
            }
            if (!blocked)
                return &q;
        }
        return static_cast<const PhraseHit *>(nullptr);
    };
    const auto cueAfter = [&](const PhraseHit &target, Role cueRole) {
        for (const PhraseHit &q : found) {
            if (role(q) == cueRole && q.begin >= target.end &&
                clause[size_t(q.begin)] == clause[size_t(target.begin)] &&
                q.begin - target.end <= phrases[size_t(q.phrase)].scope)
                return &q;
        }
        return static_cast<const PhraseHit *>(nullptr);
    };
    const bool recurring = std::any_of(found.begin(), found.end(), [&](const PhraseHit &h) {
        return role(h) == Role::Recurrence;
    });

    // Why a symptom does not count as happening now.
    const auto discount = [&](const PhraseHit &h) {
        if (groupOf(h).group.alwaysCurrent)
            return Discount::None;
        if (cueBefore(h, Role::NegationBefore) || cueAfter(h, Role::NegationAfter))
            return Discount::Negated;
        if (!recurring && (cueBefore(h, Role::HistoryBefore) || cueAfter(h, Role::HistoryAfter)))
            return Discount::Past;
        if (cueBefore(h, Role::TopicBefore) || cueAfter(h, Role::TopicAfter))
            return Discount::Topic;
        return Discount::None;
    };

    TriageResult result;

    // Language: function words and lexicon hits of each language; the hint breaks a tie.
    {
        std::vector<int> score(size_t(languages.size()), 0);
        for (const TextToken &t : tokens) {
            if (t.fromEmoji)
                continue;
            for (int l : functionWords.value(t.word))
                ++score[size_t(l)];
        }
        for (const PhraseHit &h : found) {
            const Role r = role(h);
            if (r == Role::Group || r == Role::Keyword || r == Role::Filler) {
                if (!tokens[h.begin].fromEmoji)
                    score[size_t(phrases[size_t(h.phrase)].language)] += 2;
            }
        }
        const QString hinted = hint.left(2).toLower();
        int best = -1;
        bool tie = false;
        for (int l = 0; l < int(score.size()); ++l) {
            if (score[size_t(l)] == 0)
                continue;
            if (best < 0 || score[size_t(l)] > score[size_t(best)]) {
                best = l;
                tie = false;
            } else if (score[size_t(l)] == score[size_t(best)]) {
                tie = true;
            }
        }
        if (best >= 0 && !tie)
            result.language = languages.at(best);
        else if (languages.contains(hinted))
            result.language = hinted;
        else
            result.language =
                languages.contains(QStringLiteral("en")) ? QStringLiteral("en") : languages.front();
    }

    // Emergencies first: they win over everything, a keyword included.
    QStringList emergencyReasons;
    QStringList discountedReasons;
    QSet<QString> seenLabels;
    QHash<QString, QString> tags; // tag -> the words that carried it
    std::vector<const PhraseHit *> evidence;
    bool discountedSymptom = false;
    for (const PhraseHit &h : found) {
        if (role(h) != Role::Group)
            continue;
        const TriagePhraseGroup &g = groupOf(h).group;
        Discount why = discount(h);
        // A tag-only group (a critical medication) is what a request is about: "a refill of my
        // insulin" names it as a topic, and that is exactly when it matters.
        if (why == Discount::Topic && !g.category)
            why = Discount::None;
        // "no fever" is still a question for the nurse, but the "pain" inside "chest pain"
        // is the same words as that symptom, not more evidence.
        const bool insideEmergency =
            std::any_of(found.begin(), found.end(), [&](const PhraseHit &e) {
                return isEmergencyHit(e) && e.begin <= h.begin && e.end >= h.end;
            });
        if (g.category && g.category != Category::Emergency && !insideEmergency)
            evidence.push_back(&h);
        if (why != Discount::None) {
            if (g.category == Category::Emergency) {
                // A negated or past symptom is still clinical talk; a named one ("seizure
                // medication", "chest pain clinic") is only the topic of a request.
                discountedSymptom = discountedSymptom || why != Discount::Topic;
                discountedReasons.append(
                    QStringLiteral("\"%1\" (%2)").arg(words(h.begin, h.end), discountName(why)));
            }
            continue;
        }
        if (!g.tag.isEmpty() && !tags.contains(g.tag))
            tags.insert(g.tag, words(h.begin, h.end));
        if (g.category == Category::Emergency && !seenLabels.contains(g.label)) {
            seenLabels.insert(g.label);
            emergencyReasons.append(
                QStringLiteral("\"%1\" (%2%3)")
                    .arg(words(h.begin, h.end), g.label,
                         h.fuzzy ? QStringLiteral(", read past a typo") : QString()));
        }
    }
    discountedReasons.removeDuplicates();
    const QString discountedNote =
        discountedReasons.isEmpty()
            ? QString()
            : QStringLiteral("; not counted: %1").arg(discountedReasons.join(u", "));

    if (!emergencyReasons.isEmpty()) {
        result.category = Category::Emergency;
        result.priority = Priority::P1;
        result.reason = QStringLiteral("emergency: %1%2")
                            .arg(emergencyReasons.mid(0, 3).join(u", "), discountedNote);
        return result;
    }

    // A keyword counts only when it is the whole message, apart from "please" and the like.
    {
        std::vector<bool> filler(size_t(n), false);
        for (const PhraseHit &h : found) {
            if (role(h) == Role::Filler) {
                for (int i = h.begin; i < h.end; ++i)
                    filler[size_t(i)] = true;
            }
        }
        int first = -1, last = -1;
        for (int i = 0; i < n; ++i) {
            if (!filler[size_t(i)]) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        for (const PhraseHit &h : found) {
            if (first < 0 || role(h) != Role::Keyword || h.begin > first || h.end <= last)
                continue;
            const Keyword k = keywords[size_t(phrases[size_t(h.phrase)].owner)].first;
            result.keyword = k;
            const auto c = rules.keywordCategories.find(k);
            result.category = c == rules.keywordCategories.end() ? Category::General : c->second;
            result.priority = rules.priorities.at(result.category);
            result.reason = QStringLiteral("%1: keyword %2 \"%3\"")
                                .arg(categoryName(result.category).toLower(), keywordName(k),
                                     words(first, last + 1));
            return result;
        }
    }

    // The other categories: the strongest evidence wins, the tie-break order settles ties.
    std::map<Category, int> score;
    std::map<Category, QStringList> because;
    QSet<int> countedGroups;
    for (const PhraseHit *h : evidence) {
        const int owner = phrases[size_t(h->phrase)].owner;
        const TriagePhraseGroup &g = groups[size_t(owner)].group;
        const QString quoted = QStringLiteral("\"%1\"").arg(words(h->begin, h->end));
        if (!because[*g.category].contains(quoted))
            because[*g.category].append(quoted);
        if (countedGroups.contains(owner))
            continue;
        countedGroups.insert(owner);
        score[*g.category] += g.weight;
    }
    if (discountedSymptom)
        score[rules.discountedSymptomCategory] += rules.discountedSymptomWeight;

    Category best = Category::General;
    int bestScore = 0;
    for (Category c : rules.tieBreak) {
        if (score[c] > bestScore) {
            best = c;
            bestScore = score[c];
        }
    }
    for (const auto &[c, s] : score) {
        if (s > bestScore) {
            best = c;
            bestScore = s;
        }
    }
    result.category = best;
    result.priority = rules.priorities.at(best);
    if (bestScore == 0) {
        result.reason = QStringLiteral("general: no triage words found%1").arg(discountedNote);
        return result;
    }
    QString reason = QStringLiteral("%1: %2").arg(categoryName(best).toLower(),
                                                  because[best].mid(0, 4).join(u", "));
    if (because[best].isEmpty())
        reason =
            QStringLiteral("%1: a symptom that is not current").arg(categoryName(best).toLower());
    for (const TriageEscalationRule &rule : rules.escalation) {
        if (rule.category != best || int(rule.priority) >= int(result.priority))
            continue;
        if (std::all_of(rule.whenTags.begin(), rule.whenTags.end(),
                        [&](const QString &t) { return tags.contains(t); })) {
            QStringList quoted;
            for (const QString &t : rule.whenTags)
                quoted.append(QStringLiteral("\"%1\"").arg(tags.value(t)));
            result.priority = rule.priority;
            reason += QStringLiteral("; %1 because %2 (%3)")
                          .arg(priorityName(rule.priority), rule.why, quoted.join(u", "));
        }
    }
    result.reason = reason + discountedNote;
    return result;
}

QString keywordName(Keyword keyword)
{
    for (const auto &[k, name] : KeywordNames) {
        if (k == keyword)
            return QString::fromLatin1(name);
    }
    Q_UNREACHABLE();
}

std::optional<Keyword> keywordFromName(QStringView name)
{
    for (const auto &[k, n] : KeywordNames) {
        if (name.compare(QLatin1StringView(n), Qt::CaseInsensitive) == 0)
            return k;
    }
    return std::nullopt;
}

TriageEngine::TriageEngine(std::shared_ptr<const TriageTables> tables)
    : m_tables(std::move(tables))
{
}

Result<TriageEngine> TriageEngine::loadBuiltIn()
{
    QStringList paths;
    const QDir dir(QStringLiteral(":/triage"));
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        paths.append(dir.filePath(name));
    if (paths.isEmpty())
        return Result<TriageEngine>::failure(
            QStringLiteral("The built-in triage lexicons are missing from this build."));
    return loadFromFiles(paths);
}

Result<TriageEngine> TriageEngine::loadFromFiles(const QStringList &paths)
{
    auto lexicon = TriageLexicon::load(paths);
    if (!lexicon)
        return Result<TriageEngine>::failure(lexicon.error());
    auto tables = std::make_shared<TriageTables>();
    if (const QString error = tables->compile(lexicon.value()); !error.isEmpty())
        return Result<TriageEngine>::failure(error);
    return TriageEngine(std::move(tables));
}

TriageResult TriageEngine::classify(const QString &text, const QString &languageHint) const
{
    return m_tables->classify(text, languageHint);
}

QStringList TriageEngine::languages() const
{
    return m_tables->languages;
}

} // namespace Wardline::Core
