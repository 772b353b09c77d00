#pragma once

#include "app/document/DocumentCommand.h"

namespace Playground {

/**
 * The collection's variables replaced (added, removed, renamed, a value or type changed). Values of
 * "secret" variables never pass through here: they go to the keychain (SECURITY.md: never in an
 * undo stack); such a variable is kept with an empty value.
 */
class SetVariablesCommand : public DocumentCommand {
public:
    SetVariablesCommand(const Collection &collection, VariableList after);

    QString text() const override;
    DocumentChange apply(Collection &collection) override;
    DocumentChange revert(Collection &collection) override;
    /** Consecutive edits of the variables are one undo step. */
    bool absorb(const DocumentCommand &next) override;

private:
    VariableList m_before;
    VariableList m_after;
};

} // namespace Playground
