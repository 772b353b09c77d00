#pragma once

#include "app/document/InsertItemsCommand.h"

#include <memory>

namespace Playground {

/**
 * The sidebar's edits as document commands: where a new item goes next to the selection, what a
 * duplicate is called. The widgets only pick the selected path and submit what these return.
 */
class CollectionEdits {
public:
    /** A new request or folder: inside the selected folder (at its end), else after the selected
     * request, else at the end of the collection. Named "New request" / "New folder" (numbered
     * when the name is taken there). */
    static std::unique_ptr<InsertItemsCommand> newItem(
        const Collection &collection, const QList<int> &selected, bool folder);
    /** A copy of the item at path (with its children), right after it, named "… copy". */
    static std::unique_ptr<InsertItemsCommand> duplicate(
        const Collection &collection, const QList<int> &path);
    /** The request item saved from a scratch request into folder (empty: the collection's top). */
    static std::unique_ptr<InsertItemsCommand> addRequest(
        const Collection &collection, const QList<int> &folder, const RequestSpec &request);
    /** Where newItem() puts a new item next to selected. */
    static QList<int> insertionPath(const Collection &collection, const QList<int> &selected);
    /** base, or "base 2", "base 3"… if siblings already has an item so named. */
    static QString freeName(const QList<CollectionItem> &siblings, const QString &base);
};

} // namespace Playground
