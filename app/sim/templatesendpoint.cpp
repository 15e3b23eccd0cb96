#include "sim/templatesendpoint.h"

#include "sim/grapherror.h"
#include "sim/graphrequest.h"
#include "sim/logging.h"
#include "sim/mediastore.h"
#include "sim/simscheduler.h"
#include "sim/simservices.h"
#include "sim/templatestore.h"

#include <QJsonArray>

namespace Wardline::Sim {

namespace {
constexpr int DefaultLimit = 25;
constexpr int MaxLimit = 1000;
const QString NodeType = QStringLiteral("WhatsAppBusinessHSM");

// Cursors are opaque to clients; this one is the base64url of the list position.
[[nodiscard]] QString cursor(qsizetype position)
{
    return QString::fromLatin1(
        QByteArray("position:" + QByteArray::number(position))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

[[nodiscard]] qsizetype fromCursor(const QString &text, bool *ok)
{
    const QByteArray raw = QByteArray::fromBase64(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    *ok = raw.startsWith("position:");
    return *ok ? raw.sliced(9).toLongLong(ok) : 0;
}

[[nodiscard]] QString pageUrl(const GraphRequest &request, const QString &key, const QString &value)
{
    QUrl url = request.url();
    QUrlQuery query = request.query();
    query.removeAllQueryItems(QStringLiteral("after"));
    query.removeAllQueryItems(QStringLiteral("before"));
    query.addQueryItem(key, value);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}
} // namespace

TemplatesEndpoint::TemplatesEndpoint(SimServices &services)
    : m_services(services)
{
}

HttpReply TemplatesEndpoint::list(const GraphRequest &request)
{
    const QString &version = request.version();
    const QString nameFilter = request.queryValue(QStringLiteral("name"));
    const QString statusFilter = request.queryValue(QStringLiteral("status")).toUpper();
    const QString categoryFilter = request.queryValue(QStringLiteral("category")).toUpper();
    const QString languageFilter = request.queryValue(QStringLiteral("language"));
    QList<const MessageTemplate *> matching;
    for (const MessageTemplate &t : m_services.templates().all()) {
        if ((nameFilter.isEmpty() || t.name.contains(nameFilter)) &&
            (statusFilter.isEmpty() || t.status == statusFilter) &&
            (categoryFilter.isEmpty() || t.category == categoryFilter) &&
            (languageFilter.isEmpty() || t.language == languageFilter)) {
            matching.append(&t);
        }
    }

    int limit = DefaultLimit;
    if (const QString text = request.queryValue(QStringLiteral("limit")); !text.isEmpty()) {
        bool ok = false;
        limit = text.toInt(&ok);
        if (!ok || limit < 1 || limit > MaxLimit) {
            return HttpReply::graphError(
                GraphError::invalidParameter(
                    QStringLiteral("Param limit must be a number from 1 to %1.").arg(MaxLimit)),
                version);
        }
    }
    qsizetype start = 0;
    const QString after = request.queryValue(QStringLiteral("after"));
    const QString before = request.queryValue(QStringLiteral("before"));
    bool ok = true;
    if (!after.isEmpty()) {
        start = fromCursor(after, &ok) + 1;
    } else if (!before.isEmpty()) {
        start = std::max<qsizetype>(0, fromCursor(before, &ok) - limit);
    }
    if (!ok) {
        return HttpReply::graphError(
            GraphError::invalidParameter(QStringLiteral("Param after/before is not a valid "
                                                        "cursor.")),
            version);
    }
    start = std::min(start, matching.size());
    const qsizetype end = std::min<qsizetype>(matching.size(), start + limit);

    QJsonArray data;
    for (qsizetype i = start; i < end; ++i) {
        QString unknown;
        const std::optional<QJsonObject> fields = request.selectFields(
            matching.at(i)->toGraph(), MessageTemplate::defaultFields(), &unknown);
        if (!fields)
            return HttpReply::graphError(GraphError::nonexistingField(unknown, NodeType), version);
        data.append(*fields);
    }
    QJsonObject paging;
    if (end > start) {
        paging.insert(QStringLiteral("cursors"),
                      QJsonObject{{QStringLiteral("before"), cursor(start)},
                                  {QStringLiteral("after"), cursor(end - 1)}});
        if (end < matching.size())
            paging.insert(QStringLiteral("next"),
                          pageUrl(request, QStringLiteral("after"), cursor(end - 1)));
        if (start > 0)
            paging.insert(QStringLiteral("previous"),
                          pageUrl(request, QStringLiteral("before"), cursor(start)));
    }
    QJsonObject body{{QStringLiteral("data"), data}};
    if (!paging.isEmpty())
        body.insert(QStringLiteral("paging"), paging);
    return HttpReply::graph(body, version);
}

HttpReply TemplatesEndpoint::create(const GraphRequest &request)
{
    QString parseError;
    const std::optional<QJsonObject> params = request.parameters(&parseError);
    if (!params)
        return HttpReply::graphError(GraphError::invalidParameter(parseError), request.version());
    // A media heading is reviewed with an example file uploaded through the Resumable Upload
    // API: its handle, not an address (Meta: "Template components — media header").
    const QJsonArray components = params->value(u"components").toArray();
    for (const QJsonValue &c : components) {
        const QJsonObject component = c.toObject();
        const QString format = component.value(u"format").toString().toUpper();
        if (component.value(u"type").toString().toUpper() != u"HEADER" ||
            (format != u"IMAGE" && format != u"VIDEO" && format != u"DOCUMENT"))
            continue;
        const QString handle = component.value(u"example")
                                   .toObject()
                                   .value(u"header_handle")
                                   .toArray()
                                   .at(0)
                                   .toString();
        if (!m_services.media().isUploadHandle(handle)) {
            return HttpReply::graphError(
                GraphError::invalidParameter(
                    QStringLiteral("example.header_handle of a %1 header must be a file handle "
                                   "from the Resumable Upload API (POST /{app-id}/uploads).")
                        .arg(format)),
                request.version());
        }
    }
    GraphError error = GraphError::invalidParameter({});
    const MessageTemplate *created = m_services.templates().create(*params, &error);
    if (!created)
        return HttpReply::graphError(error, request.version());
    const QJsonObject body{{QStringLiteral("id"), created->id},
                           {QStringLiteral("status"), created->status},
                           {QStringLiteral("category"), created->category}};
    scheduleReview(created->id);
    return HttpReply::graph(body, request.version());
}

void TemplatesEndpoint::scheduleReview(const QString &templateId)
{
    SimServices *services = &m_services;
    m_services.scheduler().schedule(
        m_services.config().behaviour.templateReviewMs, &m_services.templates(),
        [services, templateId] {
            const MessageTemplate *t = services->templates().findById(templateId);
            if (!t || t->status != u"PENDING")
                return;
            const SimBehaviour &b = services->config().behaviour;
            const bool reject =
                !b.templateRejectMarker.isEmpty() && t->name.contains(b.templateRejectMarker);
            qCInfo(lcSim).noquote()
                << "template" << t->name << t->language << (reject ? "rejected" : "approved");
            std::ignore = services->templates().setStatus(
                templateId, reject ? QStringLiteral("REJECTED") : QStringLiteral("APPROVED"),
                reject ? b.templateRejectReason : QStringLiteral("NONE"));
        });
}

HttpReply TemplatesEndpoint::remove(const GraphRequest &request)
{
    const QString name = request.queryValue(QStringLiteral("name"));
    if (name.isEmpty())
        return HttpReply::graphError(GraphError::missingParameter(u"name"), request.version());
    const QString id = request.queryValue(QStringLiteral("hsm_id"));
    if (m_services.templates().remove(name, id) == 0) {
        return HttpReply::graphError(
            GraphError::invalidParameter(
                QStringLiteral("Message template \"%1\" was not found.").arg(name))
                .withUserMessage(
                    QStringLiteral("Message template not found"),
                    QStringLiteral("There is no message template named \"%1\".").arg(name)),
            request.version());
    }
    return HttpReply::graph({{QStringLiteral("success"), true}}, request.version());
}

HttpReply TemplatesEndpoint::node(const GraphRequest &request, const QString &templateId)
{
    const MessageTemplate *t = m_services.templates().findById(templateId);
    if (!t)
        return HttpReply::graphError(
            GraphError::unsupportedRequest(request.methodName(), templateId), request.version());
    QString unknown;
    const std::optional<QJsonObject> fields =
        request.selectFields(t->toGraph(), MessageTemplate::defaultFields(), &unknown);
    if (!fields)
        return HttpReply::graphError(GraphError::nonexistingField(unknown, NodeType),
                                     request.version());
    return HttpReply::graph(*fields, request.version());
}

} // namespace Wardline::Sim
