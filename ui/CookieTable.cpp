#include "ui/CookieTable.h"

#include "app/response/CookieTableModel.h"

#include <QHeaderView>

namespace Playground {

CookieTable::CookieTable(CookieTableModel *model, const QString &objectName,
    const QString &accessibleName, QWidget *parent)
    : QTableView(parent)
{
    setObjectName(objectName);
    setAccessibleName(accessibleName);
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideMiddle);
    verticalHeader()->hide();
    QHeaderView *header = horizontalHeader();
    header->setHighlightSections(false);
    // Every column in view at 1280 px: the value takes what the others leave.
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    header->setMinimumSectionSize(48);
    header->resizeSection(CookieTableModel::Name, 140);
    header->resizeSection(CookieTableModel::Domain, 140);
    header->resizeSection(CookieTableModel::Path, 70);
    header->resizeSection(CookieTableModel::Expires, 160);
    header->setSectionResizeMode(CookieTableModel::Value, QHeaderView::Stretch);
    header->setSectionResizeMode(CookieTableModel::HttpOnly, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CookieTableModel::Secure, QHeaderView::ResizeToContents);
}

} // namespace Playground
