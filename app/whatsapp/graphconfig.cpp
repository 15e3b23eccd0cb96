#include "whatsapp/graphconfig.h"

namespace Wardline::WhatsApp {

namespace {
[[nodiscard]] bool isDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}
} // namespace

QStringList GraphConfig::problems() const
{
    QStringList problems;
    if (!baseUrl.isValid() || baseUrl.isRelative() || baseUrl.host().isEmpty() ||
        (baseUrl.scheme() != u"https" && baseUrl.scheme() != u"http") || baseUrl.hasQuery() ||
        baseUrl.hasFragment()) {
        problems.append(tr("The Graph API address (graph_url) must be an http or https address "
                           "such as https://graph.facebook.com."));
    }
    if (!isApiVersion(apiVersion))
        problems.append(tr("The Graph API version (api_version) must look like v24.0."));
    if (!isObjectId(phoneNumberId))
        problems.append(tr("The phone number ID (phone_number_id) is missing or malformed."));
    if (!wabaId.isEmpty() && !isObjectId(wabaId))
        problems.append(tr("The WhatsApp Business Account ID (waba_id) is malformed."));
    if (accessToken.isEmpty())
        problems.append(tr("The access token file is empty."));
    if (timeoutMs <= 0)
        problems.append(tr("The Graph API timeout must be a positive number of milliseconds."));
    if (maxMediaBytes <= 0)
        problems.append(tr("The largest media size must be a positive number of bytes."));
    return problems;
}

QUrl GraphConfig::endpoint(const QStringList &segments) const
{
    QUrl url = baseUrl;
    QString path = url.path(QUrl::FullyDecoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    path += u'/' + apiVersion;
    for (const QString &segment : segments)
        path += u'/' + segment;
    url.setPath(path, QUrl::DecodedMode);
    return url;
}

bool GraphConfig::isApiVersion(QStringView text)
{
    if (!text.startsWith(u'v'))
        return false;
    const qsizetype dot = text.indexOf(u'.');
    if (dot < 0)
        return false;
    const QStringView major = text.sliced(1, dot - 1);
    const QStringView minor = text.sliced(dot + 1);
    return isDigits(major) && isDigits(minor) && major.size() <= 3 && minor.size() <= 3;
}

bool GraphConfig::isObjectId(QStringView text)
{
    if (text.isEmpty() || text.size() > 256 || text == u"." || text == u"..")
        return false;
    for (const QChar c : text) {
        const bool ok = (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') ||
                        (c >= u'A' && c <= u'Z') || c == u'_' || c == u'-' || c == u'.';
        if (!ok)
            return false;
    }
    return true;
}

bool GraphConfig::isSameOrigin(const QUrl &url) const
{
    return url.scheme().compare(baseUrl.scheme(), Qt::CaseInsensitive) == 0 &&
           url.host().compare(baseUrl.host(), Qt::CaseInsensitive) == 0 &&
           url.port(url.scheme() == u"https" ? 443 : 80) ==
               baseUrl.port(baseUrl.scheme() == u"https" ? 443 : 80);
}

} // namespace Wardline::WhatsApp
