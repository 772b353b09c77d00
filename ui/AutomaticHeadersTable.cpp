#include "ui/AutomaticHeadersTable.h"

#include <QEvent>
#include <QHeaderView>

namespace Playground {

AutomaticHeadersTable::AutomaticHeadersTable(QWidget *parent)
    : QTableWidget(0, 2, parent)
{
    setHorizontalHeaderLabels({ tr("Added when sent"), tr("Value") });
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    horizontalHeader()->resizeSection(0, 220);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setWordWrap(false);
    setAccessibleName(tr("Headers added when the request is sent"));
    setToolTip(tr("Added by the app when the request is sent; a header of your own with the same "
                  "name replaces Content-Type, Authorization and User-Agent"));
}

void AutomaticHeadersTable::setHeaders(const QList<AutomaticHeader> &headers)
{
    setRowCount(0);
    for (const AutomaticHeader &h : headers) {
        const int r = rowCount();
        insertRow(r);
        for (const auto &[column, text] : { std::pair { 0, h.name }, std::pair { 1, h.value } }) {
            auto *item = new QTableWidgetItem(text);
            item->setFlags(Qt::ItemIsEnabled);
            setItem(r, column, item);
        }
    }
    paintGrey();
    // As tall as its rows: the user-editable table above takes the rest.
    setFixedHeight(horizontalHeader()->height()
        + rowCount() * verticalHeader()->defaultSectionSize() + 2 * frameWidth());
}

void AutomaticHeadersTable::paintGrey()
{
    const QColor grey = palette().color(QPalette::PlaceholderText);
    for (int r = 0; r < rowCount(); ++r) {
        for (int c = 0; c < columnCount(); ++c)
            item(r, c)->setForeground(grey);
    }
}

void AutomaticHeadersTable::changeEvent(QEvent *event)
{
    QTableWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        paintGrey();
}

} // namespace Playground
