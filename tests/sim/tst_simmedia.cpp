#include "simtestkit.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <QUrlQuery>

using namespace SimTest;

namespace {
const QByteArray Boundary = QByteArrayLiteral("----wardline-test-boundary");

QByteArray photo()
{
    QFile file(QStringLiteral(":/personas/wound_day3.jpg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Field
{
    QByteArray name;
    QByteArray value;
    QByteArray filename;
    QByteArray type;
};

QByteArray multipart(const QList<Field> &fields)
{
    QByteArray body;
    for (const Field &f : fields) {
        body += "--" + Boundary + "\r\n";
        body += "Content-Disposition: form-data; name=\"" + f.name + '"';
        if (!f.filename.isEmpty())
            body += "; filename=\"" + f.filename + '"';
        body += "\r\n";
        if (!f.type.isEmpty())
            body += "Content-Type: " + f.type + "\r\n";
        body += "\r\n" + f.value + "\r\n";
    }
    body += "--" + Boundary + "--\r\n";
    return body;
}
} // namespace

/// Media: upload, retrieve, the 5-minute bearer-only download URL, delete, and patients'
/// photos stored the same way.
class TestSimMedia : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void uploadRetrieveDownload();
    void downloadUrlExpiresAfterFiveMinutes();
    void downloadNeedsTheToken_data();
    void downloadNeedsTheToken();
    void uploadRefusals_data();
    void uploadRefusals();
    void deleteMedia();
    void uploadedIdsLiveThirtyDays();
    void patientPhotoIsDownloadable();
    void sendUploadedMedia();
    void resumableUploadGivesAHandleForTemplateReview();

private:
    [[nodiscard]] Response upload(const QByteArray &body,
                                  const QByteArray &contentType = "multipart/form-data; boundary=" +
                                                                  Boundary);
    [[nodiscard]] QString uploadPhoto();
    [[nodiscard]] Response download(const QUrl &url, const QByteArray &token);

    SimFixture m_sim;
};

void TestSimMedia::initTestCase()
{
    QVERIFY(!photo().isEmpty());
    QVERIFY(m_sim.receiver().listen());
    QVERIFY(m_sim.start(SimFixture::config(m_sim.receiver().url())));
}

Response TestSimMedia::upload(const QByteArray &body, const QByteArray &contentType)
{
    return m_sim.raw(
        QByteArrayLiteral("POST"),
        m_sim.url(
            QStringLiteral("/%1/%2/media").arg(SimFixture::Version, SimFixture::PhoneNumberId)),
        body,
        {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + SimFixture::Token},
         {QByteArrayLiteral("Content-Type"), contentType}});
}

QString TestSimMedia::uploadPhoto()
{
    const Response r = upload(multipart({{"messaging_product", "whatsapp", {}, {}},
                                         {"file", photo(), "wound.jpg", "image/jpeg"},
                                         {"type", "image/jpeg", {}, {}}}));
    return r.status == 200 ? r.body.value(u"id").toString() : QString();
}

Response TestSimMedia::download(const QUrl &url, const QByteArray &token)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!token.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token});
    return m_sim.raw(QByteArrayLiteral("GET"), url, {}, headers);
}

void TestSimMedia::uploadRetrieveDownload()
{
    const Response uploaded = upload(multipart({{"messaging_product", "whatsapp", {}, {}},
                                                {"file", photo(), "wound.jpg", "image/jpeg"},
                                                {"type", "image/jpeg", {}, {}}}));
    QCOMPARE(uploaded.status, 200);
    QCOMPARE(uploaded.body.keys(), QStringList{QStringLiteral("id")});
    const QString id = uploaded.body.value(u"id").toString();
    QVERIFY(!id.isEmpty());

    const Response info = m_sim.graph(QByteArrayLiteral("GET"), id);
    QCOMPARE(info.status, 200);
    QCOMPARE(info.body.value(u"messaging_product").toString(), QStringLiteral("whatsapp"));
    QCOMPARE(info.body.value(u"id").toString(), id);
    QCOMPARE(info.body.value(u"mime_type").toString(), QStringLiteral("image/jpeg"));
    QCOMPARE(info.body.value(u"file_size").toInteger(), photo().size());
    QCOMPARE(
        info.body.value(u"sha256").toString(),
        QString::fromLatin1(QCryptographicHash::hash(photo(), QCryptographicHash::Sha256).toHex()));
    QVERIFY(info.raw.contains("image\\/jpeg")); // escaped like Meta's
    const QUrl url(info.body.value(u"url").toString());
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(url.port(), int(m_sim.server().port()));
    QCOMPARE(url.path(), QStringLiteral("/whatsapp_business/attachments/"));
    QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("mid")), id);

    const Response file = download(url, SimFixture::Token);
    QCOMPARE(file.status, 200);
    QCOMPARE(file.raw, photo());
    QCOMPARE(file.contentType, QByteArrayLiteral("image/jpeg"));
    // With the phone number id Meta also accepts.
    QCOMPARE(m_sim
                 .graph(QByteArrayLiteral("GET"),
                        id + QStringLiteral("?phone_number_id=") + SimFixture::PhoneNumberId)
                 .status,
             200);
}

void TestSimMedia::downloadUrlExpiresAfterFiveMinutes()
{
    const QString id = uploadPhoto();
    QVERIFY(!id.isEmpty());
    const QUrl url(m_sim.graph(QByteArrayLiteral("GET"), id).body.value(u"url").toString());
    QVERIFY(m_sim.server().advance(5 * 60 * 1000 - 1000));
    QCOMPARE(download(url, SimFixture::Token).status, 200);
    QVERIFY(m_sim.server().advance(1000));
    const Response expired = download(url, SimFixture::Token);
    QCOMPARE(expired.status, 404);
    QVERIFY(expired.raw.isEmpty() || !expired.raw.startsWith("\xff\xd8"));
    // Asking for the media again gives a fresh URL.
    const QUrl fresh(m_sim.graph(QByteArrayLiteral("GET"), id).body.value(u"url").toString());
    QVERIFY(fresh != url);
    QCOMPARE(download(fresh, SimFixture::Token).raw, photo());
}

void TestSimMedia::downloadNeedsTheToken_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("none") << QByteArray();
    QTest::newRow("wrong") << QByteArrayLiteral("EAAwrong");
}

void TestSimMedia::downloadNeedsTheToken()
{
    QFETCH(QByteArray, token);
    const QString id = uploadPhoto();
    const QUrl url(m_sim.graph(QByteArrayLiteral("GET"), id).body.value(u"url").toString());
    const Response refused = download(url, token);
    QCOMPARE(refused.status, 401);
    QVERIFY(!refused.raw.startsWith("\xff\xd8"));
    // A forged hash is not a URL either.
    QUrl forged = url;
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("hash"));
    query.addQueryItem(QStringLiteral("hash"), QStringLiteral("forged"));
    forged.setQuery(query);
    QCOMPARE(download(forged, SimFixture::Token).status, 404);
    // The media node itself needs the token like any Graph object.
    QCOMPARE(m_sim.graph(QByteArrayLiteral("GET"), id, {}, token).status,
             token.isEmpty() ? 400 : 401);
}

void TestSimMedia::uploadRefusals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("text");
    const QByteArray form = "multipart/form-data; boundary=" + Boundary;
    QTest::newRow("no messaging_product")
        << multipart({{"file", "abc", "a.txt", "text/plain"}}) << form << 100
        << QStringLiteral("The parameter messaging_product is required.");
    QTest::newRow("no file") << multipart({{"messaging_product", "whatsapp", {}, {}}}) << form
                             << 100 << QStringLiteral("The parameter file is required.");
    QTest::newRow("unsupported type")
        << multipart({{"messaging_product", "whatsapp", {}, {}},
                      {"file", "<html></html>", "a.html", "text/html"},
                      {"type", "text/html", {}, {}}})
        << form << 131053 << QStringLiteral("Received file of type 'text/html'");
    QTest::newRow("sticker too big")
        << multipart({{"messaging_product", "whatsapp", {}, {}},
                      {"file", QByteArray(600 * 1024, 'x'), "s.webp", "image/webp"},
                      {"type", "image/webp", {}, {}}})
        << form << 131053 << QStringLiteral("at most 512000 bytes");
    QTest::newRow("not multipart")
        << QByteArrayLiteral("{}") << QByteArrayLiteral("application/json") << 100
        << QStringLiteral("multipart/form-data");
}

void TestSimMedia::uploadRefusals()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, code);
    QFETCH(QString, text);
    const Response r = upload(body, contentType);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), code);
    const QString all = r.error().value(u"message").toString() + u' ' +
                        r.error().value(u"error_data").toObject().value(u"details").toString();
    QVERIFY2(all.contains(text), qPrintable(all));
}

void TestSimMedia::deleteMedia()
{
    const QString id = uploadPhoto();
    const Response deleted = m_sim.graph(QByteArrayLiteral("DELETE"), id);
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.body, (QJsonObject{{QStringLiteral("success"), true}}));
    const Response gone = m_sim.graph(QByteArrayLiteral("GET"), id);
    QCOMPARE(gone.status, 400);
    QCOMPARE(gone.errorCode(), 100);
    QCOMPARE(gone.error().value(u"error_subcode").toInt(), 33);
    QCOMPARE(m_sim.graph(QByteArrayLiteral("DELETE"), id).errorCode(), 100);
}

void TestSimMedia::uploadedIdsLiveThirtyDays()
{
    const QString id = uploadPhoto();
    QVERIFY(m_sim.server().advance(30LL * 86400 * 1000 - 1000));
    QCOMPARE(m_sim.graph(QByteArrayLiteral("GET"), id).status, 200);
    QVERIFY(m_sim.server().advance(1000));
    QCOMPARE(m_sim.graph(QByteArrayLiteral("GET"), id).error().value(u"error_subcode").toInt(), 33);
}

void TestSimMedia::patientPhotoIsDownloadable()
{
    m_sim.receiver().clear();
    const Response r = m_sim.control(
        QByteArrayLiteral("POST"), QStringLiteral("inbound"),
        {{QStringLiteral("from"), QStringLiteral("+1 202 555 0150")},
         {QStringLiteral("name"), QStringLiteral("Grace")},
         {QStringLiteral("image"),
          QJsonObject{{QStringLiteral("data"), QString::fromLatin1(photo().toBase64())},
                      {QStringLiteral("mime_type"), QStringLiteral("image/jpeg")},
                      {QStringLiteral("caption"), QStringLiteral("Día 3")}}}});
    QCOMPARE(r.status, 200);
    QTRY_COMPARE(m_sim.receiver().inboundMessages().size(), 1);
    const QJsonObject message = m_sim.receiver().inboundMessages().constFirst();
    QCOMPARE(message.value(u"type").toString(), QStringLiteral("image"));
    const QJsonObject image = message.value(u"image").toObject();
    QCOMPARE(image.value(u"caption").toString(), QStringLiteral("Día 3"));
    QCOMPARE(image.value(u"mime_type").toString(), QStringLiteral("image/jpeg"));
    QCOMPARE(image.value(u"sha256").toString(),
             QString::fromLatin1(
                 QCryptographicHash::hash(photo(), QCryptographicHash::Sha256).toBase64()));
    const QString id = image.value(u"id").toString();
    QCOMPARE(id, r.body.value(u"media_id").toString());
    // The hub's two steps: GET /{media-id}, then the URL with the token.
    const QUrl url(m_sim.graph(QByteArrayLiteral("GET"), id).body.value(u"url").toString());
    QCOMPARE(download(url, SimFixture::Token).raw, photo());
    // Media ids from webhooks live 7 days.
    QVERIFY(m_sim.server().advance(7LL * 86400 * 1000));
    QCOMPARE(m_sim.graph(QByteArrayLiteral("GET"), id).errorCode(), 100);
}

void TestSimMedia::sendUploadedMedia()
{
    const QString id = uploadPhoto();
    QVERIFY(
        !m_sim.say(QStringLiteral("+1 202 555 0151"), QStringLiteral("Send the map")).isEmpty());
    m_sim.receiver().clear();
    const Response r =
        m_sim.send({{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                    {QStringLiteral("to"), QStringLiteral("+1 202 555 0151")},
                    {QStringLiteral("type"), QStringLiteral("image")},
                    {QStringLiteral("image"),
                     QJsonObject{{QStringLiteral("id"), id},
                                 {QStringLiteral("caption"), QStringLiteral("Map")}}}});
    QCOMPARE(r.status, 200);
    QTRY_COMPARE(m_sim.receiver().statusEvents().size(), 3);
    QVERIFY(m_sim.receiver().statusEvents().constFirst().startsWith(u"sent:"));
}

void TestSimMedia::resumableUploadGivesAHandleForTemplateReview()
{
    const QByteArray file = photo();
    const QList<QPair<QByteArray, QByteArray>> oauth{
        {QByteArrayLiteral("Authorization"), QByteArrayLiteral("OAuth ") + SimFixture::Token}};
    // A type the API does not take is refused before any bytes.
    const Response gif =
        m_sim.raw(QByteArrayLiteral("POST"),
                  m_sim.url(QStringLiteral("/%1/%2/uploads?file_length=10&file_type=image/gif")
                                .arg(SimFixture::Version, Wardline::Sim::SimConfig::DefaultAppId)),
                  {}, oauth);
    QCOMPARE(gif.status, 400);
    const Response opened = m_sim.raw(
        QByteArrayLiteral("POST"),
        m_sim.url(QStringLiteral("/%1/%2/uploads?file_length=%3&file_type=image/jpeg&file_name="
                                 "clinic.jpg")
                      .arg(SimFixture::Version, Wardline::Sim::SimConfig::DefaultAppId)
                      .arg(file.size())),
        {}, oauth);
    QCOMPARE(opened.status, 200);
    const QString session = opened.body.value(u"id").toString();
    QVERIFY(session.startsWith(QStringLiteral("upload:")));
    const QUrl sessionUrl = m_sim.url(QStringLiteral("/%1/%2").arg(SimFixture::Version, session));
    // Bytes at the wrong offset are refused; the right ones give the handle.
    QList<QPair<QByteArray, QByteArray>> wrongOffset = oauth;
    wrongOffset.append({QByteArrayLiteral("file_offset"), QByteArrayLiteral("5")});
    QCOMPARE(m_sim.raw(QByteArrayLiteral("POST"), sessionUrl, file, wrongOffset).status, 400);
    QList<QPair<QByteArray, QByteArray>> start = oauth;
    start.append({QByteArrayLiteral("file_offset"), QByteArrayLiteral("0")});
    const Response sent = m_sim.raw(QByteArrayLiteral("POST"), sessionUrl, file, start);
    QCOMPARE(sent.status, 200);
    const QString handle = sent.body.value(u"h").toString();
    QVERIFY(!handle.isEmpty());
    // An unknown session is an unsupported request, as Meta answers.
    QCOMPARE(
        m_sim
            .raw(QByteArrayLiteral("POST"),
                 m_sim.url(QStringLiteral("/%1/upload:nosuchsession").arg(SimFixture::Version)),
                 file, start)
            .status,
        400);

    // A template's image heading is reviewed with the handle, never with an address.
    auto imageTemplate = [](const QString &name, const QString &example) {
        return QJsonObject{
            {QStringLiteral("name"), name},
            {QStringLiteral("language"), QStringLiteral("en_US")},
            {QStringLiteral("category"), QStringLiteral("UTILITY")},
            {QStringLiteral("components"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("HEADER")},
                             {QStringLiteral("format"), QStringLiteral("IMAGE")},
                             {QStringLiteral("example"),
                              QJsonObject{{QStringLiteral("header_handle"), QJsonArray{example}}}}},
                 QJsonObject{
                     {QStringLiteral("type"), QStringLiteral("BODY")},
                     {QStringLiteral("text"), QStringLiteral("Our new clinic entrance.")}}}}};
    };
    const QString edge = SimFixture::WabaId + QStringLiteral("/message_templates");
    const Response byAddress =
        m_sim.graph(QByteArrayLiteral("POST"), edge,
                    imageTemplate(QStringLiteral("clinic_entrance_link"),
                                  QStringLiteral("https://example.org/clinic.jpg")));
    QCOMPARE(byAddress.status, 400);
    QVERIFY(byAddress.raw.contains("header_handle"));
    const Response byHandle = m_sim.graph(QByteArrayLiteral("POST"), edge,
                                          imageTemplate(QStringLiteral("clinic_entrance"), handle));
    QCOMPARE(byHandle.status, 200);
}

QTEST_GUILESS_MAIN(TestSimMedia)
#include "tst_simmedia.moc"
