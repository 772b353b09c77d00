#pragma once

#include <QModelIndex>
#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace Playground {

class CollectionTreeModel;

/**
 * One collection in the sidebar: a header (collapse, name with ● while unsaved, close), the
 * collection's folders and requests (filtered by the sidebar's filter); or a hint when none is
 * open. Its actions
 * (context menu, and the window's Collection menu) edit the collection through the document's
 * commands: new request / folder, rename (F2), duplicate (Ctrl+D), delete (Del).
 */
class CollectionPanel : public QWidget {
    Q_OBJECT
public:
    explicit CollectionPanel(CollectionTreeModel *model, QWidget *parent = nullptr);

    /** Selects a request (an index of the collection model). */
    void select(const QModelIndex &sourceIndex);
    QTreeView *treeView() const { return m_tree; }
    /** Asks the user a yes/no question; tests answer without a modal box. */
    using Confirmer = std::function<bool(const QString &question)>;
    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }
    /** Picks one of choices (folders as "A › B", the top level first); -1 when cancelled. */
    using FolderChooser = std::function<int(const QStringList &choices)>;
    void setFolderChooser(FolderChooser chooser) { m_chooseFolder = std::move(chooser); }
    /** Asks which folder (empty path: the top level) a request goes into; nullopt: cancelled. */
    std::optional<QList<int>> chooseFolder();
    /** New request, new folder, rename, duplicate, delete: for the window's Collection menu. */
    QList<QAction *> editActions() const;
    /** "Edit folder…": the selected folder's settings (enabled on a folder). */
    QAction *editFolderAction() const { return m_editFolderAction; }
    /** The row path of the selected item (empty: none). */
    QList<int> selectedPath() const;
    /** The window's current collection: its name stands out, the others' are dimmed. */
    void setCurrent(bool current);
    /** Shows the requests and folders whose name holds text (any case), and their folders. */
    void setFilter(const QString &text);
    /**
     * The collection named name could not be opened: the problem shows instead of the tree, with
     * Try again (retryRequested) and the header's close button. An empty problem: none.
     */
    void showProblem(const QString &name, const QString &problem);
    /** Only the header shows (the tree is hidden). */
    void setCollapsed(bool collapsed);
    bool isCollapsed() const { return m_collapsed; }

Q_SIGNALS:
    /** The user chose a request or folder (an index of the collection model). */
    void itemChosen(const QModelIndex &sourceIndex);
    void openRequested();
    /** "Run folder…" on a folder: its row path. */
    void runFolderRequested(const QList<int> &folderPath);
    /** "Edit folder…" or a double-click on a folder: its row path. */
    void editFolderRequested(const QList<int> &folderPath);
    /** The user clicked or focused something of this collection. */
    void activated();
    /** Try again, after showProblem(). */
    void retryRequested();
    /** The header's close button. */
    void closeRequested();
    /** A new item must be seen: the sidebar's filter is cleared. */
    void filterClearRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void onModelReset();
    void updateName();
    void createActions();
    void updateActions();
    void addNew(bool folder);
    void duplicateSelected();
    void deleteSelected();

    CollectionTreeModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QStackedWidget *m_stack;
    QWidget *m_header = nullptr;
    QToolButton *m_collapseButton;
    QLabel *m_nameLabel;
    QToolButton *m_closeButton;
    QTreeView *m_tree;
    QLabel *m_hintLabel;
    QPushButton *m_openButton;
    QAction *m_newRequestAction = nullptr;
    QAction *m_newFolderAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_runFolderAction = nullptr;
    QAction *m_editFolderAction = nullptr;
    bool m_current = true;
    bool m_collapsed = false;
    QString m_problemName; ///< the collection that could not be opened
    QString m_problem; ///< why (empty: none)
    Confirmer m_confirm;
    FolderChooser m_chooseFolder;
};

} // namespace Playground
