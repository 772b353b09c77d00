#pragma once

#include <QModelIndex>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;

namespace Playground {

class CollectionTreeModel;

/** The left side: the collection's folders and requests with a filter, or a hint when none is open.
 */
class CollectionPanel : public QWidget {
    Q_OBJECT
public:
    explicit CollectionPanel(CollectionTreeModel *model, QWidget *parent = nullptr);

    /** Selects a request (an index of the collection model). */
    void select(const QModelIndex &sourceIndex);
    QTreeView *treeView() const { return m_tree; }

Q_SIGNALS:
    /** The user chose a request or folder (an index of the collection model). */
    void itemChosen(const QModelIndex &sourceIndex);
    void openRequested();

private:
    void onModelReset();

    CollectionTreeModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QStackedWidget *m_stack;
    QLabel *m_nameLabel;
    QLineEdit *m_filterEdit;
    QTreeView *m_tree;
    QLabel *m_hintLabel;
    QPushButton *m_openButton;
};

} // namespace Playground
