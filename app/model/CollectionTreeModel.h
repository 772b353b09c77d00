#pragma once

#include "app/document/DocumentChange.h"
#include "app/model/Collection.h"

#include <QAbstractItemModel>
#include <memory>
#include <optional>
#include <vector>

namespace Playground {

class CollectionDocument;

/**
 * The folders and requests of one collection document as a tree. It only observes the document
 * (which owns the collection); edits go to the document as commands. Items are found by their
 * row path from the top.
 */
class CollectionTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role {
        MethodRole = Qt::UserRole + 1, ///< QString: the request's method; empty for folders
        IsFolderRole, ///< bool
        UrlRole, ///< QString: the request's URL as typed
    };

    explicit CollectionTreeModel(CollectionDocument *document, QObject *parent = nullptr);
    ~CollectionTreeModel() override;

    bool hasCollection() const;
    const Collection &collection() const;
    CollectionDocument *document() const { return m_document; }

    /** The item at index (folder or request), or nullptr. Valid until the model changes. */
    const CollectionItem *item(const QModelIndex &index) const;
    bool isRequest(const QModelIndex &index) const;
    /** The request with its folders, for VariableScopes::forRequest(). */
    RequestPath requestPath(const QModelIndex &index) const;
    /** The row path of index from the top (what document commands name items by). */
    QList<int> rowPath(const QModelIndex &index) const;
    /** The row path of the item with these names (folders, then the item); empty if none. */
    QList<int> pathOfNames(const QStringList &names) const;
    /** The index of the item at a row path; invalid when there is none. */
    QModelIndex indexAt(const QList<int> &path) const;
    /** The first request in collection order, or an invalid index. */
    QModelIndex firstRequest(const QModelIndex &parent = {}) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /** A new name (EditRole) reaches the document as a RenameItemCommand. */
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    /**
     * Drag and drop moves items within the collection (a MoveItemCommand), or from another open
     * collection (inserted here, removed there: one undo step in each).
     */
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    /** The row path of the first index, for dropMimeData() of this model. */
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) override;

Q_SIGNALS:
    /**
     * Items came from the collection named source by drag and drop; missing names the variables
     * of that collection (or its folders) they use that this one does not define.
     */
    void movedIn(const QString &source, const QStringList &missing);

private:
    struct Node;
    struct Drop {
        CollectionDocument *source = nullptr;
        QList<int> from;
        QList<int> toParent;
        int row = -1;
    };
    /** What a drop would move where; from is empty when it would not. */
    Drop dropTarget(const QMimeData *data, int row, const QModelIndex &parent) const;
    void onAboutToChange(const DocumentChange &change);
    void insertNodes(Node *parent, int row, int count);
    Node *node(const QModelIndex &index) const;
    QList<int> rowPath(const Node *node) const;
    const CollectionItem *constItem(const Node *node) const;
    void build(Node *parent, const QList<CollectionItem> &items);
    void rebuild();
    void onChanged(const DocumentChange &change);

    CollectionDocument *m_document;
    std::unique_ptr<Node> m_root;
    /** The rows begun in onAboutToChange(), ended in onChanged(). */
    struct Pending {
        Node *parent = nullptr;
        int row = 0;
        Node *destination = nullptr;
        int destinationRow = 0;
        bool reset = false; ///< begun as a reset: the change named rows that are not there
    };
    std::optional<Pending> m_pending;
};

} // namespace Playground
