#pragma once

#include "app/model/RequestEdit.h"

#include "app/model/Collection.h"

#include <QAbstractItemModel>
#include <memory>
#include <vector>

namespace Playground {

/**
 * The folders and requests of one collection as a tree. The model owns the Collection; views
 * read it, and the editor writes back the fields it edits with applyEdit(). Items are found by
 * their row path from the top, so the collection's lists can be copied safely while the model
 * lives.
 */
class CollectionTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role {
        MethodRole = Qt::UserRole + 1, ///< QString: the request's method; empty for folders
        IsFolderRole, ///< bool
        UrlRole, ///< QString: the request's URL as typed
    };

    explicit CollectionTreeModel(QObject *parent = nullptr);
    ~CollectionTreeModel() override;

    void setCollection(Collection collection);
    void clear();
    bool hasCollection() const { return m_hasCollection; }
    const Collection &collection() const { return m_collection; }
    /**
     * For editors of collection-level data the tree does not show (auth blocks, the id); changes
     * to names, folders or requests go through applyEdit() so views update.
     */
    Collection *collectionForAuthEdits() { return &m_collection; }

    /** The item at index (folder or request), or nullptr. Valid until the model changes. */
    const CollectionItem *item(const QModelIndex &index) const;
    bool isRequest(const QModelIndex &index) const;
    /** The request with its folders, for RequestResolver::scopesFor(). */
    RequestPath requestPath(const QModelIndex &index) const;
    /** Replaces the request at index (edits from the editor); the name shown follows spec.name. */
    /** Writes the editor's fields into the request at index; the rest of it is kept. */
    bool applyEdit(const QModelIndex &index, const RequestEdit &edit);
    /** The first request in collection order, or an invalid index. */
    QModelIndex firstRequest(const QModelIndex &parent = {}) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Node;
    Node *node(const QModelIndex &index) const;
    QList<int> rowPath(const Node *node) const;
    CollectionItem *mutableItem(const Node *node);
    const CollectionItem *constItem(const Node *node) const;
    void build(Node *parent, const QList<CollectionItem> &items);

    Collection m_collection;
    bool m_hasCollection = false;
    std::unique_ptr<Node> m_root;
};

} // namespace Playground
