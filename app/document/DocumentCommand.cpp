#include "app/document/DocumentCommand.h"

namespace Playground {

CollectionItem *itemAt(Collection &collection, const QList<int> &path)
{
    // Non-const access detaches each level: a copy of the collection made elsewhere (the saved
    // snapshot, a keychain lookup's copy) keeps its own items instead of changing with this edit.
    QList<CollectionItem> *items = &collection.items;
    CollectionItem *found = nullptr;
    for (int row : path) {
        if (row < 0 || row >= items->size())
            return nullptr;
        found = &(*items)[row];
        items = &found->children;
    }
    return found;
}

const CollectionItem *itemAt(const Collection &collection, const QList<int> &path)
{
    const QList<CollectionItem> *items = &collection.items;
    const CollectionItem *found = nullptr;
    for (int row : path) {
        if (!items || row < 0 || row >= items->size())
            return nullptr;
        found = &items->at(row);
        items = &found->children;
    }
    return found;
}

QList<CollectionItem> *siblingsAt(Collection &collection, const QList<int> &path)
{
    if (path.isEmpty())
        return nullptr;
    if (path.size() == 1)
        return &collection.items;
    CollectionItem *parent = itemAt(collection, path.first(path.size() - 1));
    return parent && parent->isFolder ? &parent->children : nullptr;
}

namespace {

    /** True when path lies under (or beside) the parent of at, at a row of that parent. */
    bool sharesParent(const QList<int> &path, const QList<int> &at)
    {
        const qsizetype depth = at.size();
        return depth > 0 && path.size() >= depth && path.first(depth - 1) == at.first(depth - 1);
    }

} // namespace

QList<int> pathAfterRemoval(QList<int> path, const QList<int> &removed)
{
    if (sharesParent(path, removed) && path.at(removed.size() - 1) > removed.last())
        --path[removed.size() - 1];
    return path;
}

QList<int> pathAfterInsertion(QList<int> path, const QList<int> &inserted, int count)
{
    if (sharesParent(path, inserted) && path.at(inserted.size() - 1) >= inserted.last())
        path[inserted.size() - 1] += count;
    return path;
}

} // namespace Playground
