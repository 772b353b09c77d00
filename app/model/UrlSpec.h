#pragma once

#include "app/model/KeyValue.h"

#include <QJsonObject>

namespace Playground {

/** A URL template: base (scheme://host/path, with {{vars}} and :pathVars), query rows, path
 * variables. */
struct UrlSpec {
    QString base; ///< everything before '?', templates unresolved
    KeyValueList query; ///< in order, disabled rows kept
    KeyValueList pathVariables; ///< values for ":name" path segments
    QString fragment;
    bool writtenAsString = false; ///< the file had "url": "..." (kept that way when possible)
    QJsonObject extra;

    /** The URL as a user types it: base + enabled query rows (+ fragment). */
    QString raw() const;
    /** Splits a typed URL into base, query rows and fragment (templates kept as text). */
    static UrlSpec fromRaw(const QString &raw);
    /**
     * This URL after the user typed raw in the URL field: the typed base, query and fragment;
     * path variables, disabled query rows (not in the typed text) and what the table knew per
     * row (description, unknown fields) kept.
     */
    UrlSpec withTyped(const QString &raw) const;
};

} // namespace Playground
