#pragma once

#include "app/core/Result.h"
#include "app/model/Collection.h"
#include "app/model/ResolvedRequest.h"

namespace Playground {

/**
 * A saved request made concrete for an export (cURL, .http's resolved form): the same
 * substitution and auth as a send (SendSession::prepare), so an exported command sends what the
 * playground sends. Secret values are replaced by a visible placeholder (`<name>`) unless
 * includeSecrets; a variable with no value anywhere becomes `<name>` too, with a warning. An OAuth
 * token is not fetched for an export: the command carries none, and a warning says so. Secrets go
 * only where a send would take them: when the credential policy would refuse the request (a
 * keychain secret bound to another origin, a secret in the host…), every secret is left out.
 */
class RequestExport {
public:
    struct Options {
        bool includeSecrets = false;
        VariableList overrides; ///< values given for this export (strongest scope)
        /** Secrets read from the keychain → the origins they were stored for. */
        QHash<QString, QStringList> bindings;
    };

    static Result<ResolvedRequest> resolve(const Collection &collection, const RequestPath &path,
        const Options &options, QStringList *warnings);

    /** The placeholder written for a secret or a variable without a value. */
    static QString placeholder(const QString &name);
};

} // namespace Playground
