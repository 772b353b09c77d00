#pragma once

#include "app/core/Result.h"

#include <QAbstractItemModel>
#include <QByteArrayView>

#include <memory>

namespace Playground {

/** A parsed JSON document (simdjson's DOM), shared by the models that show it. */
struct JsonTree;

/**
 * A JSON document as a tree: key, value preview and type per row. Parsing happens once with
 * simdjson (on a worker thread, gigabytes per second); rows are made lazily, only when a node is
 * expanded, and then FetchBatch at a time, so an array of a million items costs nothing until it
 * is scrolled.
 */
class JsonTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    /** Larger bodies are not parsed (the parsed form costs about twice the body). */
    static constexpr qint64 MaxBytes = 64 * 1024 * 1024;
    static constexpr int FetchBatch = 500;
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };

    /** Parses json; thread-safe, call it from a worker. The error names the place. */
    static Result<std::shared_ptr<const JsonTree>> parse(QByteArrayView json);

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    void setTree(std::shared_ptr<const JsonTree> tree);
    /** A JSONPath to the row's value: $.data[0].name, $['odd key']. */
    QString pathOf(const QModelIndex &index) const;
    /** The row's value as compact JSON. */
    QString valueTextOf(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    void populate(Node *node, int count);

    std::shared_ptr<const JsonTree> m_tree;
    std::unique_ptr<Node> m_root;
};

} // namespace Playground
