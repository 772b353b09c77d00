#include "app/model/CollectionTreeModel.h"

#include "app/document/CollectionDocument.h"

namespace Playground {

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

void CollectionTreeModel::onChanged(const DocumentChange &change)
{
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
    case Qt::DisplayRole:
        return i->name.isEmpty() ? QStringLiteral("(unnamed)") : i->name;
    case Qt::ToolTipRole:
        if (i->isFolder)
            return i->name;
        return QStringLiteral("%1 %2").arg(i->request.method, i->request.url.raw());
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

} // namespace Playground
