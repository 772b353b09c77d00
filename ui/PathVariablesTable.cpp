#include "ui/PathVariablesTable.h"

#include "app/core/PlainToolTip.h"

#include <QHeaderView>

namespace Playground {

PathVariablesTable::PathVariablesTable(QWidget *parent)
    : QTableWidget(0, 2, parent)
{
    setObjectName(QStringLiteral("pathVariablesTableWidget"));
    setAccessibleName(tr("Path variables"));
    setHorizontalHeaderLabels({ tr("Path variable"), tr("Value") });
    horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    setAlternatingRowColors(true);
    setWordWrap(false);
    connect(this, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *changed) {
        if (m_loading || changed->column() != ValueColumn || changed->row() >= m_rows.size())
            return;
        m_rows[changed->row()].value = changed->text();
        Q_EMIT rowsEdited();
    });
}

void PathVariablesTable::setRows(const KeyValueList &rows)
{
    m_loading = true;
    m_rows = rows;
    setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        auto *key = new QTableWidgetItem(QLatin1Char(':') + rows.at(row).key);
        key->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        key->setToolTip(tr("Named in the URL; rename it there"));
        setItem(row, KeyColumn, key);
        auto *value = new QTableWidgetItem(rows.at(row).value);
        value->setToolTip(plainToolTip(
            tr("Sent in place of :%1 (empty: sent as written)").arg(rows.at(row).key)));
        setItem(row, ValueColumn, value);
    }
    m_loading = false;
}

} // namespace Playground
