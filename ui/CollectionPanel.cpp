#include "ui/CollectionPanel.h"

#include "app/model/CollectionTreeModel.h"
#include "ui/CollectionItemDelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace Playground {

CollectionPanel::CollectionPanel(CollectionTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_stack(new QStackedWidget(this))
    , m_nameLabel(new QLabel(this))
    , m_filterEdit(new QLineEdit(this))
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
    QFont bold = m_nameLabel->font();
    bold.setBold(true);
    m_nameLabel->setFont(bold);

    m_filterEdit->setObjectName(QStringLiteral("filterLineEdit"));
    m_filterEdit->setAccessibleName(tr("Filter requests"));
    m_filterEdit->setPlaceholderText(tr("Filter requests"));
    m_filterEdit->setClearButtonEnabled(true);

    m_tree->setObjectName(QStringLiteral("collectionTreeView"));
    m_tree->setAccessibleName(tr("Collection"));
    m_tree->setModel(m_proxy);
    m_tree->setItemDelegate(new CollectionItemDelegate(m_tree));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *treePage = new QWidget(this);
    auto *treeLayout = new QVBoxLayout(treePage);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->addWidget(m_nameLabel);
    treeLayout->addWidget(m_filterEdit);
    treeLayout->addWidget(m_tree, 1);

    m_hintLabel->setObjectName(QStringLiteral("emptyHintLabel"));
    m_hintLabel->setTextFormat(Qt::PlainText);
    m_hintLabel->setWordWrap(true);
    m_hintLabel->setAlignment(Qt::AlignCenter);
    m_hintLabel->setForegroundRole(QPalette::PlaceholderText);
    m_hintLabel->setText(
        tr("Open a Postman collection (Ctrl+O) or type a URL and press Ctrl+Enter."));
    m_openButton->setObjectName(QStringLiteral("openCollectionButton"));
    m_openButton->setAccessibleName(tr("Open a collection"));
    auto *hintPage = new QWidget(this);
    auto *hintLayout = new QVBoxLayout(hintPage);
    hintLayout->addStretch(1);
    hintLayout->addWidget(m_hintLabel);
    hintLayout->addWidget(m_openButton, 0, Qt::AlignHCenter);
    hintLayout->addStretch(2);

    m_stack->addWidget(hintPage);
    m_stack->addWidget(treePage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 0, 8);
    layout->addWidget(m_stack);

    connect(m_openButton, &QPushButton::clicked, this, &CollectionPanel::openRequested);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        m_tree->expandAll();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid())
                Q_EMIT itemChosen(m_proxy->mapToSource(current));
        });
    connect(m_model, &QAbstractItemModel::modelReset, this, &CollectionPanel::onModelReset);
    onModelReset();
}

void CollectionPanel::onModelReset()
{
    const bool open = m_model->hasCollection();
    m_stack->setCurrentIndex(open ? 1 : 0);
    m_nameLabel->setText(m_model->collection().name);
    m_nameLabel->setToolTip(m_model->collection().name);
    m_filterEdit->clear();
    m_tree->expandAll();
}

void CollectionPanel::select(const QModelIndex &sourceIndex)
{
    const QModelIndex index = m_proxy->mapFromSource(sourceIndex);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

} // namespace Playground
