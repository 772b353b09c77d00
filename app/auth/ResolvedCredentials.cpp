#include "app/auth/ResolvedCredentials.h"

#include "app/http/UrlOrigin.h"
#include "app/template/TemplateText.h"

namespace Playground {

Result<ResolvedCredentials> ResolvedCredentials::resolve(
    const CredentialProfile &profile, const VariableScopes &scopes)
{
    using R = Result<ResolvedCredentials>;
    VariableScopes marked = scopes;
    for (const QString &name : profile.secretVariables())
        marked.markSecret(name);
    TemplateText text(marked);
    ResolvedCredentials out;
    out.kind = profile.kind;
    QStringList origins;
    for (const QString &origin : profile.allowedOrigins)
        origins.append(text.resolve(origin));
    out.allowedOrigins = CredentialProfile::normalizedOrigins(origins);

    QString secret;
    QString what;
    if (profile.kind == CredentialProfile::Kind::PersonalAccessToken) {
        out.bearerToken = text.resolve(profile.token).trimmed();
        secret = out.bearerToken;
        what = QStringLiteral("The bearer token");
        // No origins saved: the token belongs to the base URL the collection was made for.
        if (out.allowedOrigins.isEmpty() && marked.contains(QLatin1String(BaseUrlVariable))) {
            const QUrl base(text.resolve(marked.value(QLatin1String(BaseUrlVariable))).trimmed(),
                QUrl::StrictMode);
            const QString origin = urlOrigin(base);
            if (!origin.isEmpty()
                && (base.scheme() == QLatin1String("https")
                    || base.scheme() == QLatin1String("http")))
                out.allowedOrigins = { origin };
        }
    } else {
        out.tokenRequest.tokenUrl
            = QUrl(text.resolve(profile.tokenUrl).trimmed(), QUrl::StrictMode);
        out.tokenRequest.clientId = text.resolve(profile.clientId);
        out.tokenRequest.clientSecret = text.resolve(profile.clientSecret);
        out.tokenRequest.scope = text.resolve(profile.scope).trimmed();
        out.tokenRequest.clientAuth = profile.clientAuth;
        secret = out.tokenRequest.clientSecret;
        what = QStringLiteral("The client secret");
        if (out.allowedOrigins.isEmpty()) {
            const QString origin = urlOrigin(out.tokenRequest.tokenUrl);
            if (!origin.isEmpty())
                out.allowedOrigins = { origin };
        }
    }
    if (!text.unresolved().isEmpty())
        return R::failure(QStringLiteral("Unresolved variables: %1")
                              .arg(text.unresolved().join(QLatin1String(", "))));
    if (!text.error().isEmpty())
        return R::failure(text.error());
    if (secret.isEmpty())
        return R::failure(QStringLiteral("%1 is empty").arg(what));
    if (secret.contains(QLatin1Char('\r')) || secret.contains(QLatin1Char('\n'))
        || secret.contains(QChar(0)))
        return R::failure(QStringLiteral("%1 contains a line break; refused").arg(what));
    out.boundSecrets = text.boundSecrets();
    if (profile.kind == CredentialProfile::Kind::ClientCredentials) {
        // The client secret itself is sent to the token URL: only to where it was stored for.
        const QStringList bound = out.boundSecrets.value(secret);
        const QString tokenOrigin = urlOrigin(out.tokenRequest.tokenUrl);
        if (!bound.isEmpty() && !bound.contains(tokenOrigin))
            return R::failure(
                QStringLiteral("The client secret was stored for %1, not for the token URL's "
                               "origin %2; refused")
                    .arg(bound.join(QLatin1String(", ")), tokenOrigin));
    }
    out.secretValues = text.secretValues().values();
    out.secretValues.append(secret);
    out.secretValues.removeDuplicates();
    return out;
}

} // namespace Playground
