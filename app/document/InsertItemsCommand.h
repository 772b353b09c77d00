#pragma once

#include "app/document/DocumentCommand.h"

namespace Playground {

/** New, duplicated or pasted items: inserted at a row path (the first one's), removed on undo. */
class InsertItemsCommand : public DocumentCommand {
public:
    /** text names the step for the Edit menu ("New request", "Duplicate"...). */
    InsertItemsCommand(QList<int> path, QList<CollectionItem> items, QString text);

    QString text() const override { return m_text; }
    DocumentChange apply(Collection &collection) override;
    DocumentChange revert(Collection &collection) override;
    std::optional<DocumentChange> structuralChange(bool reverting) const override;

    const QList<int> &path() const { return m_path; }

private:
    QList<int> m_path;
    QList<CollectionItem> m_items;
    QString m_text;
};

} // namespace Playground
