#pragma once

#include <QStyledItemDelegate>

namespace Playground {

/** Paints a collection tree row: a colored method tag before each request's name, a folder icon for
 * folders. */
class CollectionItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /** The color of a method tag (GET green, POST amber, ...). */
    static QColor methodColor(const QString &method);
};

} // namespace Playground
