#pragma once

#include "app/core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Playground {

struct JsonTree;

/**
 * A JSONPath expression, the subset people type into a response filter (as in Postman, jq-like
 * paths and Goessner's JSONPath): $ the document, .name or ['name'] a member, [2] or [-1] an
 * item, [1:3] or [::2] a slice, * every member or item, .. every level below, [0,2] or
 * ['a','b'] a union. The leading $ may be left out ("data[0].name"). Filter expressions
 * ([?(…)]) and scripts are not supported and say so.
 */
class JsonPath {
public:
    /** Evaluation stops after this many matches (the result says it was cut). */
    static constexpr int DefaultMaxMatches = 100'000;

    /** What an evaluation found: every matching value as compact JSON, in document order. */
    struct Matches {
        QList<QByteArray> values;
        bool capped = false; ///< more matches existed than the cap
        /** The matches as one JSON array, as Postman's and jsonpath.com's filters show them. */
        QByteArray toJsonArray() const;
    };

    /** Parses an expression; the error names the column (1-based) and what was expected. */
    static Result<JsonPath> parse(const QString &expression);

    Matches evaluate(const JsonTree &tree, int maxMatches = DefaultMaxMatches) const;
    QString expression() const { return m_expression; }

    struct Selector {
        enum class Kind { Name, Index, Slice, Wildcard };
        Kind kind = Kind::Name;
        QByteArray name; ///< UTF-8 (Name)
        qint64 index = 0; ///< Index: negative counts from the end
        std::optional<qint64> start, end; ///< Slice bounds (Python's rules)
        qint64 step = 1; ///< Slice
    };
    struct Step {
        bool descendants = false; ///< ..: this step applies at every level below
        QList<Selector> selectors; ///< a union: each adds its matches
    };

private:
    QString m_expression;
    QList<Step> m_steps;
};

} // namespace Playground
