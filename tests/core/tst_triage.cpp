#include "core/triage.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <thread>
#include <vector>

using namespace Wardline::Core;
using namespace Qt::StringLiterals;

namespace {
const QString SourceLexicons = QStringLiteral(WARDLINE_SOURCE_DIR "/resources/triage");

QStringList sourceLexiconFiles()
{
    return {SourceLexicons + u"/rules.json", SourceLexicons + u"/en.json",
            SourceLexicons + u"/es.json"};
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(content), content.size());
}

const QByteArray MinimalRules = R"({"priorities": {"EMERGENCY": "P1", "NURSE": "P3",
    "REFILL": "P3", "LAB_RESULTS": "P3", "APPOINTMENT": "P4", "GENERAL": "P4"}})";
} // namespace

/// The triage engine with the built-in lexicons: negation, history, typos, run-together words,
/// emoji, keywords, menu choices, language and priorities; and loading an edited lexicon.
class TestTriage : public QObject
{
    Q_OBJECT

private:
    std::optional<TriageEngine> m_engine;

private Q_SLOTS:
    void initTestCase()
    {
        auto engine = TriageEngine::loadBuiltIn();
        QVERIFY2(engine, qPrintable(engine.error()));
        m_engine = std::move(engine).value();
        QCOMPARE(m_engine->languages(), (QStringList{QStringLiteral("en"), QStringLiteral("es")}));
    }

    void classify_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Category>("category");
        QTest::addColumn<int>("priority"); // 0: not checked
        QTest::addColumn<QString>("reasonContains");

        const auto row = [](const char *name, const QString &text, Category c, int p = 0,
                            const QString &reason = {}) {
            QTest::newRow(name) << text << c << p << reason;
        };
        using C = Category;

        // Negation, and negation never hiding a second symptom.
        row("negation-anymore", u"no chest pain anymore"_s, C::Nurse);
        row("negation-dont-have", u"I don't have chest pain, just a cough"_s, C::Nurse);
        row("negation-es", u"no tengo dolor de pecho"_s, C::Nurse);
        row("negation-ya-no-es", u"ya no me duele el pecho"_s, C::Nurse);
        row("negation-then-second-symptom", u"no chest pain but I can't breathe"_s, C::Emergency, 1,
            u"can't breathe"_s);
        row("negation-then-second-symptom-es", u"no tengo dolor de pecho pero me falta el aire"_s,
            C::Emergency, 1, u"me falta el aire"_s);
        row("negation-ends-at-full-stop", u"No fever. Chest pain for an hour"_s, C::Emergency);
        row("negation-ends-at-new-subject", u"no my husband can't breathe"_s, C::Emergency);
        row("negation-ends-at-and-now", u"the chest pain went away and now I passed out"_s,
            C::Emergency, 1, u"passed out"_s);
        row("uncertainty-is-not-negation", u"not sure if it's chest pain or heartburn"_s,
            C::Emergency);
        row("uncertainty-is-not-negation-es", u"no sé si es dolor de pecho"_s, C::Emergency);
        row("negation-inside-symptom-es", u"mi esposo no puede respirar y no reacciona"_s,
            C::Emergency);
        row("negated-symptom-reason-says-so", u"no chest pain anymore"_s, C::Nurse, 3,
            u"negated"_s);

        // History and recurrence.
        row("history-last-year", u"my chest pain last year"_s, C::Nurse);
        row("history-last-year-es", u"tuve dolor de pecho el año pasado"_s, C::Nurse);
        row("history-used-to", u"I used to have seizures, can I drive?"_s, C::Nurse);
        row("history-then-recurrence", u"had chest pain last year and it is back now"_s,
            C::Emergency);
        row("history-then-recurrence-es", u"el año pasado tuve convulsiones y otra vez ahora"_s,
            C::Emergency);

        // A symptom that only names a medicine, clinic or test.
        row("topic-medication-refill", u"the seizure medication refill"_s, C::Refill);
        row("topic-follow-up", u"follow-up for my chest pain from last month"_s, C::Appointment);
        row("topic-xray-results", u"my chest x-ray results"_s, C::LabResults);
        row("topic-inhaler-refill", u"can I refill my breathing inhaler"_s, C::Refill);
        row("metaphor-wait", u"this wait is killing me"_s, C::General);
        row("metaphor-es", u"me muero de hambre"_s, C::General);

        // Misspellings, stretched letters, run-together words, missing accents.
        row("typo-seizure", u"my son is having a siezure"_s, C::Emergency, 1, u"typo"_s);
        row("typo-unconscious", u"she is unconcious"_s, C::Emergency);
        row("typo-swapped-letters-short-word", u"chest pian"_s, C::Emergency);
        row("typo-doubled-letter-es", u"no puedo respirrar"_s, C::Emergency);
        row("typo-ll-for-y-es", u"se desmallo"_s, C::Emergency);
        row("stretched-letters", u"HEEELP CANT BREEEATHE"_s, C::Emergency);
        row("real-word-is-not-a-typo", u"I painted the kitchen"_s, C::General);
        row("run-together", u"chestpain"_s, C::Emergency);
        row("run-together-es", u"dolordepecho"_s, C::Emergency);
        row("run-together-es-partly", u"dolor depecho"_s, C::Emergency);
        row("run-together-third-person", u"cantbreathe"_s, C::Emergency);
        row("no-accents-es", u"mi mama no reacciona"_s, C::Emergency);

        // Emoji.
        row("emoji-ambulance", u"🚑"_s, C::Emergency, 1, u"🚑"_s);
        row("emoji-fainting", u"😵"_s, C::Emergency);
        row("emoji-broken-heart", u"💔 hurts"_s, C::Emergency);
        row("emoji-blood", u"vomiting 🩸"_s, C::Emergency);
        row("emoji-fever-after-surgery", u"🤒 since the surgery"_s, C::Nurse, 2);

        // Someone else's emergency.
        row("third-person-breath", u"my husband can't catch his breath"_s, C::Emergency);
        row("third-person-wake", u"my wife won't wake up"_s, C::Emergency);
        row("third-person-es", u"mi papá no respira"_s, C::Emergency);
        row("third-person-es-pain", u"a mi mamá le duele el pecho"_s, C::Emergency);

        // Keywords never hide an emergency.
        row("keyword-word-inside-emergency", u"I can't STOP bleeding"_s, C::Emergency);
        row("emergency-wins-over-keyword", u"HELP can't breathe"_s, C::Emergency);

        // Priorities.
        row("priority-emergency", u"I have chest pain"_s, C::Emergency, 1, u"\"chest pain\""_s);
        row("priority-nurse-worrying", u"fever after my surgery"_s, C::Nurse, 2, u"P2"_s);
        row("priority-nurse-routine", u"is it ok to shower with the stitches?"_s, C::Nurse, 3);
        row("priority-refill-critical", u"I ran out of insulin"_s, C::Refill, 2, u"insulin"_s);
        row("priority-refill-critical-es", u"se me acabó la insulina"_s, C::Refill, 2);
        row("priority-refill-routine", u"can I get a refill of my lisinopril"_s, C::Refill, 3);
        row("priority-appointment", u"I need to reschedule my appointment"_s, C::Appointment, 4);
        row("priority-lab", u"are my blood test results back?"_s, C::LabResults, 3);
        row("priority-general", u"what are the visiting hours?"_s, C::General, 4);
        row("empty-message", QString(), C::General, 4, u"general"_s);
    }

    void classify()
    {
        QFETCH(QString, text);
        QFETCH(Category, category);
        QFETCH(int, priority);
        QFETCH(QString, reasonContains);
        const TriageResult r = m_engine->classify(text);
        QVERIFY2(r.category == category,
                 qPrintable(QStringLiteral("got %1 (%2)").arg(categoryName(r.category), r.reason)));
        if (priority)
            QCOMPARE(priorityName(r.priority), priorityName(Priority(priority)));
        QVERIFY(!r.reason.isEmpty());
        if (!reasonContains.isEmpty())
            QVERIFY2(r.reason.contains(reasonContains), qPrintable(r.reason));
        if (category == Category::Emergency)
            QCOMPARE(r.keyword, Keyword::None);
    }

    void keywords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Keyword>("keyword");
        QTest::addColumn<Category>("category");

        QTest::newRow("menu-digit") << u"1"_s << Keyword::MenuRefill << Category::Refill;
        QTest::newRow("menu-digit-dot") << u"1."_s << Keyword::MenuRefill << Category::Refill;
        QTest::newRow("menu-word-en") << u"one"_s << Keyword::MenuRefill << Category::Refill;
        QTest::newRow("menu-word-es") << u"Uno"_s << Keyword::MenuRefill << Category::Refill;
        QTest::newRow("menu-option-en")
            << u"option 2"_s << Keyword::MenuAppointment << Category::Appointment;
        QTest::newRow("menu-option-es-accent")
            << u"opción 3"_s << Keyword::MenuLabResults << Category::LabResults;
        QTest::newRow("menu-keycap-emoji") << u"4️⃣"_s << Keyword::MenuNurse << Category::Nurse;
        QTest::newRow("menu-button-title")
            << u"Lab results"_s << Keyword::MenuLabResults << Category::LabResults;
        QTest::newRow("change") << u"CHANGE"_s << Keyword::Change << Category::Appointment;
        QTest::newRow("change-es-with-dot")
            << u"cambiar."_s << Keyword::Change << Category::Appointment;
        QTest::newRow("location-es-accent")
            << u"UBICACIÓN"_s << Keyword::Location << Category::Appointment;
        QTest::newRow("location-es-no-accent")
            << u"ubicacion"_s << Keyword::Location << Category::Appointment;
        QTest::newRow("help") << u"HELP"_s << Keyword::Help << Category::General;
        QTest::newRow("help-es") << u"Ayuda"_s << Keyword::Help << Category::General;
        QTest::newRow("confirm-es") << u"CONFIRMAR"_s << Keyword::Confirm << Category::Appointment;
        QTest::newRow("confirm-typo") << u"confrim"_s << Keyword::Confirm << Category::Appointment;
        QTest::newRow("stop") << u"STOP"_s << Keyword::Stop << Category::General;
        QTest::newRow("stop-with-please") << u"Stop please"_s << Keyword::Stop << Category::General;
        QTest::newRow("stop-es-parar") << u"PARAR"_s << Keyword::Stop << Category::General;
        QTest::newRow("stop-es-baja") << u"baja"_s << Keyword::Stop << Category::General;
        QTest::newRow("start") << u"START"_s << Keyword::Start << Category::General;
        QTest::newRow("start-es-alta") << u"ALTA"_s << Keyword::Start << Category::General;
        QTest::newRow("start-es-iniciar") << u"Iniciar"_s << Keyword::Start << Category::General;
        QTest::newRow("taken") << u"Taken"_s << Keyword::Taken << Category::General;
        QTest::newRow("taken-es") << u"TOMADA"_s << Keyword::Taken << Category::General;
        QTest::newRow("skipped") << u"skipped"_s << Keyword::Skipped << Category::General;
        QTest::newRow("skipped-es") << u"Omitida"_s << Keyword::Skipped << Category::General;
        QTest::newRow("keyword-in-a-sentence") << u"please change my appointment to friday"_s
                                               << Keyword::None << Category::Appointment;
        QTest::newRow("digit-in-a-sentence")
            << u"I need 1 refill"_s << Keyword::None << Category::Refill;
        QTest::newRow("only-fillers") << u"ok thanks 👍"_s << Keyword::None << Category::General;
    }

    void keywords()
    {
        QFETCH(QString, text);
        QFETCH(Keyword, keyword);
        QFETCH(Category, category);
        const TriageResult r = m_engine->classify(text);
        QCOMPARE(keywordName(r.keyword), keywordName(keyword));
        QCOMPARE(categoryName(r.category), categoryName(category));
        if (keyword != Keyword::None)
            QVERIFY2(r.reason.contains(keywordName(keyword)), qPrintable(r.reason));
    }

    void keywordNamesRoundTrip()
    {
        for (Keyword k :
             {Keyword::None, Keyword::MenuRefill, Keyword::MenuAppointment, Keyword::MenuLabResults,
              Keyword::MenuNurse, Keyword::Change, Keyword::Location, Keyword::Help,
              Keyword::Confirm, Keyword::Stop, Keyword::Start, Keyword::Taken, Keyword::Skipped})
            QCOMPARE(keywordFromName(keywordName(k)), k);
        QCOMPARE(keywordName(Keyword::MenuRefill), u"MENU_REFILL"_s);
        QVERIFY(!keywordFromName(u"REFILL"_s));
    }

    void language_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("hint");
        QTest::addColumn<QString>("language");

        QTest::newRow("short-greeting-es") << u"hola"_s << QString() << u"es"_s;
        QTest::newRow("short-greeting-en") << u"hi"_s << u"es"_s << u"en"_s;
        QTest::newRow("undecided-uses-hint") << u"ok"_s << u"es"_s << u"es"_s;
        QTest::newRow("undecided-no-hint") << u"ok"_s << QString() << u"en"_s;
        QTest::newRow("digit-uses-hint") << u"2"_s << u"es"_s << u"es"_s;
        QTest::newRow("digit-uses-regional-hint") << u"2"_s << u"es-MX"_s << u"es"_s;
        QTest::newRow("unknown-hint-falls-back") << u"👍"_s << u"fr"_s << u"en"_s;
        QTest::newRow("keyword-es") << u"PARAR"_s << u"en"_s << u"es"_s;
        QTest::newRow("no-accents-es")
            << u"necesito cambiar mi cita para manana"_s << QString() << u"es"_s;
        QTest::newRow("text-beats-hint")
            << u"I need to change my appointment"_s << u"es"_s << u"en"_s;
        QTest::newRow("spanglish-mostly-es")
            << u"my mom tiene dolor de pecho y no puede respirar"_s << QString() << u"es"_s;
        QTest::newRow("spanglish-mostly-en")
            << u"hola, I need a refill for my pills please"_s << QString() << u"en"_s;
    }

    void language()
    {
        QFETCH(QString, text);
        QFETCH(QString, hint);
        QFETCH(QString, language);
        QCOMPARE(m_engine->classify(text, hint).language, language);
    }

    void spanglishEmergencyIsFound()
    {
        const TriageResult r = m_engine->classify(u"my mom tiene chest pain y no puede respirar"_s);
        QCOMPARE(r.category, Category::Emergency);
    }

    void concurrentClassifyMatchesSerial()
    {
        const QStringList texts{u"no chest pain but I can't breathe"_s,
                                u"1"_s,
                                u"se me acabó la insulina"_s,
                                u"dolordepecho"_s,
                                u"my chest x-ray results"_s,
                                u"STOP"_s};
        std::vector<QString> expected;
        for (const QString &t : texts)
            expected.push_back(m_engine->classify(t).reason);
        std::vector<int> mismatches(4, 0);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int round = 0; round < 50; ++round) {
                    for (qsizetype i = 0; i < texts.size(); ++i) {
                        if (m_engine->classify(texts.at(i)).reason != expected[size_t(i)])
                            ++mismatches[size_t(t)];
                    }
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(mismatches, std::vector<int>(4, 0));
    }

    void loadsAnEditedCopy()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList paths;
        for (const QString &source : sourceLexiconFiles()) {
            const QString target = dir.filePath(QFileInfo(source).fileName());
            QVERIFY(QFile::copy(source, target));
            paths.append(target);
        }
        // A clinical lead adds a word to the English lexicon.
        writeFile(dir.filePath(u"extra.json"_s), R"({"language": "en", "groups": [
            {"label": "test phrase", "category": "EMERGENCY", "phrases": ["purple elbows"]}]})");
        paths.append(dir.filePath(u"extra.json"_s));
        const auto engine = TriageEngine::loadFromFiles(paths);
        QVERIFY2(engine, qPrintable(engine.error()));
        QCOMPARE(engine->classify(u"purple elbows"_s).category, Category::Emergency);
        QCOMPARE(engine->classify(u"chestpain"_s).category, Category::Emergency);
    }

    void badFilesGiveClearErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("withRules");
        QTest::addColumn<QString>("errorContains");

        QTest::newRow("not-json") << QByteArray(R"({"language": "en", "groups": [)") << true
                                  << u"not valid JSON"_s;
        QTest::newRow("unknown-category")
            << QByteArray(R"({"language": "en", "groups": [{"label": "x", "category": "URGENT",
                          "phrases": ["x"]}]})")
            << true << u"\"URGENT\" is not a category"_s;
        QTest::newRow("misspelt-entry")
            << QByteArray(R"({"language": "en", "grups": []})") << true << u"\"grups\""_s;
        QTest::newRow("wildcard-at-start")
            << QByteArray(R"({"language": "en", "groups": [{"label": "x", "category": "NURSE",
                          "phrases": ["... pain"]}]})")
            << true << u"may not start or end"_s;
        QTest::newRow("group-without-label")
            << QByteArray(R"({"language": "en", "groups": [{"category": "NURSE",
                          "phrases": ["pain"]}]})")
            << true << u"label"_s;
        QTest::newRow("no-priorities")
            << QByteArray(R"({"language": "en"})") << false << u"no priority for EMERGENCY"_s;
        QTest::newRow("bad-priority")
            << QByteArray(R"({"language": "en", "priorities": {"NURSE": "P7"}})") << true
            << u"\"P7\" is not a priority"_s;
        QTest::newRow("unknown-keyword")
            << QByteArray(R"({"language": "en", "keywords": {"UNSUBSCRIBE": ["x"]}})") << true
            << u"keywords.UNSUBSCRIBE"_s;
    }

    void badFilesGiveClearErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, withRules);
        QFETCH(QString, errorContains);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList paths;
        if (withRules) {
            writeFile(dir.filePath(u"rules.json"_s), MinimalRules);
            paths.append(dir.filePath(u"rules.json"_s));
        }
        writeFile(dir.filePath(u"edited.json"_s), content);
        paths.append(dir.filePath(u"edited.json"_s));
        const auto engine = TriageEngine::loadFromFiles(paths);
        QVERIFY(!engine);
        QVERIFY2(engine.error().contains(errorContains), qPrintable(engine.error()));
        if (errorContains != u"no priority for EMERGENCY")
            QVERIFY2(engine.error().contains(u"edited.json"), qPrintable(engine.error()));
    }

    void missingFileIsNamed()
    {
        const auto engine = TriageEngine::loadFromFiles({u"/nonexistent/triage/en.json"_s});
        QVERIFY(!engine);
        QVERIFY2(engine.error().contains(u"/nonexistent/triage/en.json"),
                 qPrintable(engine.error()));
    }

    void sourceFilesMatchBuiltIn()
    {
        // The files a clinical lead would copy load on their own, without the resources.
        const auto engine = TriageEngine::loadFromFiles(sourceLexiconFiles());
        QVERIFY2(engine, qPrintable(engine.error()));
        QCOMPARE(engine->classify(u"no chest pain but I can't breathe"_s).category,
                 Category::Emergency);
    }
};

QTEST_GUILESS_MAIN(TestTriage)
#include "tst_triage.moc"
