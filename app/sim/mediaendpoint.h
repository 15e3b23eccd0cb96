#pragma once

#include "sim/httpreply.h"

#include <QString>

QT_BEGIN_NAMESPACE
class QHttpServerRequest;
QT_END_NAMESPACE

namespace Wardline::Sim {

class GraphRequest;
class SimServices;

/// The media endpoints: upload (POST /{phone-number-id}/media, multipart with
/// messaging_product, file and type → {"id"}), retrieve (GET /{media-id} → url, mime_type,
/// sha256, file_size, id), delete (DELETE /{media-id} → {"success":true}) and the download URL
/// itself, which needs the bearer token and expires 5 minutes after it was issued.
///
/// Source: Meta, "Media",
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/media
class MediaEndpoint
{
public:
    /// The path of download URLs, as on Meta's lookaside host.
    static constexpr QStringView DownloadPath{u"/whatsapp_business/attachments/"};

    explicit MediaEndpoint(SimServices &services);

    [[nodiscard]] HttpReply upload(const GraphRequest &request);
    [[nodiscard]] HttpReply retrieve(const GraphRequest &request, const QString &mediaId);
    [[nodiscard]] HttpReply remove(const GraphRequest &request, const QString &mediaId);
    /// GET of a download URL; \a request is the raw HTTP request (not a Graph path).
    [[nodiscard]] HttpReply download(const QHttpServerRequest &request);
    /// POST /{app-id}/uploads?file_length=&file_type=&file_name=: opens an upload session.
    [[nodiscard]] HttpReply openUpload(const GraphRequest &request);
    /// POST /upload:ID with file_offset and the bytes: the file handle once complete;
    /// GET /upload:ID: how far the session got (file_offset).
    [[nodiscard]] HttpReply continueUpload(const GraphRequest &request, const QString &sessionId);

private:
    SimServices &m_services;
};

} // namespace Wardline::Sim
