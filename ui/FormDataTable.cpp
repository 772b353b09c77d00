#include "ui/FormDataTable.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>

namespace Playground {

FormDataTable::FormDataTable(QWidget *parent)
    : QTableWidget(0, 5, parent)
{
    setHorizontalHeaderLabels(
        { QString(), tr("Key"), tr("File"), tr("Value or file path"), tr("Content-Type") });
    horizontalHeader()->setSectionResizeMode(EnabledColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(FileColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::Interactive);
    horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(ContentTypeColumn, QHeaderView::Interactive);
    horizontalHeader()->resizeSection(KeyColumn, 160);
    horizontalHeader()->resizeSection(ContentTypeColumn, 160);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setAccessibleName(tr("Multipart form parts"));
    setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *remove = new QAction(tr("Delete row"), this);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &FormDataTable::removeSelectedRows);
    addAction(remove);
    connect(this, &QTableWidget::itemChanged, this, &FormDataTable::onItemChanged);
    setParts({});
}

void FormDataTable::setParts(const QList<FormPart> &parts)
{
    m_loading = true;
    setRowCount(0);
    m_kept.clear();
    for (const FormPart &part : parts)
        appendRow(part, false);
    appendRow({}, true);
    m_loading = false;
}

void FormDataTable::appendRow(const FormPart &part, bool blank)
{
    const int r = rowCount();
    insertRow(r);
    auto *enabled = new QTableWidgetItem;
    enabled->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    setItem(r, EnabledColumn, enabled);
    auto *file = new QTableWidgetItem;
    file->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    file->setCheckState(part.isFile ? Qt::Checked : Qt::Unchecked);
    file->setToolTip(tr("Send a file: the value is its path, read when the request is sent"));
    setItem(r, FileColumn, file);
    setItem(r, KeyColumn, new QTableWidgetItem(part.key));
    setItem(r, ValueColumn, new QTableWidgetItem(part.isFile ? part.src : part.value));
    auto *type = new QTableWidgetItem(part.contentType);
    type->setToolTip(tr("Empty: guessed from a file's name; none for text"));
    setItem(r, ContentTypeColumn, type);
    if (blank)
        item(r, KeyColumn)->setToolTip(tr("Add a part"));
    else
        setRowEnabled(r);
    if (!blank && part.enabled == false)
        enabled->setCheckState(Qt::Unchecked);
    m_kept.append(part);
}

void FormDataTable::setRowEnabled(int row)
{
    QTableWidgetItem *enabled = item(row, EnabledColumn);
    enabled->setFlags(enabled->flags() | Qt::ItemIsUserCheckable);
    enabled->setCheckState(Qt::Checked);
    enabled->setToolTip(tr("Send this part"));
}

bool FormDataTable::isBlankRow(int row) const
{
    for (const int column : { KeyColumn, ValueColumn, ContentTypeColumn }) {
        const QTableWidgetItem *cell = item(row, column);
        if (cell && !cell->text().isEmpty())
            return false;
    }
    return true;
}

QList<FormPart> FormDataTable::parts() const
{
    QList<FormPart> out;
    for (int r = 0; r < rowCount(); ++r) {
        if (isBlankRow(r))
            continue;
        FormPart part = r < m_kept.size() ? m_kept.at(r) : FormPart();
        const QTableWidgetItem *enabled = item(r, EnabledColumn);
        part.enabled
            = !(enabled->flags() & Qt::ItemIsUserCheckable) || enabled->checkState() == Qt::Checked;
        part.key = item(r, KeyColumn)->text();
        part.isFile = item(r, FileColumn)->checkState() == Qt::Checked;
        const QString value = item(r, ValueColumn)->text();
        if (part.isFile) {
            part.src = value;
            part.value.clear();
        } else {
            part.value = value;
            part.src.clear();
            part.extra.remove(QLatin1String("src")); // a text part has no file list
        }
        part.contentType = item(r, ContentTypeColumn)->text();
        out.append(part);
    }
    return out;
}

void FormDataTable::setFile(int row, const QString &path)
{
    if (row < 0 || row >= rowCount())
        row = rowCount() - 1;
    m_loading = true;
    item(row, FileColumn)->setCheckState(Qt::Checked);
    if (item(row, KeyColumn)->text().isEmpty())
        item(row, KeyColumn)->setText(QStringLiteral("file"));
    m_loading = false;
    item(row, ValueColumn)->setText(path); // through onItemChanged: the blank row grows
}

void FormDataTable::onItemChanged(QTableWidgetItem *changed)
{
    if (m_loading)
        return;
    if (changed->row() == rowCount() - 1 && !isBlankRow(changed->row())) {
        m_loading = true;
        setRowEnabled(changed->row());
        appendRow({}, true);
        m_loading = false;
    }
    Q_EMIT partsEdited();
}

void FormDataTable::removeSelectedRows()
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
        Q_EMIT partsEdited();
}

void FormDataTable::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Delete) && state() != QAbstractItemView::EditingState) {
        removeSelectedRows();
        return;
    }
    QTableWidget::keyPressEvent(event);
}

} // namespace Playground
