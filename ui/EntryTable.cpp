#include "ui/EntryTable.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>

namespace Playground {

EntryTable::EntryTable(int columns, const QString &accessibleName, QWidget *parent)
    : QTableWidget(0, columns, parent)
{
    horizontalHeader()->setSectionResizeMode(EnabledColumn, QHeaderView::ResizeToContents);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setAccessibleName(accessibleName);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *remove = new QAction(tr("Delete row"), this);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &EntryTable::removeSelectedRows);
    addAction(remove);
    connect(this, &QTableWidget::itemChanged, this, &EntryTable::onItemChanged);
}

void EntryTable::makeEnableBox(int row, bool enabled, const QString &tooltip)
{
    QTableWidgetItem *box = item(row, EnabledColumn);
    if (!box) {
        box = new QTableWidgetItem;
        setItem(row, EnabledColumn, box);
    }
    box->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    box->setCheckState(enabled ? Qt::Checked : Qt::Unchecked);
    box->setToolTip(tooltip);
}

bool EntryTable::isRowEnabled(int row) const
{
    const QTableWidgetItem *box = item(row, EnabledColumn);
    return !box || !(box->flags() & Qt::ItemIsUserCheckable) || box->checkState() == Qt::Checked;
}

void EntryTable::onItemChanged(QTableWidgetItem *changed)
{
    if (m_loading)
        return;
    // Typing into the blank last row makes it a real entry and adds a new blank one.
    if (changed->row() == rowCount() - 1 && !isBlankRow(changed->row())) {
        quietly([&] {
            makeEnableBox(changed->row(), true, enableTooltip());
            appendBlankRow();
        });
    }
    Q_EMIT rowsEdited();
}

void EntryTable::removeSelectedRows()
{
    QList<int> selected;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        selected.append(index.row());
    std::sort(selected.begin(), selected.end(), std::greater<int>());
    bool removed = false;
    quietly([&] {
        for (int r : selected) {
            if (r == rowCount() - 1)
                continue; // the blank row stays
            removeRow(r);
            forgetRow(r);
            removed = true;
        }
    });
    if (removed)
        Q_EMIT rowsEdited();
}

void EntryTable::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Delete) && state() != QAbstractItemView::EditingState) {
        removeSelectedRows();
        return;
    }
    QTableWidget::keyPressEvent(event);
}

} // namespace Playground
