#include "app/document/InsertItemsCommand.h"

namespace Playground {

InsertItemsCommand::InsertItemsCommand(QList<int> path, QList<CollectionItem> items, QString text)
    : m_path(std::move(path))
    , m_items(std::move(items))
    , m_text(std::move(text))
{
}

DocumentChange InsertItemsCommand::apply(Collection &collection)
{
    if (QList<CollectionItem> *siblings = siblingsAt(collection, m_path)) {
        const int row = std::clamp(m_path.last(), 0, int(siblings->size()));
        m_path.last() = row; // where they are, for revert() and the change reported
        for (int i = 0; i < m_items.size(); ++i)
            siblings->insert(row + i, m_items.at(i));
    }
    return *structuralChange(false);
}

DocumentChange InsertItemsCommand::revert(Collection &collection)
{
    QList<CollectionItem> *siblings = siblingsAt(collection, m_path);
    if (siblings && m_path.last() + m_items.size() <= siblings->size())
        siblings->remove(m_path.last(), m_items.size());
    return *structuralChange(true);
}

std::optional<DocumentChange> InsertItemsCommand::structuralChange(bool reverting) const
{
    DocumentChange change;
    change.kind
        = reverting ? DocumentChange::Kind::ItemsRemoved : DocumentChange::Kind::ItemsInserted;
    change.path = m_path;
    change.count = int(m_items.size());
    return change;
}

} // namespace Playground
