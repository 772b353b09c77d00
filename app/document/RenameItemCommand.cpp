#include "app/document/RenameItemCommand.h"

#include <QCoreApplication>

namespace Playground {

RenameItemCommand::RenameItemCommand(QList<int> path, QString before, QString after)
    : m_path(std::move(path))
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

QString RenameItemCommand::text() const
{
    return QCoreApplication::translate("RenameItemCommand", "Rename");
}

DocumentChange RenameItemCommand::apply(Collection &collection)
{
    if (CollectionItem *item = itemAt(collection, m_path)) {
        item->name = m_after;
        if (!item->isFolder)
            item->request.name = m_after; // as the reader sets it
    }
    return { DocumentChange::Kind::Item, m_path };
}

DocumentChange RenameItemCommand::revert(Collection &collection)
{
    if (CollectionItem *item = itemAt(collection, m_path)) {
        item->name = m_before;
        if (!item->isFolder)
            item->request.name = m_before; // as the reader sets it
    }
    return { DocumentChange::Kind::Item, m_path };
}

} // namespace Playground
