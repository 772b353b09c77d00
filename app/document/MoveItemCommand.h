#pragma once

#include "app/document/DocumentCommand.h"

namespace Playground {

/**
 * Moves one item to another place (drag and drop). The destination is a parent's row path and a
 * row in it, both as the tree is before the move (QAbstractItemModel::beginMoveRows's terms).
 */
class MoveItemCommand : public DocumentCommand {
public:
    MoveItemCommand(QList<int> from, QList<int> destinationParent, int destinationRow);

    /** False when the move would change nothing or put a folder inside itself. */
    static bool isValid(
        const Collection &collection, const QList<int> &from, const QList<int> &toParent, int row);

    QString text() const override;
    DocumentChange apply(Collection &collection) override;
    DocumentChange revert(Collection &collection) override;
    std::optional<DocumentChange> structuralChange(bool reverting) const override;

    /** Where the item is once moved. */
    QList<int> finalPath() const;

private:
    static void move(Collection &collection, const QList<int> &from, const QList<int> &to);

    QList<int> m_from;
    QList<int> m_destination; ///< parent path + row, before the move
};

} // namespace Playground
