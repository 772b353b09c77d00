#include "app/model/CollectionTreeModel.h"

#include "app/core/PlainToolTip.h"
#include "app/document/CollectionDocument.h"
#include "app/document/InsertItemsCommand.h"
#include "app/document/MoveItemCommand.h"
#include "app/document/RemoveItemsCommand.h"
#include "app/document/RenameItemCommand.h"
#include "app/formats/LiteralCredentials.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

namespace Playground {

namespace {

    const QString RowPathMimeType = QStringLiteral("application/x-api-playground-item-path");

} // namespace

struct CollectionTreeModel::Node {
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;
};

CollectionTreeModel::CollectionTreeModel(CollectionDocument *document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
    , m_root(std::make_unique<Node>())
{
    connect(m_document, &CollectionDocument::reset, this, &CollectionTreeModel::rebuild);
    connect(m_document, &CollectionDocument::aboutToChange, this,
        &CollectionTreeModel::onAboutToChange);
    connect(m_document, &CollectionDocument::changed, this, &CollectionTreeModel::onChanged);
    rebuild();
}

CollectionTreeModel::~CollectionTreeModel() = default;

bool CollectionTreeModel::hasCollection() const
{
    return m_document->isOpen();
}

const Collection &CollectionTreeModel::collection() const
{
    return m_document->collection();
}

void CollectionTreeModel::rebuild()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    build(m_root.get(), m_document->collection().items);
    endResetModel();
}

void CollectionTreeModel::onAboutToChange(const DocumentChange &change)
{
    // A change the rows cannot describe (a command naming rows that are not there) resets.
    const auto resetInstead = [this] {
        beginResetModel();
        m_pending = Pending { nullptr, 0, nullptr, 0, true };
    };
    if (change.path.isEmpty() || change.count < 1)
        return resetInstead();
    const QList<int> parentPath = change.path.first(change.path.size() - 1);
    const QModelIndex parent = indexAt(parentPath);
    if (!parentPath.isEmpty() && !parent.isValid())
        return resetInstead();
    const int row = change.path.last();
    const int rows = rowCount(parent);
    Pending pending { node(parent), row };
    switch (change.kind) {
    case DocumentChange::Kind::ItemsInserted:
        if (row < 0 || row > rows)
            return resetInstead();
        beginInsertRows(parent, row, row + change.count - 1);
        break;
    case DocumentChange::Kind::ItemsRemoved:
        if (row < 0 || row + change.count > rows)
            return resetInstead();
        beginRemoveRows(parent, row, row + change.count - 1);
        break;
    case DocumentChange::Kind::ItemMoved: {
        if (change.destination.isEmpty() || row < 0 || row >= rows)
            return resetInstead();
        const QList<int> toPath = change.destination.first(change.destination.size() - 1);
        const QModelIndex to = indexAt(toPath);
        pending.destination = node(to);
        pending.destinationRow = change.destination.last();
        if ((!toPath.isEmpty() && !to.isValid()) || pending.destinationRow < 0
            || pending.destinationRow > rowCount(to)
            || !beginMoveRows(parent, row, row, to, pending.destinationRow))
            return resetInstead();
        break;
    }
    default:
        return;
    }
    m_pending = pending;
}

void CollectionTreeModel::insertNodes(Node *parent, int row, int count)
{
    const QList<int> parentPath = rowPath(parent);
    const CollectionItem *parentItem = itemAt(m_document->collection(), parentPath);
    const QList<CollectionItem> &items
        = parentPath.isEmpty() ? m_document->collection().items : parentItem->children;
    for (int i = 0; i < count; ++i) {
        auto child = std::make_unique<Node>();
        child->parent = parent;
        build(child.get(), items.at(row + i).children);
        parent->children.insert(parent->children.begin() + row + i, std::move(child));
    }
}

namespace {

    template <typename NodeT> void renumber(NodeT *parent)
    {
        for (size_t i = 0; i < parent->children.size(); ++i)
            parent->children.at(i)->row = int(i);
    }

} // namespace

void CollectionTreeModel::onChanged(const DocumentChange &change)
{
    if (change.isStructural()) {
        if (!m_pending) { // not announced: start over
            rebuild();
            return;
        }
        const Pending p = *m_pending;
        m_pending.reset();
        if (p.reset) {
            m_root = std::make_unique<Node>();
            build(m_root.get(), m_document->collection().items);
            endResetModel();
            return;
        }
        switch (change.kind) {
        case DocumentChange::Kind::ItemsInserted:
            insertNodes(p.parent, p.row, change.count);
            renumber(p.parent);
            endInsertRows();
            break;
        case DocumentChange::Kind::ItemsRemoved:
            p.parent->children.erase(p.parent->children.begin() + p.row,
                p.parent->children.begin() + p.row + change.count);
            renumber(p.parent);
            endRemoveRows();
            break;
        default: {
            std::unique_ptr<Node> moved = std::move(p.parent->children.at(p.row));
            p.parent->children.erase(p.parent->children.begin() + p.row);
            int to = p.destinationRow;
            if (p.destination == p.parent && to > p.row)
                --to;
            moved->parent = p.destination;
            p.destination->children.insert(p.destination->children.begin() + to, std::move(moved));
            renumber(p.parent);
            renumber(p.destination);
            endMoveRows();
            break;
        }
        }
        return;
    }
    if (change.kind != DocumentChange::Kind::Item)
        return;
    const QModelIndex changed = indexAt(change.path);
    if (changed.isValid())
        Q_EMIT dataChanged(changed, changed);
}

QList<int> CollectionTreeModel::rowPath(const QModelIndex &index) const
{
    return index.isValid() ? rowPath(node(index)) : QList<int> {};
}

QList<int> CollectionTreeModel::pathOfNames(const QStringList &names) const
{
    QList<int> path;
    const QList<CollectionItem> *items = &m_document->collection().items;
    for (const QString &name : names) {
        const auto found = std::find_if(items->begin(), items->end(),
            [&](const CollectionItem &item) { return item.name == name; });
        if (found == items->end())
            return {};
        path.append(int(found - items->begin()));
        items = &found->children;
    }
    return path;
}

QModelIndex CollectionTreeModel::indexAt(const QList<int> &path) const
{
    QModelIndex at;
    for (int row : path) {
        at = index(row, 0, at);
        if (!at.isValid())
            return {};
    }
    return at;
}

void CollectionTreeModel::build(Node *parent, const QList<CollectionItem> &items)
{
    for (int row = 0; row < items.size(); ++row) {
        auto child = std::make_unique<Node>();
        child->parent = parent;
        child->row = row;
        build(child.get(), items.at(row).children);
        parent->children.push_back(std::move(child));
    }
}

CollectionTreeModel::Node *CollectionTreeModel::node(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return m_root.get();
    return static_cast<Node *>(index.internalPointer());
}

QList<int> CollectionTreeModel::rowPath(const Node *n) const
{
    QList<int> rows;
    for (; n && n != m_root.get(); n = n->parent)
        rows.prepend(n->row);
    return rows;
}

const CollectionItem *CollectionTreeModel::constItem(const Node *n) const
{
    const QList<int> rows = rowPath(n);
    return rows.isEmpty() ? nullptr : itemAt(m_document->collection(), rows);
}

const CollectionItem *CollectionTreeModel::item(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    return constItem(node(index));
}

bool CollectionTreeModel::isRequest(const QModelIndex &index) const
{
    const CollectionItem *i = item(index);
    return i && !i->isFolder;
}

RequestPath CollectionTreeModel::requestPath(const QModelIndex &index) const
{
    RequestPath path;
    if (!isRequest(index))
        return path;
    const Node *n = node(index);
    path.item = constItem(n);
    for (const Node *p = n->parent; p && p != m_root.get(); p = p->parent)
        path.folders.prepend(constItem(p));
    return path;
}

QModelIndex CollectionTreeModel::firstRequest(const QModelIndex &parent) const
{
    for (int row = 0; row < rowCount(parent); ++row) {
        const QModelIndex child = index(row, 0, parent);
        if (isRequest(child))
            return child;
        const QModelIndex nested = firstRequest(child);
        if (nested.isValid())
            return nested;
    }
    return {};
}

QModelIndex CollectionTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    const Node *p = node(parent);
    if (row >= static_cast<int>(p->children.size()))
        return {};
    return createIndex(row, column, p->children.at(row).get());
}

QModelIndex CollectionTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *n = node(child);
    if (!n->parent || n->parent == m_root.get())
        return {};
    return createIndex(n->parent->row, 0, n->parent);
}

int CollectionTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(node(parent)->children.size());
}

int CollectionTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant CollectionTreeModel::data(const QModelIndex &index, int role) const
{
    const CollectionItem *i = item(index);
    if (!i)
        return {};
    switch (role) {
    case Qt::EditRole:
        return i->name;
    case Qt::DisplayRole:
        return i->name.isEmpty() ? QStringLiteral("(unnamed)") : i->name;
    case Qt::ToolTipRole:
        if (i->isFolder)
            return plainToolTip(i->name);
        return plainToolTip(QStringLiteral("%1 %2").arg(i->request.method, i->request.url.raw()));
    case MethodRole:
        return i->isFolder ? QString() : i->request.method;
    case IsFolderRole:
        return i->isFolder;
    case UrlRole:
        return i->isFolder ? QString() : i->request.url.raw();
    case Qt::AccessibleTextRole:
        return i->isFolder ? QStringLiteral("Folder %1").arg(i->name)
                           : QStringLiteral("%1 %2").arg(i->request.method, i->name);
    default:
        return {};
    }
}

Qt::ItemFlags CollectionTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags f = QAbstractItemModel::flags(index) | Qt::ItemIsDragEnabled | Qt::ItemIsEditable;
    if (const CollectionItem *i = item(index); i && i->isFolder)
        f |= Qt::ItemIsDropEnabled;
    return f;
}

bool CollectionTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const CollectionItem *i = item(index);
    const QString name = value.toString().trimmed();
    if (!i || role != Qt::EditRole || name.isEmpty())
        return false;
    if (name != i->name)
        m_document->submit(std::make_unique<RenameItemCommand>(rowPath(index), i->name, name));
    return true;
}

Qt::DropActions CollectionTreeModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions CollectionTreeModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList CollectionTreeModel::mimeTypes() const
{
    return { RowPathMimeType };
}

QMimeData *CollectionTreeModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty() || !indexes.first().isValid())
        return nullptr;
    QByteArray encoded;
    QDataStream out(&encoded, QIODevice::WriteOnly);
    // Which document: a drop elsewhere (another window) moves it between collections.
    out << m_document->identity() << rowPath(indexes.first());
    auto *data = new QMimeData;
    data->setData(RowPathMimeType, encoded);
    return data;
}

CollectionTreeModel::Drop CollectionTreeModel::dropTarget(
    const QMimeData *data, int row, const QModelIndex &parent) const
{
    if (!data || !data->hasFormat(RowPathMimeType) || !m_document->isOpen())
        return {};
    QDataStream in(data->data(RowPathMimeType));
    quint64 identity = 0;
    QList<int> from;
    in >> identity >> from;
    CollectionDocument *source = CollectionDocument::withIdentity(identity);
    if (in.status() != QDataStream::Ok || !source || !source->isOpen())
        return {};
    QList<int> toParent = rowPath(parent);
    if (parent.isValid() && isRequest(parent)) { // dropped on a request: after it
        row = toParent.takeLast() + 1;
    } else if (row < 0) {
        row = rowCount(parent); // on a folder: at its end
    }
    if (source == m_document) {
        if (!MoveItemCommand::isValid(m_document->collection(), from, toParent, row))
            return {};
    } else {
        const QModelIndex into = indexAt(toParent);
        if (from.isEmpty() || !itemAt(source->collection(), from)
            || (!toParent.isEmpty() && (!into.isValid() || isRequest(into))) || row < 0
            || row > rowCount(into))
            return {};
    }
    return { source, from, toParent, row };
}

namespace {

    /** The variables of the collection and of the folders above path that items mention. */
    QStringList variablesUsed(
        const Collection &collection, const QList<int> &path, const CollectionItem &moved)
    {
        QList<const QList<Variable> *> scopes { &collection.variables };
        for (qsizetype depth = 1; depth < path.size(); ++depth) {
            if (const CollectionItem *folder = itemAt(collection, path.first(depth)))
                scopes.append(&folder->variables);
        }
        const QList<RequestPath> requests = moved.isFolder
            ? flattenRequests(moved.children)
            : QList<RequestPath> { RequestPath { {}, &moved } };
        QStringList names;
        for (const QList<Variable> *scope : scopes) {
            for (const Variable &v : *scope) {
                if (names.contains(v.key))
                    continue;
                for (const RequestPath &request : requests) {
                    if (LiteralCredentials::mentions(request.item->request, v.key)) {
                        names.append(v.key);
                        break;
                    }
                }
            }
        }
        return names;
    }

} // namespace

bool CollectionTreeModel::canDropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent) const
{
    return action == Qt::MoveAction && !dropTarget(data, row, parent).from.isEmpty();
}

bool CollectionTreeModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent)
{
    if (action != Qt::MoveAction)
        return false;
    const Drop drop = dropTarget(data, row, parent);
    if (drop.from.isEmpty())
        return false;
    if (drop.source == m_document) {
        m_document->submit(std::make_unique<MoveItemCommand>(drop.from, drop.toParent, drop.row));
        return true;
    }
    // From another collection: a copy in, then the original out.
    const CollectionItem moved = *itemAt(drop.source->collection(), drop.from);
    const QStringList defined
        = variablesUsed(m_document->collection(), drop.toParent + QList<int> { 0 }, moved);
    QStringList missing;
    for (const QString &name : variablesUsed(drop.source->collection(), drop.from, moved)) {
        if (!defined.contains(name))
            missing.append(name);
    }
    const QString sourceName = drop.source->collection().name;
    m_document->submit(std::make_unique<InsertItemsCommand>(drop.toParent + QList<int> { drop.row },
        QList<CollectionItem> { moved }, tr("Move from %1").arg(sourceName)));
    drop.source->submit(std::make_unique<RemoveItemsCommand>(drop.from));
    Q_EMIT movedIn(sourceName, missing);
    return true;
}

} // namespace Playground
