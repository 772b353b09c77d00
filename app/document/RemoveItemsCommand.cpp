#include "app/document/RemoveItemsCommand.h"

#include <QCoreApplication>

namespace Playground {

RemoveItemsCommand::RemoveItemsCommand(QList<int> path, int count)
    : m_path(std::move(path))
    , m_count(count)
{
}

QString RemoveItemsCommand::text() const
{
    return QCoreApplication::translate("RemoveItemsCommand", "Delete");
}

DocumentChange RemoveItemsCommand::apply(Collection &collection)
{
    m_removed.clear();
    QList<CollectionItem> *siblings = siblingsAt(collection, m_path);
    if (siblings && m_path.last() >= 0 && m_path.last() < siblings->size()) {
        m_removed = siblings->mid(m_path.last(), m_count);
        siblings->remove(m_path.last(), m_removed.size());
    }
    return *structuralChange(false);
}

DocumentChange RemoveItemsCommand::revert(Collection &collection)
{
    QList<CollectionItem> *siblings = siblingsAt(collection, m_path);
    if (siblings && m_path.last() <= siblings->size()) {
        for (int i = 0; i < m_removed.size(); ++i)
            siblings->insert(m_path.last() + i, m_removed.at(i));
    }
    return *structuralChange(true);
}

std::optional<DocumentChange> RemoveItemsCommand::structuralChange(bool reverting) const
{
    DocumentChange change;
    change.kind
        = reverting ? DocumentChange::Kind::ItemsInserted : DocumentChange::Kind::ItemsRemoved;
    change.path = m_path;
    change.count = reverting ? int(m_removed.size()) : m_count; // back: what was really removed
    return change;
}

} // namespace Playground
