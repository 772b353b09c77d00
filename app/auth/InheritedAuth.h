#pragma once

#include "app/model/Collection.h"

namespace Playground {

/**
 * The auth an item inherits from above it (its folders, innermost first, then the collection),
 * with where it comes from: what "inherit" means for a folder or request.
 */
struct InheritedAuth {
    AuthSpec auth; ///< type "noauth" when nothing above adds auth
    QString folder; ///< the folder it comes from; empty: the collection (or nothing)

    /** What the item at path inherits (empty path: the collection, which inherits nothing). */
    static InheritedAuth above(const Collection &collection, const QList<int> &path);
    /** True when something above adds auth. */
    bool adds() const { return auth.type != QLatin1String("noauth"); }
};

} // namespace Playground
