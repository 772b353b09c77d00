#include "app/model/Collection.h"

#include <QJsonArray>

namespace Playground {

namespace {

    bool hasEvents(const QJsonObject &extra)
    {
        const QJsonArray events = extra.value(QLatin1String("event")).toArray();
        for (const QJsonValue &e : events) {
            const QJsonValue exec = e.toObject()
                                        .value(QLatin1String("script"))
                                        .toObject()
                                        .value(QLatin1String("exec"));
            if ((exec.isArray() && !exec.toArray().isEmpty())
                || (exec.isString() && !exec.toString().trimmed().isEmpty()))
                return true;
        }
        return false;
    }

    bool itemsHaveScripts(const QList<CollectionItem> &items)
    {
        for (const CollectionItem &item : items) {
            if (hasEvents(item.extra) || itemsHaveScripts(item.children))
                return true;
        }
        return false;
    }

    const CollectionItem *findIn(const QList<CollectionItem> &items, const QString &name)
    {
        for (const CollectionItem &item : items) {
            if (!item.isFolder)
                continue;
            if (item.name == name)
                return &item;
            if (const CollectionItem *found = findIn(item.children, name))
                return found;
        }
        return nullptr;
    }

} // namespace

bool Collection::hasScripts() const
{
    return hasEvents(extra) || itemsHaveScripts(items);
}

const CollectionItem *Collection::findFolder(const QString &name) const
{
    return findIn(items, name);
}

QList<RequestPath> flattenRequests(
    const QList<CollectionItem> &items, const QList<const CollectionItem *> &parents)
{
    QList<RequestPath> out;
    for (const CollectionItem &item : items) {
        if (item.isFolder) {
            QList<const CollectionItem *> path = parents;
            path.append(&item);
            out += flattenRequests(item.children, path);
        } else {
            out.append({ parents, &item });
        }
    }
    return out;
}

} // namespace Playground
