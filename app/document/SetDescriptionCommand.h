#pragma once

#include "app/document/DocumentCommand.h"

namespace Playground {

/**
 * The description of the collection (empty path) or of a folder or request is replaced; it is
 * kept in the file as plain text. Consecutive edits of the same description are one undo step.
 */
class SetDescriptionCommand : public DocumentCommand {
public:
    SetDescriptionCommand(const Collection &collection, QList<int> path, QString after);

    /** The description at path, or nullptr when there is no such item. */
    static const QString *descriptionAt(const Collection &collection, const QList<int> &path);

    QString text() const override;
    DocumentChange apply(Collection &collection) override;
    DocumentChange revert(Collection &collection) override;
    bool absorb(const DocumentCommand &next) override;

private:
    void put(Collection &collection, const QString &description) const;

    QList<int> m_path;
    QString m_before;
    QString m_after;
};

} // namespace Playground
