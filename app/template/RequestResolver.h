#pragma once

#include "app/core/Result.h"
#include "app/model/Collection.h"
#include "app/model/Environment.h"
#include "app/model/ResolvedRequest.h"
#include "app/template/TemplateText.h"
#include "app/template/VariableScopes.h"

namespace Playground {

/**
 * Substitutes a saved request's variables (request → folders → collection → environment →
 * overrides, later wins) into bytes for the wire, recording where each secret lands (its
 * SecretPosition); headers checked, body encoded. Auth is not its job (AuthApplier), nor is
 * deciding where secrets may go (CredentialPolicy).
 */
class RequestResolver {
public:
    static constexpr qint64 MaxFileBytes = 512LL * 1024 * 1024;

    /**
     * Substitutes request through text. Problems (bad header name, line break in a value, file
     * not readable, bad URL) are appended to errors; unresolved names stay listed in text.
     */
    static ResolvedRequest resolve(
        const RequestSpec &request, TemplateText &text, QStringList *errors);

    /**
     * The body mode that is sent: like Postman, a body on GET, HEAD, COPY, PURGE or UNLOCK is
     * dropped unless disableBodyPruning asks for it.
     */
    static RequestBody::Mode sentBodyMode(const RequestSpec &request, const QByteArray &method);
};

/** True when name is an RFC 9110 token (a valid header name). */
bool isHeaderToken(const QByteArray &name);

} // namespace Playground
