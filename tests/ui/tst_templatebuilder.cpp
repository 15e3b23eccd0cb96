// The template builder without a hub: Meta's rules on each part of a draft (the hub's own
// rules, WhatsApp::GraphTemplate::checkDefinition), what the form flags as it is typed, the
// preview bubble, the JSON submitted, and the list model under QAbstractItemModelTester.
#include "console/templatedraft.h"
#include "console/templatesclient.h"
#include "ui/messagebubble.h"
#include "ui/templatebuilder.h"
#include "ui/templatelistmodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Wardline;
using Console::TemplateDraft;
using Console::TemplateDraftButton;
using Part = TemplateDraft::Part;

Q_DECLARE_METATYPE(Wardline::Console::TemplateDraft)

namespace {
// A draft Meta would accept: the starting point each row changes one thing of.
TemplateDraft valid()
{
    TemplateDraft d;
    d.name = QStringLiteral("clinic_closed_notice");
    d.language = QStringLiteral("en");
    d.body = QStringLiteral("Hello {{1}}, the clinic is closed on {{2}}.");
    d.examples = {{QStringLiteral("1"), QStringLiteral("Ana")},
                  {QStringLiteral("2"), QStringLiteral("Friday")}};
    return d;
}

TemplateDraftButton button(TemplateDraftButton::Kind kind, const QString &text,
                           const QString &target = {})
{
    TemplateDraftButton b;
    b.kind = kind;
    b.text = text;
    b.target = target;
    return b;
}
} // namespace

class TestTemplateBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void partsAreCheckedAgainstMetasRules_data()
    {
        QTest::addColumn<TemplateDraft>("draft");
        QTest::addColumn<int>("part"); // -1: no problem anywhere
        using K = TemplateDraftButton::Kind;
        QTest::newRow("valid") << valid() << -1;
        TemplateDraft d = valid();
        d.name = QStringLiteral("Clinic Closed");
        QTest::newRow("name with capitals and a space") << d << int(Part::Name);
        d = valid();
        d.name.clear();
        QTest::newRow("no name") << d << int(Part::Name);
        d = valid();
        d.language = QStringLiteral("english");
        QTest::newRow("language not a code") << d << int(Part::Language);
        d = valid();
        d.examples.remove(QStringLiteral("2"));
        QTest::newRow("an example missing") << d << int(Part::Body);
        d = valid();
        d.body = QStringLiteral("Hello {{1}}, the clinic is closed on {{3}}.");
        d.examples.insert(QStringLiteral("3"), QStringLiteral("Friday"));
        QTest::newRow("numbering with a gap") << d << int(Part::Body);
        d = valid();
        d.body = QString(1025, u'a');
        QTest::newRow("body over 1024") << d << int(Part::Body);
        d = valid();
        d.body = QStringLiteral("Hello {{first_name}}");
        QTest::newRow("a name in a numbered template") << d << int(Part::Body);
        d = valid();
        d.namedVariables = true;
        d.body = QStringLiteral("Hello {{first_name}}, see you on {{day}}.");
        d.examples = {{QStringLiteral("first_name"), QStringLiteral("Ana")},
                      {QStringLiteral("day"), QStringLiteral("Friday")}};
        QTest::newRow("named, with examples") << d << -1;
        d = valid();
        d.footer = QString(61, u'f');
        QTest::newRow("footer over 60") << d << int(Part::Footer);
        d = valid();
        d.footer = QStringLiteral("Ask for {{1}}");
        QTest::newRow("footer with a variable") << d << int(Part::Footer);
        d = valid();
        d.headerKind = TemplateDraft::HeaderKind::Text;
        d.headerText = QString(61, u'h');
        QTest::newRow("heading over 60") << d << int(Part::Header);
        d = valid();
        d.headerKind = TemplateDraft::HeaderKind::Text;
        d.headerText = QStringLiteral("For {{1}}");
        QTest::newRow("heading variable without example") << d << int(Part::Header);
        d.headerExample = QStringLiteral("Ana");
        QTest::newRow("heading variable with example") << d << -1;
        d = valid();
        d.headerKind = TemplateDraft::HeaderKind::Image;
        QTest::newRow("image heading without example") << d << int(Part::Header);
        d.headerImageLink = QStringLiteral("https://example.org/clinic.jpg");
        QTest::newRow("image heading with example") << d << -1;
        d = valid();
        d.buttons = {button(K::QuickReply, QString(26, u'b'))};
        QTest::newRow("button label over 25") << d << int(Part::Buttons);
        d.buttons = {button(K::QuickReply, QString())};
        QTest::newRow("button without label") << d << int(Part::Buttons);
        d.buttons = {button(K::Url, QStringLiteral("Portal"), QStringLiteral("portal"))};
        QTest::newRow("web button without an address") << d << int(Part::Buttons);
        d.buttons = {button(K::Url, QStringLiteral("Portal"), QStringLiteral("https://a.org/x")),
                     button(K::Phone, QStringLiteral("Call us"), QStringLiteral("+15550100200")),
                     button(K::QuickReply, QStringLiteral("Thanks"))};
        QTest::newRow("web, call and quick reply") << d << -1;
        d.buttons = {button(K::Phone, QStringLiteral("Call us"), QStringLiteral("call me"))};
        QTest::newRow("call button without a number") << d << int(Part::Buttons);
        d.buttons = {button(K::Url, QStringLiteral("A"), QStringLiteral("https://a.org/1")),
                     button(K::Url, QStringLiteral("B"), QStringLiteral("https://a.org/2")),
                     button(K::Url, QStringLiteral("C"), QStringLiteral("https://a.org/3"))};
        QTest::newRow("three web buttons") << d << int(Part::Buttons);
        d.buttons.clear();
        for (int i = 0; i < 11; ++i)
            d.buttons.append(button(K::QuickReply, QStringLiteral("Reply %1").arg(i)));
        QTest::newRow("eleven buttons") << d << int(Part::Buttons);
    }

    void partsAreCheckedAgainstMetasRules()
    {
        QFETCH(TemplateDraft, draft);
        QFETCH(int, part);
        const QHash<Part, QString> problems = draft.problems();
        if (part < 0) {
            QVERIFY2(problems.isEmpty(), qPrintable(problems.values().join(u'|')));
            return;
        }
        QVERIFY2(problems.contains(Part(part)), qPrintable(problems.values().join(u'|')));
        QCOMPARE(problems.size(), 1); // only the part that is wrong is flagged
        QVERIFY(!problems.value(Part(part)).isEmpty());
    }

    void theSubmittedJsonIsInMetasShape()
    {
        TemplateDraft d = valid();
        d.footer = QStringLiteral("Wardline General");
        d.buttons = {button(TemplateDraftButton::Kind::QuickReply, QStringLiteral("Thanks")),
                     button(TemplateDraftButton::Kind::Url, QStringLiteral("Portal"),
                            QStringLiteral("https://a.org/x"))};
        const QJsonObject json = d.toJson();
        QCOMPARE(json.value(u"name").toString(), d.name);
        QCOMPARE(json.value(u"parameterFormat").toString(), QStringLiteral("POSITIONAL"));
        const QJsonArray parts = json.value(u"components").toArray();
        QCOMPARE(parts.size(), 3);
        const QJsonObject body = parts.at(0).toObject();
        QCOMPARE(body.value(u"type").toString(), QStringLiteral("BODY"));
        QCOMPARE(body.value(u"example").toObject().value(u"body_text").toArray(),
                 QJsonArray({QJsonArray({QStringLiteral("Ana"), QStringLiteral("Friday")})}));
        QCOMPARE(parts.at(1).toObject().value(u"type").toString(), QStringLiteral("FOOTER"));
        const QJsonArray buttons = parts.at(2).toObject().value(u"buttons").toArray();
        QCOMPARE(buttons.at(0).toObject().value(u"type").toString(), QStringLiteral("QUICK_REPLY"));
        QCOMPARE(buttons.at(1).toObject().value(u"url").toString(),
                 QStringLiteral("https://a.org/x"));

        // Another language version starts from the same parts.
        Console::TemplateRecord record;
        record.name = d.name;
        record.language = d.language;
        record.category = d.category;
        record.components = d.components();
        const TemplateDraft again = TemplateDraft::fromRecord(record);
        QCOMPARE(again.components(), d.components());
        QVERIFY(again.language.isEmpty());
        QCOMPARE(record.variables(), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    }

    void theFormFlagsProblemsAsTheyAreTyped()
    {
        Ui::TemplateBuilder builder;
        builder.resize(1000, 700);
        builder.show();
        auto *name = builder.findChild<QLineEdit *>(QStringLiteral("templateNameEdit"));
        auto *problem = builder.findChild<QLabel *>(QStringLiteral("problem_name"));
        auto *submit = builder.findChild<QPushButton *>(QStringLiteral("submitTemplateButton"));
        QVERIFY(name && problem && submit);
        // Nothing is flagged before it is touched.
        QVERIFY(problem->isHidden());
        QVERIFY(!submit->isEnabled());
        QTest::keyClicks(name, QStringLiteral("Clinic"));
        QVERIFY(problem->isVisible());
        QVERIFY(problem->text().contains(u"lower-case"));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("clinic_notice"));
        QVERIFY(problem->isHidden());

        auto *language = builder.findChild<QComboBox *>(QStringLiteral("templateLanguageCombo"));
        QTest::keyClicks(language->lineEdit(), QStringLiteral("es"));
        auto *body = builder.findChild<QPlainTextEdit *>(QStringLiteral("bodyEdit"));
        body->setFocus();
        QTest::keyClicks(body, QStringLiteral("Hola {{1}}, su cita es el {{2}}."));
        // One example field per variable, flagged until filled.
        auto *example1 = builder.findChild<QLineEdit *>(QStringLiteral("example_1"));
        auto *example2 = builder.findChild<QLineEdit *>(QStringLiteral("example_2"));
        QVERIFY(example1 && example2);
        QVERIFY(builder.shownProblem(Part::Body).contains(u"example"));
        QTest::keyClicks(example1, QStringLiteral("Ana"));
        QTest::keyClicks(example2, QStringLiteral("martes"));
        QVERIFY(builder.shownProblem(Part::Body).isEmpty());
        QVERIFY(submit->isEnabled());
        QCOMPARE(builder.previewBubble()->message().text,
                 QStringLiteral("Hola Ana, su cita es el martes."));
        // Meta's limit on the body, counted as typed.
        auto *counter = builder.findChild<QLabel *>(QStringLiteral("bodyCounter"));
        QVERIFY(counter->text().startsWith(QString::number(body->toPlainText().size()) + u' '));

        auto *footer = builder.findChild<QLineEdit *>(QStringLiteral("footerEdit"));
        QTest::keyClicks(footer, QString(61, u'x'));
        QVERIFY(builder.shownProblem(Part::Footer).contains(u"60"));
        QVERIFY(!submit->isEnabled());
        footer->clear();
        QTest::keyClicks(footer, QStringLiteral("Hospital"));
        QVERIFY(builder.shownProblem(Part::Footer).isEmpty());

        builder.addButton(TemplateDraftButton::Kind::QuickReply);
        auto *label = builder.findChild<QLineEdit *>(QStringLiteral("buttonText1"));
        QVERIFY(label);
        QTest::keyClicks(label, QStringLiteral("Confirmo mi asistencia a la cita"));
        QVERIFY(builder.shownProblem(Part::Buttons).contains(u"25"));
        label->clear();
        QTest::keyClicks(label, QStringLiteral("Confirmo"));
        QVERIFY(builder.shownProblem(Part::Buttons).isEmpty());
        QVERIFY(builder.previewBubble()->message().text.endsWith(u"[ Confirmo ]"));
        QVERIFY(builder.previewBubble()->message().text.contains(u"Hospital"));

        builder.addButton(TemplateDraftButton::Kind::Url);
        auto *target = builder.findChild<QLineEdit *>(QStringLiteral("buttonTarget2"));
        QVERIFY(target && target->isVisible());
        QTest::keyClicks(builder.findChild<QLineEdit *>(QStringLiteral("buttonText2")),
                         QStringLiteral("Portal"));
        QTest::keyClicks(target, QStringLiteral("portal"));
        QVERIFY(!builder.shownProblem(Part::Buttons).isEmpty());
        builder.findChild<QToolButton *>(QStringLiteral("buttonRemove2"))->click();
        QVERIFY(builder.shownProblem(Part::Buttons).isEmpty());

        QSignalSpy submitted(&builder, &Ui::TemplateBuilder::submitRequested);
        submit->click();
        QCOMPARE(submitted.size(), 1);
        const auto sent = submitted.constFirst().constFirst().value<TemplateDraft>();
        QCOMPARE(sent.name, QStringLiteral("clinic_notice"));
        QCOMPARE(sent.language, QStringLiteral("es"));
        QCOMPARE(sent.buttons.size(), 1);
        QVERIFY(!submit->isEnabled()); // until the hub answers
        builder.submitAnswered(false, QStringLiteral("The hub is busy; try again in a moment."));
        QVERIFY(submit->isEnabled());
        QCOMPARE(builder.findChild<QLabel *>(QStringLiteral("submitStatus"))->text(),
                 QStringLiteral("The hub is busy; try again in a moment."));
        builder.submitAnswered(true, QStringLiteral("sent"));
        QVERIFY(name->text().isEmpty());
    }

    void theListModelShowsStatusesAndReasons()
    {
        Ui::TemplateListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Console::TemplateRecord approved;
        approved.name = QStringLiteral("clinic_closed_notice");
        approved.language = QStringLiteral("en");
        approved.category = QStringLiteral("UTILITY");
        approved.status = QStringLiteral("APPROVED");
        Console::TemplateRecord rejected = approved;
        rejected.name = QStringLiteral("clinic_parking_notice");
        rejected.status = QStringLiteral("REJECTED");
        rejected.reason = QStringLiteral("PROMOTIONAL");
        Console::TemplateRecord paused = approved;
        paused.language = QStringLiteral("es");
        paused.status = QStringLiteral("PAUSED");
        paused.reason = QStringLiteral("SOMETHING_NEW");
        model.setTemplates({approved, rejected, paused});
        QCOMPARE(model.rowCount(), 3);
        using M = Ui::TemplateListModel;
        QCOMPARE(model.index(0, M::StatusColumn).data().toString(), QStringLiteral("Approved"));
        QCOMPARE(model.index(0, M::CategoryColumn).data().toString(), QStringLiteral("Utility"));
        QCOMPARE(model.index(1, M::StatusColumn).data().toString(), QStringLiteral("Rejected"));
        QVERIFY(model.index(1, M::ReasonColumn).data().toString().contains(u"promotional"));
        QCOMPARE(model.index(1, M::StatusColumn).data(M::ReasonRole).toString(),
                 QStringLiteral("PROMOTIONAL"));
        // A reason Wardline does not know is shown as Meta wrote it.
        QCOMPARE(model.index(2, M::ReasonColumn).data().toString(),
                 QStringLiteral("SOMETHING_NEW"));
        QCOMPARE(model.rowOf(QStringLiteral("clinic_closed_notice"), QStringLiteral("es")), 2);
        model.setTemplates({approved});
        QCOMPARE(model.rowCount(), 1);
        model.setTemplates({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestTemplateBuilder)
#include "tst_templatebuilder.moc"
