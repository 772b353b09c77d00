#include "ui/CollectionPanel.h"

#include "app/core/PlainToolTip.h"
#include "app/document/CollectionDocument.h"
#include "app/document/CollectionEdits.h"
#include "app/document/RemoveItemsCommand.h"
#include "app/model/CollectionTreeModel.h"
#include "ui/CollectionItemDelegate.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Playground {

CollectionPanel::CollectionPanel(CollectionTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_stack(new QStackedWidget(this))
    , m_collapseButton(new QToolButton(this))
    , m_nameLabel(new QLabel(this))
    , m_closeButton(new QToolButton(this))
    , m_tree(new QTreeView(this))
    , m_hintLabel(new QLabel(this))
    , m_openButton(new QPushButton(tr("Open collection…"), this))
{
    setObjectName(QStringLiteral("collectionPanel"));
    m_proxy->setSourceModel(model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_nameLabel->setObjectName(QStringLiteral("collectionNameLabel"));
    m_nameLabel->setTextFormat(Qt::PlainText);
    m_nameLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_collapseButton->setObjectName(QStringLiteral("collapseCollectionButton"));
    m_collapseButton->setAutoRaise(true);
    m_collapseButton->setArrowType(Qt::DownArrow);
    m_collapseButton->setAccessibleName(tr("Collapse the collection"));
    m_collapseButton->setToolTip(tr("Collapse or expand the collection"));
    m_closeButton->setObjectName(QStringLiteral("closeCollectionButton"));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setText(QStringLiteral("✕"));
    m_closeButton->setAccessibleName(tr("Close the collection"));
    m_closeButton->setToolTip(tr("Close the collection (it asks first when it has unsaved edits)"));
    connect(m_collapseButton, &QToolButton::clicked, this, [this] { setCollapsed(!m_collapsed); });
    connect(m_closeButton, &QToolButton::clicked, this, &CollectionPanel::closeRequested);
    connect(
        m_model->document(), &CollectionDocument::dirtyChanged, this, &CollectionPanel::updateName);

    m_tree->setObjectName(QStringLiteral("collectionTreeView"));
    m_tree->setAccessibleName(tr("Collection"));
    m_tree->setModel(m_proxy);
    m_tree->setItemDelegate(new CollectionItemDelegate(m_tree));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    // Drops from another window move items between collections (CollectionTreeModel).
    m_tree->setDragDropMode(QAbstractItemView::DragDrop);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);

    m_header = new QWidget(this);
    auto *header = new QHBoxLayout(m_header);
    header->setContentsMargins(0, 0, 0, 0);
    header->setSpacing(2);
    header->addWidget(m_collapseButton);
    header->addWidget(m_nameLabel, 1);
    header->addWidget(m_closeButton);

    m_hintLabel->setObjectName(QStringLiteral("emptyHintLabel"));
    m_hintLabel->setTextFormat(Qt::PlainText);
    m_hintLabel->setWordWrap(true);
    m_hintLabel->setAlignment(Qt::AlignCenter);
    m_hintLabel->setForegroundRole(QPalette::PlaceholderText);
    m_openButton->setObjectName(QStringLiteral("openCollectionButton"));
    m_openButton->setAccessibleName(tr("Open a collection"));
    auto *hintPage = new QWidget(this);
    auto *hintLayout = new QVBoxLayout(hintPage);
    hintLayout->addStretch(1);
    hintLayout->addWidget(m_hintLabel);
    hintLayout->addWidget(m_openButton, 0, Qt::AlignHCenter);
    hintLayout->addStretch(2);

    m_stack->addWidget(hintPage);
    m_stack->addWidget(m_tree);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 2);
    layout->setSpacing(4);
    layout->addWidget(m_header);
    layout->addWidget(m_stack, 1);

    connect(m_openButton, &QPushButton::clicked, this, [this] {
        if (m_problem.isEmpty())
            Q_EMIT openRequested();
        else
            Q_EMIT retryRequested();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid())
                Q_EMIT itemChosen(m_proxy->mapToSource(current));
        });
    connect(m_model, &QAbstractItemModel::modelReset, this, &CollectionPanel::onModelReset);
    // Working in a collection's tree makes it the window's current one.
    m_tree->installEventFilter(this);
    createActions();
    onModelReset();
}

void CollectionPanel::createActions()
{
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Delete"), question) == QMessageBox::Yes;
    };
    m_chooseFolder = [this](const QStringList &choices) {
        bool ok = false;
        const QString chosen = QInputDialog::getItem(
            this, tr("Save to collection"), tr("Folder:"), choices, 0, false, &ok);
        return ok ? int(choices.indexOf(chosen)) : -1;
    };
    const auto make = [this](const QString &text, const char *name, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        // Keys act on the tree only: Del in a text field still deletes text.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_tree->addAction(action);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_newRequestAction = make(tr("New &request"), "newRequestAction", [this] { addNew(false); });
    m_newFolderAction = make(tr("New &folder"), "newFolderAction", [this] { addNew(true); });
    m_renameAction = make(tr("Re&name"), "renameAction", [this] {
        m_tree->scrollTo(m_tree->currentIndex());
        m_tree->edit(m_tree->currentIndex());
    });
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_duplicateAction
        = make(tr("&Duplicate"), "duplicateAction", &CollectionPanel::duplicateSelected);
    m_duplicateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_deleteAction = make(tr("De&lete"), "deleteAction", &CollectionPanel::deleteSelected);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_runFolderAction = make(tr("R&un folder…"), "runFolderAction",
        [this] { Q_EMIT runFolderRequested(selectedPath()); });
    m_editFolderAction = make(tr("&Edit folder…"), "editFolderAction",
        [this] { Q_EMIT editFolderRequested(selectedPath()); });
    // A folder's double-click opens its settings; its arrow still expands it.
    m_tree->setExpandsOnDoubleClick(false);
    connect(m_tree, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        const QModelIndex source = m_proxy->mapToSource(index);
        if (const CollectionItem *item = m_model->item(source); item && item->isFolder)
            Q_EMIT editFolderRequested(m_model->rowPath(source));
    });

    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addActions(editActions());
        menu.insertSeparator(m_renameAction);
        if (m_runFolderAction->isEnabled()) {
            menu.addSeparator();
            menu.addAction(m_editFolderAction);
            menu.addAction(m_runFolderAction);
        }
        menu.exec(m_tree->viewport()->mapToGlobal(pos));
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &CollectionPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &CollectionPanel::updateActions);
}

QList<QAction *> CollectionPanel::editActions() const
{
    return { m_newRequestAction, m_newFolderAction, m_renameAction, m_duplicateAction,
        m_deleteAction };
}

void CollectionPanel::updateActions()
{
    const bool open = m_model->hasCollection();
    const bool selected = open && !selectedPath().isEmpty();
    m_newRequestAction->setEnabled(open);
    m_newFolderAction->setEnabled(open);
    m_renameAction->setEnabled(selected);
    m_duplicateAction->setEnabled(selected);
    m_deleteAction->setEnabled(selected);
    const CollectionItem *item
        = selected ? m_model->item(m_model->indexAt(selectedPath())) : nullptr;
    m_runFolderAction->setEnabled(item && item->isFolder);
    m_editFolderAction->setEnabled(item && item->isFolder);
}

QList<int> CollectionPanel::selectedPath() const
{
    const QModelIndex current = m_tree->currentIndex();
    return current.isValid() ? m_model->rowPath(m_proxy->mapToSource(current)) : QList<int> {};
}

void CollectionPanel::addNew(bool folder)
{
    if (!m_model->hasCollection())
        return;
    auto command = CollectionEdits::newItem(m_model->collection(), selectedPath(), folder);
    const QList<int> path = command->path();
    m_model->document()->submit(std::move(command));
    // Named at once: the new item is selected with its name open for typing.
    Q_EMIT filterClearRequested();
    select(m_model->indexAt(path));
    m_tree->edit(m_tree->currentIndex());
}

std::optional<QList<int>> CollectionPanel::chooseFolder()
{
    QStringList choices { tr("(top level)") };
    QList<QList<int>> paths { {} };
    const std::function<void(const QList<CollectionItem> &, const QList<int> &, const QString &)>
        walk = [&](const QList<CollectionItem> &items, const QList<int> &at, const QString &above) {
            for (int row = 0; row < items.size(); ++row) {
                if (!items.at(row).isFolder)
                    continue;
                const QString name = above.isEmpty()
                    ? items.at(row).name
                    : QStringLiteral("%1 › %2").arg(above, items.at(row).name);
                choices.append(name);
                paths.append(at + QList<int> { row });
                walk(items.at(row).children, paths.last(), name);
            }
        };
    walk(m_model->collection().items, {}, {});
    const int chosen = m_chooseFolder(choices);
    if (chosen < 0 || chosen >= paths.size())
        return std::nullopt;
    return paths.at(chosen);
}

void CollectionPanel::duplicateSelected()
{
    const QList<int> selected = selectedPath();
    if (selected.isEmpty())
        return;
    auto command = CollectionEdits::duplicate(m_model->collection(), selected);
    if (!command)
        return;
    const QList<int> path = command->path();
    m_model->document()->submit(std::move(command));
    select(m_model->indexAt(path));
}

void CollectionPanel::deleteSelected()
{
    const QList<int> selected = selectedPath();
    const CollectionItem *item
        = selected.isEmpty() ? nullptr : m_model->item(m_model->indexAt(selected));
    if (!item)
        return;
    // A request goes at once (Ctrl+Z brings it back); a folder with contents is asked about.
    if (item->isFolder && !item->children.isEmpty()
        && !m_confirm(tr("Delete the folder \"%1\" and everything in it?").arg(item->name)))
        return;
    m_model->document()->submit(std::make_unique<RemoveItemsCommand>(selected));
}

bool CollectionPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn)
        Q_EMIT activated();
    return QWidget::eventFilter(watched, event);
}

void CollectionPanel::mousePressEvent(QMouseEvent *event)
{
    Q_EMIT activated(); // the header
    QWidget::mousePressEvent(event);
}

void CollectionPanel::setFilter(const QString &text)
{
    m_proxy->setFilterFixedString(text);
    m_tree->expandAll();
}

void CollectionPanel::setCurrent(bool current)
{
    m_current = current;
    updateName();
}

void CollectionPanel::setCollapsed(bool collapsed)
{
    m_collapsed = collapsed;
    m_collapseButton->setArrowType(collapsed ? Qt::RightArrow : Qt::DownArrow);
    m_stack->setVisible(!collapsed);
    // In the sidebar's splitter a collapsed collection takes the height of its header only.
    setMaximumHeight(collapsed ? minimumSizeHint().height() : QWIDGETSIZE_MAX);
}

void CollectionPanel::showProblem(const QString &name, const QString &problem)
{
    m_problemName = name;
    m_problem = problem;
    onModelReset();
}

void CollectionPanel::updateName()
{
    const QString name = m_model->hasCollection() ? m_model->collection().name : m_problemName;
    m_nameLabel->setText(m_model->document()->isDirty() ? QStringLiteral("%1 ●").arg(name) : name);
    m_nameLabel->setToolTip(plainToolTip(name));
    QFont font = m_nameLabel->font();
    font.setBold(m_current);
    m_nameLabel->setFont(font);
    m_nameLabel->setForegroundRole(m_current ? QPalette::WindowText : QPalette::PlaceholderText);
}

void CollectionPanel::onModelReset()
{
    const bool open = m_model->hasCollection();
    if (open)
        m_problem.clear(); // it opened after all
    m_stack->setCurrentIndex(open ? 1 : 0);
    m_header->setVisible(open || !m_problem.isEmpty());
    m_hintLabel->setText(m_problem.isEmpty()
            ? tr("Open a Postman collection (Ctrl+O), import requests from curl, .http or OpenAPI "
                 "(Ctrl+I), or type a URL and press Ctrl+Enter.")
            : m_problem);
    m_openButton->setText(m_problem.isEmpty() ? tr("Open collection…") : tr("Try again"));
    updateName();
    m_tree->expandAll();
    updateActions();
}

void CollectionPanel::select(const QModelIndex &sourceIndex)
{
    const QModelIndex index = m_proxy->mapFromSource(sourceIndex);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

} // namespace Playground
