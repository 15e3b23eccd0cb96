// The conversation screen and the composer drawn from fictional data, without a hub: every
// kind of bubble and delivery mark, the template picker's form and preview, in English and
// Spanish. With WARDLINE_SCREENSHOT_DIR set it also writes docs/screenshots' pictures.
#include "console/conversationclient.h"
#include "console/inboxstore.h"
#include "core/clock.h"
#include "ui/composer.h"
#include "ui/conversationview.h"
#include "ui/language.h"
#include "ui/messagebubble.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace Wardline;
using Console::MessageItem;

namespace {
constexpr qint64 PhotoId = 9001;

QByteArray fictionalPhoto()
{
    // A drawn stand-in for a wound photo: skin tones and a healing line, no real picture.
    QImage image(480, 360, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient skin(0, 0, 480, 360);
    skin.setColorAt(0, QColor(0xe8, 0xb8, 0x9a));
    skin.setColorAt(1, QColor(0xc9, 0x90, 0x72));
    p.fillRect(image.rect(), skin);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(QColor(0xd9, 0x7a, 0x6c, 120));
    p.setPen(Qt::NoPen);
    p.drawEllipse(QPointF(240, 180), 150, 60);
    p.setPen(QPen(QColor(0x7a, 0x2e, 0x2a), 5, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(120, 190, 360, 170);
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

struct Words
{
    QString symptom, caption, note, question, tapped, advice, failed, sending, name;
};

Words wordsFor(const QString &language)
{
    if (language == QLatin1StringView("es"))
        return {
            QStringLiteral("Hola, desde anoche la herida de la operación está roja y caliente."),
            QStringLiteral("Así se ve ahora"),
            QStringLiteral("Foto revisada: enrojecimiento leve, sin supuración. Preguntar "
                           "por fiebre."),
            QStringLiteral("Gracias, Marta. ¿Tiene fiebre o sale algún líquido de la herida?"),
            QStringLiteral("No, sin fiebre"),
            QStringLiteral("Mantenga la zona limpia y seca. La llamaremos hoy antes de las "
                           "14:00."),
            QStringLiteral("¿Puede enviarnos otra foto mañana por la mañana?"),
            QStringLiteral("Gracias por avisarnos."),
            QStringLiteral("Marta Quintero")};
    return {QStringLiteral("Hello, since last night my incision looks red and warm."),
            QStringLiteral("This is how it looks now"),
            QStringLiteral("Photo reviewed: mild redness, no discharge. Ask about fever."),
            QStringLiteral("Thank you, Marta. Do you have a fever or any discharge?"),
            QStringLiteral("No fever"),
            QStringLiteral("Keep the area clean and dry. We will call you today before 2 pm."),
            QStringLiteral("Could you send us another photo tomorrow morning?"),
            QStringLiteral("Thank you for letting us know."),
            QStringLiteral("Marta Quintero")};
}

Console::ConversationSummary summaryFor(const QString &language, const Words &w)
{
    Console::ConversationSummary s;
    s.id = 42;
    s.patientId = 7;
    s.patientName = w.name;
    s.phone = QStringLiteral("+15550100777");
    s.language = language;
    s.category = QStringLiteral("NURSE");
    s.priority = QStringLiteral("P2");
    s.triageReason = language == QLatin1StringView("es") ? QStringLiteral("herida roja y caliente")
                                                         : QStringLiteral("incision red and warm");
    s.state = QStringLiteral("open");
    return s;
}

Console::ConversationSnapshot conversationFor(const Words &w, const QDateTime &now,
                                              qint64 windowSecondsLeft)
{
    Console::ConversationSnapshot c;
    c.id = 42;
    c.state = QStringLiteral("open");
    c.category = QStringLiteral("NURSE");
    c.windowSecondsLeft = windowSecondsLeft;
    c.fetchedAt = now;
    auto at = [&now](int minutesAgo) { return now.addSecs(-60 * minutesAgo); };
    auto in = [&](MessageItem::Kind kind, const QString &text, int minutesAgo) {
        MessageItem m;
        m.kind = kind;
        m.direction = MessageItem::Direction::In;
        m.text = text;
        m.sentAt = at(minutesAgo);
        m.wamid = QStringLiteral("wamid.in%1").arg(minutesAgo);
        return m;
    };
    auto out = [&](const QString &text, MessageItem::Status status, int minutesAgo) {
        MessageItem m;
        m.direction = MessageItem::Direction::Out;
        m.status = status;
        m.text = text;
        m.sentAt = at(minutesAgo);
        m.authorName = QStringLiteral("Ana Ruiz");
        m.wamid = QStringLiteral("wamid.out%1").arg(minutesAgo);
        return m;
    };
    c.messages.append(in(MessageItem::Kind::Text, w.symptom, 60));
    MessageItem photo = in(MessageItem::Kind::Image, w.caption, 58);
    photo.mediaId = PhotoId;
    c.messages.append(photo);
    MessageItem note;
    note.kind = MessageItem::Kind::Note;
    note.direction = MessageItem::Direction::Note;
    note.text = w.note;
    note.authorName = QStringLiteral("Ana Ruiz");
    note.sentAt = at(50);
    c.messages.append(note);
    c.messages.append(out(w.question, MessageItem::Status::Read, 48));
    MessageItem tapped = in(MessageItem::Kind::InteractiveReply, w.tapped, 45);
    tapped.replyToWamid = QStringLiteral("wamid.out48");
    tapped.quotedText = w.question;
    c.messages.append(tapped);
    c.messages.append(out(w.advice, MessageItem::Status::Delivered, 40));
    MessageItem failed = out(w.failed, MessageItem::Status::Failed, 30);
    failed.errorCode = 131026;
    failed.errorText = QStringLiteral("Message undeliverable");
    failed.retryBody = {{QStringLiteral("text"), w.failed}};
    c.messages.append(failed);
    MessageItem pending = out(w.sending, MessageItem::Status::Pending, 1);
    pending.pendingState = QStringLiteral("queued");
    c.messages.append(pending);
    return c;
}

Console::TemplateInfo medicationReminder(const QString &language)
{
    // As resources/careflow/templates.json defines it.
    Console::TemplateInfo t;
    t.name = QStringLiteral("wardline_medication_reminder");
    t.language = language;
    t.category = QStringLiteral("UTILITY");
    t.status = QStringLiteral("APPROVED");
    t.variableCount = 2;
    if (language == QLatin1StringView("es")) {
        t.body = QStringLiteral("Hola, {{1}}: es la hora de tomar su {{2}}. ¿La ha tomado?");
        t.buttons = {QStringLiteral("Tomada"), QStringLiteral("Omitida")};
    } else {
        t.body = QStringLiteral("Hello {{1}}, it is time to take your {{2}}. Did you take it?");
        t.buttons = {QStringLiteral("Taken"), QStringLiteral("Skipped")};
    }
    return t;
}
} // namespace

class TestConversationScreens : public QObject
{
    Q_OBJECT

private:
    Core::ManualClock m_clock{QDateTime(QDate(2026, 11, 25), QTime(15, 0), Qt::UTC)};

    void save(QWidget &widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("WARDLINE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget.grab().save(QDir(dir).filePath(name)));
    }

private Q_SLOTS:
    void cleanup() { QVERIFY(Ui::Language::apply(QStringLiteral("en"))); }

    void conversation_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("es") << QStringLiteral("es");
    }

    void conversation()
    {
        QFETCH(QString, language);
        QVERIFY(Ui::Language::apply(language));
        const Words w = wordsFor(language);
        Ui::ConversationView view;
        view.setClock(&m_clock);
        view.showConversation(conversationFor(w, m_clock.now(), 3 * 3600 + 12 * 60),
                              summaryFor(language, w));
        view.setMedia(PhotoId, fictionalPhoto());
        view.resize(860, 1020);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        const QList<Ui::MessageBubble *> bubbles = view.bubbles();
        QCOMPARE(bubbles.size(), 8);
        QStringList marks;
        for (const Ui::MessageBubble *b : bubbles)
            marks.append(b->statusName());
        QCOMPARE(marks, QStringList({{},
                                     {},
                                     {},
                                     QStringLiteral("read"),
                                     {},
                                     QStringLiteral("delivered"),
                                     QStringLiteral("failed"),
                                     QStringLiteral("pending")}));
        QCOMPARE(bubbles.at(2)->property("side").toString(), QStringLiteral("note"));
        QVERIFY(bubbles.at(6)->findChild<QPushButton *>(QStringLiteral("retryButton")));
        auto *thumbnail = bubbles.at(1)->findChild<QPushButton *>(QStringLiteral("thumbnail"));
        QVERIFY(thumbnail && !thumbnail->icon().isNull());
        auto *window = view.findChild<QLabel *>(QStringLiteral("headerWindow"));
        QVERIFY(window->text().contains(QStringLiteral("3")));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("triageBanner"))->isVisible());
        QVERIFY(view.composer()->windowOpen());
        QCoreApplication::processEvents();
        save(view, QStringLiteral("conversation-%1.png").arg(language));
    }

    void aLongConversationShowsItsLatestMessagesFirst()
    {
        Console::ConversationSnapshot c;
        c.id = 77;
        c.state = QStringLiteral("open");
        for (int i = 1; i <= 450; ++i) {
            Console::MessageItem m;
            m.id = i;
            m.text = QStringLiteral("message number %1").arg(i);
            m.direction =
                i % 2 ? Console::MessageItem::Direction::In : Console::MessageItem::Direction::Out;
            m.sentAt = m_clock.now().addSecs(i * 60 - 450 * 60);
            c.messages.append(m);
        }
        Ui::ConversationView view;
        view.setClock(&m_clock);
        view.showConversation(c, {});
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // The latest page, newest at the end; the rest a click away.
        QCOMPARE(view.bubbles().size(), 200);
        QCOMPARE(view.bubbles().constLast()->message().id, 450);
        auto *earlier = view.findChild<QPushButton *>(QStringLiteral("earlierButton"));
        QVERIFY(earlier && earlier->isVisible());
        QCOMPARE(earlier->text(), QStringLiteral("Show earlier messages (250 more)"));
        earlier->click();
        QCOMPARE(view.bubbles().size(), 400);
        earlier->click();
        QCOMPARE(view.bubbles().size(), 450);
        QVERIFY(!earlier->isVisible());
        // A refresh of the same conversation keeps what the nurse asked to see.
        view.showConversation(c, {});
        QCOMPARE(view.bubbles().size(), 450);
    }

    void composer_data() { conversation_data(); }

    void composer()
    {
        QFETCH(QString, language);
        QVERIFY(Ui::Language::apply(language));
        const Words w = wordsFor(language);
        Ui::ConversationView view;
        view.setClock(&m_clock);
        view.showConversation(conversationFor(w, m_clock.now(), 0), summaryFor(language, w));
        view.setMedia(PhotoId, fictionalPhoto());
        Ui::Composer *composer = view.composer();
        QVERIFY(!composer->windowOpen());
        QVERIFY(
            !composer->findChild<QPlainTextEdit *>(QStringLiteral("composerEdit"))->isEnabled());
        composer->setTemplates({medicationReminder(language)});
        composer->showTemplatePicker();
        QVERIFY(composer->templatePickerVisible());
        auto *first = composer->findChild<QLineEdit *>(QStringLiteral("templateField1"));
        QCOMPARE(first->text(), QStringLiteral("Marta"));
        composer->setTemplateValue(1, language == QLatin1StringView("es")
                                          ? QStringLiteral("amoxicilina 500 mg")
                                          : QStringLiteral("amoxicillin 500 mg"));
        QVERIFY(composer->canSendTemplate());
        QVERIFY(composer->templatePreview().startsWith(
            language == QLatin1StringView("es") ? QStringLiteral("Hola, Marta: es la hora")
                                                : QStringLiteral("Hello Marta, it is time")));
        view.resize(860, 1020);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCoreApplication::processEvents();
        save(view, QStringLiteral("composer-%1.png").arg(language));
    }

    void parametersFollowMetasRules_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("problem");
        using P = Console::ComposeLimits::ParameterProblem;
        QTest::newRow("plain") << QStringLiteral("metformin 500 mg") << int(P::None);
        QTest::newRow("empty") << QString() << int(P::Empty);
        QTest::newRow("blank") << QStringLiteral("   ") << int(P::Empty);
        QTest::newRow("newline") << QStringLiteral("a\nb") << int(P::NewlineOrTab);
        QTest::newRow("tab") << QStringLiteral("a\tb") << int(P::NewlineOrTab);
        QTest::newRow("four spaces") << QStringLiteral("a    b") << int(P::None);
        QTest::newRow("five spaces") << QStringLiteral("a     b") << int(P::TooManySpaces);
    }

    void parametersFollowMetasRules()
    {
        QFETCH(QString, value);
        QFETCH(int, problem);
        QCOMPARE(int(Console::ComposeLimits::checkParameter(value)), problem);
    }

    void textOverTheLimitCannotBeSent()
    {
        Ui::ConversationView view;
        view.setClock(&m_clock);
        const Words w = wordsFor(QStringLiteral("en"));
        view.showConversation(conversationFor(w, m_clock.now(), 3600),
                              summaryFor(QStringLiteral("en"), w));
        Ui::Composer *composer = view.composer();
        composer->setDraft(QString(Console::ComposeLimits::TextMax, u'a'));
        QVERIFY(composer->canSend());
        composer->setDraft(QString(Console::ComposeLimits::TextMax + 1, u'a'));
        QVERIFY(!composer->canSend());
        QVERIFY(!composer->findChild<QPushButton *>(QStringLiteral("sendButton"))->isEnabled());
    }
};

QTEST_MAIN(TestConversationScreens)
#include "tst_conversationscreens.moc"
