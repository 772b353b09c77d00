#include "app/document/DocumentCommand.h"

namespace Playground {

CollectionItem *itemAt(Collection &collection, const QList<int> &path)
{
    return const_cast<CollectionItem *>(itemAt(std::as_const(collection), path));
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

} // namespace Playground
