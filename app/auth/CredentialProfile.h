#pragma once

#include "app/auth/ClientAuthStyle.h"
#include "app/core/Result.h"
#include "app/model/AuthSpec.h"

#include <QStringList>
#include <QUrl>

#include <optional>

namespace Playground {

/**
 * Credentials of a request, folder or collection: a personal access token (Bearer) or OAuth 2.0
 * client credentials. Saved in the collection file as Postman auth whose secret fields are
 * {{variable}} references; the values live in the SecretStore under
 * SecretKey::forCollectionVariable(collection id, variable name). Text fields may hold templates.
 */
struct CredentialProfile {
    enum class Kind { PersonalAccessToken, ClientCredentials };

    static constexpr const char *DefaultTokenUrl = "https://api.digishare.ma/v1/oauth/token";
    /** Postman auth params we add; other tools ignore unknown params. */
    static constexpr const char *AllowedOriginsParam = "playgroundAllowedOrigins";
    static constexpr const char *ClientAuthParam = "playgroundClientAuthentication";

    Kind kind = Kind::PersonalAccessToken;
    /** PAT: the token as saved, normally "{{name}}". */
    QString token;
    QString tokenUrl = QLatin1String(DefaultTokenUrl);
    QString clientId;
    /** The client secret as saved, normally "{{name}}". */
    QString clientSecret;
    QString scope;
    ClientAuthStyle clientAuth = ClientAuthStyle::JsonBody;
    /**
     * Origins ("https://host:port") its Authorization may go to. Empty: a PAT goes to the
     * request's own origin only; OAuth tokens go to the token URL's origin.
     */
    QStringList allowedOrigins;

    /** A PAT profile whose token lives in the variable tokenVariable, bound to baseUrl's origin. */
    static CredentialProfile personalAccessToken(
        const QString &tokenVariable, const QUrl &baseUrl = {});
    /** An OAuth client-credentials profile whose secret lives in secretVariable. */
    static CredentialProfile clientCredentials(const QString &clientId,
        const QString &secretVariable, const QString &tokenUrl = QLatin1String(DefaultTokenUrl));

    /** The profile an auth block describes; nullopt for other auth types (basic, apikey, ...). */
    static std::optional<CredentialProfile> fromAuthSpec(const AuthSpec &auth);
    /** Postman auth: bearer {token}, or oauth2 with grant_type client_credentials. */
    AuthSpec toAuthSpec() const;

    /** Names of the {{variables}} that hold this profile's secrets (token, client secret). */
    QStringList secretVariables() const;
    /** "scheme://host:port" of each allowed origin, normalised; invalid entries are dropped. */
    static QStringList normalizedOrigins(const QStringList &origins);
};

} // namespace Playground
