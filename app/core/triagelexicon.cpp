#include "core/triagelexicon.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Wardline::Core {

namespace {

// Keys a reviewer may add anywhere to explain an entry; the engine ignores them.
bool isCommentKey(const QString &key)
{
    return key.startsWith(u'_') || key == u"notes";
}

// Reads one file, remembering the first problem together with where it is.
class FileReader
{
public:
    explicit FileReader(QString fileName)
        : m_fileName(std::move(fileName))
    {
    }

    [[nodiscard]] bool failed() const { return !m_error.isEmpty(); }
    [[nodiscard]] QString error() const { return m_error; }

    void fail(const QString &where, const QString &what)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("Triage lexicon %1, %2: %3").arg(m_fileName, where, what);
    }

    void checkKeys(const QJsonObject &object, const QString &where,
                   std::initializer_list<const char16_t *> allowed)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (isCommentKey(it.key()))
                continue;
            bool known = false;
            for (const char16_t *a : allowed)
                known = known || it.key() == QStringView(a);
            if (!known)
                fail(where, QStringLiteral("unknown entry \"%1\" (misspelt?)").arg(it.key()));
        }
    }

    QStringList strings(const QJsonValue &value, const QString &where)
    {
        QStringList out;
        if (value.isUndefined())
            return out;
        if (!value.isArray()) {
            fail(where, QStringLiteral("expected a list of phrases in quotes"));
            return out;
        }
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString s = array.at(i).toString().trimmed();
            if (!array.at(i).isString() || s.isEmpty()) {
                fail(QStringLiteral("%1[%2]").arg(where).arg(i + 1),
                     QStringLiteral("expected a non-empty phrase in quotes"));
                continue;
            }
            out.append(s);
        }
        return out;
    }

    TriageCueList cues(const QJsonValue &value, const QString &where)
    {
        TriageCueList list;
        if (value.isUndefined())
            return list;
        if (!value.isObject()) {
            fail(where, QStringLiteral("expected an object with \"phrases\" and \"scope\""));
            return list;
        }
        const QJsonObject o = value.toObject();
        checkKeys(o, where, {u"phrases", u"scope"});
        list.phrases = strings(o.value(u"phrases"), where + u".phrases");
        list.scope = o.value(u"scope").toInt(-1);
        if (list.scope < 0 || list.scope > 10)
            fail(where + u".scope", QStringLiteral("expected a number of words from 0 to 10"));
        return list;
    }

    std::optional<Category> category(const QJsonValue &value, const QString &where)
    {
        const auto c = categoryFromName(value.toString());
        if (!c)
            fail(where, QStringLiteral("\"%1\" is not a category (EMERGENCY, NURSE, REFILL, "
                                       "APPOINTMENT, LAB_RESULTS, GENERAL)")
                            .arg(value.toString()));
        return c;
    }

    std::optional<Priority> priority(const QJsonValue &value, const QString &where)
    {
        const auto p = priorityFromName(value.toString());
        if (!p)
            fail(where,
                 QStringLiteral("\"%1\" is not a priority (P1 to P4)").arg(value.toString()));
        return p;
    }

private:
    QString m_fileName;
    QString m_error;
};

void readLanguage(FileReader &r, const QJsonObject &root, TriageLanguageLexicon &lang)
{
    lang.code = root.value(u"language").toString();
    if (lang.code.size() != 2 || lang.code != lang.code.toLower())
        r.fail(QStringLiteral("language"),
               QStringLiteral("expected a two-letter code like \"en\""));
    lang.functionWords = r.strings(root.value(u"functionWords"), QStringLiteral("functionWords"));
    lang.notTypos = r.strings(root.value(u"notTypos"), QStringLiteral("notTypos"));
    lang.clauseBreaks = r.strings(root.value(u"clauseBreaks"), QStringLiteral("clauseBreaks"));
    lang.scopeStops = r.strings(root.value(u"scopeStops"), QStringLiteral("scopeStops"));
    lang.fillers = r.strings(root.value(u"fillers"), QStringLiteral("fillers"));
    lang.recurrence = r.strings(root.value(u"recurrence"), QStringLiteral("recurrence"));

    const QJsonArray same = root.value(u"sameMeaning").toArray();
    for (qsizetype i = 0; i < same.size(); ++i) {
        const QString where = QStringLiteral("sameMeaning[%1]").arg(i + 1);
        QStringList words = r.strings(same.at(i), where);
        for (const QString &w : std::as_const(words)) {
            if (w.contains(u' '))
                r.fail(where, QStringLiteral("\"%1\": only single words can be equivalent").arg(w));
        }
        if (words.size() < 2)
            r.fail(where, QStringLiteral("expected at least two words"));
        lang.sameMeaning.append(words);
    }

    const QJsonObject emoji = root.value(u"emoji").toObject();
    for (auto it = emoji.begin(); it != emoji.end(); ++it) {
        if (isCommentKey(it.key()))
            continue;
        if (!it.value().isString() || it.value().toString().trimmed().isEmpty())
            r.fail(QStringLiteral("emoji \"%1\"").arg(it.key()),
                   QStringLiteral("expected the words it stands for, in quotes"));
        lang.emoji.insert(it.key(), it.value().toString());
    }

    const QJsonObject negation = root.value(u"negation").toObject();
    r.checkKeys(negation, QStringLiteral("negation"), {u"before", u"after", u"notNegation"});
    lang.negationBefore = r.cues(negation.value(u"before"), QStringLiteral("negation.before"));
    lang.negationAfter = r.cues(negation.value(u"after"), QStringLiteral("negation.after"));
    lang.notNegation =
        r.strings(negation.value(u"notNegation"), QStringLiteral("negation.notNegation"));

    const QJsonObject history = root.value(u"history").toObject();
    r.checkKeys(history, QStringLiteral("history"), {u"before", u"after"});
    lang.historyBefore = r.cues(history.value(u"before"), QStringLiteral("history.before"));
    lang.historyAfter = r.cues(history.value(u"after"), QStringLiteral("history.after"));

    const QJsonObject topic = root.value(u"topicOnly").toObject();
    r.checkKeys(topic, QStringLiteral("topicOnly"), {u"before", u"after"});
    lang.topicBefore = r.cues(topic.value(u"before"), QStringLiteral("topicOnly.before"));
    lang.topicAfter = r.cues(topic.value(u"after"), QStringLiteral("topicOnly.after"));

    const QJsonObject keywords = root.value(u"keywords").toObject();
    for (auto it = keywords.begin(); it != keywords.end(); ++it) {
        if (isCommentKey(it.key()))
            continue;
        const QString where = QStringLiteral("keywords.%1").arg(it.key());
        const auto k = keywordFromName(it.key());
        if (!k || *k == Keyword::None) {
            r.fail(where, QStringLiteral("not a keyword Wardline knows"));
            continue;
        }
        lang.keywords.append({*k, r.strings(it.value(), where)});
    }

    const QJsonArray groups = root.value(u"groups").toArray();
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const QJsonObject g = groups.at(i).toObject();
        QString where = QStringLiteral("groups[%1]").arg(i + 1);
        if (g.contains(u"label"))
            where += QStringLiteral(" \"%1\"").arg(g.value(u"label").toString());
        r.checkKeys(g, where,
                    {u"label", u"category", u"tag", u"weight", u"alwaysCurrent", u"phrases"});
        TriagePhraseGroup group;
        group.label = g.value(u"label").toString();
        if (group.label.isEmpty())
            r.fail(where, QStringLiteral("every group needs a \"label\" (it is shown to nurses)"));
        if (g.contains(u"category"))
            group.category = r.category(g.value(u"category"), where + u".category");
        group.tag = g.value(u"tag").toString();
        if (!group.category && group.tag.isEmpty())
            r.fail(where, QStringLiteral("a group needs a \"category\", a \"tag\" or both"));
        group.weight = g.value(u"weight").toInt(1);
        if (group.weight < 1 || group.weight > 10)
            r.fail(where + u".weight", QStringLiteral("expected a number from 1 to 10"));
        group.alwaysCurrent = g.value(u"alwaysCurrent").toBool(false);
        group.phrases = r.strings(g.value(u"phrases"), where + u".phrases");
        if (group.phrases.isEmpty())
            r.fail(where, QStringLiteral("the group has no phrases"));
        lang.groups.append(group);
    }
}

void readRules(FileReader &r, const QJsonObject &root, TriageLexicon &lexicon)
{
    const QJsonObject priorities = root.value(u"priorities").toObject();
    for (auto it = priorities.begin(); it != priorities.end(); ++it) {
        if (isCommentKey(it.key()))
            continue;
        const QString where = QStringLiteral("priorities.%1").arg(it.key());
        const auto c = r.category(it.key(), where);
        const auto p = r.priority(it.value(), where);
        if (!c || !p)
            continue;
        if (lexicon.priorities.count(*c) && lexicon.priorities.at(*c) != *p)
            r.fail(where, QStringLiteral("another file gives this category another priority"));
        lexicon.priorities[*c] = *p;
    }

    const QJsonArray escalation = root.value(u"escalation").toArray();
    for (qsizetype i = 0; i < escalation.size(); ++i) {
        const QJsonObject e = escalation.at(i).toObject();
        const QString where = QStringLiteral("escalation[%1]").arg(i + 1);
        r.checkKeys(e, where, {u"category", u"priority", u"when", u"why"});
        TriageEscalationRule rule;
        rule.category =
            r.category(e.value(u"category"), where + u".category").value_or(rule.category);
        rule.priority =
            r.priority(e.value(u"priority"), where + u".priority").value_or(rule.priority);
        rule.whenTags = r.strings(e.value(u"when"), where + u".when");
        rule.why = e.value(u"why").toString();
        if (rule.whenTags.isEmpty())
            r.fail(where, QStringLiteral("\"when\" needs at least one tag"));
        if (rule.why.isEmpty())
            r.fail(where, QStringLiteral("\"why\" is shown to nurses and must not be empty"));
        lexicon.escalation.append(rule);
    }

    const QJsonObject keywords = root.value(u"keywordCategories").toObject();
    for (auto it = keywords.begin(); it != keywords.end(); ++it) {
        if (isCommentKey(it.key()))
            continue;
        const QString where = QStringLiteral("keywordCategories.%1").arg(it.key());
        const auto k = keywordFromName(it.key());
        if (!k || *k == Keyword::None) {
            r.fail(where, QStringLiteral("not a keyword Wardline knows"));
            continue;
        }
        if (const auto c = r.category(it.value(), where))
            lexicon.keywordCategories[*k] = *c;
    }

    if (root.contains(u"discountedSymptom")) {
        const QJsonObject d = root.value(u"discountedSymptom").toObject();
        r.checkKeys(d, QStringLiteral("discountedSymptom"), {u"category", u"weight"});
        lexicon.discountedSymptomCategory =
            r.category(d.value(u"category"), QStringLiteral("discountedSymptom.category"))
                .value_or(Category::Nurse);
        lexicon.discountedSymptomWeight = d.value(u"weight").toInt(1);
    }

    const QJsonArray tieBreak = root.value(u"tieBreak").toArray();
    for (qsizetype i = 0; i < tieBreak.size(); ++i) {
        if (const auto c = r.category(tieBreak.at(i), QStringLiteral("tieBreak[%1]").arg(i + 1)))
            lexicon.tieBreak.append(*c);
    }
}

} // namespace

Result<TriageLexicon> TriageLexicon::load(const QStringList &paths)
{
    if (paths.isEmpty())
        return Result<TriageLexicon>::failure(
            QStringLiteral("No triage lexicon files were given."));
    TriageLexicon lexicon;
    QSet<QString> tags;
    for (const QString &path : paths) {
        const QString name = QFileInfo(path).fileName();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Result<TriageLexicon>::failure(
                QStringLiteral("Triage lexicon %1 cannot be read (%2). Check the path and the "
                               "file permissions.")
                    .arg(path, file.errorString()));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return Result<TriageLexicon>::failure(
                QStringLiteral("Triage lexicon %1 is not valid JSON near character %2: %3. "
                               "A missing comma or quote is the usual cause.")
                    .arg(name)
                    .arg(parseError.offset)
                    .arg(doc.isObject() || parseError.error != QJsonParseError::NoError
                             ? parseError.errorString()
                             : QStringLiteral("the file must hold one JSON object")));
        const QJsonObject root = doc.object();
        FileReader reader(name);
        reader.checkKeys(root, QStringLiteral("top level"),
                         {u"language", u"functionWords", u"notTypos", u"sameMeaning", u"emoji",
                          u"clauseBreaks", u"scopeStops", u"negation", u"history", u"topicOnly",
                          u"recurrence", u"fillers", u"keywords", u"groups", u"priorities",
                          u"escalation", u"keywordCategories", u"discountedSymptom", u"tieBreak"});
        if (root.contains(u"language")) {
            TriageLanguageLexicon lang;
            lang.fileName = name;
            readLanguage(reader, root, lang);
            for (const TriagePhraseGroup &g : std::as_const(lang.groups)) {
                if (!g.tag.isEmpty())
                    tags.insert(g.tag);
            }
            lexicon.languages.append(lang);
        }
        readRules(reader, root, lexicon);
        if (reader.failed())
            return Result<TriageLexicon>::failure(reader.error());
    }

    if (lexicon.languages.isEmpty())
        return Result<TriageLexicon>::failure(
            QStringLiteral("None of the triage lexicon files is a language file (one with "
                           "\"language\": \"en\" or similar)."));
    for (Category c : {Category::Emergency, Category::Nurse, Category::Refill,
                       Category::Appointment, Category::LabResults, Category::General}) {
        if (!lexicon.priorities.count(c))
            return Result<TriageLexicon>::failure(
                QStringLiteral("The triage rules give no priority for %1; add it under "
                               "\"priorities\" in rules.json.")
                    .arg(categoryName(c)));
    }
    if (lexicon.priorities.at(Category::Emergency) != Priority::P1)
        return Result<TriageLexicon>::failure(
            QStringLiteral("The triage rules must keep EMERGENCY at P1."));
    for (const TriageEscalationRule &rule : std::as_const(lexicon.escalation)) {
        for (const QString &tag : rule.whenTags) {
            if (!tags.contains(tag))
                return Result<TriageLexicon>::failure(
                    QStringLiteral("The triage escalation rule for %1 needs the tag \"%2\", but "
                                   "no language file has a group with that tag.")
                        .arg(categoryName(rule.category), tag));
        }
    }
    return lexicon;
}

} // namespace Wardline::Core
