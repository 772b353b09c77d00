#include "app/policy/CredentialPolicy.h"

#include <QHostAddress>

namespace Playground {

namespace {

    bool isHttpScheme(const QString &scheme)
    {
        return scheme == QLatin1String("https") || scheme == QLatin1String("http");
    }

    bool isSent(SecretPosition position)
    {
        return position != SecretPosition::NotSent;
    }

    /** The secret uses that sit in header (case-insensitive). */
    QList<const SecretUse *> usesIn(const ResolvedRequest &request, const QByteArray &header)
    {
        QList<const SecretUse *> out;
        for (const SecretUse &use : request.secretUses) {
            if (!use.header.isEmpty() && use.header.compare(header, Qt::CaseInsensitive) == 0)
                out.append(&use);
        }
        return out;
    }

    bool mayFollow(const QList<const SecretUse *> &uses, const QString &hopOrigin)
    {
        return std::all_of(uses.begin(), uses.end(),
            [&](const SecretUse *use) { return use->origins.contains(hopOrigin); });
    }

} // namespace

bool CredentialPolicy::mayCarrySecret(SecretPosition position)
{
    switch (position) {
    case SecretPosition::NotSent:
    case SecretPosition::HeaderValue:
    case SecretPosition::Path:
    case SecretPosition::Query:
    case SecretPosition::Body:
    case SecretPosition::AuthField:
    case SecretPosition::TokenRequestField:
        return true;
    case SecretPosition::Method:
    case SecretPosition::HeaderName:
    case SecretPosition::BaseUrl:
    case SecretPosition::Host:
    case SecretPosition::Fragment:
    case SecretPosition::MultipartName:
    case SecretPosition::MultipartFilename:
    case SecretPosition::MultipartContentType:
    case SecretPosition::TokenUrl:
        return false;
    }
    return false;
}

QString CredentialPolicy::origin(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || !isHttpScheme(scheme))
        return {};
    const int port = url.port(scheme == QLatin1String("https") ? 443 : 80);
    return QStringLiteral("%1://%2:%3").arg(scheme, url.host().toLower()).arg(port);
}

QString CredentialPolicy::baseUrlOrigin(const QString &value)
{
    return origin(QUrl(value.trimmed(), QUrl::StrictMode));
}

bool CredentialPolicy::isLoopback(const QUrl &url)
{
    const QString host = url.host().toLower();
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool CredentialPolicy::isCredentialHeader(const QByteArray &name)
{
    static const QByteArrayList names { "authorization", "proxy-authorization", "cookie",
        "x-api-key", "api-key", "apikey", "x-apikey", "x-auth-token", "x-access-token",
        "x-api-token", "x-token", "x-amz-security-token", "x-csrf-token", "x-xsrf-token" };
    return names.contains(name.toLower());
}

bool CredentialPolicy::carriesCredentials(const ResolvedRequest &request)
{
    return std::any_of(request.secretUses.begin(), request.secretUses.end(),
               [](const SecretUse &use) { return isSent(use.position); })
        || std::any_of(request.headers.begin(), request.headers.end(),
            [](const HeaderPair &h) { return isCredentialHeader(h.first); });
}

QString CredentialPolicy::refusal(const ResolvedRequest &request)
{
    const QString destination = origin(request.url);
    for (const SecretUse &use : request.secretUses) {
        if (!mayCarrySecret(use.position))
            return QStringLiteral("Refused: the secret {{%1}} cannot be used in %2")
                .arg(use.name, secretPositionName(use.position));
    }
    for (const SecretUse &use : request.secretUses) {
        if (use.bound && isSent(use.position) && !use.origins.contains(destination))
            return QStringLiteral(
                "Refused: the secret {{%1}} from the keychain was stored for %2, not for %3")
                .arg(use.name, use.origins.join(QLatin1String(", ")), destination);
    }
    if (carriesCredentials(request)
        && request.url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0
        && !isLoopback(request.url))
        return QStringLiteral("Refused to send credentials over plain HTTP to %1; use https://")
            .arg(request.url.host());
    return {};
}

CredentialPolicy::Hop CredentialPolicy::followRedirect(
    ResolvedRequest *request, const QString &firstOrigin, const QUrl &next, bool keepsBody)
{
    Hop hop;
    const QString hopOrigin = origin(next);
    SecretUses &uses = request->secretUses;
    // The new URL is the server's: secrets that were in ours are not in it.
    uses.removeIf([](const SecretUse &use) {
        return use.position == SecretPosition::Path || use.position == SecretPosition::Query
            || use.position == SecretPosition::Fragment || use.position == SecretPosition::Host
            || use.position == SecretPosition::BaseUrl;
    });
    if (!keepsBody)
        uses.removeIf([](const SecretUse &use) { return use.position == SecretPosition::Body; });
    if (hopOrigin == firstOrigin)
        return hop;

    QByteArrayList dropped;
    for (const HeaderPair &h : request->headers) {
        const QList<const SecretUse *> carried = usesIn(*request, h.first);
        const bool keep
            = carried.isEmpty() ? !isCredentialHeader(h.first) : mayFollow(carried, hopOrigin);
        if (!keep)
            dropped.append(h.first.toLower());
    }
    if (!dropped.isEmpty()) {
        request->headers.removeIf(
            [&](const HeaderPair &h) { return dropped.contains(h.first.toLower()); });
        uses.removeIf([&](const SecretUse &use) {
            return !use.header.isEmpty() && dropped.contains(use.header.toLower());
        });
        hop.credentialsDropped = true;
    }
    if (keepsBody) {
        QList<const SecretUse *> inBody;
        for (const SecretUse &use : uses) {
            if (use.position == SecretPosition::Body)
                inBody.append(&use);
        }
        if (!mayFollow(inBody, hopOrigin))
            hop.refusal = QStringLiteral(
                "Refused to re-send a body that holds a secret to another origin (%1)")
                              .arg(hopOrigin);
    }
    return hop;
}

bool CredentialPolicy::originAllowed(const QStringList &allowed, const QString &origin)
{
    return allowed.isEmpty() || allowed.contains(origin);
}

QString CredentialPolicy::tokenUrlRefusal(const QUrl &url)
{
    if (origin(url).isEmpty())
        return QStringLiteral("The token URL \"%1\" is not a valid https:// URL.")
            .arg(url.toDisplayString());
    if (url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0 && !isLoopback(url))
        return QStringLiteral("Refused to send client credentials over plain HTTP to %1; the "
                              "token URL must use https://.")
            .arg(url.host());
    return {};
}

} // namespace Playground
