#include "sim/mediaendpoint.h"

#include "core/crypto.h"
#include "sim/grapherror.h"
#include "sim/graphrequest.h"
#include "sim/mediastore.h"
#include "sim/multipartform.h"
#include "sim/simservices.h"

#include <QHttpServerRequest>
#include <QStringList>

namespace Wardline::Sim {

MediaEndpoint::MediaEndpoint(SimServices &services)
    : m_services(services)
{
}

HttpReply MediaEndpoint::upload(const GraphRequest &request)
{
    const QString &version = request.version();
    const std::optional<MultipartForm> form =
        MultipartForm::parse(request.contentType(), request.body());
    if (!form) {
        return HttpReply::graphError(
            GraphError::invalidParameter(
                QStringLiteral("The media upload must be multipart/form-data with the fields "
                               "messaging_product, file and type.")),
            version);
    }
    const MultipartForm::Part *product = form->part(QStringLiteral("messaging_product"));
    if (!product)
        return HttpReply::graphError(GraphError::missingParameter(u"messaging_product"), version);
    if (product->data.trimmed() != "whatsapp") {
        return HttpReply::graphError(
            GraphError::invalidParameter(
                QStringLiteral("Param messaging_product must be one of {WHATSAPP} - got \"%1\".")
                    .arg(QString::fromUtf8(product->data.trimmed()))),
            version);
    }
    const MultipartForm::Part *file = form->part(QStringLiteral("file"));
    if (!file)
        return HttpReply::graphError(GraphError::missingParameter(u"file"), version);
    const MultipartForm::Part *typePart = form->part(QStringLiteral("type"));
    QString mime = QString::fromUtf8(typePart ? typePart->data.trimmed() : file->contentType);
    if (mime.isEmpty())
        mime = QString::fromUtf8(file->contentType);
    const qint64 maxSize = MediaStore::maxSize(mime);
    if (maxSize == 0) {
        return HttpReply::graphError(
            GraphError::mediaUploadError(
                QStringLiteral(
                    "Param file must be a file with one of the following types: "
                    "audio/aac, audio/amr, audio/mpeg, audio/mp4, audio/ogg, text/plain, "
                    "application/pdf, application/vnd.ms-powerpoint, "
                    "application/msword, application/vnd.ms-excel, "
                    "application/vnd.openxmlformats-officedocument.*, image/jpeg, "
                    "image/png, image/webp, video/mp4, video/3gpp. Received file of "
                    "type '%1'.")
                    .arg(mime)),
            version);
    }
    if (file->data.isEmpty() || file->data.size() > maxSize) {
        return HttpReply::graphError(
            GraphError::mediaUploadError(
                QStringLiteral("Param file must be a non-empty file of at most %1 bytes for %2.")
                    .arg(maxSize)
                    .arg(mime)),
            version);
    }
    const MediaItem &item = m_services.media().add(file->data, mime, file->filename, false);
    return HttpReply::graph({{QStringLiteral("id"), item.id}}, version);
}

HttpReply MediaEndpoint::openUpload(const GraphRequest &request)
{
    const QString &version = request.version();
    const QString lengthText = request.queryValue(QStringLiteral("file_length"));
    const QString type = request.queryValue(QStringLiteral("file_type"));
    if (lengthText.isEmpty())
        return HttpReply::graphError(GraphError::missingParameter(u"file_length"), version);
    if (type.isEmpty())
        return HttpReply::graphError(GraphError::missingParameter(u"file_type"), version);
    bool ok = false;
    const qint64 length = lengthText.toLongLong(&ok);
    if (!ok || length <= 0 || length > MediaStore::maxSize(QStringLiteral("application/pdf"))) {
        return HttpReply::graphError(GraphError::invalidParameter(QStringLiteral(
                                         "Param file_length must be a positive number of bytes.")),
                                     version);
    }
    if (!MediaStore::uploadTypeAllowed(type)) {
        return HttpReply::graphError(
            GraphError::invalidParameter(
                QStringLiteral("Param file_type must be one of {application/pdf, image/jpeg, "
                               "image/jpg, image/png, video/mp4} - got \"%1\".")
                    .arg(type)),
            version);
    }
    const QString id = m_services.media().openUploadSession(
        length, type, request.queryValue(QStringLiteral("file_name")));
    return HttpReply::graph({{QStringLiteral("id"), id}}, version);
}

HttpReply MediaEndpoint::continueUpload(const GraphRequest &request, const QString &sessionId)
{
    const QString &version = request.version();
    qint64 offset = 0;
    if (!m_services.media().uploadSession(sessionId, &offset))
        return HttpReply::graphError(
            GraphError::unsupportedRequest(request.methodName(), sessionId), version);
    if (request.method() == QHttpServerRequest::Method::Get)
        return HttpReply::graph(
            {{QStringLiteral("id"), sessionId}, {QStringLiteral("file_offset"), offset}}, version);
    bool ok = false;
    const qint64 claimed = request.fileOffset().toLongLong(&ok);
    if (!ok) {
        return HttpReply::graphError(
            GraphError::invalidParameter(QStringLiteral(
                "The file_offset header must give where these bytes start (0 for a new file).")),
            version);
    }
    QString handle;
    QString error;
    if (!m_services.media().appendUpload(sessionId, claimed, request.body(), &handle, &error))
        return HttpReply::graphError(GraphError::invalidParameter(error), version);
    if (handle.isEmpty()) // more bytes to come: say where to go on
        return HttpReply::graph({{QStringLiteral("id"), sessionId},
                                 {QStringLiteral("file_offset"), claimed + request.body().size()}},
                                version);
    return HttpReply::graph({{QStringLiteral("h"), handle}}, version);
}

HttpReply MediaEndpoint::retrieve(const GraphRequest &request, const QString &mediaId)
{
    const MediaItem *item = m_services.media().find(mediaId);
    const QString phone = request.queryValue(QStringLiteral("phone_number_id"));
    if (!item || (!phone.isEmpty() && phone != m_services.config().phoneNumberId)) {
        return HttpReply::graphError(GraphError::unsupportedRequest(request.methodName(), mediaId),
                                     request.version());
    }
    const QUrl url = m_services.media().issueUrl(*item, m_services.publicUrl());
    const QJsonObject all{
        {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
        {QStringLiteral("url"), url.toString(QUrl::FullyEncoded)},
        {QStringLiteral("mime_type"), item->mimeType},
        {QStringLiteral("sha256"), item->sha256Hex},
        {QStringLiteral("file_size"), qint64(item->bytes.size())},
        {QStringLiteral("id"), item->id},
    };
    return HttpReply::graph(all, request.version());
}

HttpReply MediaEndpoint::remove(const GraphRequest &request, const QString &mediaId)
{
    if (!m_services.media().find(mediaId) || !m_services.media().remove(mediaId)) {
        return HttpReply::graphError(GraphError::unsupportedRequest(request.methodName(), mediaId),
                                     request.version());
    }
    return HttpReply::graph({{QStringLiteral("success"), true}}, request.version());
}

HttpReply MediaEndpoint::download(const QHttpServerRequest &request)
{
    const GraphRequest graph = GraphRequest::parse(request, m_services.config().apiVersion);
    if (!graph.accessToken() ||
        !Core::Crypto::equalConstantTime(*graph.accessToken(), m_services.config().accessToken)) {
        // The download needs the same bearer token as the Graph API.
        return HttpReply::bytes(QByteArrayLiteral("Unauthorized"), QByteArrayLiteral("text/plain"),
                                401);
    }
    const MediaItem *item = nullptr;
    switch (m_services.media().resolveDownload(graph.queryValue(QStringLiteral("mid")),
                                               graph.queryValue(QStringLiteral("hash")), &item)) {
    case MediaStore::Lookup::Found:
        break;
    case MediaStore::Lookup::Expired:
        return HttpReply::bytes(QByteArrayLiteral("URL signature expired"),
                                QByteArrayLiteral("text/plain"), 404);
    case MediaStore::Lookup::Unknown:
        return HttpReply::bytes(QByteArrayLiteral("Not found"), QByteArrayLiteral("text/plain"),
                                404);
    }
    HttpReply reply = HttpReply::bytes(item->bytes, item->mimeType.toLatin1(), 200);
    if (!item->filename.isEmpty()) {
        QString safe = item->filename;
        safe.replace(u'"', u'_');
        reply.headers.append({QByteArrayLiteral("content-disposition"),
                              QByteArrayLiteral("attachment; filename=\"") + safe.toUtf8() + '"'});
    }
    return reply;
}

} // namespace Wardline::Sim
