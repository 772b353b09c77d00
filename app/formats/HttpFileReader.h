#pragma once

#include "app/core/Result.h"
#include "app/formats/Imported.h"

namespace Playground {

/**
 * Reads `.http` / `.rest` files (JetBrains HTTP Client, VS Code REST Client, httpyac): requests
 * separated by `###` (the text after it, or a `# @name` comment, names the request), file
 * variables `@name = value` (collection variables), `# …` and `// …` comments, a request line
 * `METHOD URL [HTTP/x]` (or a bare URL: GET), `?`/`&` query continuation lines, headers up to a
 * blank line, then the body. `{{variables}}` are kept. A `< file` body and response handler
 * scripts are not carried over (listed as warnings); no file is read.
 */
class HttpFileReader {
public:
    static constexpr qsizetype MaxBytes = 16 * 1024 * 1024;
    static constexpr int MaxRequests = 10'000;

    static Result<ImportedCollection> read(const QString &text, const QString &origin);
    static Result<ImportedCollection> readFile(const QString &path);
    /** True when text looks like a .http file (a request line, a ### separator). */
    static bool looksLikeHttpFile(const QString &text);
};

} // namespace Playground
