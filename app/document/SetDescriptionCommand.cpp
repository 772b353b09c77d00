#include "app/document/SetDescriptionCommand.h"

#include <QCoreApplication>

namespace Playground {

SetDescriptionCommand::SetDescriptionCommand(
    const Collection &collection, QList<int> path, QString after)
    : m_path(std::move(path))
    , m_after(std::move(after))
{
    if (const QString *current = descriptionAt(collection, m_path))
        m_before = *current;
}

const QString *SetDescriptionCommand::descriptionAt(
    const Collection &collection, const QList<int> &path)
{
    if (path.isEmpty())
        return &collection.description;
    const CollectionItem *item = itemAt(collection, path);
    if (!item)
        return nullptr;
    return item->isFolder ? &item->description : &item->request.description;
}

QString SetDescriptionCommand::text() const
{
    return QCoreApplication::translate("SetDescriptionCommand", "Edit description");
}

void SetDescriptionCommand::put(Collection &collection, const QString &description) const
{
    if (const QString *slot = descriptionAt(collection, m_path))
        *const_cast<QString *>(slot) = description;
}

DocumentChange SetDescriptionCommand::apply(Collection &collection)
{
    put(collection, m_after);
    return { DocumentChange::Kind::Item, m_path };
}

DocumentChange SetDescriptionCommand::revert(Collection &collection)
{
    put(collection, m_before);
    return { DocumentChange::Kind::Item, m_path };
}

bool SetDescriptionCommand::absorb(const DocumentCommand &next)
{
    const auto *edit = dynamic_cast<const SetDescriptionCommand *>(&next);
    if (!edit || edit->m_path != m_path)
        return false;
    m_after = edit->m_after;
    return true;
}

} // namespace Playground
