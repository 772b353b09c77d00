#include "ui/DocumentUndoCommand.h"

#include "app/document/CollectionDocument.h"

namespace Playground {

DocumentUndoCommand::DocumentUndoCommand(
    CollectionDocument *document, std::unique_ptr<DocumentCommand> command)
    : OrderedUndoCommand(command->text())
    , m_document(document)
    , m_command(std::move(command))
{
}

void DocumentUndoCommand::redo()
{
    m_document->redo(*m_command);
}

void DocumentUndoCommand::undo()
{
    m_document->undo(*m_command);
}

bool DocumentUndoCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const DocumentUndoCommand *>(other);
    if (next->m_document != m_document || !m_command->absorb(*next->m_command))
        return false;
    m_document->merged(*m_command, *next->m_command);
    takeOrderOf(*next);
    return true;
}

} // namespace Playground
