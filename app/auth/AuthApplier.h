#pragma once

#include "app/auth/ResolvedCredentials.h"
#include "app/model/AuthSpec.h"
#include "app/model/Collection.h"
#include "app/model/ResolvedRequest.h"
#include "app/template/TemplateText.h"

#include <optional>

namespace Playground {

/**
 * Applies a request's auth, every type in one place: Bearer (a personal access token profile),
 * OAuth 2.0 client credentials (the token is attached later, once fetched), an OAuth access token
 * typed in, Basic, and API key in a header or the query. An Authorization header typed on the
 * request wins over the auth. Each credential added is recorded as a SecretUse with the origins
 * it may reach, for the CredentialPolicy.
 */
class AuthApplier {
public:
    /** Auth that applies to a request: its own, else the nearest folder's, else the collection's.
     */
    static AuthSpec effectiveAuth(const RequestPath &path, const Collection *collection);

    /** The names of the variables in auth that hold a secret (token, password, key value...). */
    static QStringList secretVariables(const AuthSpec &auth);
    /** True when the parameter key of an auth of type authType holds a secret. */
    static bool isSecretParam(const QString &authType, const QString &key);

    /** What is left once the auth is applied: an OAuth token to fetch, or nothing. */
    struct Pending {
        std::optional<ResolvedCredentials> oauth;
    };

    /**
     * Applies auth to request, substituting through text (whose scopes mark the auth's secret
     * variables). Problems are appended to errors; warnings go on the request.
     */
    static Pending apply(
        const AuthSpec &auth, TemplateText &text, ResolvedRequest *request, QStringList *errors);

    /** Attaches an OAuth access token fetched for credentials (replacing one attached before). */
    static void attachToken(
        ResolvedRequest *request, const QString &token, const ResolvedCredentials &credentials);

    /** True when headers hold an Authorization header (typed by the user: it wins). */
    static bool hasAuthorization(const HeaderList &headers);
};

} // namespace Playground
