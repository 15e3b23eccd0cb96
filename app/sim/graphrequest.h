#pragma once

#include <QByteArray>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

namespace Wardline::Sim {

/// A request to the simulated Graph API, taken apart the way graph.facebook.com reads it:
/// /{version}/{object-id}/{edge}…?fields=…&access_token=…; the version may be left out.
///
/// Source: Meta, "Graph API — Overview" and "Versioning",
/// https://developers.facebook.com/docs/graph-api/overview ,
/// https://developers.facebook.com/docs/graph-api/guides/versioning
class GraphRequest
{
public:
    /// Reads method, path, token and fields of \a request; \a defaultVersion when the path has
    /// no version (Meta then uses the app's default version).
    [[nodiscard]] static GraphRequest parse(const QHttpServerRequest &request,
                                            QStringView defaultVersion);

    /// A "vMAJOR.MINOR" Graph API version such as "v21.0".
    [[nodiscard]] static bool isVersion(QStringView text);

    [[nodiscard]] QHttpServerRequest::Method method() const { return m_method; }
    /// The method as Meta words it in errors: "get", "post", "delete", …
    [[nodiscard]] QString methodName() const;
    [[nodiscard]] const QString &version() const { return m_version; }
    /// The path after the version: object id, then edges.
    [[nodiscard]] const QStringList &components() const { return m_components; }
    [[nodiscard]] const QString &path() const { return m_path; }
    /// The token from "Authorization: Bearer …" (RFC 6750 §2.1) or the access_token query
    /// parameter (§2.3, which Graph also accepts); nothing when neither carries one.
    [[nodiscard]] const std::optional<QByteArray> &accessToken() const { return m_accessToken; }
    /// The names in ?fields=a,b{c},d (sub-selections and modifiers dropped); empty for none.
    [[nodiscard]] const QStringList &fields() const { return m_fields; }

    /// The full URL as the client asked for it (for paging links).
    [[nodiscard]] const QUrl &url() const { return m_url; }
    [[nodiscard]] const QUrlQuery &query() const { return m_query; }
    /// A query parameter, fully decoded; empty when absent.
    [[nodiscard]] QString queryValue(const QString &name) const;
    [[nodiscard]] const QByteArray &body() const { return m_body; }
    /// The file_offset header of a Resumable Upload API request; empty when absent.
    [[nodiscard]] const QByteArray &fileOffset() const { return m_fileOffset; }
    /// The Content-Type header without parameters, lower case ("application/json").
    [[nodiscard]] QByteArray mimeType() const;
    [[nodiscard]] const QByteArray &contentType() const { return m_contentType; }
    /// The POST parameters as Graph reads them: a JSON object body, or form fields (values that
    /// look like JSON arrays or objects parsed as such), plus the query string's parameters.
    /// Nothing, and why in \a error, when a JSON body does not parse.
    [[nodiscard]] std::optional<QJsonObject> parameters(QString *error) const;

    /// The requested fields of a node whose fields are \a all: the \a defaults when the request
    /// names none; "id" always. Nothing, and the offending name in \a unknownField, when a
    /// requested field is not in \a all.
    [[nodiscard]] std::optional<QJsonObject>
    selectFields(const QJsonObject &all, const QStringList &defaults, QString *unknownField) const;

private:
    GraphRequest() = default;

    QHttpServerRequest::Method m_method = QHttpServerRequest::Method::Unknown;
    QString m_version;
    QStringList m_components;
    QString m_path;
    std::optional<QByteArray> m_accessToken;
    QStringList m_fields;
    QUrl m_url;
    QUrlQuery m_query;
    QByteArray m_body;
    QByteArray m_contentType;
    QByteArray m_fileOffset;
};

} // namespace Wardline::Sim
