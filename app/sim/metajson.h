#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>

namespace Wardline::Sim {

/// JSON bytes as Meta writes them: compact, every character outside ASCII as a lower-case
/// \uXXXX escape (characters beyond the BMP as a UTF-16 surrogate pair) and "/" as "\/".
///
/// Meta signs exactly these bytes: "we generate the signature using an escaped unicode version
/// of the payload, with lowercase hex digits … äöå should be escaped to \u00e4\u00f6\u00e5"
/// (Meta, "Webhooks — Validate payloads",
/// https://developers.facebook.com/docs/messenger-platform/webhooks#validate-payloads). Captured
/// Cloud API deliveries show the slashes escaped too ("mime_type":"image\/jpeg").
class MetaJson
{
public:
    /// \a object as Meta would send it.
    [[nodiscard]] static QByteArray serialize(const QJsonObject &object);

    /// Re-escapes compact UTF-8 JSON (QJsonDocument::Compact output). Outside strings such JSON
    /// holds neither "/" nor non-ASCII bytes, and no escape sequence contains "/", so every such
    /// byte belongs to a string and can be escaped where it stands.
    [[nodiscard]] static QByteArray escape(QByteArrayView compactUtf8);
};

} // namespace Wardline::Sim
