#include "app/document/SetAuthCommand.h"

#include <QCoreApplication>

namespace Playground {

SetAuthCommand::SetAuthCommand(
    const Collection &collection, QList<int> path, std::optional<AuthSpec> after)
    : m_path(std::move(path))
    , m_after(std::move(after))
{
    if (const std::optional<AuthSpec> *current = slot(collection, m_path))
        m_before = *current;
}

QString SetAuthCommand::text() const
{
    return QCoreApplication::translate("SetAuthCommand", "Change credentials");
}

std::optional<AuthSpec> *SetAuthCommand::slot(Collection &collection, const QList<int> &path)
{
    return const_cast<std::optional<AuthSpec> *>(slot(std::as_const(collection), path));
}

const std::optional<AuthSpec> *SetAuthCommand::slot(
    const Collection &collection, const QList<int> &path)
{
    if (path.isEmpty())
        return &collection.auth;
    const CollectionItem *item = itemAt(collection, path);
    if (!item)
        return nullptr;
    return item->isFolder ? &item->auth : &item->request.auth;
}

DocumentChange SetAuthCommand::apply(Collection &collection)
{
    if (std::optional<AuthSpec> *target = slot(collection, m_path))
        *target = m_after;
    return { DocumentChange::Kind::Auth, m_path };
}

DocumentChange SetAuthCommand::revert(Collection &collection)
{
    if (std::optional<AuthSpec> *target = slot(collection, m_path))
        *target = m_before;
    return { DocumentChange::Kind::Auth, m_path };
}

bool SetAuthCommand::absorb(const DocumentCommand &next)
{
    const auto *edit = dynamic_cast<const SetAuthCommand *>(&next);
    if (!edit || edit->m_path != m_path || !m_after || !edit->m_after || !m_before
        || m_before->type != m_after->type || m_after->type != edit->m_after->type)
        return false;
    m_after = edit->m_after;
    return true;
}

} // namespace Playground
