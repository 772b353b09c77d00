#include "app/document/MoveItemCommand.h"

#include <QCoreApplication>

namespace Playground {

MoveItemCommand::MoveItemCommand(QList<int> from, QList<int> destinationParent, int destinationRow)
    : m_from(std::move(from))
    , m_destination(std::move(destinationParent))
{
    m_destination.append(destinationRow);
}

bool MoveItemCommand::isValid(
    const Collection &collection, const QList<int> &from, const QList<int> &toParent, int row)
{
    if (from.isEmpty() || !itemAt(collection, from))
        return false;
    if (toParent.size() >= from.size() && toParent.first(from.size()) == from)
        return false; // into itself or its own folders
    const QList<CollectionItem> *siblings = &collection.items;
    if (!toParent.isEmpty()) {
        const CollectionItem *parent = itemAt(collection, toParent);
        if (!parent || !parent->isFolder)
            return false;
        siblings = &parent->children;
    }
    if (row < 0 || row > siblings->size())
        return false;
    const bool sameParent = toParent == from.first(from.size() - 1);
    return !(sameParent && (row == from.last() || row == from.last() + 1));
}

QString MoveItemCommand::text() const
{
    return QCoreApplication::translate("MoveItemCommand", "Move");
}

QList<int> MoveItemCommand::finalPath() const
{
    return pathAfterRemoval(m_destination, m_from);
}

void MoveItemCommand::move(Collection &collection, const QList<int> &from, const QList<int> &to)
{
    QList<CollectionItem> *source = siblingsAt(collection, from);
    if (!source || from.last() >= source->size())
        return;
    CollectionItem item = source->takeAt(from.last());
    if (QList<CollectionItem> *target = siblingsAt(collection, to))
        target->insert(std::clamp(to.last(), 0, int(target->size())), std::move(item));
}

DocumentChange MoveItemCommand::apply(Collection &collection)
{
    move(collection, m_from, finalPath());
    return *structuralChange(false);
}

DocumentChange MoveItemCommand::revert(Collection &collection)
{
    move(collection, finalPath(), m_from);
    return *structuralChange(true);
}

std::optional<DocumentChange> MoveItemCommand::structuralChange(bool reverting) const
{
    DocumentChange change;
    change.kind = DocumentChange::Kind::ItemMoved;
    if (!reverting) {
        change.path = m_from;
        change.destination = m_destination;
    } else {
        // Back from where it went to where it was: named in the tree after the move.
        const QList<int> moved = finalPath();
        change.path = moved;
        change.destination = pathAfterInsertion(m_from, moved);
    }
    return change;
}

} // namespace Playground
