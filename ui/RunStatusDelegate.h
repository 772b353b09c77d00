#pragma once

#include <QStyledItemDelegate>

namespace Playground {

/** Draws a run result's status in the colour of its class (RunResultsModel::StatusClassRole). */
class RunStatusDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Playground
