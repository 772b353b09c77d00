#include "ui/RunStatusDelegate.h"

#include "app/runner/RunResultsModel.h"
#include "ui/StatusColors.h"

namespace Playground {

void RunStatusDelegate::initStyleOption(
    QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto statusClass
        = ResponseFormatter::StatusClass(index.data(RunResultsModel::StatusClassRole).toInt());
    const QColor color = statusColor(statusClass);
    if (!color.isValid())
        return;
    option->palette.setColor(QPalette::Text, color);
    option->palette.setColor(QPalette::HighlightedText, color.lighter(130));
    option->font.setBold(true);
}

} // namespace Playground
