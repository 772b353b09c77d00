#pragma once

#include "app/core/Result.h"
#include "app/formats/Imported.h"

namespace Playground {

/**
 * Reads a curl command line as people paste it (terminal, browser "Copy as cURL" for bash, cmd or
 * PowerShell) into a request. Nothing is executed and no local file is read: `@file`, `$VAR` and
 * `$(…)` stay literal text with a warning. Credentials (an Authorization header, -u, a bearer
 * token) become auth that refers to a secret {{variable}} of the request, whose value is the one
 * from the command, so a saved file never holds it inline.
 */
class CurlImporter {
public:
    /** True when text is a curl command (its first word is curl), whatever its options. */
    static bool looksLikeCurl(const QString &text);
    /** The request of a curl command; an error names the line for broken quoting. */
    static Result<ImportedRequest> parse(const QString &command);
};

} // namespace Playground
