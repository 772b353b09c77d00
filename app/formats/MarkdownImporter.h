#pragma once

#include "app/core/Result.h"
#include "app/formats/Imported.h"

namespace Playground {

/**
 * Reads the Digishare docs' pages (Nuxt Content MDC) into a collection: one request per
 * `::api-playground` block (props in `{…}` with either quote style, `:`-prefixed JSON props, props
 * over several lines, or a YAML props section), outside code fences. Declared variables become
 * collection variables (a `token` one a secret) and their `{name}` placeholders `{{name}}`; an
 * `Authorization: Bearer {token}` header becomes bearer auth. The page's front-matter title and
 * description name the collection; the heading above a block names its request.
 */
class MarkdownImporter {
public:
    static constexpr qsizetype MaxBytes = 16 * 1024 * 1024;
    static constexpr int MaxBlocks = 10'000;

    static Result<ImportedCollection> read(const QString &text, const QString &origin);
    static Result<ImportedCollection> readFile(const QString &path);
    /** True when text holds an api-playground block (for format detection). */
    static bool looksLikeDocs(const QString &text);
};

} // namespace Playground
