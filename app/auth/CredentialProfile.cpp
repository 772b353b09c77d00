#include "app/auth/CredentialProfile.h"

#include "app/policy/CredentialPolicy.h"
#include "app/template/TemplateText.h"

namespace Playground {

namespace {

    QStringList variablesIn(const QString &text)
    {
        QStringList names;
        for (const TemplateToken &t : TemplateText::tokenize(text)) {
            if (t.isVariable && !t.text.startsWith(QLatin1Char('$')))
                names.append(t.text);
        }
        return names;
    }

    QString reference(const QString &variable)
    {
        return QStringLiteral("{{%1}}").arg(variable);
    }

} // namespace

CredentialProfile CredentialProfile::personalAccessToken(
    const QString &tokenVariable, const QUrl &baseUrl)
{
    CredentialProfile p;
    p.kind = Kind::PersonalAccessToken;
    p.token = reference(tokenVariable);
    if (const QString origin = CredentialPolicy::origin(baseUrl); !origin.isEmpty())
        p.allowedOrigins = { origin };
    return p;
}

CredentialProfile CredentialProfile::clientCredentials(
    const QString &clientId, const QString &secretVariable, const QString &tokenUrl)
{
    CredentialProfile p;
    p.kind = Kind::ClientCredentials;
    p.clientId = clientId;
    p.clientSecret = reference(secretVariable);
    p.tokenUrl = tokenUrl;
    return p;
}

std::optional<CredentialProfile> CredentialProfile::fromAuthSpec(const AuthSpec &auth)
{
    CredentialProfile p;
    if (auth.type == QLatin1String("bearer")) {
        p.kind = Kind::PersonalAccessToken;
        p.token = auth.param(QStringLiteral("token"));
    } else if (auth.type == QLatin1String("oauth2")
        && auth.param(QStringLiteral("grant_type")) == QLatin1String("client_credentials")) {
        p.kind = Kind::ClientCredentials;
        p.tokenUrl = auth.param(QStringLiteral("accessTokenUrl"));
        if (p.tokenUrl.isEmpty())
            p.tokenUrl = QLatin1String(DefaultTokenUrl);
        p.clientId = auth.param(QStringLiteral("clientId"));
        p.clientSecret = auth.param(QStringLiteral("clientSecret"));
        p.scope = auth.param(QStringLiteral("scope"));
        // Our own style wins; otherwise Postman's "header" means Basic and "body" a form body.
        if (const auto style = clientAuthStyleFromName(auth.param(QLatin1String(ClientAuthParam))))
            p.clientAuth = *style;
        else if (auth.param(QStringLiteral("client_authentication")) == QLatin1String("header"))
            p.clientAuth = ClientAuthStyle::HttpBasic;
        else if (auth.param(QStringLiteral("client_authentication")) == QLatin1String("body"))
            p.clientAuth = ClientAuthStyle::FormBody;
    } else {
        return std::nullopt;
    }
    p.allowedOrigins = normalizedOrigins(
        auth.param(QLatin1String(AllowedOriginsParam)).split(QLatin1Char(' '), Qt::SkipEmptyParts));
    return p;
}

AuthSpec CredentialProfile::toAuthSpec() const
{
    AuthSpec auth;
    if (kind == Kind::PersonalAccessToken) {
        auth.type = QStringLiteral("bearer");
        auth.setParam(QStringLiteral("token"), token);
    } else {
        auth.type = QStringLiteral("oauth2");
        auth.setParam(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        auth.setParam(QStringLiteral("accessTokenUrl"), tokenUrl);
        auth.setParam(QStringLiteral("clientId"), clientId);
        auth.setParam(QStringLiteral("clientSecret"), clientSecret);
        auth.setParam(QStringLiteral("scope"), scope);
        auth.setParam(QStringLiteral("client_authentication"),
            clientAuth == ClientAuthStyle::HttpBasic ? QStringLiteral("header")
                                                     : QStringLiteral("body"));
        auth.setParam(QLatin1String(ClientAuthParam), clientAuthStyleName(clientAuth));
        auth.setParam(QStringLiteral("addTokenTo"), QStringLiteral("header"));
    }
    if (!allowedOrigins.isEmpty())
        auth.setParam(QLatin1String(AllowedOriginsParam),
            normalizedOrigins(allowedOrigins).join(QLatin1Char(' ')));
    return auth;
}

QStringList CredentialProfile::secretVariables() const
{
    QStringList names
        = kind == Kind::PersonalAccessToken ? variablesIn(token) : variablesIn(clientSecret);
    names.removeDuplicates();
    return names;
}

QStringList CredentialProfile::normalizedOrigins(const QStringList &origins)
{
    QStringList out;
    for (const QString &o : origins) {
        const QString origin = CredentialPolicy::origin(QUrl(o.trimmed()));
        if (!origin.isEmpty() && !out.contains(origin))
            out.append(origin);
    }
    return out;
}

} // namespace Playground
