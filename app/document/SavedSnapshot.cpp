#include "app/document/SavedSnapshot.h"

#include "app/document/CollectionDocument.h"
#include "app/formats/PostmanWriter.h"

#include <QJsonArray>
#include <algorithm>

namespace Playground {

namespace {

    /** The item as the file would hold it: the one comparison every field takes part in. */
    QJsonValue itemJson(const CollectionItem &item)
    {
        Collection single;
        single.items = { item };
        return PostmanWriter::collectionJson(single).value(QLatin1String("item")).toArray().at(0);
    }

    /** The names of the items along rowPath in items; empty when the path leads nowhere. */
    QStringList namesAt(const QList<CollectionItem> &items, const QList<int> &rowPath)
    {
        QStringList names;
        const QList<CollectionItem> *level = &items;
        for (int row : rowPath) {
            if (row < 0 || row >= level->size())
                return {};
            names.append(level->at(row).name);
            level = &level->at(row).children;
        }
        return names;
    }

    const CollectionItem *itemAt(const QList<CollectionItem> &items, const QList<int> &rowPath)
    {
        const CollectionItem *found = nullptr;
        const QList<CollectionItem> *level = &items;
        for (int row : rowPath) {
            if (row < 0 || row >= level->size())
                return nullptr;
            found = &level->at(row);
            level = &found->children;
        }
        return found;
    }

} // namespace

SavedSnapshot::SavedSnapshot(CollectionDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    connect(document, &CollectionDocument::reset, this, &SavedSnapshot::take);
    connect(document, &CollectionDocument::dirtyChanged, this, [this](bool dirty) {
        if (!dirty)
            take();
    });
    take();
}

void SavedSnapshot::take()
{
    m_saved = m_document->collection();
    Q_EMIT updated();
}

const CollectionItem *SavedSnapshot::savedItem(const QList<int> &rowPath) const
{
    const QStringList names = namesAt(m_document->collection().items, rowPath);
    if (names.isEmpty())
        return nullptr;
    const CollectionItem *found = nullptr;
    const QList<CollectionItem> *level = &m_saved.items;
    for (const QString &name : names) {
        const auto at = std::find_if(level->begin(), level->end(),
            [&](const CollectionItem &item) { return item.name == name; });
        if (at == level->end())
            return nullptr;
        found = &*at;
        level = &found->children;
    }
    return found;
}

bool SavedSnapshot::isModified(const QList<int> &rowPath) const
{
    const CollectionItem *now = itemAt(m_document->collection().items, rowPath);
    if (!now)
        return false;
    if (!m_document->isDirty())
        return false;
    const CollectionItem *saved = savedItem(rowPath);
    return !saved || itemJson(*saved) != itemJson(*now);
}

} // namespace Playground
