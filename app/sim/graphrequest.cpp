#include "sim/graphrequest.h"

#include "whatsapp/graphconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrlQuery>

namespace Wardline::Sim {

namespace {

[[nodiscard]] std::optional<QByteArray> tokenFromAuthorization(QByteArrayView header)
{
    // RFC 7235: the scheme is case-insensitive. Graph also takes its historic "OAuth" scheme.
    for (const QByteArrayView scheme : {QByteArrayView("Bearer "), QByteArrayView("OAuth ")}) {
        if (header.size() > scheme.size() &&
            header.first(scheme.size()).compare(scheme, Qt::CaseInsensitive) == 0) {
            const QByteArray token = header.sliced(scheme.size()).toByteArray().trimmed();
            if (!token.isEmpty())
                return token;
        }
    }
    return std::nullopt;
}

// "a,b{c,d},e.limit(5)" → a, b, e
[[nodiscard]] QStringList parseFields(QStringView text)
{
    QStringList names;
    int depth = 0;
    qsizetype start = 0;
    const auto take = [&](qsizetype end) {
        QStringView part = text.sliced(start, end - start).trimmed();
        for (qsizetype i = 0; i < part.size(); ++i) {
            if (part.at(i) == u'{' || part.at(i) == u'.' || part.at(i) == u'(') {
                part = part.first(i).trimmed();
                break;
            }
        }
        if (!part.isEmpty())
            names.append(part.toString());
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'{' || c == u'(') {
            ++depth;
        } else if ((c == u'}' || c == u')') && depth > 0) {
            --depth;
        } else if (c == u',' && depth == 0) {
            take(i);
            start = i + 1;
        }
    }
    take(text.size());
    return names;
}
} // namespace

GraphRequest GraphRequest::parse(const QHttpServerRequest &request, QStringView defaultVersion)
{
    GraphRequest graph;
    graph.m_method = request.method();
    graph.m_path = request.url().path();
    graph.m_components = graph.m_path.split(u'/', Qt::SkipEmptyParts);
    if (!graph.m_components.isEmpty() && isVersion(graph.m_components.constFirst()))
        graph.m_version = graph.m_components.takeFirst();
    else
        graph.m_version = defaultVersion.toString();

    const QUrlQuery query = request.query();
    graph.m_url = request.url();
    graph.m_query = query;
    graph.m_body = request.body();
    graph.m_contentType = request.value(QByteArrayLiteral("content-type"));
    graph.m_fileOffset = request.value(QByteArrayLiteral("file_offset"));
    graph.m_accessToken = tokenFromAuthorization(request.value(QByteArrayLiteral("authorization")));
    if (!graph.m_accessToken) {
        const QString token =
            query.queryItemValue(QStringLiteral("access_token"), QUrl::FullyDecoded);
        if (!token.isEmpty())
            graph.m_accessToken = token.toUtf8();
    }
    graph.m_fields =
        parseFields(query.queryItemValue(QStringLiteral("fields"), QUrl::FullyDecoded));
    return graph;
}

bool GraphRequest::isVersion(QStringView text)
{
    // One definition of a Graph API version for both sides of the wire.
    return WhatsApp::GraphConfig::isApiVersion(text);
}

QString GraphRequest::methodName() const
{
    switch (m_method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("get");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("put");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("delete");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("post");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("head");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("options");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("patch");
    case QHttpServerRequest::Method::Connect:
        return QStringLiteral("connect");
    case QHttpServerRequest::Method::Trace:
        return QStringLiteral("trace");
    default:
        return QStringLiteral("unknown");
    }
}

QString GraphRequest::queryValue(const QString &name) const
{
    return m_query.queryItemValue(name, QUrl::FullyDecoded);
}

QByteArray GraphRequest::mimeType() const
{
    const qsizetype semicolon = m_contentType.indexOf(';');
    return (semicolon < 0 ? m_contentType : m_contentType.first(semicolon)).trimmed().toLower();
}

std::optional<QJsonObject> GraphRequest::parameters(QString *error) const
{
    QJsonObject params;
    // Graph takes parameters from the query string as well as from the body.
    for (const auto &[key, value] : m_query.queryItems(QUrl::FullyDecoded)) {
        if (key != u"access_token")
            params.insert(key, value);
    }
    const QByteArray mime = mimeType();
    if (mime == "application/json" || (mime.isEmpty() && m_body.trimmed().startsWith('{'))) {
        if (m_body.trimmed().isEmpty())
            return params;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(m_body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            if (error)
                *error = QStringLiteral("the request body is not a JSON object");
            return std::nullopt;
        }
        const QJsonObject body = document.object();
        for (auto it = body.constBegin(); it != body.constEnd(); ++it)
            params.insert(it.key(), it.value());
    } else if (mime == "application/x-www-form-urlencoded") {
        QByteArray form = m_body;
        form.replace('+', ' ');
        const QUrlQuery fields(QString::fromUtf8(form));
        for (const auto &[key, value] : fields.queryItems(QUrl::FullyDecoded)) {
            const QString trimmed = value.trimmed();
            if (trimmed.startsWith(u'[') || trimmed.startsWith(u'{')) {
                const QJsonDocument parsed = QJsonDocument::fromJson(trimmed.toUtf8());
                if (parsed.isArray()) {
                    params.insert(key, parsed.array());
                    continue;
                }
                if (parsed.isObject()) {
                    params.insert(key, parsed.object());
                    continue;
                }
            }
            params.insert(key, value);
        }
    }
    return params;
}

std::optional<QJsonObject> GraphRequest::selectFields(const QJsonObject &all,
                                                      const QStringList &defaults,
                                                      QString *unknownField) const
{
    const QStringList &wanted = m_fields.isEmpty() ? defaults : m_fields;
    QJsonObject selected;
    for (const QString &name : wanted) {
        const auto it = all.constFind(name);
        if (it == all.constEnd()) {
            if (unknownField)
                *unknownField = name;
            return std::nullopt;
        }
        selected.insert(name, *it);
    }
    // Graph always answers with the object's id.
    if (const auto id = all.constFind(QStringLiteral("id")); id != all.constEnd())
        selected.insert(id.key(), *id);
    return selected;
}

} // namespace Wardline::Sim
