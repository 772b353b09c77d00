#pragma once

#include "app/document/DocumentCommand.h"

#include "ui/OrderedUndoCommand.h"
#include <memory>

namespace Playground {

class CollectionDocument;

/** A document's edit on its collection's undo stack: redo/undo ask the document to apply/revert it.
 */
class DocumentUndoCommand : public OrderedUndoCommand {
public:
    static constexpr int MergeId = 0x504c47; ///< every document edit may try to merge

    DocumentUndoCommand(CollectionDocument *document, std::unique_ptr<DocumentCommand> command);

    void redo() override;
    void undo() override;
    int id() const override { return MergeId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    CollectionDocument *m_document;
    std::unique_ptr<DocumentCommand> m_command;
};

} // namespace Playground
