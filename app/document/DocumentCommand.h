#pragma once

#include "app/document/DocumentChange.h"
#include "app/model/Collection.h"

#include <QString>

#include <optional>

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
    /**
     * The rows apply() (reverting: revert()) is about to insert, remove or move, announced
     * before the collection changes so item models can begin the change; none for other edits.
     */
    virtual std::optional<DocumentChange> structuralChange(bool reverting) const
    {
        Q_UNUSED(reverting)
        return std::nullopt;
    }
};

/** The item at path (rows from the top), or nullptr. */
CollectionItem *itemAt(Collection &collection, const QList<int> &path);
const CollectionItem *itemAt(const Collection &collection, const QList<int> &path);
/** The list of children path's last row is in (the top items for a top row), or nullptr. */
QList<CollectionItem> *siblingsAt(Collection &collection, const QList<int> &path);
/** path once the item at removed is gone (path must not be inside removed). */
QList<int> pathAfterRemoval(QList<int> path, const QList<int> &removed);
/** path once count items are inserted at inserted. */
QList<int> pathAfterInsertion(QList<int> path, const QList<int> &inserted, int count = 1);

} // namespace Playground
