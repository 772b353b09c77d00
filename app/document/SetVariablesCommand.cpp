#include "app/document/SetVariablesCommand.h"

#include <QCoreApplication>

namespace Playground {

namespace {

    VariableList withoutSecretValues(VariableList variables)
    {
        for (Variable &v : variables) {
            if (v.isSecret())
                v.value.clear();
        }
        return variables;
    }

    VariableList *slot(Collection &collection, const QList<int> &path)
    {
        return const_cast<VariableList *>(
            SetVariablesCommand::variablesAt(std::as_const(collection), path));
    }

} // namespace

SetVariablesCommand::SetVariablesCommand(
    const Collection &collection, VariableList after, QList<int> path)
    : m_path(std::move(path))
    , m_after(withoutSecretValues(std::move(after)))
{
    if (const VariableList *current = variablesAt(collection, m_path))
        m_before = withoutSecretValues(*current);
}

const VariableList *SetVariablesCommand::variablesAt(
    const Collection &collection, const QList<int> &path)
{
    if (path.isEmpty())
        return &collection.variables;
    const CollectionItem *item = itemAt(collection, path);
    return item && item->isFolder ? &item->variables : nullptr;
}

QString SetVariablesCommand::text() const
{
    return QCoreApplication::translate("SetVariablesCommand", "Edit variables");
}

DocumentChange SetVariablesCommand::apply(Collection &collection)
{
    if (VariableList *target = slot(collection, m_path))
        *target = m_after;
    return { DocumentChange::Kind::Variables, m_path };
}

DocumentChange SetVariablesCommand::revert(Collection &collection)
{
    if (VariableList *target = slot(collection, m_path))
        *target = m_before;
    return { DocumentChange::Kind::Variables, m_path };
}

bool SetVariablesCommand::absorb(const DocumentCommand &next)
{
    const auto *edit = dynamic_cast<const SetVariablesCommand *>(&next);
    if (!edit || edit->m_path != m_path)
        return false;
    m_after = edit->m_after;
    return true;
}

} // namespace Playground
