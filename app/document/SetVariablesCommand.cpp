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

} // namespace

SetVariablesCommand::SetVariablesCommand(const Collection &collection, VariableList after)
    : m_before(withoutSecretValues(collection.variables))
    , m_after(withoutSecretValues(std::move(after)))
{
}

QString SetVariablesCommand::text() const
{
    return QCoreApplication::translate("SetVariablesCommand", "Edit variables");
}

DocumentChange SetVariablesCommand::apply(Collection &collection)
{
    collection.variables = m_after;
    return { DocumentChange::Kind::Variables, {} };
}

DocumentChange SetVariablesCommand::revert(Collection &collection)
{
    collection.variables = m_before;
    return { DocumentChange::Kind::Variables, {} };
}

bool SetVariablesCommand::absorb(const DocumentCommand &next)
{
    const auto *edit = dynamic_cast<const SetVariablesCommand *>(&next);
    if (!edit)
        return false;
    m_after = edit->m_after;
    return true;
}

} // namespace Playground
