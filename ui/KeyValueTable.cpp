#include "ui/KeyValueTable.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>

namespace Playground {

KeyValueTable::KeyValueTable(const QString &what, QWidget *parent)
    : QTableWidget(0, 3, parent)
{
    setHorizontalHeaderLabels({ QString(), tr("Key"), tr("Value") });
    horizontalHeader()->setSectionResizeMode(EnabledColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->resizeSection(KeyColumn, 220);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setAccessibleName(what);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *remove = new QAction(tr("Delete row"), this);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &KeyValueTable::removeSelectedRows);
    addAction(remove);
    connect(this, &QTableWidget::itemChanged, this, &KeyValueTable::onItemChanged);
    setRows({});
}

void KeyValueTable::setCodec(Codec show, Encoder store)
{
    m_show = std::move(show);
    m_store = std::move(store);
}

QString KeyValueTable::stored(const QString &shownText, const QString &before, bool isKey) const
{
    if (shownText == shown(before))
        return before; // untouched: exactly as stored
    return m_store ? m_store(shownText, isKey) : shownText;
}

void KeyValueTable::setRows(const KeyValueList &rows)
{
    m_loading = true;
    setRowCount(0);
    m_kept.clear();
    for (const KeyValue &row : rows)
        appendRow(row, false);
    appendRow({}, true);
    m_loading = false;
}

void KeyValueTable::appendRow(const KeyValue &row, bool blank)
{
    const int r = rowCount();
    insertRow(r);
    auto *enabled = new QTableWidgetItem;
    if (blank) {
        enabled->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    } else {
        enabled->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        enabled->setCheckState(row.enabled ? Qt::Checked : Qt::Unchecked);
        enabled->setToolTip(tr("Send this row"));
    }
    setItem(r, EnabledColumn, enabled);
    auto *key = new QTableWidgetItem(shown(row.key));
    auto *value = new QTableWidgetItem(shown(row.value));
    if (blank) {
        key->setToolTip(tr("Add a row"));
    } else if (!row.description.isEmpty()) {
        key->setToolTip(row.description);
        value->setToolTip(row.description);
    }
    setItem(r, KeyColumn, key);
    setItem(r, ValueColumn, value);
    m_kept.append(row);
}

bool KeyValueTable::isBlankRow(int row) const
{
    const QTableWidgetItem *key = item(row, KeyColumn);
    const QTableWidgetItem *value = item(row, ValueColumn);
    return (!key || key->text().isEmpty()) && (!value || value->text().isEmpty());
}

KeyValueList KeyValueTable::rows() const
{
    KeyValueList out;
    for (int r = 0; r < rowCount(); ++r) {
        if (isBlankRow(r))
            continue;
        KeyValue row = r < m_kept.size() ? m_kept.at(r) : KeyValue();
        const QTableWidgetItem *enabled = item(r, EnabledColumn);
        row.enabled
            = !(enabled->flags() & Qt::ItemIsUserCheckable) || enabled->checkState() == Qt::Checked;
        row.key = stored(item(r, KeyColumn)->text(), row.key, true);
        const QString value = stored(item(r, ValueColumn)->text(), row.value, false);
        // A row written "key" (no '=') stays so while its value is left empty.
        if (!(value.isEmpty() && row.value.isNull()))
            row.value = value.isNull() ? QLatin1String("") : value;
        out.append(row);
    }
    return out;
}

int KeyValueTable::enabledCount() const
{
    int count = 0;
    for (const KeyValue &row : rows())
        count += row.enabled ? 1 : 0;
    return count;
}

void KeyValueTable::onItemChanged(QTableWidgetItem *changed)
{
    if (m_loading)
        return;
    // Typing into the blank last row makes it a real row and adds a new blank one.
    if (changed->row() == rowCount() - 1 && !isBlankRow(changed->row())) {
        m_loading = true;
        QTableWidgetItem *enabled = item(changed->row(), EnabledColumn);
        enabled->setFlags(enabled->flags() | Qt::ItemIsUserCheckable);
        enabled->setCheckState(Qt::Checked);
        enabled->setToolTip(tr("Send this row"));
        appendRow({}, true);
        m_loading = false;
    }
    Q_EMIT rowsEdited();
}

void KeyValueTable::removeSelectedRows()
{
    QList<int> selected;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        selected.append(index.row());
    std::sort(selected.begin(), selected.end(), std::greater<int>());
    bool removed = false;
    m_loading = true;
    for (int r : selected) {
        if (r == rowCount() - 1)
            continue; // the blank row stays
        removeRow(r);
        m_kept.removeAt(r);
        removed = true;
    }
    m_loading = false;
    if (removed)
        Q_EMIT rowsEdited();
}

void KeyValueTable::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Delete) && state() != QAbstractItemView::EditingState) {
        removeSelectedRows();
        return;
    }
    QTableWidget::keyPressEvent(event);
}

} // namespace Playground
