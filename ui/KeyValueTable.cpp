#include "ui/KeyValueTable.h"

#include "app/core/PlainToolTip.h"

#include <QHeaderView>

namespace Playground {

KeyValueTable::KeyValueTable(const QString &what, QWidget *parent)
    : EntryTable(3, what, parent)
{
    setHorizontalHeaderLabels({ QString(), tr("Key"), tr("Value") });
    horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->resizeSection(KeyColumn, 220);
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
    quietly([&] {
        setRowCount(0);
        m_kept.clear();
        for (const KeyValue &row : rows)
            appendRow(row, false);
        appendRow({}, true);
    });
}

void KeyValueTable::appendRow(const KeyValue &row, bool blank)
{
    const int r = rowCount();
    insertRow(r);
    auto *enabled = new QTableWidgetItem;
    enabled->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    setItem(r, EnabledColumn, enabled);
    if (!blank)
        makeEnableBox(r, row.enabled, enableTooltip());
    auto *key = new QTableWidgetItem(shown(row.key));
    auto *value = new QTableWidgetItem(shown(row.value));
    if (blank) {
        key->setToolTip(tr("Add a row"));
    } else if (!row.description.isEmpty()) {
        key->setToolTip(plainToolTip(row.description));
        value->setToolTip(plainToolTip(row.description));
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
        row.enabled = isRowEnabled(r);
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

} // namespace Playground
