#include "ui/HeaderCompletionDelegate.h"

#include "app/http/CommonHeaders.h"

#include <QCompleter>
#include <QLineEdit>

namespace Playground {

HeaderCompletionDelegate::HeaderCompletionDelegate(int keyColumn, int valueColumn, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_keyColumn(keyColumn)
    , m_valueColumn(valueColumn)
{
}

QWidget *HeaderCompletionDelegate::createEditor(
    QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    auto *line = qobject_cast<QLineEdit *>(editor);
    if (!line)
        return editor;
    QStringList suggestions;
    if (index.column() == m_keyColumn) {
        line->setObjectName(QStringLiteral("headerNameEditor"));
        suggestions = CommonHeaders::names();
    } else if (index.column() == m_valueColumn) {
        line->setObjectName(QStringLiteral("headerValueEditor"));
        suggestions = CommonHeaders::valuesOf(index.siblingAtColumn(m_keyColumn).data().toString());
    }
    if (suggestions.isEmpty())
        return editor;
    auto *completer = new QCompleter(suggestions, line);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setObjectName(QStringLiteral("headerCompleter"));
    line->setCompleter(completer);
    return editor;
}

} // namespace Playground
