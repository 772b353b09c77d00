#pragma once

#include "app/document/DocumentCommand.h"

#include <optional>

namespace Playground {

/**
 * The auth block of the collection (empty path), a folder or a request is set, replaced or
 * removed (nullopt: inherit from above, as Postman and newman read a missing block).
 */
class SetAuthCommand : public DocumentCommand {
public:
    SetAuthCommand(const Collection &collection, QList<int> path, std::optional<AuthSpec> after);

    QString text() const override;
    DocumentChange apply(Collection &collection) override;
    DocumentChange revert(Collection &collection) override;
    /** Typing in one field (same item, same auth type) is one undo step; a new type is its own. */
    bool absorb(const DocumentCommand &next) override;

    /** The slot holding the auth at path, or nullptr when there is no such item. */
    static std::optional<AuthSpec> *slot(Collection &collection, const QList<int> &path);
    static const std::optional<AuthSpec> *slot(
        const Collection &collection, const QList<int> &path);

private:
    QList<int> m_path;
    std::optional<AuthSpec> m_before;
    std::optional<AuthSpec> m_after;
};

} // namespace Playground
