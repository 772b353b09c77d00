#include "ui/FormDataTable.h"

#include <QHeaderView>

namespace Playground {

FormDataTable::FormDataTable(QWidget *parent)
    : EntryTable(5, tr("Multipart form parts"), parent)
{
    setHorizontalHeaderLabels(
        { QString(), tr("Key"), tr("File"), tr("Value or file path"), tr("Content-Type") });
    horizontalHeader()->setSectionResizeMode(FileColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::Interactive);
    horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(ContentTypeColumn, QHeaderView::Interactive);
    horizontalHeader()->resizeSection(KeyColumn, 160);
    horizontalHeader()->resizeSection(ContentTypeColumn, 160);
    setParts({});
}

void FormDataTable::setParts(const QList<FormPart> &parts)
{
    quietly([&] {
        setRowCount(0);
        m_kept.clear();
        for (const FormPart &part : parts)
            appendRow(part, false);
        appendRow({}, true);
    });
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
        makeEnableBox(r, part.enabled, enableTooltip());
    m_kept.append(part);
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
        part.enabled = isRowEnabled(r);
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
    quietly([&] {
        item(row, FileColumn)->setCheckState(Qt::Checked);
        if (item(row, KeyColumn)->text().isEmpty())
            item(row, KeyColumn)->setText(QStringLiteral("file"));
    });
    item(row, ValueColumn)->setText(path); // through onItemChanged: the blank row grows
}

} // namespace Playground
