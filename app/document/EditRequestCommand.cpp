#include "app/document/EditRequestCommand.h"

#include <QCoreApplication>

namespace Playground {

EditRequestCommand::EditRequestCommand(QList<int> path, RequestEdit before, RequestEdit after)
    : m_path(std::move(path))
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

QString EditRequestCommand::text() const
{
    return QCoreApplication::translate("EditRequestCommand", "Edit request");
}

DocumentChange EditRequestCommand::apply(Collection &collection)
{
    if (CollectionItem *item = itemAt(collection, m_path))
        m_after.applyTo(&item->request);
    return { DocumentChange::Kind::Item, m_path };
}

DocumentChange EditRequestCommand::revert(Collection &collection)
{
    if (CollectionItem *item = itemAt(collection, m_path))
        m_before.applyTo(&item->request);
    return { DocumentChange::Kind::Item, m_path };
}

bool EditRequestCommand::absorb(const DocumentCommand &next)
{
    const auto *edit = dynamic_cast<const EditRequestCommand *>(&next);
    if (!edit || edit->m_path != m_path)
        return false;
    m_after = edit->m_after;
    return true;
}

} // namespace Playground
