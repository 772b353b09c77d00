#pragma once

#include "app/model/Variable.h"

#include "ui/OrderedUndoCommand.h"
#include <QPointer>

namespace Playground {

class EnvironmentSet;

/**
 * An edit of an environment's values, undoable. Secret values are never held here (SECURITY.md:
 * never in an undo stack): the environment keeps the session's value for a secret given empty.
 */
class EnvironmentUndoCommand : public OrderedUndoCommand {
public:
    EnvironmentUndoCommand(EnvironmentSet *set, int row, VariableList before, VariableList after);

    void redo() override;
    void undo() override;

private:
    QPointer<EnvironmentSet> m_set;
    int m_row;
    VariableList m_before;
    VariableList m_after;
};

} // namespace Playground
