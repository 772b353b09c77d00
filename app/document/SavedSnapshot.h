#pragma once

#include "app/model/Collection.h"

#include <QObject>

namespace Playground {

class CollectionDocument;

/**
 * The collection as it was last opened or saved, so a view can tell which requests differ from
 * the file (a tab's "modified" marker) and what a request looked like there (discarding a tab's
 * edits). It only observes the document, which stays the one owner of the collection.
 */
class SavedSnapshot : public QObject {
    Q_OBJECT
public:
    explicit SavedSnapshot(CollectionDocument *document, QObject *parent = nullptr);

    /** The saved version of the document's item at rowPath (matched by names), or nullptr. */
    const CollectionItem *savedItem(const QList<int> &rowPath) const;
    /** True when the document's item at rowPath differs from the file, or is not in it. */
    bool isModified(const QList<int> &rowPath) const;

Q_SIGNALS:
    /** The snapshot was taken again (opened, saved, or back to the saved state). */
    void updated();

private:
    void take();

    CollectionDocument *m_document;
    Collection m_saved;
};

} // namespace Playground
