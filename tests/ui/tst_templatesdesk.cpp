// The templates desk end to end on loopback: a real hub, wardline-sim as Meta (its reviews held
// so the test decides them through the simulator's control API, as a drill instructor would),
// an administrator's console with the desk and a nurse's console with the composer, real
// widgets on the offscreen platform. Every wait is on the widgets or the hub's record.
#include "console/cachewriter.h"
#include "console/conversationclient.h"
#include "console/hubclient.h"
#include "console/inboxstore.h"
#include "console/localcache.h"
#include "console/syncengine.h"
#include "console/templatesclient.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/role.h"
#include "core/secretkey.h"
#include "hub/caremessages.h"
#include "hub/hubconfig.h"
#include "hub/hubinit.h"
#include "hub/hubserver.h"
#include "sim/inboundinjector.h"
#include "sim/mediastore.h"
#include "sim/messagelog.h"
#include "sim/simserver.h"
#include "sim/simservices.h"
#include "sim/templatestore.h"
#include "store/userrepository.h"
#include "testsim.h"
#include "ui/composer.h"
#include "ui/conversationview.h"
#include "ui/homewindow.h"
#include "ui/inboxwidget.h"
#include "ui/messagebubble.h"
#include "ui/templateautomations.h"
#include "ui/templatebuilder.h"
#include "ui/templatelistmodel.h"
#include "ui/templatesdesk.h"
#include "whatsapp/graphtemplate.h"

#include <QBuffer>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Wardline;

namespace {
const QString Password = QStringLiteral("Ward-line 7 blue heron");
constexpr int Patience = 30000;
// A fictional patient (555-01xx numbers are reserved for fiction).
const QString PatientPhone = QStringLiteral("15550100451");
const QString NewTemplate = QStringLiteral("clinic_closed_notice");
const QString RefusedTemplate = QStringLiteral("clinic_parking_notice");
} // namespace

/// One signed-in console: what main.cpp puts together after signing in.
struct Console_
{
    QSqlDatabase cache;
    std::unique_ptr<Console::InboxStore> inbox;
    std::unique_ptr<Console::SyncEngine> sync;
    std::unique_ptr<Console::ConversationClient> conversations;
    std::unique_ptr<Ui::HomeWindow> home;
    Console::HubSession session;

    ~Console_()
    {
        home.reset();
        conversations.reset();
        sync.reset();
        inbox.reset();
    }
};

class TestTemplatesDesk : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::HubSecrets m_secrets;
    std::optional<Hub::HubConfig> m_config;
    std::unique_ptr<Hub::HubServer> m_hub;
    std::unique_ptr<Sim::SimServer> m_sim;
    Console::HubClient m_client;
    QNetworkAccessManager m_nam;
    Core::SecretKey m_cacheKey = Core::SecretKey::generate();
    std::unique_ptr<Console_> m_admin;
    std::unique_ptr<Console_> m_nurse;

    QString hubDir() const { return m_dir.filePath(QStringLiteral("hub")); }
    QString hubText(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery q(m_hub->database());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }
    QString hubStatus(const QString &name, const QString &language) const
    {
        return hubText(QStringLiteral("SELECT status FROM templates WHERE name = ? AND "
                                      "language = ?"),
                       {name, language});
    }

    std::unique_ptr<Console_> signIn(const QString &username, Core::Role role)
    {
        auto c = std::make_unique<Console_>();
        std::optional<Console::HubSession> session;
        bool answered = false;
        m_client.signIn(QUrl(m_hub->apiUrl()), username, Password,
                        [&](Core::Result<Console::HubSession> r, Console::HubClient::Failure) {
                            answered = true;
                            if (r)
                                session = std::move(r).value();
                        });
        if (!QTest::qWaitFor([&] { return answered; }, Patience) || !session)
            return nullptr;
        c->session = *session;
        auto db =
            Console::LocalCache::open(username, m_dir.filePath(username + u".cache"), m_cacheKey);
        if (!db)
            return nullptr;
        c->cache = db.value();
        c->inbox = std::make_unique<Console::InboxStore>();
        auto *worker = new Console::CacheWriter(c->cache.databaseName(), m_cacheKey);
        c->sync = std::make_unique<Console::SyncEngine>(*worker, *c->inbox, m_client, *session,
                                                        Core::Clock::system());
        worker->setParent(c->sync.get()); // goes after the engine
        c->sync->setRetryIntervals(50, 400);
        c->conversations = std::make_unique<Console::ConversationClient>(
            m_client, *session, c->cache, Core::Clock::system());
        c->conversations->followInbox(c->inbox.get());
        c->home = std::make_unique<Ui::HomeWindow>();
        c->home->showSession(username, role, m_hub->apiUrl(), {});
        c->home->setInbox(c->inbox.get(), session->user.id);
        c->home->setConversationClient(c->conversations.get());
        c->home->setHub(&m_client, *session);
        connect(c->sync.get(), &Console::SyncEngine::eventsApplied, c->home.get(),
                &Ui::HomeWindow::hubEvents);
        c->home->resize(1280, 800);
        c->home->show();
        c->sync->start();
        return c;
    }

    Ui::TemplatesDesk *desk() const { return m_admin->home->desk<Ui::TemplatesDesk>(); }
    Ui::TemplateBuilder *builder() const { return desk()->builder(); }
    template<typename T> T *inBuilder(const QString &name) const
    {
        return builder()->findChild<T *>(name);
    }
    // What the desk's list shows for the template in its status column.
    QString listedStatus(const QString &name, const QString &language) const
    {
        const int row = desk()->model()->rowOf(name, language);
        return row < 0 ? QString()
                       : desk()
                             ->model()
                             ->index(row, Ui::TemplateListModel::StatusColumn)
                             .data()
                             .toString();
    }
    // Meta's review, decided through the simulator's control API.
    [[nodiscard]] bool review(const QString &name, const QString &status,
                              const QString &reason = {})
    {
        QNetworkRequest request(
            m_sim->url().resolved(QUrl(QStringLiteral("/_sim/templates/%1/status").arg(name))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QJsonObject body{{QStringLiteral("status"), status}};
        if (!reason.isEmpty())
            body.insert(QStringLiteral("reason"), reason);
        QNetworkReply *reply = m_nam.post(request, QJsonDocument(body).toJson());
        const bool done = QTest::qWaitFor([reply] { return reply->isFinished(); }, Patience);
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return done && code == 200;
    }
    // Types into the builder's form the way an administrator does.
    void fillTemplate(const QString &name, const QString &body)
    {
        auto *nameEdit = inBuilder<QLineEdit>(QStringLiteral("templateNameEdit"));
        nameEdit->clear();
        QTest::keyClicks(nameEdit, name);
        auto *language = inBuilder<QComboBox>(QStringLiteral("templateLanguageCombo"));
        language->setEditText(QString());
        QTest::keyClicks(language->lineEdit(), QStringLiteral("en"));
        auto *bodyEdit = inBuilder<QPlainTextEdit>(QStringLiteral("bodyEdit"));
        bodyEdit->setFocus();
        QTest::keyClicks(bodyEdit, body);
    }
    Ui::Composer *composer() const { return m_nurse->home->conversationView()->composer(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(Core::Crypto::selfTest());
        const QString failed = Test::startConsoleHub(
            hubDir(), Password, Core::Clock::system(), m_secrets, m_config, m_sim, m_hub,
            [](Sim::SimBehaviour &b) {
                Test::consoleDrill(b);
                b.templateReviewMs = 24 * 3600 * 1000; // the test reviews through the control API
            });
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QVERIFY(Store::UserRepository(m_hub->database(), Core::Clock::system())
                    .create(QStringLiteral("nurse.tpl"), Core::Role::Nurse,
                            Core::Crypto::hashPassword(Password)));
        // The hub listed Meta's templates (the simulator's approved ones) on start and
        // submitted its own 20, which Meta holds in review. Signing in only then: a console's
        // first sync fills its inbox from a snapshot, and tells the desks of no event before it.
        QTRY_COMPARE_WITH_TIMEOUT(hubStatus(QStringLiteral("refill_ready"), QStringLiteral("en")),
                                  QStringLiteral("APPROVED"), Patience);
        QTRY_COMPARE_WITH_TIMEOUT(
            hubText(QStringLiteral("SELECT count(*) FROM templates WHERE "
                                   "status = 'PENDING'")),
            QString::number(Hub::CareMessages::builtIn().defaultTemplates().size()), Patience);

        m_admin = signIn(QStringLiteral("admin"), Core::Role::Administrator);
        QVERIFY(m_admin);
        QVERIFY(desk());
        QVERIFY(m_admin->home->showDesk(desk()));
        m_nurse = signIn(QStringLiteral("nurse.tpl"), Core::Role::Nurse);
        QVERIFY(m_nurse);
        // The nurse's patient, in their 24-hour window.
        QVERIFY(m_sim->services()
                    ->inbound()
                    .inject({{QStringLiteral("from"), PatientPhone},
                             {QStringLiteral("name"), QStringLiteral("Ana Drill")},
                             {QStringLiteral("text"), QStringLiteral("is the clinic open on "
                                                                     "Friday?")}})
                    .ok);
    }

    void cleanupTestCase()
    {
        m_nurse.reset();
        m_admin.reset();
        m_hub.reset();
        m_sim.reset();
    }

    void theListShowsEveryTemplateWithItsStatus()
    {
        // Meta's approved ones and the hub's own, still in review.
        QTRY_COMPARE_WITH_TIMEOUT(
            listedStatus(QStringLiteral("refill_ready"), QStringLiteral("en")),
            QStringLiteral("Approved"), Patience);
        QTRY_COMPARE_WITH_TIMEOUT(
            listedStatus(QStringLiteral("wardline_postop_photo"), QStringLiteral("es")),
            QStringLiteral("In review"), Patience);
        auto *table = desk()->findChild<QTableView *>(QStringLiteral("templateList"));
        QVERIFY(table && table->isVisible());
        // The simulator's 9 and the hub's 20 arrive as their events do.
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() >= 29, Patience);
    }

    void anApprovedTemplateReachesTheNursesComposer()
    {
        desk()->findChild<QPushButton *>(QStringLiteral("newTemplateButton"))->click();
        QVERIFY(builder()->isVisible());
        fillTemplate(NewTemplate, QStringLiteral("Hello {{1}}, the clinic is closed on {{2}}. "
                                                 "Call us if you need help."));
        // Each variable asks for an example; without them the template cannot go.
        QVERIFY(!builder()->canSubmit());
        QVERIFY(builder()->shownProblem(Console::TemplateDraft::Part::Body).contains(u"example"));
        auto *first = inBuilder<QLineEdit>(QStringLiteral("example_1"));
        auto *second = inBuilder<QLineEdit>(QStringLiteral("example_2"));
        QVERIFY(first && second);
        QTest::keyClicks(first, QStringLiteral("Ana"));
        QTest::keyClicks(second, QStringLiteral("Friday"));
        QTest::keyClicks(inBuilder<QLineEdit>(QStringLiteral("footerEdit")),
                         QStringLiteral("Wardline General Hospital"));
        builder()->addButton(Console::TemplateDraftButton::Kind::QuickReply);
        QTest::keyClicks(inBuilder<QLineEdit>(QStringLiteral("buttonText1")),
                         QStringLiteral("Thank you"));
        QVERIFY2(builder()->canSubmit(),
                 qPrintable(builder()->shownProblem(Console::TemplateDraft::Part::Whole)));
        // The preview is the patient's bubble, with the examples in place.
        QVERIFY(builder()->previewBubble());
        const QString preview = builder()->previewBubble()->message().text;
        QVERIFY(preview.contains(u"Hello Ana, the clinic is closed on Friday."));
        QVERIFY(preview.contains(u"Wardline General Hospital"));
        QVERIFY(preview.contains(u"[ Thank you ]"));

        inBuilder<QPushButton>(QStringLiteral("submitTemplateButton"))->click();
        // The hub sends it to Meta, whose answer is "in review".
        QTRY_COMPARE_WITH_TIMEOUT(hubStatus(NewTemplate, QStringLiteral("en")),
                                  QStringLiteral("PENDING"), Patience);
        QTRY_COMPARE_WITH_TIMEOUT(listedStatus(NewTemplate, QStringLiteral("en")),
                                  QStringLiteral("In review"), Patience);
        QTRY_VERIFY_WITH_TIMEOUT(
            inBuilder<QLabel>(QStringLiteral("submitStatus"))->text().contains(NewTemplate),
            Patience);
        QVERIFY(inBuilder<QLineEdit>(QStringLiteral("templateNameEdit"))->text().isEmpty());

        // The nurse opens the patient's conversation: the template is not offered yet.
        QTRY_VERIFY_WITH_TIMEOUT(m_nurse->inbox->size() > 0, Patience);
        const qint64 conversation = m_nurse->inbox->conversations().constFirst().id;
        Q_EMIT m_nurse->home->inbox()->conversationActivated(conversation);
        QTRY_COMPARE_WITH_TIMEOUT(m_nurse->home->conversationView()->conversationId(), conversation,
                                  Patience);
        auto *choose = composer()->findChild<QPushButton *>(QStringLiteral("chooseTemplateButton"));
        auto *combo = composer()->findChild<QComboBox *>(QStringLiteral("templateCombo"));
        QVERIFY(choose && combo);
        QTRY_VERIFY_WITH_TIMEOUT(choose->isVisible(), Patience);
        QSignalSpy loaded(m_nurse->conversations.get(),
                          &Console::ConversationClient::templatesLoaded);
        choose->click();
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), Patience);
        QTRY_VERIFY_WITH_TIMEOUT(combo->findData(QStringLiteral("refill_ready")) >= 0, Patience);
        QCOMPARE(combo->findData(NewTemplate), -1);
        composer()->findChild<QPushButton *>(QStringLiteral("templateBackButton"))->click();

        // Meta approves it: the status webhook reaches the hub, the event the desk.
        QVERIFY(review(NewTemplate, QStringLiteral("APPROVED")));
        QTRY_COMPARE_WITH_TIMEOUT(listedStatus(NewTemplate, QStringLiteral("en")),
                                  QStringLiteral("Approved"), Patience);
        QCOMPARE(hubStatus(NewTemplate, QStringLiteral("en")), QStringLiteral("APPROVED"));

        // The nurse opens the picker again and finds it there.
        choose->click();
        QTRY_VERIFY_WITH_TIMEOUT(combo->findData(NewTemplate) >= 0, Patience);
        composer()->chooseTemplate(NewTemplate);
        auto *value2 = composer()->findChild<QLineEdit *>(QStringLiteral("templateField2"));
        QVERIFY(value2);
        value2->setText(QStringLiteral("Monday"));
        QVERIFY(composer()->templatePreview().contains(u"the clinic is closed on Monday"));
        QVERIFY(composer()->canSendTemplate());
        composer()->findChild<QPushButton *>(QStringLiteral("sendTemplateButton"))->click();
        const Sim::SentMessage *sent = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (sent = m_sim->services()->log().latestSent(
                 PatientPhone,
                 [](const Sim::SentMessage &m) { return m.templateName == NewTemplate; })),
            Patience);
        QCOMPARE(sent->templateParams.toArray().at(1).toString(), QStringLiteral("Monday"));
    }

    void anImageHeadingIsReviewedWithTheChosenPictureNotAnAddress()
    {
        const QString name = QStringLiteral("clinic_entrance_photo");
        desk()->findChild<QPushButton *>(QStringLiteral("newTemplateButton"))->click();
        fillTemplate(name, QStringLiteral("Our outpatient clinic has a new entrance."));
        auto *heading = inBuilder<QComboBox>(QStringLiteral("headerKindCombo"));
        heading->setCurrentIndex(heading->findData(int(Console::TemplateDraft::HeaderKind::Image)));
        // An image heading needs its example picture first: a file, chosen like any other.
        QVERIFY(inBuilder<QPushButton>(QStringLiteral("headerImageButton"))->isVisible());
        QVERIFY(!builder()->canSubmit());
        QImage picture(120, 80, QImage::Format_RGB32);
        picture.fill(QColor(0x1f, 0x6f, 0xb2));
        QByteArray png;
        {
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            picture.save(&buffer, "PNG");
        }
        const QString path = m_dir.filePath(QStringLiteral("entrance.png"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(png);
        }
        QVERIFY(builder()->setHeaderImageFile(path));
        QVERIFY(inBuilder<QLabel>(QStringLiteral("headerImageInfo"))
                    ->text()
                    .contains(QStringLiteral("entrance.png")));
        QVERIFY(builder()->canSubmit());
        // With WARDLINE_SCREENSHOTS set to a folder, the builder as the administrator sees it.
        if (const QString folder = qEnvironmentVariable("WARDLINE_SCREENSHOTS");
            !folder.isEmpty() && QDir().mkpath(folder))
            desk()->grab().save(folder + QStringLiteral("/template-image-heading.png"));
        inBuilder<QPushButton>(QStringLiteral("submitTemplateButton"))->click();
        // Meta (the simulator) took it for review: it only takes a handle of its own upload.
        QTRY_COMPARE_WITH_TIMEOUT(hubStatus(name, QStringLiteral("en")), QStringLiteral("PENDING"),
                                  Patience);
        QString handle;
        for (const Sim::MessageTemplate &t : m_sim->services()->templates().all()) {
            if (t.name != name)
                continue;
            for (const QJsonValue &c : t.components) {
                if (c.toObject().value(u"type").toString() == u"HEADER")
                    handle = c.toObject()
                                 .value(u"example")
                                 .toObject()
                                 .value(u"header_handle")
                                 .toArray()
                                 .at(0)
                                 .toString();
            }
        }
        QVERIFY(m_sim->services()->media().isUploadHandle(handle));
        // The hub keeps the picture itself, unchanged, for the next time it is shown.
        QCOMPARE(
            hubText(QStringLiteral("SELECT sha256 FROM media WHERE id = (SELECT max(id) "
                                   "FROM media WHERE message_id IS NULL)")),
            QString::fromLatin1(QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex()));
    }

    void aRejectedTemplateShowsMetasReason()
    {
        desk()->findChild<QPushButton *>(QStringLiteral("newTemplateButton"))->click();
        fillTemplate(RefusedTemplate, QStringLiteral("Parking is free for patients this week."));
        QVERIFY(builder()->canSubmit());
        inBuilder<QPushButton>(QStringLiteral("submitTemplateButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(hubStatus(RefusedTemplate, QStringLiteral("en")),
                                  QStringLiteral("PENDING"), Patience);
        QVERIFY(review(RefusedTemplate, QStringLiteral("REJECTED"), QStringLiteral("PROMOTIONAL")));
        QTRY_COMPARE_WITH_TIMEOUT(listedStatus(RefusedTemplate, QStringLiteral("en")),
                                  QStringLiteral("Rejected"), Patience);
        const int row = desk()->model()->rowOf(RefusedTemplate, QStringLiteral("en"));
        const QString reason =
            desk()->model()->index(row, Ui::TemplateListModel::ReasonColumn).data().toString();
        QCOMPARE(reason, Ui::TemplateListModel::reasonText(QStringLiteral("PROMOTIONAL")));
        QVERIFY(desk()->showTemplate(RefusedTemplate, QStringLiteral("en")));
        auto *shown = desk()->findChild<QLabel *>(QStringLiteral("templateReason"));
        QVERIFY(shown && shown->isVisible());
        QVERIFY(shown->text().contains(reason));
    }

    void aTemplateGetsASpanishVersion()
    {
        QVERIFY(desk()->showTemplate(NewTemplate, QStringLiteral("en")));
        desk()->findChild<QPushButton *>(QStringLiteral("newLanguageButton"))->click();
        auto *name = inBuilder<QLineEdit>(QStringLiteral("templateNameEdit"));
        QCOMPARE(name->text(), NewTemplate);
        QVERIFY(name->isReadOnly());
        auto *language = inBuilder<QComboBox>(QStringLiteral("templateLanguageCombo"));
        QVERIFY(language->currentText().isEmpty());
        QTest::keyClicks(language->lineEdit(), QStringLiteral("es"));
        auto *body = inBuilder<QPlainTextEdit>(QStringLiteral("bodyEdit"));
        body->setPlainText(QStringLiteral("Hola, {{1}}: la clínica cierra el {{2}}. Llámenos si "
                                          "necesita ayuda."));
        // The examples and the button came along; the words are translated.
        QCOMPARE(inBuilder<QLineEdit>(QStringLiteral("example_2"))->text(),
                 QStringLiteral("Friday"));
        inBuilder<QLineEdit>(QStringLiteral("buttonText1"))->setText(QStringLiteral("Gracias"));
        inBuilder<QLineEdit>(QStringLiteral("footerEdit"))->setText(QStringLiteral("Hospital"));
        QTRY_VERIFY(builder()->canSubmit());
        inBuilder<QPushButton>(QStringLiteral("submitTemplateButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(hubStatus(NewTemplate, QStringLiteral("es")),
                                  QStringLiteral("PENDING"), Patience);
        QTRY_COMPARE_WITH_TIMEOUT(listedStatus(NewTemplate, QStringLiteral("es")),
                                  QStringLiteral("In review"), Patience);
        QCOMPARE(hubStatus(NewTemplate, QStringLiteral("en")), QStringLiteral("APPROVED"));
    }

    void anAutomationSendsTheChosenTemplate()
    {
        Ui::TemplateAutomations *automations = desk()->automations();
        // The form is rebuilt when the list changes: ask for the combo box each time.
        const auto choice = [automations](const char *key) {
            return automations->choice(QLatin1String(key));
        };
        // A dose reminder takes two values (name, medication) like the new template; a
        // post-op nudge takes one, so the new template is not offered there.
        QTRY_VERIFY_WITH_TIMEOUT(choice("medication_dose") &&
                                     choice("medication_dose")->findData(NewTemplate) >= 0,
                                 Patience);
        QCOMPARE(choice("medication_dose")->currentData().toString(),
                 QStringLiteral("wardline_medication_reminder"));
        QVERIFY(choice("pathway_nudge"));
        QCOMPARE(choice("pathway_nudge")->findData(NewTemplate), -1);
        QComboBox *dose = choice("medication_dose");
        dose->setCurrentIndex(dose->findData(NewTemplate));
        auto *save = automations->findChild<QPushButton *>(QStringLiteral("saveAutomationsButton"));
        QVERIFY(save->isEnabled());
        save->click();
        QTRY_COMPARE_WITH_TIMEOUT(hubText(QStringLiteral("SELECT value FROM hub_settings WHERE "
                                                         "key = 'template/medication_dose'")),
                                  NewTemplate, Patience);
        // The hub's settings, read again, hold the choice.
        QTRY_VERIFY_WITH_TIMEOUT(!save->isEnabled() &&
                                     choice("medication_dose")->currentData().toString() ==
                                         NewTemplate,
                                 Patience);
    }

    void theHubRefusesATemplateThatTakesOtherValues()
    {
        // The console offers no such choice; the hub checks anyway (a post-op nudge fills one
        // value, the new template takes two).
        Console::TemplatesClient client(m_client, m_admin->session);
        QSignalSpy failed(&client, &Console::TemplatesClient::saveFailed);
        QSignalSpy saved(&client, &Console::TemplatesClient::automationsSaved);
        client.saveAutomations({{QStringLiteral("pathway_nudge"), NewTemplate}});
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), Patience);
        QVERIFY(saved.isEmpty());
        QVERIFY(failed.constFirst().constFirst().toString().contains(u"{{1}}, {{2}}"));
        QCOMPARE(hubText(QStringLiteral("SELECT count(*) FROM hub_settings WHERE key = "
                                        "'template/pathway_nudge'")),
                 QStringLiteral("0"));
    }
};

QTEST_MAIN(TestTemplatesDesk)
#include "tst_templatesdesk.moc"
