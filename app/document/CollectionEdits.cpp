#include "app/document/CollectionEdits.h"

#include "app/document/InsertItemsCommand.h"

#include <QCoreApplication>

namespace Playground {

namespace {

    QString tr(const char *text)
    {
        return QCoreApplication::translate("CollectionEdits", text);
    }

    const QList<CollectionItem> &childrenAt(const Collection &collection, const QList<int> &parent)
    {
        static const QList<CollectionItem> none;
        if (parent.isEmpty())
            return collection.items;
        const CollectionItem *item = itemAt(collection, parent);
        return item ? item->children : none;
    }

} // namespace

QList<int> CollectionEdits::insertionPath(const Collection &collection, const QList<int> &selected)
{
    const CollectionItem *item = selected.isEmpty() ? nullptr : itemAt(collection, selected);
    if (!item)
        return { int(collection.items.size()) };
    if (item->isFolder)
        return selected + QList<int> { int(item->children.size()) };
    QList<int> after = selected;
    ++after.last();
    return after;
}

QString CollectionEdits::freeName(const QList<CollectionItem> &siblings, const QString &base)
{
    const auto taken = [&](const QString &name) {
        return std::any_of(siblings.begin(), siblings.end(),
            [&](const CollectionItem &item) { return item.name == name; });
    };
    QString name = base;
    for (int n = 2; taken(name); ++n)
        name = QStringLiteral("%1 %2").arg(base).arg(n);
    return name;
}

std::unique_ptr<InsertItemsCommand> CollectionEdits::newItem(
    const Collection &collection, const QList<int> &selected, bool folder)
{
    const QList<int> path = insertionPath(collection, selected);
    CollectionItem item;
    item.isFolder = folder;
    item.name = freeName(childrenAt(collection, path.first(path.size() - 1)),
        folder ? tr("New folder") : tr("New request"));
    item.request.name = item.name;
    return std::make_unique<InsertItemsCommand>(
        path, QList<CollectionItem> { item }, folder ? tr("New folder") : tr("New request"));
}

std::unique_ptr<InsertItemsCommand> CollectionEdits::duplicate(
    const Collection &collection, const QList<int> &path)
{
    const CollectionItem *item = itemAt(collection, path);
    if (!item)
        return nullptr;
    CollectionItem copy = *item;
    copy.extra.remove(QStringLiteral("id")); // Postman ids name one item
    copy.name = freeName(
        childrenAt(collection, path.first(path.size() - 1)), tr("%1 copy").arg(item->name));
    copy.request.name = copy.name;
    QList<int> after = path;
    ++after.last();
    return std::make_unique<InsertItemsCommand>(
        after, QList<CollectionItem> { copy }, tr("Duplicate"));
}

std::unique_ptr<InsertItemsCommand> CollectionEdits::addRequest(
    const Collection &collection, const QList<int> &folder, const RequestSpec &request)
{
    const QList<CollectionItem> &siblings = childrenAt(collection, folder);
    CollectionItem item;
    item.name = freeName(siblings,
        request.name.isEmpty() ? QStringLiteral("%1 %2").arg(request.method, request.url.raw())
                               : request.name);
    item.request = request;
    item.request.name = item.name;
    return std::make_unique<InsertItemsCommand>(folder + QList<int> { int(siblings.size()) },
        QList<CollectionItem> { item }, tr("Save to collection"));
}

} // namespace Playground
