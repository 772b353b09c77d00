#include "app/auth/InheritedAuth.h"

#include "app/document/DocumentCommand.h"

namespace Playground {

InheritedAuth InheritedAuth::above(const Collection &collection, const QList<int> &path)
{
    InheritedAuth inherited;
    inherited.auth.type = QStringLiteral("noauth");
    if (path.isEmpty())
        return inherited;
    // The same order AuthApplier::effectiveAuth reads: innermost folder first.
    for (qsizetype depth = path.size() - 1; depth >= 1; --depth) {
        const CollectionItem *folder = itemAt(collection, path.first(depth));
        if (folder && folder->auth && !folder->auth->inherits()) {
            inherited.auth = *folder->auth;
            inherited.folder = folder->name;
            return inherited;
        }
    }
    if (collection.auth && !collection.auth->inherits())
        inherited.auth = *collection.auth;
    return inherited;
}

} // namespace Playground
