#pragma once

#include "app/document/DocumentCommand.h"

namespace Playground {

/**
 * The variables of the collection (empty path) or of a folder replaced (added, removed, renamed,
 * a value or type changed). Values of "secret" variables never pass through here: they go to the
 * keychain (SECURITY.md: never in an undo stack); such a variable is kept with an empty value.
 */
class SetVariablesCommand : public DocumentCommand {
public:
    SetVariablesCommand(const Collection &collection, VariableList after, QList<int> path = {});

    /** The variables at path: the collection's (empty path) or a folder's; null when none. */
    static const VariableList *variablesAt(const Collection &collection, const QList<int> &path);

    QString text() const override;
    DocumentChange apply(Collection &collection) override;
    DocumentChange revert(Collection &collection) override;
    /** Consecutive edits of the same variables are one undo step. */
    bool absorb(const DocumentCommand &next) override;

private:
    QList<int> m_path;
    VariableList m_before;
    VariableList m_after;
};

} // namespace Playground
