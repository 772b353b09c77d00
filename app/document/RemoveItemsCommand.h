#pragma once

#include "app/document/DocumentCommand.h"

namespace Playground {

/** Deletes count neighbouring items from a row path on; keeps them to put them back on undo. */
class RemoveItemsCommand : public DocumentCommand {
public:
    explicit RemoveItemsCommand(QList<int> path, int count = 1);

    QString text() const override;
    DocumentChange apply(Collection &collection) override;
    DocumentChange revert(Collection &collection) override;
    std::optional<DocumentChange> structuralChange(bool reverting) const override;

private:
    QList<int> m_path;
    int m_count;
    QList<CollectionItem> m_removed;
};

} // namespace Playground
