#include "app/auth/ResolvedCredentials.h"

#include "app/policy/CredentialPolicy.h"
#include "app/template/TemplateText.h"

namespace Playground {

Result<ResolvedCredentials> ResolvedCredentials::resolve(
    const CredentialProfile &profile, const VariableScopes &scopes)
{
    VariableScopes marked = scopes;
    for (const QString &name : profile.secretVariables())
        marked.markSecret(name);
    TemplateText text(marked);
    return resolve(profile, text);
}

Result<ResolvedCredentials> ResolvedCredentials::resolve(
    const CredentialProfile &profile, TemplateText &text)
{
    using R = Result<ResolvedCredentials>;
    const VariableScopes &marked = text.scopes();
    ResolvedCredentials out;
    out.kind = profile.kind;
    const qsizetype usesBefore = text.secretUses().size();
    const QStringList unresolvedBefore = text.unresolved();
    QStringList origins;
    for (const QString &origin : profile.allowedOrigins)
        origins.append(text.resolve(origin, SecretPosition::NotSent));
    out.allowedOrigins = CredentialProfile::normalizedOrigins(origins);

    QString secret;
    QString what;
    if (profile.kind == CredentialProfile::Kind::PersonalAccessToken) {
        out.bearerToken
            = text.resolve(profile.token, SecretPosition::AuthField, "Authorization").trimmed();
        secret = out.bearerToken;
        what = QStringLiteral("The bearer token");
        // No origins saved: the token belongs to the base URL the collection was made for.
        if (out.allowedOrigins.isEmpty() && marked.contains(QLatin1String(BaseUrlVariable))) {
            const QString origin = CredentialPolicy::baseUrlOrigin(text.resolve(
                marked.value(QLatin1String(BaseUrlVariable)), SecretPosition::NotSent));
            if (!origin.isEmpty())
                out.allowedOrigins = { origin };
        }
    } else {
        out.tokenRequest.tokenUrl = QUrl(
            text.resolve(profile.tokenUrl, SecretPosition::TokenUrl).trimmed(), QUrl::StrictMode);
        out.tokenRequest.clientId
            = text.resolve(profile.clientId, SecretPosition::TokenRequestField);
        out.tokenRequest.clientSecret
            = text.resolve(profile.clientSecret, SecretPosition::TokenRequestField);
        out.tokenRequest.scope
            = text.resolve(profile.scope, SecretPosition::TokenRequestField).trimmed();
        out.tokenRequest.clientAuth = profile.clientAuth;
        secret = out.tokenRequest.clientSecret;
        what = QStringLiteral("The client secret");
        if (out.allowedOrigins.isEmpty()) {
            const QString origin = CredentialPolicy::origin(out.tokenRequest.tokenUrl);
            if (!origin.isEmpty())
                out.allowedOrigins = { origin };
        }
    }
    if (text.unresolved().size() > unresolvedBefore.size())
        return R::failure(
            QStringLiteral("Unresolved variables: %1")
                .arg(text.unresolved().mid(unresolvedBefore.size()).join(QLatin1String(", "))));
    if (!text.error().isEmpty())
        return R::failure(text.error());
    if (secret.isEmpty())
        return R::failure(QStringLiteral("%1 is empty").arg(what));
    if (secret.contains(QLatin1Char('\r')) || secret.contains(QLatin1Char('\n'))
        || secret.contains(QChar(0)))
        return R::failure(QStringLiteral("%1 contains a line break; refused").arg(what));
    // What the profile's fields put in belongs to the credentials (and the token request), not to
    // the request whose text was shared.
    out.secretUses = text.takeSecretUses(usesBefore);
    if (profile.kind == CredentialProfile::Kind::ClientCredentials) {
        out.tokenRequest.allowedOrigins = out.allowedOrigins;
        // The token request is a request too: its fields go to the token URL's origin only.
        ResolvedRequest tokenRequest;
        tokenRequest.url = out.tokenRequest.tokenUrl;
        tokenRequest.secretUses = out.secretUses;
        if (const QString refusal = CredentialPolicy::refusal(tokenRequest); !refusal.isEmpty())
            return R::failure(refusal);
    } else {
        // The PAT follows a redirect only to the origins the profile allows.
        for (SecretUse &use : out.secretUses) {
            if (use.position == SecretPosition::AuthField && !use.bound)
                use.origins = out.allowedOrigins;
        }
    }
    out.secretValues = text.secretValues().values();
    out.secretValues.append(secret);
    out.secretValues.removeDuplicates();
    return out;
}

} // namespace Playground
