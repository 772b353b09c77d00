#pragma once

#include <QList>

namespace Playground {

/** What one edit of a collection document changed, for the views that observe it. */
struct DocumentChange {
    enum class Kind {
        Item, ///< a request's or folder's own fields (method, URL, headers, body, name)
        Auth, ///< the auth block of the collection (empty path), a folder or a request
        Variables, ///< the variables of the collection (empty path) or of a folder
        ItemsInserted, ///< count items now at path and the rows after it (same parent)
        ItemsRemoved, ///< count items that were at path and the rows after it
        ItemMoved, ///< the item at path went to destination (see below)
    };
    Kind kind = Kind::Item;
    QList<int> path; ///< row path from the top; empty: the collection itself
    int count = 1; ///< ItemsInserted, ItemsRemoved: how many rows
    /**
     * ItemMoved: where the item went, as QAbstractItemModel::beginMoveRows names it: the parent's
     * path and a row, both in the tree as it was before the move.
     */
    QList<int> destination;

    /** Rows inserted, removed or moved: the tree's shape changes. */
    bool isStructural() const
    {
        return kind == Kind::ItemsInserted || kind == Kind::ItemsRemoved || kind == Kind::ItemMoved;
    }
};

} // namespace Playground
