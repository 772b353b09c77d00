#include "ui/CollectionItemDelegate.h"

#include "app/model/CollectionTreeModel.h"

#include <QApplication>
#include <QPainter>

namespace Playground {

namespace {

    QFont tagFont(const QFont &base)
    {
        QFont font = base;
        font.setBold(true);
        font.setPointSizeF(base.pointSizeF() * 0.8);
        return font;
    }

} // namespace

QColor CollectionItemDelegate::methodColor(const QString &method)
{
    const QString m = method.toUpper();
    if (m == QLatin1String("GET"))
        return QColor(0x2e, 0x9d, 0x4f);
    if (m == QLatin1String("POST"))
        return QColor(0xd0, 0x7a, 0x00);
    if (m == QLatin1String("PUT"))
        return QColor(0x3a, 0x7b, 0xd5);
    if (m == QLatin1String("PATCH"))
        return QColor(0x8e, 0x5c, 0xd9);
    if (m == QLatin1String("DELETE"))
        return QColor(0xd6, 0x45, 0x45);
    return QColor(0x80, 0x80, 0x80);
}

void CollectionItemDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const bool folder = index.data(CollectionTreeModel::IsFolderRole).toBool();
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (folder) {
        opt.icon = QApplication::style()->standardIcon(QStyle::SP_DirIcon);
        opt.features |= QStyleOptionViewItem::HasDecoration;
        QStyledItemDelegate::paint(painter, opt, index);
        return;
    }
    // Background, selection and focus from the style; the text is ours.
    const QString name = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const QFont font = tagFont(opt.font);
    const QFontMetrics tagMetrics(font);
    const int tagWidth = tagMetrics.horizontalAdvance(QStringLiteral("OPTIONS")) + 4;
    const QString method = index.data(CollectionTreeModel::MethodRole).toString();

    painter->save();
    painter->setFont(font);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText) : methodColor(method));
    const QRect tagRect(textRect.left(), textRect.top(), tagWidth, textRect.height());
    painter->drawText(tagRect, Qt::AlignLeft | Qt::AlignVCenter,
        tagMetrics.elidedText(method.left(7), Qt::ElideRight, tagWidth));
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect nameRect = textRect.adjusted(tagWidth + 4, 0, 0, 0);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(opt.font).elidedText(name, Qt::ElideRight, nameRect.width()));
    painter->restore();
}

QSize CollectionItemDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 8));
    if (!index.data(CollectionTreeModel::IsFolderRole).toBool())
        size.rwidth()
            += QFontMetrics(tagFont(option.font)).horizontalAdvance(QStringLiteral("OPTIONS")) + 8;
    return size;
}

} // namespace Playground
