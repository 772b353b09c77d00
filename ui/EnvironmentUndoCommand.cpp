#include "ui/EnvironmentUndoCommand.h"

#include "app/auth/EnvironmentSecrets.h"
#include "app/document/EnvironmentSet.h"

#include <QCoreApplication>

namespace Playground {

EnvironmentUndoCommand::EnvironmentUndoCommand(
    EnvironmentSet *set, int row, VariableList before, VariableList after)
    : m_set(set)
    , m_row(row)
    , m_before(EnvironmentSecrets::withoutSecretValues(std::move(before)))
    , m_after(EnvironmentSecrets::withoutSecretValues(std::move(after)))
{
    setText(QCoreApplication::translate("EnvironmentUndoCommand", "Edit environment"));
}

void EnvironmentUndoCommand::redo()
{
    if (m_set)
        m_set->setValues(m_row, m_after);
}

void EnvironmentUndoCommand::undo()
{
    if (m_set)
        m_set->setValues(m_row, m_before);
}

} // namespace Playground
