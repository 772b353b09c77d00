#pragma once

#include <QStyledItemDelegate>

namespace Playground {

/**
 * Suggests as the user types in a headers table: common header names in the key column, the
 * usual values of the row's header in the value column (app/http/CommonHeaders).
 */
class HeaderCompletionDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    HeaderCompletionDelegate(int keyColumn, int valueColumn, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;

private:
    int m_keyColumn;
    int m_valueColumn;
};

} // namespace Playground
