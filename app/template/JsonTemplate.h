#pragma once

#include "app/core/Result.h"

#include <QString>

#include <optional>

namespace Playground {

/**
 * JSON with {{variables}}: checks, beautifies and minifies a request body where a {{template}}
 * may stand for a value or a key (`{"id": {{userId}}}`). A template is an opaque token: it is
 * copied as written and never parsed, so Beautify keeps every {{name}} exactly.
 */
class JsonTemplate {
public:
    /** Where the text stops being JSON: 1-based line and column (in characters), and why. */
    struct Problem {
        int line = 1;
        int column = 1;
        QString message;
    };

    /** The first problem of text as JSON-with-templates; nullopt when it is valid. */
    static std::optional<Problem> check(const QString &text);
    /** text indented by indent spaces per level; fails with the problem's line and column. */
    static Result<QString> beautify(const QString &text, int indent = 2);
    /** text without insignificant white space; fails like beautify(). */
    static Result<QString> minify(const QString &text);
    /** "Line 3, column 7: expected ':' after a key" */
    static QString describe(const Problem &problem);

    static constexpr int MaxDepth = 512;
};

} // namespace Playground
