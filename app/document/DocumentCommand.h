#pragma once

#include "app/document/DocumentChange.h"
#include "app/model/Collection.h"

#include <QString>

namespace Playground {

/**
 * One undoable edit of a collection document. Commands change the collection only through
 * apply() and revert(), which the document calls; the window's undo stack decides when.
 */
class DocumentCommand {
public:
    virtual ~DocumentCommand() = default;
    /** For the Edit menu: "Edit request", "Change credentials"... */
    virtual QString text() const = 0;
    virtual DocumentChange apply(Collection &collection) = 0;
    virtual DocumentChange revert(Collection &collection) = 0;
    /**
     * Folds next (applied right after this one) into this command, so typing is one undo step;
     * false when they do not belong together.
     */
    virtual bool absorb(const DocumentCommand &next)
    {
        Q_UNUSED(next)
        return false;
    }
};

/** The item at path (rows from the top), or nullptr. */
CollectionItem *itemAt(Collection &collection, const QList<int> &path);
const CollectionItem *itemAt(const Collection &collection, const QList<int> &path);

} // namespace Playground
