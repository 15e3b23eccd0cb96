#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Wardline::WhatsApp {

/// Where and as whom GraphClient talks to the Graph API. Everything here comes from hub.conf
/// (`[whatsapp]` graph_url, api_version, phone_number_id, waba_id, access_token_file); nothing
/// about Meta's host or version is a constant in code (DESIGN.md §8).
struct GraphConfig
{
    Q_DECLARE_TR_FUNCTIONS(Wardline::WhatsApp::GraphConfig)

public:
    /// https://graph.facebook.com in production; the simulator's address in drills and tests.
    /// May carry a path prefix (a reverse proxy), never a query.
    QUrl baseUrl;
    /// "vMAJOR.MINOR"; Meta retires each version about two years after its release
    /// (https://developers.facebook.com/docs/graph-api/changelog).
    QString apiVersion{QStringLiteral("v24.0")};
    QString phoneNumberId;  ///< the business number messages are sent from
    QString wabaId;         ///< the WhatsApp Business Account that owns the templates
    QByteArray accessToken; ///< a System User token; never logged
    int timeoutMs = 30000;  ///< a transfer that stalls this long fails (and may be retried)
    /// Largest media file downloaded into memory. Meta's largest kind, documents, is 100 MB
    /// ("Supported media types",
    /// https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media).
    qint64 maxMediaBytes = 100 * 1024 * 1024;

    /// Empty when usable; otherwise what is wrong, one sentence each, for IT.
    [[nodiscard]] QStringList problems() const;

    /// baseUrl + "/" + apiVersion + "/" + \a segments, each segment a single path component.
    [[nodiscard]] QUrl endpoint(const QStringList &segments) const;

    /// True for "v24.0"-shaped versions.
    [[nodiscard]] static bool isApiVersion(QStringView text);
    /// A Graph object id that is safe as one path component: letters, digits, '_', '-', '.'.
    [[nodiscard]] static bool isObjectId(QStringView text);
    /// True when \a url has the same scheme, host and port as baseUrl.
    [[nodiscard]] bool isSameOrigin(const QUrl &url) const;
};

} // namespace Wardline::WhatsApp
