#pragma once

#include "app/auth/CredentialProfile.h"
#include "app/auth/TokenRequest.h"
#include "app/core/Result.h"
#include "app/policy/SecretPosition.h"
#include "app/template/TemplateText.h"
#include "app/template/VariableScopes.h"

namespace Playground {

/** A credential profile with its templates substituted: ready to authorize one request. */
struct ResolvedCredentials {
    /** The collection variable whose origin a PAT without saved origins is bound to. */
    static constexpr const char *BaseUrlVariable = "baseUrl";

    CredentialProfile::Kind kind = CredentialProfile::Kind::PersonalAccessToken;
    QString bearerToken; ///< PAT only
    TokenRequest tokenRequest; ///< OAuth only
    /**
     * Normalised origins the Authorization may go to. Unsaved: a PAT's default is the origin of
     * {{baseUrl}}, an OAuth token's the token URL's; empty (no base URL) means the request's own.
     */
    QStringList allowedOrigins;
    /** Secret values used (token, client secret): redacted wherever a request is recorded. */
    QStringList secretValues;
    /** Where the profile's secrets were put (the token, the token request's fields). */
    SecretUses secretUses;

    /**
     * Substitutes the profile's templates from scopes. Fails naming unresolved variables, an
     * empty token or secret, a value with a line break, or a token request the credential policy
     * refuses (a secret in the token URL; a secret from the keychain for another origin).
     */
    static Result<ResolvedCredentials> resolve(
        const CredentialProfile &profile, const VariableScopes &scopes);
    /**
     * The same through a request's text (whose scopes mark the profile's secrets): names without
     * a value join the request's unresolved ones, so the send says "not sent: unresolved".
     */
    static Result<ResolvedCredentials> resolve(
        const CredentialProfile &profile, TemplateText &text);
};

} // namespace Playground
