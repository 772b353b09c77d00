#pragma once

#include "app/core/Result.h"
#include "app/model/Collection.h"
#include "app/model/Environment.h"
#include "app/model/ResolvedRequest.h"
#include "app/template/VariableScopes.h"

namespace Playground {

/**
 * Turns a saved request into bytes for the wire: variables substituted (request → folders →
 * collection → environment → overrides, later wins), auth inherited and applied, headers checked,
 * body encoded. Refuses with a message that lists unresolved names or names the unsafe value.
 */
class RequestResolver {
public:
    static constexpr qint64 MaxFileBytes = 512LL * 1024 * 1024;

    /** Scopes for a request at the given place in a collection. */
    static VariableScopes scopesFor(const RequestPath &path, const Collection *collection,
        const Environment *environment, const VariableList &overrides);

    /** Auth that applies to the request: its own, else the nearest folder's, else the collection's.
     */
    static AuthSpec effectiveAuth(const RequestPath &path, const Collection *collection);

    Result<ResolvedRequest> resolve(
        const RequestSpec &request, const AuthSpec &auth, VariableScopes scopes);

    /** Names that had no value in the last resolve(). */
    QStringList unresolved() const { return m_unresolved; }

private:
    QStringList m_unresolved;
};

/** True when name is an RFC 9110 token (a valid header name). */
bool isHeaderToken(const QByteArray &name);

} // namespace Playground
